"""The content kinds of the book, quiz and vignette: their directives, the loading of their files
once per build, and the pages that embed them.

- ``{quiz} <bank file under quizzes/ or bank id>`` with :items: (ids), :pool: (k), :shuffle: (yes/no)
  and :title:. Every bank under quizzes/ is checked when the builder starts (schema, ids across files,
  inventory ids); once every page is read, the section labels of every item of every bank a page
  embeds must resolve (std domain). A bad file stops the build. `peksos validate` checks the labels
  of all banks against the book's sources.
- ``{vignette} <file under quizzes/vignettes/ or its id>``. Every vignette is checked when the builder
  starts (schema, graph, principles) and its principle links once every page is read.
"""
from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from .. import data
from ..data import DataError
from ..markup import csv_list
from ..paths import quizzes_dir
from ..quiz import loader
from ..quiz import render
from ..vignette import loader as vloader
from ..vignette import render as vrender
from . import nodes as pnodes


def register(app: Sphinx) -> None:
    register_quiz(app)
    register_vignette(app)


# --- quiz --------------------------------------------------------------------------------------
QUIZ_OPTIONS = ("items", "pool", "shuffle", "title")


class AnyOption(dict):
    """Accept every option name so that the directive itself can reject unknown ones with an error
    (MyST only warns about them and drops them; docutils' message names no file)."""

    def __missing__(self, key: str):
        return directives.unchanged

    def __bool__(self) -> bool:  # MyST skips option parsing for an empty (falsy) option_spec
        return True


