"""Scoring per item type (the same rules as score() in quiz.js; the browser tests compare both)."""
from __future__ import annotations

import pytest

from peksos.quiz import schema
from peksos.quiz.scoring import correct_answer, score

from .test_schema import BASE, GOOD, OPT


def item(kind, **change):
    return schema.ITEM.validate_python({"id": "x", "type": kind, **BASE, **GOOD[kind], **change})


def test_single_choice():
    it = item("pilihan-tunggal")
    assert score(it, 0) == (1.0, True)
    assert score(it, 1) == (0.0, False)
    assert score(it, 7).score == 0 and score(it, True).score == 0 and score(it, "0").score == 0


def test_multiple_select_gives_partial_credit_and_penalises_wrong_picks():
    it = item("pilihan-ganda")  # a, b right; c wrong
    assert score(it, [0, 1]) == (1.0, True)
    assert score(it, [1, 0, 0]) == (1.0, True)
    assert score(it, [0]) == (0.5, False)
    assert score(it, [0, 2]) == (0.0, False)
    assert score(it, [0, 1, 2]) == (0.5, False)
    assert score(it, [2]) == (0.0, False)
    assert score(it, []) == (0.0, False)


def test_true_false():
    it = item("benar-salah")  # the statement is false
    assert score(it, False) == (1.0, True)
    assert score(it, True) == (0.0, False)
    assert score(it, 0).correct is False


def test_matching_counts_right_pairs_and_distractors_are_wrong():
    it = item("menjodohkan")  # right sides: 0 r1, 1 r2, 2 distractor r3
    assert score(it, [0, 1]) == (1.0, True)
    assert score(it, [0, 2]) == (0.5, False)
    assert score(it, [1, 0]) == (0.0, False)
    assert score(it, [0, None]) == (0.5, False)


def test_ordering_counts_steps_in_place():
    it = item("mengurutkan", steps=[{"text": f"s{i}", "feedback": "f"} for i in range(4)])
    assert score(it, [0, 1, 2, 3]) == (1.0, True)
    assert score(it, [1, 0, 2, 3]) == (0.5, False)
    assert score(it, [3, 2, 1, 0]) == (0.0, False)
    assert score(it, [0, 1, 2]) == (0.0, False)  # not a full arrangement
    assert score(it, [0, 0, 2, 3]) == (0.0, False)


def test_categorise_counts_entries_in_the_right_group():
    it = item("mengelompokkan", entries=[{"text": "e1", "group": "A", "feedback": "f"},
                                         {"text": "e2", "group": "B", "feedback": "f"},
                                         {"text": "e3", "group": "A", "feedback": "f"},
                                         {"text": "e4", "group": "B", "feedback": "f"}])
    assert score(it, [0, 1, 0, 1]) == (1.0, True)
    assert score(it, [0, 1, 1, 1]) == (0.75, False)
    assert score(it, [None, 1, None, None]) == (0.25, False)


def test_cloze_ignores_case_diacritics_and_spaces():
    it = item("isian", accepted=["case work", "casework"])
    for typed in ("casework", "CASEWORK", "  Case   Work ", "cásewörk"):
        assert score(it, typed) == (1.0, True), typed
    for typed in ("groupwork", "", "   ", "case"):
        assert score(it, typed) == (0.0, False), typed


@pytest.mark.parametrize("kind", schema.TYPES)
def test_revealed_or_missing_answers_score_nothing_and_the_key_scores_full(kind):
    it = item(kind)
    key = correct_answer(it)
    assert score(it, key) == (1.0, True)
    assert score(it, key, shown=True) == (0.0, False)
    assert score(it, None) == (0.0, False)
    assert score(it.model_dump(), key).correct  # dicts (the payload) work too
