"""Figures drawn with matplotlib from data/, each with an alt text built from the same data.

``FIGURES[name]`` gives a function returning ``(figure, alt_text)``. The book's
``data-figure`` directive saves them as SVG at build time; notebooks show them
inline.
"""
from __future__ import annotations

import textwrap
from typing import Callable

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from . import data
from .data import DataError

# Colours chosen for contrast on white (WCAG AA for text on the fills used).
INK = "#1f2933"
PALETTE = {"karya": "#1d5c63", "peristiwa": "#a23b00", "lembaga": "#5b3f8c"}
KIND_LABEL = {"karya": "karya terbit", "peristiwa": "peristiwa", "lembaga": "lembaga berdiri"}


def plain(text: str) -> str:
    """Data text without its Markdown emphasis marks, for figure labels and alt text."""
    return text.replace("**", "").replace("*", "")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def timeline() -> tuple[Figure, str]:
    """The history of the profession as the sources date it: one row per event."""
    df = data.load("timeline").sort_values(["year_start", "year_end"], kind="stable").reset_index(drop=True)
    n = len(df)
    fig, ax = plt.subplots(figsize=(8.0, 0.34 * n + 1.2))
    lo, hi = int(df["year_start"].min()) - 5, int(df["year_end"].max()) + 5
    for i, r in df.iterrows():
        colour = PALETTE[r["kind"]]
        y = n - 1 - i
        if r["year_end"] > r["year_start"]:
            ax.plot([r["year_start"], r["year_end"]], [y, y], color=colour, lw=5, solid_capstyle="round")
        else:
            ax.plot([r["year_start"]], [y], "o", color=colour, ms=6)
        label = plain(f"{r['when']}: {r['label_id']}")
        right = r["year_start"] < (lo + hi) / 2
        ax.text(r["year_end"] + 2 if right else r["year_start"] - 2, y, label, va="center",
                ha="left" if right else "right", fontsize=8.5, color=INK)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-1, n)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#d0d7de", lw=0.6)
    ax.set_xlabel("Tahun", color=INK)
    handles = [plt.Line2D([], [], color=c, marker="o", lw=0, label=KIND_LABEL[k]) for k, c in PALETTE.items()]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8.5)
    fig.tight_layout()
    events = "; ".join(plain(f"{r.when}: {r.label_id}") for r in df.itertuples())
    alt = (f"Garis waktu {n} peristiwa dan karya dalam sejarah pekerjaan sosial menurut sumber, "
           f"dari {df['when'].iloc[0]} sampai {df['when'].iloc[-1]}. Urutannya: {events}.")
    return fig, alt


def _list_labels(list_id: str) -> list[str]:
    _, items = data.concept_list(list_id)
    return [plain(x) for x in items["label_id"]]


def practice_levels() -> tuple[Figure, str]:
    """Bronfenbrenner's mikro/meso/ekso beside Zastrow's mikro/meso/makro, as nested systems."""
    from matplotlib.patches import Circle

    pairs = [("practice-levels.bronfenbrenner", "Bronfenbrenner (lewat Ambrosino dan Langer)"),
             ("practice-levels.zastrow-2017", "Zastrow (2017)")]
    fig, axes = plt.subplots(1, 2, figsize=(8.0, 4.2))
    fills = ["#dcecec", "#b9d9d9", "#8fc1c1"]
    alt_parts = []
    for ax, (list_id, title) in zip(axes, pairs):
        labels = _list_labels(list_id)
        for k, label in enumerate(reversed(labels)):
            radius = 1.0 - 0.3 * k
            ax.add_patch(Circle((0, 0), radius, facecolor=fills[k % 3], edgecolor="#1d5c63", lw=1.2))
            ax.text(0, radius - 0.15 if k < len(labels) - 1 else 0, _wrap(label, 18), ha="center", va="center",
                    fontsize=9, color=INK, fontweight="bold")
        ax.set_title(title, fontsize=10, color=INK)
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-1.05, 1.05)
        ax.set_aspect("equal")
        ax.axis("off")
        alt_parts.append(f"{title}: dari dalam ke luar {', '.join(labels)}")
    fig.tight_layout()
    alt = "Dua diagram lingkaran bersarang yang membandingkan level praktik. " + "; ".join(alt_parts) + "."
    return fig, alt


