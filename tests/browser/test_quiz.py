"""The quiz engine in Chromium, on a tiny book built with jupyter-book from tests/fixtures/quizbook/.

Every item type is answered by keyboard alone (Tab, Space, Enter, typing), feedback and score are
checked against the Python scoring, progress survives a reload, reset clears it, broken or missing
storage degrades to an unsaved quiz, hostile quiz text never runs, nothing leaves the site, and
axe-core finds no serious WCAG problem.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peksos import site
from peksos.quiz import scoring

from .conftest import AXE, ROOT, open_in, serious_axe_violations

FIXTURE = ROOT / "tests" / "fixtures" / "quizbook"
RECORD_KEY = "peksos:v2:catatan"
OLD_KEY = "peksos:v1:quiz:semua-jenis"  # before the learning record: one key per quiz
SEED = {"peksos:v1:seed": "12345"}


def stored(page):
    """The learning record as stored (None when there is none)."""
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{RECORD_KEY}'))")


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory):
    """The fixture book built by jupyter-book with this tree's peksos, in a temporary folder."""
    root = tmp_path_factory.mktemp("quizbook")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    shutil.copytree(ROOT / "data", root / "data")
    env = {**os.environ, "PEKSOS_ROOT": str(root), "PYTHONPATH": str(ROOT)}
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(root), "-W", "-n", "--keep-going"], env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return root / "_build" / "html"


@pytest.fixture(scope="session")
def quiz_url(quiz_site):
    with site.serve(quiz_site) as url:
        yield url


@pytest.fixture
def quiz_page(browser, quiz_url):
    """quiz_page(path, storage=..., init=...) -> (page, log, context), in a fresh browser context."""
    contexts = []

    def _open(path: str, *, storage: dict | None = None, init: str | None = None, width: int = 1280,
              wait_quiz: bool = True):
        page, log, ctx = open_in(browser, quiz_url, path, storage=storage, init=init, width=width)
        contexts.append(ctx)
        if wait_quiz:
            page.wait_for_selector(".pk-quiz")
        page.wait_for_timeout(200)
        return page, log, ctx

    yield _open
    for ctx in contexts:
        ctx.close()


def payload(page) -> dict:
    return json.loads(page.locator("script.peksos-quiz-data").first.text_content())


def item(page, item_id):
    return page.locator(f'li.pk-item[data-item="{item_id}"]')


def focused(page) -> str:
    return page.evaluate("""() => { const e = document.activeElement;
        return e ? (e.id || e.textContent.trim().slice(0, 40) || e.tagName) : ''; }""")


