"""The bank as Moodle XML (``qformat_xml``), the format Moodle's own question export writes.

One ``<question type="category">`` per chapter (path, info, idnumber), then its questions. Every
question carries ``name``, ``questiontext`` and ``generalfeedback`` (format html), ``defaultgrade``,
``penalty``, ``hidden``, ``idnumber`` (the item id) and ``tags``, plus per type:

- multichoice: ``single``, ``shuffleanswers``, ``answernumbering``, the combined feedback and one
  ``<answer fraction="...">`` with its ``<feedback>`` per option;
- truefalse: the answers ``true`` and ``false``, each with the feedback for the reader who picks it;
- shortanswer: ``usecase`` 0 (case-insensitive) and the answers;
- matching: ``shuffleanswers``, the combined feedback and one ``<subquestion>`` per pair (an empty
  question text marks an extra answer);
- ordering (``qtype_ordering``): ``layouttype``, ``selecttype``, ``selectcount``, ``gradingtype``,
  ``showgrading``, ``numberingstyle``, the combined feedback and one ``<answer>`` per step in the
  right order (its ``fraction`` is the position, as Moodle's own export writes it).

The XML is built with :mod:`xml.etree.ElementTree`, which escapes ``<``, ``>`` and ``&``.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .common import Category, Question, format_fraction

COMBINED = {
    "correctfeedback": "<p>Jawaban Anda benar.</p>",
    "partiallycorrectfeedback": "<p>Jawaban Anda benar sebagian.</p>",
    "incorrectfeedback": "<p>Jawaban Anda belum benar.</p>",
}


# qtype_ordering's options (its import_from_xml): every step shown in one vertical list, graded by
# absolute position (the book's rule), the grading details shown, no numbering.
ORDERING = {"layouttype": "VERTICAL", "selecttype": "ALL", "gradingtype": "ABSOLUTE_POSITION",
            "showgrading": "SHOW", "numberingstyle": "none"}


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag)
    if fmt:
        el.set("format", fmt)
    ET.SubElement(el, "text").text = value
    return el


def _value(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = value
    return el


def _category(cat: Category) -> ET.Element:
    el = ET.Element("question", type="category")
    _text(el, "category", cat.path, fmt=None)
    _text(el, "info", cat.info)
    _value(el, "idnumber", cat.idnumber)
    return el


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str, fmt: str) -> None:
    el = ET.SubElement(parent, "answer", fraction=format_fraction(fraction), format=fmt)
    ET.SubElement(el, "text").text = text
    _text(el, "feedback", feedback)


def _combined(el: ET.Element, shownumcorrect: bool) -> None:
    for tag, text in COMBINED.items():
        _text(el, tag, text)
    if shownumcorrect:
        ET.SubElement(el, "shownumcorrect")


def question(q: Question) -> ET.Element:
    el = ET.Element("question", type=q.qtype)
    _text(el, "name", q.name, fmt=None)
    _text(el, "questiontext", q.text)
    _text(el, "generalfeedback", q.general_feedback)
    _value(el, "defaultgrade", "1")
    _value(el, "penalty", "1" if q.qtype == "truefalse" else "0.3333333")
    _value(el, "hidden", "0")
    _value(el, "idnumber", q.id)
    if q.qtype == "multichoice":
        _value(el, "single", "true" if q.single else "false")
        _value(el, "shuffleanswers", "true")
        _value(el, "answernumbering", "abc")
        _combined(el, shownumcorrect=not q.single)
        for a in q.answers:
            _answer(el, a.fraction, a.text, a.feedback, "html")
    elif q.qtype == "truefalse":
        _answer(el, 100 if q.correct else 0, "true", q.feedback_true, "moodle_auto_format")
        _answer(el, 0 if q.correct else 100, "false", q.feedback_false, "moodle_auto_format")
    elif q.qtype == "shortanswer":
        _value(el, "usecase", "0")
        for a in q.answers:
            _answer(el, a.fraction, a.text, a.feedback, "moodle_auto_format")
    elif q.qtype == "match":
        _value(el, "shuffleanswers", "true")
        _combined(el, shownumcorrect=True)
        for m in q.matches:
            sub = _text(el, "subquestion", m.question)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = m.answer
    elif q.qtype == "ordering":
        for tag, value in ORDERING.items():
            _value(el, tag, value)
        _value(el, "selectcount", str(len(q.answers)))
        _combined(el, shownumcorrect=True)
        for a in q.answers:
            _answer(el, a.fraction, a.text, a.feedback, "html")
    else:  # pragma: no cover
        raise ValueError(f"{q.id}: no Moodle XML form for type {q.qtype!r}")
    tags = ET.SubElement(el, "tags")
    for t in q.tags:
        _text(tags, "tag", t, fmt=None)
    return el


def render(categories: Sequence[Category], *, title: str = "") -> str:
    """The whole ``<quiz>`` document, UTF-8, indented."""
    root = ET.Element("quiz")
    title = " ".join((title or "Bank soal").split()).replace("--", "-")
    root.append(ET.Comment(f" {title}: bank soal untuk diimpor ke Moodle. Dibuat oleh `peksos export "
                           f"moodle-xml`; jangan disunting, buat ulang dari quizzes/. "))
    for cat in categories:
        root.append(_category(cat))
        for q in cat.questions:
            root.append(question(q))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
