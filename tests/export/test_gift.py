"""GIFT export: the real bank read back by gift-pegjs (an independent parser from npm), escaping,
weights, feedback and the mapping of every item type."""
from __future__ import annotations

import html

import pytest

from peksos.export import common, gift
from peksos.quiz.schema import Bank

from .conftest import HOSTILE, HOSTILE_HTML, HOSTILE_PLAIN, hostile_bank, parse_gift

GIFT_TYPE = {"pilihan-tunggal": "MC", "pilihan-ganda": "MC", "benar-salah": "TF", "menjodohkan": "Matching",
             "mengelompokkan": "Matching", "mengurutkan": "Matching", "isian": "Short"}
ALLOWED = set(common.ALLOWED_FRACTIONS)
# gift-pegjs 1.0.2 copies Moodle's trick of hiding escaped characters behind placeholders but does not
# put them back in matching answers; Moodle's importer does (escapedchar_post). Undo them the same way.
PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~",
                "&&092;": "\\"}


def moodle_post(text: str) -> str:
    for k, v in PLACEHOLDERS.items():
        text = text.replace(k, v)
    return text


@pytest.fixture(scope="module")
def parsed(gift_export, tmp_path_factory):
    return parse_gift(gift_export.text, tmp_path_factory.mktemp("gift"))


def questions(parsed_list):
    return [q for q in parsed_list if q["type"] != "Category"]


def test_the_real_bank_is_read_back_question_for_question(parsed, gift_export, real_banks):
    total = sum(len(b.items) for b in real_banks)
    assert len(questions(parsed)) == gift_export.count == total
    cats = [q["title"] for q in parsed if q["type"] == "Category"]
    assert cats == [c.path for c in gift_export.categories]
    assert len(cats) == len({b.chapter for b in real_banks})
    assert all(c.startswith("$course$/top/Pengantar Pekerjaan Sosial/") for c in cats)


def test_every_id_appears_once_with_its_type_and_tags(parsed, real_items):
    qs = questions(parsed)
    ids = [q["id"] for q in qs]
    assert sorted(ids) == sorted(real_items) and len(set(ids)) == len(ids)
    for q in qs:
        item = real_items[q["id"]]
        assert q["type"] == GIFT_TYPE[item.type], item.id
        assert set(item.tags) | {f"tingkat-{item.level}", f"jenis-{item.type}"} == set(q["tags"])
        assert q["stem"]["format"] == "html" and q["stem"]["text"].startswith("<p>")
        assert q["title"].startswith(f"{item.id} · ")


def test_questions_sit_in_their_chapter_category(parsed, gift_export, real_banks):
    chapter_of_path = {c.path: c.chapter for c in gift_export.categories}
    chapter_of_item = {it.id: b.chapter for b in real_banks for it in b.items}
    current = None
    for q in parsed:
        if q["type"] == "Category":
            current = chapter_of_path[q["title"]]
        else:
            assert chapter_of_item[q["id"]] == current, q["id"]


def test_general_feedback_is_the_explanation_and_where_to_read(parsed, real_items):
    for q in questions(parsed):
        item = real_items[q["id"]]
        fb = q["globalFeedback"]["text"]
        assert fb.startswith(f"<p>{common.to_html(item.explanation)}</p>"), item.id
        assert "Baca lagi di buku: bab <em>" in fb, item.id


def test_single_choice_has_one_key_and_feedback_on_every_option(parsed, real_items):
    for q in questions(parsed):
        item = real_items[q["id"]]
        if item.type != "pilihan-tunggal":
            continue
        assert [c["isCorrect"] for c in q["choices"]] == [o.correct for o in item.options]
        assert all(c["weight"] in (None, 100) for c in q["choices"])
        for c, o in zip(q["choices"], item.options):
            assert c["text"]["text"] == common.to_html(o.text)
            assert c["feedback"]["text"] == common.to_html(o.feedback)


