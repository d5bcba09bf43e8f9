"""Class results: the files students download from the quizzes and the case vignettes, as DataFrames.

A class folder holds one sub-folder per student, as an LMS "download all submissions" gives it::

    <folder>/<student>/hasil-kuis-<quiz>-<date>.json   quiz results ("Unduh hasil (JSON)")
    <folder>/<student>/hasil-kuis-<quiz>-<date>.csv    the same as CSV ("Unduh hasil (CSV)")
    <folder>/<student>/kasus-<vignette>.json           a vignette play ("Unduh jalur saya (JSON)")
    <folder>/<student>/catatan-belajar-<date>.json     the whole learning record ("Kemajuan saya":
                                                       "Unduh catatan belajar"), every chapter at once

Files are recognised by their content, not their name (students rename files): a ``.json`` with
``quiz`` and ``items`` is a quiz result, one with ``vignette`` and ``path`` a vignette play, and a
``.csv`` must carry the quiz CSV header. A ``.json`` with ``format: "peksos-catatan"`` is a learning record
(:mod:`peksos.record`, checked with its pydantic models): each attempt is a quiz answer row (``format``
``catatan``, dated by the attempt, ``tries`` counting the attempts at that item so far), each vignette play
a play (its ``file`` is ``<file>#<n>``).

Design: the folder is read and checked once, as a whole, by :func:`read`, which returns
:class:`ClassResults` with two tidy frames, because a quiz answer and a vignette decision are
different units:

- ``answers`` (also :func:`load`): ONE row per student x quiz item. Columns :data:`ANSWER_COLUMNS`.
- ``paths`` (also :func:`load_vignettes`): one row per decision step of each vignette play
  (student x play x step). Columns :data:`PATH_COLUMNS`. Every file is one play; a student who
  played a case twice has two plays (the files carry no time, so neither is preferred).
- ``files``: one row per file found, with what was read from it; ``students``: every student folder,
  including those that handed in nothing.

Rules:

- Nothing is skipped silently. Every malformed file is rejected with a :class:`ResultsError` naming
  the file and what is wrong (bad JSON, missing field, wrong type, a CSV with the wrong header, an
  item id the bank does not know, a score the answer does not earn, a path the vignette does not
  allow). All bad files are reported at once. A file that is neither a quiz result nor a vignette
  play is an error too, unless its name matches one of the ``ignore`` patterns (then it is listed
  in ``files`` as ``diabaikan``). Only hidden files (``.DS_Store``), ``__MACOSX`` folders and a
  ``README`` at the top of the class folder are passed over.
- With ``check=True`` (the default) every answer is checked against the course's banks and
  vignettes (``quizzes/``, or the folder given): the item must exist, and its score is computed
  again with :mod:`peksos.quiz.scoring` and must equal the score in the file; a vignette play is
  replayed with :mod:`peksos.vignette.graph`. Item metadata (type, level, tags, section, bank) then
  come from the bank. ``check=False`` reads the files on their own (``bank`` is then the file's
  ``bank`` field, or its quiz id when there is none, as for a CSV).
- A student who downloaded the same quiz twice (or as JSON and as CSV) has one row per item: the
  answer from the latest file (JSON ``date``; for a CSV the date in its file name; on the same
  date JSON before CSV). ``keep="all"`` keeps every row. ``files.rows_kept`` shows what was used.
- Unchecked items are kept with score 0 (the quiz gives them 0); items a pool did not draw for a
  student are simply absent.
- The student is the folder name; Moodle's suffix (``_123456_assignsubmission_file_``) is removed.
"""
from __future__ import annotations

import csv
import fnmatch
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ANSWER_COLUMNS = ["student", "file", "format", "quiz", "bank", "date", "item", "type", "level", "tags", "section",
                  "answer", "answer_text", "checked", "shown", "tries", "score", "correct"]
PATH_COLUMNS = ["student", "file", "vignette", "step", "node", "choice", "rating", "points", "state_after",
                "expert_choice", "ended", "ending", "outcome", "score", "max_score"]
FILE_COLUMNS = ["student", "file", "kind", "rows", "rows_kept"]
CSV_HEADER = ["kuis", "soal", "jenis", "tingkat", "topik", "jawaban", "jawaban_teks", "diperiksa", "ditampilkan",
              "percobaan", "skor", "benar"]
