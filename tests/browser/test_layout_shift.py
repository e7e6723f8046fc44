"""No page moves under the reader while it loads (issue 19: no layout shift
above 0.02). Measured as Lighthouse does, with the browser's own
layout-shift entries, on a phone-sized window with the CPU slowed four
times, so that whatever the page scripts add after the first paint (practice
controls, the copy button, the math font, stored practice mode) lands late
enough to count."""

from __future__ import annotations

import pytest

from tests.conftest import question_with

pytestmark = pytest.mark.browser

BUDGET = 0.02
# Questions with a display formula and code (the math font, the copy button,
# code blocks) in both languages, and one with a table (stacked on phones).
QUESTIONS = [question_with("$$", "```"), question_with("$$", "```", lang="en"), question_with("\n|", lang="en")]
PAGES = ["", "en/", *QUESTIONS, "study/", "en/errata/"]
# Every shift not caused by input (Lighthouse's cumulative layout shift over a load).
OBSERVE = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({value: entry.value, sources: entry.sources.map((s) =>
        s.node && s.node.nodeType === 1 ? s.node.tagName + "." + s.node.className : String(s.node && s.node.nodeName))});
    }
  }
}).observe({type: "layout-shift", buffered: true});"""


def shifts(browser, url: str, practising: bool = False) -> tuple[float, list]:
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        if practising:  # practice mode stored on, as a reader who left it on
            page.goto(url)
            page.locator(".hb-practice__toggle").click()
        page.add_init_script(OBSERVE)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load")
        page.wait_for_function("document.querySelector('.hb-practice') === null"
                               " || document.querySelector('.hb-practice').dataset.wired === 'true'")
        page.wait_for_timeout(1500)  # late arrivals: strings.json, questions.json, the math font
        entries = page.evaluate("window.__shifts")
    finally:
        context.close()
    return sum(e["value"] for e in entries), entries


@pytest.mark.parametrize("path", PAGES)
def test_pages_do_not_shift_while_loading(browser, site_server, path):
    total, entries = shifts(browser, site_server + path)
    assert total <= BUDGET, entries


@pytest.mark.parametrize("path", QUESTIONS[::2])
def test_a_question_in_practice_mode_does_not_shift_either(browser, site_server, path):
    total, entries = shifts(browser, site_server + path, practising=True)
    assert total <= BUDGET, entries