def macro_models() -> tuple[Figure, str]:
    """Rothman's three macro models side by side, with the roles the source gives each."""
    models = _list_labels("macro-models.rothman-tropman.zastrow-2017")
    role_lists = ["roles.locality-development", "roles.social-planning", "roles.social-action"]
    fig, axes = plt.subplots(1, 3, figsize=(8.4, 3.8))
    alt_parts = []
    for ax, model, role_list in zip(axes, models, role_lists):
        roles = _list_labels(role_list)
        ax.add_patch(plt.Rectangle((0, 0), 1, 1, facecolor="#f3f6f8", edgecolor="#1d5c63", lw=1.2))
        ax.add_patch(plt.Rectangle((0, 0.78), 1, 0.22, facecolor="#1d5c63"))
        ax.text(0.5, 0.89, _wrap(model, 20), ha="center", va="center", color="white", fontsize=9.5, fontweight="bold")
        ax.text(0.5, 0.70, "Peran pekerja sosial:", ha="center", va="center", fontsize=8.5, color=INK)
        for k, role in enumerate(roles):
            ax.text(0.5, 0.58 - k * 0.12, _wrap(role, 24), ha="center", va="center", fontsize=8.5, color=INK)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axis("off")
        alt_parts.append(f"{model}, dengan peran {', '.join(roles)}")
    fig.tight_layout()
    alt = "Tiga kotak berdampingan untuk tiga model praktik makro: " + "; ".join(alt_parts) + "."
    return fig, alt


PROCESSES = {
    "casework": ("process.casework", "Proses *casework*"),
    "groupwork": ("process.group-work-stages", "Tahapan *group work*"),
    "community": ("process.community-organization.friedlander", "Tahapan organisasi masyarakat (Friedlander)"),
    "problem-solving": ("process.problem-solving.compton-galaway", "Proses pemecahan masalah (Compton & Galaway)"),
}


def process_stages() -> tuple[Figure, str]:
    """The stage models of casework, group work and community organization as rows of boxes."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    rows = list(PROCESSES.values())
    fig, ax = plt.subplots(figsize=(8.4, 1.5 * len(rows) + 0.3))
    alt_parts = []
    for r, (list_id, title) in enumerate(rows):
        stages = _list_labels(list_id)
        y = len(rows) - 1 - r
        ax.text(0, y + 0.45, title.replace("*", ""), fontsize=9.5, fontweight="bold", color=INK, va="center")
        width = 1.0 / len(stages)
        for k, stage in enumerate(stages):
            x0 = k * width + 0.01
            ax.add_patch(FancyBboxPatch((x0, y - 0.33), width - 0.04, 0.6, boxstyle="round,pad=0.01",
                                        facecolor="#dcecec", edgecolor="#1d5c63", lw=1))
            box_inches = (width - 0.04) * fig.get_figwidth()
            ax.text(x0 + (width - 0.04) / 2, y - 0.03, _wrap(stage, max(8, int(box_inches / 0.075))),
                    ha="center", va="center", fontsize=7.5, color=INK)
            if k:
                ax.add_patch(FancyArrowPatch((x0 - 0.03, y - 0.03), (x0, y - 0.03), arrowstyle="-|>",
                                             mutation_scale=9, color="#1d5c63"))
        alt_parts.append(f"{title.replace('*', '')}: {' → '.join(stages)}")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, len(rows) - 0.4)
    ax.axis("off")
    fig.tight_layout()
    alt = "Bagan tahapan proses pertolongan. " + "; ".join(alt_parts) + "."
    return fig, alt


FIGURES: dict[str, Callable[[], tuple[Figure, str]]] = {
    "timeline": timeline,
    "practice-levels": practice_levels,
    "macro-models": macro_models,
    "process-stages": process_stages,
}


def figure(name: str) -> tuple[Figure, str]:
    try:
        maker = FIGURES[name]
    except KeyError:
        raise DataError(f"unknown figure {name!r}; known figures: {', '.join(FIGURES)}") from None
    return maker()


def save_svg(name: str, path) -> str:
    """Draw figure ``name`` into an SVG file at ``path``; return its alt text."""
    fig, alt = figure(name)
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "peksos"}):
        fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    return alt