QUIZ_FIELDS = ("quiz", "bank", "title", "seed", "date", "score", "max", "items")
ITEM_FIELDS = ("id", "type", "level", "tags", "section", "answer", "checked", "shown", "tries", "score", "correct")
VIGNETTE_FIELDS = ("vignette", "ended", "ending", "outcome", "path", "state", "score", "max_score", "expert")
STEP_FIELDS = ("node", "choice", "rating", "points", "state_after")
README_NAMES = ("readme", "readme.md", "readme.txt")
_MOODLE = re.compile(r"_\d+_assign(?:submission|feedback)_[a-z]+_?$", re.I)
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
_EPS = 1e-9


class ResultsError(ValueError):
    """Results files are malformed. ``problems`` holds one line per problem, each naming its file."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


@dataclass
class ClassResults:
    """What :func:`read` found in a class folder (see the module docstring for the columns)."""

    folder: Path
    answers: pd.DataFrame
    paths: pd.DataFrame
    files: pd.DataFrame
    students: list[str]
    banks: dict[str, Any] = field(default_factory=dict)  # bank id -> peksos.quiz.schema.Bank (those used)
    vignettes: dict[str, Any] = field(default_factory=dict)  # id -> peksos.vignette.schema.Vignette (those used)


# --- the banks and vignettes the answers are checked against ---------------------------------------
@dataclass
class Catalog:
    """Item id -> (bank id, item as a dict); vignette id -> Vignette."""

    items: dict[str, tuple[str, dict]]
    banks: dict[str, Any]
    vignettes: dict[str, Any]


_CATALOGS: dict[tuple, Catalog] = {}


def catalog(quizzes: Path | str | None = None) -> Catalog:
    """The banks and vignettes under ``quizzes`` (default: the project's ``quizzes/``), cached per version."""
    import yaml
    from pydantic import ValidationError

    from .paths import quizzes_dir
    from .quiz import loader as qloader
    from .quiz.schema import Bank
    from .vignette import loader as vloader
    from .vignette.schema import Vignette

    folder = Path(quizzes) if quizzes is not None else quizzes_dir()
    bank_paths = qloader.bank_files(folder)
    vig_paths = vloader.vignette_files(folder / "vignettes")
    if not bank_paths:
        raise ResultsError(f"{folder}: no quiz banks to check the results against (pass check=False to read "
                           "the files without the banks)")
    key = (str(folder.resolve()),) + tuple((str(p), p.stat().st_mtime_ns) for p in bank_paths + vig_paths)
    if key in _CATALOGS:
        return _CATALOGS[key]
    loader_yaml = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    items: dict[str, tuple[str, dict]] = {}
    banks: dict[str, Any] = {}
    for path in bank_paths:
        try:  # fast path; the careful loader gives the message when a bank is broken
            bank = Bank.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader_yaml))
        except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
            try:
                bank = qloader.load_bank(path).bank
            except qloader.QuizError as exc:
                raise ResultsError(f"cannot check results against the banks: {exc}") from None
        banks[bank.id] = bank
        for it in bank.items:
            items[it.id] = (bank.id, it.model_dump(mode="json"))
    vignettes: dict[str, Any] = {}
    for path in vig_paths:
        try:
            vig = Vignette.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader_yaml))
        except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
            try:
                vig = vloader.load_vignette(path).vignette
            except vloader.VignetteError as exc:
                raise ResultsError(f"cannot check results against the vignettes: {exc}") from None
        vignettes[vig.id] = vig
    _CATALOGS[key] = Catalog(items, banks, vignettes)
    return _CATALOGS[key]


# --- small checks ---------------------------------------------------------------------------------------
class _Bad(Exception):
    """One problem in one file (the file is named by the caller)."""


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "integer", float: "number", str: "text", list: "list",
            dict: "object"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 90 else text[:87] + "..."


def _need(obj: dict, name: str, where: str, kinds: tuple, what: str, *, null: bool = False) -> Any:
    if name not in obj:
        raise _Bad(f"{where}missing field {name!r}")
    value = obj[name]
    if value is None and null:
        return None
    ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
    if not ok:
        raise _Bad(f"{where}field {name!r}: expected {what}, got {_kind(value)} {_show(value)}")
    return value


def _number(obj: dict, name: str, where: str) -> float:
    value = _need(obj, name, where, (int, float), "a number")
    if not math.isfinite(value):
        raise _Bad(f"{where}field {name!r}: expected a finite number, got {value!r}")
    return float(value)


def _student_name(folder_name: str) -> str:
    return _MOODLE.sub("", folder_name).strip() or folder_name


def _parse_date(text: str, where: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError):
        raise _Bad(f"{where}field 'date': not an ISO date and time: {text!r}") from None
    if pd.isna(stamp):
        raise _Bad(f"{where}field 'date': not an ISO date and time: {text!r}")
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _date_from_name(name: str) -> pd.Timestamp:
    found = _DATE_IN_NAME.findall(name)
    if found:
        try:
            return pd.Timestamp(found[-1], tz="UTC")
        except ValueError:
            pass
    return pd.NaT


