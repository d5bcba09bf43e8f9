"""The case vignette as a content kind (:class:`peksos.kind.Kind`): ``{vignette} <file under quizzes/vignettes/
or its id>``, without options. Every vignette's principle links are checked, embedded or not. Its results file is
a play (:mod:`.results`), replayed on the vignette's graph."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..kind import Kind, ResultReader, Results, Url
from ..paths import quizzes_dir
from . import loader, render, results
from .schema import Vignette

# what the build needs of a principle but the player does not (it reads ref, label and url)
_PRINCIPLE_BUILD_ONLY = ("list_id", "item", "section")


def link(payload: dict, url: Url, context: dict) -> None:
    for node in payload["nodes"].values():
        for choice in node["choices"]:
            for principle in (*choice["applies"], *choice["violates"]):
                principle["url"] = url(principle["section"], f"principle {principle['ref']!r}")
                for key in _PRINCIPLE_BUILD_ONLY:
                    principle.pop(key, None)


def missing_labels(one: loader.LoadedVignette, resolves: Callable[[str], bool]) -> str | None:
    missing = [label for label in loader.principle_labels(one, None) if not resolves(label)]
    if missing:
        return f"{one.path}: the principles cite lists that no page shows with concept-list: {', '.join(missing)}"
    return None


RESULTS = Results(
    readers=(ResultReader("kasus", "a vignette play", "paths", marks=("vignette", "path"),
                          read=lambda doc, name, where, cat: results.read_play(doc, where, cat)),),
    schemas=results.SCHEMAS, files=lambda quizzes: loader.vignette_files(quizzes / "vignettes"),
    load=lambda path: loader.load_vignette(path).vignette, tables=lambda vs: {"vignettes": {v.id: v for v in vs}},
    used=("vignettes", "paths", "vignette"), model=Vignette)

KIND = Kind(
    name="vignette", what="vignettes", static=Path(__file__).resolve().parent,
    folder=lambda: quizzes_dir() / "vignettes", files=loader.vignette_files, error=loader.VignetteError,
    load_all=lambda folder, any_files: loader.load_all(folder, lists=loader.known_lists() if any_files else {}),
    find=loader.find_vignette, not_one="not a vignette file (they live under quizzes/vignettes/)", options=(),
    embed=lambda one, options, where: (render.payload(one.vignette), {}), link=link, markup=render.markup,
    missing_labels=missing_labels, check_unused=True, mount="mountVignette",
    results=RESULTS)
