"""Directives that turn data/ into tables, figures and the glossary at build time.

- ``concept-list <list_id>``: the list's items as a table, with its authority and source,
  a "Contoh" column when data/examples/ has practice examples for the list (``:no-examples:``
  leaves it out), and a reference label ``daftar-<list_id with dots as dashes>`` for links from quizzes.
- ``concept-compare <list_id> <list_id> ...``: lists side by side.
- ``data-table <name>``: definitions, timeline, institutions, disagreements, lists-overview.
- ``data-figure <name>``: a matplotlib figure drawn from data/, saved as SVG, with alt text.
- ``data-glossary``: the Sphinx glossary of data/glossary.csv.

Any problem with the data stops the build with a message naming the page, the
directive and the data file, line and column.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

import pandas as pd
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from .. import data, figures, tables
from ..data import DataError
from ..markup import csv_list as _csv_list  # noqa: F401
from ..markup import list_label  # noqa: F401 - the label of a concept list's table, also for other modules
from ..paths import data_dir
from . import content, course
from . import nodes as pnodes


class _DataDirective(SphinxDirective):
    """Common ground: data errors stop the build, data files become page dependencies."""

    def run(self) -> list[nodes.Node]:
        try:
            result = self.build()
        except DataError as exc:
            raise ExtensionError(f"{self.env.doc2path(self.env.docname)}:{self.lineno}: "
                                 f"{self.name} directive: {exc}") from None
        for name in self.tables_used():
            for path in data.files_of(name):
                self.env.note_dependency(str(path))
        return result

    def build(self) -> list[nodes.Node]:
        raise NotImplementedError

    def tables_used(self) -> tuple[str, ...]:
        return ("lists", "items")

    def cite(self, keys: str) -> list[nodes.Node]:
        keys = ",".join(k for k in keys.split(";") if k)
        if not keys:
            return []
        parsed, messages = self.state.inline_text(f"{{cite:p}}`{keys}`", self.lineno)
        return [*parsed, *messages]

    def source_note(self, authority: str, year, keys: str, seed: str) -> nodes.paragraph:
        para = nodes.paragraph(classes=["peksos-source"])
        para += nodes.Text(f"Rujukan: {tables.authority_label(authority, year)} ")
        para.extend(self.cite(keys))
        seeds = ", ".join(seed.split(";"))
        para += nodes.Text(f"; naskah sumber {seeds} (lihat ")
        ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget="sumber-naskah",
                                    refexplicit=True, refwarn=True)
        ref += nodes.inline("", "Tentang sumber")
        para += ref
        para += nodes.Text(").")
        return para


class ConceptList(_DataDirective):
    """The list's items as a table. A list with practice examples (data/examples/) gets a "Contoh"
    column after the default ones; ``:no-examples:`` leaves it out."""

    required_arguments = 1
    option_spec = {"columns": directives.unchanged, "caption": directives.unchanged,
                   "no-examples": directives.flag}

    def build(self) -> list[nodes.Node]:
        list_id = self.arguments[0]
        meta, _ = data.concept_list(list_id)
        columns = tuple(_csv_list(self.options.get("columns"))) or ("position", "label_id", "label_en", "description")
        if "no-examples" in self.options:
            columns = tuple(c for c in columns if c != "example")
        elif "example" not in columns and data.examples_of(list_id):
            columns = (*columns, "example")
        df = tables.concept_list(list_id, columns)
        self.env.__dict__.setdefault("peksos_list_pages", set()).add(self.env.docname)
        widths = {"No.": 1, "Istilah": 4, "Istilah Inggris": 4, "Penjelasan": 10, "Contoh": 9}
        caption = pnodes.inline(self.options.get("caption") or meta["title_id"])
        tbl = pnodes.table(df, caption=caption, widths=[widths.get(c, 3) for c in df.columns])
        label = list_label(list_id)
        node_id = nodes.make_id(label)
        tbl["ids"].append(node_id)
        self.env.get_domain("std").note_hyperlink_target(label, self.env.docname, node_id, meta["title_id"])
        wrap = nodes.container(classes=["peksos-table-wrap"])
        wrap += tbl
        return [wrap, self.source_note(meta["authority"], meta["year"], meta["cite_keys"], meta["seed"])]

    def tables_used(self) -> tuple[str, ...]:
        return ("lists", "items", "examples")


def _example_files() -> tuple[str, ...]:
    return tuple(sorted(str(p) for p in (data_dir() / "examples").glob("*.csv")))


def _reread_lists_when_example_files_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    """A page depends on the example files that existed when it was read; a new (or deleted) file
    under data/examples/ makes every page with a concept-list table outdated."""
    files = _example_files()
    before = getattr(env, "peksos_example_files", None)
    env.peksos_example_files = files
    if before == files:
        return []
    # an environment saved before the example files were tracked does not know its list pages
    pages = set(env.all_docs) if before is None else getattr(env, "peksos_list_pages", set())
    return sorted(pages & set(env.found_docs) - set(added) - set(changed))


def _purge_list_pages(app: Sphinx, env, docname: str) -> None:
    getattr(env, "peksos_list_pages", set()).discard(docname)


def _merge_list_pages(app: Sphinx, env, docnames, other) -> None:
    pages = env.__dict__.setdefault("peksos_list_pages", set())
    pages.update(set(docnames) & getattr(other, "peksos_list_pages", set()))


class ConceptCompare(_DataDirective):
    required_arguments = 2
    optional_arguments = 20
    option_spec = {"caption": directives.unchanged, "no-english": directives.flag}

    def build(self) -> list[nodes.Node]:
        df = tables.compare_lists(list(self.arguments), with_english="no-english" not in self.options)
        caption = pnodes.inline(self.options.get("caption") or "Perbandingan daftar dari beberapa sumber")
        wrap = nodes.container(classes=["peksos-table-wrap"])
        wrap += pnodes.table(df, caption=caption, widths=[1] + [6] * (len(df.columns) - 1),
                             classes=("peksos-compare",))
        keys = ";".join(data.concept_list(i)[0]["cite_keys"] for i in self.arguments)
        para = nodes.paragraph(classes=["peksos-source"])
        para += nodes.Text("Rujukan: ")
        para.extend(self.cite(";".join(dict.fromkeys(k for k in keys.split(";") if k))) or [nodes.Text("—")])
        para += nodes.Text(". Kolom yang kosong berarti daftar itu lebih pendek.")
        return [wrap, para]


_TABLES: dict[str, tuple[Callable[[dict], pd.DataFrame], tuple[str, ...], list[int], str]] = {
    "definitions": (lambda o: tables.definitions(o.get("term"), _csv_list(o.get("ids")) or None, o.get("chapter")),
                    ("definitions",), [3, 4, 10, 3], "Definisi menurut para ahli"),
    "timeline": (lambda o: tables.timeline(), ("timeline",), [2, 5, 9], "Garis waktu"),
    "institutions": (lambda o: tables.institutions(o.get("scope")), ("institutions",), [4, 9], "Lembaga"),
    "disagreements": (lambda o: tables.disagreements(_csv_list(o.get("ids")) or None), ("disagreements",),
                      [3, 10], "Perbedaan antarsumber"),
    "sources": (lambda o: tables.sources(), ("sources",), [1, 6, 3, 9], "Naskah sumber kursus"),
    "lists-overview": (lambda o: tables.lists_overview(_csv_list(o.get("lists"))), ("lists",), [6, 4, 2, 2],
                       "Ringkasan daftar"),
}


class DataTable(_DataDirective):
    required_arguments = 1
    option_spec = {"caption": directives.unchanged, "term": directives.unchanged, "ids": directives.unchanged,
                   "scope": directives.unchanged, "lists": directives.unchanged, "chapter": directives.unchanged}

    def build(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in _TABLES:
            raise DataError(f"unknown table {name!r}; choose one of {', '.join(_TABLES)}")
        if "chapter" in self.options and name != "definitions":
            raise DataError("option :chapter: belongs to the definitions table only")
        make, _, widths, default_caption = _TABLES[name]
        df = make(self.options)
        block = name == "definitions" and "chapter" in self.options
        wrap = nodes.container(classes=["peksos-table-wrap"])
        wrap += pnodes.table(df, caption=pnodes.inline(self.options.get("caption") or
                                                       ("Definisi para ahli" if block else default_caption)),
                             widths=widths, classes=("peksos-definisi-ahli",) if block else ())
        if not block:
            return [wrap]
        return [wrap, self.definitions_note(self.options["chapter"], _csv_list(self.options.get("ids")))]

    def definitions_note(self, chapter: str, extra: list[str]) -> nodes.paragraph:
        """Under a "Definisi para ahli" block: every authority's work through the bibliography."""
        df = data.load("definitions")
        rows = df[(df["chapter"] == chapter) | df["def_id"].isin(extra)]
        keys = ";".join(dict.fromkeys(k for ks in rows["cite_keys"] for k in ks.split(";") if k))
        para = nodes.paragraph(classes=["peksos-source"])
        para += nodes.Text("Rujukan: ")
        para.extend(self.cite(keys))
        para += nodes.Text(". Kolom Sumber menyebut tahun yang diberikan naskah, kode naskahnya, dan barisnya; "
                           "definisi tanpa nama ahli adalah rumusan kerja dari naskah itu sendiri.")
        return para

    def tables_used(self) -> tuple[str, ...]:
        return _TABLES[self.arguments[0]][1] if self.arguments[0] in _TABLES else ()


