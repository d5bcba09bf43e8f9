"""The shared part of every results file a student downloads: the pydantic base of the file formats, the
validators they share, the two errors, and the sentence a bad file gets ("field 'tries': expected a whole
number, got true/false").

Each content kind describes its own files in its folder (``peksos/quiz/results.py``,
``peksos/vignette/results.py``) on top of this module, and :mod:`peksos.results` reads a class folder with
them. This module imports no content kind and not :mod:`peksos.results`, so both can import it.
"""
from __future__ import annotations

import json
import math
import typing
from typing import Any, ClassVar

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo


class ResultsError(ValueError):
    """Results files are malformed. ``problems`` holds one line per problem, each naming its file."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class Bad(Exception):
    """One problem in one file (the file is named by the caller)."""


class File(BaseModel):
    """A results file, or one object inside it. Unknown fields are passed over (a newer book may add some).

    ``called``: how a missing field's message names the whole file ("a quiz result has quiz, bank, ...").
    ``named_by``: for an object in a list, the word and the field that name it in messages ("item", "id"
    gives ``items[0] (item 'x'): ``)."""
    model_config = ConfigDict(extra="ignore")

    called: ClassVar[str | None] = None
    named_by: ClassVar[tuple[str, str] | None] = None


# --- validators the formats share ------------------------------------------------------------------------
def filled(v: str, info: ValidationInfo) -> str:
    if not v:
        raise ValueError(f"field {info.field_name!r} is empty")
    return v


def one_of(values, what: str):
    """A validator: the value must be one of ``values`` ("unknown <what> ..." otherwise)."""
    def check(v: str | None, info: ValidationInfo) -> str | None:
        if v is not None and v not in values:
            raise ValueError(f"field {info.field_name!r}: unknown {what} {v!r} (one of {', '.join(values)})")
        return v
    return check


def some(why: str):
    """A validator: a list must not be empty ("field 'x' is empty: <why>" otherwise)."""
    def check(v: Any, info: ValidationInfo) -> Any:
        if isinstance(v, list) and not v:
            raise ValueError(f"field {info.field_name!r} is empty: {why}")
        return v
    return check


def finite(v: float, info: ValidationInfo) -> float:
    if not math.isfinite(v):
        raise ValueError(f"field {info.field_name!r}: expected a finite number, got {v!r}")
    return v


# --- messages --------------------------------------------------------------------------------------------
def kind(value: Any) -> str:
    """The JSON type of ``value`` as a message names it ("true/false", "text", ...)."""
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


def nested(model: type[BaseModel]) -> dict[str, type[File]]:
    """The fields of ``model`` that hold a list of objects (a quiz result's items, a play's path): field ->
    the objects' model. A message names such an object by its place ("path[2]: ")."""
    out = {}
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation)
        if typing.get_origin(info.annotation) is list and args and isinstance(args[0], type) \
                and issubclass(args[0], File):
            out[name] = args[0]
    return out


def problem(model: type[BaseModel], exc: ValidationError, doc: dict, where: str) -> str:
    """The first problem of ``doc`` as one sentence, in the order the reader checks a file: the
    top-level fields (missing ones first), then each sub-object in turn (missing fields first)."""
    inner = nested(model)
    errors = sorted(enumerate(exc.errors()), key=lambda e: (
        len(e[1]["loc"]) > 1 and e[1]["loc"][0] in inner,
        e[1]["loc"][1] if len(e[1]["loc"]) > 1 and e[1]["loc"][0] in inner else 0,
        e[1]["type"] != "missing", e[0]))
    _, err = errors[0]
    loc, at, owner, obj = list(err["loc"]), where, model, doc
    if len(loc) > 1 and loc[0] in inner and isinstance(loc[1], int):
        name, n = loc[0], loc[1]
        obj, owner = doc[name][n], inner[name]
        word, key = owner.named_by or ("", None)
        ident = obj.get(key) if isinstance(obj, dict) and key else None
        at = f"{where}{name}[{n}]" + (f" ({word} {ident!r})" if isinstance(ident, str) and ident else "") + ": "
        loc = loc[2:]
        if not loc:
            return f"{where}{name}[{n}]: expected an object, got {kind(obj)}"
    field = str(loc[0]) if loc else ""
    if err["type"] == "missing":
        note = getattr(owner, "called", None)
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


def json_schema(model: type[BaseModel], title: str) -> dict:
    """``model`` as a JSON Schema document (draft 2020-12) with ``title``."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema
