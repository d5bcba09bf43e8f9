"""peksos.coverage: every item explained where a reader sees it, every apply-kind list with examples.

The counts are taken on the built site (``_build/html``, built before the tests by ``make test`` and the
landing gate); the definitions are tested on small hand-made pages first.
"""
from __future__ import annotations

import html as htmllib
from pathlib import Path

import pytest

from peksos import coverage, data, tables

from .conftest import ROOT

SITE = ROOT / "_build" / "html"
LIST = "techniques.group-work"  # an apply-kind list of four items with examples


def _cell(text: str) -> str:
    return f"<td><p>{htmllib.escape(coverage.plain(text))}</p></td>"


def _table(list_id: str, *, examples: bool = False, description=lambda r: r.description) -> str:
    _, items = data.concept_list(list_id)
    found = data.examples_of(list_id)
    head = ["No.", "Istilah", "Istilah Inggris", "Penjelasan"] + (["Contoh"] if examples else [])
    rows = []
    for r in items.itertuples():
        cells = [str(r.position), r.label_id, r.label_en, description(r)]
        if examples:
            cells.append(tables.example_text(*found[r.position]) if r.position in found else "")
        rows.append("<tr>" + "".join(_cell(c) for c in cells) + "</tr>")
    return (f'<table class="peksos-table" id="{coverage.list_table_id(list_id)}"><caption>Daftar</caption>'
            "<thead><tr>" + "".join(f"<th><p>{h}</p></th>" for h in head) + "</tr></thead>"
            "<tbody>" + "".join(rows) + "</tbody></table>")


@pytest.fixture
def site(tmp_path):
    def _site(body: str) -> Path:
        root = tmp_path / "html"
        (root / "book").mkdir(parents=True, exist_ok=True)
        (root / "index.html").write_text("<html><body>Beranda</body></html>", encoding="utf-8")
        (root / "book" / "bab.html").write_text(f"<html><body><main>{body}</main></body></html>", encoding="utf-8")
        return root
    return _site


def test_a_table_with_names_and_descriptions_explains_its_items(site):
    result = coverage.measure(site(_table(LIST)))
    assert result.items_explained == 4 and result.items_total == 579
    assert not any(line.startswith(f"{LIST}#") for line in result.unexplained["groupwork"])
    assert f"{LIST} (no page shows its table with every example in a 'Contoh' column)" in result.without_examples["groupwork"]


def test_a_table_with_its_examples_counts_as_a_list_with_examples(site):
    result = coverage.measure(site(_table(LIST, examples=True)))
    assert result.lists_with_examples == 1
    assert all(not line.startswith(LIST + " ") for line in result.without_examples.get("groupwork", []))
    assert result.apply_lists == sum(map(data.is_apply_kind, data.load("lists")["list_id"]))


def test_a_wrong_description_or_text_outside_cells_explains_nothing(site):
    wrong = _table(LIST, description=lambda r: r.label_en)
    hidden = f"<!-- {_table(LIST)} --><div data-x='{htmllib.escape(_table(LIST))}'></div>"
    scripted = f"<script>{_table(LIST)}</script>"
    for body in (wrong, hidden, scripted):
        result = coverage.measure(site(body))
        assert result.items_explained == 0
        assert f"{LIST}#1 (" in "\n".join(result.unexplained["groupwork"])


def test_no_site_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="build the book first"):
        coverage.measure(tmp_path)


def _apply_lists(chapter: str) -> list[str]:
    lists = data.load("lists")
    return [lid for lid in lists.loc[lists["chapter"] == chapter, "list_id"] if data.is_apply_kind(lid)]


@pytest.mark.parametrize("chapter", data.CHAPTERS)
def test_every_item_of_every_apply_kind_list_has_an_example(chapter):
    wanted = _apply_lists(chapter)
    if not wanted:
        return  # nothing to apply in this chapter; examples are optional there
    path = data.data_dir() / "examples" / f"{chapter}.csv"
    assert path.exists(), f"{chapter} has apply-kind lists {wanted} but no {path}"
    have = data.examples()
    items = data.load("items")
    missing = [f"{lid}#{p}" for lid in wanted for p in items.loc[items["list_id"] == lid, "position"]
               if have[(have["list_id"] == lid) & (have["position"] == p)].empty]
    assert missing == [], f"{path}: no example for {', '.join(missing)}"


@pytest.fixture(scope="module")
def built():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE}: build the book first (`make book`); the coverage is measured on the built site")
    return coverage.measure(SITE)


def test_all_579_items_are_explained_in_the_built_book(built):
    missing = "\n".join(f"{ch}: {line}" for ch, lines in sorted(built.unexplained.items()) for line in lines)
    assert built.items_explained == built.items_total == 579, missing


def test_every_apply_kind_list_has_its_examples_in_the_built_book(built):
    missing = "\n".join(f"{ch}: {line}" for ch, lines in sorted(built.without_examples.items()) for line in lines)
    assert built.lists_with_examples == built.apply_lists, missing


@pytest.mark.parametrize("chapter", data.CHAPTERS)
def test_every_apply_kind_list_shows_its_examples_in_the_built_book(built, chapter):
    missing = built.without_examples.get(chapter, [])
    assert missing == [], f"{chapter}: apply-kind lists without examples in the built book:\n" + "\n".join(missing)
