"""The Quiz widget's Python side: payload, results from the front end as a DataFrame, static HTML."""
from __future__ import annotations

import re

import shutil

import pytest

from peksos.quiz import scoring
from peksos.widgets import assets, bundle
from peksos.quiz.widget import Quiz, book_links

from ..conftest import ROOT

BOOK_QUIZZES = ROOT / "tests" / "fixtures" / "quizbook" / "quizzes"


@pytest.fixture
def quiz_root(tiny_root):
    shutil.copytree(BOOK_QUIZZES, tiny_root / "quizzes")
    (tiny_root / "book").mkdir()
    (tiny_root / "book" / "semua.md").write_text("(uji-bagian)=\n# Semua\n", encoding="utf-8")
    return tiny_root


def front_end_results(quiz: Quiz, answers: dict, shown=()) -> dict:
    """What quiz.js sends: one row per presented item, answers in bank order."""
    return {"quiz": quiz.payload["id"], "score": 0, "max": len(quiz.payload["items"]), "items": [
        {"id": it["id"], "type": it["type"], "answer": answers.get(it["id"]), "checked": it["id"] in answers,
         "shown": it["id"] in shown, "tries": 1 if it["id"] in answers else 0, "score": 1, "correct": True}
        for it in quiz.payload["items"]]}


def test_widget_takes_a_bank_id_and_options(quiz_root):
    q = Quiz("semua-jenis", items=["uji-isian", "uji-tunggal"], shuffle=False, title="Dua soal")
    assert [it["id"] for it in q.payload["items"]] == ["uji-isian", "uji-tunggal"]
    assert q.payload["title"] == "Dua soal" and q.payload["shuffle"] is False
    assert q.payload["items"][0]["section_url"] == "../book/semua.html#uji-bagian"
    assert q.results.empty and list(q.results.columns)[:3] == ["id", "type", "level"]


def test_results_from_the_front_end_become_a_scored_dataframe(quiz_root):
    q = Quiz(quiz_root / "quizzes" / "semua-jenis.yml", shuffle=False)
    answers = {"uji-tunggal": 0, "uji-ganda": [0], "uji-benar-salah": False, "uji-jodoh": [0, 1, 3],
               "uji-urut": [0, 1, 2, 3], "uji-isian": "Case Work"}
    # the front end's message arrives through set_state, as over the comm
    q.set_state({"results": front_end_results(q, answers, shown={"uji-urut"})})
    df = q.results.set_index("id")
    assert len(df) == 7
    assert df.loc["uji-tunggal", "score"] == 1.0 and bool(df.loc["uji-tunggal", "correct"])
    assert df.loc["uji-ganda", "score"] == 0.5 and not df.loc["uji-ganda", "correct"]
    assert df.loc["uji-benar-salah", "score"] == 0.0
    assert df.loc["uji-jodoh", "score"] == pytest.approx(2 / 3)
    assert df.loc["uji-urut", "score"] == 0.0 and bool(df.loc["uji-urut", "shown"])  # revealed: not scored
    assert df.loc["uji-isian", "score"] == 1.0
    assert df.loc["uji-kelompok", "answer"] is None and not df.loc["uji-kelompok", "checked"]
    # the front end's own score claims (1, True for all) are not trusted: Python scores again
    for it in q.payload["items"]:
        if it["id"] in answers and it["id"] != "uji-urut":
            assert df.loc[it["id"], "score"] == scoring.score(it, answers[it["id"]]).score
    assert q.raw_results["quiz"] == q.payload["id"]
    assert q.get_state("results")["results"]["items"][0]["id"] == "uji-tunggal"  # round-trips as JSON


def test_pool_results_list_only_the_drawn_items(quiz_root):
    q = Quiz("semua-jenis", pool=2)
    drawn = q.payload["items"][3:5]
    q.set_state({"results": {"quiz": q.payload["id"], "items": [
        {"id": it["id"], "answer": None, "checked": False, "shown": False, "tries": 0} for it in drawn]}})
    assert list(q.results["id"]) == [it["id"] for it in drawn]


def test_mimebundle_carries_the_static_quiz_beside_the_widget_view(quiz_root):
    q = Quiz("semua-jenis")
    bundle = q._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    html = data["text/html"]
    assert html.startswith('<div class="peksos-quiz" data-peksos-engine="quiz"')
    assert '"id":"uji-isian"' in html and "<noscript>" in html


def test_widget_module_bundles_the_engine():
    esm = Quiz._esm if isinstance(Quiz._esm, str) else Quiz._esm.read_text()
    assert esm == bundle.esm_file("quiz").read_text(encoding="utf-8")  # esbuild's module, as committed
    assert 'from "./engine.js"' not in esm and not re.search(r"^\s*import\b", esm, re.M)
    assert "function md(" in esm and re.search(r"\bquiz_default as default\b", esm)
    assert "\nexport function md" not in esm  # the engine is bundled in, not re-exported
    assert ".pk-quiz" in (Quiz._css if isinstance(Quiz._css, str) else Quiz._css.read_text())


def test_front_end_stays_within_its_budget():
    size = sum(p.stat().st_size for p in assets.static_files() if p.stem in {"engine", "quiz"})
    assert size <= 40 * 1024, f"quiz engine is {size} bytes"


def test_book_links_cover_targets_and_concept_lists(quiz_root):
    (quiz_root / "book" / "bab.md").write_text("```{concept-list} methods.three-basic.003\n```\n", encoding="utf-8")
    links = book_links()
    assert links["uji-bagian"] == "../book/semua.html#uji-bagian"
    assert links["daftar-methods-three-basic-003"] == "../book/bab.html#daftar-methods-three-basic-003"
