"""The files students download, as pydantic models: a quiz result (``hasil-kuis-*.json``), its CSV
twin (``hasil-kuis-*.csv``, one :class:`QuizCsvRow` per line under :data:`CSV_HEADER`) and a vignette
play (``kasus-*.json``). ``peksos schema`` writes each as JSON Schema into ``quizzes/schema/``
(``quiz-result``, ``quiz-result-csv-row``, ``vignette-play``); the learning record has its own model
in :mod:`peksos.record`.

Every field's ``description`` is what the reader expects there; :func:`problem` turns a pydantic error
into the sentence the class-results reader reports ("field 'tries': expected a whole number, got
true/false").
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Optional

import pandas as pd
from pydantic import (BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError,
                      ValidationInfo, field_validator)

from ..quiz.schema import LEVELS, TYPES, write_json_schema
from ..vignette.schema import OUTCOMES, RATING_POINTS, RATINGS
from .errors import Bad

class _File(BaseModel):
    model_config = ConfigDict(extra="ignore")


def _filled(v: str, info: ValidationInfo) -> str:
    if not v:
        raise ValueError(f"field {info.field_name!r} is empty")
    return v


def _one_of(values, what: str):
    """A validator: the value must be one of ``values`` ("unknown <what> ..." otherwise)."""
    def check(v: str | None, info: ValidationInfo) -> str | None:
        if v is not None and v not in values:
            raise ValueError(f"field {info.field_name!r}: unknown {what} {v!r} (one of {', '.join(values)})")
        return v
    return check


def _some(why: str):
    """A validator: a list must not be empty ("field 'x' is empty: <why>" otherwise)."""
    def check(v: Any, info: ValidationInfo) -> Any:
        if isinstance(v, list) and not v:
            raise ValueError(f"field {info.field_name!r} is empty: {why}")
        return v
    return check


def _finite(v: float, info: ValidationInfo) -> float:
    if not math.isfinite(v):
        raise ValueError(f"field {info.field_name!r}: expected a finite number, got {v!r}")
    return v


class QuizResultItem(_File):
    """One item of a quiz result, as the quiz's "Unduh hasil (JSON)" writes it."""
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

    _id = field_validator("id")(_filled)
    _type = field_validator("type")(_one_of(TYPES, "item type"))
    _level = field_validator("level")(_one_of(LEVELS, "level"))

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, v: Any) -> Any:
        if isinstance(v, list) and not (v and all(isinstance(t, str) and t for t in v)):
            raise ValueError(f"field 'tags': expected a non-empty list of texts, got {show(v)}")
        return v

    _score = field_validator("score")(_finite)


class QuizResult(_File):
    """A quiz result file ("Unduh hasil (JSON)"): the quiz, when, and every item drawn for the reader."""
    quiz: StrictStr = Field(description="the quiz id (text)")
    bank: Optional[StrictStr] = Field(description="a bank id (text) or null")
    title: StrictStr = Field(description="a title (text)")
    seed: StrictInt = Field(description="the reader's seed (a whole number)")
    date: StrictStr = Field(description="an ISO date (text)")
    score: StrictFloat = Field(description="a number")
    max: StrictFloat = Field(description="a number")
    items: list[QuizResultItem] = Field(description="a list of items")

    _quiz = field_validator("quiz")(_filled)

    @field_validator("date")
    @classmethod
    def _date(cls, v: str) -> str:
        try:
            parse_date(v)
        except Bad as exc:
            raise ValueError(str(exc)) from None
        return v

    _numbers = field_validator("score", "max")(_finite)

    _items = field_validator("items", mode="before")(_some("the file holds no answers"))


class QuizCsvRow(_File):
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


class PlayStep(_File):
    """One decision of a vignette play."""
    node: StrictStr = Field(description="a node id (text)")
    choice: StrictStr = Field(description="a choice id (text)")
    rating: StrictStr = Field(description="a rating (text)", json_schema_extra={"enum": list(RATINGS)})
    points: StrictInt = Field(description="a whole number")
    state_after: dict[str, int] = Field(description="an object of case variables")

    _rating = field_validator("rating")(_one_of(RATINGS, "rating"))

    @field_validator("points")
    @classmethod
    def _points(cls, v: int, info: ValidationInfo) -> int:
        rating = info.data.get("rating")
        if rating in RATING_POINTS and v != RATING_POINTS[rating]:
            raise ValueError(f"field 'points': a {rating!r} choice earns {RATING_POINTS[rating]}, the file says {v}")
        return v

    @field_validator("state_after", mode="before")
    @classmethod
    def _state_after(cls, v: Any) -> Any:
        if isinstance(v, dict) and not all(isinstance(x, int) and not isinstance(x, bool) for x in v.values()):
            raise ValueError(f"field 'state_after': every case variable must be a whole number, got {show(v)}")
        return v


