"""The offline book: service worker, update notice, the save control, the manifest, the zip from file://."""
from __future__ import annotations

import json
import re
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from peksos import offline, site
from peksos.sphinxext import offline as sw

SITE = Path(__file__).resolve().parents[2] / "_build" / "html"
CHAPTERS = sorted(p.relative_to(SITE).as_posix() for p in (SITE / "book").glob("*.html")) if SITE.exists() else []
QUIZ_PAGE = "book/pengertian.html"
VIGNETTE_PAGE = "book/casework.html"


class Watch:
    """Console errors, page errors, failed requests and requests leaving the site, for a whole context
    (also what the service worker answers; routing is not used, it would bypass the worker)."""

    def __init__(self, context, base: str) -> None:
        self.base, self.problems = base, []
        context.on("request", lambda r: self.problems.append(f"left the site: {r.url}")
                   if not r.url.startswith((base, "data:", "blob:", "about:", "file:")) else None)
        # a request the browser cancels because the page moved on (the favicon of a page left at once) is no
        # failure; one that the network or the cache could not answer is
        context.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}")
                   if r.failure != "net::ERR_ABORTED" else None)
        context.on("response", lambda r: self.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
        context.on("console", lambda m: self.problems.append(f"console: {m.text}") if m.type == "error" else None)
        context.on("weberror", lambda e: self.problems.append(f"page error: {e.error}"))


@pytest.fixture
def served_copy(tmp_path):
    """A copy of the built site, served on loopback (a test may change it, as a new build would)."""
    copy = tmp_path / "html"
    shutil.copytree(SITE, copy)
    with site.serve(copy) as base:
        yield copy, base


def _installed(browser, base: str, path: str = "book/intro.html", **kw):
    context = browser.new_context(**kw)
    watch = Watch(context, base)
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="load")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
    return context, page, watch


def answer_one_quiz_item(page) -> str:
    item = page.locator("li.pk-item.pk-pilihan-tunggal").first
    item.scroll_into_view_if_needed()
    item.locator("li.pk-opt label").first.click()
    item.get_by_role("button", name="Periksa").click()
    page.wait_for_timeout(200)
    feedback = item.locator(".pk-fb:visible, .pk-item-fb:visible, [role=status]").all_inner_texts()
    text = " ".join(feedback) + " " + item.inner_text()
    assert any(w in text for w in ("Benar.", "Belum tepat.", "Sebagian benar.")), f"no score shown: {text[:300]}"
    return item.get_attribute("data-item")


def play_vignette_to_an_ending(page) -> None:
    root = page.locator(".peksos-vignette").first
    root.scroll_into_view_if_needed()
    note = root.locator(".pk-v-note button")
    if note.count():
        note.first.click()
    for _ in range(40):
        if root.locator(".pk-v-end").count():
            break
        root.locator("button.pk-v-choice:enabled").first.click()
        root.locator(".pk-v-feedback button.pk-primary").first.click()
    assert root.locator(".pk-v-end .pk-v-step-title").is_visible(), "the case never reached an ending"
    assert root.locator(".pk-v-score").is_visible()


