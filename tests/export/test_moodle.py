"""Moodle XML export: well-formed (parsed with lxml), one category per chapter, and every question with
the elements Moodle's XML importer (qformat_xml, and qtype_ordering's import_from_xml) reads; weights only
from Moodle's list; hostile text escaped; ordering as matching on request."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from lxml import etree

from peksos.export import common, export, moodle
from peksos.quiz.schema import Bank

from ..conftest import ROOT
from .conftest import HOSTILE_HTML, HOSTILE_PLAIN, hostile_bank

QTYPE = {"pilihan-tunggal": "multichoice", "pilihan-ganda": "multichoice", "benar-salah": "truefalse",
         "menjodohkan": "match", "mengelompokkan": "match", "mengurutkan": "ordering", "isian": "shortanswer"}
# What qtype_ordering's import_from_xml reads, with the values the book's scoring needs.
ORDERING = {"layouttype": "VERTICAL", "selecttype": "ALL", "gradingtype": "ABSOLUTE_POSITION", "showgrading": "SHOW"}
ALLOWED = set(common.ALLOWED_FRACTIONS)


def parse(text: str):
    """The document as lxml reads it: strict, no entities resolved, no network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    return etree.fromstring(text.encode("utf-8"), parser)


@pytest.fixture(scope="module")
def quiz(xml_export):
    return parse(xml_export.text)


def text_of(q: ET.Element, path: str) -> str:
    el = q.find(path)
    assert el is not None, f"{q.findtext('idnumber')}: missing <{path}>"
    return el.text or ""


def html_fragment(text: str) -> ET.Element:
    """The HTML the export writes is well-formed: it parses as an XML fragment."""
    return ET.fromstring(f"<div>{text}</div>")


def fraction(el: ET.Element) -> float:
    value = float(el.get("fraction"))
    assert abs(value) in ALLOWED, value
    return value


def test_well_formed_with_one_category_per_chapter(xml_export, quiz, real_banks):
    assert xml_export.text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert quiz.tag == "quiz"
    cats = [q for q in quiz.findall("question") if q.get("type") == "category"]
    assert [text_of(c, "category/text") for c in cats] == [c.path for c in xml_export.categories]
    assert len(cats) == len({b.chapter for b in real_banks})
    for c in cats:
        assert text_of(c, "category/text").startswith("$course$/top/Pengantar Pekerjaan Sosial/")
        assert text_of(c, "idnumber").startswith("peksos-")
        assert text_of(c, "info/text")


def test_every_item_is_one_question_in_its_chapter(quiz, xml_export, real_banks):
    chapter_of_item = {it.id: b.chapter for b in real_banks for it in b.items}
    chapter_of_path = {c.path: c.chapter for c in xml_export.categories}
    ids, current = [], None
    for q in quiz.findall("question"):
        if q.get("type") == "category":
            current = chapter_of_path[text_of(q, "category/text")]
            continue
        ids.append(text_of(q, "idnumber"))
        assert chapter_of_item[ids[-1]] == current
    assert sorted(ids) == sorted(chapter_of_item) and len(ids) == xml_export.count == len(set(ids))


def test_every_question_has_what_the_importer_needs(quiz, real_items):
    seen = set()
    for q in quiz.findall("question"):
        kind = q.get("type")
        if kind == "category":
            continue
        item = real_items[text_of(q, "idnumber")]
        seen.add(item.type)
        check_question(q, item)
    assert seen == set(QTYPE)


