"""peksos.markup: the Markdown subset (the same output as the engine's md() in the browser), labels,
and the static widget markup (inert JSON, packed payloads)."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import yaml

from peksos import markup

from . import jsrun

ROOT = Path(__file__).resolve().parents[1]

SUBSET = [
    "kata biasa", "**tebal** dan *miring*", "`kode <b>` & \"kutip\"", "<script>alert(1)</script>",
    "a *b* c **d** e", "2*3*4", "* bukan miring *", "**", "x_y_z dan _garis_", "&amp; tetap teks",
    "garis\\*miring", "[bagian](pengertian.html#x) lalu *lagi*", "*miring*, **tebal**: `k`.",
]


def test_markdown_subset_as_html():
    assert markup.to_html("**a** *b* `<c>` [d](p.html#e)", "https://contoh.id/buku/") == (
        '<strong>a</strong> <em>b</em> <code>&lt;c&gt;</code> <a href="https://contoh.id/buku/book/p.html#e">d</a>')
    assert markup.to_html("[d](p.html#e)") == "d"  # a relative link without a base keeps its text only
    assert markup.to_html("[x](javascript:alert)", "https://contoh.id") == "x"
    assert markup.to_html("<b>&</b> \"q\"") == "&lt;b&gt;&amp;&lt;/b&gt; \"q\""
    assert markup.to_html("_garis_ x_y") == "_garis_ x_y"  # only * marks emphasis, as in the engine
    assert markup.to_html("baris\n  kedua") == "baris kedua"
    assert markup.to_html_block("satu\n\n\ndua *x*") == "<p>satu</p><p>dua <em>x</em></p>"


def test_plain_text_drops_the_marks_only():
    assert markup.to_plain("**Tebal**  *miring*\n`kode` [teks](a.html) <b>") == "Tebal miring kode teks <b>"


def _content_strings() -> set[str]:
    out: set[str] = set()

    def walk(x):
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in sorted((ROOT / "quizzes").rglob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "data").rglob("*.csv")):
        if not path.name.endswith("_keys.csv"):  # search keys, never shown
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.reader(fh):
                    out.update(row)
    return {s for s in out if s.strip()}


_SERIALISE = """(() => {
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  class El {
    constructor(tag) { this.tag = tag; this.kids = []; this.attrs = {}; }
    set textContent(v) { this.kids = [String(v)]; }
    setAttribute(k, v) { this.attrs[k] = String(v); }
    addEventListener() {}
    append(...xs) { for (const x of xs) this.kids.push(x); }
    html() {
      const inner = this.kids.map((k) => typeof k === "string" ? esc(k) : k.html()).join("");
      if (!this.tag) return inner;
      const attrs = Object.entries(this.attrs).map(([k, v]) => ` ${k}="${esc(v).replace(/"/g, "&quot;")}"`).join("");
      return `<${this.tag}${attrs}>${inner}</${this.tag}>`;
    }
  }
  globalThis.document = { createElement: (t) => new El(t), createDocumentFragment: () => new El("") };
  globalThis.location = { href: "http://127.0.0.1:8000/book/index.html", origin: "http://127.0.0.1:8000", protocol: "http:" };
  return texts.map((t) => m.md(t).html());
})()"""


def test_the_engine_renders_the_subset_as_python_does():
    """The browser's md() (engine.js) and to_html give the same HTML for every text of the course
    (quiz banks, cases, data tables) and for the subset's edge cases; relative links resolve the same."""
    texts = sorted(_content_strings() | set(SUBSET))
    assert len(texts) > 1000
    got = jsrun.call("engine.js", _SERIALISE, texts=texts)
    space = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731 - HTML collapses blanks
    differ = [(t, js, py) for t, js in zip(texts, got)
              if space(js) != (py := markup._html(markup.spans(space(t)), "http://127.0.0.1:8000/"))]
    assert not differ, differ[:5]


def test_list_label_replaces_dots():
    assert markup.list_label("functions.cswe-1959") == "daftar-functions-cswe-1959"


def test_csv_list_drops_blanks():
    assert markup.csv_list(" a, ,b ,") == ["a", "b"] and markup.csv_list(None) == []


def test_json_for_html_cannot_close_its_script():
    text = markup.dumps_for_html({"a": "</script><script>alert(1)</script> & <b>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script> & <b>"}


def test_pack_stores_repeated_objects_once_and_unpack_restores_them():
    principle = {"ref": "principles.casework.general#1", "label": "Penerimaan", "url": "casework.html#p"}
    data = {"id": "v", "nodes": {"a": {"choices": [{"applies": [principle]}, {"applies": [principle, {"x": 1}]}]},
                                 "b": {"choices": [{"violates": [dict(principle)]}]}}}
    packed = markup.pack(data)
    assert packed["$pk"] == 1 and packed["t"] == [principle]
    assert json.dumps(packed).count("Penerimaan") == 1
    assert markup.unpack(packed) == data


def test_pack_leaves_data_without_repeats_alone():
    data = {"items": [{"id": "a", "prompt": "Satu soal yang cukup panjang untuk dibagi"}, {"id": "b"}], "x": None}
    assert markup.pack(data) is data
    assert markup.unpack(data) is data


def test_markup_carries_the_packed_payload():
    shared = {"label": "Sebuah prinsip yang dirujuk dua kali", "url": "#a"}
    html = markup.widget_markup("vignette", {"id": "v", "a": [shared, shared]}, "perlu JavaScript")
    assert '"$pk":1' in html and html.count("dirujuk dua kali") == 1
