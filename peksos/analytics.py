"""Class analytics on the frames of :mod:`peksos.results`: items, topics, vignette plays, and their figures.

Items (:func:`item_statistics`), per bank:

- difficulty ``p``: the proportion of students who got the item fully right (``correct``); the
  mean partial score is given beside it as ``mean_score``.
- discrimination: the corrected point-biserial correlation between the item (right = 1,
  otherwise 0) and the student's REST score, i.e. the mean score on the other items of the same
  bank that the student answered (the item itself left out, so it does not correlate with itself;
  a mean rather than a sum, so students who drew different numbers of items from a pool compare).
  It is NaN when everybody (or nobody) got the item right, or when the rest scores do not vary.
- Categories as commonly used in Indonesian test analysis: difficulty ``sukar`` (p < 0.30),
  ``sedang`` (0.30 to 0.70), ``mudah`` (p > 0.70); discrimination (Ebel) ``sangat baik`` (>= 0.40),
  ``baik`` (0.30 to 0.39), ``cukup, perlu diperbaiki`` (0.20 to 0.29), ``buruk, direvisi`` (< 0.20).

Unchecked and revealed items count as wrong (score 0), as the quiz scores them.

Topics (:func:`mastery`): per student and tag, the mean item score over the items carrying the tag,
with the quiz's own labels (``dikuasai`` from 80 %, ``hampir dikuasai`` from 50 %, else ``perlu
diulang``).

Tables for the lecturer: :func:`bank_scores` (student x bank, percent), :func:`option_analysis` (what
the class answered to one item, and how strong the students behind each answer are),
:func:`topic_summary` and :func:`status_counts` (mastery per topic and per student).

Vignettes: :func:`plays` (one row per play), :func:`endings` (plays per ending),
:func:`choices` (what the class chose at each node), :func:`routes` (the most frequent paths).

Figures (matplotlib ``Figure`` objects, not registered with pyplot, titles and axes in Indonesian):
:func:`figure_items`, :func:`figure_mastery`, :func:`figure_endings`.
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .quiz.schema import normalise

INK = "#1f2933"
GRID = "#d0d7de"
# colour-blind safe: blue, orange, dark maroon differ in hue and in lightness
OUTCOME_COLOUR = {"baik": "#1f5fa8", "sebagian": "#e69f00", "buruk": "#7f1d1d"}
OUTCOME_LABEL = {"baik": "baik", "sebagian": "sebagian tercapai", "buruk": "buruk"}
MASTERY_LEVELS = ((0.8, "dikuasai"), (0.5, "hampir dikuasai"), (0.0, "perlu diulang"))
ITEM_COLUMNS = ["bank", "item", "type", "level", "n", "difficulty", "mean_score", "discrimination",
                "kesukaran", "daya_beda"]


# --- items ------------------------------------------------------------------------------------------------
def point_biserial(item: Iterable[float], rest: Iterable[float]) -> float:
    """Pearson correlation of a 0/1 item with a score; NaN when either does not vary."""
    x = np.asarray(list(item), dtype=float)
    y = np.asarray(list(rest), dtype=float)
    if len(x) < 2 or len(x) != len(y):
        return math.nan
    dx, dy = x - x.mean(), y - y.mean()
    den = math.sqrt(float((dx * dx).sum()) * float((dy * dy).sum()))
    return float((dx * dy).sum() / den) if den > 1e-12 else math.nan


def difficulty_label(p: float) -> str:
    if pd.isna(p):
        return ""
    return "sukar" if p < 0.30 else ("sedang" if p <= 0.70 else "mudah")


def discrimination_label(r: float) -> str:
    if pd.isna(r):
        return "tidak terhitung"
    if r >= 0.40:
        return "sangat baik"
    if r >= 0.30:
        return "baik"
    if r >= 0.20:
        return "cukup, perlu diperbaiki"
    return "buruk, direvisi"


def _need(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {', '.join(missing)} (a frame from peksos.results.load)")


def item_statistics(answers: pd.DataFrame) -> pd.DataFrame:
    """Difficulty and discrimination of every item (one row per bank x item; see the module docstring)."""
    _need(answers, ["student", "bank", "item", "score", "correct"], "item_statistics")
    df = answers.copy()
    df["right"] = df["correct"].astype(float)
    per_student = df.groupby(["bank", "student"])["score"].agg(["sum", "count"])
    df = df.join(per_student, on=["bank", "student"])
    others = df["count"] - 1
    df["rest"] = np.where(others > 0, (df["sum"] - df["score"]) / others.where(others > 0, 1), np.nan)
    rows = []
    for (bank, item), g in df.groupby(["bank", "item"], sort=True):
        g_rest = g.dropna(subset=["rest"])
        first = g.iloc[0]
        p = float(g["right"].mean())
        r = point_biserial(g_rest["right"], g_rest["rest"])
        rows.append({"bank": bank, "item": item, "type": first.get("type", ""), "level": first.get("level", ""),
                     "n": len(g), "difficulty": p, "mean_score": float(g["score"].mean()), "discrimination": r,
                     "kesukaran": difficulty_label(p), "daya_beda": discrimination_label(r)})
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


def bank_scores(answers: pd.DataFrame) -> pd.DataFrame:
    """Student x bank: the mean item score in percent (NaN where the student handed no quiz of the bank in)."""
    _need(answers, ["student", "bank", "score"], "bank_scores")
    return 100 * answers.pivot_table(index="student", columns="bank", values="score", aggfunc="mean")


def option_analysis(answers: pd.DataFrame, item: Any) -> pd.DataFrame:
    """What the class answered to one item, with how strong the students who gave each answer are.

    ``item``: the bank's item (``ClassResults.banks[bank].item(id)``) or its dict. For choice items one
    row per option (chosen by how many, ``key`` for the right ones); for other types one row per
    distinct answer. ``rest_score``: the mean score of those students on the other items of the bank.
    A wrong option chosen by students with a high rest score deserves a second look (is it defensible?).
    """
    it = item if isinstance(item, dict) else item.model_dump(mode="json")
    _need(answers, ["student", "bank", "item", "answer", "score", "checked", "shown"], "option_analysis")
    rows = answers[answers["item"] == it["id"]]
    if rows.empty:
        raise ValueError(f"no answers to item {it['id']!r} in the frame")
    bank = rows["bank"].iloc[0]
    same = answers[(answers["bank"] == bank) & (answers["item"] != it["id"])]
    rest = same.groupby("student")["score"].mean()
    given = rows[rows["checked"] & ~rows["shown"]]
    out = []
    kind = it["type"]
    if kind in ("pilihan-tunggal", "pilihan-ganda"):
        for n, opt in enumerate(it["options"]):
            who = given[given["answer"].map(lambda a: a == n if kind == "pilihan-tunggal" else
                                            isinstance(a, list) and n in a)]["student"]
            out.append({"answer": opt["text"], "key": bool(opt["correct"]), "students": len(who),
                        "rest_score": rest.reindex(who).mean()})
    elif kind == "benar-salah":
        for value, label in ((True, "Benar"), (False, "Salah")):
            who = given[given["answer"].map(lambda a: a is value)]["student"]
            out.append({"answer": label, "key": bool(it["answer"]) is value, "students": len(who),
                        "rest_score": rest.reindex(who).mean()})
    else:
        shown = given["answer"].map(lambda a: normalise(a) if isinstance(a, str) else str(a))
        for text, who in given.groupby(shown)["student"]:
            right = given.loc[who.index, "correct"].all()
            out.append({"answer": text, "key": bool(right), "students": len(who),
                        "rest_score": rest.reindex(who).mean()})
    untouched = rows[~rows["checked"] | rows["shown"]]["student"]
    out.append({"answer": "(tidak diperiksa / jawaban ditampilkan)", "key": False, "students": len(untouched),
                "rest_score": rest.reindex(untouched).mean() if len(untouched) else math.nan})
    table = pd.DataFrame(out, columns=["answer", "key", "students", "rest_score"])
    if kind not in ("pilihan-tunggal", "pilihan-ganda", "benar-salah"):
        table = pd.concat([table.iloc[:-1].sort_values("students", ascending=False), table.iloc[-1:]])
    return table.reset_index(drop=True)


# --- topics -----------------------------------------------------------------------------------------------
def mastery_label(share: float) -> str:
    for floor, label in MASTERY_LEVELS:
        if share >= floor - 1e-9:
            return label
    return MASTERY_LEVELS[-1][1]


def mastery(answers: pd.DataFrame) -> pd.DataFrame:
    """Per student and topic tag: items, points, mastery (mean item score) and its label."""
    _need(answers, ["student", "tags", "score"], "mastery")
    df = answers[["student", "tags", "score"]].copy()
    df["tags"] = df["tags"].map(lambda t: list(t) if isinstance(t, (list, tuple)) else
                                [x for x in str(t).split(";") if x])
    df = df.explode("tags").rename(columns={"tags": "topic"}).dropna(subset=["topic"])
    out = df.groupby(["student", "topic"], sort=True)["score"].agg(items="count", points="sum").reset_index()
    out["mastery"] = out["points"] / out["items"]
    out["status"] = out["mastery"].map(mastery_label)
    return out


def topic_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per topic: items carrying the tag, the class's mean mastery, and how many students must revisit it."""
    _need(table, ["topic", "items", "mastery", "status"], "topic_summary")
    out = table.groupby("topic").agg(items=("items", "max"), students=("student", "nunique"),
                                     mean_mastery=("mastery", "mean"),
                                     revisit=("status", lambda s: int((s == "perlu diulang").sum())))
    return out.sort_values(["mean_mastery", "revisit"], ascending=[True, False])