def loaded_once(app: Sphinx, what: str, files: list, error: type[Exception], load):
    """``load()`` once per build while ``files`` are unchanged; its errors (or bad data) stop the build."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    cache = getattr(app, "_peksos_loaded", {}).get(what)
    if cache and cache[0] == stamp:
        return cache[1]
    try:
        loaded = load()
    except (error, DataError) as exc:
        raise ExtensionError(f"{what}: {exc}") from None
    app._peksos_loaded = {**getattr(app, "_peksos_loaded", {}), what: (stamp, loaded)}
    return loaded


def quiz_banks(app: Sphinx):
    """Every bank, validated (schema, ids across files, inventory ids); cached on file stamps."""
    files = loader.bank_files(quizzes_dir())
    return loaded_once(app, "quiz banks", files, loader.QuizError, lambda: loader.load_all(
        quizzes_dir(), lists=set(data.load("lists")["list_id"]) if files else set()))


def _check_quiz_banks(app: Sphinx) -> None:
    quiz_banks(app)


def _purge_quiz_pages(app: Sphinx, env, docname: str) -> None:
    getattr(env, "peksos_quiz_pages", {}).pop(docname, None)


def _merge_quiz_pages(app: Sphinx, env, docnames, other) -> None:
    pages = env.__dict__.setdefault("peksos_quiz_pages", {})
    for docname in docnames:
        if docname in getattr(other, "peksos_quiz_pages", {}):
            pages[docname] = other.peksos_quiz_pages[docname]


def _check_quiz_labels(app: Sphinx, env) -> None:
    used = {path for paths in getattr(env, "peksos_quiz_pages", {}).values() for path in paths}
    for one in quiz_banks(app):
        if str(one.path.resolve()) not in used:
            continue
        try:
            loader.check_labels(one, lambda label: pnodes.resolve_label(env, label) is not None)
        except loader.QuizError as exc:
            raise ExtensionError(f"quiz banks: {exc}") from None


class Quiz(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = AnyOption({name: directives.unchanged for name in QUIZ_OPTIONS})

    def run(self) -> list[nodes.Node]:
        where = f"{self.env.doc2path(self.env.docname)}:{self.lineno}: quiz directive"
        unknown = [k for k in self.options if k not in QUIZ_OPTIONS]
        if unknown:
            raise ExtensionError(f"{where}: unknown option(s) {', '.join(':%s:' % k for k in unknown)}; "
                                 f"allowed: {', '.join(':%s:' % k for k in QUIZ_OPTIONS)}")
        try:
            pool = self._pool(where)
            shuffle = self._shuffle(where)
            path = loader.find_bank(self.arguments[0], quizzes_dir()).resolve()
            loaded = next((b for b in quiz_banks(self.env.app) if b.path.resolve() == path), None)
            if loaded is None:
                raise loader.QuizError(f"{path}: not a bank file (quiz files live under quizzes/, "
                                       f"outside {', '.join(loader.EXCLUDED)}/)")
            items = csv_list(self.options.get("items")) or None
            payload = render.payload(loaded.bank, items=items, pool=pool, shuffle=shuffle,
                                     title=self.options.get("title"))
        except loader.QuizError as exc:
            raise ExtensionError(f"{where}: {exc}") from None
        self.env.note_dependency(str(path))
        self.env.__dict__.setdefault("peksos_quiz_pages", {}).setdefault(self.env.docname, set()).add(str(path))
        lines = {it.id: loaded.line_of("items", n, "section") for n, it in enumerate(loaded.bank.items)}
        return [pnodes.quiz_node(payload, str(path), lines, where)]

    def _pool(self, where: str) -> int | None:
        raw = (self.options.get("pool") or "").strip()
        if not raw:
            return None
        if not raw.isdigit() or int(raw) < 1:
            raise ExtensionError(f"{where}: option :pool: must be a whole number of at least 1, not {raw!r}")
        return int(raw)

    def _shuffle(self, where: str) -> bool:
        raw = (self.options.get("shuffle") or "yes").strip().lower()
        if raw not in ("yes", "no", "ya", "tidak", "true", "false"):
            raise ExtensionError(f"{where}: option :shuffle: must be yes or no, not {raw!r}")
        return raw in ("yes", "ya", "true")


def register_quiz(app: Sphinx) -> None:
    app.add_directive("quiz", Quiz)
    app.connect("builder-inited", _check_quiz_banks)
    app.connect("env-purge-doc", _purge_quiz_pages)
    app.connect("env-merge-info", _merge_quiz_pages)
    app.connect("env-check-consistency", _check_quiz_labels)


# --- vignette ----------------------------------------------------------------------------------
def vignettes(app: Sphinx):
    folder = quizzes_dir() / "vignettes"
    files = vloader.vignette_files(folder)
    return loaded_once(app, "vignettes", files, vloader.VignetteError, lambda: vloader.load_all(
        folder, lists=vloader.known_lists() if files else {}))


def _check_vignettes(app: Sphinx) -> None:
    vignettes(app)


def _check_vignette_labels(app: Sphinx, env) -> None:
    for one in vignettes(app):
        missing = [label for label in vloader.principle_labels(one, None)
                   if pnodes.resolve_label(env, label) is None]
        if missing:
            raise ExtensionError(f"vignettes: {one.path}: the principles cite lists that no page shows with "
                                 f"concept-list: {', '.join(missing)}")


class Vignette(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = AnyOption({})

    def run(self) -> list[nodes.Node]:
        where = f"{self.env.doc2path(self.env.docname)}:{self.lineno}: vignette directive"
        if self.options:
            raise ExtensionError(f"{where}: unknown option(s) {', '.join(':%s:' % k for k in self.options)}; "
                                 "the vignette directive takes none")
        try:
            path = vloader.find_vignette(self.arguments[0], quizzes_dir() / "vignettes").resolve()
        except vloader.VignetteError as exc:
            raise ExtensionError(f"{where}: {exc}") from None
        loaded = next((v for v in vignettes(self.env.app) if v.path.resolve() == path), None)
        if loaded is None:
            raise ExtensionError(f"{where}: {path}: not a vignette file (they live under quizzes/vignettes/)")
        self.env.note_dependency(str(path))
        return [pnodes.vignette_node(vrender.payload(loaded.vignette), str(path), where)]


def register_vignette(app: Sphinx) -> None:
    app.add_directive("vignette", Vignette)
    app.connect("builder-inited", _check_vignettes)
    app.connect("env-check-consistency", _check_vignette_labels)
