"""peksos.xapi: the statements the book exports pass an xAPI 1.0.3 structure check that can fail."""
from __future__ import annotations

import copy

import pytest

from peksos import xapi

from . import jsrun
from . import recordkit as rk

BASE = "https://github.com/peksos-terbuka/pengantar-pekerjaan-sosial/"


@pytest.fixture(scope="module")
def statements() -> list[dict]:
    items = rk.items_of(("tujuan",))[:2]
    attempts = [rk.attempt(items[0], rk.wrong_answer(items[0]), "2026-03-02T09:00:00.000Z"),
                rk.attempt(items[1], rk.wrong_answer(items[1]), "2026-03-02T09:01:00.000Z")]
    step = {"node": "a", "choice": "b", "rating": "berisiko", "points": 1, "state_after": {"x": 1}}
    plays = [{"at": "2026-03-02T10:00:00.000Z", "vignette": "casework-lk3", "ended": True, "ending": "e1",
              "outcome": "baik", "path": [step], "state": {"x": 1}, "score": 1, "max_score": 3},
             {"at": "2026-03-03T10:00:00.000Z", "vignette": "komunitas-rw", "ended": False, "ending": None,
              "outcome": None, "path": [step], "state": {"x": 1}, "score": 1, "max_score": 3}]
    return jsrun.call("xapi.js", "m.statements(rec, 'mahasiswa-anggrek', base)", rec=rk.make(attempts, plays), base=BASE)


def test_exported_statements_pass_the_check(statements):
    assert xapi.check(statements) == []
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs == ["answered", "answered", "completed", "experienced"]
    first = statements[0]
    assert first["actor"]["account"] == {"homePage": BASE, "name": "mahasiswa-anggrek"}
    assert first["result"]["score"]["scaled"] == 0 and first["result"]["success"] is False
    assert first["context"]["contextActivities"]["parent"][0]["id"] == BASE + "bab/tujuan"
    assert statements[2]["result"]["score"] == {"scaled": 1 / 3, "raw": 1, "min": 0, "max": 3}


@pytest.mark.parametrize("change, needle", [
    (lambda s: s.pop("actor"), "missing actor"),
    (lambda s: s["actor"].update(mbox="mailto:a@b.c"), "exactly one identifier"),
    (lambda s: s["verb"].update(id="answered"), "verb.id: must be an IRI"),
    (lambda s: s["result"]["score"].update(scaled=2), "scaled: must lie in [-1, 1]"),
    (lambda s: s["result"]["score"].update(raw=5), "raw: 5 is outside"),
    (lambda s: s.update(id="bukan-uuid"), "not a UUID"),
    (lambda s: s["object"].update(id="soal pengertian"), "object.id: must be an IRI"),
    (lambda s: s["verb"].update(display={"bahasa indonesia": "x"}), "language tag"),
    (lambda s: s.update(timestamp="kemarin"), "ISO 8601"),
    (lambda s: s.update(skor=1), "unknown properties"),
])
def test_the_check_finds_each_broken_part(statements, change, needle):
    broken = copy.deepcopy(statements)
    change(broken[0])
    problems = xapi.check(broken)
    assert problems and any(needle in p for p in problems), problems
    assert all(p.startswith("statements[0]") for p in problems)


def test_the_same_statement_id_twice_is_a_problem(statements):
    assert any("appears twice" in p for p in xapi.check([statements[0], statements[0]]))
