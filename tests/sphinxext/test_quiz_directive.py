"""The quiz directive on tiny books: markup with resolved section links, assets on quiz pages only,
and every mistake (bank, label, option) stopping the build with a message naming file, item and field."""
from __future__ import annotations

import io
import json
import re
import shutil

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "quizbook" / "quizzes" / "semua-jenis.yml"
TARGETS = """
# Bagian

(uji-bagian)=
## Bagian yang diuji

```{concept-list} methods.three-basic.003
```
"""


@pytest.fixture
def quizzes(tiny_root):
    folder = tiny_root / "quizzes"
    folder.mkdir()
    shutil.copy(GOOD, folder / "semua-jenis.yml")
    return folder


def warnings(book) -> list[str]:
    """The build's warnings, without docutils' once-per-process note that it has no Indonesian strings."""
    return [w for w in book.warnings.getvalue().splitlines() if w.strip() and 'Language "id" not supported' not in w]


def payload_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" class="peksos-quiz-data">(.*?)</script>', html, re.S)
    assert m, "no quiz payload in the page"
    return json.loads(m.group(1))


def test_quiz_embeds_the_payload_with_relative_section_links(make_book, quizzes):
    book = make_book({"index": "# Uji\n", "bagian": TARGETS, "kuis": """
        # Kuis
        ```{quiz} semua-jenis
        :items: uji-tunggal, uji-ganda
        :shuffle: no
        :title: Dua soal
        ```
        """, "polos": "# Tanpa kuis\n"})
    html = book.page("kuis")
    assert '<div class="peksos-quiz" data-peksos-engine="quiz"' in html
    data = payload_of(html)
    assert [it["id"] for it in data["items"]] == ["uji-tunggal", "uji-ganda"]
    assert data["title"] == "Dua soal" and data["shuffle"] is False
    assert data["items"][0]["section_url"] == "bagian.html#daftar-methods-three-basic-003"
    assert data["items"][1]["section_url"] == "bagian.html#uji-bagian"
    bagian = book.page("bagian")
    assert 'id="uji-bagian"' in bagian and 'id="daftar-methods-three-basic-003"' in bagian
    # the engine only where a quiz is, as classic deferred scripts (engine first), and its files copied; each
    # asked for by the digest of its content (peksos.sphinxext.offline.version_urls)
    def at(pattern: str) -> int:
        m = re.search(pattern.replace("?v", r"\?v=[0-9a-f]{12}"), html)
        assert m, pattern
        return m.start()

    assert at(r'<script defer="defer" src="_static/peksos/engine\.js?v"></script>') < \
        at(r'<script defer="defer" src="_static/peksos/quiz\.js?v"></script>')
    assert at(r'href="_static/peksos/quiz\.css?v"') >= 0 and at(r'href="_static/peksos/engine\.css?v"') >= 0
    assert "peksos/quiz.js" not in book.page("polos")
    for name in ("engine.js", "engine.css", "quiz.js", "quiz.css"):
        assert (book.out / "_static" / "peksos" / name).exists()
    assert warnings(book) == []


def test_a_link_on_the_same_page_is_a_fragment(make_book, quizzes):
    book = make_book({"index": "# Uji\n", "bagian": TARGETS + "\n```{quiz} semua-jenis.yml\n:pool: 3\n```\n"})
    data = payload_of(book.page("bagian"))
    assert data["pool"] == 3 and len(data["items"]) == 7
    assert {it["section_url"] for it in data["items"]} == {"#uji-bagian", "#daftar-methods-three-basic-003"}


def test_other_builders_skip_the_quiz(make_book, quizzes):
    # plain targets: Sphinx's text writer cannot wrap the concept-list table (it loops)
    page = "# Bagian\n\n(uji-bagian)=\n## Bagian yang diuji\n\n(daftar-methods-three-basic-003)=\nDaftar.\n"
    book = make_book({"index": "# Uji\n", "bagian": page + "\n```{quiz} semua-jenis\n```\n"})
    out = book.root / "text"
    app = SphinxTestApp("text", srcdir=book.src, builddir=out, status=io.StringIO(), warning=io.StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    text = next(out.rglob("bagian.txt")).read_text(encoding="utf-8")
    assert "Bagian yang diuji" in text and "uji-tunggal" not in text and "peksos-engine" not in text
    assert not (out / "text" / "_static").exists()


@pytest.mark.parametrize("options,message", [
    (":acak: ya", "unknown option(s) :acak:; allowed: :items:, :pool:, :shuffle:, :title:"),
    (":pool: tiga", "option :pool: must be a whole number"),
    (":pool: 12", "cannot draw 12 of 7"),
    (":shuffle: kadang", "option :shuffle: must be yes or no"),
    (":items: uji-tunggal, tidak-ada", "unknown item id(s) 'tidak-ada'"),
])
def test_bad_directive_options_stop_the_build(make_book, quizzes, options, message):
    with pytest.raises(ExtensionError) as info:
        make_book({"index": "# Uji\n", "bagian": TARGETS, "kuis": f"# Kuis\n\n```{{quiz}} semua-jenis\n{options}\n```\n"})
    text = str(info.value)
    assert message in text
    assert re.search(r"kuis\.md:\d+: quiz directive", text), text


def test_unknown_bank_stops_the_build(make_book, quizzes):
    with pytest.raises(ExtensionError, match="no quiz bank 'tidak-ada'"):
        make_book({"index": "# Uji\n\n```{quiz} tidak-ada\n```\n"})


def test_an_unresolvable_section_label_stops_the_build(make_book, quizzes):
    shutil.copy(FIXTURES / "quizzes" / "bad" / "bad-label.yml", quizzes / "label.yml")
    make_book({"index": "# Uji\n", "bagian": TARGETS})  # labels are checked for the banks a page embeds
    with pytest.raises(ExtensionError) as info:
        make_book({"index": "# Uji\n", "bagian": TARGETS, "kuis": "# Kuis\n\n```{quiz} label\n```\n"})
    text = str(info.value)
    assert "label.yml: line 12: item 'label-asing-1': field 'section'" in text
    assert "'bab-yang-tidak-ada' does not resolve" in text


def test_a_bad_bank_stops_the_build_even_if_no_page_uses_it(make_book, quizzes):
    shutil.copy(FIXTURES / "quizzes" / "bad" / "no-correct.yml", quizzes / "rusak.yml")
    with pytest.raises(ExtensionError) as info:
        make_book({"index": "# Uji\n", "bagian": TARGETS})
    assert "rusak.yml: line 8: item 'tanpa-kunci-1': field 'options': no correct answer" in str(info.value)