def status_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Per student: how many topics are ``dikuasai``, ``hampir dikuasai``, ``perlu diulang`` (most to revisit first)."""
    labels = [label for _, label in MASTERY_LEVELS]
    out = table.pivot_table(index="student", columns="status", values="topic", aggfunc="count", fill_value=0)
    out = out.reindex(columns=labels, fill_value=0)
    out.columns.name = None
    return out.sort_values(["perlu diulang", "dikuasai"], ascending=[False, True])


def mastery_matrix(table: pd.DataFrame, topics: Iterable[str] | None = None) -> pd.DataFrame:
    """The mastery table as topic (rows) x student (columns); NaN where a student met no item of the topic."""
    wide = table.pivot(index="topic", columns="student", values="mastery")
    if topics is not None:
        wide = wide.reindex(list(topics))
    return wide


# --- vignettes --------------------------------------------------------------------------------------------
def plays(paths: pd.DataFrame) -> pd.DataFrame:
    """One row per vignette play: student, file, vignette, steps, ending, outcome, score, max_score, share."""
    _need(paths, ["student", "file", "vignette", "step", "ending", "outcome", "score", "max_score"], "plays")
    g = paths.groupby(["vignette", "student", "file"], sort=True)
    out = g.agg(steps=("step", "max"), ending=("ending", "first"), outcome=("outcome", "first"),
                score=("score", "first"), max_score=("max_score", "first"),
                expert_steps=("expert_choice", "sum")).reset_index()
    out["share"] = out["score"] / out["max_score"]
    return out


def endings(paths: pd.DataFrame, vignettes: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Plays per vignette and ending, with their share of the vignette's plays.

    ``vignettes`` (id -> Vignette, e.g. ``ClassResults.vignettes``) adds the endings nobody reached
    (0 plays) and the endings' titles.
    """
    p = plays(paths)
    p["ending"] = p["ending"].fillna("(belum selesai)")
    p["outcome"] = p["outcome"].fillna("")
    counts = p.groupby(["vignette", "ending", "outcome"]).size().rename("plays").reset_index()
    titles: dict[tuple[str, str], str] = {}
    if vignettes:
        extra = []
        for vid, v in vignettes.items():
            if vid not in set(counts["vignette"]):
                continue
            for e in v.endings:
                titles[(vid, e.id)] = e.title
                if not ((counts["vignette"] == vid) & (counts["ending"] == e.id)).any():
                    extra.append({"vignette": vid, "ending": e.id, "outcome": e.outcome, "plays": 0})
        if extra:
            counts = pd.concat([counts, pd.DataFrame(extra)], ignore_index=True)
    counts["share"] = counts["plays"] / counts.groupby("vignette")["plays"].transform("sum")
    counts["title"] = [titles.get((v, e), e) for v, e in zip(counts["vignette"], counts["ending"])]
    order = {"baik": 0, "sebagian": 1, "buruk": 2, "": 3}
    counts["_o"] = counts["outcome"].map(order).fillna(3)
    counts = counts.sort_values(["vignette", "_o", "plays", "ending"], ascending=[True, True, False, True])
    return counts.drop(columns="_o").reset_index(drop=True)[["vignette", "ending", "title", "outcome", "plays",
                                                             "share"]]


