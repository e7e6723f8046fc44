"""Screenshots of the states readers see every day, for design review (issue 19):
home, a question with formulas, a question in practice mode with its grade bar,
the study page's review and mock interview, errata, cram, tags and the search
dialog, in both languages, at 360 and 1280 px, in the light and the dark
palette. They go to test-artifacts/screenshots/design/ (CI uploads
test-artifacts/screenshots/), named <lang>-<state>-<width>-<palette>.png.

Each shot also holds what can be measured, so the test can fail: the page is
in the expected language and palette, it does not scroll sideways, the state's
own element is on screen; and on the question page the level badge is under
the title with at least 4.5:1 contrast on its own background. One browser
context per palette and width keeps the run short."""

from __future__ import annotations

import pytest

from tests.conftest import PRACTICE_READY_JS, ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots" / "design"
FORMULA_PAGE = "deep-learning/attention-mechanisms/"
QUERIES = {"zh": "注意力", "en": "attention"}

# The page as rendered: language, palette, sideways scroll.
RENDERED_JS = """() => ({lang: document.documentElement.lang,
  scheme: document.body.getAttribute('data-md-color-scheme'),
  scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth})"""

# WCAG contrast of an element's text on its own background composited over the
# page's (the badge's tint is translucent).
CONTRAST_JS = """el => {
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let page = [255, 255, 255, 1];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const c = rgba(getComputedStyle(p).backgroundColor); if (c[3] > 0) { page = c; break; } }
  const back = over(rgba(getComputedStyle(el).backgroundColor), page.slice(0, 3));
  const fore = over(rgba(getComputedStyle(el).color), back);
  const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


def _settle(page) -> None:
    page.evaluate("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => "
                  "requestAnimationFrame(r))))")


def _open(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    page.wait_for_function(PRACTICE_READY_JS, timeout=15000)


def _practice(page, on: bool) -> None:
    """Practice mode on or off (the reader's choice is remembered across pages)."""
    toggle = page.locator(".hb-practice__toggle")
    if (toggle.get_attribute("aria-pressed") == "true") != on:
        toggle.evaluate("el => el.click()")


def _state(page, root: str, lang: str, state: str) -> str:
    """Bring the page into `state`; returns a selector that must then be visible."""
    prefix = root + ("en/" if lang == "en" else "")
    if state == "home":
        _open(page, prefix)
        return "[data-pagefind-body] h1"
    if state == "formula":
        _open(page, prefix + FORMULA_PAGE)
        _practice(page, False)
        page.locator("math[display=block]").first.evaluate("el => el.scrollIntoView({block: 'center'})")
        return "math[display=block]"
    if state == "practice":
        _open(page, prefix + FORMULA_PAGE)
        _practice(page, True)
        page.locator(".hb-practice__reveal").first.evaluate("el => el.click()")
        page.locator(".hb-grade").first.evaluate("el => el.scrollIntoView({block: 'center'})")
        return ".hb-grade"
    if state in ("review", "mock"):
        _open(page, prefix + "study/")
        part = page.locator(f"[data-part={state}]")
        if state == "mock":
            part.locator("input[name=sections]").first.check()
        part.locator("form").first.evaluate("form => form.requestSubmit()")
        part.locator(".hb-study__stage h3").wait_for()
        part.locator(".hb-study__stage").evaluate("el => el.scrollIntoView()")
        return f"[data-part={state}] .hb-study__stage h3"
    if state in ("errata", "cram", "tags"):
        _open(page, prefix + state + "/")
        return "[data-pagefind-body] h2"
    if state == "search":
        _open(page, prefix)
        page.locator("#__search").evaluate("box => { box.checked = true; box.dispatchEvent(new Event('change')); }")
        page.focus(".md-search__input")
        page.fill(".md-search__input", QUERIES[lang])
        page.keyboard.press("End")  # Material searches on keyup
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        return ".md-search-result__item"
    raise ValueError(state)


STATES = ("home", "formula", "practice", "review", "mock", "errata", "cram", "tags", "search")


@pytest.mark.parametrize("width", (360, 1280))
@pytest.mark.parametrize("palette", ("default", "slate"))
def test_design_screenshots_hold_language_palette_and_width(browser, site_server, palette, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 780 if width == 360 else 900},
                                  color_scheme="dark" if palette == "slate" else "light")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems: list[str] = []
    try:
        for lang in ("zh", "en"):
            for state in STATES:
                where = f"{lang} {state} {width}px {palette}"
                try:
                    selector = _state(page, site_server, lang, state)
                except Exception as exc:  # a state that cannot be reached is a finding, not a crash
                    problems.append(f"{where}: could not reach the state: {str(exc).splitlines()[0]}")
                    continue
                _settle(page)
                page.screenshot(path=SHOTS / f"{lang}-{state}-{width}-{'light' if palette == 'default' else 'dark'}.png")
                shown = page.evaluate(RENDERED_JS)
                if not shown["lang"].startswith(lang):
                    problems.append(f"{where}: page language is {shown['lang']!r}")
                if shown["scheme"] != palette:
                    problems.append(f"{where}: palette is {shown['scheme']!r}")
                if shown["scroll"] > shown["width"]:
                    problems.append(f"{where}: scrolls sideways ({shown['scroll']} > {shown['width']} px)")
                if not page.locator(selector).first.is_visible():
                    problems.append(f"{where}: {selector} is not visible")
                if state == "formula":
                    badge = page.locator("h1 + .hb-level-line .hb-level")
                    if not badge.count():
                        problems.append(f"{where}: no level badge under the title")
                    elif (ratio := badge.evaluate(CONTRAST_JS)) < 4.5:
                        problems.append(f"{where}: level badge contrast {ratio:.2f}:1")
    finally:
        context.close()
    assert not errors, errors
    assert not problems, "\n".join(problems)
    assert len(list(SHOTS.glob(f"*-{width}-{'light' if palette == 'default' else 'dark'}.png"))) == 2 * len(STATES)
