"""peksos.record: the learning record's pydantic models are its JSON Schema, and bad files are refused."""
from __future__ import annotations

import copy
import json

import pytest

from peksos import record
from peksos.paths import quizzes_dir

from . import recordkit as rk


@pytest.fixture(scope="module")
def doc() -> dict:
    items = rk.items_of(("pengertian",))[:3]
    attempts = [rk.attempt(items[0], rk.wrong_answer(items[0]), "2026-03-02T09:00:00.000Z"),
                rk.attempt(items[1], rk.wrong_answer(items[1]), "2026-03-02T09:01:00.000Z")]
    play = {"at": "2026-03-02T10:00:00.000Z", "vignette": "casework-lk3", "ended": False, "ending": None,
            "outcome": None, "path": [{"node": "a", "choice": "b", "rating": "tepat", "points": 3,
                                       "state_after": {"x": 1}}], "state": {"x": 1}, "score": 3, "max_score": 3}
    return rk.make(attempts, [play])


def test_a_record_validates_with_the_models_and_the_published_schema(doc):
    import jsonschema

    rec = record.validate(doc)
    assert len(rec.attempts) == 2 and rec.plays[0].path[0].rating == "tepat"
    published = json.loads((quizzes_dir() / "schema" / record.SCHEMA_FILE).read_text(encoding="utf-8"))
    assert published == record.json_schema(), "run `peksos schema`: quizzes/schema/record.schema.json is stale"
    jsonschema.validate(doc, published)


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(format="moodle"), "format"),
    (lambda d: d.update(course="kursus-lain"), "course"),
    (lambda d: d["attempts"][0].update(score=1.5), "attempts[0].score"),
    (lambda d: d["attempts"][1].pop("item"), "attempts[1].item"),
    (lambda d: d["plays"][0]["path"][0].update(rating="bagus"), "plays[0].path[0].rating"),
    (lambda d: d["attempts"][0].update(at="kemarin"), "attempts[0].at"),
    (lambda d: d.update(v=3), "v"),
])
def test_a_foreign_or_damaged_record_is_refused_naming_the_field(doc, change, field, tmp_path):
    import jsonschema

    bad = copy.deepcopy(doc)
    change(bad)
    path = tmp_path / "catatan.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(record.RecordError) as err:
        record.load(path)
    assert str(path) in str(err.value) and field in str(err.value)
    if field not in ("format", "course", "attempts[0].at"):  # JSON Schema's "format" only annotates
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, record.json_schema())


def test_not_json_is_refused(tmp_path):
    path = tmp_path / "catatan.json"
    path.write_text("{rusak", encoding="utf-8")
    with pytest.raises(record.RecordError, match="not a readable JSON"):
        record.load(path)
