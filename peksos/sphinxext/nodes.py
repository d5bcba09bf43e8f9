"""Docutils node builders for data-driven content.

Text from data files becomes docutils Text/emphasis/strong nodes, never raw
markup: ``*x*`` and ``**x**`` are the only formatting understood, everything else
(including ``<script>``) stays literal text and is escaped by the HTML writer.
"""
from __future__ import annotations

import re

import pandas as pd
from docutils import nodes
from sphinx.application import Sphinx

_INLINE = re.compile(r"\*\*(?P<strong>[^*]+)\*\*|\*(?P<em>[^*]+)\*")


def inline(text: str) -> list[nodes.Node]:
    """Plain text with ``**bold**`` and ``*italic*`` as docutils nodes."""
    out: list[nodes.Node] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(nodes.Text(text[pos:m.start()]))
        if m.group("strong") is not None:
            out.append(nodes.strong(m.group("strong"), m.group("strong")))
        else:
            out.append(nodes.emphasis(m.group("em"), m.group("em")))
        pos = m.end()
    if pos < len(text):
        out.append(nodes.Text(text[pos:]))
    return out


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
    """No custom node types: the extension emits standard docutils nodes only."""
