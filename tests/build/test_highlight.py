"""Code blocks with fewer elements (scripts/build/highlight.py): the same text
in the same colours, with the spans that draw nothing of their own gone."""

from __future__ import annotations

import re

from scripts.build import highlight
from scripts.content import config
from tests.conftest import ROOT, question_with

SAMPLE = "```python\nimport numpy as np\nx = np.zeros((3, 4))  # a\n# b\ny = x.sum(axis=0)\n```\n"
# A span and the class it draws with: the classes are what the colours hang on.
SPAN = re.compile(r'<span class="?([\w-]+)"?>([^<]*)</span>')


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_compact_keeps_the_text_and_every_coloured_token():
    html = config.render(config.renderer(config.load(), highlight=True), SAMPLE)
    compact = highlight.compact(html)
    assert text(compact) == text(html)
    before, after = SPAN.findall(html), SPAN.findall(compact)
    assert len(after) < len(before) - 10
    assert not [cls for cls, _ in after if cls in highlight.PLAIN]
    # every coloured character keeps its class: per class, the same characters in order
    for cls in {c for c, _ in before} - set(highlight.PLAIN):
        assert re.sub(r"\s", "", "".join(t for c, t in before if c == cls)) == \
            re.sub(r"\s", "", "".join(t for c, t in after if c == cls)), cls
    assert '<span class="p">((</span>' in compact and '<span class="c1"># a</span>' not in compact


def test_compact_leaves_text_outside_code_blocks_alone():
    html = '<p><span class="n">x</span></p><pre><code><span class="n">y</span></code></pre>'
    assert highlight.compact(html) == '<p><span class="n">x</span></p><pre><code>y</code></pre>'


def test_the_unwrapped_classes_have_no_colour_of_their_own(built_site):
    """Names are drawn in the code's colour in Material's palettes, and the site's
    own stylesheets give neither names nor whitespace a colour."""
    styles = built_site / "assets" / "stylesheets"
    for sheet in list(styles.glob("main.*.css")) + list(styles.glob("palette.*.css")):
        names = re.findall(r"--md-code-hl-name-color:([^;}]+)", sheet.read_text(encoding="utf-8"))
        assert names and set(names) == {"var(--md-code-fg-color)"}, sheet.name
        assert not re.search(r"\.highlight \.(?:w|n)\b", sheet.read_text(encoding="utf-8").replace(
            ".highlight .kc,.highlight .n{", "")), sheet.name
    own = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/assets/stylesheets").glob("*.css"))
    assert "--md-code-hl-name-color" not in own and not re.search(r"\.highlight \.(?:w|n)\b", own)


def test_built_code_blocks_are_compact(built_site):
    page = (built_site / question_with("```") / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r"<pre.*?</pre>", page, re.S)
    assert blocks and not any(re.search(r"<span class=\"?(?:w|n)\"?>", block) for block in blocks)
