"""Text and markup helpers at the bottom of the package: every other module may import this one, and
it imports no other module of the package.

- The Markdown subset of quiz, case and data text (``**bold**``, ``*italic*``, ```code```,
  ``[text](link)``), parsed by markdown-it-py with HTML off and every other rule disabled:
  :func:`spans` is the parse, :func:`to_html` / :func:`to_html_block` / :func:`to_plain` render it
  for the exports, and :mod:`peksos.sphinxext.nodes` turns the same spans into docutils nodes for the
  pages. The widget engine (``widgets/engine.js``, ``md``) renders the same subset in the browser;
  ``tests/test_markup.py`` holds both to the same output.
- :func:`list_label`: the reference label of a concept list's table.
- The static widget markup: :func:`dumps_for_html` (JSON inert inside ``<script>``), :func:`pack` /
  :func:`unpack` (repeated payload objects stored once) and :func:`widget_markup`.
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from markdown_it import MarkdownIt


# --- the Markdown subset ---------------------------------------------------------------------
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero").enable(["emphasis", "backticks", "link"])
    md.validateLink = lambda url: True        # the link's target is judged by its renderer (see _link)
    md.normalizeLink = lambda url: url         # kept as written, like the engine does
    md.normalizeLinkText = lambda text: text
    return md


_MD = _parser()


@dataclass
class Span:
    """One piece of parsed text: ``kind`` is text, strong, em, code or link (``href`` set)."""
    kind: str
    text: str = ""
    href: str = ""
    children: list["Span"] = field(default_factory=list)

    def plain(self) -> str:
        return self.text if self.kind in ("text", "code") else "".join(c.plain() for c in self.children)


def spans(text: str) -> list[Span]:
    """``text`` (one paragraph) parsed into :class:`Span` trees. Emphasis written with ``_`` stays
    text, as in the engine."""
    root = Span("root")
    stack = [root]
    tokens = (_MD.parseInline(text)[0].children or []) if text else []
    for tok in tokens:
        top = stack[-1]
        if tok.type == "text":
            _add_text(top, tok.content)
        elif tok.type == "code_inline":
            top.children.append(Span("code", tok.content))
        elif tok.type in ("strong_open", "em_open", "link_open"):
            kind = {"strong_open": "strong", "em_open": "em", "link_open": "link"}[tok.type]
            span = Span(kind, href=str(tok.attrs.get("href", "")) if kind == "link" else "")
            span.markup = tok.markup  # type: ignore[attr-defined]
            top.children.append(span)
            stack.append(span)
        elif tok.type in ("strong_close", "em_close", "link_close"):
            span = stack.pop()
            if "_" in getattr(span, "markup", ""):
                _unwrap(stack[-1], span)
        else:  # softbreak and the like cannot occur with only these rules; keep their text
            _add_text(top, tok.content)
    return _merge(root.children)


def _add_text(parent: Span, text: str) -> None:
    parent.children.append(Span("text", text))


def _unwrap(parent: Span, span: Span) -> None:
    """An ``_emphasis_`` span back to its characters."""
    parent.children.pop()
    parent.children.append(Span("text", span.markup))  # type: ignore[attr-defined]
    parent.children.extend(span.children)
    parent.children.append(Span("text", span.markup))  # type: ignore[attr-defined]


def _merge(items: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in items:
        s.children = _merge(s.children)
        if s.kind == "text" and out and out[-1].kind == "text":
            out[-1].text += s.text
        else:
            out.append(s)
    return out


def escape_text(text: str) -> str:
    """Text for HTML: ``<``, ``>`` and ``&`` as entities (quotes kept)."""
    return html.escape(text, quote=False)


def _link(href: str, base_url: str | None) -> str | None:
    """An absolute http(s) URL for a link in quiz text, or None (then only its text is kept).

    Quiz text links into the book relative to a page of ``book/``; they resolve against
    ``<base_url>/book/``.
    """
    if not href or re.search(r"[\s()]", href):
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme in ("http", "https"):
        return href
    if scheme or not base_url:
        return None
    return urljoin(base_url.rstrip("/") + "/book/", href)


def _html(items: list[Span], base_url: str | None) -> str:
    out = []
    for s in items:
        if s.kind == "text":
            out.append(escape_text(s.text))
        elif s.kind == "code":
            out.append(f"<code>{escape_text(s.text)}</code>")
        elif s.kind == "strong":
            out.append(f"<strong>{_html(s.children, base_url)}</strong>")
        elif s.kind == "em":
            out.append(f"<em>{_html(s.children, base_url)}</em>")
        else:
            href = _link(s.href, base_url)
            inner = escape_text(s.plain())
            out.append(f'<a href="{html.escape(href, quote=True)}">{inner}</a>' if href else inner)
    return "".join(out)


def one_line(text: str) -> str:
    """Line breaks (and the blanks around them) as one space, ends stripped."""
    return re.sub(r"\s*\n\s*", " ", text or "").strip()


def to_html(text: str, base_url: str | None = None) -> str:
    """The Markdown subset as inline HTML: ``**bold**``, ``*italic*``, ```code```, links.

    Everything else is escaped text, so ``<script>`` arrives as the characters ``<script>``.
    Line breaks become spaces. A link keeps only its text unless it is http(s), or relative and
    ``base_url`` is given (see :func:`_link`).
    """
    return _html(spans(one_line(text)), base_url)


def to_html_block(text: str, base_url: str | None = None) -> str:
    """Paragraphs (split at blank lines) of :func:`to_html`, each in ``<p>``."""
    paras = [p for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()]
    return "".join(f"<p>{to_html(p, base_url)}</p>" for p in paras)


def to_plain(text: str) -> str:
    """The Markdown subset without its marks (for plain-text fields and headings)."""
    return re.sub(r"\s+", " ", "".join(s.plain() for s in spans(text or ""))).strip()


# --- options and labels ----------------------------------------------------------------------------------
def csv_list(text: str | None) -> list[str]:
    """A comma-separated option value as its non-empty, stripped parts."""
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def list_label(list_id: str) -> str:
    """The reference label of a concept list's table, e.g. ``daftar-purposes-zastrow-2017``."""
    return "daftar-" + list_id.replace(".", "-")


