"""What the quiz engine needs, as a JSON payload, and the HTML that carries it.

:func:`payload` turns a validated bank (or a list of items) into the dict the
front end reads (``peksos/quiz/quiz.js``); :func:`markup` wraps it in the
``<div class="peksos-quiz" data-peksos-engine="quiz">`` that the static page
mounts. The JSON sits in a ``<script type="application/json">`` escaped so that
no ``<``, ``>`` or ``&`` survives: text from a quiz file can never close the
script or become markup.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..markup import widget_markup
from .loader import QuizError
from .schema import Bank

PAYLOAD_VERSION = 1
NOSCRIPT = ("Kuis ini interaktif dan membutuhkan JavaScript. Aktifkan JavaScript di peramban Anda "
            "untuk mengerjakannya; seluruh isi buku lainnya tetap dapat dibaca.")


def _select(items: list, ids: Sequence[str] | None, where: str) -> list:
    if not ids:
        return list(items)
    by_id = {it.id: it for it in items}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise QuizError(f"{where}: option 'items': unknown item id(s) {', '.join(map(repr, missing))}")
    if len(set(ids)) != len(ids):
        raise QuizError(f"{where}: option 'items': an item id is listed twice")
    return [by_id[i] for i in ids]


def make_quiz_id(bank_id: str, items: Sequence[str] | None = None, pool: int | None = None) -> str:
    """A stable id for one embedding of a bank: the bank id, plus a short hash of the selection."""
    if not items and not pool:
        return bank_id
    digest = hashlib.sha1(repr((list(items or []), pool)).encode()).hexdigest()[:8]
    return f"{bank_id}-{digest}"


def payload(bank_or_items: Bank | Sequence, *, items: Sequence[str] | None = None, pool: int | None = None,
            shuffle: bool = True, quiz_id: str | None = None, title: str | None = None,
            links: Mapping[str, str] | Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """The engine's input: the chosen items with their section links resolved to URLs.

    ``links`` maps a section label to its URL (a dict or a function); a label it does not
    know keeps no link. ``pool`` draws that many items per reader (seeded, stable).
    """
    if isinstance(bank_or_items, Bank):
        bank: Bank | None = bank_or_items
        all_items = list(bank.items)
        where = f"bank {bank.id!r}"
    else:
        bank = None
        all_items = list(bank_or_items)
        where = "quiz"
    chosen = _select(all_items, items, where)
    if pool is not None:
        if isinstance(pool, bool) or not isinstance(pool, int) or pool < 1:
            raise QuizError(f"{where}: option 'pool': must be a whole number of at least 1, not {pool!r}")
        if pool > len(chosen):
            raise QuizError(f"{where}: option 'pool': cannot draw {pool} of {len(chosen)} items")
    resolve = links.get if isinstance(links, Mapping) else (links or (lambda label: None))
    out_items = []
    for it in chosen:
        data = it.model_dump(mode="json")
        url = resolve(it.section)
        data["section_url"] = url or None
        data["chapter"] = bank.chapter if bank else None
        out_items.append(data)
    qid = quiz_id or (make_quiz_id(bank.id, items, pool) if bank else "kuis")
    return {
        "v": PAYLOAD_VERSION,
        "id": qid,
        "bank": bank.id if bank else None,
        "title": title if title is not None else (bank.title if bank else ""),
        "shuffle": bool(shuffle),
        "pool": pool if pool and pool < len(chosen) else None,
        "items": out_items,
    }


def markup(data: dict[str, Any]) -> str:
    """The static HTML of a quiz: a mount point with the payload and a note for readers without JS."""
    return widget_markup("quiz", data, NOSCRIPT)
