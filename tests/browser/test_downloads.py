"""The home page's "offline and print" block in Chromium (offline.js): the
PDF and EPUB links with their sizes once downloads.json lists the books, one
file or volumes, and the feed and llms.txt links, which work without it."""

from __future__ import annotations

import json

import pytest

from scripts.content import strings
from tests.browser.test_offline import copy_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


def test_home_pages_link_the_epub_pdf_volumes_feed_and_llms(page, copy_site):  # noqa: F811
    url, folder = copy_site
    volumes = [{"file": "handbook-en-ai-painting.pdf", "bytes": 9_500_000, "pages": 600, "title": "AI Painting"},
               {"file": "handbook-en-errata.pdf", "bytes": 800_000, "pages": 40, "title": "Errata"}]
    (folder / "downloads" / "downloads.json").write_text(json.dumps({
        "zh": {"file": "handbook-zh.pdf", "bytes": 2_170_000, "pages": 106, "built": "2026-12-03",
               "epub": {"file": "handbook-zh.epub", "bytes": 193_000, "built": "2026-12-03"}},
        "en": {"bytes": 10_300_000, "pages": 640, "built": "2026-12-03", "volumes": volumes,
               "epub": {"file": "handbook-en.epub", "bytes": 191_000, "built": "2026-12-03"}}}))
    page.goto(url)
    epub = page.locator(".hb-offline__epub-link")
    epub.wait_for(state="visible")
    assert epub.get_attribute("href") == url + "downloads/handbook-zh.epub"
    assert "193 KB" in page.locator(".hb-offline__epub").inner_text()
    assert page.locator(".hb-offline__pdf-link").get_attribute("href") == url + "downloads/handbook-zh.pdf"
    zh = strings.in_language("zh")["offline"]
    feed = page.get_by_role("link", name=zh["feed"])
    assert feed.get_attribute("href") == "feed/atom.xml" and (folder / "feed" / "atom.xml").is_file()
    assert page.get_by_role("link", name=zh["llms"]).get_attribute("href") == "llms.txt"

    page.goto(url + "en/")
    page.locator(".hb-offline__pdf").wait_for(state="visible")
    pdf = page.locator(".hb-offline__pdf")
    links = pdf.locator("a[href]")
    assert [links.nth(i).evaluate("a => a.href") for i in range(links.count())] == [
        url + "downloads/" + v["file"] for v in volumes]  # the volumes, each its own link
    text = pdf.inner_text()
    assert "10.3 MB" in text and "640" in text and "AI Painting (9.5 MB)" in text and "Errata (800 KB)" in text
    assert page.locator(".hb-offline__epub-link").evaluate("a => a.href") == url + "downloads/handbook-en.epub"