# --- quiz JSON ------------------------------------------------------------------------------------------
def _quiz_item(raw: Any, n: int, where: str, cat: Catalog | None, bank_field: str | None) -> dict:
    if not isinstance(raw, dict):
        raise _Bad(f"{where}items[{n}]: expected an object, got {_kind(raw)}")
    iid = raw.get("id")
    at = f"{where}items[{n}]" + (f" (item {iid!r})" if isinstance(iid, str) and iid else "") + ": "
    for name in ITEM_FIELDS:
        if name not in raw:
            raise _Bad(f"{at}missing field {name!r}")
    item = _need(raw, "id", at, (str,), "the item id (text)")
    if not item:
        raise _Bad(f"{at}field 'id' is empty")
    from .quiz.schema import LEVELS, TYPES

    kind = _need(raw, "type", at, (str,), "an item type (text)")
    if kind not in TYPES:
        raise _Bad(f"{at}field 'type': unknown item type {kind!r} (one of {', '.join(TYPES)})")
    level = _need(raw, "level", at, (str,), "a level (text)")
    if level not in LEVELS:
        raise _Bad(f"{at}field 'level': unknown level {level!r} (one of {', '.join(LEVELS)})")
    tags = _need(raw, "tags", at, (list,), "a list of topic tags")
    if not tags or not all(isinstance(t, str) and t for t in tags):
        raise _Bad(f"{at}field 'tags': expected a non-empty list of texts, got {_show(tags)}")
    section = _need(raw, "section", at, (str,), "a section label (text)")
    row = {"item": item, "type": kind, "level": level, "tags": tuple(tags), "section": section,
           "answer": raw["answer"], "answer_text": "",
           "checked": _need(raw, "checked", at, (bool,), "true or false"),
           "shown": _need(raw, "shown", at, (bool,), "true or false"),
           "tries": _need(raw, "tries", at, (int,), "a whole number"),
           "score": _number(raw, "score", at),
           "correct": _need(raw, "correct", at, (bool,), "true or false")}
    return _check_answer(row, at, cat, bank_field)


def _check_answer(row: dict, at: str, cat: Catalog | None, bank_field: str | None) -> dict:
    """Checks shared by JSON and CSV rows; with the banks, rescore and take the bank's metadata."""
    if row["tries"] < 0:
        raise _Bad(f"{at}field 'tries': must not be negative, got {row['tries']}")
    if not 0 <= row["score"] <= 1:
        raise _Bad(f"{at}field 'score': an item scores between 0 and 1, got {row['score']:g}")
    if row["correct"] != (row["score"] >= 1 - _EPS):
        raise _Bad(f"{at}fields 'score' and 'correct' disagree (score {row['score']:g}, correct "
                   f"{str(row['correct']).lower()}); an item is correct exactly when it scores 1")
    if not row["checked"] and row["score"] > 0:
        raise _Bad(f"{at}field 'score': an unchecked item scores 0, the file gives {row['score']:g}")
    row["bank"] = bank_field
    if cat is None:
        return row
    from .quiz import scoring

    if row["item"] not in cat.items:
        raise _Bad(f"{at}unknown item id {row['item']!r}: no bank under quizzes/ has it (renamed or removed "
                   "since the quiz?)")
    bank_id, item = cat.items[row["item"]]
    if bank_field and bank_field != bank_id:
        raise _Bad(f"{at}item {row['item']!r} belongs to bank {bank_id!r}, not to bank {bank_field!r} "
                   "named by the file")
    if item["type"] != row["type"]:
        raise _Bad(f"{at}field 'type': the bank has item {row['item']!r} as {item['type']!r}, the file says "
                   f"{row['type']!r}")
    expected = scoring.score(item, row["answer"], shown=row["shown"]) if row["checked"] else scoring.Score(0.0, False)
    if abs(expected.score - row["score"]) > 1e-6 or expected.correct != row["correct"]:
        raise _Bad(f"{at}the file gives score {row['score']:g} but the answer {_show(row['answer'])} scores "
                   f"{expected.score:g} against bank {bank_id!r} (was the bank changed after the quiz, or "
                   "the file edited?)")
    row.update(bank=bank_id, level=item["level"], tags=tuple(item["tags"]), section=item["section"])
    return row


