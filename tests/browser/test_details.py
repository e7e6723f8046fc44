"""Details readers notice (issue 19): dates written the reader's way by the
page scripts (hb.date), and the level badges of a section's question list in
one column, on the first line of their item, readable in both palettes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_design import CONTRAST_JS
from tests.conftest import PRACTICE_READY_JS

pytestmark = pytest.mark.browser

# Each badge of the list: its left edge, how far below its item's top it sits,
# and the item's line height.
BADGES_JS = """() => [...document.querySelectorAll('#questions + ol > li')].filter(li => li.querySelector('.hb-level'))
  .map(li => { const b = li.querySelector('.hb-level').getBoundingClientRect();
    return {left: Math.round(b.left), below: b.top - li.getBoundingClientRect().top,
            line: parseFloat(getComputedStyle(li).lineHeight)}; })"""


@pytest.mark.parametrize("lang, expected", [("zh", "2026年12月10日"), ("en", "10 December 2026")])
def test_page_scripts_write_dates_the_readers_way(page, site_server, lang, expected):
    page.goto(site_server + ("en/" if lang == "en" else ""))
    assert page.evaluate("hb.date('2026-12-10T12:00:00Z')") == expected


@pytest.mark.parametrize("width", (360, 1280))
@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_section_lists_align_level_badges_on_the_first_line(browser, site_server, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        for lang in ("", "en/"):
            for section in ("deep-learning", "ai-painting", "python"):
                page.goto(f"{site_server}{lang}{section}/", wait_until="load")
                page.wait_for_function(PRACTICE_READY_JS, timeout=15000)
                badges = page.evaluate(BADGES_JS)
                where = f"/{lang}{section}/ at {width}px, {scheme}"
                assert len(badges) >= 2, where
                assert len({b["left"] for b in badges}) == 1, f"{where}: badges not in one column: {badges}"
                assert all(b["below"] < b["line"] for b in badges), f"{where}: a badge on a line of its own: {badges}"
                ratios = page.locator("#questions + ol .hb-level").evaluate_all(
                    f"els => els.map({CONTRAST_JS})")
                assert min(ratios) >= 4.5, f"{where}: badge contrast {ratios}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ("", "en/"))
def test_tag_filters_list_tags_in_the_tags_pages_order(page, site_server, lang):
    page.goto(f"{site_server}{lang}tags/")
    on_tags_page = page.locator("[data-pagefind-body] h2[id^=tag-]").evaluate_all(
        "hs => hs.map(h => h.firstChild.textContent.trim())")  # without the permalink sign
    page.goto(f"{site_server}{lang}")
    options = page.locator(".hb-practice__random select[name=tag] option")
    expect(options).to_have_count(len(on_tags_page) + 1)  # filled once questions.json has arrived
    assert len(on_tags_page) > 5
    # The filters are folded on the home page (inner text of a closed <details> is empty).
    assert [o.strip() for o in options.evaluate_all("os => os.map(o => o.textContent)")[1:]] == on_tags_page
