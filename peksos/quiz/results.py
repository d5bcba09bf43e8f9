"""The quiz's results files, as the class-results reader (:mod:`peksos.results`) takes them: a quiz result
("Unduh hasil (JSON)", ``hasil-kuis-*.json``, checked as :class:`QuizResult`) and its CSV twin ("Unduh
hasil (CSV)", ``hasil-kuis-*.csv``, one :class:`QuizCsvRow` per line under :data:`CSV_HEADER`), one row per
item; with the banks, every answer is scored again with :mod:`.scoring`.

Every field's ``description`` is what the reader expects there (the message of a bad file quotes it);
``peksos schema`` writes the models as ``quiz-result`` and ``quiz-result-csv-row`` into ``quizzes/schema/``.
The catalog the readers take (``cat``) is the results reader's, or None to read a file on its own.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from typing import Any, Optional

import pandas as pd
from pydantic import Field, StrictBool, StrictFloat, StrictInt, StrictStr, field_validator

from ..resultfile import Bad, File, filled, finite, one_of, parse_date, show, some, validate
from . import scoring
from .schema import LEVELS, TYPES


class QuizResultItem(File):
    """One item of a quiz result, as the quiz's "Unduh hasil (JSON)" writes it."""
    named_by = ("item", "id")

    id: StrictStr = Field(description="the item id (text)")
    type: StrictStr = Field(description="an item type (text)", json_schema_extra={"enum": list(TYPES)})
    level: StrictStr = Field(description="a level (text)", json_schema_extra={"enum": list(LEVELS)})
    tags: list[StrictStr] = Field(description="a list of topic tags", min_length=1)
    section: StrictStr = Field(description="a section label (text)")
    answer: Any = Field(description="the answer as the quiz keeps it (null when none was given)")
    checked: StrictBool = Field(description="true or false")
    shown: StrictBool = Field(description="true or false")
    tries: StrictInt = Field(description="a whole number")
    score: StrictFloat = Field(description="a number")
    correct: StrictBool = Field(description="true or false")

    _id = field_validator("id")(filled)
    _type = field_validator("type")(one_of(TYPES, "item type"))
    _level = field_validator("level")(one_of(LEVELS, "level"))

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, v: Any) -> Any:
        if isinstance(v, list) and not (v and all(isinstance(t, str) and t for t in v)):
            raise ValueError(f"field 'tags': expected a non-empty list of texts, got {show(v)}")
        return v

    _score = field_validator("score")(finite)


class QuizResult(File):
    """A quiz result file ("Unduh hasil (JSON)"): the quiz, when, and every item drawn for the reader."""
    called = "a quiz result"

    quiz: StrictStr = Field(description="the quiz id (text)")
    bank: Optional[StrictStr] = Field(description="a bank id (text) or null")
    title: StrictStr = Field(description="a title (text)")
    seed: StrictInt = Field(description="the reader's seed (a whole number)")
    date: StrictStr = Field(description="an ISO date (text)")
    score: StrictFloat = Field(description="a number")
    max: StrictFloat = Field(description="a number")
    items: list[QuizResultItem] = Field(description="a list of items")

    _quiz = field_validator("quiz")(filled)

    @field_validator("date")
    @classmethod
    def _date(cls, v: str) -> str:
        try:
            parse_date(v)
        except Bad as exc:
            raise ValueError(str(exc)) from None
        return v

    _numbers = field_validator("score", "max")(finite)

    _items = field_validator("items", mode="before")(some("the file holds no answers"))


class QuizCsvRow(File):
    """One line of a quiz result CSV ("Unduh hasil (CSV)"), the cells as text under :data:`CSV_HEADER`:
    ``topik`` joins the tags with ``;``, ``jawaban`` is the answer as JSON (empty for none), the flags
    are ``true``/``false``, ``skor`` has a decimal point. A formula-like ``jawaban_teks`` starts with ``'``."""
    kuis: str = Field(description="the quiz id", min_length=1)
    soal: str = Field(description="the item id", min_length=1)
    jenis: str = Field(description="the item type", json_schema_extra={"enum": list(TYPES)})
    tingkat: str = Field(description="the level", json_schema_extra={"enum": list(LEVELS)})
    topik: str = Field(description="the topic tags, separated by ';'", min_length=1)
    jawaban: str = Field(description="the answer as JSON, empty when none was given")
    jawaban_teks: str = Field(description="the answer as the reader saw it")
    diperiksa: str = Field(description="true or false", pattern="^(true|false)$")
    ditampilkan: str = Field(description="true or false", pattern="^(true|false)$")
    percobaan: str = Field(description="a whole number", pattern=r"^\d+$")
    skor: str = Field(description="a number between 0 and 1, with a decimal point")
    benar: str = Field(description="true or false", pattern="^(true|false)$")