def _read_quiz_json(doc: dict, where: str, cat: Catalog | None) -> list[dict]:
    for name in QUIZ_FIELDS:
        if name not in doc:
            raise _Bad(f"{where}missing field {name!r} (a quiz result has {', '.join(QUIZ_FIELDS)})")
    quiz = _need(doc, "quiz", where, (str,), "the quiz id (text)")
    if not quiz:
        raise _Bad(f"{where}field 'quiz' is empty")
    bank = _need(doc, "bank", where, (str,), "a bank id (text) or null", null=True)
    _need(doc, "title", where, (str,), "a title (text)")
    _need(doc, "seed", where, (int,), "the reader's seed (a whole number)")
    date = _parse_date(_need(doc, "date", where, (str,), "an ISO date (text)"), where)
    total = _number(doc, "score", where)
    maximum = _number(doc, "max", where)
    raw_items = _need(doc, "items", where, (list,), "a list of items")
    if not raw_items:
        raise _Bad(f"{where}field 'items' is empty: the file holds no answers")
    rows, seen = [], set()
    for n, raw in enumerate(raw_items):
        row = _quiz_item(raw, n, where, cat, bank)
        if row["item"] in seen:
            raise _Bad(f"{where}items[{n}]: item {row['item']!r} appears twice")
        seen.add(row["item"])
        rows.append(row)
    if maximum != len(rows):
        raise _Bad(f"{where}field 'max': {maximum:g}, but the file holds {len(rows)} items")
    got = sum(r["score"] for r in rows)
    if abs(got - total) > 1e-6:
        raise _Bad(f"{where}field 'score': {total:g}, but the items' scores add up to {got:g}")
    for r in rows:
        r.update(format="json", quiz=quiz, date=date, bank=r["bank"] or quiz)
    return rows


# --- quiz CSV -------------------------------------------------------------------------------------------
_TRUE = {"true": True, "false": False}


def _csv_bool(cell: str, where: str, column: str) -> bool:
    value = _TRUE.get(cell.strip().lower())
    if value is None:
        raise _Bad(f"{where}column {column!r}: expected true or false, got {cell!r}")
    return value


