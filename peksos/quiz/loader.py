"""Load quiz banks from YAML and check them; every problem names file, line, item and field.

:func:`load_bank` reads one file; :func:`load_all` reads every bank under a folder and
stops at the first file with errors, raising :class:`QuizError` that lists all of them.
Beyond the schema it checks ids that repeat (within and across files), inventory list
ids (``lists``) and section labels (``labels``). The CLI builds the label set with
:func:`book_labels`; the Sphinx build checks against its std-domain labels.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .. import yamlio
from ..book import book_sections
from ..markup import list_label
from ..yamlio import dotted, line_of
from .schema import ITEM, TYPES, Bank

EXCLUDED = ("schema", "vignettes")
_SUFFIXES = (".yml", ".yaml")


class QuizError(ValueError):
    """A quiz file is wrong. The message lists every problem of the first bad file."""


@dataclass
class Loaded(yamlio.Located):
    """A validated bank with where it came from and the line of each item."""

    bank: Bank
    path: Path
    lines: dict[tuple, int] = field(default_factory=dict)


# --- validation ---------------------------------------------------------------------------
_AT = re.compile(r"^\[([A-Za-z0-9_.\[\]]+)\] ")


def _parse_path(text: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\d+", text)]


def _friendly(err: dict, item: dict | None) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "union_tag_invalid":
        return f"unknown item type {item.get('type')!r}; known types: {', '.join(TYPES)}"
    if kind == "union_tag_not_found":
        return f"missing field 'type'; one of: {', '.join(TYPES)}"
    if kind == "missing":
        if len(err["loc"]) >= 2 and err["loc"][-3:-2] == ("pairs",) and err["loc"][-1] in ("left", "right"):
            return "missing field: every pair needs a left and a right side (the matching sides are unequal)"
        return "missing field"
    if kind == "extra_forbidden":
        return "unknown field (not in the schema; check the spelling)"
    if kind == "too_short" and err["loc"] and err["loc"][-1] in ("options", "pairs", "steps", "entries",
                                                                  "groups", "accepted", "items"):
        return f"empty or too few {err['loc'][-1]}: {msg}"
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    return msg


def _item_errors(raw: object, n: int, file: Path, lines: dict) -> tuple[object | None, list[str]]:
    base = ("items", n)
    if not isinstance(raw, dict):
        return None, [f"{file}: line {line_of(lines, base)}: items[{n}]: field (item): an item must be a "
                      f"mapping of fields, not {type(raw).__name__}"]
    ident = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else f"items[{n}] (no id)"
    try:
        return ITEM.validate_python(raw), []
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = list(err["loc"])
            if loc and loc[0] == raw.get("type"):
                loc = loc[1:]  # the union's tag
            message = _friendly(err, raw)
            named = _AT.match(message)
            if named:  # a model-level check that names its field
                loc += _parse_path(named.group(1))
                message = message[named.end():]
            fpath = base + tuple(loc)
            name = dotted(loc) if loc else "(item)"
            if err["type"].startswith("union_tag"):
                name = "type"
                fpath = base + ("type",)
            out.append(f"{file}: line {line_of(lines, fpath)}: item {ident!r}: field {name!r}: {message}")
        return None, out


def load_bank(path: Path | str, *, lists: Collection[str] | None = None,
              labels: Collection[str] | None = None) -> Loaded:
    """Read and validate one bank file.

    ``lists``: the known inventory list ids; ``labels``: the known reference labels.
    Either may be None to skip that check (the Sphinx build checks labels later, once
    every page is read).
    """
    path = Path(path)
    try:
        raw, lines = yamlio.read(path)
    except yamlio.YamlError as exc:
        raise QuizError(str(exc)) from None
    errors: list[str] = []
    if not isinstance(raw, dict):
        raise QuizError(f"{path}: line 1: a bank is a mapping with id, title, chapter and items, "
                        f"not {type(raw).__name__}")
    items = raw.get("items")
    head = {k: v for k, v in raw.items() if k != "items"}
    try:
        Bank.model_validate({**head, "items": [None]})
    except ValidationError as exc:
        for err in exc.errors():
            if err["loc"] and err["loc"][0] == "items":
                continue
            loc = tuple(err["loc"])
            errors.append(f"{path}: line {line_of(lines, loc)}: bank: field {dotted(loc)!r}: {_friendly(err, None)}")
    parsed = []
    if not isinstance(items, list) or not items:
        errors.append(f"{path}: line {line_of(lines, ('items',)) or 1}: bank: field 'items': "
                      "missing or empty; a bank needs at least one item")
        items = []
    seen: dict[str, int] = {}
    for n, it in enumerate(items):
        item, problems = _item_errors(it, n, path, lines)
        errors.extend(problems)
        iid = it.get("id") if isinstance(it, dict) else None
        if isinstance(iid, str) and iid:
            line = line_of(lines, ("items", n, "id"))
            if iid in seen:
                errors.append(f"{path}: line {line}: item {iid!r}: field 'id': duplicate id "
                              f"(also at line {seen[iid]})")
            else:
                seen[iid] = line
        if item is None:
            continue
        parsed.append(item)
        if lists is not None and item.list_id not in lists:
            errors.append(f"{path}: line {line_of(lines, ('items', n, 'list_id'))}: item {item.id!r}: "
                          f"field 'list_id': unknown inventory id {item.list_id!r}")
        if labels is not None and item.section not in labels:
            errors.append(f"{path}: line {line_of(lines, ('items', n, 'section'))}: item {item.id!r}: "
                          f"field 'section': label {item.section!r} does not resolve to a section of the book")
    if errors:
        raise QuizError(f"{len(errors)} error(s) in {path}:\n" + "\n".join(errors))
    bank = Bank.model_validate({**head, "items": parsed})
    return Loaded(bank, path, lines)


def bank_files(folder: Path | str) -> list[Path]:
    """Every bank file under ``folder``, except the schema and the vignettes."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in _SUFFIXES and p.is_file()
                  and not (p.relative_to(folder).parts[0] in EXCLUDED))


