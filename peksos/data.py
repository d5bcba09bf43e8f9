"""The course's data tables, loaded as pandas DataFrames and checked against a schema.

Each table in ``data/`` has a pydantic row model below. :func:`load` reads the
CSV file(s), validates every row and stops at the first file with errors,
listing every error in it with the file, the line and the column.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .paths import data_dir

SEEDS = ("000", "001", "002", "003", "004")
CHAPTERS = (
    "pengertian", "tujuan", "fungsi-tugas", "nilai-profesi", "generalis", "level-praktik",
    "casework", "groupwork", "komunitas", "peran", "pencatatan", "lembaga",
)
TOPICS = (
    "tujuan", "fungsi", "tugas", "prinsip", "teknik", "tahapan", "jenis-kelompok", "level",
    "makro", "nilai", "peran", "pencatatan", "metode", "perspektif", "karakteristik",
    "masalah", "lembaga",
)
SETTINGS = (
    "LK3", "P2TP2A", "panti sosial", "RW", "puskesmas", "sekolah", "desa", "rumah sakit", "LPKA",
    "dinas sosial", "kelurahan", "posyandu", "pengadilan", "lapas",
)
# A list whose id has a dot-separated segment containing one of these asks the student to apply
# the idea; every item of such a list needs a practice example (data/examples/<chapter>.csv).
APPLY_KINDS = ("principle", "technique", "role", "process", "stage", "step", "phase", "strateg", "tactic", "skill")
EXAMPLE_MAX_WORDS = 50
_KEY = re.compile(r"^[a-z0-9]+$")
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!]")


class DataError(ValueError):
    """A data file does not match its schema. The message names file, line and column."""


def _text(v: str) -> str:
    v = (v or "").strip()
    if not v:
        raise ValueError("must not be empty")
    if "TODO" in v:
        raise ValueError("still contains TODO")
    if _HTML.search(v):
        raise ValueError("contains HTML markup; data text is plain (Markdown subset only)")
    return v


def _seed_list(v: str) -> str:
    parts = [p.strip() for p in (v or "").split(";") if p.strip()]
    if not parts:
        raise ValueError("must name at least one seed (000-004)")
    bad = [p for p in parts if p not in SEEDS]
    if bad:
        raise ValueError(f"unknown seed {bad[0]!r}; expected one of {', '.join(SEEDS)}")
    return ";".join(parts)


def _year(v: str | int | None) -> int | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    s = str(v).strip()
    if not re.fullmatch(r"\d{4}", s):
        raise ValueError(f"year must be four digits or empty, not {s!r}")
    return int(s)


def _keys(v: str) -> str:
    parts = [p.strip() for p in (v or "").split(";") if p.strip()]
    for p in parts:
        if not _KEY.match(p):
            raise ValueError(f"bibliography key {p!r} must be lowercase letters and digits")
    return ";".join(parts)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ConceptList(_Row):
    list_id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    code: str = Field(pattern=r"^L\d{3}$")
    seed: str
    lines: str
    topic: Literal[TOPICS]  # type: ignore[valid-type]
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]
    title_id: str
    title_en: str
    summary_id: str
    authority: str
    year: int | None = None
    cite_keys: str = ""
    item_count: int = Field(ge=1)

    _t = field_validator("title_id", "title_en", "summary_id", "authority", "lines")(_text)
    _s = field_validator("seed")(_seed_list)
    _y = field_validator("year", mode="before")(_year)
    _k = field_validator("cite_keys", mode="before")(_keys)


class Item(_Row):
    list_id: str
    position: int = Field(ge=1)
    label_id: str
    label_en: str
    description: str
    authority: str
    year: int | None = None
    seed: str

    _t = field_validator("list_id", "label_id", "label_en", "description", "authority")(_text)
    _s = field_validator("seed")(_seed_list)
    _y = field_validator("year", mode="before")(_year)


class Definition(_Row):
    def_id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    who: str = ""
    year: int | None = None
    term_id: str
    term_en: str
    definition_id: str
    cite_keys: str = ""
    seed: str
    lines: str
    attributed: bool
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]  # the chapter whose "Definisi para ahli" block shows it

    _t = field_validator("term_id", "term_en", "definition_id", "lines")(_text)
    _s = field_validator("seed")(_seed_list)
    _y = field_validator("year", mode="before")(_year)
    _k = field_validator("cite_keys", mode="before")(_keys)

    @model_validator(mode="after")
    def _who_when_attributed(self) -> "Definition":
        if self.attributed and not self.who:
            raise ValueError("column 'who' must name the expert of an attributed definition")
        if not self.attributed and self.who:
            raise ValueError("column 'who' must be empty for a working (unattributed) definition")
        return self


class TimelineEvent(_Row):
    event_id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    when: str
    year_start: int = Field(ge=1800, le=2100)
    year_end: int = Field(ge=1800, le=2100)
    label_id: str
    description_id: str
    kind: Literal["karya", "peristiwa", "lembaga"]
    cite_keys: str = ""
    seed: str

    _t = field_validator("when", "label_id", "description_id")(_text)
    _s = field_validator("seed")(_seed_list)
    _k = field_validator("cite_keys", mode="before")(_keys)


class Institution(_Row):
    inst_id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    name: str
    expansion: str = ""
    scope: Literal["indonesia", "internasional"]
    description_id: str
    seed: str

    _t = field_validator("name", "description_id")(_text)
    _s = field_validator("seed")(_seed_list)


class Disagreement(_Row):
    dis_id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    topic_id: str
    list_ids: str
    summary_id: str
    seed: str

    _t = field_validator("topic_id", "list_ids", "summary_id")(_text)
    _s = field_validator("seed")(_seed_list)


class Source(_Row):
    seed: Literal[SEEDS]  # type: ignore[valid-type]
    title: str
    kind: str
    author: str = ""
    date: str = ""
    note_id: str

    _t = field_validator("title", "kind", "note_id")(_text)


class GlossaryTerm(_Row):
    term_id: str
    term_en: str
    definition_id: str
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]

    _t = field_validator("term_id", "term_en", "definition_id")(_text)


class Example(_Row):
    """One practice example of one item: ``data/examples/<chapter>.csv``."""

    list_id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    position: int = Field(ge=1)
    example_id: str
    setting: Literal[SETTINGS]  # type: ignore[valid-type]

    _t = field_validator("example_id")(_text)

    @field_validator("example_id")
    @classmethod
    def _short(cls, v: str) -> str:
        n = len(v.split())
        if n > EXAMPLE_MAX_WORDS:
            raise ValueError(f"has {n} words; an example is one or two short sentences "
                             f"(at most {EXAMPLE_MAX_WORDS} words)")
        return v


@dataclass(frozen=True)
class Table:
    name: str
    pattern: str  # glob under data/
    model: type[_Row]
    key: str  # column that must be unique
    doc: str
    exact_header: bool = False  # the header must be the model's fields, in order


TABLES: dict[str, Table] = {t.name: t for t in [
    Table("lists", "concepts/*_lists.csv", ConceptList, "list_id", "the 118 concept lists"),
    Table("items", "concepts/*_items.csv", Item, "", "the 579 items of the concept lists"),
    Table("definitions", "definitions.csv", Definition, "def_id", "expert and working definitions"),
    Table("timeline", "timeline.csv", TimelineEvent, "event_id", "dated events and works"),
    Table("institutions", "institutions.csv", Institution, "inst_id", "institutions and regulations"),
    Table("disagreements", "disagreements.csv", Disagreement, "dis_id", "where the sources disagree"),
    Table("sources", "sources.csv", Source, "seed", "the five source texts"),
    Table("glossary", "glossary.csv", GlossaryTerm, "term_id", "glossary terms"),
    Table("examples", "examples/*.csv", Example, "", "practice examples of list items, one file per chapter",
          exact_header=True),
]}


def files_of(name: str) -> list[Path]:
    """The CSV files that make up table ``name``."""
    table = _table(name)
    files = sorted(data_dir().glob(table.pattern))
    if not files:
        raise DataError(f"{data_dir() / table.pattern}: no file for table {name!r}")
    return files


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise DataError(f"unknown table {name!r}; known tables: {', '.join(TABLES)}") from None


def _read_file(path: Path, table: Table) -> list[dict]:
    fields = list(table.model.model_fields)
    rows: list[dict] = []
    errors: list[str] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [f for f in fields if f not in header and table.model.model_fields[f].is_required()]
            extra = [h for h in header if h not in fields]
            if table.exact_header and header != fields and not (missing or extra):
                raise DataError(f"{path}: line 1: header must be exactly {','.join(fields)} "
                                f"(in this order), not {','.join(header)}")
            if missing or extra:
                raise DataError(
                    f"{path}: line 1: header does not match table {table.name!r}"
                    + (f"; missing column(s): {', '.join(missing)}" if missing else "")
                    + (f"; unknown column(s): {', '.join(extra)}" if extra else "")
                )
            for raw in reader:
                line = reader.line_num
                if None in raw:
                    errors.append(f"{path}: line {line}: more cells than columns")
                    continue
                try:
                    row = table.model.model_validate({k: v for k, v in raw.items() if v is not None})
                except ValidationError as exc:
                    for err in exc.errors():
                        col = ".".join(str(p) for p in err["loc"]) or "(row)"
                        ident = raw.get(table.key) if table.key else _item_ident(raw)
                        errors.append(f"{path}: line {line}: row {ident!r}: column {col!r}: {err['msg']}")
                    continue
                rows.append({**row.model_dump(), "origin_file": path.name, "origin_line": line})
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not valid UTF-8 ({exc})") from None
    except csv.Error as exc:
        raise DataError(f"{path}: CSV syntax error: {exc}") from None
    if errors:
        raise DataError(f"{len(errors)} error(s) in {path}:\n" + "\n".join(errors))
    return rows


def _item_ident(raw: dict) -> str | None:
    """'list_id#position' of an item or example row (as much of it as the row has)."""
    parts = [str(raw.get(c) or "").strip() for c in ("list_id", "position")]
    return "#".join(p for p in parts if p) or None


@lru_cache(maxsize=None)
def _load_cached(name: str, stamp: tuple) -> pd.DataFrame:
    table = _table(name)
    rows: list[dict] = []
    for path in files_of(name):
        rows.extend(_read_file(path, table))
    df = pd.DataFrame(rows, columns=[*table.model.model_fields, "origin_file", "origin_line"])
    if table.key:
        dup = df[df.duplicated(table.key, keep=False)]
        if not dup.empty:
            first = dup.iloc[0]
            raise DataError(
                f"{data_dir() / first['origin_file']}: line {first['origin_line']}: column {table.key!r}: "
                f"duplicate value {first[table.key]!r} (also at "
                + ", ".join(f"{r.origin_file} line {r.origin_line}" for r in dup.iloc[1:].itertuples())
                + ")"
            )
    if "year" in df.columns:
        df["year"] = df["year"].astype("Int64")
    return df


def _stamp(name: str) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns) for p in files_of(name))


def load(name: str, *, with_origin: bool = False) -> pd.DataFrame:
    """Return table ``name`` as a DataFrame, validated against its schema.

    Raises :class:`DataError` naming the file, line and column of every problem.
    ``with_origin`` keeps the ``origin_file`` and ``origin_line`` columns.
    """
    df = _load_cached(name, _stamp(name)).copy()
    if name == "items":
        df = df.sort_values(["list_id", "position"], kind="stable").reset_index(drop=True)
    return df if with_origin else df.drop(columns=["origin_file", "origin_line"])


def concept_list(list_id: str) -> tuple[pd.Series, pd.DataFrame]:
    """The list's row and its items in order. Raises DataError for an unknown id."""
    lists = load("lists")
    match = lists[lists["list_id"] == list_id]
    if match.empty:
        raise DataError(f"unknown concept list id {list_id!r} (not in data/concepts/*_lists.csv)")
    items = load("items")
    items = items[items["list_id"] == list_id].sort_values("position").reset_index(drop=True)
    return match.iloc[0], items


