"""The quiz bank as Moodle sees it: one neutral model that both exports write.

:func:`collect` reads every bank under ``quizzes/`` (checked as ``peksos validate`` does) and
:func:`build` maps its items onto Moodle's core question types:

=================  ==========================================================================
``pilihan-tunggal``  multichoice, one answer (100 for the key, 0 for the rest)
``pilihan-ganda``    multichoice, several answers: each right option 100/k, each wrong one -100/k
                     (k right options), the book's own scoring rule; weights from Moodle's list
``benar-salah``      truefalse, with the feedback for "Benar" and for "Salah"
``menjodohkan``      matching; distractors become answers without a question
``mengelompokkan``   matching: each entry is a question whose answer is its group
``mengurutkan``      ordering (qtype_ordering, in core since Moodle 4.4): every step, all shown, graded
                     by absolute position like the book; or (GIFT, ``ordering=False``) matching:
                     each step is a question whose answer is "Urutan ke-n"
``isian``            shortanswer (case-insensitive): every accepted variant, also without
                     diacritics; near misses as 0 % answers; a last ``*`` answer carries the
                     feedback for any other answer
=================  ==========================================================================

What Moodle has no place for (feedback per pair, entry or step; a weight off Moodle's list) is
moved into the general feedback or rounded, and every such change is listed in the question's
``notes``, which the CLI prints on stderr. Text is converted from the quiz Markdown subset to
escaped HTML (:func:`to_html`); no HTML from a quiz file is ever passed through.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .. import data
from ..book import Section, book_sections, chapter_titles
from ..data import CHAPTERS
from ..markup import escape_text as _esc
from ..markup import to_html, to_html_block, to_plain
from ..paths import project_root
from ..quiz import loader
from ..quiz.schema import Bank

# Moodle's grades for one answer (question_bank::fraction_options_full), in percent.
ALLOWED_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                     16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)
# Moodle's importer accepts a grade within 0.00001 of an allowed one (on its 0..1 scale).
_TOLERANCE = 0.001
DEFAULT_BOOK_TITLE = "Pengantar Pekerjaan Sosial"
ORDER_ANSWER = "Urutan ke-{n}"


class ExportError(ValueError):
    """The bank cannot be exported as asked (e.g. no bank for the chapter)."""


# --- weights --------------------------------------------------------------------------------
def fraction(percent: float) -> tuple[float, bool]:
    """The allowed Moodle grade nearest to ``percent`` (sign kept), and whether it is exact."""
    sign = -1 if percent < 0 else 1
    nearest = min(ALLOWED_FRACTIONS, key=lambda a: (abs(abs(percent) - a), -a))
    return sign * nearest if nearest else 0.0, abs(abs(percent) - nearest) < _TOLERANCE


def format_fraction(value: float) -> str:
    """A grade as Moodle writes it: ``100``, ``33.33333``, ``-12.5``."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- text -----------------------------------------------------------------------------------
def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")))


def _choice_text(text: str) -> str:
    """A matching answer: plain text, with ``<``, ``>`` and ``&`` as entities (Moodle shows it as HTML)."""
    return _esc(to_plain(text))


def _wildcard_safe(text: str) -> str:
    """A shortanswer answer: Moodle reads ``*`` as a wildcard and ``\\*`` as the character itself
    (any other backslash is literal)."""
    return text.replace("*", "\\*")


def book_settings(root: Path) -> tuple[str, str | None]:
    """The book's title and ``html.baseurl`` from ``_config.yml`` (defaults if absent)."""
    path = Path(root) / "_config.yml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    title = str(config.get("title") or DEFAULT_BOOK_TITLE).strip()
    base = ((config.get("html") or {}).get("baseurl") or None) if isinstance(config.get("html"), dict) else None
    return title, base


# --- the neutral model -------------------------------------------------------------------------
@dataclass
class Answer:
    text: str                 # HTML for multichoice, Moodle's plain answer for shortanswer
    fraction: float           # percent, one of ALLOWED_FRACTIONS (or its negative)
    feedback: str = ""        # HTML