def load_all(folder: Path | str, *, lists: Collection[str] | None = None,
             labels: Collection[str] | None = None) -> list[Loaded]:
    """Every bank under ``folder``; stops at the first bad file. Ids must be unique across files."""
    loaded: list[Loaded] = []
    owner: dict[str, tuple[Path, int | None]] = {}
    bank_ids: dict[str, Path] = {}
    for path in bank_files(folder):
        one = load_bank(path, lists=lists, labels=labels)
        errors = []
        if one.bank.id in bank_ids:
            errors.append(f"{path}: line {one.line_of('id')}: bank: field 'id': bank id {one.bank.id!r} "
                          f"is also used by {bank_ids[one.bank.id]}")
        bank_ids[one.bank.id] = path
        for n, item in enumerate(one.bank.items):
            if item.id in owner:
                other, line = owner[item.id]
                errors.append(f"{path}: line {one.line_of('items', n, 'id')}: item {item.id!r}: field 'id': "
                              f"duplicate id (also in {other}, line {line})")
            else:
                owner[item.id] = (path, one.line_of("items", n, "id"))
        if errors:
            raise QuizError(f"{len(errors)} error(s) in {path}:\n" + "\n".join(errors))
        loaded.append(one)
    return loaded


def check_labels(loaded: Loaded, resolves) -> None:
    """Raise QuizError listing every item whose section label ``resolves(label)`` rejects."""
    errors = [f"{loaded.path}: line {loaded.line_of('items', n, 'section')}: item {it.id!r}: field 'section': "
              f"label {it.section!r} does not resolve to a section of the book"
              for n, it in enumerate(loaded.bank.items) if not resolves(it.section)]
    if errors:
        raise QuizError(f"{len(errors)} error(s) in {loaded.path}:\n" + "\n".join(errors))


def find_bank(ref: str, folder: Path | str) -> Path:
    """A bank named by its file (relative to ``folder``, with or without .yml) or by its id."""
    folder = Path(folder)
    found = yamlio.find(ref, folder, bank_files(folder))
    if found is not None:
        return found
    raise QuizError(f"{folder}: no quiz bank {ref!r} (neither a file under quizzes/ nor a bank id)")


# --- the labels of the book, for the CLI ----------------------------------------------------
def book_labels(book_dir: Path | str, lists: Collection[str] = ()) -> set[str]:
    """Reference labels the book defines: MyST ``(label)=`` targets in ``book/**/*.md`` and the
    ``daftar-...`` label of every concept list that a page shows with ``{concept-list}``."""
    labels = set(book_sections(Path(book_dir)))
    if lists:
        labels = {x for x in labels if not x.startswith("daftar-") or x in {list_label(i) for i in lists}}
    return labels