def check_all() -> list[str]:
    """Cross-table checks beyond each row's schema. Returns a list of problems (empty when sound)."""
    problems: list[str] = []
    lists = load("lists", with_origin=True)
    items = load("items", with_origin=True)
    known = set(lists["list_id"])
    for r in items[~items["list_id"].isin(known)].itertuples():
        problems.append(f"{r.origin_file}: line {r.origin_line}: column 'list_id': unknown list {r.list_id!r}")
    for lst in lists.itertuples():
        its = items[items["list_id"] == lst.list_id]
        if len(its) != lst.item_count:
            problems.append(f"{lst.origin_file}: line {lst.origin_line}: list {lst.list_id!r}: item_count is "
                            f"{lst.item_count} but {len(its)} item rows exist")
        if sorted(its["position"]) != list(range(1, len(its) + 1)):
            problems.append(f"{lst.origin_file}: line {lst.origin_line}: list {lst.list_id!r}: positions are not 1..{len(its)}")
        if not its.empty and set(its["seed"]) != {lst.seed}:
            problems.append(f"{lst.origin_file}: line {lst.origin_line}: list {lst.list_id!r}: items name another seed")
    try:
        dis = load("disagreements", with_origin=True)
    except DataError as exc:
        problems.append(str(exc))
    else:
        for r in dis.itertuples():
            for lid in r.list_ids.split(";"):
                if lid.strip() and lid.strip() not in known:
                    problems.append(f"{r.origin_file}: line {r.origin_line}: column 'list_ids': unknown list {lid.strip()!r}")
    try:
        problems.extend(example_problems())
    except DataError as exc:
        problems.append(str(exc))
    return problems