def check_question(q, item, qtype: dict = QTYPE) -> None:
    """Every element qformat_xml reads for the question's type (import_headers and import_<type>)."""
    kind = q.get("type")
    assert kind == qtype[item.type], item.id
    assert text_of(q, "name/text").startswith(item.id)
    assert q.find("questiontext").get("format") == "html"
    assert html_fragment(text_of(q, "questiontext/text")).find(".//script") is None
    assert q.find("generalfeedback").get("format") == "html"
    general = text_of(q, "generalfeedback/text")
    assert common.to_html(item.explanation) in general and "Baca lagi di buku" in general
    html_fragment(general)
    assert text_of(q, "defaultgrade") == "1" and text_of(q, "hidden") == "0"
    assert float(text_of(q, "penalty")) in (1.0, 0.3333333)
    assert {t.text for t in q.findall("tags/tag/text")} == set(item.tags) | {f"tingkat-{item.level}",
                                                                             f"jenis-{item.type}"}
    if kind == "multichoice":
        assert text_of(q, "single") == ("true" if item.type == "pilihan-tunggal" else "false")
        assert text_of(q, "shuffleanswers") == "true"
        assert text_of(q, "answernumbering") == "abc"
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            assert text_of(q, f"{tag}/text")
        answers = q.findall("answer")
        assert len(answers) == len(item.options)
        fr = [fraction(a) for a in answers]
        for a, o in zip(answers, item.options):
            assert a.get("format") == "html"
            assert text_of(a, "text") == common.to_html(o.text)
            assert text_of(a, "feedback/text") == common.to_html(o.feedback)
        if item.type == "pilihan-tunggal":
            assert sorted(fr) == [0] * (len(fr) - 1) + [100]
        else:
            k = sum(o.correct for o in item.options)
            assert abs(sum(f for f in fr if f > 0) - 100) < 0.001
            assert fr == pytest.approx([100 / k if o.correct else -100 / k for o in item.options], abs=1e-5)
    elif kind == "truefalse":
        answers = {text_of(a, "text"): a for a in q.findall("answer")}
        assert set(answers) == {"true", "false"}
        assert fraction(answers["true"]) == (100 if item.answer else 0)
        assert fraction(answers["false"]) == (0 if item.answer else 100)
        assert text_of(answers["true"], "feedback/text") == common.to_html(item.feedback.benar)
        assert text_of(answers["false"], "feedback/text") == common.to_html(item.feedback.salah)
    elif kind == "shortanswer":
        assert text_of(q, "usecase") == "0"
        answers = [(text_of(a, "text"), fraction(a)) for a in q.findall("answer")]
        for a in item.accepted:
            assert (a, 100) in answers and (common.strip_diacritics(a), 100) in answers
        assert answers[-1] == ("*", 0)
        assert all(text_of(a, "feedback/text") for a in q.findall("answer"))
    elif kind == "match":
        assert text_of(q, "shuffleanswers") == "true"
        subs = q.findall("subquestion")
        assert len(subs) >= 2 and all(s.get("format") == "html" for s in subs)
        assert all(text_of(s, "answer/text") for s in subs)
        assert sum(1 for s in subs if (s.findtext("text") or "")) == len(
            getattr(item, "pairs", None) or getattr(item, "steps", None) or item.entries)
    elif kind == "ordering":
        for tag, value in ORDERING.items():
            assert text_of(q, tag) == value, (item.id, tag)
        assert text_of(q, "selectcount") == str(len(item.steps))
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            assert q.find(tag).get("format") == "html" and text_of(q, f"{tag}/text")
        answers = q.findall("answer")
        assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(item.steps) + 1)]
        assert [text_of(a, "text") for a in answers] == [common.to_html(s.text) for s in item.steps]
        assert all(a.get("format") == "html" for a in answers)
        general = text_of(q, "generalfeedback/text")
        assert all(common.to_html(s.feedback) in general for s in item.steps)
    else:
        pytest.fail(f"{item.id}: unexpected type {kind}")


@pytest.mark.parametrize("k, expected", [(1, 100), (2, 50), (3, 33.33333), (4, 25), (5, 20), (6, 16.66667),
                                         (7, 14.28571), (8, 12.5), (9, 11.11111), (10, 10)])
def test_100_over_k_is_on_moodles_list(k, expected):
    assert common.fraction(100 / k) == (expected, True)
    assert common.fraction(-100 / k) == (-expected, True)