# --- the static widget markup ----------------------------------------------------------------
def dumps_for_html(payload: Any) -> str:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survives."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


PACKED = "$pk"
_MIN_SHARED = 40  # bytes of JSON below which a repeated object is cheaper than a reference


def _key(obj: dict) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def pack(data: Any) -> Any:
    """The payload with every object that occurs more than once (a vignette's principles, cited by
    many choices) stored once: ``{"$pk": 1, "t": [shared objects], "d": data}``, each repeat
    replaced by ``{"$r": index}``. The engine's ``unpack`` restores it; data without repeats stays as is."""
    counts: Counter[str] = Counter()

    def count(x: Any) -> None:
        if isinstance(x, dict):
            counts[_key(x)] += 1
            for v in x.values():
                count(v)
        elif isinstance(x, list):
            for v in x:
                count(v)

    count(data)
    index: dict[str, int] = {}
    table: list[Any] = []

    def inner(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: rep(v) for k, v in x.items()}
        if isinstance(x, list):
            return [rep(v) for v in x]
        return x

    def rep(x: Any) -> Any:
        if isinstance(x, dict):
            k = _key(x)
            if counts[k] > 1 and len(k) >= _MIN_SHARED:
                if k not in index:
                    index[k] = len(table)
                    table.append(None)
                    table[index[k]] = inner(x)
                return {"$r": index[k]}
        return inner(x)

    body = inner(data)
    return {PACKED: 1, "t": table, "d": body} if table else data


def unpack(data: Any) -> Any:
    """Inverse of :func:`pack` (the same as the engine's ``unpack`` in engine.js)."""
    if not (isinstance(data, dict) and data.get(PACKED) == 1):
        return data
    table = data["t"]

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            if set(x) == {"$r"}:
                return walk(table[x["$r"]])
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    return walk(data["d"])


def widget_markup(kind: str, data: dict, noscript: str) -> str:
    """The static HTML of a widget: a mount point the engine finds, the payload as inert JSON (no '<', '>'
    or '&' survives, so quiz or case text can never close the script or become markup; repeated objects
    stored once, see :func:`pack`), and a note for readers without JavaScript."""
    ident = html.escape(str(data.get("id", kind)), quote=True)
    return (f'<div class="peksos-{kind}" data-peksos-engine="{kind}" data-{kind}-id="{ident}">'
            f'<script type="application/json" class="peksos-{kind}-data">{dumps_for_html(pack(data))}</script>'
            f'<noscript><p class="peksos-{kind}-noscript">{html.escape(noscript)}</p></noscript>'
            f'</div>\n')
