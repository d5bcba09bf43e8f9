"""The schema of a case vignette: a branching, stateful client simulation.

A vignette file (YAML under ``quizzes/vignettes/``) declares state ``variables``
(e.g. rapport, risiko), a ``start`` node, decision ``nodes`` and ``endings``.
Each node has a narrative, an optional case-record excerpt and ``choices``. A
choice is rated (tepat / dapat-diterima / berisiko / merugikan), gives feedback,
changes variables (``effects``), may be offered only when a ``condition`` on the
state holds, and leads to one node (``next``) or to the first of several
``branches`` whose ``if`` holds (the last branch has no ``if``). Choices name the
principles they apply or violate as ``<inventory list id>#<item position>``.

Conditions are ``<variable> <op> <integer>`` clauses joined by ``and`` / ``or``
(``and`` binds tighter), with ``>= <= > < == !=``.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..data import CHAPTERS

RATINGS = ("tepat", "dapat-diterima", "berisiko", "merugikan")
RATING_POINTS = {"tepat": 3, "dapat-diterima": 2, "berisiko": 1, "merugikan": 0}
OUTCOMES = ("baik", "sebagian", "buruk")
METHODS = ("casework", "groupwork", "komunitas", "etika", "pencatatan", "asesmen")
ID = r"^[a-z0-9][a-z0-9-]*$"
NAME = r"^[a-z][a-z0-9_]*$"

_CLAUSE = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+)\s*$")


class ConditionError(ValueError):
    """A condition does not parse."""


def parse_condition(text: str) -> dict:
    """``"rapport >= 2 and risiko < 3 or kepercayaan == 4"`` -> ``{"any": [{"all": [[name, op, n], ...]}, ...]}``."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("empty condition")
    alternatives = []
    for alt in re.split(r"\s+or\s+", text.strip()):
        clauses = []
        for part in re.split(r"\s+and\s+", alt):
            m = _CLAUSE.match(part)
            if not m:
                raise ConditionError(f"cannot read {part.strip()!r}: expected '<variable> <op> <integer>' "
                                     "with op one of >= <= > < == != and clauses joined by 'and' / 'or'")
            clauses.append([m.group(1), m.group(2), int(m.group(3))])
        alternatives.append({"all": clauses})
    return {"any": alternatives}


def condition_names(ast: dict) -> set[str]:
    return {c[0] for alt in ast["any"] for c in alt["all"]}


_OPS = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        "<": lambda a, b: a < b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}


def holds(ast: dict | None, state: dict[str, int]) -> bool:
    """Evaluate a parsed condition on a state (the same rule as the player's JS)."""
    if ast is None:
        return True
    return any(all(_OPS[op](state[name], value) for name, op, value in alt["all"]) for alt in ast["any"])


def _text(v: str) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ValueError("must not be empty")
    if "TODO" in v:
        raise ValueError("still contains TODO")
    return v.strip()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Variable(_Model):
    name: str = Field(pattern=NAME)
    label: str
    initial: int = 0
    min: int = -5
    max: int = 5

    _t = field_validator("label")(_text)

    @model_validator(mode="after")
    def _range(self) -> "Variable":
        if not self.min <= self.initial <= self.max:
            raise ValueError(f"initial value {self.initial} is outside min {self.min} .. max {self.max}")
        return self


class PrincipleRef(_Model):
    """An item of an inventory list, written ``list.id#3`` (or the list alone, ``list.id``)."""

    list_id: str
    item: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value):
        if isinstance(value, str):
            list_id, _, item = value.partition("#")
            if item and not item.isdigit():
                raise ValueError(f"{value!r}: the part after '#' must be an item position")
            return {"list_id": list_id.strip(), "item": int(item) if item else None}
        return value

    def __str__(self) -> str:
        return self.list_id + (f"#{self.item}" if self.item else "")


class Branch(_Model):
    if_: str | None = Field(default=None, alias="if")
    to: str = Field(pattern=ID)


class Choice(_Model):
    id: str = Field(pattern=ID)
    text: str
    rating: Literal[RATINGS]  # type: ignore[valid-type]
    feedback: str
    effects: dict[str, int] = Field(default_factory=dict)
    condition: str | None = None
    next: str | None = Field(default=None, pattern=ID)
    branches: list[Branch] | None = None
    applies: list[PrincipleRef] = Field(default_factory=list)
    violates: list[PrincipleRef] = Field(default_factory=list)

    _t = field_validator("text", "feedback")(_text)

    @model_validator(mode="after")
    def _one_way_on(self) -> "Choice":
        if (self.next is None) == (self.branches is None):
            raise ValueError("[next] a choice needs exactly one of 'next' or 'branches'")
        if self.branches is not None:
            if not self.branches:
                raise ValueError("[branches] must not be empty")
            if self.branches[-1].if_ is not None:
                raise ValueError("[branches] the last branch must have no 'if' (it is the default)")
            if any(b.if_ is None for b in self.branches[:-1]):
                raise ValueError("[branches] only the last branch may lack an 'if'")
        return self


class Node(_Model):
    id: str = Field(pattern=ID)
    title: str
    narrative: str
    record: str | None = None
    choices: list[Choice] = Field(min_length=1)

    _t = field_validator("title", "narrative")(_text)


class Ending(_Model):
    id: str = Field(pattern=ID)
    title: str
    outcome: Literal[OUTCOMES]  # type: ignore[valid-type]
    narrative: str

    _t = field_validator("title", "narrative")(_text)


class Vignette(_Model):
    id: str = Field(pattern=ID)
    title: str
    method: Literal[METHODS]  # type: ignore[valid-type]
    setting: str
    summary: str
    content_note: str | None = None
    chapter: str
    variables: list[Variable] = Field(default_factory=list)
    start: str = Field(pattern=ID)
    nodes: list[Node] = Field(min_length=1)
    endings: list[Ending] = Field(min_length=1)
    debrief: str

    _t = field_validator("title", "setting", "summary", "debrief")(_text)

    @field_validator("chapter")
    @classmethod
    def _chapter(cls, v: str) -> str:
        if v not in CHAPTERS:
            raise ValueError(f"unknown chapter {v!r}; one of {', '.join(CHAPTERS)}")
        return v


def json_schema() -> dict:
    schema = Vignette.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Vinyet kasus (peksos)"
    return schema