def _read_quiz_csv(text: str, name: str, where: str, cat: Catalog | None) -> list[dict]:
    from .quiz.schema import LEVELS, TYPES

    if not text.strip():
        raise _Bad(f"{where}the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    if header != CSV_HEADER:
        if len(header) == 1 and header[0].count(";") >= len(CSV_HEADER) - 1:
            raise _Bad(f"{where}line 1: wrong header: the columns are separated by ';' (saved again by a "
                       "spreadsheet?); use the CSV as the quiz downloaded it (comma-separated)")
        missing = [c for c in CSV_HEADER if c not in header]
        extra = [c for c in header if c not in CSV_HEADER]
        detail = "; ".join(filter(None, [f"missing column(s): {', '.join(missing)}" if missing else "",
                                         f"unknown column(s): {', '.join(extra)}" if extra else "",
                                         "the columns are in another order" if not missing and not extra else ""]))
        raise _Bad(f"{where}line 1: wrong header ({detail}); expected: {','.join(CSV_HEADER)}")
    rows, seen, quiz = [], set(), None
    for cells in reader:
        line = reader.line_num
        at = f"{where}line {line}: "
        if not cells or all(not c.strip() for c in cells):
            continue  # an empty line is not a row
        if len(cells) != len(CSV_HEADER):
            raise _Bad(f"{at}expected {len(CSV_HEADER)} cells, found {len(cells)}")
        c = dict(zip(CSV_HEADER, cells))
        if not c["kuis"].strip() or not c["soal"].strip():
            raise _Bad(f"{at}column {'kuis' if not c['kuis'].strip() else 'soal'!r} is empty")
        if quiz is not None and c["kuis"] != quiz:
            raise _Bad(f"{at}column 'kuis': {c['kuis']!r}, but earlier rows are of quiz {quiz!r} "
                       "(one file holds one quiz)")
        quiz = c["kuis"]
        at = f"{where}line {line} (item {c['soal']!r}): "
        if c["jenis"] not in TYPES:
            raise _Bad(f"{at}column 'jenis': unknown item type {c['jenis']!r} (one of {', '.join(TYPES)})")
        if c["tingkat"] not in LEVELS:
            raise _Bad(f"{at}column 'tingkat': unknown level {c['tingkat']!r} (one of {', '.join(LEVELS)})")
        tags = tuple(t.strip() for t in c["topik"].split(";") if t.strip())
        if not tags:
            raise _Bad(f"{at}column 'topik' is empty")
        answer = None
        if c["jawaban"].strip():
            try:
                answer = json.loads(c["jawaban"])
            except ValueError:
                raise _Bad(f"{at}column 'jawaban': not a JSON value: {c['jawaban']!r}") from None
        try:
            tries = int(c["percobaan"])
        except ValueError:
            raise _Bad(f"{at}column 'percobaan': expected a whole number, got {c['percobaan']!r}") from None
        try:
            score = float(c["skor"])
        except ValueError:
            raise _Bad(f"{at}column 'skor': expected a number (with a decimal point), got {c['skor']!r}") from None
        if not math.isfinite(score):
            raise _Bad(f"{at}column 'skor': expected a finite number, got {c['skor']!r}")
        text = c["jawaban_teks"]
        if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
            text = text[1:]  # the apostrophe the quiz adds against spreadsheet formulas
        if c["soal"] in seen:
            raise _Bad(f"{at}item {c['soal']!r} appears twice")
        seen.add(c["soal"])
        row = {"item": c["soal"], "type": c["jenis"], "level": c["tingkat"], "tags": tags, "section": "",
               "answer": answer, "answer_text": text,
               "checked": _csv_bool(c["diperiksa"], at, "diperiksa"),
               "shown": _csv_bool(c["ditampilkan"], at, "ditampilkan"),
               "tries": tries, "score": score, "correct": _csv_bool(c["benar"], at, "benar")}
        row = _check_answer(row, at, cat, None)
        row.update(format="csv", quiz=quiz, date=_date_from_name(name), bank=row["bank"] or quiz)
        rows.append(row)
    if not rows:
        raise _Bad(f"{where}the file has a header but no rows")
    return rows


# --- vignette JSON --------------------------------------------------------------------------------------
def _read_vignette(doc: dict, where: str, cat: Catalog | None) -> list[dict]:
    from .vignette.schema import OUTCOMES, RATING_POINTS, RATINGS

    for name in VIGNETTE_FIELDS:
        if name not in doc:
            raise _Bad(f"{where}missing field {name!r} (a vignette play has {', '.join(VIGNETTE_FIELDS)})")
    vid = _need(doc, "vignette", where, (str,), "the vignette id (text)")
    ended = _need(doc, "ended", where, (bool,), "true or false")
    ending = _need(doc, "ending", where, (str,), "an ending id (text) or null", null=True)
    outcome = _need(doc, "outcome", where, (str,), "an outcome (text) or null", null=True)
    if outcome is not None and outcome not in OUTCOMES:
        raise _Bad(f"{where}field 'outcome': unknown outcome {outcome!r} (one of {', '.join(OUTCOMES)})")
    if ended != (ending is not None) or ended != (outcome is not None):
        raise _Bad(f"{where}fields 'ended', 'ending' and 'outcome' disagree: an ended play names its ending and "
                   "outcome, an unfinished one has null for both")
    steps = _need(doc, "path", where, (list,), "a list of decision steps")
    if not steps:
        raise _Bad(f"{where}field 'path' is empty: no decision was taken")
    state = _need(doc, "state", where, (dict,), "an object of case variables")
    score = _need(doc, "score", where, (int,), "a whole number")
    max_score = _need(doc, "max_score", where, (int,), "a whole number")
    expert = _need(doc, "expert", where, (list,), "a list of [node, choice] pairs")
    for k, pair in enumerate(expert):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise _Bad(f"{where}expert[{k}]: expected a [node, choice] pair of texts, got {_show(pair)}")
    rows = []
    for n, st in enumerate(steps):
        at = f"{where}path[{n}]: "
        if not isinstance(st, dict):
            raise _Bad(f"{at}expected an object, got {_kind(st)}")
        for name in STEP_FIELDS:
            if name not in st:
                raise _Bad(f"{at}missing field {name!r}")
        rating = _need(st, "rating", at, (str,), "a rating (text)")
        if rating not in RATINGS:
            raise _Bad(f"{at}field 'rating': unknown rating {rating!r} (one of {', '.join(RATINGS)})")
        points = _need(st, "points", at, (int,), "a whole number")
        if points != RATING_POINTS[rating]:
            raise _Bad(f"{at}field 'points': a {rating!r} choice earns {RATING_POINTS[rating]}, the file says {points}")
        after = _need(st, "state_after", at, (dict,), "an object of case variables")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in after.values()):
            raise _Bad(f"{at}field 'state_after': every case variable must be a whole number, got {_show(after)}")
        rows.append({"step": n + 1, "node": _need(st, "node", at, (str,), "a node id (text)"),
                     "choice": _need(st, "choice", at, (str,), "a choice id (text)"),
                     "rating": rating, "points": points, "state_after": dict(after)})
    if score != sum(r["points"] for r in rows):
        raise _Bad(f"{where}field 'score': {score}, but the steps' points add up to {sum(r['points'] for r in rows)}")
    if max_score != 3 * len(rows):
        raise _Bad(f"{where}field 'max_score': {max_score}, but {len(rows)} step(s) can earn {3 * len(rows)}")
    if state != rows[-1]["state_after"]:
        raise _Bad(f"{where}field 'state': {_show(state)} is not the state after the last step")
    if cat is not None:
        _replay(vid, rows, ending, outcome, where, cat)
    pairs = {tuple(p) for p in expert}
    if cat is not None and vid in cat.vignettes:
        from .vignette import graph

        pairs = set(graph.expert_path(cat.vignettes[vid]))
    for r in rows:
        r.update(vignette=vid, expert_choice=(r["node"], r["choice"]) in pairs, ended=ended, ending=ending,
                 outcome=outcome, score=score, max_score=max_score)
    return rows


