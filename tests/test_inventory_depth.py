"""peksos.depth: the built book shows every definition, dated event and disagreement of the inventory.

The per-page test runs on the built site (_build/html) and lists, page by page, what a reader
cannot find; the other tests check the parts on small inputs, so that each of them can fail.
"""
from __future__ import annotations

import os

import pytest

from peksos import bench, cli, data, depth

from .conftest import ROOT, SHARED

INVENTORY = SHARED / "content-inventory.md"
SITE = ROOT / "_build" / "html"


def _expectations() -> list[depth.Expectation]:
    if not INVENTORY.exists():
        return []
    return depth.expectations(depth.parse_inventory(INVENTORY))


EXPECTATIONS = _expectations()
PAGES = sorted({e.page for e in EXPECTATIONS}, key=depth.PAGES.index)


@pytest.fixture(autouse=True)
def _inventory_present():
    if not INVENTORY.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{INVENTORY} missing: CI must run with shared/ beside the project")
        pytest.skip(f"{INVENTORY} not beside the project")


def _site() -> None:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} has no built book: run `jupyter-book build . -W -n --keep-going` first")


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_what_the_inventory_records_for_it(page):
    _site()
    findings = depth.check_page(page, [e for e in EXPECTATIONS if e.page == page], SITE)
    missing = [f.describe() for f in findings if not f.ok]
    assert not missing, f"book/{page}.md: {len(missing)} missing\n" + "\n".join(missing)


def test_every_inventory_entry_is_expected_somewhere():
    kinds = [e.kind for e in EXPECTATIONS]
    assert kinds.count("definition") == 30 and kinds.count("event") == 33 and kinds.count("disagreement") == 20
    assert all(len(e.groups) >= 2 for e in EXPECTATIONS)
    siporin = next(e for e in EXPECTATIONS if e.ref == "siporin-1975")
    assert ("1975",) in siporin.groups and ("Siporin",) in siporin.groups  # authority and year from the inventory


def test_every_chapter_has_a_definisi_para_ahli_block():
    _site()
    defs = data.load("definitions")
    for chapter in data.CHAPTERS:
        html = depth.html_file(SITE, chapter).read_text(encoding="utf-8")
        if (defs["chapter"] == chapter).any():
            assert "peksos-definisi-ahli" in html, f"book/{chapter}.md: no data-table definitions :chapter: block"
        else:
            titles = [s.title for s in depth.page_sections(html)]
            assert "definisi para ahli" in titles, f"book/{chapter}.md: no 'Definisi para ahli' section"


def _inventory_copy(tmp_path, old: str, new: str):
    text = INVENTORY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "inventory.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_inventory_parses_to_30_definitions_33_events_20_disagreements():
    inv = depth.parse_inventory(INVENTORY)
    assert (len(inv.definitions), len(inv.events), len(inv.disagreements)) == (30, 33, 20)
    assert inv.definitions[5].year == 1975 and "Siporin" in inv.definitions[5].who
    assert inv.definitions[20].who == ""  # 3b: working definitions
    assert inv.events[0].when == "late 19th century"


def test_a_definition_row_lost_from_the_inventory_stops_the_check(tmp_path):
    path = _inventory_copy(tmp_path, "| 29 | symbiotic relation", "| 31 | symbiotic relation")
    with pytest.raises(depth.InventoryError, match=r"section 3: expected 30 definitions numbered 1-30"):
        depth.parse_inventory(path)


def test_a_changed_total_stops_the_check(tmp_path):
    path = _inventory_copy(tmp_path, "Timeline rows: 33", "Timeline rows: 34")
    with pytest.raises(depth.InventoryError, match="section 11 states 34 dated events"):
        depth.parse_inventory(path)
    path = _inventory_copy(tmp_path, "## 8. Where the sources", "## 8 Where the sources")
    with pytest.raises(depth.InventoryError, match=r"no section headed '## 8\."):
        depth.parse_inventory(path)


def test_a_key_file_out_of_step_with_the_inventory_is_named(tiny_root):
    path = tiny_root / "data" / "timeline_keys.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("1,late 19th century,", "1,19th century,"),
                    encoding="utf-8")
    with pytest.raises(depth.InventoryError, match=r"timeline_keys.csv: line 2: column 'when'"):
        depth.expectations(depth.parse_inventory(INVENTORY))


