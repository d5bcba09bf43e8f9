"""SCORM packages in Chromium, inside a page that plays the LMS with scorm-again (npm, see package.json).

The host page (served on loopback with scorm-again straight from node_modules) puts the runtime's
API object on its window and opens the package's SCO in an iframe, as an LMS does. The quiz is
answered by keyboard alone; the test then reads what the runtime recorded: status, raw score equal to
the engine's score, one interaction per item with the right result, and suspend_data that brings a
half-done attempt back after the SCO is closed and launched again. A vignette package reports its
ending and score the same way; without an API the page runs on its own, saving in localStorage.
"""
from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from peksos import site
from peksos.export import scorm
from peksos.vignette import graph
from peksos.vignette import loader as vloader

from .conftest import ROOT
from .test_quiz import answer_everything_by_keyboard, check_button, item, tab_to
from .test_vignette import press

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
FIXTURE = ROOT / "tests" / "fixtures" / "quizbook"
VIGNETTE = "casework-lk3"
# The LMS: scorm-again's API on this window; launch(src) opens the SCO, close() ends it (pagehide) and
# keeps what an LMS keeps between launches (suspend_data, status), relaunch(src) starts a new session.
HOST = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>LMS uji</title>
<script src="lib/scorm12.js"></script><script src="lib/scorm2004.js"></script></head>
<body><iframe id="sco" title="Paket SCORM" style="width:100%;height:95vh;border:0"></iframe>
<script>
const V = new URLSearchParams(location.search).get("v") || "1.2";
let api = null, kept = null;
window.lms = { launches: 0, finished: 0 };
function fresh() {
  const settings = { logLevel: 5, autocommit: false };
  api = V === "2004" ? new Scorm2004API(settings) : new Scorm12API(settings);
  if (kept) api.loadFromJSON(kept);
  api.on(V === "2004" ? "Terminate" : "LMSFinish", () => { window.lms.finished += 1; });
  if (V === "2004") window.API_1484_11 = api; else window.API = api;
}
window.snapshot = () => { const all = JSON.parse(api.renderCMIToJSONString()); return all.cmi || all; };
window.launch = (src) => { fresh(); window.lms.launches += 1; document.getElementById("sco").src = src; };
window.closeSco = () => new Promise((done) => {
  const frame = document.getElementById("sco");
  frame.addEventListener("load", () => {
    const cmi = window.snapshot();
    kept = V === "2004"
      ? { suspend_data: cmi.suspend_data, completion_status: cmi.completion_status, entry: "resume" }
      : { suspend_data: cmi.suspend_data, core: { lesson_status: cmi.core.lesson_status, entry: "resume" } };
    done(cmi);
  }, { once: true });
  frame.src = "about:blank";
});
</script></body></html>
"""


class InFrame:
    """The SCO's frame with the page's keyboard: what the quiz helpers of test_quiz.py need."""

    def __init__(self, page, frame):
        self.page, self.frame, self.keyboard = page, frame, page.keyboard

    def locator(self, selector):
        return self.frame.locator(selector)

    def evaluate(self, script, arg=None):
        return self.frame.evaluate(script, arg)

    def wait_for_timeout(self, ms):
        self.page.wait_for_timeout(ms)


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory):
    """The host page, scorm-again from node_modules, and the unpacked packages (quiz in 1.2 and 2004, vignette)."""
    if not (SCORM_AGAIN / "scorm12.js").exists():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (make test does)")
    top = tmp_path_factory.mktemp("lms")
    (top / "index.html").write_text(HOST, encoding="utf-8")
    os.symlink(SCORM_AGAIN, top / "lib")
    project = tmp_path_factory.mktemp("quizproject")
    shutil.copytree(FIXTURE / "quizzes", project / "quizzes")
    shutil.copytree(ROOT / "data", project / "data")
    zips = tmp_path_factory.mktemp("zips")
    made = {}
    for version in scorm.VERSIONS:
        [p] = scorm.export_scorm("semua-jenis", zips, version=version, root=project, shuffle=False)
        made[f"kuis{version}"] = p
    [made["kasus"]] = scorm.export_scorm(VIGNETTE, zips, root=ROOT)
    for name, p in made.items():
        with zipfile.ZipFile(p.path) as z:
            z.extractall(top / name)
    with site.serve(top) as url:
        yield url, top


@pytest.fixture
def lms(browser, lms_site):
    """lms(version) -> (page, log): the host page, nothing launched yet."""
    url, _ = lms_site
    contexts = []

    def _open(version: str = "1.2"):
        ctx = browser.new_context(viewport={"width": 1100, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        log = site.PageLog(origin=url)
        log.attach(page)
        page.goto(f"{url}/index.html?v={version}", wait_until="load")
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


def launch(page, src: str) -> InFrame:
    page.evaluate("(src) => window.launch(src)", src)
    page.wait_for_function("() => document.getElementById('sco').contentWindow.peksosSco")
    frame = page.frame(url=lambda u: u.endswith(src))
    frame.wait_for_selector(".pk-quiz, .pk-vignette")
    return InFrame(page, frame)


def sco(view: InFrame, what: str):
    return view.frame.evaluate(f"() => window.peksosSco.{what}")


def interactions(cmi: dict) -> list[dict]:
    found = cmi["interactions"]
    rows = found.get("childArray", found) if isinstance(found, dict) else found
    return list(rows.values()) if isinstance(rows, dict) else list(rows)


EXPECTED = {  # what answer_everything_by_keyboard gives: id -> (type, result)
    "uji-tunggal": ("choice", True), "uji-ganda": ("choice", False), "uji-benar-salah": ("true-false", True),
    "uji-jodoh": ("matching", False), "uji-urut": ("sequencing", True), "uji-kelompok": ("matching", True),
    "uji-isian": ("fill-in", True),
}
ENGINE_SCORE = 1 + 0.5 + 1 + 2 / 3 + 1 + 1 + 1


def test_quiz_reports_status_score_and_one_interaction_per_item(lms):
    page, log = lms("1.2")
    view = launch(page, "kuis1.2/index.html")
    assert "Terhubung ke LMS" in view.locator(".pk-sco-status").text_content()
    answer_everything_by_keyboard(view)
    page.wait_for_timeout(200)
    results = sco(view, "results")
    assert abs(results["score"] - ENGINE_SCORE) < 1e-9 and results["max"] == 7
    cmi = page.evaluate("() => window.snapshot()")
    core = cmi["core"]
    assert core["lesson_status"] == "passed"  # 6.17 of 7 is 88 %, over the default mastery of 80 %
    assert float(core["score"]["raw"]) == round(results["score"], 2)
    assert float(core["score"]["min"]) == 0 and float(core["score"]["max"]) == 7
    rows = interactions(cmi)
    assert sorted(r["id"] for r in rows) == sorted(EXPECTED)
    for r in rows:
        kind, right = EXPECTED[r["id"]]
        assert r["type"] == kind, r
        assert r["result"] == ("correct" if right else "wrong"), r
    by_id = {r["id"]: r for r in rows}
    assert by_id["uji-benar-salah"]["student_response"] == "t"
    assert by_id["uji-isian"]["student_response"] == "Case WORK"
    assert by_id["uji-urut"]["student_response"] == "a,b,c,d"
    assert sco(view, "lms.failed") == []
    cmi = page.evaluate("() => window.closeSco()")
    assert page.evaluate("() => window.lms.finished") == 1
    assert cmi["core"]["exit"] == "" and cmi["core"]["session_time"]
    assert log.problems() == []


def test_suspend_data_brings_back_a_half_done_attempt(lms):
    page, log = lms("1.2")
    view = launch(page, "kuis1.2/index.html")
    # checked out of the page's order, so the interactions' order differs from the items' order
    for item_id in ("uji-benar-salah", "uji-tunggal"):
        item(view, item_id).locator("input").first.focus()
        view.keyboard.press("Space")
        check_button(view, item_id).focus()
        view.keyboard.press("Enter")
    isian = item(view, "uji-isian")
    tab_to(view, isian.locator("input"))
    view.keyboard.type("setengah jalan")  # typed, not checked yet
    page.wait_for_timeout(200)
    cmi = page.evaluate("() => window.closeSco()")
    assert cmi["core"]["lesson_status"] == "incomplete" and cmi["core"]["exit"] == "suspend"
    saved = json.loads(cmi["suspend_data"])
    assert saved["v"] == 1 and len(saved["ix"]) == 2
    assert len(interactions(cmi)) == 2

    view = launch(page, "kuis1.2/index.html")
    for item_id in ("uji-tunggal", "uji-benar-salah"):
        assert item(view, item_id).locator(".pk-result").is_visible(), item_id
        assert item(view, item_id).locator("input").first.is_checked()
    assert item(view, "uji-ganda").locator(".pk-result").is_hidden()
    assert item(view, "uji-isian").locator("input").input_value() == "setengah jalan"
    cmi = page.evaluate("() => window.snapshot()")
    assert cmi["core"]["lesson_status"] == "incomplete"
    assert float(cmi["core"]["score"]["raw"]) == 2
    assert sorted(r["id"] for r in interactions(cmi)) == ["uji-benar-salah", "uji-tunggal"]
    assert sco(view, "lms.failed") == []
    assert log.problems() == []


def test_scorm_2004_reports_completion_success_and_scaled_score(lms):
    page, log = lms("2004")
    view = launch(page, "kuis2004/index.html")
    answer_everything_by_keyboard(view)
    page.wait_for_timeout(200)
    cmi = page.evaluate("() => window.snapshot()")
    assert cmi["completion_status"] == "completed" and cmi["success_status"] == "passed"
    assert float(cmi["score"]["raw"]) == round(ENGINE_SCORE, 2)
    assert float(cmi["score"]["scaled"]) == round(ENGINE_SCORE / 7, 2)
    rows = {r["id"]: r for r in interactions(cmi)}
    assert set(rows) == set(EXPECTED)
    for rid, (kind, right) in EXPECTED.items():
        assert rows[rid]["type"] == kind and rows[rid]["result"] == ("correct" if right else "incorrect")
    assert rows["uji-benar-salah"]["learner_response"] == "true"
    assert rows["uji-urut"]["learner_response"] == "a[,]b[,]c[,]d"
    assert sco(view, "lms.failed") == []
    page.evaluate("() => window.closeSco()")
    assert page.evaluate("() => window.lms.finished") == 1
    assert log.problems() == []


def test_vignette_reports_its_ending_and_score(lms):
    v = next(one.vignette for one in vloader.load_all(ROOT / "quizzes" / "vignettes") if one.vignette.id == VIGNETTE)
    path = graph.expert_path(v)
    page, log = lms("1.2")
    view = launch(page, "kasus/index.html")
    root = view.frame.locator(".pk-vignette")
    root.locator(".pk-v-title").click()
    if v.content_note:
        press(view, root, ".pk-v-note button")
    for _node, choice in path:
        press(view, root, f'button[data-choice="{choice}"]')
        press(view, root, ".pk-v-feedback button.pk-primary")
    root.locator(".pk-v-end").wait_for()
    result = sco(view, "results")
    assert result["ended"] and result["score"] == result["max_score"] == 3 * len(path)
    cmi = page.evaluate("() => window.snapshot()")
    assert cmi["core"]["lesson_status"] == "passed"
    assert float(cmi["core"]["score"]["raw"]) == result["score"]
    assert float(cmi["core"]["score"]["max"]) == result["max_score"]
    rows = interactions(cmi)
    assert len(rows) == len(path) + 1
    assert [r["id"] for r in rows[:-1]] == [f"langkah-{n}-{node}" for n, (node, _) in enumerate(path, 1)]
    assert all(r["type"] == "choice" and r["result"] == "correct" for r in rows[:-1])
    end = rows[-1]
    assert end["id"] == f"akhir-{VIGNETTE}" and end["type"] == "performance"
    assert end["student_response"] == result["ending"]
    assert sco(view, "lms.failed") == []
    assert log.problems() == []


def test_without_an_lms_the_page_runs_alone_from_file(browser, lms_site):
    _, top = lms_site
    ctx = browser.new_context()
    page = ctx.new_page()
    log = site.PageLog(origin="file://")
    log.attach(page)
    page.goto((top / "kuis1.2" / "index.html").as_uri(), wait_until="load")
    page.wait_for_selector(".pk-quiz")
    assert "Tidak terhubung ke LMS" in page.locator(".pk-sco-status").text_content()
    page.locator("body").focus()
    tab_to(page, item(page, "uji-tunggal").locator("input").first)
    page.keyboard.press("Space")
    tab_to(page, check_button(page, "uji-tunggal"))
    page.keyboard.press("Enter")
    assert item(page, "uji-tunggal").locator(".pk-result").is_visible()
    saved = page.evaluate("() => localStorage.getItem('peksos:v2:catatan')")  # the book's learning record
    assert saved and json.loads(saved)["ui"]["quiz:semua-jenis"]["items"]["uji-tunggal"]["c"] is True
    assert log.problems() == []
    ctx.close()
