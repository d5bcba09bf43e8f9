"""The student's learning record ("catatan belajar"): one file for the whole course.

The book keeps it in the browser under one localStorage key (``peksos/widgets/record.js``) and the
"Kemajuan saya" page downloads it as ``catatan-belajar-<date>.json``. These pydantic models ARE its
format: ``peksos schema`` writes them as ``quizzes/schema/record.schema.json``, and every file is
checked with them when it is read (:func:`load`, :func:`peksos.results.read`).

- ``attempts``: every checked answer (quiz id, item id, type, level, chapter, topic tags, list id,
  section, the answer, its score and whether the answer was shown instead), in the order given.
- ``plays``: every vignette play from its first decision: the path (each step's node, choice, rating
  as the judgment, points and state after), the state, the ending and its outcome.
- ``ui``: what each quiz and case shows on its page (free form, for the browser only).

 The same record as xAPI 1.0.3 statements comes from ``peksos/widgets/xapi.js``; :mod:`peksos.xapi`
checks their structure.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .data import CHAPTERS
from .quiz.schema import LEVELS, TYPES, write_json_schema
from .vignette.schema import OUTCOMES, RATINGS

FORMAT = "peksos-catatan"
VERSION = 2
COURSE = "peksos-pengantar"
SCHEMA_FILE = "record.schema.json"


class RecordError(ValueError):
    """A file is not a sound learning record of this course; the message names the file and the field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Attempt(_Model):
    at: datetime = Field(description="When the answer was checked (ISO 8601).")
    quiz: str = Field(min_length=1, description="Quiz id (the bank id, 'latihan-<n>' on the practice page).")
    item: str = Field(min_length=1, description="Item id, unique across every bank.")
    type: Optional[Literal[TYPES]] = None  # type: ignore[valid-type]
    level: Optional[Literal[LEVELS]] = None  # type: ignore[valid-type]
    chapter: Optional[Literal[CHAPTERS]] = None  # type: ignore[valid-type]
    tags: list[str] = Field(default_factory=list, description="Topic tags of the item.")
    list_id: Optional[str] = Field(None, description="Inventory id of the concept list the item tests.")
    section: Optional[str] = Field(None, description="Label of the book section that teaches it.")
    answer: Any = Field(description="The answer as the quiz engine stores it.")
    shown: bool = Field(description="The answer was shown instead of given (scores 0).")
    score: Optional[float] = Field(ge=0, le=1, description="0..1; null only for an answer moved in from an "
                                                            "older version of the book and not yet scored.")
    correct: bool = False


class Step(_Model):
    node: str
    choice: str
    rating: Literal[RATINGS]  # type: ignore[valid-type]
    points: int = Field(ge=0, le=3)
    state_after: dict[str, int]


class Play(_Model):
    at: datetime = Field(description="When the play began (its first decision).")
    vignette: str = Field(min_length=1)
    ended: bool
    ending: Optional[str]
    outcome: Optional[Literal[OUTCOMES]]  # type: ignore[valid-type]
    path: list[Step] = Field(min_length=1, description="The decisions in order; each rating is the judgment.")
    state: dict[str, int]
    score: int = Field(ge=0)
    max_score: int = Field(ge=0)


class Record(_Model):
    format: Literal[FORMAT]  # type: ignore[valid-type]
    v: Literal[VERSION]  # type: ignore[valid-type]
    course: Literal[COURSE]  # type: ignore[valid-type]
    seed: int = Field(ge=0, lt=2**32, description="The reader's seed (shuffles, pools, practice draws).")
    created: datetime
    attempts: list[Attempt]
    plays: list[Play]
    ui: dict[str, dict[str, Any]] = Field(default_factory=dict)


def json_schema() -> dict:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Catatan belajar peksos"
    return schema


def write_schema(out_dir: Path) -> Path:
    return write_json_schema(Path(out_dir) / SCHEMA_FILE, json_schema())


def is_record(doc: Any) -> bool:
    """Does this JSON claim to be a learning record (of any course or version)?"""
    return isinstance(doc, dict) and doc.get("format") == FORMAT


def validate(doc: Any, where: str = "") -> Record:
    """The record, or :class:`RecordError` naming the first bad fields (``attempts[3].score: ...``)."""
    if not is_record(doc):
        raise RecordError(f"{where}not a learning record (field 'format' must be {FORMAT!r})")
    if doc.get("course") != COURSE:
        raise RecordError(f"{where}field 'course': {doc.get('course')!r} is another course (expected {COURSE!r})")
    try:
        return Record.model_validate(doc)
    except ValidationError as exc:
        lines = []
        for err in exc.errors()[:5]:
            loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
            lines.append(f"field {loc!r}: {err['msg']}")
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise RecordError(f"{where}" + "; ".join(lines) + more) from None


def load(path: Path | str) -> Record:
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RecordError(f"{path}: not a readable JSON file ({exc})") from None
    return validate(doc, f"{path}: ")
