"""Docutils node builders for data-driven content.

Text from data files becomes docutils Text/emphasis/strong/literal nodes, never raw markup: it is
parsed by :func:`peksos.markup.spans` (the Markdown subset the exports and the widgets share), and
everything else (including ``<script>``) stays literal text, escaped by the HTML writer.
"""
from __future__ import annotations

import copy

import pandas as pd
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .. import markup
from ..quiz import render as quiz_render
from ..vignette import render as vignette_render


def _node(span: markup.Span) -> nodes.Node:
    if span.kind == "text":
        return nodes.Text(span.text)
    if span.kind == "code":
        return nodes.literal(span.text, span.text)
    if span.kind == "link":  # data text links nowhere: the link's text only
        return nodes.Text(span.plain())
    node = nodes.strong() if span.kind == "strong" else nodes.emphasis()
    node.extend(_node(c) for c in span.children)
    return node


def inline(text: str) -> list[nodes.Node]:
    """Plain text with the Markdown subset (``**bold**``, ``*italic*``, ```code```) as docutils nodes."""
    return [_node(s) for s in markup.spans(text)]


def paragraph(text: str, **attrs) -> nodes.paragraph:
    para = nodes.paragraph("", "", **attrs)
    para.extend(inline(text))
    return para


def table(df: pd.DataFrame, *, caption: list[nodes.Node] | None = None, widths: list[int] | None = None,
          classes: tuple[str, ...] = ()) -> nodes.table:
    """A docutils table from a DataFrame; header from the column names."""
    ncols = len(df.columns)
    widths = widths or [1] * ncols
    if len(widths) != ncols:
        raise ValueError(f"{len(widths)} widths for {ncols} columns")
    tbl = nodes.table(classes=["peksos-table", *classes])
    if caption:
        title = nodes.title("", "")
        title.extend(caption)
        tbl += title
    group = nodes.tgroup(cols=ncols)
    tbl += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    group += head
    head += _row([str(c) for c in df.columns])
    body = nodes.tbody()
    group += body
    for values in df.itertuples(index=False):
        body += _row(["" if pd.isna(v) else str(v) for v in values])
    return tbl


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        if text:
            entry += paragraph(text)
        row += entry
    return row


def register(app: Sphinx) -> None:
    """Custom node types: only the quiz (registered at the end of this file)."""
    register_quiz(app)
    register_vignette(app)


# --- quiz ------------------------------------------------------------------------------------
class quiz(nodes.raw):  # noqa: N801 - docutils names node classes in lower case
    """An embedded quiz. ``node["payload"]`` is :func:`peksos.quiz.render.payload` with section
    labels still unresolved; the HTML visitor resolves them to relative URLs and writes the markup.

    It is a raw node of format ``peksos-quiz`` whose text carries the engine marker, so the page
    gets the engine's assets (see ``assets._add_engine_assets``), the search index skips it and
    writers without a visitor of their own (LaTeX, text, ...) skip it as foreign raw content.
    """


def quiz_node(payload: dict, bank_path: str, lines: dict[str, int], where: str) -> quiz:
    node = quiz("", 'data-peksos-engine="quiz"', format="peksos-quiz")
    node["payload"] = payload
    node["bank_path"] = bank_path
    node["item_lines"] = lines
    node["where"] = where
    return node


def resolve_label(env, label: str) -> tuple[str, str] | None:
    """``(docname, anchor)`` of a std-domain reference label, or None."""
    std = env.get_domain("std")
    return std.anonlabels.get(label) or (std.labels[label][:2] if label in std.labels else None)


def label_url(builder, label: str, *, from_root: bool = False) -> str | None:
    """The URL of a reference label as seen from the page being written (or from the site's root), or None
    if it does not resolve."""
    target = resolve_label(builder.env, label)
    if target is None:
        return None
    docname, anchor = target
    uri = builder.get_target_uri(docname) if from_root else builder.get_relative_uri(builder.current_docname, docname)
    return f"{uri}#{anchor}" if anchor else (uri or "#")


def _visit_quiz_html(self, node: quiz) -> None:
    payload = copy.deepcopy(node["payload"])
    for item in payload["items"]:
        item["section_url"] = label_url(self.builder, item["section"])
        if item["section_url"] is None:
            raise ExtensionError(
                f"{node['where']}: {node['bank_path']}: line {node['item_lines'].get(item['id'], '?')}: "
                f"item {item['id']!r}: field 'section': label {item['section']!r} does not resolve to a section of the book")
    self.body.append(quiz_render.markup(payload))
    raise nodes.SkipNode


def _skip_quiz(self, node: quiz) -> None:
    raise nodes.SkipNode


def register_quiz(app: Sphinx) -> None:
    skip = (_skip_quiz, None)
    app.add_node(quiz, override=True, html=(_visit_quiz_html, None), latex=skip, text=skip, man=skip, texinfo=skip)


# --- vignette --------------------------------------------------------------------------------
class vignette(nodes.raw):  # noqa: N801
    """An embedded case vignette; like :class:`quiz`, a raw node carrying the engine marker whose HTML
    visitor resolves each principle's book label to a relative URL and writes the markup."""


def vignette_node(payload: dict, path: str, where: str) -> vignette:
    node = vignette("", 'data-peksos-engine="vignette"', format="peksos-vignette")
    node["payload"] = payload
    node["path"] = path
    node["where"] = where
    return node


_PRINCIPLE_BUILD_ONLY = ("list_id", "item", "section")


def _visit_vignette_html(self, node: vignette) -> None:
    payload = copy.deepcopy(node["payload"])
    for data in payload["nodes"].values():
        for choice in data["choices"]:
            for principle in (*choice["applies"], *choice["violates"]):
                principle["url"] = label_url(self.builder, principle["section"])
                if principle["url"] is None:
                    raise ExtensionError(f"{node['where']}: {node['path']}: principle {principle['ref']!r}: "
                                         f"label {principle['section']!r} does not resolve to a section of the book")
                for key in _PRINCIPLE_BUILD_ONLY:  # the player reads ref, label and url only
                    principle.pop(key, None)
    self.body.append(vignette_render.markup(payload))
    raise nodes.SkipNode


def register_vignette(app: Sphinx) -> None:
    skip = (_skip_quiz, None)
    app.add_node(vignette, override=True, html=(_visit_vignette_html, None), latex=skip, text=skip, man=skip,
                 texinfo=skip)
