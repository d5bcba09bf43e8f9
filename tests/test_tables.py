"""peksos.tables: DataFrames with Indonesian headers built from data/."""
from __future__ import annotations

import pytest

from peksos import tables
from peksos.data import DataError


def test_concept_list_headers_and_rows():
    df = tables.concept_list("functions.cswe-1959")
    assert list(df.columns) == ["No.", "Istilah", "Istilah Inggris", "Penjelasan"]
    assert df["No."].tolist() == [1, 2, 3]


def test_concept_list_rejects_an_unknown_column():
    with pytest.raises(DataError, match="unknown column"):
        tables.concept_list("functions.cswe-1959", ("position", "colour"))


def test_compare_pads_the_shorter_list():
    df = tables.compare_lists(["functions.pincus-minahan-1973", "functions.cswe-1959"])
    assert len(df) == 6
    assert df.iloc[-1, 2] == ""
    assert df.columns[1].startswith("Pincus")


def test_compare_needs_two_lists():
    with pytest.raises(DataError, match="at least two"):
        tables.compare_lists(["functions.cswe-1959"])


def test_definitions_by_id_keep_the_order_asked():
    df = tables.definitions(def_ids=["nasw", "siporin-1975"])
    assert df["Ahli"].tolist()[1].startswith("Max Siporin")
    with pytest.raises(DataError, match="unknown definition id"):
        tables.definitions(def_ids=["nobody"])


def test_timeline_is_chronological():
    df = tables.timeline()
    assert len(df) == 33
    assert df["Waktu"].iloc[0] != df["Waktu"].iloc[-1]


def test_authority_label():
    assert tables.authority_label("Zastrow", 2017) == "Zastrow (2017)"
    assert tables.authority_label("Trecker", None) == "Trecker"
    assert tables.authority_label("Permensos No. 12 Tahun 2017", 2017) == "Permensos No. 12 Tahun 2017"
    assert tables.authority_label("tidak disebutkan", None) == "tanpa rujukan ahli"


def test_lists_of_chapter_cover_every_list_once():
    from peksos import data

    seen = [lid for ch in data.CHAPTERS for lid in tables.lists_of_chapter(ch)]
    assert sorted(seen) == sorted(data.load("lists")["list_id"])


def test_concept_list_example_column_names_the_setting():
    df = tables.concept_list("techniques.group-work", ("position", "example"))
    assert list(df.columns) == ["No.", "Contoh"]
    assert df["Contoh"].str.startswith("**").all()
    assert df["Contoh"].iloc[0].startswith("**Panti sosial:** ")
    empty = tables.concept_list("functions.cswe-1959", ("position", "example"))
    assert (empty["Contoh"] == "").all()
