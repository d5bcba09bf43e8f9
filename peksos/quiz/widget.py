"""``Quiz``: the quiz engine live in Jupyter (anywidget), with the answers back in Python.

    from peksos.quiz.widget import Quiz
    q = Quiz("pengertian", pool=5)
    q              # the quiz; in the built book the same quiz as static HTML
    q.results      # a DataFrame: one row per presented item

The widget's output also carries ``text/html`` (the static markup of
:func:`peksos.quiz.render.markup`), which the built book shows without a kernel,
without a CDN and without a widget manager.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import traitlets

from .. import data
from ..widgets.host import ContentWidget, book_links
from . import loader, render, scoring

COLUMNS = ["id", "type", "level", "tags", "section", "answer", "checked", "shown", "tries", "correct", "score"]


def _known_lists() -> set[str] | None:
    try:
        return set(data.load("lists")["list_id"])
    except data.DataError:
        return None


def _results_to_json(value: Any, widget: "Quiz") -> dict:
    return widget.raw_results


def _results_from_json(value: Any, widget: "Quiz") -> pd.DataFrame:
    widget.raw_results = value if isinstance(value, dict) else {}
    return widget.frame(widget.raw_results)


class Quiz(ContentWidget, kind="quiz"):
    """A quiz bank (file under ``quizzes/`` or bank id) as a live widget.

    Options as the ``quiz`` directive: ``items`` (ids), ``pool`` (draw k), ``shuffle``, ``title``.
    ``links``: section label -> URL (default: the built book, seen from ``notebooks/``).

    ``results`` is synced with the front end, which sends its answers as JSON; in Python it is a
    DataFrame with one row per presented item (scores recomputed by :mod:`peksos.quiz.scoring`).
    The JSON as sent is kept in ``raw_results``.
    """

    results = traitlets.Any().tag(sync=True, to_json=_results_to_json, from_json=_results_from_json)

    def __init__(self, bank: str | Path, *, items: Sequence[str] | None = None, pool: int | None = None,
                 shuffle: bool = True, title: str | None = None, links: dict[str, str] | None = None,
                 **kwargs: Any) -> None:
        self.raw_results: dict = {}
        loaded = loader.load_bank(self.locate(bank), lists=_known_lists())
        self.bank = loaded.bank
        super().__init__(payload=render.payload(loaded.bank, items=items, pool=pool, shuffle=shuffle, title=title,
                                                links=book_links() if links is None else links), **kwargs)

    @traitlets.default("results")
    def _empty_results(self) -> pd.DataFrame:
        return pd.DataFrame(columns=COLUMNS)

    def frame(self, sent_results: dict) -> pd.DataFrame:
        """The front end's results JSON as a DataFrame, scored again in Python."""
        sent = {row.get("id"): row for row in (sent_results or {}).get("items", []) if isinstance(row, dict)}
        rows = []
        for it in self.payload["items"]:
            if it["id"] not in sent:
                continue  # not drawn for this reader (pool)
            got = sent[it["id"]]
            answer, checked, shown = got.get("answer"), bool(got.get("checked")), bool(got.get("shown"))
            result = scoring.score(it, answer, shown=shown) if checked else scoring.Score(0.0, False)
            rows.append({"id": it["id"], "type": it["type"], "level": it["level"], "tags": ";".join(it["tags"]),
                         "section": it["section"], "answer": answer, "checked": checked, "shown": shown,
                         "tries": int(got.get("tries") or 0), "correct": result.correct, "score": result.score})
        return pd.DataFrame(rows, columns=COLUMNS)
