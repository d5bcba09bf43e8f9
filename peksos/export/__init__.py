"""Exports of the quiz bank for an LMS: GIFT (:mod:`.gift`) and Moodle XML (:mod:`.moodle`).

    from peksos.export import export
    result = export("moodle-xml", chapter="pengertian")
    result.text        # the file's content
    result.notes       # [(item id, what the mapping changed), ...]

Both formats write the same questions, mapped once in :mod:`.common`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..paths import project_root
from . import common, gift, moodle
from .common import Category, ExportError

FORMATS = {"gift": gift.render, "moodle-xml": moodle.render}


@dataclass
class Result:
    format: str
    text: str
    categories: list[Category]

    @property
    def count(self) -> int:
        return common.count(self.categories)

    @property
    def notes(self) -> list[tuple[str, str]]:
        return [(q.id, f"{q.source_type} -> {q.qtype}: {n}") for q, n in common.notes(self.categories)]


def export(fmt: str, *, chapter: str | None = None, base_url: str | None = None,
           root: Path | str | None = None, ordering_as_matching: bool = False) -> Result:
    """The bank under ``<root>/quizzes`` (default: the project) in ``fmt`` ("gift" or "moodle-xml").

    Moodle XML writes ordering items as Moodle's ordering type unless ``ordering_as_matching``; GIFT
    always writes them as matching."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    root = Path(root) if root is not None else _root()
    categories = common.collect(root, chapter=chapter, base_url=base_url,
                                ordering=fmt == "moodle-xml" and not ordering_as_matching)
    title, _ = common.book_settings(root)
    return Result(fmt, FORMATS[fmt](categories, title=title), categories)


def _root() -> Path:
    return project_root()


__all__ = ["ExportError", "FORMATS", "Result", "export"]
