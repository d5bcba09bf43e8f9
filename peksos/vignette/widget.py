"""``Vignette``: the case player live in Jupyter (anywidget), with the path and state back in Python.

    from peksos.vignette.widget import Vignette
    v = Vignette("casework-lk3")
    v              # the case; in the built book the same player as static HTML
    v.path         # a DataFrame: one row per decision taken (node, choice, rating, points, state after)
    v.state        # the case variables now, e.g. {"rapport": 3, "risiko": 1}
    v.ending       # the ending reached, or None

The output also carries ``text/html`` (the static markup), which the built book shows
without a kernel, a CDN or a widget manager.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import traitlets

from ..widgets.host import ContentWidget, book_links
from . import loader, render

PATH_COLUMNS = ["step", "node", "choice", "rating", "points", "state_after"]


class Vignette(ContentWidget, kind="vignette"):
    """A vignette (file under ``quizzes/vignettes/`` or its id) as a live widget.

    ``results`` is synced from the front end after every decision: the path taken, the state, the
    ending and the judgment score. ``links``: book label -> URL (default: the built book, seen from
    ``notebooks/``).
    """

    results = traitlets.Dict().tag(sync=True)

    def __init__(self, vignette: str | Path, *, links: dict[str, str] | None = None, **kwargs: Any) -> None:
        loaded = loader.load_vignette(self.locate(vignette), lists=loader.known_lists())
        self.vignette = loaded.vignette
        super().__init__(payload=render.payload(loaded.vignette, links=book_links() if links is None else links),
                         **kwargs)

    @property
    def path(self) -> pd.DataFrame:
        """The decisions taken so far, in order, checked against the vignette's own graph."""
        rows = []
        nodes = self.payload["nodes"]
        for n, step in enumerate(self.results.get("path") or [], start=1):
            node, choice = step.get("node"), step.get("choice")
            if node not in nodes:
                raise ValueError(f"vignette {self.vignette.id!r}: step {n}: unknown node {node!r}")
            found = [c for c in nodes[node]["choices"] if c["id"] == choice]
            if not found:
                raise ValueError(f"vignette {self.vignette.id!r}: step {n}: node {node!r} has no choice {choice!r}")
            rows.append({"step": n, "node": node, "choice": choice, "rating": found[0]["rating"],
                         "points": found[0]["points"], "state_after": step.get("state_after")})
        return pd.DataFrame(rows, columns=PATH_COLUMNS)

    @property
    def state(self) -> dict[str, int]:
        return dict(self.results.get("state") or {v["name"]: v["initial"] for v in self.payload["variables"]})

    @property
    def ending(self) -> str | None:
        return self.results.get("ending")

    @property
    def score(self) -> tuple[int, int]:
        """(points earned, points possible) over the decisions taken."""
        path = self.path
        return int(path["points"].sum()), 3 * len(path)