CSV_HEADER = list(QuizCsvRow.model_fields)
SCHEMAS = {"quiz-result": (QuizResult, "Hasil kuis (Unduh hasil JSON)"),
           "quiz-result-csv-row": (QuizCsvRow, "Satu baris hasil kuis (Unduh hasil CSV)")}

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
_EPS = 1e-9


def date_from_name(name: str) -> pd.Timestamp:
    found = _DATE_IN_NAME.findall(name)
    if found:
        try:
            return pd.Timestamp(found[-1], tz="UTC")
        except ValueError:
            pass
    return pd.NaT


def check_answer(row: dict, at: str, cat: Any, bank_field: str | None) -> dict:
    """Checks shared by JSON and CSV rows (and the learning record's attempts); with the banks (``cat``),
    rescore and take the bank's metadata."""
    if row["tries"] < 0:
        raise Bad(f"{at}field 'tries': must not be negative, got {row['tries']}")
    if not 0 <= row["score"] <= 1:
        raise Bad(f"{at}field 'score': an item scores between 0 and 1, got {row['score']:g}")
    if row["correct"] != (row["score"] >= 1 - _EPS):
        raise Bad(f"{at}fields 'score' and 'correct' disagree (score {row['score']:g}, correct "
                   f"{str(row['correct']).lower()}); an item is correct exactly when it scores 1")
    if not row["checked"] and row["score"] > 0:
        raise Bad(f"{at}field 'score': an unchecked item scores 0, the file gives {row['score']:g}")
    row["bank"] = bank_field
    if cat is None:
        return row
    if row["item"] not in cat.items:
        raise Bad(f"{at}unknown item id {row['item']!r}: no bank under quizzes/ has it (renamed or removed "
                   "since the quiz?)")
    bank_id, item = cat.items[row["item"]]
    if bank_field and bank_field != bank_id:
        raise Bad(f"{at}item {row['item']!r} belongs to bank {bank_id!r}, not to bank {bank_field!r} "
                   "named by the file")
    if item["type"] != row["type"]:
        raise Bad(f"{at}field 'type': the bank has item {row['item']!r} as {item['type']!r}, the file says "
                   f"{row['type']!r}")
    expected = scoring.score(item, row["answer"], shown=row["shown"]) if row["checked"] else scoring.Score(0.0, False)
    if abs(expected.score - row["score"]) > 1e-6 or expected.correct != row["correct"]:
        raise Bad(f"{at}the file gives score {row['score']:g} but the answer {show(row['answer'])} scores "
                   f"{expected.score:g} against bank {bank_id!r} (was the bank changed after the quiz, or "
                   "the file edited?)")
    row.update(bank=bank_id, level=item["level"], tags=tuple(item["tags"]), section=item["section"])
    return row


def read_json(doc: dict, where: str, cat: Any) -> list[dict]:
    result = validate(QuizResult, doc, where)
    date = parse_date(result.date, where)
    rows, seen = [], set()
    for n, it in enumerate(result.items):
        at = f"{where}items[{n}] (item {it.id!r}): "
        row = {"item": it.id, "type": it.type, "level": it.level, "tags": tuple(it.tags), "section": it.section,
               "answer": it.answer, "answer_text": "", "checked": it.checked, "shown": it.shown, "tries": it.tries,
               "score": it.score, "correct": it.correct}
        row = check_answer(row, at, cat, result.bank)
        if row["item"] in seen:
            raise Bad(f"{where}items[{n}]: item {row['item']!r} appears twice")
        seen.add(row["item"])
        rows.append(row)
    if result.max != len(rows):
        raise Bad(f"{where}field 'max': {result.max:g}, but the file holds {len(rows)} items")
    got = sum(r["score"] for r in rows)
    if abs(got - result.score) > 1e-6:
        raise Bad(f"{where}field 'score': {result.score:g}, but the items' scores add up to {got:g}")
    for r in rows:
        r.update(format="json", quiz=result.quiz, date=date, bank=r["bank"] or result.quiz)
    return rows


