"""The book's pages as the package reads them: sections, their labels and titles.

One scanner of ``book/**/*.md`` for everything that needs to know where a label points before
Sphinx runs: ``peksos validate`` (quiz section labels), the widgets (links into the built book
from a notebook) and the LMS exports (the "read again" note). Labels are MyST ``(label)=``
targets and the ``daftar-...`` label of every list a page shows with ``{concept-list}``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .markup import list_label, to_plain


@dataclass(frozen=True)
class Section:
    page: str          # file name of the page under book/, without .md
    page_title: str
    title: str         # the section heading (or the list title for daftar-... labels)
    label: str


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TARGET = re.compile(r"^\s*\(([^()\s]+)\)=\s*$")
_CONCEPT_LIST = re.compile(r"^\s*(?:```+|:::+)\s*\{concept-list\}\s+(\S+)")
_ROLE = re.compile(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def heading_text(text: str) -> str:
    """A page or section heading as plain text: roles, Markdown marks and inline HTML tags dropped."""
    return to_plain(re.sub(r"<[^<>]*>", "", _ROLE.sub(r"\1", text)))


def _page_title(lines: list[str], default: str) -> str:
    return next((heading_text(m[2]) for m in map(_HEADING.match, lines) if m and m[1] == "#"), default)


def chapter_titles(book_dir: Path) -> dict[str, str]:
    """Page name -> the page's ``#`` heading, for every page directly under ``book/``."""
    return {p.stem: _page_title(p.read_text(encoding="utf-8", errors="replace").splitlines(), p.stem)
            for p in sorted(Path(book_dir).glob("*.md"))}


def book_sections(book_dir: Path, list_titles: dict[str, str] | None = None) -> dict[str, Section]:
    """Label -> :class:`Section` for every ``(label)=`` target and shown concept list in ``book/``."""
    out: dict[str, Section] = {}
    for page in sorted(Path(book_dir).rglob("*.md")):
        lines = page.read_text(encoding="utf-8", errors="replace").splitlines()
        page_title = _page_title(lines, page.stem)
        stem = page.relative_to(book_dir).with_suffix("").as_posix()
        for n, line in enumerate(lines):
            target = _TARGET.match(line)
            if target:
                heading = next((_HEADING.match(x) for x in lines[n + 1:n + 4] if _HEADING.match(x)), None)
                title = heading_text(heading[2]) if heading else page_title
                out.setdefault(target[1], Section(stem, page_title, title, target[1]))
                continue
            shown = _CONCEPT_LIST.match(line)
            if shown:
                label = list_label(shown[1])
                title = (list_titles or {}).get(shown[1], shown[1])
                out.setdefault(label, Section(stem, page_title, title, label))
    return out


