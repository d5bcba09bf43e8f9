"""The schema of a quiz bank: seven item types in one discriminated union on ``type``.

A bank file (YAML under ``quizzes/``) holds ``id``, ``title``, ``chapter`` and ``items``.
Every item carries the fields in :class:`_ItemBase`; what the reader answers depends on
its type:

- ``pilihan-tunggal`` (single choice): ``options`` with exactly one ``correct: true``.
- ``pilihan-ganda`` (multiple select): ``options`` with at least one ``correct: true``.
- ``benar-salah`` (true/false): ``answer`` (true/false) and ``feedback.benar``/``feedback.salah``,
  the feedback for the reader who picks "Benar" or "Salah".
- ``menjodohkan`` (matching): ``pairs`` of ``left``/``right``/``feedback``, plus optional
  ``distractors`` (extra right-hand choices with their feedback).
- ``mengurutkan`` (ordering): ``steps`` in the correct order, each with ``feedback``.
- ``mengelompokkan`` (categorise): ``groups`` (names) and ``entries`` (``text``, ``group``,
  ``feedback``).
- ``isian`` (fill in a term): ``accepted`` variants (case- and diacritic-insensitive),
  ``feedback.benar``/``feedback.salah`` and optional ``near_misses`` with their own feedback.

Text fields take a small Markdown subset (``**bold**``, ``*italic*``, ```code```,
``[text](relative-link)``); HTML is never interpreted.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from ..data import CHAPTERS

LEVELS = ("ingat", "paham", "terapkan", "analisis")
TYPES = ("pilihan-tunggal", "pilihan-ganda", "benar-salah", "menjodohkan", "mengurutkan", "mengelompokkan",
         "isian")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SCHEMA_FILE = Path("schema") / "quiz.schema.json"

Text = Annotated[str, Field(min_length=1)]


def _no_blank(v: str) -> str:
    if not v.strip():
        raise ValueError("must not be empty")
    if "TODO" in v:
        raise ValueError("still contains TODO")
    return v.strip()


def normalise(text: str) -> str:
    """What an ``isian`` answer is compared on: no case, no diacritics, single spaces.

    The same rule as ``norm`` in ``peksos/widgets/engine.js``.
    """
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return re.sub(r"\s+", " ", stripped.lower()).strip()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Option(_Model):
    text: str
    correct: bool = False
    feedback: str = Field(description="Why this option is right or wrong.")

    _t = field_validator("text", "feedback")(_no_blank)


class Verdict(_Model):
    """Feedback for a right (``benar``) and a wrong (``salah``) answer."""

    benar: str
    salah: str

    _t = field_validator("benar", "salah")(_no_blank)


class Pair(_Model):
    left: str
    right: str
    feedback: str = Field(description="Why the right side belongs to the left side.")

    _t = field_validator("left", "right", "feedback")(_no_blank)


class Choice(_Model):
    text: str
    feedback: str

    _t = field_validator("text", "feedback")(_no_blank)


class Entry(_Model):
    text: str
    group: str
    feedback: str = Field(description="Why the entry belongs to its group.")

    _t = field_validator("text", "group", "feedback")(_no_blank)


class _ItemBase(_Model):
    id: str = Field(pattern=ID_PATTERN, description="Stable id, unique across every bank file.")
    prompt: str
    explanation: str = Field(description="Shown after checking: the idea behind the answer.")
    section: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
                         description="Reference label of the book section that teaches it, "
                                     "e.g. daftar-purposes-zastrow-2017 or pengertian-definisi.")
    list_id: str = Field(description="Inventory id of the concept list the item tests.")
    level: Literal[LEVELS]  # type: ignore[valid-type]
    tags: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(min_length=1, description="Topic tags.")

    _t = field_validator("prompt", "explanation", "list_id")(_no_blank)

    @field_validator("tags")
    @classmethod
    def _unique_tags(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("a tag is listed twice")
        return v


def at(field: str, message: str) -> ValueError:
    """A model-level error that names its field: ``[options[2].text] message`` (the loader reads it)."""
    return ValueError(f"[{field}] {message}")


def _distinct(values: list[str], what: str, field) -> None:
    """``field``: a format string with ``{n}`` for the index of the value, or a function of it."""
    seen: set[str] = set()
    for n, v in enumerate(values):
        key = normalise(v)
        if key in seen:
            raise at(field(n) if callable(field) else field.format(n=n), f"{what} {v!r} appears twice")
        seen.add(key)


class SingleChoice(_ItemBase):
    type: Literal["pilihan-tunggal"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self):
        n = sum(o.correct for o in self.options)
        if n == 0:
            raise at("options", "no correct answer: mark exactly one option with correct: true")
        if n > 1:
            raise at("options", f"{n} options are marked correct; a single-choice item has exactly one "
                                "(use type pilihan-ganda for several)")
        _distinct([o.text for o in self.options], "option", "options[{n}].text")
        return self


class MultiSelect(_ItemBase):
    type: Literal["pilihan-ganda"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self):
        if not any(o.correct for o in self.options):
            raise at("options", "no correct answer: mark at least one option with correct: true")
        _distinct([o.text for o in self.options], "option", "options[{n}].text")
        return self


class TrueFalse(_ItemBase):
    type: Literal["benar-salah"]
    answer: bool = Field(description="true when the statement in the prompt is right.")
    feedback: Verdict


class Matching(_ItemBase):
    type: Literal["menjodohkan"]
    pairs: list[Pair] = Field(min_length=2)
    distractors: list[Choice] = Field(default_factory=list,
                                      description="Extra right-hand choices that match no left side.")

    @model_validator(mode="after")
    def _sides(self):
        _distinct([p.left for p in self.pairs], "left side", "pairs[{n}].left")
        n = len(self.pairs)
        _distinct([p.right for p in self.pairs] + [d.text for d in self.distractors], "right side",
                  lambda i: f"pairs[{i}].right" if i < n else f"distractors[{i - n}].text")
        return self


class Ordering(_ItemBase):
    type: Literal["mengurutkan"]
    steps: list[Choice] = Field(min_length=2, description="The steps in their correct order.")

    @model_validator(mode="after")
    def _distinct_steps(self):
        _distinct([s.text for s in self.steps], "step", "steps[{n}].text")
        return self


class Categorise(_ItemBase):
    type: Literal["mengelompokkan"]
    groups: list[Annotated[str, Field(min_length=1)]] = Field(min_length=2)
    entries: list[Entry] = Field(min_length=2)

    @model_validator(mode="after")
    def _known_groups(self):
        _distinct(self.groups, "group", "groups[{n}]")
        for n, e in enumerate(self.entries):
            if e.group not in self.groups:
                raise at(f"entries[{n}].group", f"the correct group {e.group!r} is not one of the groups "
                                                f"({', '.join(self.groups)})")
        _distinct([e.text for e in self.entries], "entry", "entries[{n}].text")
        return self


class Cloze(_ItemBase):
    type: Literal["isian"]
    accepted: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Accepted answers; compared without case, diacritics or extra spaces.")
    feedback: Verdict
    near_misses: list[Choice] = Field(default_factory=list,
                                      description="Likely wrong answers with their own feedback.")

    @model_validator(mode="after")
    def _answers(self):
        if not any(a.strip() for a in self.accepted):
            raise at("accepted", "no correct answer: accepted has no non-empty answer")
        ok = {normalise(a) for a in self.accepted}
        for n, m in enumerate(self.near_misses):
            if normalise(m.text) in ok:
                raise at(f"near_misses[{n}].text", f"{m.text!r} is also an accepted answer")
        return self


Item = Annotated[Union[SingleChoice, MultiSelect, TrueFalse, Matching, Ordering, Categorise, Cloze],
                 Field(discriminator="type")]
ITEM = TypeAdapter(Item)


class Bank(_Model):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]
    description: str = ""
    mastery: int | None = Field(None, ge=0, le=100, description=(
        "Percentage of the maximum score that passes the bank's SCORM package (peksos export scorm); default 80."))
    items: list[Item] = Field(min_length=1)

    _t = field_validator("title")(_no_blank)

    def item(self, item_id: str):
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)


def json_schema() -> dict:
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Bank soal kuis peksos"
    return schema


def write_json_schema(path: Path, schema: dict) -> Path:
    """Write a JSON Schema file (only when its text changes, so that the build sees no new file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def write_schema(out_dir: Path) -> Path:
    return write_json_schema(Path(out_dir) / SCHEMA_FILE.name, json_schema())
