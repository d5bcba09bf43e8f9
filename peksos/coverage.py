"""How much of the concept lists a reader sees in the built book: explanations and practice examples.

Measured on the built HTML (``_build/html``), on text a reader sees (table cells; comments, attributes
and scripts do not count), against the data:

- An item is **explained** when some page of the site shows its list's table (the element with id
  ``daftar-<list id, dots as dashes>`` that the ``concept-list`` directive writes) and that table has a
  body row whose "No." cell is the item's position, whose "Istilah" cell is its ``label_id`` and whose
  "Penjelasan" cell is its ``description`` (Markdown marks dropped, whitespace collapsed).
- An apply-kind list (:func:`peksos.data.is_apply_kind`) **has examples** when some page shows its table
  with a "Contoh" column whose cell in every item's row is that item's example from ``data/examples/``
  (as :func:`peksos.tables.example_text` writes it).

``peksos coverage`` prints the counts and what is missing by chapter; ``make bench`` stores the counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import data, tables

_MARKS = re.compile(r"\*\*(?P<strong>[^*]+)\*\*|\*(?P<em>[^*]+)\*")
_SKIP_DIRS = {"_static", "_sources", "_images", "_downloads"}


def plain(text: str) -> str:
    """Data text as a reader sees it: ``**x**``/``*x*`` marks dropped, whitespace collapsed."""
    text = _MARKS.sub(lambda m: m.group("strong") or m.group("em"), text)
    return " ".join(text.split())


def list_table_id(list_id: str) -> str:
    """The HTML id of a concept list's table (the directive's reference label)."""
    return "daftar-" + list_id.replace(".", "-")


@dataclass
class ListTable:
    """One concept-list table found in a page: header texts and the body rows' cell texts."""

    page: str
    table_id: str
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.header, row)) for row in self.rows]


class _Tables(HTMLParser):
    """Collects every ``<table id="daftar-...">`` with the visible text of its header and body cells."""

    _HIDDEN = {"script", "style", "template"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.found: list[ListTable] = []
        self._table: ListTable | None = None
        self._depth = 0  # nesting of <table> inside the current list table
        self._section = ""  # thead or tbody
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._HIDDEN:
            self._hidden += 1
            return
        if tag == "table":
            if self._table is not None:
                self._depth += 1
                return
            table_id = dict(attrs).get("id") or ""
            if table_id.startswith("daftar-"):
                self._table = ListTable(self.page, table_id)
                self._depth = 0
            return
        if self._table is None or self._depth:
            return
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            return
        if self._table is None:
            return
        if tag == "table":
            if self._depth:
                self._depth -= 1
                return
            self.found.append(self._table)
            self._table = None
            return
        if self._depth:
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._section == "thead":
                self._table.header = self._row
            elif self._section == "tbody":
                self._table.rows.append(self._row)
            self._row = None
        elif tag in ("thead", "tbody"):
            self._section = ""

    def handle_data(self, text):
        if self._cell is not None and not self._hidden:
            self._cell.append(text)


def pages(html_root: Path) -> list[Path]:
    """The site's HTML pages (not the copied sources, static files or images)."""
    return [p for p in sorted(html_root.rglob("*.html"))
            if not _SKIP_DIRS.intersection(p.relative_to(html_root).parts[:-1])]


def list_tables(html_root: Path) -> dict[str, list[ListTable]]:
    """Table id -> every concept-list table with that id in the built site."""
    found: dict[str, list[ListTable]] = {}
    for path in pages(html_root):
        parser = _Tables(path.relative_to(html_root).as_posix())
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        for t in parser.found:
            found.setdefault(t.table_id, []).append(t)
    return found


@dataclass
class Coverage:
    items_total: int
    items_explained: int
    apply_lists: int
    lists_with_examples: int
    # chapter -> what is missing, one readable line each
    unexplained: dict[str, list[str]]
    without_examples: dict[str, list[str]]

    def counts(self) -> dict[str, int]:
        return {"items_explained": self.items_explained, "items_total": self.items_total,
                "lists_with_examples": self.lists_with_examples, "apply_lists": self.apply_lists}

    def lines(self) -> list[str]:
        out = [f"items explained: {self.items_explained}/{self.items_total}",
               f"apply-kind lists with an example for every item: {self.lists_with_examples}/{self.apply_lists}"]
        for title, missing in (("not explained", self.unexplained), ("without examples", self.without_examples)):
            for chapter in sorted(missing):
                out.extend(f"{title}: {chapter}: {line}" for line in missing[chapter])
        return out


def _rows_by_position(table: ListTable) -> dict[str, dict[str, str]]:
    return {r.get("No.", ""): r for r in table.records()}


def measure(html_root: Path) -> Coverage:
    """Count, on the built site under ``html_root``, what :mod:`peksos.coverage` defines."""
    if not (html_root / "index.html").exists():
        raise FileNotFoundError(f"{html_root}: no built site (index.html missing); build the book first")
    lists = data.load("lists")
    items = data.load("items")
    examples = data.examples()
    found = list_tables(html_root)
    chapter_of = dict(zip(lists["list_id"], lists["chapter"]))
    unexplained: dict[str, list[str]] = {}
    explained = 0
    for it in items.itertuples():
        shown = found.get(list_table_id(it.list_id), [])
        want = (plain(it.label_id), plain(it.description))
        ok = any((r.get("Istilah"), r.get("Penjelasan")) == want
                 for t in shown for pos, r in _rows_by_position(t).items() if pos == str(it.position))
        if ok:
            explained += 1
            continue
        why = "its list's table is on no page" if not shown else "no row shows its name with its description"
        unexplained.setdefault(chapter_of[it.list_id], []).append(f"{it.list_id}#{it.position} ({why})")
    by_item = {(r.list_id, int(r.position)): tables.example_text(r.example_id, r.setting)
               for r in examples.itertuples()}
    apply_ids = [lid for lid in lists.sort_values("code")["list_id"] if data.is_apply_kind(lid)]
    without: dict[str, list[str]] = {}
    complete = 0
    for lid in apply_ids:
        positions = items.loc[items["list_id"] == lid, "position"].astype(int).tolist()
        lacking = [p for p in positions if (lid, p) not in by_item]
        shown = found.get(list_table_id(lid), [])
        if lacking:
            why = f"no example in data/examples/{chapter_of[lid]}.csv for position(s) {', '.join(map(str, lacking))}"
        elif not shown:
            why = "its table is on no page"
        elif not any(all(_rows_by_position(t).get(str(p), {}).get("Contoh") == plain(by_item[(lid, p)])
                         for p in positions) for t in shown):
            why = "no page shows its table with every example in a 'Contoh' column"
        else:
            complete += 1
            continue
        without.setdefault(chapter_of[lid], []).append(f"{lid} ({why})")
    return Coverage(items_total=len(items), items_explained=explained, apply_lists=len(apply_ids),
                    lists_with_examples=complete, unexplained=unexplained, without_examples=without)