def _replay(vid: str, rows: list[dict], ending: str | None, outcome: str | None, where: str, cat: Catalog) -> None:
    """Play the steps again on the vignette's graph: every step must be a move the player allows."""
    from .vignette import graph
    from .vignette.schema import RATING_POINTS

    if vid not in cat.vignettes:
        raise _Bad(f"{where}field 'vignette': unknown vignette {vid!r} (none under quizzes/vignettes/ has this id)")
    v = cat.vignettes[vid]
    nodes = {n.id: n for n in v.nodes}
    endings = {e.id: e for e in v.endings}
    at_node, state = v.start, graph.initial_state(v)
    for r in rows:
        at = f"{where}path[{r['step'] - 1}]: "
        if at_node in endings:
            raise _Bad(f"{at}the play already reached ending {at_node!r}; no step can follow it")
        if r["node"] != at_node:
            raise _Bad(f"{at}field 'node': the play is at node {at_node!r} here, the file says {r['node']!r}")
        choices = {c.id: c for c in nodes[at_node].choices}
        if r["choice"] not in choices:
            raise _Bad(f"{at}field 'choice': node {at_node!r} has no choice {r['choice']!r}")
        if r["choice"] not in graph.offered(v, at_node, state):
            raise _Bad(f"{at}field 'choice': choice {r['choice']!r} is not offered in the state {_show(state)}")
        c = choices[r["choice"]]
        if r["rating"] != c.rating or r["points"] != RATING_POINTS[c.rating]:
            raise _Bad(f"{at}field 'rating': the vignette rates choice {c.id!r} {c.rating!r}, the file says "
                       f"{r['rating']!r}")
        at_node, state = graph.step(v, at_node, r["choice"], state)
        if r["state_after"] != state:
            raise _Bad(f"{at}field 'state_after': {_show(r['state_after'])}, but the choice leads to {_show(state)}")
    reached = at_node if at_node in endings else None
    if ending != reached:
        raise _Bad(f"{where}field 'ending': the path leads to "
                   f"{repr(reached) if reached else 'no ending (unfinished)'}, the file says {ending!r}")
    if reached and outcome != endings[reached].outcome:
        raise _Bad(f"{where}field 'outcome': ending {reached!r} has outcome {endings[reached].outcome!r}, the file "
                   f"says {outcome!r}")


# --- the learning record (one file for the whole course) --------------------------------------------------
def _read_course(doc: dict, where: str, cat: Catalog | None) -> tuple[list[dict], list[list[dict]]]:
    """Answer rows (one per attempt) and the step rows of each play of a learning record."""
    from . import record
    from .quiz import scoring

    try:
        rec = record.validate(doc, where)
    except record.RecordError as exc:
        raise _Bad(str(exc)) from None
    rows, tries = [], {}
    for n, a in enumerate(rec.attempts):
        at = f"{where}attempts[{n}] (item {a.item!r}): "
        known = cat.items[a.item][1] if cat is not None and a.item in cat.items else None
        if a.score is None and known is None:
            raise _Bad(f"{at}field 'score' is null (an answer kept from an older version of the book and never "
                       "scored); it can only be read with the banks (check=True)")
        if known is None and (a.type is None or a.level is None):
            raise _Bad(f"{at}fields 'type' and 'level' are needed to read the record without the banks")
        result = scoring.score(known, a.answer, shown=a.shown) if a.score is None else scoring.Score(a.score, a.correct)
        tries[a.item] = tries.get(a.item, 0) + 1
        row = {"item": a.item, "type": a.type or known["type"], "level": a.level or known["level"],
               "tags": tuple(a.tags), "section": a.section or "", "answer": a.answer, "answer_text": "",
               "checked": True, "shown": a.shown, "tries": tries[a.item], "score": result.score,
               "correct": result.correct}
        row = _check_answer(row, at, cat, None)
        row.update(format="catatan", quiz=a.quiz, date=pd.Timestamp(a.at).tz_convert("UTC"), bank=row["bank"] or a.quiz)
        rows.append(row)
    plays = []
    for n, p in enumerate(rec.plays):
        play = p.model_dump(mode="json", exclude={"at"})
        plays.append(_read_vignette({**play, "expert": []}, f"{where}plays[{n}]: ", cat))
    if not rows and not plays:
        raise _Bad(f"{where}the learning record holds no attempt and no play")
    return rows, plays