def test_a_definition_needs_two_key_words(tiny_root):
    path = tiny_root / "data" / "definition_keys.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[18] = "18,ardissa,Ardissa,record"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(depth.InventoryError, match=r"definition_keys.csv: line 19: column 'keys'"):
        depth.expectations(depth.parse_inventory(INVENTORY))


PAGE = """<html><body><nav>Richmond 1917</nav><section id="x"><h1>Bab<a class="headerlink">#</a></h1>
<p>Richmond 1917 di pengantar</p>
<section id="a"><h2>Sejarah<a class="headerlink" href="#a">#</a></h2>
<p data-note="Richmond 1917">Sebuah buku</p><!-- Richmond 1917 --><script>var x = "Richmond 1917";</script>
<style>.Richmond-1917 {}</style><p>Richmond</p></section>
<section id="b"><h2>Lain</h2><p>Tahun 1917</p></section>
<section id="c"><h2>Perbandingan sumber</h2><section id="d"><h3>Kerahasiaan</h3>
<p>Kerahasiaan itu relatif, tidak mutlak.</p></section></section>
<section id="e"><h2>Ringkasan</h2><p>Kerahasiaan relatif dan mutlak; Richmond&nbsp;menerbitkan buku pada 1917&#8211;1918.</p></section>
</section></body></html>"""


def _finding(exp: depth.Expectation, html: str, tmp_path) -> depth.Finding:
    (tmp_path / "book").mkdir(exist_ok=True)
    (tmp_path / "book" / f"{exp.page}.html").write_text(html, encoding="utf-8")
    return depth.check_page(exp.page, [exp], tmp_path)[0]


def _exp(groups, comparison=False):
    return depth.Expectation("event", 2, "richmond-1917", "1917: Richmond", "casework",
                             tuple(tuple(g) for g in groups), comparison=comparison)


def test_scripts_comments_attributes_and_the_h1_intro_are_not_reader_text(tmp_path):
    html = PAGE.replace("Richmond&nbsp;menerbitkan buku pada 1917&#8211;1918", "")
    finding = _finding(_exp([["1917"], ["Richmond"]]), html, tmp_path)
    assert not finding.ok and finding.missing == ("1917",)  # 'Sejarah' has Richmond only, never the hidden 1917


def test_words_must_stand_together_in_one_section(tmp_path):
    assert _finding(_exp([["1917"], ["Richmond"]]), PAGE, tmp_path).ok  # 'Ringkasan' has both
    assert not _finding(_exp([["1917"], ["Perlman"]]), PAGE, tmp_path).ok


def test_disagreements_count_only_inside_perbandingan_sumber(tmp_path):
    inside = _exp([["kerahasiaan"], ["relatif"], ["mutlak", "absolut"]], comparison=True)
    assert _finding(inside, PAGE, tmp_path).ok  # found in the h3 under 'Perbandingan sumber'
    outside = _exp([["kerahasiaan"], ["Richmond"]], comparison=True)
    finding = _finding(outside, PAGE, tmp_path)
    assert not finding.ok and "Perbandingan sumber" in finding.describe()  # 'Ringkasan' has both, outside


def test_whole_words_prefixes_case_and_dashes():
    text = depth.normalize("Rumah SETTLEMENTS, bersanksi, 1960\u2013an")
    assert depth._pattern("settlement*").search(text)
    assert not depth._pattern("settlement").search(text)
    assert not depth._pattern("sanksi").search(text)
    assert depth._pattern("1960-an").search(text)


def test_cli_lists_what_is_missing_page_by_page(tmp_path, capsys):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "casework.html").write_text(PAGE, encoding="utf-8")
    assert cli.main(["depth", "--html", str(tmp_path), "--chapter", "casework"]) == 1
    out = capsys.readouterr().out
    assert "book/casework.md:" in out and "richmond-1917" in out and "perlman-1957" in out
    assert "found: definitions 0/4" in out
    assert cli.main(["depth", "--html", str(tmp_path), "--chapter", "peran-x"]) == 1
    assert "unknown chapter 'peran-x'" in capsys.readouterr().err


def test_bench_content_section_counts_found_and_total():
    _site()
    section = bench.content(SITE)
    assert set(section) >= {"definitions", "events", "disagreements"}
    assert section["definitions"]["total"] == 30 and section["events"]["total"] == 33
    assert all(0 <= v["found"] <= v["total"] for v in section.values() if isinstance(v, dict) and "found" in v)
