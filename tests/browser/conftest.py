"""Browser tests: Debian's Chromium driven by playwright against the built book on loopback."""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos import site

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url():
    with site.serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = site.launch(p)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, base_url):
    """Open a page of the site in a fresh context; returns (page, log). Fails on nothing by itself."""
    contexts = []

    def _open(path: str, *, width: int = 1280, height: int = 900, wait: int = 300, storage: dict | None = None):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        log = site.PageLog(origin=base_url)
        log.attach(page)
        if storage:
            page.add_init_script(
                "(() => { const s = %s; for (const k in s) localStorage.setItem(k, s[k]); })()" % _json(storage))
        page.goto(f"{base_url}/{path}", wait_until="load")
        page.wait_for_timeout(wait)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


def open_in(browser, origin: str, path: str, *, storage: dict | None = None, init: str | None = None,
            width: int = 1280, height: int = 900):
    """A page of the site at ``origin`` in a fresh context that accepts downloads; ``storage`` goes into
    localStorage once, before the first page (not again on reload). Returns (page, log, context)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = ctx.new_page()
    log = site.PageLog(origin=origin)
    log.attach(page)
    if storage:
        page.add_init_script("(() => { if (sessionStorage.getItem('pk-test-init')) return;"
                             " sessionStorage.setItem('pk-test-init', '1'); const s = %s;"
                             " for (const k in s) localStorage.setItem(k, s[k]); })()" % _json(storage))
    if init:
        page.add_init_script(init)
    page.goto(f"{origin}/{path}", wait_until="load")
    return page, log, ctx


def lay_out_every_section(page) -> None:
    """Lay out the sections the site leaves for later (``content-visibility: auto`` in peksos-site.css: a
    section below the first screen is laid out when it comes near, so a reader always sees it laid out). axe
    reads the colours of text not yet laid out wrongly (dequelabs/axe-core#2768: text against a background
    that is not behind it), so an audit lays them out first."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def serious_axe_violations(page, axe_source: str, *, where: str | None = None, from_top: bool = True) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page (or in the element ``where``
    selects), one line each. Every section is laid out first (:func:`lay_out_every_section`) and, with
    ``from_top``, the page is judged from its top, as it is first read (laying out moves the scroll position,
    which the theme would take for a scroll up and answer with its back-to-top button)."""
    lay_out_every_section(page)
    if from_top:
        page.evaluate("() => new Promise((done) => { window.scrollTo(0, 0); "
                      "requestAnimationFrame(() => setTimeout(done, 50)); })")
    page.add_script_tag(content=axe_source)
    return page.evaluate("""async (where) => {
        const r = await axe.run(where ? document.querySelector(where) : document,
                                {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => `${v.id}: ${v.help} -> ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""", where)


def _json(obj) -> str:
    import json

    return json.dumps(obj)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")

