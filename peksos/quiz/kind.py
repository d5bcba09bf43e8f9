"""The quiz bank as a content kind (:class:`peksos.kind.Kind`): ``{quiz} <bank file under quizzes/ or bank id>``
with :items: (ids), :pool: (k), :shuffle: (yes/no) and :title:. Only the banks some page embeds get their
section labels checked by the build (`peksos validate` checks all of them against the book's sources). Its results
files are a quiz result (JSON) and its CSV twin (:mod:`.results`), checked against the banks."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import data
from ..kind import Kind, ResultReader, Results, Url
from ..markup import csv_list
from ..paths import quizzes_dir
from . import loader, render, results
from .schema import Bank


def _pool(options: dict) -> int | None:
    raw = (options.get("pool") or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise loader.QuizError(f"option :pool: must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def _shuffle(options: dict) -> bool:
    raw = (options.get("shuffle") or "yes").strip().lower()
    if raw not in ("yes", "no", "ya", "tidak", "true", "false"):
        raise loader.QuizError(f"option :shuffle: must be yes or no, not {raw!r}")
    return raw in ("yes", "ya", "true")


def embed(one: loader.Loaded, options: dict, where: str) -> tuple[dict, dict]:
    payload = render.payload(one.bank, items=csv_list(options.get("items")) or None, pool=_pool(options),
                             shuffle=_shuffle(options), title=options.get("title"))
    return payload, {"lines": {it.id: one.line_of("items", n, "section") for n, it in enumerate(one.bank.items)}}


def link(payload: dict, url: Url, context: dict) -> None:
    for item in payload["items"]:
        item["section_url"] = url(item["section"], f"line {context['lines'].get(item['id'], '?')}: "
                                                   f"item {item['id']!r}: field 'section'")


def missing_labels(one: loader.Loaded, resolves: Callable[[str], bool]) -> str | None:
    try:
        loader.check_labels(one, resolves)
    except loader.QuizError as exc:
        return str(exc)
    return None


def tables(banks: list) -> dict[str, dict]:
    """The banks by id, and every item by id with its bank's id and the item as a dict (for scoring)."""
    return {"banks": {b.id: b for b in banks},
            "items": {it.id: (b.id, it.model_dump(mode="json")) for b in banks for it in b.items}}


RESULTS = Results(
    readers=(ResultReader("kuis-json", "a quiz result", "answers", marks=("quiz", "items"), prefer=1,
                          read=lambda doc, name, where, cat: results.read_json(doc, where, cat)),
             ResultReader("kuis-csv", "a quiz result", "answers", suffix=".csv", read=results.read_csv)),
    schemas=results.SCHEMAS, files=loader.bank_files, load=lambda path: loader.load_bank(path).bank,
    tables=tables, used=("banks", "answers", "bank"), model=Bank, required=True)

KIND = Kind(
    name="quiz", what="quiz banks", static=Path(__file__).resolve().parent, folder=quizzes_dir,
    files=loader.bank_files, error=loader.QuizError,
    load_all=lambda folder, any_files: loader.load_all(
        folder, lists=set(data.load("lists")["list_id"]) if any_files else set()),
    find=loader.find_bank,
    not_one=f"not a bank file (quiz files live under quizzes/, outside {', '.join(loader.EXCLUDED)}/)",
    options=("items", "pool", "shuffle", "title"), embed=embed, link=link, markup=render.markup,
    missing_labels=missing_labels, mount="mount", results=RESULTS)
