"""Every page of the built book: self-contained, error-free and accessible."""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos import site

from .conftest import serious_axe_violations

SITE = Path(__file__).resolve().parents[2] / "_build" / "html"
PAGES = site.pages(SITE) if SITE.exists() else []


def test_site_is_built_with_every_page():
    assert PAGES, f"no pages in {SITE}: build the book first (make book)"
    assert "book/pengertian.html" in PAGES
    assert "index.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_is_offline_error_free_and_accessible(open_page, axe_source, path):
    page, log = open_page(path)
    result = serious_axe_violations(page, axe_source)
    assert log.problems() == [], f"{path}: " + "\n".join(log.problems())
    assert result == [], f"{path}: WCAG violations:\n" + "\n".join(result)


def test_no_request_leaves_the_site_even_on_a_notebook_page(open_page):
    """The notebook page carries widget output; neither require.js nor a widget manager may be fetched."""
    page, log = open_page("notebooks/pengertian.html", wait=800)
    assert log.external == []
    sources = page.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert sources, "the page loads no script at all?"
    assert not [s for s in sources if any(k in s.lower() for k in ("require", "embed-amd", "mathjax", "thebe@"))]
    # the notebook's saved widget state (for a CDN widget manager) is not shipped either
    assert page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count() == 0
    assert page.locator(".peksos-quiz .pk-quiz").count() >= 1, "the notebook's quiz did not render statically"


def test_thebe_config_script_is_emitted_once(open_page):
    page, log = open_page("book/pengertian.html")
    assert page.content().count("const THEBE_JS_URL") <= 1
    assert not [e for e in log.page_errors if "already been declared" in e]


def test_chapter_fits_a_phone_screen(open_page):
    page, log = open_page("book/pengertian.html", width=390, height=844, wait=500)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
    assert widths[0] <= 390 and widths[1] <= 390, f"page is {widths[0]}px wide at a 390px viewport"
    assert log.problems() == []
    # the content itself is visible and not clipped off to the side
    box = page.locator("article.bd-article h1").first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_icons_render_without_fontawesome_js(open_page):
    page, log = open_page("book/pengertian.html")
    assert "fontawesome.js" not in page.content()
    size = page.evaluate("""() => { const shown = [...document.querySelectorAll('.fa-magnifying-glass')]
            .map(i => [i.getBoundingClientRect(), getComputedStyle(i)]).filter(([r]) => r.width > 0);
        if (!shown.length) return null; const [r, s] = shown[0];
        return [r.width, r.height, s.maskImage || s.webkitMaskImage]; }""")
    assert size is not None, "search icon missing"
    assert size[0] > 0 and size[1] > 0 and "svg" in size[2]