def choices(paths: pd.DataFrame) -> pd.DataFrame:
    """What the class chose at each node: plays per (vignette, node, choice), share within the node."""
    _need(paths, ["vignette", "node", "choice", "rating", "expert_choice"], "choices")
    out = paths.groupby(["vignette", "node", "choice", "rating", "expert_choice"]).size().rename("count").reset_index()
    out["share"] = out["count"] / out.groupby(["vignette", "node"])["count"].transform("sum")
    first_step = paths.groupby(["vignette", "node"])["step"].min().rename("_first")
    out = out.join(first_step, on=["vignette", "node"]).sort_values(["vignette", "_first", "node", "count"],
                                                                     ascending=[True, True, True, False])
    return out.drop(columns="_first").reset_index(drop=True)


def routes(paths: pd.DataFrame, top: int | None = 5) -> pd.DataFrame:
    """The most frequent routes per vignette: the nodes visited in order, how many plays took them."""
    _need(paths, ["vignette", "file", "student", "step", "node", "ending"], "routes")
    seq = (paths.sort_values("step").groupby(["vignette", "student", "file"])
           .agg(route=("node", lambda s: " → ".join(s)), ending=("ending", "first")).reset_index())
    seq["route"] = seq["route"] + " → " + seq["ending"].fillna("(belum selesai)")
    out = seq.groupby(["vignette", "route"]).size().rename("plays").reset_index()
    out["share"] = out["plays"] / out.groupby("vignette")["plays"].transform("sum")
    out = out.sort_values(["vignette", "plays", "route"], ascending=[True, False, True])
    if top is not None:
        out = out.groupby("vignette").head(top)
    return out.reset_index(drop=True)


