"""The bank as a GIFT file for Moodle's GIFT importer (``qformat_gift``).

Layout of one question (blank lines separate questions)::

    // [id:pengertian-siporin-inti] [tag:definisi] [tag:tingkat-ingat] [tag:jenis-pilihan-tunggal]
    ::pengertian-siporin-inti\\: Menurut Max Siporin ...::[html]<p>...</p>{
    \t=right answer#feedback
    \t~wrong answer#feedback
    \t####general feedback
    }

- ``// [id:...]`` and ``[tag:...]`` in a comment line before the question are how Moodle's
  GIFT importer reads a question's ``idnumber`` and tags (``extract_idnumber_and_tags_from_comment``).
- ``$CATEGORY: $course$/top/<book>/<NN chapter>`` opens each chapter's category.
- All text is HTML (``[html]`` on the question text; answers and feedback inherit it); the
  characters ``~ = # { } :`` and ``\\`` are escaped with a backslash, newlines as ``\\n``.
- Multiple-select weights are written ``~%33.33333%``; a true/false question carries both
  feedbacks (``{TRUE#for a wrong answer#for a right answer####general}``, Moodle's order).
"""
from __future__ import annotations

from collections.abc import Sequence

from .common import Category, Question, format_fraction

# A leading "%" would read as a weight (%50%) and a leading "[" as a format ([plain]); in HTML
# text the same character can be written as an entity.
_LEADING = {"%": "&#37;", "[": "&#91;"}


def escape(text: str) -> str:
    """Escape GIFT's special characters as Moodle's exporter does (``repchar``)."""
    text = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r", "").replace("\n", "\\n")


def _html(text: str) -> str:
    """HTML text for an answer, a feedback or a matching question, escaped for GIFT."""
    if text[:1] in _LEADING:
        text = _LEADING[text[0]] + text[1:]
    return escape(text)


def _choice(mark: str, text: str, feedback: str, *, plain: bool = False) -> str:
    body = escape(text) if plain else _html(text)
    return f"\t{mark}{body}" + (f"#{_html(feedback)}" if feedback else "")


def question(q: Question) -> str:
    """One question, without the blank line that ends it."""
    head = "// " + " ".join([f"[id:{q.id.replace(']', chr(92) + ']')}]"]
                            + [f"[tag:{t.replace(']', chr(92) + ']')}]" for t in q.tags])
    start = f"::{escape(q.name)}::[html]{escape(q.text)}"
    general = f"####{escape(q.general_feedback)}" if q.general_feedback else ""
    if q.qtype == "truefalse":
        right, wrong = (q.feedback_true, q.feedback_false) if q.correct else (q.feedback_false, q.feedback_true)
        body = "{" + ("TRUE" if q.correct else "FALSE") + f"#{_html(wrong)}#{_html(right)}{general}" + "}"
        return "\n".join([head, start + body])
    lines = [head, start + "{"]
    if q.qtype == "multichoice":
        for a in q.answers:
            if q.single:
                mark = "=" if a.fraction == 100 else "~"
            else:
                mark = f"~%{format_fraction(a.fraction)}%"
            lines.append(_choice(mark, a.text, a.feedback))
    elif q.qtype == "shortanswer":  # always with a weight, so an answer may start with "%"
        lines += [_choice(f"=%{format_fraction(a.fraction)}%", a.text, a.feedback, plain=True) for a in q.answers]
    elif q.qtype == "match":
        lines += [f"\t={_html(m.question) if m.question else ''} -> {escape(m.answer)}" for m in q.matches]
    else:  # pragma: no cover
        raise ValueError(f"{q.id}: no GIFT form for Moodle type {q.qtype!r}")
    if general:
        lines.append("\t" + general)
    lines.append("}")
    return "\n".join(lines)


def render(categories: Sequence[Category], *, title: str = "") -> str:
    """The whole GIFT file: a header comment, then each category line followed by its questions."""
    title = " ".join((title or "Bank soal").split())
    parts = [f"// {title}: bank soal untuk diimpor ke Moodle (format GIFT).\n"
             "// Dibuat oleh `peksos export gift`; jangan disunting, buat ulang dari quizzes/."]
    for cat in categories:
        parts.append(f"$CATEGORY: {cat.path}")
        parts += [question(q) for q in cat.questions]
    return "\n\n".join(parts) + "\n"