def test_multiple_select_weights_come_from_moodles_list(parsed, real_items):
    seen = 0
    for q in questions(parsed):
        item = real_items[q["id"]]
        if item.type != "pilihan-ganda":
            continue
        seen += 1
        k = sum(o.correct for o in item.options)
        weights = [c["weight"] for c in q["choices"]]
        assert all(abs(w) in ALLOWED for w in weights), (item.id, weights)
        assert abs(sum(w for w in weights if w > 0) - 100) < 0.001, item.id
        for w, o in zip(weights, item.options):
            assert w == pytest.approx(100 / k if o.correct else -100 / k, abs=0.00001), item.id
        assert not any(c["isCorrect"] for c in q["choices"])  # no "=" answer: Moodle makes it multiple-answer
        assert all(c["feedback"]["text"] for c in q["choices"])
    assert seen == sum(it.type == "pilihan-ganda" for it in real_items.values()) > 0


def test_true_false_carries_both_feedbacks_in_moodles_order(parsed, real_items):
    for q in questions(parsed):
        item = real_items[q["id"]]
        if item.type != "benar-salah":
            continue
        assert q["isTrue"] is item.answer
        # {TRUE#...#...}: Moodle reads the first text as the feedback for a wrong answer, the
        # second for a right one (gift-pegjs names the two slots trueFeedback and falseFeedback).
        right, wrong = (item.feedback.benar, item.feedback.salah) if item.answer else \
            (item.feedback.salah, item.feedback.benar)
        assert q["trueFeedback"]["text"] == common.to_html(wrong)
        assert q["falseFeedback"]["text"] == common.to_html(right)


def test_fill_in_accepts_every_variant_and_keeps_the_wrong_answer_feedback(parsed, real_items):
    for q in questions(parsed):
        item = real_items[q["id"]]
        if item.type != "isian":
            continue
        right = [c["text"]["text"] for c in q["choices"] if c["weight"] == 100]
        for a in item.accepted:
            assert a in right and common.strip_diacritics(a) in right, item.id
        near = {c["text"]["text"]: c["feedback"]["text"] for c in q["choices"] if c["weight"] == 0}
        for m in item.near_misses:
            assert near[m.text] == common.to_html(m.feedback)
        last = q["choices"][-1]
        assert (last["text"]["text"], last["weight"]) == ("*", 0)
        assert last["feedback"]["text"] == common.to_html(item.feedback.salah)
        assert all(c["feedback"]["text"] == common.to_html(item.feedback.benar) for c in q["choices"]
                   if c["weight"] == 100)


def test_matching_ordering_and_grouping_become_matching(parsed, real_items):
    kinds = set()
    for q in questions(parsed):
        item = real_items[q["id"]]
        pairs = [(p["subquestion"]["text"], moodle_post(p["subanswer"])) for p in q.get("matchPairs", [])]
        if item.type == "menjodohkan":
            assert pairs == [(common.to_html(p.left), html.escape(common.to_plain(p.right), quote=False))
                             for p in item.pairs] + [("", html.escape(common.to_plain(d.text), quote=False))
                                                     for d in item.distractors]
            for p in item.pairs:  # the per-pair feedback moved into the general feedback
                assert common.to_html(p.feedback) in q["globalFeedback"]["text"]
        elif item.type == "mengurutkan":
            assert pairs == [(common.to_html(s.text), f"Urutan ke-{n}") for n, s in enumerate(item.steps, 1)]
            assert "<ol>" in q["globalFeedback"]["text"]
        elif item.type == "mengelompokkan":
            assert [a for _, a in pairs][:len(item.entries)] == [e.group for e in item.entries]
            assert all(common.to_html(e.feedback) in q["globalFeedback"]["text"] for e in item.entries)
        else:
            continue
        kinds.add(item.type)
    assert kinds == {"menjodohkan", "mengurutkan", "mengelompokkan"}


