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
