"""Shared pieces of the export tests: the real bank's exports, a bank of hostile text, and
gift-pegjs (an independent GIFT parser from the npm registry) run through node."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from peksos.export import export
from peksos.quiz import loader
from peksos.quiz.schema import Bank

from ..conftest import ROOT

PARSE_GIFT = Path(__file__).with_name("parse_gift.js")
# Every character GIFT treats specially, a backslash, an HTML element, an entity-like ampersand,
# a Markdown mark, something that reads like a GIFT weight and a literal "\n".
HOSTILE = "Awas ~ = # { } : \\ -> <script>alert('x')</script> & **tebal** %50% \\n"


@pytest.fixture(scope="session")
def real_banks() -> list[Bank]:
    """The bank as the loader reads it: the independent count of what must be exported."""
    return [one.bank for one in loader.load_all(ROOT / "quizzes")]


@pytest.fixture(scope="session")
def real_items(real_banks) -> dict:
    return {it.id: it for bank in real_banks for it in bank.items}


@pytest.fixture(scope="session")
def gift_export():
    return export("gift", root=ROOT)


@pytest.fixture(scope="session")
def xml_export():
    return export("moodle-xml", root=ROOT)


def parse_gift(text: str, tmp_path: Path) -> list[dict]:
    """What gift-pegjs reads from ``text``; fails the test if it is not valid GIFT."""
    if shutil.which("node") is None:
        pytest.fail("node is not installed; the GIFT tests read the export back with gift-pegjs (npm)")
    if not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail(f"{ROOT / 'node_modules' / 'gift-pegjs'} missing: run `npm ci` (make test does)")
    path = tmp_path / "export.gift"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(["node", str(PARSE_GIFT), str(path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"gift-pegjs rejected the export: {run.stderr}"
    return json.loads(run.stdout)


def hostile_bank(chapter: str = "pengertian") -> dict:
    """A bank (as YAML would give it) with hostile text in every field of every item type."""
    h = HOSTILE
    base = {"explanation": "Penjelasan " + h, "section": "uji-bagian", "list_id": "functions.siporin",
            "level": "ingat", "tags": ["uji"]}
    return {"id": "uji", "title": "Uji " + h, "chapter": chapter, "items": [
        dict(base, id="h-tunggal", type="pilihan-tunggal", prompt="Soal " + h, options=[
            {"text": "%50% Benar " + h, "correct": True, "feedback": "Umpan " + h},
            {"text": "[plain] Salah " + h, "feedback": "[html] umpan salah " + h}]),
        dict(base, id="h-ganda", type="pilihan-ganda", prompt="Ganda " + h, options=[
            {"text": "A " + h, "correct": True, "feedback": "fa " + h},
            {"text": "B " + h, "correct": True, "feedback": "fb " + h},
            {"text": "C " + h, "correct": True, "feedback": "fc " + h},
            {"text": "D " + h, "feedback": "fd " + h}]),
        dict(base, id="h-bs", type="benar-salah", prompt="Pernyataan " + h, answer=False,
             feedback={"benar": "Yang memilih Benar " + h, "salah": "Yang memilih Salah " + h}),
        dict(base, id="h-jodoh", type="menjodohkan", prompt="Jodohkan " + h,
             pairs=[{"left": "kiri satu " + h, "right": "kanan satu " + h, "feedback": "f1 " + h},
                    {"left": "kiri dua", "right": "kanan dua = x -> y", "feedback": "f2"}],
             distractors=[{"text": "pengecoh " + h, "feedback": "fd " + h}]),
        dict(base, id="h-urut", type="mengurutkan", prompt="Urutkan " + h,
             steps=[{"text": "langkah satu " + h, "feedback": "s1"}, {"text": "langkah dua", "feedback": "s2"},
                    {"text": "langkah tiga", "feedback": "s3 " + h}]),
        dict(base, id="h-kelompok", type="mengelompokkan", prompt="Kelompokkan " + h,
             groups=["Mikro " + h, "Makro", "Meso"],
             entries=[{"text": "individu " + h, "group": "Mikro " + h, "feedback": "e1 " + h},
                      {"text": "negara", "group": "Makro", "feedback": "e2"}]),
        dict(base, id="h-isian", type="isian", prompt="Isi " + h, accepted=["Kĕtuhanan*", "a#b {c}"],
             feedback={"benar": "ya " + h, "salah": "tidak " + h},
             near_misses=[{"text": "dekat: ~x", "feedback": "hampir " + h}]),
    ]}


# HOSTILE as the inline HTML the exports must carry: markup escaped, Markdown converted.
HOSTILE_HTML = ("Awas ~ = # { } : \\ -&gt; &lt;script&gt;alert('x')&lt;/script&gt; &amp; <strong>tebal</strong> "
                "%50% \\n")
# HOSTILE as a plain-text Moodle answer shown as HTML (matching): Markdown marks dropped, markup as entities.
HOSTILE_PLAIN = "Awas ~ = # { } : \\ -&gt; &lt;script&gt;alert('x')&lt;/script&gt; &amp; tebal %50% \\n"
