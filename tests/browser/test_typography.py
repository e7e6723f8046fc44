"""Chinese typography and phone tables as a reader sees them, measured in
Chromium (issue 19): no Chinese text under 14 px on a 360 px phone, nothing
Chinese in italics, the punctuation after an inline formula on the formula's
line, key points at body size, the errata's correction column on screen at
360 px, and code in table cells broken only after `_`, `.` or `/`."""

from __future__ import annotations

import pytest

from scripts.build.typography import CJK, CLOSING

pytestmark = pytest.mark.browser

LANGS = ("", "en/")
# Home, a section (level badges), a question page (formulas, a wide table, key
# points), errata, the cram sheet, tags.
PAGES = ("", "deep-learning/", "deep-learning/attention-mechanisms/", "errata/", "cram/deep-learning/", "tags/")
MIN_CJK_PX = 14
FRAME_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Every element whose own text (not its children's) holds Chinese, with its
# computed size and style and whether a reader can see it (rendered, inside
# the viewport's width: the closed drawer sits off screen to the left).
CJK_ELEMENTS_JS = """(cjk) => {
  const re = new RegExp('[' + cjk + ']');
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('').trim();
    if (!re.test(own)) continue;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const visible = r.width > 1 && r.height > 1 && r.right > 0 && r.left < vw &&
      el.checkVisibility({opacityProperty: true, visibilityProperty: true});
    out.push({what: name(el) + ' "' + own.slice(0, 20) + '"', size: parseFloat(s.fontSize),
              style: s.fontStyle, visible});
  }
  return out;
}"""

# Each inline formula followed by closing punctuation: is that punctuation on
# the formula's line (its box overlaps the formula's vertically, to its right)?
PUNCTUATION_JS = """(closing) => {
  const out = [];
  for (const math of document.querySelectorAll('.md-typeset .hb-math-inline')) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = math.lastChild || math;
    let node = walker.nextNode();
    while (node && math.contains(node)) node = walker.nextNode();
    if (!node || !node.data.length || !closing.includes(node.data[0])) continue;
    const m = math.getBoundingClientRect();
    if (!m.width) continue;
    const range = document.createRange();
    range.setStart(node, 0); range.setEnd(node, 1);
    const p = range.getClientRects()[0];
    if (!p) continue;
    out.push({same: p.top < m.bottom && p.bottom > m.top && p.left >= m.right - 1,
              text: (math.textContent.slice(0, 20) + node.data.slice(0, 6))});
  }
  return out;
}"""

# Where the text of each code element in a table cell breaks between lines:
# the characters either side of each break.
CODE_BREAKS_JS = """() => {
  const out = [];
  for (const code of document.querySelectorAll('.md-typeset td code, .md-typeset th code')) {
    const chars = [];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) chars.push({c: n.data[i], top: rect.top});
      }
    }
    for (let i = 1; i < chars.length; i++)
      if (chars[i].top > chars[i - 1].top + 2)
        out.push({code: code.textContent, before: chars[i - 1].c, after: chars[i].c});
    out.push({code: code.textContent, lines: 1});
  }
  return out;
}"""


def _open(page, url: str, width: int = 360) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url, wait_until="load")
    # Errata boxes and other collapsed details: their text counts too.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate(FRAME_JS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_no_chinese_text_under_14px_or_in_italics_on_a_phone(page, site_server, lang, path):
    _open(page, site_server + lang + path)
    elements = page.evaluate(CJK_ELEMENTS_JS, CJK)
    if not lang:
        assert sum(e["visible"] for e in elements) > 10, "the Chinese page shows little Chinese text"
    small = [f"{e['what']} is {e['size']}px" for e in elements if e["visible"] and e["size"] < MIN_CJK_PX - 0.01]
    slanted = [f"{e['what']} is {e['style']}" for e in elements if e["style"] != "normal"]
    assert not small + slanted, "\n".join(small + slanted)