# --- quiz CSV -------------------------------------------------------------------------------------------
_TRUE = {"true": True, "false": False}


def _csv_bool(cell: str, where: str, column: str) -> bool:
    value = _TRUE.get(cell.strip().lower())
    if value is None:
        raise Bad(f"{where}column {column!r}: expected true or false, got {cell!r}")
    return value


def read_csv(text: str, name: str, where: str, cat: Any) -> list[dict]:
    if not text.strip():
        raise Bad(f"{where}the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    if header != CSV_HEADER:
        if len(header) == 1 and header[0].count(";") >= len(CSV_HEADER) - 1:
            raise Bad(f"{where}line 1: wrong header: the columns are separated by ';' (saved again by a "
                       "spreadsheet?); use the CSV as the quiz downloaded it (comma-separated)")
        missing = [c for c in CSV_HEADER if c not in header]
        extra = [c for c in header if c not in CSV_HEADER]
        detail = "; ".join(filter(None, [f"missing column(s): {', '.join(missing)}" if missing else "",
                                         f"unknown column(s): {', '.join(extra)}" if extra else "",
                                         "the columns are in another order" if not missing and not extra else ""]))
        raise Bad(f"{where}line 1: wrong header ({detail}); expected: {','.join(CSV_HEADER)}")
    rows, seen, quiz = [], set(), None
    for cells in reader:
        line = reader.line_num
        at = f"{where}line {line}: "
        if not cells or all(not c.strip() for c in cells):
            continue  # an empty line is not a row
        if len(cells) != len(CSV_HEADER):
            raise Bad(f"{at}expected {len(CSV_HEADER)} cells, found {len(cells)}")
        c = dict(zip(CSV_HEADER, cells))
        if not c["kuis"].strip() or not c["soal"].strip():
            raise Bad(f"{at}column {'kuis' if not c['kuis'].strip() else 'soal'!r} is empty")
        if quiz is not None and c["kuis"] != quiz:
            raise Bad(f"{at}column 'kuis': {c['kuis']!r}, but earlier rows are of quiz {quiz!r} "
                       "(one file holds one quiz)")
        quiz = c["kuis"]
        at = f"{where}line {line} (item {c['soal']!r}): "
        if c["jenis"] not in TYPES:
            raise Bad(f"{at}column 'jenis': unknown item type {c['jenis']!r} (one of {', '.join(TYPES)})")
        if c["tingkat"] not in LEVELS:
            raise Bad(f"{at}column 'tingkat': unknown level {c['tingkat']!r} (one of {', '.join(LEVELS)})")
        tags = tuple(t.strip() for t in c["topik"].split(";") if t.strip())
        if not tags:
            raise Bad(f"{at}column 'topik' is empty")
        answer = None
        if c["jawaban"].strip():
            try:
                answer = json.loads(c["jawaban"])
            except ValueError:
                raise Bad(f"{at}column 'jawaban': not a JSON value: {c['jawaban']!r}") from None
        try:
            tries = int(c["percobaan"])
        except ValueError:
            raise Bad(f"{at}column 'percobaan': expected a whole number, got {c['percobaan']!r}") from None
        try:
            score = float(c["skor"])
        except ValueError:
            raise Bad(f"{at}column 'skor': expected a number (with a decimal point), got {c['skor']!r}") from None
        if not math.isfinite(score):
            raise Bad(f"{at}column 'skor': expected a finite number, got {c['skor']!r}")
        text = c["jawaban_teks"]
        if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
            text = text[1:]  # the apostrophe the quiz adds against spreadsheet formulas
        if c["soal"] in seen:
            raise Bad(f"{at}item {c['soal']!r} appears twice")
        seen.add(c["soal"])
        row = {"item": c["soal"], "type": c["jenis"], "level": c["tingkat"], "tags": tags, "section": "",
               "answer": answer, "answer_text": text,
               "checked": _csv_bool(c["diperiksa"], at, "diperiksa"),
               "shown": _csv_bool(c["ditampilkan"], at, "ditampilkan"),
               "tries": tries, "score": score, "correct": _csv_bool(c["benar"], at, "benar")}
        row = check_answer(row, at, cat, None)
        row.update(format="csv", quiz=quiz, date=date_from_name(name), bank=row["bank"] or quiz)
        rows.append(row)
    if not rows:
        raise Bad(f"{where}the file has a header but no rows")
    return rows
