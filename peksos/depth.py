"""The built book against the content inventory: definitions, dated events, disagreements.

``../shared/content-inventory.md`` records, in its section 3, the 30 definitions the sources
give; in section 4, the 33 dated events and works; in section 8, the places where the
sources duplicate or disagree. This module reads those three sections (and stops with an
:class:`InventoryError` when their shape is not the expected one), joins them with the key
files under ``data/`` that say what a reader must find for each of them, and looks for it in
the text a reader sees on the built HTML pages:

- ``data/definition_keys.csv``: for each definition, the authority and at least two key
  content words; the year comes from the inventory. All of them must stand in one section
  (an ``h2`` or ``h3`` section, its subsections included) of the definition's chapter (the
  ``chapter`` column of ``data/definitions.csv``).
- ``data/timeline_keys.csv``: for each dated event, the date as the book writes it and the
  subject words; both in one section of the event's chapter.
- ``data/disagreement_keys.csv``: for each disagreement, its key words inside the chapter's
  "Perbandingan sumber" section.

A key cell holds groups separated by ``;``; a group holds alternatives separated by ``|``; a
group is found when one alternative is. Matching ignores case and dashes, and an alternative
matches whole words (``sanksi`` does not match inside ``bersanksi``) unless it ends in ``*``.
Scripts, styles, comments and attributes are not text a reader sees and are never searched.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import data
from .paths import data_dir, project_root

EXPECTED_DEFINITIONS = 30
EXPECTED_EVENTS = 33
COMPARISON_TITLE = "Perbandingan sumber"
PAGES = (*data.CHAPTERS, "sumber")


class InventoryError(ValueError):
    """The inventory or a key file is not in the expected shape. The message names file and place."""


def inventory_path() -> Path:
    return project_root().parent / "shared" / "content-inventory.md"


# --- the inventory ---------------------------------------------------------------------------

@dataclass(frozen=True)
class InvDefinition:
    no: int
    who: str  # "" for a working (unattributed) definition
    year: int | None
    term: str


@dataclass(frozen=True)
class InvEvent:
    no: int
    when: str
    event: str


@dataclass(frozen=True)
class InvDisagreement:
    no: int
    title: str


@dataclass(frozen=True)
class Inventory:
    definitions: tuple[InvDefinition, ...]
    events: tuple[InvEvent, ...]
    disagreements: tuple[InvDisagreement, ...]


def _section(text: str, number: int, path: Path) -> str:
    m = re.search(rf"^## {number}\. [^\n]*\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if not m:
        raise InventoryError(f"{path}: no section headed '## {number}. ...'")
    return m.group(1)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table_rows(block: str) -> list[list[str]]:
    """Body rows of the Markdown tables in ``block`` (header and separator rows left out)."""
    rows: list[list[str]] = []
    lines = block.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|") or re.fullmatch(r"\|[\s|:-]+\|", line.strip()):
            continue
        if i + 1 < len(lines) and re.fullmatch(r"\|[\s|:-]+\|", lines[i + 1].strip()):
            continue  # a header row
        rows.append(_cells(line))
    return rows


def _totals(text: str, path: Path) -> dict[str, int]:
    block = _section(text, 11, path)
    found = {}
    for key, pattern in (("definitions", r"definitions: (\d+)"), ("events", r"Timeline rows: (\d+)"),
                         ("disagreements", r"disagreement notes: (\d+)")):
        m = re.search(pattern, block)
        if not m:
            raise InventoryError(f"{path}: section 11 (Totals) does not state the number of {key} "
                                 f"(looked for {pattern!r})")
        found[key] = int(m.group(1))
    return found


def parse_inventory(path: Path | None = None) -> Inventory:
    """Sections 3, 4 and 8 of the inventory. Raises InventoryError if the shape or a count is off."""
    path = path or inventory_path()
    if not path.exists():
        raise InventoryError(f"{path}: the content inventory is missing (expected ../shared beside the project)")
    text = path.read_text(encoding="utf-8")
    totals = _totals(text, path)

    defs: list[InvDefinition] = []
    for row in _table_rows(_section(text, 3, path)):
        if len(row) == 5:  # 3a: #, who (year), term, gist, seed
            m = re.search(r"\((\d{4})", row[1])
            defs.append(InvDefinition(int(row[0]), row[1], int(m.group(1)) if m else None, row[2]))
        elif len(row) == 4:  # 3b: #, term, gist, seed
            defs.append(InvDefinition(int(row[0]), "", None, row[1]))
        else:
            raise InventoryError(f"{path}: section 3: a table row has {len(row)} cells (expected 4 or 5): "
                                 f"{' | '.join(row)[:80]}")
    _expect_numbered(path, 3, "definitions", [d.no for d in defs], EXPECTED_DEFINITIONS, totals["definitions"])

    events: list[InvEvent] = []
    for row in _table_rows(_section(text, 4, path)):
        if len(row) != 3:
            raise InventoryError(f"{path}: section 4: a table row has {len(row)} cells (expected 3): "
                                 f"{' | '.join(row)[:80]}")
        events.append(InvEvent(len(events) + 1, row[0], row[1]))
    _expect_numbered(path, 4, "dated events", [e.no for e in events], EXPECTED_EVENTS, totals["events"])

    dis = [InvDisagreement(int(m.group(1)), m.group(2).strip())
           for m in re.finditer(r"^(\d+)\. \*\*(.+?)\*\*", _section(text, 8, path), flags=re.M)]
    _expect_numbered(path, 8, "disagreements", [d.no for d in dis], totals["disagreements"], totals["disagreements"])
    return Inventory(tuple(defs), tuple(events), tuple(dis))


def _expect_numbered(path: Path, section: int, what: str, numbers: list[int], expected: int, stated: int) -> None:
    if expected != stated:
        raise InventoryError(f"{path}: section 11 states {stated} {what}, the check expects {expected}")
    if numbers != list(range(1, expected + 1)):
        raise InventoryError(f"{path}: section {section}: expected {expected} {what} numbered 1-{expected}, "
                             f"found {len(numbers)}" + (f" ({numbers[0]}-{numbers[-1]})" if numbers else ""))


# --- the key files ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Expectation:
    """One thing a reader must find: its groups of words, all in one section of one page."""
    kind: str  # definition | event | disagreement
    no: int  # the inventory's number
    ref: str  # id in the data table
    label: str
    page: str
    groups: tuple[tuple[str, ...], ...]
    comparison: bool = False  # inside the page's "Perbandingan sumber" section


def _groups(cell: str, where: str) -> tuple[tuple[str, ...], ...]:
    groups = []
    for part in cell.split(";"):
        alts = tuple(a.strip() for a in part.split("|") if a.strip())
        if part.strip() and not alts:
            raise InventoryError(f"{where}: empty alternative in {cell!r}")
        if alts:
            groups.append(alts)
    return tuple(groups)


def _read_keys(name: str, columns: list[str]) -> list[tuple[str, dict[str, str]]]:
    path = data_dir() / name
    if not path.exists():
        raise InventoryError(f"{path}: key file missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != columns:
            raise InventoryError(f"{path}: line 1: header must be {','.join(columns)}, not "
                                 f"{','.join(reader.fieldnames or [])}")
        out = []
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise InventoryError(f"{path}: line {reader.line_num}: wrong number of cells")
            out.append((f"{path}: line {reader.line_num}", {k: v.strip() for k, v in row.items()}))
    return out


def _numbered(rows, path_name: str, total: int) -> dict[int, tuple[str, dict[str, str]]]:
    by_no: dict[int, tuple[str, dict[str, str]]] = {}
    for where, row in rows:
        if not row["no"].isdigit() or not 1 <= int(row["no"]) <= total:
            raise InventoryError(f"{where}: column 'no': {row['no']!r} is not an inventory number 1-{total}")
        if int(row["no"]) in by_no:
            raise InventoryError(f"{where}: column 'no': {row['no']} appears twice")
        by_no[int(row["no"])] = (where, row)
    missing = sorted(set(range(1, total + 1)) - set(by_no))
    if missing:
        raise InventoryError(f"{data_dir() / path_name}: no row for inventory number(s) {', '.join(map(str, missing))}")
    return by_no


def _norm_words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", normalize(text)).strip()


def expectations(inventory: Inventory | None = None) -> list[Expectation]:
    """Everything the book must show, from the inventory and the three key files. Loud on any mismatch."""
    inv = inventory or parse_inventory()
    out: list[Expectation] = []

    defs = data.load("definitions").set_index("def_id")
    rows = _numbered(_read_keys("definition_keys.csv", ["no", "def_id", "authority", "keys"]),
                     "definition_keys.csv", len(inv.definitions))
    for d in inv.definitions:
        where, row = rows[d.no]
        _known(where, row, "def_id", set(defs.index), "definitions")
        rec = defs.loc[row["def_id"]]
        authority = _groups(row["authority"], where)
        if d.who:
            if len(authority) != 1 or not any(_norm_words(a) in _norm_words(d.who) for a in authority[0]):
                raise InventoryError(f"{where}: column 'authority': {row['authority']!r} must be one group naming "
                                     f"the inventory's authority {d.who!r}")
            if d.year is not None and (rec["year"] is None or str(rec["year"]) == "<NA>" or int(rec["year"]) != d.year):
                raise InventoryError(f"{where}: definition {d.no}: the inventory dates it {d.year}, "
                                     f"data/definitions.csv says {rec['year']}")
        elif authority:
            raise InventoryError(f"{where}: column 'authority' must be empty: inventory definition {d.no} is unattributed")
        keys = _groups(row["keys"], where)
        if len(keys) < 2:
            raise InventoryError(f"{where}: column 'keys': at least two key content words (groups) are needed")
        year = ((str(d.year),),) if d.year else ()
        label = f"{d.who or 'tanpa nama'}: {d.term}"
        out.append(Expectation("definition", d.no, row["def_id"], label, rec["chapter"], authority + year + keys))

    events = set(data.load("timeline")["event_id"])
    rows = _numbered(_read_keys("timeline_keys.csv", ["no", "when", "event_id", "chapter", "date", "subjects"]),
                     "timeline_keys.csv", len(inv.events))
    for e in inv.events:
        where, row = rows[e.no]
        _same(where, row, "when", e.when, f"row {e.no}")
        _known(where, row, "event_id", events, "timeline")
        _page(row["chapter"], where)
        date = _groups(row["date"], where)
        if len(date) > 1 or (not date and not e.when.startswith("undated")):
            raise InventoryError(f"{where}: column 'date': one group of alternatives (empty only for an undated row)")
        subjects = _groups(row["subjects"], where)
        if not subjects:
            raise InventoryError(f"{where}: column 'subjects' must name the event's subject")
        out.append(Expectation("event", e.no, row["event_id"], f"{e.when}: {e.event[:60]}", row["chapter"],
                               date + subjects))

    dis = set(data.load("disagreements")["dis_id"])
    rows = _numbered(_read_keys("disagreement_keys.csv", ["no", "title", "dis_id", "chapter", "keys"]),
                     "disagreement_keys.csv", len(inv.disagreements))
    for d in inv.disagreements:
        where, row = rows[d.no]
        _same(where, row, "title", d.title, f"note {d.no}")
        _known(where, row, "dis_id", dis, "disagreements")
        if row["chapter"] not in data.CHAPTERS:
            raise InventoryError(f"{where}: column 'chapter': {row['chapter']!r} is not a chapter")
        keys = _groups(row["keys"], where)
        if len(keys) < 2:
            raise InventoryError(f"{where}: column 'keys': at least two key words (groups) are needed")
        out.append(Expectation("disagreement", d.no, row["dis_id"], d.title, row["chapter"], keys, comparison=True))
    return out


def _known(where: str, row: dict[str, str], column: str, known: set[str], table: str) -> None:
    if row[column] not in known:
        raise InventoryError(f"{where}: column {column!r}: {row[column]!r} is not in data/{table}.csv")


def _same(where: str, row: dict[str, str], column: str, expected: str, place: str) -> None:
    if row[column] != expected:
        raise InventoryError(f"{where}: column {column!r}: {row[column]!r} differs from the inventory's {place} "
                             f"({expected!r})")


def _page(name: str, where: str) -> None:
    if name not in PAGES:
        raise InventoryError(f"{where}: column 'chapter': {name!r} is not a page of the book ({', '.join(PAGES)})")


# --- the text a reader sees ------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").translate(_DASHES)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Section:
    level: int
    title: str = ""
    parts: list[str] = field(default_factory=list)
    inside_comparison: bool = False

    @property
    def text(self) -> str:
        return normalize(" ".join(self.parts))


class _Sections(HTMLParser):
    """Collects the visible text of every <section>, nested sections' text included."""

    _HIDDEN = {"script", "style", "template", "noscript"}
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self._open: list[Section] = []
        self._hidden = 0
        self._heading: Section | None = None
        self._heading_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._VOID:
            return
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag == "section":
            sec = Section(level=0, inside_comparison=bool(self._open) and self._open[-1].inside_comparison)
            self._open.append(sec)
            self.sections.append(sec)
        elif re.fullmatch(r"h[1-6]", tag) and self._open and not self._open[-1].title and self._heading is None:
            self._heading = self._open[-1]
            self._heading.level = int(tag[1])
            self._heading_parts = []

    def handle_endtag(self, tag):
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "section" and self._open:
            self._open.pop()
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            title = re.sub(r"\s*#\s*$", "", " ".join(self._heading_parts)).strip()
            self._heading.title = normalize(title)
            if self._heading.title == normalize(COMPARISON_TITLE):
                self._heading.inside_comparison = True
            self._heading = None

    def handle_data(self, text):
        if self._hidden:
            return
        for sec in self._open:
            sec.parts.append(text)
        if self._heading is not None:
            self._heading_parts.append(text)