@dataclass
class Match:
    question: str             # HTML; "" for an extra answer that matches no question
    answer: str               # Moodle shows it with format_string: text with <, > and & as entities


@dataclass
class Question:
    id: str
    source_type: str          # the book's item type
    qtype: str                # Moodle: multichoice, truefalse, shortanswer, match, ordering
    name: str
    text: str                 # HTML
    general_feedback: str     # HTML
    tags: list[str]
    answers: list[Answer] = field(default_factory=list)     # multichoice, shortanswer; ordering: the steps
                                                            # in order, the fraction being the position
    single: bool = True                                     # multichoice
    matches: list[Match] = field(default_factory=list)      # match
    correct: bool | None = None                             # truefalse
    feedback_true: str = ""                                 # truefalse: for the reader who picks "Benar"
    feedback_false: str = ""
    notes: list[str] = field(default_factory=list)          # what the mapping changed


@dataclass
class Category:
    chapter: str
    path: str                 # Moodle category path, e.g. $course$/top/Buku/01 Bab
    title: str
    idnumber: str
    info: str                 # HTML
    questions: list[Question] = field(default_factory=list)


def category_path(*parts: str) -> str:
    """A Moodle category path; a ``/`` inside a name is written ``//``."""
    return "/".join(["$course$", "top"] + [re.sub(r"\s+", " ", p).strip().replace("/", "//") for p in parts])


def _name(item) -> str:
    prompt = to_plain(item.prompt)
    if len(prompt) > 70:
        prompt = prompt[:69].rstrip() + "…"
    return _esc(f"{item.id} · {prompt}")  # Moodle shows names with format_string: entities stay text


def _reading(item, sections: dict[str, Section], base_url: str | None) -> str:
    sec = sections.get(item.section)
    if sec is None:
        return f"<p>Baca lagi di buku: bagian <em>{_esc(item.section)}</em>.</p>"
    where = sec.page_title if sec.title == sec.page_title else f"{sec.page_title} › {sec.title}"
    if base_url:
        url = f"{base_url.rstrip('/')}/book/{sec.page}.html#{sec.label}"
        return f'<p>Baca lagi di buku: <a href="{html.escape(url, quote=True)}">{_esc(where)}</a></p>'
    if sec.title == sec.page_title:
        return f"<p>Baca lagi di buku: bab <em>{_esc(sec.page_title)}</em>.</p>"
    return f"<p>Baca lagi di buku: bab <em>{_esc(sec.page_title)}</em>, bagian <em>{_esc(sec.title)}</em>.</p>"


def _general(item, extra: str, sections, base_url) -> str:
    return to_html_block(item.explanation, base_url) + extra + _reading(item, sections, base_url)