class VignettePlay(_File):
    """A vignette play ("Unduh jalur saya (JSON)"): the decisions taken, the state and the ending reached."""
    vignette: StrictStr = Field(description="the vignette id (text)")
    ended: StrictBool = Field(description="true or false")
    ending: Optional[StrictStr] = Field(description="an ending id (text) or null")
    outcome: Optional[StrictStr] = Field(description="an outcome (text) or null",
                                         json_schema_extra={"enum": [*OUTCOMES, None]})
    path: list[PlayStep] = Field(description="a list of decision steps")
    state: dict[str, Any] = Field(description="an object of case variables")
    score: StrictInt = Field(description="a whole number")
    max_score: StrictInt = Field(description="a whole number")
    expert: list[list[StrictStr]] = Field(description="a list of [node, choice] pairs")

    @field_validator("outcome")
    @classmethod
    def _outcome(cls, v: str | None, info: ValidationInfo) -> str | None:
        _one_of(OUTCOMES, "outcome")(v, info)
        ended, ending = info.data.get("ended"), info.data.get("ending", ...)
        if "ended" in info.data and ending is not ... and (ended != (ending is not None) or ended != (v is not None)):
            raise ValueError("fields 'ended', 'ending' and 'outcome' disagree: an ended play names its ending and "
                             "outcome, an unfinished one has null for both")
        return v

    _path = field_validator("path", mode="before")(_some("no decision was taken"))

    @field_validator("expert", mode="before")
    @classmethod
    def _expert(cls, v: Any) -> Any:
        if isinstance(v, list):
            for k, pair in enumerate(v):
                if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                    raise ValueError(f"expert[{k}]: expected a [node, choice] pair of texts, got {show(pair)}")
        return v


# --- messages --------------------------------------------------------------------------------------------
def kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "integer", float: "number", str: "text", list: "list",
            dict: "object"}.get(type(value), type(value).__name__)


def show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 90 else text[:87] + "..."


def parse_date(text: str, where: str = "") -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError):
        raise Bad(f"{where}field 'date': not an ISO date and time: {text!r}") from None
    if pd.isna(stamp):
        raise Bad(f"{where}field 'date': not an ISO date and time: {text!r}")
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


# Where a list of sub-objects is named in a message: "items[0] (item 'x'): ", "path[2]: ".
_NESTED = {"items": "id", "path": None}
_ALL_FIELDS_NOTE = {QuizResult: "a quiz result", VignettePlay: "a vignette play"}


def problem(model: type[BaseModel], exc: ValidationError, doc: dict, where: str) -> str:
    """The first problem of ``doc`` as one sentence, in the order the reader checks a file: the
    top-level fields (missing ones first), then each sub-object in turn (missing fields first)."""
    errors = sorted(enumerate(exc.errors()), key=lambda e: (
        len(e[1]["loc"]) > 1 and e[1]["loc"][0] in _NESTED,
        e[1]["loc"][1] if len(e[1]["loc"]) > 1 and e[1]["loc"][0] in _NESTED else 0,
        e[1]["type"] != "missing", e[0]))
    _, err = errors[0]
    loc, at, owner, obj = list(err["loc"]), where, model, doc
    if len(loc) > 1 and loc[0] in _NESTED and isinstance(loc[1], int):
        name, n = loc[0], loc[1]
        obj = doc[name][n]
        owner = model.model_fields[name].annotation.__args__[0]
        ident = obj.get(_NESTED[name]) if isinstance(obj, dict) and _NESTED[name] else None
        at = f"{where}{name}[{n}]" + (f" (item {ident!r})" if isinstance(ident, str) and ident else "") + ": "
        loc = loc[2:]
        if not loc:
            return f"{where}{name}[{n}]: expected an object, got {kind(obj)}"
    field = str(loc[0]) if loc else ""
    if err["type"] == "missing":
        note = _ALL_FIELDS_NOTE.get(owner)
        every = f" ({note} has {', '.join(owner.model_fields)})" if note else ""
        return f"{at}missing field {field!r}{every}"
    if err["type"] == "value_error":
        return f"{at}{err['ctx']['error']}"
    what = owner.model_fields[field].description if field in owner.model_fields else "another value"
    value = obj.get(field) if isinstance(obj, dict) else obj
    return f"{at}field {field!r}: expected {what}, got {kind(value)} {show(value)}"


def validate(model: type[BaseModel], doc: dict, where: str) -> BaseModel:
    """``doc`` as ``model``, or :class:`Bad` with the first problem."""
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        raise Bad(problem(model, exc, doc, where)) from None


# --- JSON Schema -------------------------------------------------------------------------------------------
SCHEMAS = {"quiz-result": (QuizResult, "Hasil kuis (Unduh hasil JSON)"),
           "quiz-result-csv-row": (QuizCsvRow, "Satu baris hasil kuis (Unduh hasil CSV)"),
           "vignette-play": (VignettePlay, "Jalur kasus simulasi (Unduh jalur saya JSON)")}


def json_schema(name: str) -> dict:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def write_schemas(out_dir: Path) -> list[Path]:
    return [write_json_schema(Path(out_dir) / f"{name}.schema.json", json_schema(name)) for name in SCHEMAS]