def tab_to(page, locator, limit: int = 250) -> None:
    """Press Tab until ``locator`` has focus: proves it is reachable by keyboard."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reachable by Tab: {locator}")


def check_button(page, item_id):
    return item(page, item_id).get_by_role("button", name="Periksa")


def said(page) -> str:
    page.wait_for_timeout(120)
    return page.locator(".pk-sr").first.text_content()


def answer_everything_by_keyboard(page) -> None:
    page.locator("body").focus()
    # pilihan-tunggal: first option (right), Space, then Tab to "Periksa" and Enter
    tunggal = item(page, "uji-tunggal")
    tab_to(page, tunggal.locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-tunggal"))
    page.keyboard.press("Enter")
    assert "Soal 1: Benar." in said(page)
    assert "Umpan tunggal A: benar." in tunggal.locator(".pk-fb").first.text_content()
    assert tunggal.locator(".pk-result").text_content().strip().startswith("✓ Benar.")
    assert focused(page) == "Coba lagi"  # focus lands on the next useful button, not lost
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focus must be visible"

    # pilihan-ganda: only the first of two right options -> half a point
    ganda = item(page, "uji-ganda")
    tab_to(page, ganda.locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-ganda"))
    page.keyboard.press("Enter")
    assert "Sebagian benar." in said(page)
    feedback = ganda.locator(".pk-fb").all_text_contents()
    assert "Umpan ganda A: benar." in feedback[0] and "terlewat" in feedback[1]

    # benar-salah: "Benar" is right
    bs = item(page, "uji-benar-salah")
    tab_to(page, bs.locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-benar-salah"))
    page.keyboard.press("Enter")
    assert "Umpan BS benar." in bs.text_content()

    # menjodohkan: choose by typing in each select; the third gets the distractor
    jodoh = item(page, "uji-jodoh")
    picks = {"Casework": "Individu", "Group work": "Kelompok kecil", "Community organization": "Mesin"}
    for select in jodoh.locator("select").all():
        tab_to(page, select)
        subject = select.get_attribute("aria-label").split(": ", 1)[1]
        page.keyboard.type(picks[subject])
        assert select.evaluate("(s) => s.options[s.selectedIndex].text") == picks[subject]
    tab_to(page, check_button(page, "uji-jodoh"))
    page.keyboard.press("Enter")
    assert "Umpan pengecoh." in jodoh.text_content()  # why the distractor is wrong
    assert "✗ Kurang tepat." in jodoh.text_content() and "✓ Tepat." in jodoh.text_content()

    # mengurutkan: move each step up with its "Naik" button until the order is right
    urut = item(page, "uji-urut")
    steps = [s["text"] for s in next(i for i in payload(page)["items"] if i["id"] == "uji-urut")["steps"]]
    for target, text in enumerate(steps):
        while True:
            order = [t.strip() for t in urut.locator(".pk-step-text").all_text_contents()]
            if order.index(text) == target:
                break
            up = urut.get_by_role("button", name=re.compile(rf"^Naik\s*: {re.escape(text)}$"))
            tab_to(page, up)
            page.keyboard.press("Enter")
            assert f"“{text}” sekarang di urutan ke-" in said(page)
    assert [t.strip() for t in urut.locator(".pk-step-text").all_text_contents()] == steps
    tab_to(page, check_button(page, "uji-urut"))
    page.keyboard.press("Enter")
    assert urut.locator(".pk-result").text_content().strip().startswith("✓ Benar.")
    assert urut.text_content().count("Sudah di tempatnya.") == 4

    # mengelompokkan: all right
    kelompok = item(page, "uji-kelompok")
    groups = {"Konseling seorang ibu": "Mikro", "Advokasi kebijakan daerah": "Makro",
              "Pendampingan satu keluarga": "Mikro"}
    for select in kelompok.locator("select").all():
        tab_to(page, select)
        page.keyboard.type(groups[select.get_attribute("aria-label").split(": ", 1)[1]])
    tab_to(page, check_button(page, "uji-kelompok"))
    page.keyboard.press("Enter")
    assert "Umpan kelompok 2." in kelompok.text_content()

    # isian: type with odd case and spaces; Enter checks
    isian = item(page, "uji-isian")
    tab_to(page, isian.locator("input"))
    page.keyboard.type("  Case   WORK ")
    page.keyboard.press("Enter")
    assert "Umpan isian benar." in isian.text_content()


def test_every_item_type_by_keyboard_then_reload_and_reset(quiz_page):
    page, log, ctx = quiz_page("semua.html", storage=SEED)
    answer_everything_by_keyboard(page)
    expected = 1 + 0.5 + 1 + 2 / 3 + 1 + 1 + 1
    score_line = page.locator(".pk-score").text_content()
    assert score_line == "Skor: 6,17 dari 7", score_line
    review = page.locator(".pk-review")
    assert review.is_visible() and "Semua soal sudah diperiksa." in review.text_content()
    rows = {r.locator("th").text_content(): r.locator("td").last.text_content()
            for r in review.locator("tbody tr").all()}
    assert set(rows) == {"metode", "kelompok", "level"}
    assert rows["level"].startswith("100%")

    # the downloaded results: JS scores equal the Python scoring of the same answers
    with page.expect_download() as info:
        tab_to(page, page.get_by_role("button", name="Unduh hasil (JSON)"))
        page.keyboard.press("Enter")
    results = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    items = {it["id"]: it for it in payload(page)["items"]}
    assert results["score"] == pytest.approx(expected)
    for row in results["items"]:
        py = scoring.score(items[row["id"]], row["answer"], shown=row["shown"])
        assert row["score"] == pytest.approx(py.score) and row["correct"] == py.correct, row
    with page.expect_download() as info:
        tab_to(page, page.get_by_role("button", name="Unduh hasil (CSV)"))
        page.keyboard.press("Enter")
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("kuis,soal,jenis,tingkat,topik,jawaban,jawaban_teks")
    assert len(lines) == 8 and any("Individu" in line for line in lines)

    # reload: the same answers, feedback and score come back
    page.reload(wait_until="load")
    page.wait_for_selector(".pk-quiz")
    assert page.locator(".pk-score").text_content() == "Skor: 6,17 dari 7"
    assert item(page, "uji-tunggal").locator("input").first.is_checked()
    assert item(page, "uji-isian").locator("input").input_value() == "Case   WORK"
    assert "Umpan pengecoh." in item(page, "uji-jodoh").text_content()
    assert page.locator(".pk-notice").first.is_hidden()

    # retry one item, then reset everything (two presses: the first asks for confirmation)
    tab_to(page, item(page, "uji-ganda").get_by_role("button", name="Coba lagi"))
    page.keyboard.press("Enter")
    assert not item(page, "uji-ganda").locator("input").first.is_checked()
    assert page.locator(".pk-score").text_content() == "Skor: 5,67 dari 7 (1 soal belum diperiksa)"
    reset = page.get_by_role("button", name="Hapus jawaban saya")
    tab_to(page, reset)
    page.keyboard.press("Enter")
    assert "Tekan sekali lagi" in said(page)
    page.keyboard.press("Enter")
    assert page.locator(".pk-score").text_content() == "Skor: 0 dari 7 (7 soal belum diperiksa)"
    record = stored(page)
    assert "quiz:semua-jenis" not in record["ui"]  # the quiz starts again; its history stays in the record
    assert len(record["attempts"]) == 7 and record["seed"] == 12345
    page.reload(wait_until="load")
    page.wait_for_selector(".pk-quiz")
    assert page.locator(".pk-score").text_content() == "Skor: 0 dari 7 (7 soal belum diperiksa)"
    assert log.problems() == [], "\n".join(log.problems())


def test_corrupt_record_gives_an_unsaved_quiz_with_a_notice_and_stays_as_it_is(quiz_page):
    page, log, ctx = quiz_page("semua.html", storage={RECORD_KEY: "{ini bukan JSON"})
    notice = page.locator(".pk-notice").first
    assert notice.is_visible() and "rusak" in notice.text_content() and "Kemajuan saya" in notice.text_content()
    tab_to(page, item(page, "uji-benar-salah").locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-benar-salah"))
    page.keyboard.press("Enter")
    assert "Umpan BS benar." in item(page, "uji-benar-salah").text_content()
    assert page.evaluate(f"() => localStorage.getItem('{RECORD_KEY}')") == "{ini bukan JSON"  # left alone
    assert log.problems() == [], "\n".join(log.problems())


def test_answers_kept_under_the_old_per_quiz_key_move_into_the_record(quiz_page):
    old = {"v": 1, "items": {"uji-isian": {"a": "casework", "c": True, "s": False, "t": 1},
                             "uji-benar-salah": {"a": True, "c": False, "s": False, "t": 0}}}
    page, log, ctx = quiz_page("semua.html", storage={**SEED, OLD_KEY: json.dumps(old)})
    assert "Umpan isian benar." in item(page, "uji-isian").text_content()
    assert item(page, "uji-benar-salah").locator("input").first.is_checked()
    assert page.evaluate(f"() => [localStorage.getItem('{OLD_KEY}'), localStorage.getItem('peksos:v1:seed')]") \
        == [None, None]
    record = stored(page)
    assert record["seed"] == 12345 and record["ui"]["quiz:semua-jenis"]["items"]["uji-isian"]["a"] == "casework"
    [attempt] = record["attempts"]  # scored by the quiz page that has the item
    assert attempt["item"] == "uji-isian" and attempt["score"] == 1 and attempt["correct"] is True
    assert attempt["type"] == "isian" and attempt["tags"] and attempt["section"]
    from peksos import record as precord

    precord.validate(record)
    assert log.problems() == [], "\n".join(log.problems())


def test_a_full_storage_loses_only_the_last_answer(quiz_page):
    full = ("(() => { const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
            " if (window.__full && k === 'peksos:v2:catatan') throw new DOMException('penuh', 'QuotaExceededError');"
            " return set.call(this, k, v); }; })()")
    page, log, ctx = quiz_page("semua.html", storage=SEED, init=full)
    tab_to(page, item(page, "uji-isian").locator("input"))
    page.keyboard.type("casework")
    page.keyboard.press("Enter")
    before = stored(page)
    assert len(before["attempts"]) == 1
    page.evaluate("() => { window.__full = true; }")
    tab_to(page, item(page, "uji-benar-salah").locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-benar-salah"))
    page.keyboard.press("Enter")
    notice = page.locator(".pk-notice").first
    assert notice.is_visible() and "penuh" in notice.text_content()
    assert stored(page) == before  # what was stored stays whole
    assert log.problems() == [], "\n".join(log.problems())


def test_no_storage_at_all_still_works(quiz_page):
    # every write fails, as in a full or locked-down browser profile
    broken = "Storage.prototype.setItem = function () { throw new DOMException('penuh', 'QuotaExceededError'); };"
    page, log, ctx = quiz_page("semua.html", init=broken)
    assert "tidak tersedia" in page.locator(".pk-notice").first.text_content()
    tab_to(page, item(page, "uji-isian").locator("input"))
    page.keyboard.type("groupwork")
    page.keyboard.press("Enter")
    assert "Umpan isian salah." in item(page, "uji-isian").text_content()
    assert "Skor: 0 dari 7" in page.locator(".pk-score").text_content()
    # the theme's own scripts also trip over the broken storage; the quiz adds no error of its own
    plain, plain_log, _ = quiz_page("tanpa-kuis.html", init=broken, wait_quiz=False)
    assert set(log.problems()) <= set(plain_log.problems()), "\n".join(log.problems())


def test_hostile_quiz_text_never_runs(quiz_page):
    page, log, ctx = quiz_page("berbahaya.html")
    quiz = page.locator(".pk-quiz")
    reveal = quiz.get_by_role("button", name="Tampilkan jawaban")
    while reveal.count():
        reveal.first.focus()
        page.keyboard.press("Enter")
    quiz.locator("label").first.hover()
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert quiz.locator("script, img, svg, iframe, style, b, u").count() == 0
    assert page.locator("body").is_visible()
    text = quiz.text_content()
    assert "<script>window.__pwned = 'prompt'</script>" in text and 'onerror="window.__pwned' in text
    assert "[jahat](javascript:window.__pwned='link')" in text  # a javascript: link stays text
    assert "[luar](https://example.invalid/x)" in text and "[protokol](//example.invalid/y)" in text
    hrefs = quiz.locator("a").evaluate_all("(as) => as.map((a) => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(page.url.split("/berbahaya.html")[0]) or h.startswith("#") for h in hrefs)
    assert any(h.endswith("/semua.html#uji-bagian") for h in hrefs)  # a link into the book works
    assert quiz.locator("strong", has_text="tebal").count() == 1
    assert log.problems() == [], "\n".join(log.problems())


def test_pool_and_shuffle_are_stable_per_reader(quiz_page):
    def drawn(seed):
        page, log, ctx = quiz_page("acak.html", storage={"peksos:v1:seed": seed})
        ids = page.locator("li.pk-item").evaluate_all("(ls) => ls.map((l) => l.dataset.item)")
        options = item(page, "uji-tunggal").locator("label").all_text_contents() if "uji-tunggal" in ids else []
        page.reload(wait_until="load")
        page.wait_for_selector(".pk-quiz")
        again = page.locator("li.pk-item").evaluate_all("(ls) => ls.map((l) => l.dataset.item)")
        assert again == ids, "the draw must survive a reload"
        if options:
            assert item(page, "uji-tunggal").locator("label").all_text_contents() == options
        assert "Soal diambil acak: 3 dari 7." in page.locator(".pk-meta").text_content()
        assert log.problems() == []
        return ids

    draws = [drawn(str(seed)) for seed in (1, 2, 3, 4, 5)]
    assert all(len(d) == 3 and len(set(d)) == 3 for d in draws)
    assert len({tuple(d) for d in draws}) > 1, "different readers should get different draws"


def test_quiz_page_is_accessible_offline_and_fits_a_phone(quiz_page):
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci`")
    page, log, ctx = quiz_page("semua.html", storage=SEED, width=390)
    # show feedback states too, so their colours are checked
    item(page, "uji-tunggal").locator("label").nth(1).click()
    check_button(page, "uji-tunggal").click()
    item(page, "uji-ganda").get_by_role("button", name="Tampilkan jawaban").click()
    page.get_by_role("button", name="Lihat ringkasan").click()
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth]")
    assert max(widths) <= 390, f"page is {widths} px wide at 390 px"
    violations = serious_axe_violations(page, AXE.read_text(encoding="utf-8"))
    assert violations == [], "\n".join(violations)
    assert log.external == [] and log.problems() == [], "\n".join(log.problems())


def test_engine_only_on_quiz_pages(quiz_page, quiz_site):
    html = (quiz_site / "tanpa-kuis.html").read_text(encoding="utf-8")
    assert "peksos/quiz.js" not in html and "peksos/engine.css" not in html
    # asked for by the digest of its content (peksos.sphinxext.offline.version_urls)
    assert re.search(r'<script defer="defer" src="_static/peksos/quiz\.js\?v=[0-9a-f]{12}"></script>',
                     (quiz_site / "semua.html").read_text(encoding="utf-8"))


def test_anywidget_module_runs_the_same_engine_and_reports_results(quiz_page):
    """The widget's ES module (engine inlined) with an anywidget-like model: answers come back to
    Python through `results`, and Quiz.results scores them."""
    from peksos.widgets import assets
    from peksos.quiz.widget import Quiz

    quiz = Quiz(FIXTURE / "quizzes" / "semua-jenis.yml", shuffle=False)
    page, log, ctx = quiz_page("tanpa-kuis.html", wait_quiz=False)
    page.evaluate("""async ([src, payload]) => {
        const url = URL.createObjectURL(new Blob([src], {type: "text/javascript"}));
        const mod = await import(url);
        window.__sent = [];
        const model = {get: (k) => (k === "payload" ? payload : null), set: (k, v) => window.__sent.push([k, v]),
                       save_changes: () => window.__sent.push(["save"]), on() {}, off() {}};
        const el = document.createElement("div");
        document.querySelector("main").prepend(el);
        mod.default.render({model, el});
    }""", [assets.esm("quiz"), quiz.payload])
    page.locator("body").focus()
    tunggal = item(page, "uji-tunggal")
    tab_to(page, tunggal.locator("input").first)
    page.keyboard.press("ArrowDown")  # radios: the arrow moves to and picks the second option
    tab_to(page, check_button(page, "uji-tunggal"))
    page.keyboard.press("Enter")
    isian = item(page, "uji-isian")
    tab_to(page, isian.locator("input"))
    page.keyboard.type("casework")
    page.keyboard.press("Enter")
    sent = page.evaluate("() => window.__sent")
    assert sent[-1] == ["save"] and sent[-2][0] == "results"
    quiz.set_state({"results": sent[-2][1]})
    df = quiz.results.set_index("id")
    assert df.loc["uji-isian", "score"] == 1.0 and df.loc["uji-isian", "answer"] == "casework"
    assert df.loc["uji-tunggal", "score"] == 0.0 and df.loc["uji-tunggal", "answer"] == 1
    assert df["checked"].sum() == 2 and len(df) == 7
    assert log.problems() == [], "\n".join(log.problems())
