"""Payload and markup: what the engine reads, and text that can never become markup or script."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from peksos.quiz import loader, render

from ..conftest import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "quizbook" / "quizzes" / "berbahaya.yml"
ALL = ROOT / "tests" / "fixtures" / "quizbook" / "quizzes" / "semua-jenis.yml"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.data = [], {}
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in:
            self.data[self._in] = self.data.get(self._in, "") + data


def test_payload_selects_items_pools_and_links():
    bank = loader.load_bank(ALL).bank
    p = render.payload(bank, items=["uji-isian", "uji-tunggal"], pool=1, shuffle=False,
                       links={"uji-bagian": "semua.html#uji-bagian"})
    assert [it["id"] for it in p["items"]] == ["uji-isian", "uji-tunggal"]
    assert p["pool"] == 1 and p["shuffle"] is False and p["bank"] == "semua-jenis"
    assert p["items"][0]["section_url"] == "semua.html#uji-bagian"
    assert p["items"][1]["section_url"] is None  # a label the links do not know keeps no link
    assert p["id"].startswith("semua-jenis-") and p["id"] != render.payload(bank)["id"] == "semua-jenis"


@pytest.mark.parametrize("kwargs,message", [
    ({"items": ["tidak-ada"]}, "unknown item id"),
    ({"items": ["uji-isian", "uji-isian"]}, "listed twice"),
    ({"pool": 99}, "cannot draw 99 of 7"),
    ({"pool": 0}, "at least 1"),
])
def test_payload_rejects_bad_options(kwargs, message):
    with pytest.raises(loader.QuizError, match=message):
        render.payload(loader.load_bank(ALL).bank, **kwargs)


def test_hostile_text_stays_inert_in_the_markup():
    bank = loader.load_bank(HOSTILE).bank
    html = render.markup(render.payload(bank, title="</script><script>alert(1)</script>"))
    parser = _Tags()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert tags == ["div", "script", "noscript", "p"]  # nothing from the bank became an element
    script_attrs = parser.tags[1][1]
    assert script_attrs["type"] == "application/json"
    assert html.count("</script") == 1 and html.lower().count("<script") == 1
    assert "<img" not in html and "<svg" not in html and "<iframe" not in html
    assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs)
    # the payload comes back intact: the text is kept, only escaped
    data = json.loads(parser.data["script"])
    assert data["title"] == "</script><script>alert(1)</script>"
    assert "onerror=\"window.__pwned='img'\"" in data["items"][0]["prompt"]
    assert "javascript:window.__pwned='link'" in data["items"][0]["prompt"]


def test_markup_is_a_mount_point_with_a_noscript_note():
    html = render.markup(render.payload(loader.load_bank(ALL).bank))
    assert html.startswith('<div class="peksos-quiz" data-peksos-engine="quiz" data-quiz-id="semua-jenis">')
    assert "<noscript>" in html and "JavaScript" in html
