"""Every vignette played to every ending by keyboard alone, on the built book.

The paths come from the graph (``peksos.vignette.graph.walk``), not from a hand-written list:
for each ending, the shortest sequence of choices that reaches it in real play. After each
step the state shown on the page must equal the state Python computes for that step.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos.paths import quizzes_dir
from peksos.vignette import graph
from peksos.vignette.loader import known_lists, load_all
from peksos.vignette.schema import RATING_POINTS

SITE = Path(__file__).resolve().parents[2] / "_build" / "html"
VIGNETTES = {v.vignette.id: v.vignette for v in load_all(quizzes_dir() / "vignettes", lists=known_lists())}
PLAYS = [(vid, ending) for vid, v in sorted(VIGNETTES.items()) for ending in sorted(graph.walk(v).paths)]


def page_of(vid: str) -> str:
    for page in sorted(SITE.rglob("*.html")):
        if f'data-vignette-id="{vid}"' in page.read_text(encoding="utf-8", errors="replace"):
            return page.relative_to(SITE).as_posix()
    raise AssertionError(f"vignette {vid!r} is on no page of the built book")


def press(page, root, selector: str, max_tabs: int = 80) -> None:
    """Tab until the element matching ``selector`` inside ``root`` has focus, then press Enter."""
    target = root.locator(selector).first
    target.wait_for(state="visible")
    handle = target.element_handle()
    for _ in range(max_tabs):
        if page.evaluate("(el) => document.activeElement === el", handle):
            page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never received keyboard focus")


def shown_state(root) -> dict[str, int]:
    return {el.get_attribute("data-var"): int(el.inner_text()) for el in root.locator("dd[data-var]").all()}


def start(open_page, vid: str):
    page, log = open_page(page_of(vid), width=390, height=844)
    root = page.locator(f'.peksos-vignette[data-vignette-id="{vid}"]')
    root.scroll_into_view_if_needed()
    root.locator(".pk-v-title").click()  # put the keyboard inside the player, as a reader tabbing in would
    if VIGNETTES[vid].content_note:
        assert root.locator(".pk-v-note").is_visible(), "a content note must come before the case"
        press(page, root, ".pk-v-note button")
    return page, log, root


def test_there_are_at_least_six_cases_with_enough_decisions_and_endings():
    assert len(VIGNETTES) >= 6
    for vid, v in VIGNETTES.items():
        assert len(graph.expert_path(v)) >= 5, vid
        assert len(v.endings) >= 3, vid
        assert len({e.outcome for e in v.endings}) >= 2, vid


@pytest.mark.parametrize("vid,ending", PLAYS)
def test_play_to_every_ending_by_keyboard(open_page, vid, ending):
    v = VIGNETTES[vid]
    page, log, root = start(open_page, vid)
    state = graph.initial_state(v)
    assert shown_state(root) == state
    for node_id, choice_id in graph.walk(v).paths[ending]:
        title = root.locator(".pk-v-step-title")
        assert v.nodes[[n.id for n in v.nodes].index(node_id)].title.replace("*", "") in title.inner_text()
        press(page, root, f'button[data-choice="{choice_id}"]')
        _, state = graph.step(v, node_id, choice_id, state)
        assert shown_state(root) == state, f"{vid}: state after {node_id}/{choice_id}"
        assert root.locator(".pk-v-feedback").is_visible()
        press(page, root, ".pk-v-feedback button.pk-primary")
    end = next(e for e in v.endings if e.id == ending)
    assert end.title.replace("*", "") in root.locator(".pk-v-end .pk-v-step-title").inner_text()
    choices = {(n.id, c.id): c for n in v.nodes for c in n.choices}
    steps = graph.walk(v).paths[ending]
    points = sum(RATING_POINTS[choices[step].rating] for step in steps)
    assert f"{points} dari {3 * len(steps)}" in root.locator(".pk-v-score").inner_text()
    assert root.locator(".pk-v-compare").count() == 2
    assert log.problems() == []


def test_back_undoes_the_state_change_and_reload_restores_progress(open_page):
    vid, v = next((k, x) for k, x in sorted(VIGNETTES.items())
                  if any(c.effects for c in x.nodes[0].choices if c.condition is None))
    page, log, root = start(open_page, vid)
    first = next(c for c in v.nodes[[n.id for n in v.nodes].index(v.start)].choices if c.effects and not c.condition)
    before = shown_state(root)
    press(page, root, f'button[data-choice="{first.id}"]')
    after = shown_state(root)
    assert after != before
    press(page, root, ".pk-v-feedback button.pk-primary")
    page.reload()
    root = page.locator(f'.peksos-vignette[data-vignette-id="{vid}"]')
    root.wait_for()
    assert shown_state(root) == after, "progress was not restored after a reload"
    assert "2" in root.locator(".pk-v-step-title").inner_text()
    root.locator(".pk-v-title").click()
    press(page, root, ".pk-v-tools button >> nth=0")  # Kembali satu langkah
    assert shown_state(root) == before
    assert "1" in root.locator(".pk-v-step-title").inner_text()
    assert log.problems() == []


def test_principles_link_to_the_book_and_the_page_stays_accessible(open_page, axe_source):
    vid = sorted(VIGNETTES)[0]
    page, log, root = start(open_page, vid)
    first = root.locator("button.pk-v-choice").first
    press(page, root, "button.pk-v-choice")
    links = root.locator(".pk-v-principles a")
    assert links.count() >= 1
    href = links.first.get_attribute("href")
    assert "#daftar-" in href and not href.startswith("http")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate("""async () => (await axe.run(document.querySelector('.peksos-vignette'),
        {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
    assert violations == []
    assert first is not None and log.problems() == []
