""""Copy as Markdown" on question pages (copy-markdown.js) in Chromium: the
clipboard gets the page's clean Markdown, in both languages, online and,
after a visit, with the network switched off (the service worker keeps the
file with the page). Pages without their own Markdown copy get no button."""

from __future__ import annotations

import shutil

import pytest

from scripts.content import strings
from scripts.content.layout import markdown_url
from tests.browser.test_offline import status
from tests.conftest import SUBPATH, serve_folder

pytestmark = pytest.mark.browser


def copy(page, lang: str) -> str:
    labels = strings.in_language(lang)["share"]
    page.evaluate("navigator.clipboard.writeText('')")
    button = page.get_by_role("button", name=labels["copy_markdown"])
    before = button.bounding_box()
    button.click()
    page.wait_for_function("text => document.querySelector('.hb-copy-md__status').textContent === text",
                           arg=labels["copied"], timeout=10_000)
    assert button.bounding_box() == before  # the status line does not move the buttons
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("lang, path", [("zh", "machine-learning/discriminative-vs-generative"),
                                        ("en", "python/assert")])
def test_copy_as_markdown_copies_the_clean_markdown(page, context, site_url, built_site, lang, path):
    root = "" if lang == "zh" else "en/"
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.split("/handbook")[0])
    page.goto(site_url + root + path + "/")
    text = copy(page, lang)
    assert text == (built_site / root / markdown_url(path + ".md")).read_text(encoding="utf-8")
    assert text.startswith("# ")
    if lang == "zh":
        assert "$P(y \\mid x)$" in text  # formulas stay LaTeX


def test_pages_without_their_own_markdown_have_no_button(page, site_url):
    for path in ("", "en/python/", "en/errata/", "en/cram/"):
        page.goto(site_url + path)
        assert page.locator(".hb-copy-md").count() == 0, path
    page.goto(site_url + "en/python/assert/")
    # beside the "edit this page" button, level with the title
    assert page.locator(".md-content__inner > .hb-copy-md + a.md-content__button + .hb-copy-md__status").count() == 1
    copy, edit = (page.locator(s).bounding_box() for s in (".hb-copy-md", "a.md-content__button"))
    assert abs(copy["y"] - edit["y"]) < 4 and copy["x"] > edit["x"]


def test_copy_as_markdown_works_offline_after_a_visit(page, context, built_site, tmp_path):
    folder = tmp_path / SUBPATH
    shutil.copytree(built_site, folder)
    server = serve_folder(tmp_path)
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        url = f"{origin}/{SUBPATH}/en/ai-painting/dreambooth/"
        page.goto(url)
        status(page, "en")  # the worker has kept the page and its own files
        context.set_offline(True)
        page.goto(url)
        text = copy(page, "en")
        assert text == (folder / "en" / markdown_url("ai-painting/dreambooth.md")).read_text(encoding="utf-8")
    finally:
        context.set_offline(False)
        server.shutdown()
