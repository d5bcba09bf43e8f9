"""peksos.data: every table loads, matches the inventory, and bad input is named precisely."""
from __future__ import annotations

import csv
import re

import pytest

from peksos import data

from .conftest import SHARED

INVENTORY = SHARED / "content-inventory.md"


def inventory_lists() -> dict[str, int]:
    text = INVENTORY.read_text(encoding="utf-8")
    found: dict[str, int] = {}
    for block in re.split(r"^#### ", text, flags=re.M)[1:]:
        m = re.match(r"L\d{3} · `([^`]+)`", block)
        n = re.search(r"^- \*\*Items:\*\* (\d+)", block, flags=re.M)
        if m and n:
            found[m.group(1)] = int(n.group(1))
    return found


@pytest.mark.parametrize("name", list(data.TABLES))
def test_every_table_loads(name):
    df = data.load(name)
    assert len(df) > 0


def test_cross_table_checks_pass():
    assert data.check_all() == []


def test_every_inventory_list_is_present_with_its_item_count():
    if not INVENTORY.exists():
        pytest.skip(f"{INVENTORY} not beside the project")
    expected = inventory_lists()
    assert len(expected) == 118 and sum(expected.values()) == 579
    lists = data.load("lists").set_index("list_id")
    items = data.load("items")
    assert set(lists.index) == set(expected)
    counts = items.groupby("list_id").size().to_dict()
    wrong = {k: (counts.get(k), v) for k, v in expected.items() if counts.get(k) != v}
    assert wrong == {}
    assert len(items) == 579


def test_no_empty_description_and_every_row_names_its_seed():
    items = data.load("items")
    assert (items["description"].str.len() > 20).all()
    assert items["seed"].isin(data.SEEDS).all()
    for name in ("definitions", "timeline", "institutions", "disagreements"):
        assert data.load(name)["seed"].str.len().gt(0).all(), name


def test_sizes_of_the_reference_tables():
    assert len(data.load("definitions")) == 30
    assert len(data.load("timeline")) == 33
    assert len(data.load("institutions")) == 22
    assert len(data.load("disagreements")) == 20
    assert len(data.load("sources")) == 5
    assert len(data.load("glossary")) >= 80


def test_concept_list_returns_items_in_order():
    meta, items = data.concept_list("purposes.zastrow-2017")
    assert meta["authority"].startswith("Zastrow") and meta["year"] == 2017
    assert items["position"].tolist() == [1, 2]


def test_unknown_list_and_table_are_named():
    with pytest.raises(data.DataError, match="unknown concept list id 'nope'"):
        data.concept_list("nope")
    with pytest.raises(data.DataError, match="unknown table 'nope'"):
        data.load("nope")


def _rewrite(path, mutate):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
        fields = list(rows[0].keys())
    mutate(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def test_an_empty_description_names_file_line_row_and_column(tiny_root):
    path = tiny_root / "data" / "concepts" / "002_items.csv"
    _rewrite(path, lambda rows: rows[3].update(description=""))
    with pytest.raises(data.DataError) as err:
        data.load("items")
    msg = str(err.value)
    assert "002_items.csv: line 5" in msg and "'description'" in msg and "must not be empty" in msg


def test_html_in_data_text_is_rejected(tiny_root):
    path = tiny_root / "data" / "concepts" / "000_items.csv"
    _rewrite(path, lambda rows: rows[0].update(label_id="<script>alert(1)</script>"))
    with pytest.raises(data.DataError, match="contains HTML markup"):
        data.load("items")


def test_an_unknown_seed_and_a_bad_year_are_named(tiny_root):
    path = tiny_root / "data" / "concepts" / "001_lists.csv"
    _rewrite(path, lambda rows: rows[0].update(seed="009", year="19x9"))
    with pytest.raises(data.DataError) as err:
        data.load("lists")
    assert "unknown seed '009'" in str(err.value) and "year must be four digits" in str(err.value)


def test_a_duplicate_key_is_named_with_both_places(tiny_root):
    path = tiny_root / "data" / "definitions.csv"
    _rewrite(path, lambda rows: rows[1].update(def_id=rows[0]["def_id"]))
    with pytest.raises(data.DataError, match=r"duplicate value .* \(also at definitions.csv line 3\)"):
        data.load("definitions")


def test_an_unknown_column_stops_the_load(tiny_root):
    path = tiny_root / "data" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("note_id", "notes", 1), encoding="utf-8")
    with pytest.raises(data.DataError, match="unknown column\\(s\\): notes"):
        data.load("sources")


def test_item_count_mismatch_is_reported_by_check_all(tiny_root):
    path = tiny_root / "data" / "concepts" / "003_lists.csv"
    _rewrite(path, lambda rows: rows[0].update(item_count="99"))
    problems = data.check_all()
    assert any("item_count is 99" in p for p in problems)


