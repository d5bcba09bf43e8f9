"""Scoring of one answer, per item type: the same rules as ``score`` in ``peksos/quiz/quiz.js``.

Answers refer to the bank's own order (what the front end stores, whatever order it showed):

- ``pilihan-tunggal``: the index of the chosen option.
- ``pilihan-ganda``: the list of chosen option indices. Score = (right picks - wrong picks) / number of
  right options, at least 0; correct only when the set is exact.
- ``benar-salah``: true or false.
- ``menjodohkan``: for each pair (by index) the index of the chosen right side, where ``0..n-1`` are the
  pairs' own right sides and ``n..`` the distractors; None for no choice. Score = share of right matches.
- ``mengurutkan``: the step indices in the order the reader put them. Score = share of steps in their place.
- ``mengelompokkan``: for each entry the index of the chosen group (or None). Score = share right.
- ``isian``: the typed text; right when it equals an accepted variant, ignoring case, diacritics and spaces.

A missing answer scores 0. An item whose answer was revealed ("Tampilkan jawaban") scores 0.
Scores are between 0 and 1; ``correct`` means a full score.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from .schema import normalise


class Score(NamedTuple):
    score: float
    correct: bool


def _ints(value: Any) -> list | None:
    if not isinstance(value, list):
        return None
    return [v if (isinstance(v, int) and not isinstance(v, bool)) else None for v in value]


def _share(hits: int, n: int) -> float:
    return hits / n if n else 0.0


def score(item, answer: Any, *, shown: bool = False) -> Score:
    """Score ``answer`` to ``item`` (a schema item or its dict)."""
    it = item if isinstance(item, dict) else item.model_dump()
    if shown or answer is None:
        return Score(0.0, False)
    kind = it["type"]
    if kind == "pilihan-tunggal":
        ok = isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(it["options"]) \
            and it["options"][answer]["correct"]
        return Score(1.0 if ok else 0.0, bool(ok))
    if kind == "pilihan-ganda":
        chosen = {a for a in (_ints(answer) or []) if a is not None and 0 <= a < len(it["options"])}
        right = {n for n, o in enumerate(it["options"]) if o["correct"]}
        s = max(0.0, (len(chosen & right) - len(chosen - right)) / len(right))
        return Score(s, chosen == right)
    if kind == "benar-salah":
        ok = isinstance(answer, bool) and answer == it["answer"]
        return Score(1.0 if ok else 0.0, ok)
    if kind == "menjodohkan":
        ans = _ints(answer) or []
        n = len(it["pairs"])
        hits = sum(1 for i in range(n) if i < len(ans) and ans[i] == i)
        return Score(_share(hits, n), hits == n)
    if kind == "mengurutkan":
        ans = _ints(answer) or []
        n = len(it["steps"])
        if sorted(a for a in ans if a is not None) != list(range(n)):
            return Score(0.0, False)
        hits = sum(1 for pos, step in enumerate(ans) if step == pos)
        return Score(_share(hits, n), hits == n)
    if kind == "mengelompokkan":
        ans = _ints(answer) or []
        groups = it["groups"]
        entries = it["entries"]
        hits = sum(1 for i, e in enumerate(entries)
                   if i < len(ans) and ans[i] is not None and 0 <= ans[i] < len(groups) and groups[ans[i]] == e["group"])
        return Score(_share(hits, len(entries)), hits == len(entries))
    if kind == "isian":
        ok = isinstance(answer, str) and normalise(answer) != "" and \
            normalise(answer) in {normalise(a) for a in it["accepted"]}
        return Score(1.0 if ok else 0.0, ok)
    raise ValueError(f"unknown item type {kind!r}")


def correct_answer(item) -> Any:
    """The answer that scores 1 (what "Tampilkan jawaban" shows)."""
    it = item if isinstance(item, dict) else item.model_dump()
    kind = it["type"]
    if kind == "pilihan-tunggal":
        return next(n for n, o in enumerate(it["options"]) if o["correct"])
    if kind == "pilihan-ganda":
        return [n for n, o in enumerate(it["options"]) if o["correct"]]
    if kind == "benar-salah":
        return it["answer"]
    if kind == "menjodohkan":
        return list(range(len(it["pairs"])))
    if kind == "mengurutkan":
        return list(range(len(it["steps"])))
    if kind == "mengelompokkan":
        return [it["groups"].index(e["group"]) for e in it["entries"]]
    if kind == "isian":
        return it["accepted"][0]
    raise ValueError(f"unknown item type {kind!r}")