# --- figures ----------------------------------------------------------------------------------------------
def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=INK)


def figure_items(stats: pd.DataFrame, *, label_below: float = 0.20) -> Figure:
    """Difficulty (x) against discrimination (y), one point per item, coloured by bank.

    Items whose discrimination is below ``label_below`` are labelled with their id: the ones to read again.
    """
    fig = Figure(figsize=(8.0, 5.4), layout="constrained")
    ax = fig.add_subplot()
    ax.axvspan(0.30, 0.70, color="#eef3f8", zorder=0)
    ax.axhline(0.20, color="#8a5a00", lw=1, ls="--", zorder=1)
    ax.axhline(0.0, color=GRID, lw=1, zorder=1)
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    colours = ["#1d5c63", "#a23b00", "#5b3f8c", "#2f6b1f", "#8c1d5c", "#3f4f8c", "#6b5a1f", "#1f6b5a"]
    for k, (bank, g) in enumerate(stats.groupby("bank", sort=True)):
        ax.scatter(g["difficulty"], g["discrimination"], s=36, marker=markers[k % len(markers)],
                   color=colours[k % len(colours)], label=bank, zorder=3, alpha=0.9)
    flagged = stats[stats["discrimination"] < label_below]
    for _, r in flagged.iterrows():
        ax.annotate(r["item"], (r["difficulty"], r["discrimination"]), xytext=(4, -3), textcoords="offset points",
                    fontsize=7, color=INK)
    ax.set_xlim(-0.03, 1.03)
    low = np.nanmin(stats["discrimination"]) if stats["discrimination"].notna().any() else 0.0
    ax.set_ylim(min(-0.1, low - 0.05), 1.0)
    ax.set_xlabel("Tingkat kesukaran p (proporsi mahasiswa yang menjawab benar)", color=INK)
    ax.set_ylabel("Daya beda (korelasi poin-biserial soal–skor sisa)", color=INK)
    ax.set_title("Kesukaran dan daya beda setiap soal", color=INK)
    ax.text(0.5, 0.97, "rentang sedang (0,30–0,70)", transform=ax.get_xaxis_transform(), ha="center",
            va="top", fontsize=8, color="#4a5560")
    ax.text(1.02, 0.21, "batas 0,20", ha="right", va="bottom", fontsize=8, color="#8a5a00")
    ax.grid(color=GRID, lw=0.5)
    _style(ax)
    ax.legend(title="Bank soal", fontsize=8, title_fontsize=8, frameon=False, loc="upper left")
    return fig