def _list(tag: str, rows: Iterable[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{r}</li>" for r in rows) + f"</{tag}>"


def _question(item, sections: dict[str, Section], base_url: str | None, ordering: bool = False) -> Question:
    h = lambda s: to_html(s, base_url)  # noqa: E731
    tags = list(item.tags) + [f"tingkat-{item.level}", f"jenis-{item.type}"]
    q = Question(id=item.id, source_type=item.type, qtype="", name=_name(item),
                 text=to_html_block(item.prompt, base_url), general_feedback="", tags=tags)
    extra = ""
    kind = item.type
    if kind == "pilihan-tunggal":
        q.qtype, q.single = "multichoice", True
        q.answers = [Answer(h(o.text), 100 if o.correct else 0, h(o.feedback)) for o in item.options]
    elif kind == "pilihan-ganda":
        q.qtype, q.single = "multichoice", False
        k = sum(o.correct for o in item.options)
        right, exact = fraction(100 / k)
        wrong, _ = fraction(-100 / k)
        if not exact:
            q.notes.append(f"{k} correct options: 100/{k} = {100 / k:.5g}% is not one of Moodle's grades; "
                           f"each is exported as {format_fraction(right)}% (together "
                           f"{format_fraction(right * k)}%), each wrong option as {format_fraction(wrong)}%")
        q.answers = [Answer(h(o.text), right if o.correct else wrong, h(o.feedback)) for o in item.options]
    elif kind == "benar-salah":
        q.qtype, q.correct = "truefalse", item.answer
        q.feedback_true, q.feedback_false = h(item.feedback.benar), h(item.feedback.salah)
    elif kind == "menjodohkan":
        q.qtype = "match"
        q.matches = [Match(h(p.left), _choice_text(p.right)) for p in item.pairs]
        q.matches += [Match("", _choice_text(d.text)) for d in item.distractors]
        rows = [f"<strong>{h(p.left)}</strong> → {h(p.right)}: {h(p.feedback)}" for p in item.pairs]
        rows += [f"<strong>{h(d.text)}</strong> (tidak berpasangan): {h(d.feedback)}" for d in item.distractors]
        extra = "<p>Pembahasan tiap pasangan:</p>" + _list("ul", rows)
        q.notes.append("matching has no feedback per pair: the feedback of every pair moved into the general feedback")
        if item.distractors:
            q.notes.append(f"{len(item.distractors)} distractor(s) exported as extra answers that match no "
                           "question; their feedback moved into the general feedback")
    elif kind == "mengelompokkan":
        q.qtype = "match"
        q.matches = [Match(h(e.text), _choice_text(e.group)) for e in item.entries]
        unused = [g for g in item.groups if g not in {e.group for e in item.entries}]
        q.matches += [Match("", _choice_text(g)) for g in unused]
        extra = "<p>Pembahasan tiap butir:</p>" + _list(
            "ul", [f"<strong>{h(e.text)}</strong> → {h(e.group)}: {h(e.feedback)}" for e in item.entries])
        q.notes.append("categorising exported as matching: each entry is a question whose answer is the name of "
                       "its group; the feedback of every entry moved into the general feedback")
        if unused:
            q.notes.append(f"group(s) without an entry exported as extra answers: {', '.join(unused)}")
    elif kind == "mengurutkan" and ordering:
        q.qtype = "ordering"
        q.answers = [Answer(h(s.text), n) for n, s in enumerate(item.steps, 1)]
        extra = "<p>Urutan yang benar:</p>" + _list(
            "ol", [f"<strong>{h(s.text)}</strong>: {h(s.feedback)}" for s in item.steps])
        q.notes.append("ordering exported as Moodle's ordering type (qtype_ordering, in core since Moodle 4.4), "
                       "graded by absolute position as in the book (use --ordering-as-matching for older sites); "
                       "it keeps no feedback per step: the feedback of every step moved into the general feedback")
    elif kind == "mengurutkan":
        q.qtype = "match"
        q.matches = [Match(h(s.text), ORDER_ANSWER.format(n=n)) for n, s in enumerate(item.steps, 1)]
        extra = "<p>Urutan yang benar:</p>" + _list(
            "ol", [f"<strong>{h(s.text)}</strong>: {h(s.feedback)}" for s in item.steps])
        q.notes.append(f"ordering exported as matching: each step is a question whose answer is its place "
                       f"(\"{ORDER_ANSWER.format(n=1)}\" ...); the feedback of every step moved into the general "
                       "feedback, which lists the steps in order")
    elif kind == "isian":
        q.qtype = "shortanswer"
        seen: set[str] = set()

        def variants(texts: Sequence[str]) -> list[str]:
            out = []
            for t in texts:
                for v in (t.strip(), strip_diacritics(t.strip())):
                    if v and v.casefold() not in seen:
                        seen.add(v.casefold())
                        out.append(v)
            return out

        q.answers = [Answer(_wildcard_safe(v), 100, h(item.feedback.benar)) for v in variants(item.accepted)]
        for m in item.near_misses:
            q.answers += [Answer(_wildcard_safe(v), 0, h(m.feedback)) for v in variants([m.text])]
        q.answers.append(Answer("*", 0, h(item.feedback.salah)))
    else:  # pragma: no cover - the schema knows seven types
        raise ExportError(f"item {item.id!r}: type {kind!r} has no Moodle mapping")
    q.general_feedback = _general(item, extra, sections, base_url)
    return q


def build(banks: Sequence[Bank], *, sections: dict[str, Section] | None = None, base_url: str | None = None,
          book_title: str = DEFAULT_BOOK_TITLE, chapter_titles: dict[str, str] | None = None,
          chapter: str | None = None, ordering: bool = False) -> list[Category]:
    """One category per chapter (in the book's order), holding the questions of its banks.

    ``ordering``: ordering items as Moodle's ordering type (else as matching, for GIFT and old sites)."""
    sections = sections or {}
    titles = chapter_titles or {}
    if chapter is not None:
        if chapter not in CHAPTERS:
            raise ExportError(f"unknown chapter {chapter!r}; chapters: {', '.join(CHAPTERS)}")
        banks = [b for b in banks if b.chapter == chapter]
        if not banks:
            raise ExportError(f"no quiz bank under quizzes/ has chapter {chapter!r}")
    order = {c: n for n, c in enumerate(CHAPTERS)}
    cats: dict[str, Category] = {}
    for bank in sorted(banks, key=lambda b: (order.get(b.chapter, len(order)), b.id)):
        cat = cats.get(bank.chapter)
        if cat is None:
            title = titles.get(bank.chapter, bank.chapter)
            number = order.get(bank.chapter, len(order)) + 1
            cat = cats[bank.chapter] = Category(
                chapter=bank.chapter, path=category_path(book_title, f"{number:02d} {title}"), title=title,
                idnumber=f"peksos-{bank.chapter}", info="")
        cat.info += f"<p>{_esc(bank.title)}</p>"
        cat.questions += [_question(it, sections, base_url, ordering) for it in bank.items]
    return list(cats.values())


def collect(root: Path | None = None, *, chapter: str | None = None, base_url: str | None = None,
            ordering: bool = False) -> list[Category]:
    """Read and check every bank under ``<root>/quizzes`` and :func:`build` its categories.

    Banks are checked as ``peksos validate`` checks them (schema, ids, list ids, section
    labels); a bad file raises :class:`peksos.quiz.QuizError` naming file, line and item.
    """
    root = Path(root) if root is not None else project_root()
    book = root / "book"
    try:
        lists = data.load("lists")
        list_ids = set(lists["list_id"])
        list_titles = dict(zip(lists["list_id"], lists["title_id"]))
    except data.DataError:
        list_ids, list_titles = None, {}
    labels = loader.book_labels(book, list_ids or ())
    loaded = loader.load_all(root / "quizzes", lists=list_ids, labels=labels)
    if not loaded:
        raise ExportError(f"{root / 'quizzes'}: no quiz bank to export")
    sections = book_sections(book, list_titles)
    book_title, config_base = book_settings(root)
    base_url = base_url or config_base
    if base_url and urlsplit(base_url).scheme not in ("http", "https"):
        raise ExportError(f"base URL {base_url!r}: must start with http:// or https://")
    return build([one.bank for one in loaded], sections=sections, base_url=base_url, book_title=book_title,
                 chapter_titles=chapter_titles(book), chapter=chapter, ordering=ordering)


def count(categories: Iterable[Category]) -> int:
    return sum(len(c.questions) for c in categories)


def notes(categories: Iterable[Category]) -> list[tuple[Question, str]]:
    return [(q, n) for c in categories for q in c.questions for n in q.notes]


__all__ = ["ALLOWED_FRACTIONS", "Answer", "Category", "ExportError", "Match", "Question", "Section", "book_sections",
           "build", "collect", "count", "format_fraction", "fraction", "notes", "to_html", "to_plain"]
