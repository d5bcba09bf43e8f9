"""The content kinds of the book, one pattern for all: a kind (quiz, vignette) is one folder of the
package (schema, loader, render, its widget) and one line of :data:`KINDS`. Everything else here is
shared and takes the kind:

- the directive ``{<kind>} <file or id>``: finds the file, renders the payload, and stops the build with
  a message naming page, line and file when anything is wrong (unknown options included);
- every file of the kind is loaded and checked once per build when the builder starts
  (:func:`loaded`), cached on the files' stamps;
- the pages that embed each file are tracked in the environment (``env.peksos_pages[kind]``), kept
  right when Sphinx purges a page or merges parallel reads;
- once every page is read, the book labels each file links to must resolve (std domain).

``{quiz} <bank file under quizzes/ or bank id>`` takes :items: (ids), :pool: (k), :shuffle: (yes/no) and
:title:; only the banks some page embeds get their section labels checked (`peksos validate` checks all
of them against the book's sources). ``{vignette} <file under quizzes/vignettes/ or its id>`` takes no
option; every vignette's principle links are checked, embedded or not.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Kind:
    """What the shared code needs to know of one content kind."""
    name: str                                    # the directive's name and the key of its pages
    what: str                                    # how messages name its files ("quiz banks")
    folder: Callable[[], Path]
    files: Callable[[Path], list[Path]]
    error: type[Exception]
    load_all: Callable[[Path, bool], list]       # (folder, any files) -> loaded files, checked
    find: Callable[[str, Path], Path]
    not_one: str                                 # "<path>: not a ... file (...)"
    options: tuple[str, ...]
    node: Callable[[Any, Any, dict, str], nodes.Node]  # (directive, loaded, options, where) -> node
    missing_labels: Callable[[Any, Callable[[str], bool]], str | None]  # the problem, or None
    check_unused: bool                           # check the labels of files no page embeds too


def _quiz_node(directive: "ContentDirective", one, options: dict, where: str) -> nodes.Node:
    payload = render.payload(one.bank, items=csv_list(options.get("items")) or None, pool=_pool(options, where),
                             shuffle=_shuffle(options, where), title=options.get("title"))
    lines = {it.id: one.line_of("items", n, "section") for n, it in enumerate(one.bank.items)}
    return pnodes.quiz_node(payload, str(one.path.resolve()), lines, where)


def _quiz_labels(one, resolves: Callable[[str], bool]) -> str | None:
    try:
        loader.check_labels(one, resolves)
    except loader.QuizError as exc:
        return str(exc)
    return None


def _vignette_labels(one, resolves: Callable[[str], bool]) -> str | None:
    missing = [label for label in vloader.principle_labels(one, None) if not resolves(label)]
    if missing:
        return f"{one.path}: the principles cite lists that no page shows with concept-list: {', '.join(missing)}"
    return None


def _pool(options: dict, where: str) -> int | None:
    raw = (options.get("pool") or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ExtensionError(f"{where}: option :pool: must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def _shuffle(options: dict, where: str) -> bool:
    raw = (options.get("shuffle") or "yes").strip().lower()
    if raw not in ("yes", "no", "ya", "tidak", "true", "false"):
        raise ExtensionError(f"{where}: option :shuffle: must be yes or no, not {raw!r}")
    return raw in ("yes", "ya", "true")


QUIZ = Kind(
    name="quiz", what="quiz banks", folder=quizzes_dir, files=loader.bank_files, error=loader.QuizError,
    load_all=lambda folder, any_files: loader.load_all(
        folder, lists=set(data.load("lists")["list_id"]) if any_files else set()),
    find=loader.find_bank,
    not_one=f"not a bank file (quiz files live under quizzes/, outside {', '.join(loader.EXCLUDED)}/)",
    options=("items", "pool", "shuffle", "title"), node=_quiz_node, missing_labels=_quiz_labels,
    check_unused=False)
VIGNETTE = Kind(
    name="vignette", what="vignettes", folder=lambda: quizzes_dir() / "vignettes", files=vloader.vignette_files,
    error=vloader.VignetteError,
    load_all=lambda folder, any_files: vloader.load_all(folder, lists=vloader.known_lists() if any_files else {}),
    find=vloader.find_vignette, not_one="not a vignette file (they live under quizzes/vignettes/)", options=(),
    node=lambda d, one, options, where: pnodes.vignette_node(vrender.payload(one.vignette), str(one.path.resolve()),
                                                             where),
    missing_labels=_vignette_labels, check_unused=True)

# The content kinds: adding one is its folder in the package and one line here.
KINDS = {k.name: k for k in (QUIZ, VIGNETTE)}
QUIZ_OPTIONS = QUIZ.options


def loaded(app: Sphinx, kind: Kind) -> list:
    """Every file of ``kind``, checked; loaded once per build while the files are unchanged. Its errors
    (or bad data) stop the build."""
    folder = kind.folder()
    files = kind.files(folder)
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    cache = getattr(app, "_peksos_loaded", {}).get(kind.name)
    if cache and cache[0] == stamp:
        return cache[1]
    try:
        result = kind.load_all(folder, bool(files))
    except (kind.error, DataError) as exc:
        raise ExtensionError(f"{kind.what}: {exc}") from None
    app._peksos_loaded = {**getattr(app, "_peksos_loaded", {}), kind.name: (stamp, result)}
    return result


def quiz_banks(app: Sphinx) -> list:
    return loaded(app, QUIZ)


def vignettes(app: Sphinx) -> list:
    return loaded(app, VIGNETTE)


class AnyOption(dict):
    """Accept every option name so that the directive itself can reject unknown ones with an error
    (MyST only warns about them and drops them; docutils' message names no file)."""

    def __missing__(self, key: str):
        return directives.unchanged

    def __bool__(self) -> bool:  # MyST skips option parsing for an empty (falsy) option_spec
        return True


class ContentDirective(SphinxDirective):
    """``{<kind>} <file or id>``; subclasses name the kind."""
    kind: Kind
    required_arguments = 1
    has_content = False
    option_spec = AnyOption({})

    def run(self) -> list[nodes.Node]:
        kind = self.kind
        where = f"{self.env.doc2path(self.env.docname)}:{self.lineno}: {kind.name} directive"
        unknown = [k for k in self.options if k not in kind.options]
        if unknown:
            allowed = (f"allowed: {', '.join(':%s:' % k for k in kind.options)}" if kind.options
                       else f"the {kind.name} directive takes none")
            raise ExtensionError(f"{where}: unknown option(s) {', '.join(':%s:' % k for k in unknown)}; {allowed}")
        try:
            path = kind.find(self.arguments[0], kind.folder()).resolve()
        except kind.error as exc:
            raise ExtensionError(f"{where}: {exc}") from None
        one = next((x for x in loaded(self.env.app, kind) if x.path.resolve() == path), None)
        if one is None:
            raise ExtensionError(f"{where}: {path}: {kind.not_one}")
        try:
            node = kind.node(self, one, self.options, where)
        except kind.error as exc:
            raise ExtensionError(f"{where}: {exc}") from None
        self.env.note_dependency(str(path))
        pages = self.env.__dict__.setdefault("peksos_pages", {}).setdefault(kind.name, {})
        pages.setdefault(self.env.docname, set()).add(str(path))
        return [node]


def pages(env, kind: Kind) -> dict[str, set[str]]:
    """docname -> the files of ``kind`` the page embeds."""
    return getattr(env, "peksos_pages", {}).get(kind.name, {})


def _reread_untracked(app: Sphinx, env, added, changed, removed) -> list[str]:
    """An environment saved before the pages were tracked does not know which page embeds what: read
    every page again once."""
    if hasattr(env, "peksos_pages"):
        return []
    env.peksos_pages = {}
    return sorted(set(env.found_docs) - set(added) - set(changed))


def _check_files(app: Sphinx) -> None:
    for kind in KINDS.values():
        loaded(app, kind)


def _purge_pages(app: Sphinx, env, docname: str) -> None:
    for kind in KINDS.values():
        pages(env, kind).pop(docname, None)


def _merge_pages(app: Sphinx, env, docnames, other) -> None:
    for kind in KINDS.values():
        mine = env.__dict__.setdefault("peksos_pages", {}).setdefault(kind.name, {})
        theirs = pages(other, kind)
        mine.update({d: theirs[d] for d in docnames if d in theirs})


def _check_labels(app: Sphinx, env) -> None:
    resolves = lambda label: pnodes.resolve_label(env, label) is not None  # noqa: E731
    for kind in KINDS.values():
        used = {path for paths in pages(env, kind).values() for path in paths}
        for one in loaded(app, kind):
            if kind.check_unused or str(one.path.resolve()) in used:
                problem = kind.missing_labels(one, resolves)
                if problem:
                    raise ExtensionError(f"{kind.what}: {problem}")


def register(app: Sphinx) -> None:
    for kind in KINDS.values():
        app.add_directive(kind.name, type(kind.name.title(), (ContentDirective,), {
            "kind": kind, "option_spec": AnyOption({k: directives.unchanged for k in kind.options})}))
    app.connect("builder-inited", _check_files)
    app.connect("env-get-outdated", _reread_untracked)
    app.connect("env-purge-doc", _purge_pages)
    app.connect("env-merge-info", _merge_pages)
    app.connect("env-check-consistency", _check_labels)
