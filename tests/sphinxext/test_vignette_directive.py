"""The vignette directive on tiny books: principle links resolved per page, errors stop the build."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "vignettes" / "good" / "mini.yml"
BAD = Path(__file__).resolve().parents[1] / "fixtures" / "vignettes" / "bad"


@pytest.fixture
def with_vignette(tiny_root):
    folder = tiny_root / "quizzes" / "vignettes"
    folder.mkdir(parents=True)
    shutil.copy(MINI, folder / "mini.yml")
    return folder


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" class="peksos-vignette-data">(.*?)</script>', html, re.S)
    assert m, "no vignette payload on the page"
    from peksos import markup

    return markup.unpack(json.loads(m.group(1)))


def test_vignette_is_embedded_with_principle_links_resolved(make_book, with_vignette):
    book = make_book({
        "index": "# Uji\n",
        "casework": "# Casework\n\n```{concept-list} principles.casework.general\n```\n",
        "kasus": "# Kasus\n\n```{vignette} mini-kasus\n```\n",
    })
    html = book.page("kasus")
    assert '<script defer="defer" src="_static/peksos/vignette.js' in html
    principle = _payload(html)["nodes"]["awal"]["choices"][0]["applies"][0]
    assert principle["url"] == "casework.html#daftar-principles-casework-general"
    assert set(principle) == {"ref", "label", "url"}  # what the player reads; build-only fields dropped
    assert book.warnings.getvalue() == ""


def test_a_principle_list_no_page_shows_stops_the_build(make_book, with_vignette):
    with pytest.raises(ExtensionError, match="no page shows with concept-list: daftar-principles-casework-general"):
        make_book({"index": "# Uji\n", "kasus": "# Kasus\n\n```{vignette} mini-kasus\n```\n"})


def test_a_broken_vignette_stops_the_build_naming_it(make_book, with_vignette):
    shutil.copy(BAD / "unknown-target.yml", with_vignette / "rusak.yml")
    with pytest.raises(ExtensionError) as err:
        make_book({"index": "# Uji\n"})
    assert "rusak.yml" in str(err.value) and "neither a node nor an ending" in str(err.value)


def test_unknown_vignette_and_options_are_errors(make_book, with_vignette):
    with pytest.raises(ExtensionError, match="no vignette 'entah'"):
        make_book({"index": "# Uji\n\n```{vignette} entah\n```\n"})
    with pytest.raises(ExtensionError, match="unknown option"):
        make_book({"index": "# Uji\n\n```{vignette} mini-kasus\n:judul: x\n```\n"})
