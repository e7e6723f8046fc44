"""The built site in headless Chromium: the language switcher keeps the reader
on the same page. (Every page's requests and console errors are checked in
tests/browser/test_phone.py, which visits every page anyway.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def switch_language(page, hreflang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{hreflang}']")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", ["", "ai-painting/", "ai-painting/dreambooth/"])
def test_language_switcher_keeps_the_page(page, site_server, path):
    page.goto(site_server + path)
    assert page.locator("html").get_attribute("lang") == "zh"
    switch_language(page, "en")
    assert page.url == site_server + "en/" + path
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "zh")
    assert page.url == site_server + path
