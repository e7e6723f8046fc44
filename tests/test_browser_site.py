"""The built site in headless Chromium: no off-site request, no console error,
and the language switcher keeps the reader on the same page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def page_paths() -> list[str]:
    """Every page of the site, both languages, as paths below the site root."""
    from scripts import catalog
    from scripts.pages import DOCS, LANGS

    paths = []
    for lang in LANGS:
        for rel in catalog.load(DOCS / lang).ordered_paths():
            url = "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
            paths.append(("" if lang == LANGS[0] else f"{lang}/") + url)
    return paths


SETTLED_JS = """() => new Promise(resolve => {
  // Resolves once no new resource has been requested for 150 ms (or after 3 s).
  let count = -1, quiet = 0;
  const tick = () => {
    const now = performance.getEntriesByType("resource").length;
    quiet = now === count ? quiet + 50 : 0;
    count = now;
    if (quiet >= 150 || performance.now() > 3000 + start) resolve(count); else setTimeout(tick, 50);
  };
  const start = performance.now();
  tick();
})"""


@pytest.mark.parametrize("path", page_paths())
def test_page_makes_no_offsite_request_and_logs_no_error(page, site_server, path):
    host = urlsplit(site_server).netloc
    offsite, errors = [], []
    page.on("request", lambda r: urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(r.url).netloc != host and offsite.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(site_server + path, wait_until="load")
    assert response is not None and response.ok
    page.evaluate(SETTLED_JS)
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