# ColorBrewer PuOr: orange (low) to purple (high), readable with colour-vision deficiencies
MASTERY_CMAP = LinearSegmentedColormap.from_list(
    "penguasaan", ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"])
MISSING = "#8c8c8c"


def figure_mastery(matrix: pd.DataFrame, *, title: str = "Penguasaan topik per mahasiswa",
                   annotate: bool = False) -> Figure:
    """Heatmap of a :func:`mastery_matrix` (topics x students): orange low, purple high, grey where a student
    met no item of the topic."""
    rows, cols = matrix.shape
    fig = Figure(figsize=(max(6.0, 0.32 * cols + 3.0), max(3.0, 0.34 * rows + 1.8)), layout="constrained")
    ax = fig.add_subplot()
    cmap = MASTERY_CMAP.with_extremes(bad=MISSING)
    img = ax.imshow(np.ma.masked_invalid(matrix.to_numpy(dtype=float)), cmap=cmap, vmin=0, vmax=1, aspect="auto",
                    interpolation="nearest")
    ax.set_xticks(range(cols), [str(c) for c in matrix.columns], rotation=90, fontsize=7)
    ax.set_yticks(range(rows), [str(r) for r in matrix.index], fontsize=8)
    if annotate:
        for i in range(rows):
            for j in range(cols):
                v = matrix.iat[i, j]
                if pd.notna(v):
                    ax.text(j, i, f"{round(100 * v)}", ha="center", va="center", fontsize=6,
                            color="white" if v < 0.15 or v > 0.8 else INK)
    ax.set_xlabel("Mahasiswa", color=INK)
    ax.set_ylabel("Topik (tag soal)", color=INK)
    ax.set_title(title, color=INK)
    bar = fig.colorbar(img, ax=ax, shrink=0.9)
    bar.set_label("Penguasaan (rata-rata skor soal, 0–1)")
    for level, _ in MASTERY_LEVELS[:2]:
        bar.ax.axhline(level, color=INK, lw=0.8)
    return fig


def figure_endings(table: pd.DataFrame, *, titles: Mapping[str, str] | None = None) -> Figure:
    """Bar charts of an :func:`endings` table: one panel per vignette, bars coloured by outcome."""
    vids = list(dict.fromkeys(table["vignette"]))
    heights = [max(1, int((table["vignette"] == v).sum())) for v in vids]
    fig = Figure(figsize=(8.0, 0.42 * sum(heights) + 1.1 * len(vids) + 0.6), layout="constrained")
    axes = fig.subplots(len(vids), 1, squeeze=False, height_ratios=heights)[:, 0] if vids else []
    top = int(table["plays"].max()) if len(table) else 1
    for ax, vid in zip(axes, vids):
        g = table[table["vignette"] == vid].iloc[::-1]
        labels = [f"{t} ({e})" if t != e else e for t, e in zip(g["title"], g["ending"])]
        colours = [OUTCOME_COLOUR.get(o, "#6b7280") for o in g["outcome"]]
        ax.barh(range(len(g)), g["plays"], color=colours)
        ax.set_yticks(range(len(g)), labels, fontsize=8)
        for y, (n, share) in enumerate(zip(g["plays"], g["share"])):
            ax.text(n + top * 0.01, y, f"{n} ({round(100 * share)}%)", va="center", fontsize=8, color=INK)
        ax.set_xlim(0, top * 1.18 + 0.5)
        ax.set_title(textwrap.fill(f"Kasus: {(titles or {}).get(vid, vid)}", 80), fontsize=10, color=INK, loc="left")
        ax.set_xlabel("Jumlah permainan", color=INK)
        ax.set_ylabel("Akhir kasus", color=INK)
        ax.xaxis.get_major_locator().set_params(integer=True)
        _style(ax)
    handles = [Patch(color=c, label=f"hasil {OUTCOME_LABEL[o]}") for o, c in OUTCOME_COLOUR.items()]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False, fontsize=8)
    fig.suptitle("Akhir kasus yang dicapai kelas", color=INK)
    return fig


__all__ = ["bank_scores", "option_analysis", "status_counts", "topic_summary", "choices", "endings", "figure_endings", "figure_items", "figure_mastery", "item_statistics", "mastery",
           "mastery_matrix", "plays", "point_biserial", "routes"]
