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
from ..kinds import KINDS


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


# --- the content kinds ----------------------------------------------------------------------
class content(nodes.raw):  # noqa: N801 - docutils names node classes in lower case
    """An embedded file of a content kind (``node["kind"]``, see :mod:`peksos.kinds`). ``node["payload"]`` is
    the kind's payload with its book labels still unresolved; the HTML visitor resolves them to relative URLs
    (the kind's ``link``) and writes the kind's markup.

    It is a raw node of format ``peksos-<kind>`` whose text carries the engine marker, so the page gets the
    engine's assets (see ``assets._add_engine_assets``), the search index skips it and writers without a
    visitor of their own (LaTeX, text, ...) skip it as foreign raw content.
    """


def content_node(kind: str, payload: dict, path: str, context: dict, where: str) -> content:
    node = content("", f'data-peksos-engine="{kind}"', format=f"peksos-{kind}")
    node["kind"], node["payload"], node["path"], node["context"], node["where"] = kind, payload, path, context, where
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


def _visit_content_html(self, node: content) -> None:
    def url(label: str, what: str) -> str:
        found = label_url(self.builder, label)
        if found is None:
            raise ExtensionError(f"{node['where']}: {node['path']}: {what}: label {label!r} does not resolve to a "
                                 "section of the book")
        return found

    kind = KINDS[node["kind"]]
    payload = copy.deepcopy(node["payload"])
    kind.link(payload, url, node["context"])
    self.body.append(kind.markup(payload))
    raise nodes.SkipNode


def _skip(self, node: content) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(content, override=True, html=(_visit_content_html, None), latex=skip, text=skip, man=skip,
                 texinfo=skip)
