"""The learning record in Chromium on the built book: quizzes and a case write to it, "Kemajuan saya" shows the
right figures, "Latihan" draws mostly from the weak topic, the record goes out and comes back (JSON, CSV,
xAPI), foreign or damaged files are refused with nothing changed, and the old per-quiz keys migrate."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from peksos import record, xapi

from .. import jsrun
from .. import recordkit as rk
from .conftest import SITE, open_in, serious_axe_violations

KEY = "peksos:v2:catatan"


@pytest.fixture
def book(browser, base_url):
    """book(path, storage=...) -> (page, log): a fresh context; storage is set once, before the first page."""
    contexts = []

    def _open(path: str, *, storage: dict | None = None, width: int = 1280):
        page, log, ctx = open_in(browser, base_url, path, storage=storage, width=width)
        contexts.append(ctx)
        page.wait_for_timeout(250)
        return page, log

    def go(page, path):
        page.goto(f"{base_url}/{path}", wait_until="load")
        page.wait_for_timeout(250)

    _open.go = go
    yield _open
    for ctx in contexts:
        ctx.close()


def stored(page):
    return page.evaluate(f"() => localStorage.getItem('{KEY}')")


def quiz_items(page) -> dict:
    return {it["id"]: it for it in json.loads(page.locator("script.peksos-quiz-data").first.text_content())["items"]}


def answer_true_false(page, it: dict, right: bool) -> None:
    li = page.locator(f'li.pk-item[data-item="{it["id"]}"]')
    pick = "Benar" if it["answer"] == right else "Salah"
    li.locator("label", has_text=pick).first.click()
    li.get_by_role("button", name="Periksa").click()


def rows(page, caption: str) -> dict[str, list[str]]:
    table = page.locator("table.pk-p-table", has=page.locator("caption", has_text=caption))
    out = {}
    for tr in table.locator("tbody tr").all():
        cells = [c.strip() for c in tr.locator("th, td").all_text_contents()]
        out[cells[0]] = cells[1:]
    return out


def figures(page) -> tuple:
    page.wait_for_selector(".pk-p-summary")
    return (page.locator(".pk-p-summary").text_content(), rows(page, "per bab"), rows(page, "per topik"),
            rows(page, "Kasus simulasi"))


def upload(page, name: str, content: bytes) -> str:
    page.locator("#pk-restore").set_input_files({"name": name, "mimeType": "application/json", "buffer": content})
    page.wait_for_function("() => document.querySelector('.pk-p-status').textContent !== ''")
    text = page.locator(".pk-p-status").text_content()
    page.evaluate("() => { document.querySelector('.pk-p-status').textContent = ''; }")
    return text


def test_two_chapters_and_a_case_then_progress_export_clear_import(book, tmp_path):
    page, log = book("book/pengertian.html", storage={"peksos:v1:seed": "99"})
    tf = [it for it in quiz_items(page).values() if it["type"] == "benar-salah"]
    answer_true_false(page, tf[0], True)
    answer_true_false(page, tf[1], False)
    book.go(page, "book/tujuan.html")
    tf2 = [it for it in quiz_items(page).values() if it["type"] == "benar-salah"]
    answer_true_false(page, tf2[0], True)
    book.go(page, "book/casework.html")
    case = page.locator(".pk-vignette")
    if case.get_by_role("button", name="Saya mengerti, mulai kasus").count():
        case.get_by_role("button", name="Saya mengerti, mulai kasus").click()
    case.locator(".pk-v-choice").first.click()
    case.get_by_role("button", name="Lanjutkan").click()
    case.locator(".pk-v-choice").first.click()

    book.go(page, "book/kemajuan.html")
    summary, chapters, topics, cases = figures(page)
    n = len(rk.items_of())
    assert summary.startswith(f"Anda sudah mencoba 3 dari {n} soal.") and "Penguasaan rata-rata 67%" in summary
    assert "1 permainan kasus" in summary
    pengertian = next(v for k, v in chapters.items() if k.startswith("Pengertian"))
    assert pengertian[0] == f"2 dari {sum(it['chapter'] == 'pengertian' for it in rk.items_of())}"
    assert pengertian[1].startswith("50%")
    tujuan = next(v for k, v in chapters.items() if "ujuan" in k)
    assert tujuan[0].startswith("1 dari") and tujuan[1].startswith("100%")
    for tag in tf[1]["tags"]:  # answered wrong: a topic with a link to the section that teaches it
        if tag not in tf[0]["tags"] and tag not in tf2[0]["tags"]:
            assert topics[tag][1].startswith("0%") and topics[tag][3] == "Baca bagiannya"
    lk3 = next(v for k, v in cases.items() if "LK3" in k or "lk3" in k.lower()) if any("LK3" in k for k in cases) else None
    assert sum(int(v[0]) for v in cases.values()) == 1 and (lk3 is None or lk3[0] == "1")
    assert page.locator("svg.pk-p-chart rect.pk-p-bar").count() == len(chapters)
    assert "Anda sudah mencoba 3" in page.locator(".pk-sr").first.text_content()

    # out: the whole record as JSON (valid for peksos.record), attempts as CSV, xAPI statements
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh catatan belajar (JSON)").click()
    saved = Path(info.value.path()).read_bytes()
    rec = record.validate(json.loads(saved))
    assert len(rec.attempts) == 3 and len(rec.plays) == 1 and len(rec.plays[0].path) == 2
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh percobaan (CSV)").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("waktu,kuis,soal,jenis") and len(lines) == 4
    page.get_by_role("button", name="Unduh pernyataan xAPI (JSON)").click()
    assert "nama samaran" in page.locator(".pk-p-status").text_content()
    page.get_by_label("Nama samaran untuk xAPI").fill("anggrek-07")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh pernyataan xAPI (JSON)").click()
    statements = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert xapi.check(statements) == [] and len(statements) == 4
    assert {s["actor"]["account"]["name"] for s in statements} == {"anggrek-07"}

    # clear, reload: nothing; import: the same figures; the same file again adds nothing
    before = figures(page)
    page.evaluate("() => localStorage.clear()")
    page.reload(wait_until="load")
    assert figures(page)[0].startswith("Anda sudah mencoba 0")
    assert "3 percobaan dan 1 permainan" in upload(page, "catatan.json", saved)
    assert figures(page) == before
    assert "0 percobaan dan 0 permainan" in upload(page, "catatan.json", saved)
    assert figures(page) == before

    # refused, nothing stored changes: damaged JSON, another course, a quiz result, a record with a bad attempt
    kept = stored(page)
    other = json.loads(saved)
    other["course"] = "kursus-lain"
    broken = json.loads(saved)
    broken["attempts"][0]["score"] = 7
    quiz_file = {"quiz": "pengertian", "items": []}
    for name, content, says in [("rusak.json", b"{rusak", "bukan JSON"),
                                ("lain.json", json.dumps(other).encode(), "kursus lain"),
                                ("kuis.json", json.dumps(quiz_file).encode(), "bukan catatan belajar"),
                                ("cacat.json", json.dumps(broken).encode(), "rusak atau tidak lengkap")]:
        message = upload(page, name, content)
        assert says in message and "Tidak ada yang diubah" in message, message
        assert stored(page) == kept
    assert figures(page) == before
    assert log.external == [] and log.problems() == [], "\n".join(log.problems())


def test_practice_draws_mostly_from_the_weak_topic(book):
    from peksos.quiz.scoring import correct_answer

    items = rk.items_of()
    weak = "tujuan"
    now = datetime.now(timezone.utc)
    attempts = []
    for n, it in enumerate(x for x in items if x["chapter"] in ("pengertian", "tujuan")):
        answer = rk.wrong_answer(it) if weak in it["tags"] else correct_answer(it)
        at = (now - timedelta(hours=2, seconds=n)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        attempts.append(rk.attempt(it, answer, at))
    rec = rk.make(attempts, seed=2024)
    page, log = book("book/latihan.html", storage={KEY: json.dumps(rec)})
    page.wait_for_selector(".pk-practice li.pk-item")
    drawn = page.locator(".pk-practice li.pk-item").evaluate_all("(ls) => ls.map((l) => l.dataset.item)")
    assert len(drawn) == 10
    tagged = {it["id"] for it in items if weak in it["tags"]}
    assert sum(i in tagged for i in drawn) >= 7, drawn
    assert "Sesi adaptif" in page.locator(".pk-pr-mode").text_content()
    html = (SITE / "book" / "latihan.html").read_text(encoding="utf-8")
    payload = json.loads(re.search(r'<script type="application/json" class="peksos-practice-data">(.*?)</script>',
                                   html, re.S).group(1))
    expected = jsrun.call("learning.js", "m.draw(items, attempts, {n: 10, seed: '2024:1', now})", items=payload["items"],
                          attempts=attempts, now=int(now.timestamp() * 1000))
    assert sorted(drawn) == sorted(expected["ids"]), "the page draws what learning.js draws for this seed and record"
    # the same session after a reload; an answer goes into the record under the session's quiz id
    page.reload(wait_until="load")
    page.wait_for_selector(".pk-practice li.pk-item")
    assert page.locator(".pk-practice li.pk-item").evaluate_all("(ls) => ls.map((l) => l.dataset.item)") == drawn
    first = page.locator(".pk-practice li.pk-item").first
    first.get_by_role("button", name="Tampilkan jawaban").click()
    now_rec = json.loads(stored(page))
    assert now_rec["attempts"][-1]["quiz"] == "latihan-1" and now_rec["attempts"][-1]["item"] == drawn[0]
    # a new session draws again from the record as it stands
    page.get_by_role("button", name="Mulai sesi baru").click()
    page.wait_for_selector(".pk-practice li.pk-item")
    assert "sesi 2" in page.locator(".pk-practice .pk-title").first.text_content()
    assert log.external == [] and log.problems() == [], "\n".join(log.problems())


def test_a_new_student_starts_with_a_diagnostic_set(book):
    page, log = book("book/latihan.html")
    page.wait_for_selector(".pk-practice li.pk-item")
    drawn = page.locator(".pk-practice li.pk-item").evaluate_all("(ls) => ls.map((l) => l.dataset.item)")
    chapter = {it["id"]: it["chapter"] for it in rk.items_of()}
    assert len(drawn) == 10 and len({chapter[i] for i in drawn}) == 10
    assert "Sesi diagnostik" in page.locator(".pk-pr-mode").text_content()
    assert log.problems() == [], "\n".join(log.problems())


def test_old_per_quiz_keys_migrate_and_show_on_the_progress_page(book):
    items = rk.items_of(("pengertian",))
    tf = next(it for it in items if it["type"] == "benar-salah")
    old = {"v": 1, "items": {tf["id"]: {"a": tf["answer"], "c": True, "s": False, "t": 1}}}
    page, log = book("book/kemajuan.html", storage={"peksos:v1:quiz:pengertian": json.dumps(old), "peksos:v1:seed": "5"})
    summary = figures(page)[0]
    assert summary.startswith("Anda sudah mencoba 1 dari") and "Penguasaan rata-rata 100%" in summary
    rec = json.loads(stored(page))
    assert rec["seed"] == 5 and rec["attempts"][0]["score"] == 1 and rec["attempts"][0]["chapter"] == "pengertian"
    assert page.evaluate("() => localStorage.getItem('peksos:v1:quiz:pengertian')") is None
    book.go(page, "book/pengertian.html")
    li = page.locator(f'li.pk-item[data-item="{tf["id"]}"]')
    assert li.locator(".pk-result").is_visible(), "the quiz shows the answer given before the record existed"
    assert log.problems() == [], "\n".join(log.problems())


def test_a_damaged_record_is_kept_and_can_be_replaced(book):
    page, log = book("book/kemajuan.html", storage={KEY: "{rusak"})
    assert "rusak" in page.locator(".pk-notice").first.text_content()
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh data yang rusak").click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == "{rusak"
    assert stored(page) == "{rusak"
    start = page.get_by_role("button", name="Mulai catatan baru")
    start.click()
    page.get_by_role("button", name="Tekan sekali lagi: catatan yang rusak dihapus").click()
    assert record.validate(json.loads(stored(page))).attempts == []
    assert log.problems() == [], "\n".join(log.problems())


@pytest.mark.parametrize("path", ["book/kemajuan.html", "book/latihan.html"])
def test_progress_and_practice_pages_are_accessible_and_fit_a_phone(book, axe_source, path):
    page, log = book(path, width=390)
    page.wait_for_selector(".pk-p-summary, .pk-practice li.pk-item")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth]")
    assert max(widths) <= 390, widths
    violations = serious_axe_violations(page, axe_source)
    assert violations == [], "\n".join(violations)
    assert log.external == [] and log.problems() == [], "\n".join(log.problems())
