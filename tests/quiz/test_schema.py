"""The bank schema: seven item types in one union, and the JSON Schema written for authors."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from peksos import cli
from peksos.quiz import schema

from ..conftest import ROOT

BASE = {"prompt": "P", "explanation": "E", "section": "pengertian-definisi", "list_id": "methods.three-basic.003",
        "level": "ingat", "tags": ["metode"]}
OPT = lambda text, correct=False: {"text": text, "correct": correct, "feedback": f"umpan {text}"}  # noqa: E731

GOOD = {
    "pilihan-tunggal": {"options": [OPT("a", True), OPT("b")]},
    "pilihan-ganda": {"options": [OPT("a", True), OPT("b", True), OPT("c")]},
    "benar-salah": {"answer": False, "feedback": {"benar": "x", "salah": "y"}},
    "menjodohkan": {"pairs": [{"left": "l1", "right": "r1", "feedback": "f"}, {"left": "l2", "right": "r2", "feedback": "f"}],
                    "distractors": [{"text": "r3", "feedback": "f"}]},
    "mengurutkan": {"steps": [{"text": "s1", "feedback": "f"}, {"text": "s2", "feedback": "f"}]},
    "mengelompokkan": {"groups": ["A", "B"], "entries": [{"text": "e1", "group": "A", "feedback": "f"},
                                                         {"text": "e2", "group": "B", "feedback": "f"}]},
    "isian": {"accepted": ["kasus"], "feedback": {"benar": "x", "salah": "y"}},
}


@pytest.mark.parametrize("kind", schema.TYPES)
def test_each_type_validates_to_its_own_model(kind):
    item = schema.ITEM.validate_python({"id": f"x-{kind}", "type": kind, **BASE, **GOOD[kind]})
    assert item.type == kind
    assert type(item).__name__ in {"SingleChoice", "MultiSelect", "TrueFalse", "Matching", "Ordering",
                                   "Categorise", "Cloze"}


def test_the_seven_types_are_the_union():
    assert set(GOOD) == set(schema.TYPES)


@pytest.mark.parametrize("kind,change,message", [
    ("pilihan-tunggal", {"options": [OPT("a", True), OPT("b", True)]}, "2 options are marked correct"),
    ("pilihan-tunggal", {"options": [OPT("a", True), OPT("A")]}, "appears twice"),
    ("pilihan-ganda", {"options": [OPT("a"), OPT("b")]}, "no correct answer"),
    ("menjodohkan", {"pairs": [{"left": "l", "right": "r", "feedback": "f"}, {"left": "m", "right": "r", "feedback": "f"}]},
     "right side 'r' appears twice"),
    ("isian", {"accepted": ["kasus"], "near_misses": [{"text": "Kasus", "feedback": "f"}]}, "also an accepted answer"),
    ("isian", {"accepted": []}, "at least 1 item"),
    ("mengurutkan", {"steps": [{"text": "s", "feedback": "f"}]}, "at least 2 items"),
])
def test_invalid_items(kind, change, message):
    with pytest.raises(ValidationError, match=message):
        schema.ITEM.validate_python({"id": "x", "type": kind, **BASE, **GOOD[kind], **change})


def test_every_option_needs_feedback():
    bad = {**GOOD["pilihan-tunggal"], "options": [OPT("a", True), {"text": "b"}]}
    with pytest.raises(ValidationError, match="feedback"):
        schema.ITEM.validate_python({"id": "x", "type": "pilihan-tunggal", **BASE, **bad})


def test_normalise_ignores_case_diacritics_and_spaces():
    assert schema.normalise("  Café   Société ") == "cafe societe"
    assert schema.normalise("CASE work") == schema.normalise("case  wórk")
    assert schema.normalise("casework") != schema.normalise("case work")


def test_committed_json_schema_is_current(tmp_path, capsys):
    assert cli.main(["schema", "--out", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "quiz.schema.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "quizzes" / "schema" / "quiz.schema.json").read_text(encoding="utf-8"))
    assert written == committed, "run `peksos schema` and commit quizzes/schema/quiz.schema.json"
    kinds = {v["properties"]["type"]["const"] for v in written["$defs"].values() if "type" in v.get("properties", {})}
    assert kinds == set(schema.TYPES)
