"""Accessibility in headless Chromium with axe-core (npm, pinned in
package-lock.json): no WCAG 2.1 A/AA violation on the home page and on
question pages, in both languages."""

from __future__ import annotations

import os

import pytest

from scripts.content.layout import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PAGES = ["", "ai-painting/dreambooth/", "machine-learning/discriminative-vs-generative/",
         "computer-basics/find-command/", "python/lossless-images/"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} missing: run `npm ci` (make test does)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(page, site_server, axe_source, lang, path, capsys):
    page.goto(site_server + lang + path, wait_until="networkidle")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    problems = [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}" for v in result["violations"]]
    assert not problems, "\n".join(problems)
    assert len(result["passes"]) > 20  # axe really ran its rules


# Every control and text at WCAG AA in both of Material's palettes (light
# "default", dark "slate"; the reader's system setting picks one until they
# choose): axe-core's color-contrast on each kind of page, and on a question
# page with practice mode on and its answer and grade bar shown.
SCHEMES = {"light": "default", "dark": "slate"}
CONTRAST_PAGES = {"home": "", "question": "ai-painting/dreambooth/", "code": "python/lossless-images/",
                  "errata": "errata/", "cram": "cram/", "tags": "tags/"}


def contrast_problems(page, axe_source: str) -> list[str]:
    """axe-core's color-contrast violations on the page as it is now, one line each."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {runOnly: ['color-contrast']})")
    assert result["passes"], "axe checked no text at all"
    return [f"{n['target']}: {n['any'][0]['data'] if n['any'] else n['failureSummary']}"
            for v in result["violations"] for n in v["nodes"]]


def use_palette(page, palette: str) -> None:
    """The reader's system asks for `palette` (Material follows it until they choose)."""
    page.emulate_media(color_scheme=palette)


@pytest.mark.parametrize("palette", SCHEMES)
@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", CONTRAST_PAGES.values(), ids=CONTRAST_PAGES.keys())
def test_color_contrast_in_both_palettes(page, site_server, axe_source, palette, lang, path):
    use_palette(page, palette)
    page.goto(site_server + lang + path, wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[palette]
    if page.locator(".hb-practice__reveal").count():
        page.locator(".hb-practice__toggle").click()  # practice mode on: outlined and pressed buttons
        page.locator(".hb-practice__reveal").click()
        page.locator(".hb-grade__interval").first.wait_for()
        page.mouse.move(0, 0)  # hover states are not what is measured here
    problems = contrast_problems(page, axe_source)
    assert not problems, "\n".join(problems)