# --- practice examples ---------------------------------------------------------------------------
def is_apply_kind(list_id: str) -> bool:
    """True for a list the student must apply (principles, techniques, roles, stages, strategies...)."""
    return any(kind in segment for segment in list_id.split(".") for kind in APPLY_KINDS)


def example_problems() -> list[str]:
    """Checks of data/examples/*.csv against the lists and items: every problem with file, line and column.

    A file is named after a chapter; each row names a list of that chapter and an existing position;
    there is at most one example per (list_id, position) across all files.
    """
    examples = load("examples", with_origin=True)
    lists = load("lists").set_index("list_id")
    counts = load("items").groupby("list_id")["position"].max().to_dict()
    problems: list[str] = []
    seen: dict[tuple[str, int], str] = {}
    for r in examples.itertuples():
        where = f"{data_dir() / 'examples' / r.origin_file}: line {r.origin_line}: row '{r.list_id}#{r.position}'"
        chapter = Path(r.origin_file).stem
        if chapter not in CHAPTERS:
            problems.append(f"{where}: file name: {chapter!r} is not a chapter; "
                            f"name the file after one of {', '.join(CHAPTERS)}")
        if r.list_id not in lists.index:
            problems.append(f"{where}: column 'list_id': unknown list {r.list_id!r} "
                            f"(not in data/concepts/*_lists.csv)")
            continue
        if lists.at[r.list_id, "chapter"] != chapter:
            problems.append(f"{where}: column 'list_id': list {r.list_id!r} belongs to chapter "
                            f"{lists.at[r.list_id, 'chapter']!r}, not to {chapter!r} (the file's name)")
        if r.position > counts.get(r.list_id, 0):
            problems.append(f"{where}: column 'position': list {r.list_id!r} has "
                            f"{counts.get(r.list_id, 0)} items, no position {r.position}")
        key = (r.list_id, r.position)
        if key in seen:
            problems.append(f"{where}: columns 'list_id', 'position': a second example of this item "
                            f"(the first is at {seen[key]})")
        else:
            seen[key] = f"{r.origin_file} line {r.origin_line}"
    return problems


def examples() -> pd.DataFrame:
    """Every practice example, checked against the lists and items; raises DataError naming each problem."""
    problems = example_problems()
    if problems:
        raise DataError(f"{len(problems)} error(s) in data/examples/:\n" + "\n".join(problems))
    return load("examples")


def examples_of(list_id: str) -> dict[int, tuple[str, str]]:
    """Position -> (example, setting) for one list; empty when the list has no examples."""
    df = examples()
    rows = df[df["list_id"] == list_id]
    return {int(r.position): (r.example_id, r.setting) for r in rows.itertuples()}
