"""The ``{progress}`` ("Kemajuan saya") and ``{practice}`` ("Latihan") directives: pages over the whole course.

Both embed, as inert JSON, the chapters with their titles and URLs, the cases with their endings, and
every item of every bank: the progress page what scores and places it (:func:`scoring_view`: chapter,
topics, section, the parts an answer is scored against, no text), the practice page what draws a
session (:data:`DRAWN_BY`). The practice page shows items in full: each is a small classic script under
``_static/peksos/soal/`` that the page loads for the items a session draws or an old answer needs scored
(a script tag, not fetch(), so it also works from ``file://``), so the page stays light. The page's
engine (``progress.js`` / ``practice.js``) reads the learning record in the browser. A bank or vignette
that does not load, or an item whose section does not resolve, stops the build.
"""
from __future__ import annotations

import copy
import json
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from ..data import CHAPTERS
from ..markup import widget_markup
from ..paths import quizzes_dir
from ..quiz import loader, render
from ..quiz.schema import ID_PATTERN
from . import content
from . import nodes as pnodes

KINDS = ("progress", "practice")
NOSCRIPT = {
    "progress": "Halaman kemajuan membaca catatan belajar yang tersimpan di peramban Anda dan membutuhkan JavaScript.",
    "practice": "Latihan ini interaktif dan membutuhkan JavaScript. Aktifkan JavaScript di peramban Anda.",
}


# what scoring reads of an item's parts (peksos.quiz.scoring, score() in quiz.js); the rest is text to show
_SCORED_PARTS = {"options": ("correct",), "pairs": (), "steps": (), "entries": ("group",)}
_SHOWN_ONLY = ("prompt", "explanation", "feedback", "near_misses", "distractors")


def scoring_view(item: dict) -> dict:
    """An item without the texts it shows, only what scores an answer and places it (chapter, topics, section):
    the progress page scores old answers and counts, it renders no item."""
    out = {k: v for k, v in item.items() if k not in _SHOWN_ONLY}
    for key, keep in _SCORED_PARTS.items():
        if key in out:
            out[key] = [{k: part[k] for k in keep} for part in out[key]]
    return out


def payload(banks, vignettes, base: str, kind: str = "practice") -> dict[str, Any]:
    """What both pages read: ``items`` (section labels still unresolved), ``chapters``, ``vignettes``, ``base``.
    The practice page renders the items in full; the progress page gets :func:`scoring_view` of each."""
    items = []
    for one in sorted(banks, key=lambda b: (CHAPTERS.index(b.bank.chapter), b.bank.id)):
        items.extend(render.payload(one.bank, shuffle=True)["items"])
    if kind == "progress":
        items = [scoring_view(it) for it in items]
    return {
        "v": 1, "base": base,
        "chapters": [{"id": c, "title": c, "url": None} for c in CHAPTERS],
        "items": items,
        "vignettes": [{"id": v.vignette.id, "title": v.vignette.title,
                       "endings": {e.id: {"title": e.title, "outcome": e.outcome} for e in v.vignette.endings}}
                      for v in sorted(vignettes, key=lambda v: v.vignette.id)],
    }


def activity_base(config) -> str:
    """The IRI the book's xAPI activities live under: html_baseurl, else the repository URL."""
    base = getattr(config, "html_baseurl", "") or (getattr(config, "html_theme_options", {}) or {}).get(
        "repository_url", "") or "https://peksos.invalid/"
    return base if base.endswith("/") else base + "/"


class course(nodes.raw):  # noqa: N801
    """A progress or practice widget; its HTML visitor resolves every URL and writes the markup."""


ITEMS_DIR = "_static/peksos/soal"  # the practice page's items, one classic script each
DRAWN_BY = ("id", "chapter", "tags", "list_id")  # what learning.js draw() reads of an item
_ITEM_ID = re.compile(ID_PATTERN)  # the bank schema's id rule: a safe file name


def item_script(item: dict) -> str:
    """One item as a classic script that registers it (``peksosSoal[id] = {...}``): it loads from file://
    too, where fetch() may not. JSON is a JS literal once U+2028/U+2029 are escaped; the engine shows
    every text with textContent, so nothing in it becomes markup."""
    body = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(globalThis.peksosSoal=globalThis.peksosSoal||{{}})[{json.dumps(item['id'])}]={body};\n"


def write_item_scripts(outdir: Path, items: list[dict], where: str) -> Path:
    """Write every item of the practice page under ``ITEMS_DIR`` (the folder is replaced, so an item taken
    out of the bank leaves no file behind)."""
    target = Path(outdir) / ITEMS_DIR
    if target.is_dir():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for item in items:
        if not _ITEM_ID.match(item["id"]):
            raise ExtensionError(f"{where}: item {item['id']!r}: field 'id': only a-z, 0-9 and '-' can name its file")
        (target / f"{item['id']}.js").write_text(item_script(item), encoding="utf-8")
    return target


def _section_urls(self, node: course, items: list[dict], *, from_root: bool = False) -> None:
    for item in items:
        item["section_url"] = pnodes.label_url(self.builder, item["section"], from_root=from_root)
        if item["section_url"] is None:
            raise ExtensionError(f"{node['where']}: item {item['id']!r}: field 'section': label {item['section']!r} "
                                 "does not resolve to a section of the book")


def _visit_course_html(self, node: course) -> None:
    data = copy.deepcopy(node["payload"])
    if node["kind"] == "practice":
        # the page carries what draws a session; the items shown (or an old answer to score) load one by one
        _section_urls(self, node, data["items"], from_root=True)
        write_item_scripts(self.builder.outdir, data["items"], node["where"])
        data["items"] = [{k: it[k] for k in DRAWN_BY} for it in data["items"]]
        here = posixpath.dirname(self.builder.current_docname) or "."
        data["root"] = posixpath.relpath(".", here) + "/"
        data["soal"] = posixpath.relpath(ITEMS_DIR, here) + "/"
    else:
        _section_urls(self, node, data["items"])
    env = self.builder.env
    for chapter in data["chapters"]:
        doc = f"book/{chapter['id']}"
        if doc in env.titles:
            chapter["title"] = env.titles[doc].astext()
            chapter["url"] = self.builder.get_relative_uri(self.builder.current_docname, doc)
    self.body.append(widget_markup(node["kind"], data, NOSCRIPT[node["kind"]]))
    raise nodes.SkipNode


def _skip(self, node) -> None:
    raise nodes.SkipNode


class _CourseDirective(SphinxDirective):
    required_arguments = 0
    has_content = False
    kind = ""

    def run(self) -> list[nodes.Node]:
        where = f"{self.env.doc2path(self.env.docname)}:{self.lineno}: {self.name} directive"
        banks, vignettes = content.quiz_banks(self.env.app), content.vignettes(self.env.app)
        if not banks:
            raise ExtensionError(f"{where}: no quiz banks under {quizzes_dir()}")
        for path in [*loader.bank_files(quizzes_dir()), *(v.path for v in vignettes)]:
            self.env.note_dependency(str(path))
        node = course("", f'data-peksos-engine="{self.kind}"', format=f"peksos-{self.kind}")
        node["payload"] = payload(banks, vignettes, activity_base(self.config), self.kind)
        node["kind"] = self.kind
        node["where"] = where
        return [node]


class Progress(_CourseDirective):
    kind = "progress"


class Practice(_CourseDirective):
    kind = "practice"


def register(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(course, override=True, html=(_visit_course_html, None), latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_directive("progress", Progress)
    app.add_directive("practice", Practice)
