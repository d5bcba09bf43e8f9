"""The data directives on tiny books: tables, comparisons, figures, glossary, and errors that stop the build."""
from __future__ import annotations

import csv
import re

import pytest
from sphinx.errors import ExtensionError



def test_concept_list_renders_items_caption_label_and_citation(make_book):
    book = make_book({"index": """
        # Uji
        ```{concept-list} purposes.zastrow-2017
        ```
        Lihat {ref}`daftar-purposes-zastrow-2017`.
        """})
    html = book.page("index")
    assert "Peningkatan keberfungsian sosial" in html
    assert 'id="daftar-purposes-zastrow-2017"' in html
    assert 'href="#daftar-purposes-zastrow-2017"' in html
    assert "Zastrow, 2017" in html  # author-year citation resolved against the bibliography
    assert book.warnings.getvalue() == ""


def test_concept_compare_puts_lists_side_by_side(make_book):
    book = make_book({"index": """
        # Uji
        ```{concept-compare} functions.serafica-deguzman-1983 functions.dubois-miley-2014 functions.permensos-12-2017
        :caption: Tiga tipologi fungsi
        ```
        """})
    html = book.page("index")
    assert "Tiga tipologi fungsi" in html
    assert html.count("<th class=\"head\">") >= 4
    assert "Permensos" in html or "Kementerian" in html
    assert book.warnings.getvalue() == ""


def test_data_text_markdown_becomes_emphasis_never_markup(make_book):
    book = make_book({"index": "# Uji\n\n```{data-table} definitions\n:ids: cswe-1959\n```\n"})
    html = book.page("index")
    assert "<em>social work</em>" in html


def test_data_figure_writes_an_svg_with_alt_text(make_book):
    book = make_book({"index": "# Uji\n\n```{data-figure} practice-levels\n:caption: Level praktik\n```\n"})
    html = book.page("index")
    img = re.search(r'<img alt="([^"]+)" src="([^"]+\.svg)\?v=[0-9a-f]{12}"', html)  # asked for by its digest
    assert img, html[-2000:]
    assert "Mikro" in img.group(1)
    assert (book.out / img.group(2)).exists()


def test_data_glossary_defines_terms_for_the_term_role(make_book):
    book = make_book({"index": "# Uji\n\nLihat {term}`pekerjaan sosial`.\n", "glosarium": "# Glosarium\n\n```{data-glossary}\n```\n"})
    assert 'href="glosarium.html#term-pekerjaan-sosial"' in book.page("index")
    assert "keberfungsian sosial" in book.page("glosarium")
    assert book.warnings.getvalue() == ""


def test_unknown_list_id_stops_the_build_naming_page_and_id(make_book):
    with pytest.raises(ExtensionError) as err:
        make_book({"index": "# Uji\n\n```{concept-list} purposes.nobody-2099\n```\n"})
    msg = str(err.value)
    assert "index.md" in msg and "concept-list" in msg and "purposes.nobody-2099" in msg


def test_unknown_table_and_figure_stop_the_build(make_book):
    with pytest.raises(ExtensionError, match="unknown table 'pie'"):
        make_book({"index": "# Uji\n\n```{data-table} pie\n```\n"})
    with pytest.raises(ExtensionError, match="unknown figure 'pie'"):
        make_book({"index": "# Uji\n\n```{data-figure} pie\n```\n"})


def test_bad_data_stops_the_build_naming_file_line_and_column(make_book, tiny_root):
    path = tiny_root / "data" / "concepts" / "000_items.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    rows[1]["label_id"] = ""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ExtensionError) as err:
        make_book({"index": "# Uji\n\n```{concept-list} purposes.zastrow-2017\n```\n"})
    assert "000_items.csv: line 3" in str(err.value) and "'label_id'" in str(err.value)