def test_every_cite_key_in_the_data_is_in_the_bibliography():
    import pybtex.database

    from .conftest import ROOT

    bib = set(pybtex.database.parse_file(str(ROOT / "book" / "references.bib")).entries)
    used = set()
    for name in ("lists", "definitions", "timeline"):
        for keys in data.load(name)["cite_keys"]:
            used.update(k for k in keys.split(";") if k)
    assert used - bib == set()
    # the works the sources cite but leave out of their own reference lists are in it too
    assert {"pincus1973", "hepworth1982", "morales1983", "rothman1976", "toseland2017", "dubois2014",
            "kirstashman2010"} <= bib


# --- practice examples (data/examples/<chapter>.csv) ---------------------------------------------
EXAMPLE_HEADER = "list_id,position,example_id,setting\n"
A_ROW = "techniques.group-work,1,Peserta memerankan wawancara kerja sebelum meninggalkan panti.,panti sosial\n"


def _examples_file(root, chapter: str, body: str):
    path = root / "data" / "examples" / f"{chapter}.csv"
    path.write_text(EXAMPLE_HEADER + body, encoding="utf-8")
    return path


def test_examples_load_with_their_settings():
    df = data.examples()
    assert set(df["setting"]) <= set(data.SETTINGS)
    assert not df.duplicated(["list_id", "position"]).any()
    assert data.examples_of("techniques.group-work")[1][1] == "panti sosial"
    assert data.examples_of("functions.cswe-1959") == {}


def test_apply_kind_follows_the_segment_rule():
    assert data.is_apply_kind("principles.group-work.trecker")
    assert data.is_apply_kind("community-work.influence-tactics")
    assert data.is_apply_kind("strategies.social-action")
    assert not data.is_apply_kind("practice-levels.zastrow-2017")
    assert not data.is_apply_kind("tasks.sukoco-2021.t1-capacity")


def test_an_unknown_setting_names_file_line_row_and_column(tiny_root):
    _examples_file(tiny_root, "groupwork", A_ROW.replace("panti sosial", "kantor camat"))
    with pytest.raises(data.DataError) as err:
        data.load("examples")
    msg = str(err.value)
    assert "groupwork.csv: line 2" in msg and "row 'techniques.group-work#1'" in msg and "'setting'" in msg
    assert "'LK3'" in msg  # the allowed values are listed


def test_a_long_or_marked_up_example_is_rejected(tiny_root):
    long = " ".join(["kata"] * (data.EXAMPLE_MAX_WORDS + 1))
    _examples_file(tiny_root, "groupwork", f"techniques.group-work,1,{long},RW\n")
    with pytest.raises(data.DataError, match=r"line 2: .*'example_id': .*51 words"):
        data.load("examples")
    _examples_file(tiny_root, "groupwork", "techniques.group-work,1,<b>Peserta</b> bermain peran.,RW\n")
    with pytest.raises(data.DataError, match="contains HTML markup"):
        data.load("examples")


def test_the_example_header_is_exact(tiny_root):
    path = tiny_root / "data" / "examples" / "groupwork.csv"
    path.write_text("list_id,example_id,position,setting\n" + A_ROW, encoding="utf-8")
    with pytest.raises(data.DataError, match="header must be exactly list_id,position,example_id,setting"):
        data.load("examples")


@pytest.mark.parametrize("body, chapter, expected", [
    ("no.such-list,1,Sebuah contoh.,RW\n", "groupwork", "column 'list_id': unknown list 'no.such-list'"),
    ("techniques.group-work,9,Sebuah contoh.,RW\n", "groupwork", "column 'position': list 'techniques.group-work' has 4 items"),
    ("techniques.group-work,1,Sebuah contoh.,RW\n", "casework", "belongs to chapter 'groupwork', not to 'casework'"),
    (A_ROW + "techniques.group-work,1,Contoh kedua.,RW\n", "groupwork", "line 3: row 'techniques.group-work#1': "
     "columns 'list_id', 'position': a second example of this item (the first is at groupwork.csv line 2)"),
])
def test_example_cross_checks_name_file_line_and_column(tiny_root, body, chapter, expected):
    for old in (tiny_root / "data" / "examples").glob("*.csv"):
        old.unlink()
    _examples_file(tiny_root, chapter, body)
    with pytest.raises(data.DataError) as err:
        data.examples()
    assert f"{chapter}.csv: line" in str(err.value) and expected in str(err.value)
    assert any(expected in p for p in data.check_all())


def test_an_example_file_must_be_named_after_a_chapter(tiny_root):
    _examples_file(tiny_root, "kelompok", A_ROW)
    with pytest.raises(data.DataError, match="kelompok.csv: line 2: .*file name: 'kelompok' is not a chapter"):
        data.examples()
