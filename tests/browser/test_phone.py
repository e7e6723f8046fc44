"""Every page of the site (not a sample) in headless Chromium, as a phone
reader sees it: no page is wider than a 320, 360 or 412 px screen in the
light or the dark palette, with practice mode on or off; the controls a thumb
uses are at least 44 px and do not overlap; the page requests nothing from
another host and logs no error. Also screenshots at 360 px of the home page and the three pages
with the most formulas, in both languages, are written for reviewers
(test-artifacts/screenshots/, uploaded by CI)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, page_paths
from tests.html import parse

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 412)
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# Controls a reader taps on a phone: header buttons (menu, palette, language,
# search), practice and study controls.
# A checkbox inside its label is tapped through the label, which is measured.
TARGETS = (".md-header__button:not([hidden]), .hb-practice button, .hb-practice select, .hb-practice label, "
           ".hb-study button, .hb-study select, .hb-study label, "
           ".hb-study input:not([type=checkbox]):not([type=radio])")

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


# The outermost elements that stick out of the viewport and are not inside a
# box that scrolls or clips them (those are fine: the box scrolls).
WIDEST_JS = """() => {
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= vw) return {page: vw, viewport: vw, widest: []};
  const clips = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5 || clips(el)) continue;
    if (found.some(f => f.el.contains(el))) continue;
    found.push({el, right: Math.round(r.right)});
  }
  return {page: document.documentElement.scrollWidth, viewport: vw,
          widest: found.slice(0, 3).map(f => `${name(f.el)} reaches ${f.right}px`)};
}"""

# Visible tap targets: their size, and any pair that overlaps.
TARGETS_JS = """(selector) => {
  const boxes = [...document.querySelectorAll(selector)].filter(el => {
    const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[hidden]');
  }).map(el => ({el, r: el.getBoundingClientRect()}));
  const label = el => (el.getAttribute('aria-label') || el.textContent || el.title || el.tagName).trim().slice(0, 30);
  const small = boxes.filter(b => b.r.width < 43.5 || b.r.height < 43.5)
    .map(b => `${label(b.el)} is ${Math.round(b.r.width)}x${Math.round(b.r.height)}px`);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
    if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1)
      overlaps.push(`${label(a.el)} overlaps ${label(b.el)}`);
  }
  return {count: boxes.length, small, overlaps};
}"""


def _check_widths(page, where: str, problems: list[str]) -> None:
    for palette in ("default", "slate"):
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", palette)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            result = page.evaluate(WIDEST_JS)
            if result["page"] > result["viewport"]:
                problems.append(f"{where}, {palette}, {width}px: page is {result['page']}px wide; "
                                f"{'; '.join(result['widest']) or 'no single element found'}")


def _check_targets(page, where: str, problems: list[str]) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    result = page.evaluate(TARGETS_JS, TARGETS)
    problems += [f"{where}, 360px: {text}" for text in result["small"] + result["overlaps"]]


@pytest.mark.parametrize("path", page_paths())
def test_page_fits_a_phone_and_its_controls_fit_a_thumb(page, site_server, path):
    host = urlsplit(site_server).netloc
    problems: list[str] = []
    page.on("request", lambda r: urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(r.url).netloc != host and problems.append(f"off-site request: {r.url}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.set_viewport_size({"width": 412, "height": 800})
    response = page.goto(site_server + path, wait_until="load")
    assert response is not None and response.ok
    _check_widths(page, f"/{path} practice off", problems)
    _check_targets(page, f"/{path} practice off", problems)
    toggle = page.locator(".hb-practice__toggle")
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()
        _check_widths(page, f"/{path} practice on", problems)
        _check_targets(page, f"/{path} practice on", problems)
    page.evaluate(SETTLED_JS)  # requests made after load (practice data, ...) are watched too
    assert not problems, "\n".join(problems)


def _formula_heaviest(built_site: Path, count: int = 3) -> list[str]:
    """The question pages with the most formulas (Chinese paths; English is the same)."""
    scores = []
    for html in built_site.glob("*/*/index.html"):
        scores.append((len(parse(html).css("math")), html.parent.relative_to(built_site).as_posix() + "/"))
    return [path for _, path in sorted(scores, reverse=True)[:count]]


def test_phone_screenshots_for_reviewers(page, site_server, built_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = [""] + _formula_heaviest(built_site)
    assert len(paths) == 4
    page.set_viewport_size({"width": 360, "height": 780})
    written = []
    for lang in ("", "en/"):
        for path in paths:
            page.goto(site_server + lang + path, wait_until="load")
            name = (lang.rstrip("/") or "zh") + "-" + (path.strip("/").replace("/", "-") or "home") + ".png"
            page.screenshot(path=SCREENSHOTS / name, full_page=True)
            written.append(SCREENSHOTS / name)
    assert all(p.stat().st_size > 10_000 for p in written)
