"""Load vignettes from YAML and check them; every problem names file, line, node and field.

Beyond the schema: the graph checks of :mod:`peksos.vignette.graph` (targets,
variables, conditions, reachability, no dead end, no loop without exit, every
ending reachable in real play) and the principles each choice names (inventory
list id and item position must exist in data/).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .. import data, yamlio
from ..markup import list_label
from ..yamlio import dotted, line_of
from . import graph
from .schema import Vignette

_SUFFIXES = (".yml", ".yaml")


class VignetteError(ValueError):
    """A vignette file is wrong. The message lists every problem of the first bad file."""


@dataclass
class LoadedVignette(yamlio.Located):
    vignette: Vignette
    path: Path
    lines: dict[tuple, int] = field(default_factory=dict)


def _node_name(raw: dict, loc: tuple) -> str:
    """'node <id>' / 'ending <id>' / 'vignette' for an error location."""
    if len(loc) >= 2 and loc[0] in ("nodes", "endings") and isinstance(loc[1], int):
        seq = raw.get(loc[0]) or []
        ident = seq[loc[1]].get("id") if loc[1] < len(seq) and isinstance(seq[loc[1]], dict) else None
        return f"{'node' if loc[0] == 'nodes' else 'ending'} {ident or f'{loc[0]}[{loc[1]}]'!r}"
    return "vignette"


def _field_name(loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] in ("nodes", "endings"):
        loc = loc[2:]
    return dotted(loc) if loc else "(whole)"


def load_vignette(path: Path | str, *, lists: dict[str, int] | None = None) -> LoadedVignette:
    """Read and check one vignette. ``lists`` maps inventory list id -> item count (None skips that check)."""
    path = Path(path)
    try:
        raw, lines = yamlio.read(path)
    except yamlio.YamlError as exc:
        raise VignetteError(str(exc)) from None
    if not isinstance(raw, dict):
        raise VignetteError(f"{path}: line 1: a vignette is a mapping (id, title, nodes, endings, ...), "
                            f"not {type(raw).__name__}")
    errors: list[str] = []
    try:
        vig = Vignette.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            if msg.startswith("[") and "] " in msg:  # a model check that names its field
                name, msg = msg[1:].split("] ", 1)
                loc = loc + (name,)
            if err["type"] == "extra_forbidden":
                msg = "unknown field (not in the schema; check the spelling)"
            elif err["type"] == "missing":
                msg = "missing field"
            errors.append(f"{path}: line {line_of(lines, loc)}: {_node_name(raw, loc)}: "
                          f"field {_field_name(loc)!r}: {msg}")
        raise VignetteError(f"{len(errors)} error(s) in {path}:\n" + "\n".join(errors)) from None
    problems = graph.static_problems(vig)
    if not problems:
        problems = graph.dynamic_problems(vig)
    for p in problems:
        where = f"node {p.node!r}" if p.node and p.where[:1] == ("nodes",) else (
            f"ending {p.node!r}" if p.node else "vignette")
        errors.append(f"{path}: line {line_of(lines, p.where)}: {where}: field {_field_name(p.where)!r}: {p.message}")
    if lists is not None:
        for i, node in enumerate(vig.nodes):
            for j, choice in enumerate(node.choices):
                for kind in ("applies", "violates"):
                    for k, ref in enumerate(getattr(choice, kind)):
                        where = ("nodes", i, "choices", j, kind, k)
                        if ref.list_id not in lists:
                            errors.append(f"{path}: line {line_of(lines, where)}: node {node.id!r}: field "
                                          f"{_field_name(where)!r}: unknown inventory list id {ref.list_id!r}")
                        elif ref.item is not None and not 1 <= ref.item <= lists[ref.list_id]:
                            errors.append(f"{path}: line {line_of(lines, where)}: node {node.id!r}: field "
                                          f"{_field_name(where)!r}: list {ref.list_id!r} has no item {ref.item} "
                                          f"(it has {lists[ref.list_id]})")
    if errors:
        raise VignetteError(f"{len(errors)} error(s) in {path}:\n" + "\n".join(errors))
    return LoadedVignette(vig, path, lines)


def vignette_files(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in _SUFFIXES and p.is_file())


def known_lists() -> dict[str, int]:
    lists = data.load("lists")
    return dict(zip(lists["list_id"], lists["item_count"].astype(int)))


def load_all(folder: Path | str, *, lists: dict[str, int] | None = None) -> list[LoadedVignette]:
    """Every vignette under ``folder``; stops at the first bad file. Ids must be unique across files."""
    loaded: list[LoadedVignette] = []
    ids: dict[str, Path] = {}
    for path in vignette_files(folder):
        one = load_vignette(path, lists=lists)
        if one.vignette.id in ids:
            raise VignetteError(f"1 error(s) in {path}:\n{path}: line {one.line_of('id')}: vignette: field 'id': "
                                f"id {one.vignette.id!r} is also used by {ids[one.vignette.id]}")
        ids[one.vignette.id] = path
        loaded.append(one)
    return loaded


def find_vignette(ref: str, folder: Path | str) -> Path:
    folder = Path(folder)
    found = yamlio.find(ref, folder, vignette_files(folder), stems=True)
    if found is not None:
        return found
    raise VignetteError(f"{folder}: no vignette {ref!r} (neither a file under quizzes/vignettes/ nor a vignette id)")


def principle_labels(loaded: LoadedVignette, labels: Collection[str] | None) -> list[str]:
    """Book labels the vignette's principles link to; the build checks they resolve."""
    out = []
    for node in loaded.vignette.nodes:
        for choice in node.choices:
            for ref in (*choice.applies, *choice.violates):
                out.append(list_label(ref.list_id))
    return sorted(set(out)) if labels is None else sorted(set(out) - set(labels))
