"""The built site in headless Chromium: no off-site request, no console error,
and the language switcher keeps the reader on the same page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def all_page_urls(built_site, site_url) -> list[str]:
    urls = []
    for page in sorted(built_site.rglob("index.html")):
        rel = page.parent.relative_to(built_site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        urls.append(site_url + ("" if rel == "." else rel + "/"))
    return urls


def test_pages_make_no_offsite_request_and_log_no_error(page, site_server, built_site):
    host = urlsplit(site_server).netloc
    offsite, errors = [], []
    page.on("request", lambda r: urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(r.url).netloc != host and offsite.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    urls = all_page_urls(built_site, site_server)
    assert len(urls) >= 4
    for url in urls:
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, url
    assert not offsite, offsite
    assert not errors, errors


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
