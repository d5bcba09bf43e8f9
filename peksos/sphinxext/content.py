"""The content kinds of the book (:data:`peksos.kinds.KINDS`), one pattern for all. A kind is one folder of
the package and one line of the registry (see :mod:`peksos.kind`); everything here is shared and takes the
kind:

- the directive ``{<kind>} <file or id>``: finds the file, makes the payload (the kind's ``embed``), and stops
  the build with a message naming page, line and file when anything is wrong (unknown options included);
  its node is :class:`peksos.sphinxext.nodes.content`, whose HTML visitor resolves the payload's book labels
  (the kind's ``link``) and writes the kind's markup;
- every file of the kind is loaded and checked once per build when the builder starts
  (:func:`loaded`), cached on the files' stamps;
- the pages that embed each file are tracked in the environment (``env.peksos_pages[kind]``), kept
  right when Sphinx purges a page or merges parallel reads;
- once every page is read, the book labels each file links to must resolve (std domain).
"""
from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from ..data import DataError
from ..kind import Kind
from ..kinds import KINDS
from . import nodes as pnodes


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
    return loaded(app, KINDS["quiz"])


def vignettes(app: Sphinx) -> list:
    return loaded(app, KINDS["vignette"])


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
            payload, context = kind.embed(one, self.options, where)
        except kind.error as exc:
            raise ExtensionError(f"{where}: {exc}") from None
        node = pnodes.content_node(kind.name, payload, str(path), context, where)
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