def test_a_weight_off_the_list_is_rounded_and_reported():
    assert common.fraction(100 / 11) == (10, False)
    assert common.fraction(100 / 12) == (10, False)
    item = {"id": "sebelas", "type": "pilihan-ganda", "prompt": "Pilih semua.", "explanation": "Semua kecuali satu.",
            "section": "s", "list_id": "functions.siporin", "level": "ingat", "tags": ["uji"],
            "options": [{"text": f"opsi {n}", "correct": n < 11, "feedback": "f"} for n in range(12)]}
    [cat] = common.build([Bank.model_validate({"id": "b", "title": "B", "chapter": "tujuan", "items": [item]})])
    [q] = cat.questions
    assert [a.fraction for a in q.answers] == [10] * 11 + [-10]
    assert len(q.notes) == 1 and "100/11" in q.notes[0] and "not one of Moodle's grades" in q.notes[0]
    quiz = ET.fromstring(moodle.render([cat]))
    assert [a.get("fraction") for a in quiz.iter("answer")] == ["10"] * 11 + ["-10"]


def test_hostile_text_is_escaped():
    cats = common.build([Bank.model_validate(hostile_bank())])
    quiz = ET.fromstring(moodle.render(cats, title="Uji -- <b>"))
    qs = {q.findtext("idnumber"): q for q in quiz.findall("question") if q.get("type") != "category"}
    assert len(qs) == 7
    for q in qs.values():
        text = text_of(q, "questiontext/text")
        assert HOSTILE_HTML in text and html_fragment(text).find(".//script") is None
        assert "&lt;script&gt;" in text_of(q, "name/text")
        html_fragment(text_of(q, "generalfeedback/text"))
    single = qs["h-tunggal"].findall("answer")
    assert text_of(single[0], "text") == "%50% Benar " + HOSTILE_HTML
    assert text_of(single[1], "feedback/text") == "[html] umpan salah " + HOSTILE_HTML
    tf = {text_of(a, "text"): text_of(a, "feedback/text") for a in qs["h-bs"].findall("answer")}
    assert tf == {"true": "Yang memilih Benar " + HOSTILE_HTML, "false": "Yang memilih Salah " + HOSTILE_HTML}
    subs = [(s.findtext("text"), s.findtext("answer/text")) for s in qs["h-jodoh"].findall("subquestion")]
    assert subs == [("kiri satu " + HOSTILE_HTML, "kanan satu " + HOSTILE_PLAIN),
                    ("kiri dua", "kanan dua = x -&gt; y"), ("", "pengecoh " + HOSTILE_PLAIN)]
    short = [(text_of(a, "text"), a.get("fraction")) for a in qs["h-isian"].findall("answer")]
    assert short == [("Kĕtuhanan\\*", "100"), ("Ketuhanan\\*", "100"), ("a#b {c}", "100"), ("dekat: ~x", "0"),
                     ("*", "0")]


def test_ordering_as_matching_for_older_sites(real_items):
    older = parse(export("moodle-xml", root=ROOT, ordering_as_matching=True).text)
    qtype = dict(QTYPE, mengurutkan="match")
    kinds = set()
    for q in older.findall("question"):
        if q.get("type") != "category":
            item = real_items[text_of(q, "idnumber")]
            check_question(q, item, qtype)
            kinds.add(q.get("type"))
    assert "ordering" not in kinds and "match" in kinds


def test_hostile_ordering_steps_are_escaped():
    cats = common.build([Bank.model_validate(hostile_bank())], ordering=True)
    q = next(q for q in parse(moodle.render(cats)).findall("question") if q.findtext("idnumber") == "h-urut")
    assert q.get("type") == "ordering"
    assert [a.findtext("text") for a in q.findall("answer")] == ["langkah satu " + HOSTILE_HTML, "langkah dua",
                                                                  "langkah tiga"]
    assert html_fragment(text_of(q, "generalfeedback/text")).find(".//script") is None
