"""The home page on a phone: it opens with its introduction and contents, the
practice bar comes after them with its filters folded, the per-section
progress uses Chinese punctuation in Chinese, and the offline-and-print
section has a working print button (issue 19, finding 9)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from scripts.content import strings

PHONE = {"width": 360, "height": 780}

# Where in document order an element sits, compared with another.
BEFORE_JS = "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"


@pytest.mark.parametrize("lang", ["", "en/"])
def test_introduction_and_contents_come_before_the_practice_bar(page, site_server, lang):
    page.set_viewport_size(PHONE)
    page.goto(site_server + lang)
    heading = page.locator(".md-content h1").first.element_handle()
    intro = page.locator(".md-content h1 + p").first.element_handle()
    contents = page.locator(".md-content #contents").element_handle()
    bar = page.locator(".hb-practice").element_handle()
    for earlier in (heading, intro, contents):
        assert page.evaluate(BEFORE_JS, [earlier, bar])
    # the first screen shows the title and the introduction, not a form
    assert page.locator(".hb-practice").bounding_box()["y"] > PHONE["height"]
    assert page.locator(".md-content h1 + p").bounding_box()["y"] < PHONE["height"] / 2
    # one bar: the random question and the mode toggle, the filters folded
    filters = page.locator(".hb-practice__filters")
    assert filters.evaluate("d => d.open") is False
    expect(page.locator(".hb-practice select[name=section]")).to_be_hidden()
    expect(page.locator(".hb-practice__random .md-button--primary")).to_be_visible()
    expect(page.locator(".hb-practice__toggle")).to_be_visible()
    filters.locator("summary").click()
    expect(page.locator(".hb-practice select[name=section]")).to_be_visible()


def test_section_progress_uses_chinese_punctuation(page, site_server, built_site):
    questions = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    titles = {q["section"]: q["section_title"] for q in questions}
    page.goto(site_server)
    page.locator(".hb-practice__by-section summary").click()
    item = page.locator(".hb-practice__sections li[data-section=ai-painting]")
    expect(item.locator(".hb-practice__count")).to_have_text(re.compile(r"已掌握\s*0\s*/\s*\d+"))
    text = item.inner_text()
    assert text.startswith(titles["ai-painting"] + "：") and ":" not in text
    page.goto(site_server + "en/")
    english = page.locator(".hb-practice__sections li[data-section=ai-painting]")
    expect(english.locator(".hb-practice__count")).to_have_text(re.compile(r"^0 of \d+"))
    assert re.match(r"^[^：]+: 0 of", english.text_content().strip())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_print_button_prints(page, site_server, lang):
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(site_server + ("" if lang == "zh" else "en/"))
    button = page.locator(".hb-offline .hb-offline__print-button")
    assert page.evaluate(BEFORE_JS, [page.locator("h2#offline").element_handle(), button.element_handle()])
    expect(button).to_have_text(strings.in_language(lang)["offline"]["print"])
    assert page.evaluate("window.__printed") == 0
    button.click()
    assert page.evaluate("window.__printed") == 1