# --- escaping --------------------------------------------------------------------------------
def test_escape_backslashes_every_special_character():
    assert gift.escape("a~b=c#d{e}f:g\\h\nx\r") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nx"


def test_markdown_becomes_escaped_html():
    assert common.to_html(HOSTILE) == HOSTILE_HTML
    assert common.to_html("*miring* dan `kode <b>` dan [bagian](pengertian.html#x)") == \
        "<em>miring</em> dan <code>kode &lt;b&gt;</code> dan bagian"
    assert common.to_html("[bagian](pengertian.html#x)", "https://contoh.id/buku/") == \
        '<a href="https://contoh.id/buku/book/pengertian.html#x">bagian</a>'
    assert common.to_html("[x](javascript:alert)", "https://contoh.id") == "x"  # no link, only its text
    assert common.to_html("baris\nkedua") == "baris kedua"
    assert common.to_html_block("satu\n\ndua") == "<p>satu</p><p>dua</p>"


def test_hostile_text_survives_the_round_trip(tmp_path):
    cats = common.build([Bank.model_validate(hostile_bank())])
    text = gift.render(cats, title="Uji " + HOSTILE)
    assert "<script" not in text.split("\n", 2)[2]  # past the header comment, markup only as entities
    qs = {q["id"]: q for q in questions(parse_gift(text, tmp_path))}
    assert len(qs) == 7
    for q in qs.values():
        assert HOSTILE_HTML in q["stem"]["text"] and HOSTILE_HTML in q["globalFeedback"]["text"]
        assert "<script" not in q["stem"]["text"] + q["globalFeedback"]["text"]

    single = qs["h-tunggal"]["choices"]
    assert [c["isCorrect"] for c in single] == [True, False]
    # a leading "%" or "[" is written as an entity, so neither reads as a weight or a format
    assert html.unescape(single[0]["text"]["text"]) == html.unescape("%50% Benar " + HOSTILE_HTML)
    assert html.unescape(single[1]["text"]["text"]) == html.unescape("[plain] Salah " + HOSTILE_HTML)
    assert html.unescape(single[1]["feedback"]["text"]) == html.unescape("[html] umpan salah " + HOSTILE_HTML)

    multi = qs["h-ganda"]["choices"]
    assert [c["weight"] for c in multi] == [33.33333, 33.33333, 33.33333, -33.33333]
    assert [c["feedback"]["text"] for c in multi] == [f"f{x} {HOSTILE_HTML}" for x in "abcd"]

    tf = qs["h-bs"]
    assert tf["isTrue"] is False
    assert tf["trueFeedback"]["text"] == "Yang memilih Benar " + HOSTILE_HTML   # wrong answer first
    assert tf["falseFeedback"]["text"] == "Yang memilih Salah " + HOSTILE_HTML

    match = [(p["subquestion"]["text"], moodle_post(p["subanswer"])) for p in qs["h-jodoh"]["matchPairs"]]
    assert match == [("kiri satu " + HOSTILE_HTML, "kanan satu " + HOSTILE_PLAIN),
                     ("kiri dua", "kanan dua = x -&gt; y"), ("", "pengecoh " + HOSTILE_PLAIN)]
    order = [moodle_post(p["subanswer"]) for p in qs["h-urut"]["matchPairs"]]
    assert order == ["Urutan ke-1", "Urutan ke-2", "Urutan ke-3"]
    groups = [moodle_post(p["subanswer"]) for p in qs["h-kelompok"]["matchPairs"]]
    assert groups == ["Mikro " + HOSTILE_PLAIN, "Makro", "Meso"]  # Meso has no entry: an extra answer

    short = [(c["text"]["text"], c["weight"]) for c in qs["h-isian"]["choices"]]
    # "*" is Moodle's wildcard in short answers: a literal one is written \*
    assert short == [("Kĕtuhanan\\*", 100), ("Ketuhanan\\*", 100), ("a#b {c}", 100), ("dekat: ~x", 0),
                     ("*", 0)]
