"""peksos.results.schemas: every kind's results files as JSON Schema, as committed in quizzes/schema/; a real
download fits its schema and a broken one does not."""
from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from peksos import cli, kinds, results
from peksos.quiz import results as quiz_results
from peksos.results import schemas
from peksos.vignette import results as vignette_results

from ..resultkit import play_doc, quiz_doc

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


def test_every_kind_declares_its_schemas_and_all_are_collected():
    assert schemas.schemas() == {**quiz_results.SCHEMAS, **vignette_results.SCHEMAS}
    assert set(schemas.schemas()) == {"quiz-result", "quiz-result-csv-row", "vignette-play"}
    assert all(k.results.schemas for k in kinds.KINDS.values())


def test_committed_json_schemas_are_current(tmp_path, capsys):
    assert cli.main(["schema", "--out", str(tmp_path)]) == 0
    for name in schemas.schemas():
        written = json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))
        committed = json.loads((ROOT / "quizzes" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert written == committed == schemas.json_schema(name), f"run `peksos schema`: {name}.schema.json is stale"


def test_a_real_download_fits_the_schema_and_a_broken_one_does_not(cat):
    good = {"quiz-result": quiz_doc(cat), "vignette-play": play_doc(cat)}
    for name, doc in good.items():
        jsonschema.validate(doc, schemas.json_schema(name))
        broken = copy.deepcopy(doc)
        broken.pop(next(iter(broken)))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schemas.json_schema(name))


def test_the_csv_row_schema_names_the_header():
    schema = schemas.json_schema("quiz-result-csv-row")
    assert list(schema["properties"]) == results.CSV_HEADER == quiz_results.CSV_HEADER
    assert schema["required"] == results.CSV_HEADER


def test_a_schema_name_declared_by_two_kinds_is_refused(monkeypatch):
    vignette = kinds.KINDS["vignette"]
    twin = dataclasses.replace(vignette.results, schemas={"quiz-result": (object, "x")})
    monkeypatch.setitem(kinds.KINDS, "vignette", dataclasses.replace(vignette, results=twin))
    with pytest.raises(ValueError, match="kind 'vignette': a results schema named 'quiz-result' is declared twice"):
        schemas.schemas()