def page_sections(html: str) -> list[Section]:
    parser = _Sections()
    parser.feed(html)
    parser.close()
    return parser.sections


def _pattern(alt: str) -> re.Pattern:
    alt = normalize(alt)
    prefix = alt.endswith("*")
    body = re.escape(alt.rstrip("*").strip()).replace(r"\ ", r"\s+")
    return re.compile(r"(?<!\w)" + body + ("" if prefix else r"(?!\w)"))


def found_groups(exp: Expectation, text: str) -> list[bool]:
    return [any(_pattern(a).search(text) for a in group) for group in exp.groups]


# --- the check -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    expectation: Expectation
    missing: tuple[str, ...]  # groups not found in the best section; empty when found
    best_section: str

    @property
    def ok(self) -> bool:
        return not self.missing

    def describe(self) -> str:
        e = self.expectation
        where = f" (closest section: {self.best_section!r})" if self.best_section else ""
        scope = f" in a section titled {COMPARISON_TITLE!r}" if e.comparison else " in one section"
        return (f"{e.kind} {e.no} [{e.ref}] {e.label}: not found together{scope}; missing "
                + ", ".join(repr(m) for m in self.missing) + where)


def html_file(html_root: Path, page: str) -> Path:
    return html_root / "book" / f"{page}.html"


