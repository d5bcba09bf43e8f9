"""peksos.quiz.results: a quiz result and its CSV twin as pydantic models, the sentence a bad file gets, and
the answer check the JSON, the CSV and the learning record share."""
from __future__ import annotations

import pandas as pd
import pytest

from peksos import results
from peksos.quiz import results as qr
from peksos.resultfile import Bad, validate

from ..resultkit import items, quiz_csv, quiz_doc


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


@pytest.mark.parametrize("change, says", [
    (lambda d: d.pop("seed"), "f.json: missing field 'seed' (a quiz result has quiz, bank, title, seed, date, score, max, items)"),
    (lambda d: d.update(seed="1"), "f.json: field 'seed': expected the reader's seed (a whole number), got text '1'"),
    (lambda d: d.update(score=float("nan")), "f.json: field 'score': expected a finite number, got nan"),
    (lambda d: d["items"].__setitem__(0, "x"), "f.json: items[0]: expected an object, got text"),
    (lambda d: d["items"][1].update(tries=-0.5), "items[1] (item '{i1}'): field 'tries': expected a whole number, got number -0.5"),
    (lambda d: d["items"][0].update(tags=[1]), "field 'tags': expected a non-empty list of texts, got [1]"),
    (lambda d: d["items"][0].pop("shown"), "f.json: items[0] (item '{i0}'): missing field 'shown'"),
])
def test_a_bad_quiz_result_gets_one_sentence(cat, change, says):
    doc = quiz_doc(cat)
    change(doc)
    with pytest.raises(Bad) as err:
        validate(qr.QuizResult, doc, "f.json: ")
    ids = [it["id"] for it in quiz_doc(cat)["items"]]
    assert says.format(i0=ids[0], i1=ids[1]) in str(err.value)


def test_the_csv_twin_reads_as_the_json_does(cat):
    doc = quiz_doc(cat)
    from_json = qr.read_json(doc, "f.json: ", cat)
    from_csv = qr.read_csv(quiz_csv(doc), "hasil-kuis-pengertian-2026-03-05.csv", "f.csv: ", cat)
    keys = ("item", "type", "level", "tags", "section", "answer", "checked", "tries", "score", "correct", "bank")
    assert [{k: r[k] for k in keys} for r in from_csv] == [{k: r[k] for k in keys} for r in from_json]
    assert {r["format"] for r in from_csv} == {"csv"} and {r["date"] for r in from_csv} == {
        pd.Timestamp("2026-03-05", tz="UTC")}
    assert qr.CSV_HEADER == list(qr.QuizCsvRow.model_fields) and qr.CSV_HEADER[:2] == ["kuis", "soal"]


def test_a_file_name_without_a_date_has_none():
    assert qr.date_from_name("hasil-kuis-x-2026-03-02-2026-04-01.csv") == pd.Timestamp("2026-04-01", tz="UTC")
    assert pd.isna(qr.date_from_name("hasil.csv")) and pd.isna(qr.date_from_name("hasil-2026-13-45.csv"))


def test_without_the_banks_an_answer_is_checked_on_its_own(cat):
    right, _, _ = items(cat)
    row = {"item": "lain", "type": right["type"], "answer": None, "checked": True, "shown": False, "tries": 1,
           "score": 0.5, "correct": False}
    assert qr.check_answer(dict(row), "at: ", None, "b")["bank"] == "b"
    with pytest.raises(Bad, match="at: unknown item id 'lain'"):
        qr.check_answer(dict(row), "at: ", cat, None)
    with pytest.raises(Bad, match="at: fields 'score' and 'correct' disagree"):
        qr.check_answer({**row, "score": 1.0}, "at: ", None, None)
