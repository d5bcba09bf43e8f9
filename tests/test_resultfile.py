"""peksos.resultfile: the shared base of the results files; a bad file's first problem as one sentence, an
object in a list named by its place (and its id when the model says so), a missing field with the whole
file's fields."""
from __future__ import annotations

from typing import ClassVar

import pandas as pd
import pytest
from pydantic import Field, StrictInt, StrictStr, field_validator

from peksos import resultfile as rf


class Line(rf.File):
    named_by: ClassVar = ("baris", "kode")
    kode: StrictStr = Field(description="a code (text)")
    jumlah: StrictInt = Field(description="a whole number")


class Sheet(rf.File):
    called: ClassVar = "a sheet"
    name: StrictStr = Field(description="a name (text)")
    lines: list[Line] = Field(description="a list of lines")
    tags: list[StrictStr] = Field(description="a list of tags")

    _name = field_validator("name")(rf.filled)
    _lines = field_validator("lines", mode="before")(rf.some("nothing was counted"))


def good() -> dict:
    return {"name": "x", "lines": [{"kode": "a", "jumlah": 1}, {"kode": "b", "jumlah": 2}], "tags": []}


def test_the_lists_of_objects_are_found_from_the_model():
    assert rf.nested(Sheet) == {"lines": Line} and rf.nested(Line) == {}


@pytest.mark.parametrize("change, says", [
    (lambda d: d.pop("tags"), "s: missing field 'tags' (a sheet has name, lines, tags)"),
    (lambda d: d.update(name=""), "s: field 'name' is empty"),
    (lambda d: d.update(lines=[]), "s: field 'lines' is empty: nothing was counted"),
    (lambda d: d["lines"][1].update(jumlah="2"), "s: lines[1] (baris 'b'): field 'jumlah': expected a whole number, got text '2'"),
    (lambda d: d["lines"][0].pop("jumlah"), "s: lines[0] (baris 'a'): missing field 'jumlah'"),
    (lambda d: d["lines"].__setitem__(0, 7), "s: lines[0]: expected an object, got integer"),
    # the top-level fields come first, whatever pydantic's order
    (lambda d: (d["lines"][0].pop("jumlah"), d.pop("name")), "s: missing field 'name' (a sheet has name, lines, tags)"),
])
def test_the_first_problem_is_one_sentence(change, says):
    doc = good()
    change(doc)
    with pytest.raises(rf.Bad) as err:
        rf.validate(Sheet, doc, "s: ")
    assert str(err.value) == says


def test_values_and_dates_as_messages_show_them():
    assert [rf.kind(v) for v in (None, True, 1, 1.5, "a", [], {})] == [
        "null", "true/false", "integer", "number", "text", "list", "object"]
    assert rf.show("a") == "'a'" and rf.show([1]) == "[1]" and rf.show("x" * 200).endswith("...")
    assert rf.parse_date("2026-03-02T09:15:00+07:00") == pd.Timestamp("2026-03-02T02:15:00Z")
    with pytest.raises(rf.Bad, match="at: field 'date': not an ISO date and time: 'besok'"):
        rf.parse_date("besok", "at: ")


def test_a_model_becomes_a_titled_json_schema():
    schema = rf.json_schema(Sheet, "Lembar")
    assert schema["title"] == "Lembar" and schema["$schema"].endswith("2020-12/schema")
    assert schema["required"] == ["name", "lines", "tags"] and "called" not in schema["properties"]