# --- the folder -----------------------------------------------------------------------------------------
def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in rel.parts)


def _read_file(path: Path, cat: Catalog | None) -> tuple[str, list[dict]]:
    where = f"{path}: "
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _Bad(f"{where}not UTF-8 text (is it a results file?)") from None
    except OSError as exc:
        raise _Bad(f"{where}cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "kuis-csv", _read_quiz_csv(text, path.name, where, cat)
    if suffix != ".json":
        raise _Bad(f"{where}not a results file (expected a quiz result .json/.csv or a vignette play .json; "
                   "remove it or pass ignore=[...])")
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise _Bad(f"{where}not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise _Bad(f"{where}expected a JSON object, got {_kind(doc)}")
    if "format" in doc or "attempts" in doc:
        return "catatan", _read_course(doc, where, cat)
    if "quiz" in doc or "items" in doc:
        return "kuis-json", _read_quiz_json(doc, where, cat)
    if "vignette" in doc or "path" in doc:
        return "kasus", _read_vignette(doc, where, cat)
    raise _Bad(f"{where}neither a quiz result (fields quiz, items, ...) nor a vignette play (fields vignette, "
               "path, ...)")


def read(folder: Path | str, *, check: bool = True, quizzes: Path | str | None = None,
         keep: str = "latest", ignore: Iterable[str] = ()) -> ClassResults:
    """Read and check every results file of a class folder (see the module docstring).

    ``check``: check answers and plays against the banks and vignettes under ``quizzes`` (default the
    project's). ``keep``: ``"latest"`` (one row per student x item) or ``"all"``. ``ignore``: file-name
    patterns (``"*.pdf"``) of files that are not results and should be passed over (listed in ``files``).
    """
    folder = Path(folder)
    if keep not in ("latest", "all"):
        raise ValueError(f"keep must be 'latest' or 'all', not {keep!r}")
    if not folder.is_dir():
        raise ResultsError(f"{folder}: no such folder")
    ignore = tuple(ignore)
    cat = catalog(quizzes) if check else None
    problems: list[str] = []
    answers: list[dict] = []
    steps: list[dict] = []
    files: list[dict] = []
    student_dirs = []
    for entry in sorted(folder.iterdir()):
        if _hidden(entry.relative_to(folder)):
            continue
        if entry.is_dir():
            student_dirs.append(entry)
        elif entry.name.lower() not in README_NAMES:
            problems.append(f"{entry}: a file at the top of the class folder; results belong in a student's "
                            "folder (<folder>/<student>/<file>)")
    if not student_dirs and not problems:
        raise ResultsError(f"{folder}: no student folders (expected <folder>/<student>/<results files>)")
    names = {d: _student_name(d.name) for d in student_dirs}
    clash = {n for n in names.values() if list(names.values()).count(n) > 1}
    students = []
    for d in student_dirs:
        student = d.name if names[d] in clash else names[d]
        students.append(student)
        for path in sorted(p for p in d.rglob("*") if p.is_file()):
            rel = path.relative_to(folder)
            if _hidden(rel):
                continue
            if any(fnmatch.fnmatch(path.name, pat) for pat in ignore):
                files.append({"student": student, "file": rel.as_posix(), "kind": "diabaikan", "rows": 0,
                              "rows_kept": 0})
                continue
            try:
                kind, rows = _read_file(path, cat)
            except _Bad as exc:
                problems.append(str(exc))
                continue
            if kind == "catatan":
                rows, plays = rows
                for n, play_rows in enumerate(plays, 1):
                    for r in play_rows:
                        r.update(student=student, file=f"{rel.as_posix()}#{n}")
                    steps.extend(play_rows)
            for r in rows:
                r.update(student=student, file=rel.as_posix())
            (steps if kind == "kasus" else answers).extend(rows)
            files.append({"student": student, "file": rel.as_posix(), "kind": kind, "rows": len(rows),
                          "rows_kept": len(rows)})
    if problems:
        head = f"{len(problems)} problem(s) in the results under {folder}:"
        raise ResultsError(head + "\n" + "\n".join(problems), problems)
    ans = pd.DataFrame(answers, columns=ANSWER_COLUMNS)
    ans["date"] = pd.to_datetime(ans["date"], utc=True)
    if keep == "latest" and len(ans):
        ans["_rank"] = (ans["format"] == "json").astype(int)
        ans = ans.sort_values(["student", "item", "date", "_rank", "file"], na_position="first", kind="stable")
        ans = ans.drop_duplicates(["student", "item"], keep="last").drop(columns="_rank")
        kept = ans["file"].value_counts()
        for f in files:
            if f["kind"] in ("kuis-json", "kuis-csv", "catatan"):
                f["rows_kept"] = int(kept.get(f["file"], 0))
    ans = ans.sort_values(["student", "bank", "quiz", "item"], na_position="last", kind="stable")
    ans = ans.reset_index(drop=True).astype({"checked": bool, "shown": bool, "correct": bool, "tries": int,
                                             "score": float})
    paths = pd.DataFrame(steps, columns=PATH_COLUMNS).sort_values(["student", "vignette", "file", "step"],
                                                                  kind="stable").reset_index(drop=True)
    used_banks = set(ans["bank"].dropna())
    used_vigs = set(paths["vignette"])
    return ClassResults(
        folder=folder, answers=ans, paths=paths, files=pd.DataFrame(files, columns=FILE_COLUMNS),
        students=students,
        banks={k: v for k, v in cat.banks.items() if k in used_banks} if cat else {},
        vignettes={k: v for k, v in cat.vignettes.items() if k in used_vigs} if cat else {},
    )


def load(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The quiz answers of a class folder: one row per student x item (columns :data:`ANSWER_COLUMNS`).

    Every file in the folder is read and checked, vignette plays included. Options as :func:`read`.
    """
    return read(folder, **options).answers


def load_vignettes(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The vignette plays of a class folder: one row per student x play x step (:data:`PATH_COLUMNS`)."""
    return read(folder, **options).paths


def per_student(res: ClassResults) -> pd.DataFrame:
    """One row per student across all chapters: items answered, mean score, chapters (banks), plays, endings."""
    ans, paths = res.answers, res.paths
    out = pd.DataFrame(index=pd.Index(res.students, name="student"))
    checked = ans[ans["checked"]]
    out["items"] = checked.groupby("student")["item"].nunique()
    out["mean_score"] = checked.groupby("student")["score"].mean().round(3)
    out["banks"] = checked.groupby("student")["bank"].nunique()
    out["plays"] = paths.groupby("student")["file"].nunique()
    out["endings"] = paths[paths["ended"]].groupby("student")["ending"].nunique()
    return out.fillna({"items": 0, "banks": 0, "plays": 0, "endings": 0}).astype(
        {"items": int, "banks": int, "plays": int, "endings": int}).reset_index()


def per_topic(res: ClassResults) -> pd.DataFrame:
    """One row per topic tag across all chapters: students, answers, mean score, banks it appears in."""
    checked = res.answers[res.answers["checked"]].explode("tags").rename(columns={"tags": "topic"})
    if checked.empty:
        return pd.DataFrame(columns=["topic", "students", "answers", "mean_score", "banks"])
    grouped = checked.groupby("topic")
    return pd.DataFrame({"students": grouped["student"].nunique(), "answers": grouped.size(),
                         "mean_score": grouped["score"].mean().round(3),
                         "banks": grouped["bank"].apply(lambda b: ",".join(sorted(set(b))))}).reset_index().sort_values(
        ["mean_score", "topic"], kind="stable").reset_index(drop=True)


def summary(res: ClassResults) -> dict[str, int]:
    """Counts for a quick look: students, files, quiz answers, vignette plays."""
    return {"students": len(res.students), "files": len(res.files),
            "quiz_files": int(res.files["kind"].isin(["kuis-json", "kuis-csv"]).sum()),
            "course_files": int((res.files["kind"] == "catatan").sum()),
            "answers": len(res.answers), "plays": int(res.paths["file"].nunique()),
            "ignored": int((res.files["kind"] == "diabaikan").sum())}


__all__ = ["ANSWER_COLUMNS", "CSV_HEADER", "PATH_COLUMNS", "ClassResults", "ResultsError", "catalog", "load",
           "load_vignettes", "per_student", "per_topic", "read", "summary"]
