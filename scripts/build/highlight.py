"""Highlighted code drawn with fewer elements.

Pygments wraps every token of a code block in a <span>: on a question page
with three short examples that is about 390 of its 1,240 elements. Each
element costs style and layout time on a phone, every time Material's
script restyles the page while it loads (four times on a question page:
Lighthouse's total blocking time, issue 19), and 22 bytes of HTML. Three
rewrites keep what a reader sees exactly as it was:

* whitespace tokens (class `w`) have no colour of their own: unwrapped;
* names (class `n`) are drawn in the code's own colour in both of
  Material's palettes (`--md-code-hl-name-color: var(--md-code-fg-color)`;
  tests/build/test_highlight.py holds Material and extra.css to that): unwrapped;
* neighbouring tokens of one class with only spaces between them (`((`,
  `))`, a run of punctuation) become one span.

Only code blocks (`<pre>`) are touched; copying code copies its text, which
does not change.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.S)
# Classes drawn in the code block's own colour (see the module's docstring).
PLAIN = ("w", "n")
_PLAIN = re.compile(r'<span class="(?:%s)">([^<]*)</span>' % "|".join(PLAIN))
_SAME = re.compile(r'<span class="([\w-]+)">([^<]*)</span>(\s*)<span class="\1">')


def _compact(code: str) -> str:
    code = _PLAIN.sub(r"\1", code)
    while True:
        merged = _SAME.sub(r'<span class="\1">\2\3', code)
        if merged == code:
            return code
        code = merged


def compact(html: str) -> str:
    """A page's HTML with each code block's token spans reduced as above."""
    return _BLOCK.sub(lambda m: m.group(1) + _compact(m.group(2)) + m.group(3), html)
