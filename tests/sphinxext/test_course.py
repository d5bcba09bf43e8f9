"""peksos.sphinxext.course: the payload of the progress and practice pages."""
from __future__ import annotations

import pytest

from peksos.quiz import scoring
from peksos.results import catalog
from peksos.sphinxext import course

from .. import recordkit as rk


@pytest.fixture(scope="module")
def loaded():
    from peksos.paths import quizzes_dir
    from peksos.quiz import loader
    from peksos.vignette import loader as vloader

    banks = loader.load_all(quizzes_dir(), lists=vloader.known_lists())
    vignettes = vloader.load_all(quizzes_dir() / "vignettes", lists=vloader.known_lists())
    return banks, vignettes


def test_practice_carries_every_item_in_full_and_progress_only_what_scores(loaded):
    banks, vignettes = loaded
    full = course.payload(banks, vignettes, "https://contoh.invalid/", "practice")
    slim = course.payload(banks, vignettes, "https://contoh.invalid/", "progress")
    n = sum(len(b.items) for b in catalog().banks.values())
    assert len(full["items"]) == len(slim["items"]) == n
    assert [c["id"] for c in full["chapters"]][:2] == ["pengertian", "tujuan"]
    assert {v["id"] for v in full["vignettes"]} == set(catalog().vignettes)
    assert all("prompt" in it and it["chapter"] for it in full["items"])
    assert not any("prompt" in it or "explanation" in it for it in slim["items"])
    assert len(repr(slim)) < len(repr(full)) / 3
    for big, small in zip(full["items"], slim["items"]):  # the same scores from both
        for answer in (scoring.correct_answer(big), rk.wrong_answer({**big})):
            assert scoring.score(small, answer) == scoring.score(big, answer), big["id"]
        assert {k: small[k] for k in ("id", "type", "level", "chapter", "tags", "list_id", "section")} == \
            {k: big[k] for k in ("id", "type", "level", "chapter", "tags", "list_id", "section")}


def test_activity_base_prefers_the_published_url():
    class Config:
        html_baseurl = "https://contoh.github.io/buku"
        html_theme_options = {"repository_url": "https://github.com/a/b"}

    assert course.activity_base(Config) == "https://contoh.github.io/buku/"
    Config.html_baseurl = ""
    assert course.activity_base(Config) == "https://github.com/a/b/"
