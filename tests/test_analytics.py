"""Class analytics on a tiny hand-made class whose numbers are worked out by hand below."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from peksos import analytics

# Four students, one bank, three items scored right (1) or wrong (0):
#        A  B  C
#   s1   1  1  1
#   s2   1  1  0
#   s3   1  0  0
#   s4   0  0  1
GRID = {"s1": (1, 1, 1), "s2": (1, 1, 0), "s3": (1, 0, 0), "s4": (0, 0, 1)}
TAGS = {"A": ("x",), "B": ("x", "y"), "C": ("y",)}


def tiny_class() -> pd.DataFrame:
    rows = []
    for student, scores in GRID.items():
        for item, s in zip("ABC", scores):
            rows.append({"student": student, "bank": "b", "item": item, "type": "benar-salah", "level": "ingat",
                         "tags": TAGS[item], "checked": True, "score": float(s), "correct": bool(s)})
    return pd.DataFrame(rows)


def test_difficulty_is_the_proportion_right():
    st = analytics.item_statistics(tiny_class()).set_index("item")
    assert st.loc["A", "difficulty"] == 0.75  # 3 of 4
    assert st.loc["B", "difficulty"] == 0.5
    assert st.loc["C", "difficulty"] == 0.5
    assert list(st["n"]) == [4, 4, 4]
    assert list(st["kesukaran"]) == ["mudah", "sedang", "sedang"]


def test_discrimination_is_the_item_rest_point_biserial():
    # Rest score = mean of the student's two other items.
    # A: x = 1 1 1 0, rest = 1 .5 0 .5 -> deviations .25 .25 .25 -.75 and .5 0 -.5 0 -> sum of products 0 -> r = 0
    # B: x = 1 1 0 0, rest = 1 .5 .5 .5 -> sum dx*dy = .25, sum dx^2 = 1, sum dy^2 = .1875 -> r = 1/sqrt(3)
    # C: x = 1 0 0 1, rest = 1 1 .5 0 -> sum dx*dy = -.25, sum dx^2 = 1, sum dy^2 = .6875 -> r = -1/sqrt(11)
    st = analytics.item_statistics(tiny_class()).set_index("item")
    assert st.loc["A", "discrimination"] == pytest.approx(0.0, abs=1e-12)
    assert st.loc["B", "discrimination"] == pytest.approx(1 / math.sqrt(3))
    assert st.loc["C", "discrimination"] == pytest.approx(-1 / math.sqrt(11))
    assert st.loc["B", "daya_beda"] == "sangat baik"
    assert st.loc["C", "daya_beda"] == "buruk, direvisi"


def test_discrimination_agrees_with_numpy_and_is_nan_without_variance():
    x, y = [1, 0, 1, 1, 0], [0.8, 0.3, 0.6, 0.9, 0.5]
    assert analytics.point_biserial(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])
    assert math.isnan(analytics.point_biserial([1, 1, 1], [0.2, 0.5, 0.9]))  # everybody right
    df = tiny_class()
    df.loc[df["item"] == "A", ["score", "correct"]] = [1.0, True]
    st = analytics.item_statistics(df).set_index("item")
    assert math.isnan(st.loc["A", "discrimination"]) and st.loc["A", "daya_beda"] == "tidak terhitung"


def test_partial_scores_count_in_the_mean_not_in_the_difficulty():
    df = tiny_class()
    df.loc[(df["student"] == "s4") & (df["item"] == "A"), "score"] = 0.5  # partly right, not correct
    st = analytics.item_statistics(df).set_index("item")
    assert st.loc["A", "difficulty"] == 0.75
    assert st.loc["A", "mean_score"] == pytest.approx(3.5 / 4)


def test_rest_score_is_per_bank():
    df = tiny_class()
    other = df.copy()
    other["bank"] = "lain"
    other["score"] = 1.0 - other["score"]  # a second bank with the opposite pattern must not leak into the first
    other["correct"] = other["score"] == 1.0
    st = analytics.item_statistics(pd.concat([df, other])).set_index(["bank", "item"])
    assert st.loc[("b", "B"), "discrimination"] == pytest.approx(1 / math.sqrt(3))
    assert len(st) == 6


def test_mastery_per_topic_and_student():
    m = analytics.mastery(tiny_class()).set_index(["student", "topic"])
    # s2: x has A and B (1 + 1) / 2; y has B and C (1 + 0) / 2
    assert m.loc[("s2", "x"), "mastery"] == 1.0 and m.loc[("s2", "x"), "items"] == 2
    assert m.loc[("s2", "y"), "mastery"] == 0.5
    assert m.loc[("s3", "y"), "mastery"] == 0.0
    assert m.loc[("s2", "x"), "status"] == "dikuasai"
    assert m.loc[("s2", "y"), "status"] == "hampir dikuasai"
    assert m.loc[("s3", "y"), "status"] == "perlu diulang"
    wide = analytics.mastery_matrix(analytics.mastery(tiny_class()))
    assert list(wide.index) == ["x", "y"] and list(wide.columns) == ["s1", "s2", "s3", "s4"]
    assert wide.loc["y", "s4"] == 0.5


def tiny_paths() -> pd.DataFrame:
    """Three plays of one vignette: two reach 'baik' by the same route, one ends 'buruk'."""
    rows = []
    plays = [("s1", ["n1:a", "n2:a"], "e-baik", "baik"), ("s2", ["n1:a", "n2:a"], "e-baik", "baik"),
             ("s3", ["n1:b"], "e-buruk", "buruk")]
    for student, steps, ending, outcome in plays:
        for k, st in enumerate(steps, start=1):
            node, choice = st.split(":")
            rating = "tepat" if choice == "a" else "merugikan"
            rows.append({"student": student, "file": f"{student}/kasus-v.json", "vignette": "v", "step": k,
                         "node": node, "choice": choice, "rating": rating, "points": 3 if choice == "a" else 0,
                         "state_after": {}, "expert_choice": choice == "a", "ended": True, "ending": ending,
                         "outcome": outcome, "score": 3 * len(steps) if choice == "a" else 0,
                         "max_score": 3 * len(steps)})
    return pd.DataFrame(rows)


def test_endings_choices_and_routes():
    e = analytics.endings(tiny_paths()).set_index("ending")
    assert e.loc["e-baik", "plays"] == 2 and e.loc["e-buruk", "plays"] == 1
    assert e.loc["e-baik", "share"] == pytest.approx(2 / 3)
    c = analytics.choices(tiny_paths()).set_index(["node", "choice"])
    assert c.loc[("n1", "a"), "count"] == 2 and c.loc[("n1", "a"), "share"] == pytest.approx(2 / 3)
    assert c.loc[("n2", "a"), "share"] == 1.0
    r = analytics.routes(tiny_paths())
    assert list(r["route"]) == ["n1 → n2 → e-baik", "n1 → e-buruk"] and list(r["plays"]) == [2, 1]
    p = analytics.plays(tiny_paths()).set_index("student")
    assert p.loc["s1", "steps"] == 2 and p.loc["s3", "share"] == 0.0


def test_endings_list_the_endings_nobody_reached():
    class End:
        def __init__(self, i, outcome):
            self.id, self.outcome, self.title = i, outcome, f"Akhir {i}"

    class Vig:
        endings = [End("e-baik", "baik"), End("e-sebagian", "sebagian"), End("e-buruk", "buruk")]

    e = analytics.endings(tiny_paths(), {"v": Vig()})
    assert list(e["ending"]) == ["e-baik", "e-sebagian", "e-buruk"]
    assert list(e["plays"]) == [2, 0, 1] and e.loc[1, "title"] == "Akhir e-sebagian"


def _texts(fig, loc="center"):
    ax = fig.axes[0]
    return ax.get_title(loc=loc), ax.get_xlabel(), ax.get_ylabel()


def test_figures_have_indonesian_titles_and_labelled_axes():
    st = analytics.item_statistics(tiny_class())
    title, x, y = _texts(analytics.figure_items(st))
    assert title == "Kesukaran dan daya beda setiap soal"
    assert x.startswith("Tingkat kesukaran") and y.startswith("Daya beda")
    fig = analytics.figure_items(st)
    assert len(fig.axes[0].collections) == 1  # one bank, one series
    assert [t.get_text() for t in fig.axes[0].texts if t.get_text() in "ABC"] == ["A", "C"]  # flagged below 0.20

    heat = analytics.figure_mastery(analytics.mastery_matrix(analytics.mastery(tiny_class())))
    title, x, y = _texts(heat)
    assert title == "Penguasaan topik per mahasiswa" and x == "Mahasiswa" and y == "Topik (tag soal)"
    assert [t.get_text() for t in heat.axes[0].get_xticklabels()] == ["s1", "s2", "s3", "s4"]
    assert heat.axes[1].get_ylabel().startswith("Penguasaan")  # the colour bar

    bars = analytics.figure_endings(analytics.endings(tiny_paths()), titles={"v": "Kasus uji"})
    assert bars.get_suptitle() == "Akhir kasus yang dicapai kelas"
    title, x, y = _texts(bars, loc="left")
    assert title == "Kasus: Kasus uji" and x == "Jumlah permainan" and y == "Akhir kasus"
    assert [p.get_width() for p in bars.axes[0].patches] == [1, 2]  # e-buruk, e-baik from the bottom


def test_option_analysis_shows_who_chose_each_option():
    item = {"id": "Q", "type": "pilihan-tunggal", "options": [
        {"text": "kunci", "correct": True}, {"text": "pengecoh", "correct": False}, {"text": "lain", "correct": False}]}
    df = tiny_class()
    extra = [("s1", 0, True), ("s2", 1, True), ("s3", 0, True), ("s4", None, False)]
    rows = [{"student": s, "bank": "b", "item": "Q", "type": "pilihan-tunggal", "level": "ingat", "tags": ("z",),
             "answer": a, "checked": c, "shown": False, "score": float(a == 0), "correct": a == 0} for s, a, c in extra]
    df = pd.concat([df.assign(answer=None, shown=False), pd.DataFrame(rows)], ignore_index=True)
    t = analytics.option_analysis(df, item)
    assert list(t["answer"]) == ["kunci", "pengecoh", "lain", "(tidak diperiksa / jawaban ditampilkan)"]
    assert list(t["key"]) == [True, False, False, False]
    assert list(t["students"]) == [2, 1, 0, 1]
    # rest score = mean over A, B, C: s1 1, s2 2/3, s3 1/3, s4 1/3
    assert t.loc[0, "rest_score"] == pytest.approx((1 + 1 / 3) / 2)
    assert t.loc[1, "rest_score"] == pytest.approx(2 / 3)
    assert math.isnan(t.loc[2, "rest_score"]) and t.loc[3, "rest_score"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="no answers to item 'X'"):
        analytics.option_analysis(df, {**item, "id": "X"})


def test_topic_summary_status_counts_and_bank_scores():
    m = analytics.mastery(tiny_class())
    topics = analytics.topic_summary(m)
    # x: s1 1, s2 1, s3 .5, s4 0 -> .625, one student to revisit; y: 1, .5, 0, .5 -> .5, one to revisit
    assert list(topics.index) == ["y", "x"]
    assert topics.loc["x", "mean_mastery"] == 0.625 and topics.loc["y", "revisit"] == 1
    assert topics.loc["x", "items"] == 2 and topics.loc["x", "students"] == 4
    counts = analytics.status_counts(m)
    assert list(counts.columns) == ["dikuasai", "hampir dikuasai", "perlu diulang"]
    assert counts.loc["s3"].tolist() == [0, 1, 1] and counts.index[-1] == "s1"
    scores = analytics.bank_scores(tiny_class())
    assert scores.loc["s2", "b"] == pytest.approx(200 / 3)