class DataFigure(_DataDirective):
    required_arguments = 1
    option_spec = {"caption": directives.unchanged, "alt": directives.unchanged, "name": directives.unchanged}
    _TABLES_OF = {"timeline": ("timeline",)}

    def build(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in figures.FIGURES:
            raise DataError(f"unknown figure {name!r}; known figures: {', '.join(figures.FIGURES)}")
        # Generated figures live in the book's own _build folder (git-ignored) so that Sphinx
        # treats them as ordinary images of the source tree and copies them to _images/.
        srcdir = Path(self.env.srcdir)
        out_dir = srcdir / "_build" / "peksos-figures"
        rel = out_dir.relative_to(srcdir)
        out_dir.mkdir(parents=True, exist_ok=True)
        stamp = hashlib.sha1(repr([(str(p), p.stat().st_mtime_ns) for t in self.tables_used()
                                   for p in data.files_of(t)]).encode()).hexdigest()[:10]
        target = out_dir / f"{name}-{stamp}.svg"
        alt_file = target.with_suffix(".alt.txt")
        if target.exists() and alt_file.exists():
            alt = alt_file.read_text(encoding="utf-8")
        else:
            alt = figures.save_svg(name, target)
            alt_file.write_text(alt, encoding="utf-8")
        alt = self.options.get("alt") or alt
        image = nodes.image(uri="/" + (rel / target.name).as_posix(), alt=alt)
        figure = nodes.figure(classes=["peksos-figure"])
        figure += image
        if self.options.get("caption"):
            caption = nodes.caption("", "")
            caption.extend(pnodes.inline(self.options["caption"]))
            figure += caption
        if self.options.get("name"):
            self.add_name(figure)
        return [figure]

    def tables_used(self) -> tuple[str, ...]:
        return self._TABLES_OF.get(self.arguments[0], ("lists", "items"))


class DataGlossary(_DataDirective):
    def build(self) -> list[nodes.Node]:
        terms = data.load("glossary").sort_values("term_id", key=lambda s: s.str.lower())
        glossary = addnodes.glossary()
        glossary["sorted"] = True
        dlist = nodes.definition_list(classes=["glossary"])
        glossary += dlist
        source, lineno = self.get_source_info()
        for row in terms.itertuples():
            item = nodes.definition_list_item()
            term = make_glossary_term(self.env, [nodes.Text(row.term_id)], None, source, lineno, None,
                                      self.state.document)
            item += term
            definition = nodes.definition()
            para = nodes.paragraph()
            para += nodes.emphasis(row.term_en, row.term_en)
            para += nodes.Text(". ")
            para.extend(pnodes.inline(row.definition_id))
            definition += para
            item += definition
            dlist += item
        return [glossary]

    def tables_used(self) -> tuple[str, ...]:
        return ("glossary",)


def register(app: Sphinx) -> None:
    app.add_directive("concept-list", ConceptList)
    app.connect("env-get-outdated", _reread_lists_when_example_files_change)
    app.connect("env-purge-doc", _purge_list_pages)
    app.connect("env-merge-info", _merge_list_pages)
    app.add_directive("concept-compare", ConceptCompare)
    app.add_directive("data-table", DataTable)
    app.add_directive("data-figure", DataFigure)
    app.add_directive("data-glossary", DataGlossary)
    content.register(app)
    course.register(app)
