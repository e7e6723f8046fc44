"""Formulas in Chromium: drawn with the site's own math font (HB Math, a cut of
Latin Modern Math; scripts/dev/fonts.py), which only pages with a formula
download, in both languages and palettes, and laid out as TeX would: the
limit of arg max under it in a display formula, beside it inline."""

from __future__ import annotations

import pytest

from scripts.content.layout import MATH_FONT
from scripts.outputs.pdf_fonts import MATH_FAMILY

pytestmark = pytest.mark.browser

FORMULA_PAGE = "machine-learning/discriminative-vs-generative/"
# The math font's faces the page has loaded, and the family a formula is drawn with.
FONT_STATE_JS = """async () => { await document.fonts.ready;
  const math = document.querySelector('.md-content math');
  return {loaded: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/"/g, '')),
          family: math ? getComputedStyle(math).fontFamily : null}; }"""
# The boxes of every arg max with its limit: the operator and the script under it.
ARG_MAX_JS = """() => [...document.querySelectorAll('.md-content munder')]
  .filter(n => n.firstElementChild.textContent.replace(/\\s/g, '') === 'argmax')
  .map(n => { const [base, under] = [...n.children].map(c => c.getBoundingClientRect());
    return {display: n.closest('math').getAttribute('display'), baseBottom: base.bottom, underTop: under.top,
            baseLeft: base.left, baseRight: base.right, underLeft: under.left, underRight: under.right}; })"""


def font_requests(page) -> list[str]:
    found = []
    page.on("request", lambda request: found.append(request.url) if request.url.endswith(".woff2") else None)
    return found


@pytest.mark.parametrize("root", ["", "en/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_formula_page_loads_the_math_font_from_the_site(page, site_server, root, scheme):
    requests = font_requests(page)
    page.goto(site_server + root + FORMULA_PAGE)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    state = page.evaluate(FONT_STATE_JS)
    assert state["family"] and state["family"].split(",")[0].strip('" ') == MATH_FAMILY, state
    assert MATH_FAMILY in state["loaded"], state
    assert requests == [site_server + root + MATH_FONT], requests


@pytest.mark.parametrize("path", ["", "en/", "tags/"])
def test_page_without_formulas_does_not_download_the_math_font(page, site_server, path):
    requests = font_requests(page)
    page.goto(site_server + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("math").count() == 0
    assert page.evaluate(FONT_STATE_JS)["loaded"] == []
    assert requests == []


@pytest.mark.parametrize("root", ["", "en/"])
def test_arg_max_limit_is_under_the_operator_in_display_and_beside_it_inline(page, site_server, root):
    page.goto(site_server + root + FORMULA_PAGE)
    page.evaluate("document.fonts.ready")
    boxes = page.evaluate(ARG_MAX_JS)
    display = [b for b in boxes if b["display"] == "block"]
    inline = [b for b in boxes if b["display"] != "block"]
    assert display and inline, boxes
    for box in display:  # below the operator, and centred under it
        assert box["underTop"] >= box["baseBottom"] - 1, box
        assert box["underLeft"] > box["baseLeft"] and box["underRight"] < box["baseRight"], box
    for box in inline:  # movablelimits: a subscript to the right in running text
        assert box["underLeft"] >= box["baseRight"] - 1, box


def test_hat_is_centred_over_its_letter(page, site_server):
    page.goto(site_server + "en/" + FORMULA_PAGE)
    page.evaluate("document.fonts.ready")
    hats = page.evaluate("""() => [...document.querySelectorAll('.md-content mover[accent="true"]')].map(n => {
      const [base, hat] = [...n.children].map(c => c.getBoundingClientRect());
      return {base: base.left + base.width / 2, hat: hat.left + hat.width / 2, top: base.top, bottom: hat.bottom}; })""")
    assert hats
    for hat in hats:
        assert abs(hat["hat"] - hat["base"]) <= 1, hat
        assert hat["bottom"] <= hat["top"] + 1, hat
