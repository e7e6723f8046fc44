"""Reader features in headless Chromium: practice mode, mastered marks and
progress, random question, tags pages, math, copy buttons, palette toggle,
and the language switch keeping the reader's place at an anchor."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_site import switch_language

pytestmark = pytest.mark.browser

QUESTION = "ai-painting/dreambooth/"
SECTION = "ai-painting/"


def answer_visible(page) -> bool:
    return page.locator(".hb-answer").is_visible()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_practice_mode_folds_answers_and_is_remembered(page, site_server, lang):
    page.goto(site_server + lang + QUESTION)
    toggle = page.locator(".hb-practice__toggle")
    assert toggle.is_visible() and answer_visible(page)
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert not answer_visible(page)
    reveal = page.locator(".hb-practice__reveal")
    assert reveal.get_attribute("aria-expanded") == "false"
    # keyboard: focus the reveal button and press Enter
    reveal.focus()
    page.keyboard.press("Enter")
    assert answer_visible(page) and reveal.get_attribute("aria-expanded") == "true"
    # remembered across reloads and pages
    page.goto(site_server + lang + "python/assert/")
    assert page.locator(".hb-practice__toggle").get_attribute("aria-pressed") == "true"
    assert not answer_visible(page)
    page.reload()
    assert not answer_visible(page)
    page.locator(".hb-practice__toggle").click()
    page.reload()
    assert answer_visible(page)
    assert page.evaluate("localStorage.getItem(hb.key('practice'))") == "false"


def test_practice_strings_are_in_the_pages_language(page, site_server):
    page.goto(site_server + QUESTION)
    zh = page.locator(".hb-practice__toggle").inner_text()
    page.goto(site_server + "en/" + QUESTION)
    en = page.locator(".hb-practice__toggle").inner_text()
    assert zh != en and en.isascii() and not zh.isascii()


def progress(page, pattern: str):
    """Wait for the progress text, which arrives after questions.json is fetched."""
    expect(page.locator(".hb-practice__progress")).to_have_text(re.compile(pattern))


def test_mastered_marks_drive_section_and_home_progress(page, site_server, built_site):
    questions = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    in_section = [q for q in questions if q["section"] == "ai-painting"]
    page.goto(site_server + SECTION)
    progress(page, rf"已掌握\s*0\s*/\s*{len(in_section)}")
    page.goto(site_server + QUESTION)
    mark = page.locator(".hb-practice__mastered")
    mark.click()
    assert mark.get_attribute("aria-pressed") == "true"
    page.reload()
    expect(page.locator(".hb-practice__mastered")).to_have_attribute("aria-pressed", "true")
    page.goto(site_server + SECTION)
    progress(page, rf"已掌握\s*1\s*/\s*{len(in_section)}")
    page.goto(site_server)
    progress(page, rf"已掌握\s*1\s*/\s*{len(questions)}")
    assert page.locator(".hb-practice__sections li").count() == len({q["section"] for q in questions})
    # the same question counts as mastered in English too
    page.goto(site_server + "en/" + SECTION)
    progress(page, rf"^1 of {len(in_section)}")


def test_random_question_respects_section_tag_and_mastered(page, site_server, built_site):
    questions = json.loads((built_site / "en/questions.json").read_text(encoding="utf-8"))
    page.goto(site_server + "en/")
    page.click(".hb-practice__filters summary")  # the filters are folded
    page.select_option("select[name=section]", "python")
    page.click(".hb-practice__random button")
    page.wait_for_url("**/en/python/*/")
    assert urlsplit(page.url).path.split("/en/")[1] in {q["url"] for q in questions if q["section"] == "python"}
    # mark both Python questions as mastered, then ask for an unmastered one in that section
    for q in [q for q in questions if q["section"] == "python"]:
        page.goto(site_server + "en/" + q["url"])
        page.click(".hb-practice__mastered")
    page.goto(site_server + "en/")
    page.click(".hb-practice__filters summary")
    page.select_option("select[name=section]", "python")
    page.check("input[name=unmastered]")
    page.click(".hb-practice__random button")
    assert page.locator(".hb-practice__message").inner_text() != ""
    assert urlsplit(page.url).path.endswith("/en/")
    # a tag filter
    page.uncheck("input[name=unmastered]")
    page.select_option("select[name=section]", "")
    page.select_option("select[name=tag]", "linux")
    page.click(".hb-practice__random button")
    page.wait_for_url("**/en/computer-basics/*/")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_tags_page_lists_every_question_in_its_language(page, site_server, built_site, lang):
    questions = json.loads((built_site / lang / "questions.json").read_text(encoding="utf-8"))
    page.goto(site_server + lang + "tags/")
    links = {urlsplit(h).path for h in page.eval_on_selector_all(".md-content a", "as => as.map(a => a.href)")}
    root = urlsplit(site_server).path + lang
    assert {root + q["url"] for q in questions} <= links
    # a tag on a question page leads to that tag on this language's tags page
    page.goto(site_server + lang + QUESTION)
    page.locator("a.md-tag").first.click()
    assert urlsplit(page.url).path == root + "tags/"


def test_math_is_shown_as_rendered_formulas(page, site_server):
    page.goto(site_server + "en/machine-learning/discriminative-vs-generative/")
    formulas = page.locator("math")
    assert formulas.count() > 5
    fraction = page.locator("div.arithmatex math mfrac").first  # a display formula
    box = fraction.bounding_box()
    assert box and box["height"] > 20  # a real stacked fraction, not a line of TeX source
    assert "\\frac" not in page.locator("article").inner_text()


def test_copy_button_copies_the_code(page, site_server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_server + "en/python/assert/")
    block = page.locator("div.highlight pre").first
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.strip().splitlines()[0] in block.inner_text()


def test_palette_toggle_switches_and_is_remembered(page, site_server):
    page.goto(site_server)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme:
            break
    changed = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert changed != scheme
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == changed


def test_language_switch_keeps_the_anchor(page, site_server):
    page.goto(site_server + QUESTION + "#prior-preservation")
    switch_language(page, "en")
    assert page.url == site_server + "en/" + QUESTION + "#prior-preservation"
    switch_language(page, "zh")
    assert page.url == site_server + QUESTION + "#prior-preservation"


@pytest.mark.parametrize("lang", ["", "en/"])
def test_pages_show_when_they_were_last_updated(page, site_server, lang):
    """The date of the page's last commit, written in the page's language."""
    import datetime as dt
    import subprocess

    from tests.conftest import ROOT

    source = ROOT / "docs" / (lang.rstrip("/") or "zh") / (QUESTION.rstrip("/") + ".md")
    iso = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(source)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    day = dt.date.fromisoformat(iso) if iso else dt.date.today()  # never committed: the build date
    expected = f"{day.year}年{day.month}月{day.day}日" if not lang else f"{day.day} {day:%B} {day.year}"
    page.goto(site_server + lang + QUESTION)
    assert page.locator(".md-source-file .md-source-file__fact").first.inner_text().strip() == expected


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The site built with Material's instant navigation switched on, served."""
    import functools
    import http.server
    import threading

    from tests.conftest import SUBPATH, copy_project, free_port, mkdocs_build

    project = copy_project(tmp_path_factory.mktemp("instant"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    - navigation.footer\n", "    - navigation.footer\n    - navigation.instant\n"), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUBPATH}/"
    # Not strict: mkdocs-static-i18n warns that its per-page language links do
    # not survive instant navigation, which is why the real site leaves it off.
    result = mkdocs_build(project, project / "out" / SUBPATH, url, strict=False)
    assert result.status == 0, result.output
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "out"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


def test_practice_mode_works_with_instant_navigation(page, instant_site):
    page.goto(instant_site + SECTION)
    page.locator(".hb-practice__toggle").click()
    # follow an in-site link: instant navigation swaps the page without a reload
    page.evaluate("window.__same_document = true")
    page.locator("article a[href$='dreambooth/']").first.click()
    page.wait_for_url("**/dreambooth/")
    assert page.evaluate("window.__same_document === true"), "instant navigation did not kick in"
    expect(page.locator(".hb-practice[data-wired]")).to_have_count(1)
    assert page.locator(".hb-practice__toggle").get_attribute("aria-pressed") == "true"
    assert not page.locator(".hb-answer").is_visible()
    page.locator(".hb-practice__reveal").click()
    assert page.locator(".hb-answer").is_visible()
