"""peksos.results.formats: the results files as pydantic models, their committed JSON Schema, and the
sentences a bad file gets."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from peksos import cli, results
from peksos.results import formats

from ..test_results import play_doc, quiz_doc

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


def test_committed_json_schemas_are_current(tmp_path, capsys):
    assert cli.main(["schema", "--out", str(tmp_path)]) == 0
    for name in formats.SCHEMAS:
        written = json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))
        committed = json.loads((ROOT / "quizzes" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert written == committed == formats.json_schema(name), f"run `peksos schema`: {name}.schema.json is stale"


def test_a_real_download_fits_the_schema_and_a_broken_one_does_not(cat):
    good = {"quiz-result": quiz_doc(cat), "vignette-play": play_doc(cat)}
    for name, doc in good.items():
        jsonschema.validate(doc, formats.json_schema(name))
        broken = copy.deepcopy(doc)
        broken.pop(next(iter(broken)))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, formats.json_schema(name))


def test_the_csv_row_schema_names_the_header():
    schema = formats.json_schema("quiz-result-csv-row")
    assert list(schema["properties"]) == results.CSV_HEADER == formats.CSV_HEADER
    assert schema["required"] == results.CSV_HEADER


@pytest.mark.parametrize("change, says", [
    (lambda d: d.pop("seed"), "f.json: missing field 'seed' (a quiz result has quiz, bank, title, seed, date, score, max, items)"),
    (lambda d: d.update(seed="1"), "f.json: field 'seed': expected the reader's seed (a whole number), got text '1'"),
    (lambda d: d.update(score=float("nan")), "f.json: field 'score': expected a finite number, got nan"),
    (lambda d: d["items"].__setitem__(0, "x"), "f.json: items[0]: expected an object, got text"),
    (lambda d: d["items"][1].update(tries=-0.5), "items[1] (item '{i1}'): field 'tries': expected a whole number, got number -0.5"),
    (lambda d: d["items"][0].update(tags=[1]), "field 'tags': expected a non-empty list of texts, got [1]"),
])
def test_a_bad_quiz_result_gets_one_sentence(cat, change, says):
    doc = quiz_doc(cat)
    change(doc)
    with pytest.raises(formats.Bad) as err:
        formats.validate(formats.QuizResult, doc, "f.json: ")
    assert says.format(i1=quiz_doc(cat)["items"][1]["id"]) in str(err.value)


def test_a_bad_play_gets_one_sentence(cat):
    doc = play_doc(cat)
    doc["path"][0]["state_after"] = {"x": "1"}
    with pytest.raises(formats.Bad, match=r"k.json: path\[0\]: field 'state_after': every case variable must be a whole number"):
        formats.validate(formats.VignettePlay, doc, "k.json: ")
    doc = play_doc(cat)
    doc["expert"] = [["a"]]
    with pytest.raises(formats.Bad, match=r"k.json: expert\[0\]: expected a \[node, choice\] pair of texts"):
        formats.validate(formats.VignettePlay, doc, "k.json: ")