@pytest.mark.parametrize("lang", LANGS)
def test_book_title_on_english_pages_is_upright(page, site_server, lang):
    """《三年面试五年模拟》 is emphasised on the errata page; emphasis must not slant it."""
    _open(page, site_server + lang + "errata/")
    styles = page.eval_on_selector_all(".md-typeset em", "els => els.filter(e => e.textContent.includes('《'))"
                                       ".map(e => getComputedStyle(e).fontStyle)")
    if lang:
        assert styles, "the English errata page no longer emphasises the book title"
    assert set(styles) <= {"normal"}, styles


@pytest.mark.parametrize("lang", LANGS)
def test_punctuation_after_a_formula_stays_on_its_line(page, site_server, lang):
    """At every width from 300 to 480 px the text reflows differently, so each
    formula meets the end of a line at some width."""
    page.goto(site_server + lang + "deep-learning/attention-mechanisms/", wait_until="load")
    checked, apart = 0, set()
    for width in range(300, 481, 6):
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate(FRAME_JS)
        for item in page.evaluate(PUNCTUATION_JS, CLOSING):
            checked += 1
            if not item["same"]:
                apart.add(f"{width}px: {item['text']}")
    assert checked > 100, f"only {checked} formula-punctuation pairs measured"
    assert not apart, "punctuation on the next line after a formula:\n" + "\n".join(sorted(apart))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (360, 1280))
def test_key_points_at_body_size(page, site_server, lang, width):
    _open(page, site_server + lang + "deep-learning/attention-mechanisms/", width)
    body = page.evaluate("() => parseFloat(getComputedStyle([...document.querySelectorAll('.md-content .md-typeset p')]"
                         ".find(p => !p.closest('.admonition, details, table, figure, .hb-practice'))).fontSize)")
    for selector in (".hb-key-points li", ".hb-key-points .admonition-title", "details[id^=erratum] summary",
                     "article table td"):
        sizes = page.eval_on_selector_all(selector, "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes, f"no {selector} on the page"
        assert set(sizes) == {body}, f"{selector}: {sorted(set(sizes))} px against body text {body} px"


@pytest.mark.parametrize("lang", LANGS)
def test_errata_correction_column_is_on_screen_at_360px(page, site_server, lang):
    _open(page, site_server + lang + "errata/")
    cells = page.eval_on_selector_all(
        "article table tbody td:last-child",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.width]; })")
    assert len(cells) > 20
    outside = [c for c in cells if c[0] < -0.5 or c[1] > 360.5 or c[2] < 100]
    assert not outside, f"{len(outside)} of {len(cells)} correction cells not fully on a 360 px screen: {outside[:3]}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (320, 360))
def test_code_in_table_cells_breaks_only_after_separators(page, site_server, lang, width):
    _open(page, site_server + lang + "deep-learning/hyperparameter-optimization/", width)
    found = page.evaluate(CODE_BREAKS_JS)
    names = {item["code"] for item in found}
    assert {"trial.suggest_*", "BayesSearchCV"} <= names
    bad = [f"{b['code']!r} breaks between {b['before']!r} and {b['after']!r}" for b in found
           if "before" in b and b["before"] not in "_./" and not b["before"].isspace() and not b["after"].isspace()]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (360, 1280))
def test_captions_are_upright_left_aligned_and_centred_as_a_block(page, site_server, lang, width):
    """A caption of one line sits in the middle of its figure; a longer one is
    a block of left-aligned lines, itself centred."""
    _open(page, site_server + lang + "ai-painting/dreambooth/", width)
    captions = page.eval_on_selector_all("figure > figcaption", """els => els.map(c => {
      const s = getComputedStyle(c), r = c.getBoundingClientRect(), f = c.parentElement.getBoundingClientRect();
      const range = document.createRange(); range.selectNodeContents(c);
      const lines = new Set([...range.getClientRects()].map(x => Math.round(x.bottom))).size;
      return {style: s.fontStyle, align: s.textAlign, lines, offset: (r.left + r.right - f.left - f.right) / 2};
    })""")
    assert captions, "no figure captions on the DreamBooth page"
    for caption in captions:
        assert caption["style"] == "normal"
        assert abs(caption["offset"]) < 1, caption  # the caption's box is centred in its figure
        if caption["lines"] > 1:
            assert caption["align"] in {"start", "left"}, caption
    assert any(c["lines"] > 1 for c in captions), "no caption runs over one line to check the alignment of"