def test_definitions_block_of_a_chapter_has_year_source_and_citations(make_book):
    book = make_book({"index": "# Uji\n\n## Bagian\n\n```{data-table} definitions\n:chapter: pengertian\n```\n"})
    html = book.page("index")
    assert 'class="table peksos-table peksos-definisi-ahli' in html or "peksos-definisi-ahli" in html
    assert "Definisi para ahli" in html
    assert "<th class=\"head\"><p>Sumber</p></th>" in html
    assert "1975; naskah 001, baris 6-7" in html  # Siporin's row: year, seed, lines
    assert "tanpa tahun; naskah 001" in html  # IFSW is undated in the source
    assert "Rujukan:" in html and "Siporin, 1975" in html


def test_definitions_block_for_a_chapter_without_definitions_stops_the_build(make_book):
    with pytest.raises(ExtensionError, match="no definition has chapter 'peran'"):
        make_book({"index": "# Uji\n\n```{data-table} definitions\n:chapter: peran\n```\n"})
    with pytest.raises(ExtensionError, match=":chapter: belongs to the definitions table"):
        make_book({"index": "# Uji\n\n```{data-table} timeline\n:chapter: pengertian\n```\n"})


def _examples(root, text: str) -> None:
    (root / "data" / "examples" / "groupwork.csv").write_text(
        "list_id,position,example_id,setting\n" + text, encoding="utf-8")


def test_concept_list_shows_examples_as_escaped_text(make_book, tiny_root):
    _examples(tiny_root, 'techniques.group-work,1,"Skor 3 < 5 & *buzz* ""aman"" tanpa onclick=x",LK3\n')
    book = make_book({"index": "# Uji\n\n```{concept-list} techniques.group-work\n```\n"})
    html = book.page("index")
    table = html[html.index('id="daftar-techniques-group-work"'):]
    table = table[:table.index("</table>")]
    assert '<th class="head"><p>Contoh</p></th>' in table
    assert "<strong>LK3:</strong> Skor 3 &lt; 5 &amp; <em>buzz</em> &quot;aman&quot; tanpa onclick=x" in table
    assert table.count("<tr") == 5  # header + four items; the three items without example get an empty cell
    assert book.warnings.getvalue() == ""


def test_no_examples_option_leaves_the_column_out(make_book):
    book = make_book({"index": "# Uji\n\n```{concept-list} techniques.group-work\n:no-examples:\n```\n"
                               "```{concept-list} functions.cswe-1959\n```\n"})
    html = book.page("index")
    assert ">Contoh<" not in html
    assert "Bermain peran" in html


def test_a_bad_example_file_stops_the_build(make_book, tiny_root):
    _examples(tiny_root, "techniques.group-work,1,Contoh singkat.,kantor\n")
    with pytest.raises(ExtensionError) as err:
        make_book({"index": "# Uji\n\n```{concept-list} functions.cswe-1959\n```\n"})
    msg = str(err.value)
    assert "index.md" in msg and "groupwork.csv: line 2" in msg and "'setting'" in msg


def test_a_new_example_file_rebuilds_the_pages_with_lists(make_book, tiny_root):
    import io

    from sphinx.testing.util import SphinxTestApp

    for old in (tiny_root / "data" / "examples").glob("*.csv"):
        old.unlink()
    (tiny_root / "data" / "examples" / "pencatatan.csv").write_text(
        "list_id,position,example_id,setting\nrecording.media,1,Catatan media pertama.,LK3\n", encoding="utf-8")
    book = make_book({"index": "# Uji\n\n```{concept-list} techniques.group-work\n```\n"})
    assert ">Contoh<" not in book.page("index")
    _examples(tiny_root, "techniques.group-work,2,Diskusi di balai warga.,RW\n")
    app = SphinxTestApp("html", srcdir=book.src, status=io.StringIO(), warning=io.StringIO(), freshenv=False)
    try:
        app.build()
    finally:
        app.cleanup()
    assert "<strong>RW:</strong> Diskusi di balai warga." in book.page("index")