def test_every_chapter_quiz_and_case_work_offline_after_one_visit(browser, base_url):
    context, page, watch = _installed(browser, base_url)
    context.set_offline(True)
    assert CHAPTERS and "book/pengertian.html" in CHAPTERS
    page.goto(f"{base_url}/index.html", wait_until="load")
    page.wait_for_url("**/book/intro.html")  # the root page sends the reader to the first chapter
    for chapter in [*CHAPTERS, "search.html"]:
        page.goto(f"{base_url}/{chapter}", wait_until="load")
        assert page.locator("article.bd-article, .bd-search-container, main").first.is_visible(), chapter
        assert page.title(), chapter
    page.goto(f"{base_url}/{QUIZ_PAGE}", wait_until="load")
    answer_one_quiz_item(page)
    page.goto(f"{base_url}/{VIGNETTE_PAGE}", wait_until="load")
    play_vignette_to_an_ending(page)
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_the_worker_answers_versioned_files_as_lasting_and_the_next_chapter_reuses_them(browser, base_url):
    context, page, watch = _installed(browser, base_url)
    page.goto(f"{base_url}/{QUIZ_PAGE}", wait_until="load")  # controlled from its first request
    context.set_offline(True)
    page.goto(f"{base_url}/book/tujuan.html", wait_until="load")
    shared = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'link' && e.name.includes('.css?v='))
        .map((e) => ({ name: e.name, from: e.deliveryType, worker: e.workerStart }))""")
    theme = [e for e in shared if "pydata-sphinx-theme" in e["name"]]
    # the theme's stylesheet comes from the browser's memory, not through the worker again
    assert theme and all(e["from"] == "cache" and e["worker"] == 0 for e in theme), shared
    # and that is what the worker says of a versioned file (asked for after the page: a fetch of the same
    # URL would take the place of the stylesheet in that memory)
    header = "async (u) => (await fetch(u)).headers.get('cache-control') || ''"
    sheet = page.evaluate("() => document.querySelector('link[rel=stylesheet][href*=\"pydata-sphinx-theme\"]').href")
    assert "?v=" in sheet and "immutable" in page.evaluate(header, sheet)
    # the same file asked for without its digest, and a page, may change: not lasting
    assert "immutable" not in page.evaluate(header, sheet.split("?")[0])
    assert "immutable" not in page.evaluate(header, f"{base_url}/book/tujuan.html")
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_a_new_build_shows_the_notice_replaces_the_cache_and_keeps_progress(browser, served_copy):
    copy, base = served_copy
    context, page, watch = _installed(browser, base, QUIZ_PAGE)
    answered = answer_one_quiz_item(page)
    before = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert any(answered in v for v in before.values()), "the answer was not stored"
    # a rebuild with one changed page: new HTML, a new service worker with its new revision
    changed = copy / "book" / "tujuan.html"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "</article>", '<p id="versi-baru">Versi baru.</p></article>', 1), encoding="utf-8")
    sw.write_service_worker(copy)
    page.reload(wait_until="load")
    notice = page.locator(".pk-update")
    notice.wait_for(state="visible", timeout=20000)
    assert "Versi baru tersedia" in notice.inner_text() and notice.get_attribute("aria-live") == "polite"
    with page.expect_navigation(wait_until="load"):
        notice.get_by_role("button", name="Muat ulang").click()
    after = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert after == before, "an update touched the stored progress"
    context.set_offline(True)
    page.goto(f"{base}/book/tujuan.html", wait_until="load")
    assert page.locator("#versi-baru").count() == 1, "the cache still serves the old page"
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_save_control_is_keyboard_reachable_caches_the_book_and_announces_it(browser, base_url):
    context, page, watch = _installed(browser, base_url, "book/glosarium.html")
    button = page.get_by_role("button", name="Simpan buku untuk dibaca luring")
    handle = button.element_handle()
    page.locator("body").focus()
    for _ in range(400):
        if page.evaluate("(el) => document.activeElement === el", handle):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the save control never received keyboard focus")
    page.keyboard.press("Enter")
    status = page.locator(".pk-offline-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    page.wait_for_function("() => /Selesai/.test(document.querySelector('.pk-offline-status').textContent)",
                           timeout=120000)
    listed = json.loads((SITE / sw.FILES).read_text(encoding="utf-8"))["files"]
    count = page.locator(".pk-offline-count").inner_text()
    assert f"{len(listed)} dari {len(listed)} berkas" in count and "MB" in count
    # a notebook page, never visited, now opens with no signal
    context.set_offline(True)
    page.goto(f"{base_url}/notebooks/pengertian.html", wait_until="load")
    assert page.locator("article.bd-article h1").first.is_visible()
    assert page.locator(".peksos-quiz .pk-quiz").count() >= 1
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_manifest_is_valid_installable_and_its_icons_exist(browser, base_url, tmp_path):
    data = json.loads((SITE / sw.MANIFEST).read_text(encoding="utf-8"))
    assert data["name"] == "Pengantar Pekerjaan Sosial" and data["short_name"] and data["lang"] == "id"
    assert data["display"] == "standalone" and data["theme_color"].startswith("#")
    assert (SITE / data["start_url"]).is_file()
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        w, h = _png_size(SITE / icon["src"])
        assert f"{w}x{h}" == icon["sizes"]
    # a browser profile on disk, as a reader's: Chromium never offers to install from a private window
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profil"), executable_path=site.CHROMIUM, args=site.CHROMIUM_ARGS)
    watch = Watch(context, base_url)
    page = context.new_page()
    page.goto(f"{base_url}/book/pengertian.html", wait_until="load")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    assert page.locator('link[rel="manifest"]').count() == 1
    cdp = context.new_cdp_session(page)
    got = cdp.send("Page.getAppManifest")
    assert got["url"].endswith("/manifest.webmanifest") and got["errors"] == [], got["errors"]
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == [], errors
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_the_zip_opened_from_disk_on_a_phone_reads_and_scores(browser, tmp_path):
    made = offline.write_zip(SITE, tmp_path / "buku.zip")
    with zipfile.ZipFile(made) as zf:
        names = zf.namelist()
        assert f"{offline.FOLDER}/index.html" in names and f"{offline.FOLDER}/sw.js" not in names
        zf.extractall(tmp_path / "unpacked")
    root = tmp_path / "unpacked" / offline.FOLDER
    context = browser.new_context(viewport={"width": 375, "height": 740})
    watch = Watch(context, root.as_uri())
    page = context.new_page()
    page.goto((root / "index.html").as_uri(), wait_until="load")
    page.wait_for_url("**/book/intro.html")
    page.goto((root / QUIZ_PAGE).as_uri(), wait_until="load")
    assert page.locator("article.bd-article h1").first.is_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide at 375px"
    answer_one_quiz_item(page)
    # the engine's links into the book work inside the copy too
    links = page.locator(".peksos-quiz a[href^='file:']")
    assert links.count() >= 1
    # the practice page loads the items it draws (a script each) from disk as well
    page.goto((root / "book" / "latihan.html").as_uri(), wait_until="load")
    page.wait_for_selector(".pk-practice li.pk-item")
    assert page.locator(".pk-practice li.pk-item").count() == 10
    page.goto((root / "search.html").as_uri() + "?q=pekerja", wait_until="load")
    page.wait_for_selector("ul.search li", timeout=10000)
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_save_control_says_so_when_the_browser_refuses_the_space(browser, base_url):
    context, page, watch = _installed(browser, base_url, "book/glosarium.html")
    # a phone with almost no free space: the browser's own estimate says 1 MB are left
    page.evaluate("() => { navigator.storage.estimate = async () => ({ quota: 2097152, usage: 1048576 }); }")
    page.get_by_role("button", name="Simpan buku untuk dibaca luring").click()
    page.wait_for_function("() => /ditolak atau penuh/.test(document.querySelector('.pk-offline-status').textContent)",
                           timeout=20000)
    assert page.get_by_role("button", name="Simpan buku untuk dibaca luring").is_enabled(), "the reader can try again"
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_the_scripts_maps_are_beside_them_but_neither_precached_nor_loaded(open_page):
    """Each site script's sourcemap is copied beside it (developer tools find it from the script's last line);
    no tag names it, so the worker does not precache it, the save control does not list it, and a page with a
    quiz and a case loads none."""
    static = SITE / "_static" / "peksos"
    scripts = sorted(p.name for p in static.glob("*.js"))
    assert {"engine.js", "quiz.js", "vignette.js"} <= set(scripts)
    for name in scripts:
        assert (static / name).read_text(encoding="utf-8").rstrip().endswith(f"//# sourceMappingURL={name}.map")
        mapped = json.loads((static / f"{name}.map").read_text(encoding="utf-8"))
        assert len(mapped["sourcesContent"]) == len(mapped["sources"]) and all(mapped["sourcesContent"])
    sw_text = (SITE / sw.SW).read_text(encoding="utf-8")
    precached = set(re.findall(r'"url":"([^"]*)"', sw_text))
    assert "_static/peksos/quiz.js" in precached and not [u for u in precached if u.endswith(".map")]
    listed = [name for name, _ in json.loads((SITE / sw.FILES).read_text(encoding="utf-8"))["files"]]
    assert "_static/peksos/quiz.js" in listed and not [f for f in listed if f.endswith(".map")]
    for path in (QUIZ_PAGE, VIGNETTE_PAGE):
        page, log = open_page(path, wait=500)
        loaded = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
        assert any("/_static/peksos/quiz.js" in u or "/_static/peksos/vignette.js" in u for u in loaded)
        assert not [u for u in loaded if u.split("?")[0].endswith(".map")], loaded