def check_page(page: str, exps: list[Expectation], html_root: Path) -> list[Finding]:
    path = html_file(html_root, page)
    if not path.exists():
        raise InventoryError(f"{path}: page not built (run the book build first)")
    sections = [s for s in page_sections(path.read_text(encoding="utf-8")) if s.level in (2, 3)]
    texts = [(s, s.text) for s in sections]
    findings = []
    for exp in exps:
        candidates = [(s, t) for s, t in texts if s.inside_comparison] if exp.comparison else texts
        best: tuple[int, Section | None, list[bool]] = (-1, None, [False] * len(exp.groups))
        for sec, text in candidates:
            hits = found_groups(exp, text)
            if sum(hits) > best[0]:
                best = (sum(hits), sec, hits)
        missing = tuple("|".join(g) for g, hit in zip(exp.groups, best[2]) if not hit)
        findings.append(Finding(exp, missing, best[1].title if best[1] and missing else ""))
    return findings


def check(html_root: Path | None = None, chapter: str | None = None) -> list[Finding]:
    html_root = html_root or project_root() / "_build" / "html"
    exps = expectations()
    pages = sorted({e.page for e in exps}, key=PAGES.index)
    if chapter is not None:
        if chapter not in PAGES:
            raise InventoryError(f"unknown chapter {chapter!r}; pages: {', '.join(PAGES)}")
        pages = [p for p in pages if p == chapter]
    out: list[Finding] = []
    for page in pages:
        out.extend(check_page(page, [e for e in exps if e.page == page], html_root))
    return out


def counts(findings: list[Finding]) -> dict[str, dict[str, int]]:
    """Found vs total per kind: {"definitions": {"found": .., "total": ..}, "events": .., "disagreements": ..}."""
    result = {}
    for kind, key in (("definition", "definitions"), ("event", "events"), ("disagreement", "disagreements")):
        mine = [f for f in findings if f.expectation.kind == kind]
        result[key] = {"found": sum(f.ok for f in mine), "total": len(mine)}
    return result


def report(findings: list[Finding]) -> str:
    lines = []
    for page in dict.fromkeys(f.expectation.page for f in findings):
        missing = [f for f in findings if f.expectation.page == page and not f.ok]
        if missing:
            lines.append(f"book/{page}.md: {len(missing)} missing")
            lines.extend(f"  - {f.describe()}" for f in missing)
    c = counts(findings)
    lines.append("found: " + ", ".join(f"{k} {v['found']}/{v['total']}" for k, v in c.items()))
    return "\n".join(lines)
