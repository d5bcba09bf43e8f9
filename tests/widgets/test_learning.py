"""peksos/widgets/learning.js (run in Node): Leitner boxes, mastery, and the practice draw on fixed records."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from .. import jsrun
from .. import recordkit as rk

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def draw(items, attempts, seed=7, n=10):
    return jsrun.call("learning.js", "m.draw(items, attempts, {n, seed, now})", items=items, attempts=attempts,
                      n=n, seed=seed, now=int(NOW.timestamp() * 1000))


@pytest.fixture(scope="module")
def items():
    return rk.items_of()


def weak_record(items, weak_tag: str, chapters=("pengertian", "tujuan")):
    """Every item of two chapters answered an hour ago: those tagged weak_tag wrong, the others right."""
    from peksos.quiz.scoring import correct_answer

    out = []
    for n, it in enumerate(x for x in items if x["chapter"] in chapters):
        answer = rk.wrong_answer(it) if weak_tag in it["tags"] else correct_answer(it)
        out.append(rk.attempt(it, answer, iso(NOW - timedelta(hours=1, seconds=n))))
    return out


def test_a_new_student_gets_a_balanced_diagnostic_set(items):
    got = draw(items, [])
    assert got["mode"] == "diagnostik" and len(got["ids"]) == 10
    chapter = {it["id"]: it["chapter"] for it in items}
    assert len({chapter[i] for i in got["ids"]}) == 10, "one item from each of ten chapters"
    assert draw(items, [])["ids"] == got["ids"], "the same seed draws the same set"
    assert draw(items, [], seed=8)["ids"] != got["ids"]


def test_practice_draws_mostly_from_the_weak_topic(items):
    tags = Counter(t for it in items if it["chapter"] in ("pengertian", "tujuan") for t in it["tags"])
    weak = "tujuan" if "tujuan" in tags else tags.most_common(1)[0][0]
    attempts = weak_record(items, weak)
    got = draw(items, attempts)
    assert got["mode"] == "adaptif"
    tagged = {it["id"] for it in items if weak in it["tags"]}
    hits = sum(i in tagged for i in got["ids"])
    assert hits >= 7, (weak, hits, got["ids"])
    wrong = {a["item"] for a in attempts if not a["correct"]}
    assert wrong & set(got["ids"]), "items answered wrong are due again at once"
    right = {a["item"] for a in attempts if a["correct"]}
    assert not right & set(got["ids"]), "items answered right an hour ago are not due yet"


def test_leitner_boxes_and_due_dates(items):
    it = items[0]
    from peksos.quiz.scoring import correct_answer

    right = lambda days: rk.attempt(it, correct_answer(it), iso(NOW - timedelta(days=days)))  # noqa: E731
    wrong = lambda days: rk.attempt(it, rk.wrong_answer(it), iso(NOW - timedelta(days=days)))  # noqa: E731
    state = lambda atts: jsrun.call("learning.js", "[...m.itemState(a)].map(([k, s]) => [k, s.box, m.dueAt(s)])",  # noqa: E731
                                    a=atts)[0]
    assert state([right(30), right(20), right(10)])[1] == 3
    assert state([right(30), right(20), wrong(10)])[1] == 1
    assert state([right(d) for d in range(40, 30, -1)])[1] == 5, "five boxes at most"
    _, box, due = state([right(2)])
    assert box == 1 and due == int((NOW - timedelta(days=2)).timestamp() * 1000)  # box 1: due at once
    _, box, due = state([right(3), right(2)])
    assert box == 2 and due == int((NOW - timedelta(days=1)).timestamp() * 1000)  # box 2: one day later


def test_mastery_per_topic_is_the_mean_latest_score(items):
    two = [it for it in items if it["chapter"] == "pengertian"][:2]
    from peksos.quiz.scoring import correct_answer

    attempts = [rk.attempt(two[0], rk.wrong_answer(two[0]), iso(NOW - timedelta(days=2))),
                rk.attempt(two[0], correct_answer(two[0]), iso(NOW - timedelta(days=1))),
                rk.attempt(two[1], rk.wrong_answer(two[1]), iso(NOW - timedelta(days=1)))]
    got = jsrun.call("learning.js", "Object.fromEntries(m.mastery(items, m.itemState(a), (it) => [it.chapter]))",
                     items=items, a=attempts)
    assert got["pengertian"]["tried"] == 2 and got["pengertian"]["pct"] == 0.5
    assert got["tujuan"]["tried"] == 0 and got["tujuan"]["pct"] is None
    assert got["pengertian"]["n"] == sum(it["chapter"] == "pengertian" for it in items)
