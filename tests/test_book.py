"""The chapters teach every list, use every glossary term, and keep the course's chapter shape."""
from __future__ import annotations

import re

import pytest

from peksos import data

from .conftest import ROOT

BOOK = ROOT / "book"
CHAPTER_FILES = {ch: BOOK / f"{ch}.md" for ch in data.CHAPTERS}
DIRECTIVE = re.compile(r"^```\{(concept-list|concept-compare)\}\s+(.+)$", re.M)
TERM = re.compile(r"\{term\}`([^`]+)`")


def _text(chapter: str) -> str:
    return CHAPTER_FILES[chapter].read_text(encoding="utf-8")


def test_no_chapter_is_a_stub():
    stubs = [ch for ch in data.CHAPTERS if "Bab ini sedang ditulis." in _text(ch) or len(_text(ch)) < 6000]
    assert stubs == []


def test_every_chapter_file_exists_and_is_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for chapter, path in CHAPTER_FILES.items():
        assert path.exists(), path
        assert f"book/{chapter}" in toc


@pytest.mark.parametrize("chapter", data.CHAPTERS)
def test_chapter_shows_every_list_it_owns(chapter):
    shown = {lid for _, args in DIRECTIVE.findall(_text(chapter)) for lid in args.split()}
    owned = set(data.load("lists").query("chapter == @chapter")["list_id"])
    assert owned - shown == set(), f"{chapter}.md does not show: {sorted(owned - shown)}"


@pytest.mark.parametrize("chapter", data.CHAPTERS)
def test_chapter_has_objectives_summary_and_quiz_place(chapter):
    text = _text(chapter)
    assert "Tujuan belajar" in text
    assert re.search(r"^## Ringkasan", text, re.M)
    assert re.search(r"^## Uji pemahaman", text, re.M)
    assert re.search(r"^## Perbandingan sumber", text, re.M)


def _term_target(ref: str) -> str:
    m = re.match(r"^(.*?)\s*<([^>]+)>$", ref)
    return (m.group(2) if m else ref).strip().lower()


def test_every_glossary_term_is_used_in_the_chapters():
    used = {_term_target(t) for p in BOOK.glob("*.md") for t in TERM.findall(p.read_text(encoding="utf-8"))}
    glossary = data.load("glossary")
    expected = {t.lower() for t in glossary["term_id"]}
    assert expected - used == set(), f"glossary terms never linked with {{term}}: {sorted(expected - used)}"
    assert len(glossary) >= 80


def test_every_term_role_points_to_a_glossary_term():
    known = {t.lower() for t in data.load("glossary")["term_id"]}
    unknown = {_term_target(t) for p in BOOK.glob("*.md") for t in TERM.findall(p.read_text(encoding="utf-8"))} - known
    assert unknown == set()
