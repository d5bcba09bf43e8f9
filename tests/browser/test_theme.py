"""The theme still works after its CSS was purged and Bootstrap's JS replaced by peksos-theme.js."""
from __future__ import annotations


def _visible(page, selector: str) -> bool:
    return page.evaluate("""(sel) => [...document.querySelectorAll(sel)].some(e => {
        const r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; })""", selector)


def test_mobile_menu_opens_the_chapter_list(open_page):
    page, log = open_page("book/pengertian.html", width=375, height=740)
    assert not _visible(page, "#pst-primary-sidebar-modal a[href='tujuan.html']")
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_timeout(300)
    assert page.locator("#pst-primary-sidebar-modal[open]").count() == 1
    assert _visible(page, "#pst-primary-sidebar-modal a[href='tujuan.html']"), "the menu shows no chapter link"
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    assert page.locator("#pst-primary-sidebar-modal[open]").count() == 0
    assert log.problems() == []


def test_dark_mode_toggle_changes_the_colours(open_page):
    page, log = open_page("book/pengertian.html")
    background = lambda: page.evaluate("() => getComputedStyle(document.body).backgroundColor")  # noqa: E731
    themes, colours = set(), set()
    for _ in range(3):  # auto -> light -> dark (the order depends on the start mode)
        page.locator("button.theme-switch-button:visible").first.click()
        page.wait_for_timeout(150)
        themes.add(page.evaluate("() => document.documentElement.dataset.theme"))
        colours.add(background())
    assert {"light", "dark"} <= themes
    assert len(colours) >= 2, "dark mode looks the same as light mode: its rules were purged?"
    assert log.problems() == []


def test_header_dropdown_opens_by_click_and_keyboard_and_closes(open_page):
    page, log = open_page("book/pengertian.html")
    toggle = page.locator(".dropdown-download-buttons button.dropdown-toggle")
    menu = ".dropdown-download-buttons .dropdown-menu"
    page.mouse.move(5, 500)
    assert not _visible(page, menu)
    toggle.click()
    page.mouse.move(5, 500)  # not hovering: the menu stays open because it was clicked
    page.wait_for_timeout(100)
    assert _visible(page, menu) and toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert not _visible(page, menu) and toggle.get_attribute("aria-expanded") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert _visible(page, menu)
    page.locator("article.bd-article h1").first.click()  # a click elsewhere closes it
    page.mouse.move(5, 500)
    page.wait_for_timeout(100)
    assert not _visible(page, menu)
    assert log.problems() == []


def test_search_page_finds_a_word(open_page):
    page, log = open_page("search.html?q=pekerja", wait=300)
    page.wait_for_selector("ul.search li", timeout=10000)
    assert page.locator("ul.search li").count() > 3
    assert _visible(page, "ul.search li a")
    assert log.problems() == []


def test_bootstrap_bundle_is_not_loaded(open_page):
    page, log = open_page("book/pengertian.html")
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src)")
    assert not [s for s in scripts if "bootstrap" in s]
    assert page.evaluate("() => typeof window.bootstrap.Tooltip") == "function"


def test_back_to_top_button_shows_on_scrolling_up_and_passes_contrast_in_both_modes(open_page, axe_source):
    from .conftest import lay_out_every_section, serious_axe_violations

    page, log = open_page("book/pengertian.html", width=375, height=740)
    lay_out_every_section(page)
    button = page.locator("#pst-back-to-top")
    for mode in ("light", "dark"):
        page.evaluate("(m) => { document.documentElement.dataset.theme = m; window.scrollTo(0, 3000); }", mode)
        page.wait_for_timeout(150)
        assert not button.is_visible()
        page.mouse.wheel(0, -400)  # scrolling up below the header shows it
        button.wait_for(state="visible", timeout=3000)
        found = serious_axe_violations(page, axe_source, where="#pst-back-to-top", from_top=False)
        assert found == [], f"{mode}: {found}"
        assert button.is_visible()  # the audit judged it shown
    button.click()
    page.wait_for_function("() => window.scrollY === 0")
    assert log.problems() == []
