"""The math font: every character a formula draws is in the site's cut of it.

The site ships a subset of Latin Modern Math (scripts/dev/fonts.py); a
character outside it would be drawn from whatever font the reader's device
has, in the middle of a typeset formula. Chinese inside \\text{} is drawn
by the text font and needs no math glyph. Reading the WOFF2 file needs
fontTools and brotli (the check layer).

Rule id:
  math-font  a formula uses a character the committed math font lacks (run `make fonts`)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from fontTools.ttLib import TTFont

from scripts.build.mathml import MathError, font_chars, to_mathml
from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.layout import MATH_FONT_FILE


@lru_cache(maxsize=1)
def font_cmap() -> frozenset[int]:
    """The code points the committed math font draws."""
    return frozenset(TTFont(MATH_FONT_FILE).getBestCmap())


def check(ctx: Context):
    digest = hashlib.sha256(MATH_FONT_FILE.read_bytes()).hexdigest()[:16]
    yield from ctx.each_page("math-font", _page, digest)


def _page(path, page, shown):
    cmap = font_cmap()
    for formula in page.math:
        try:
            chars = font_chars(to_mathml(formula.tex, display=formula.display))
        except MathError:
            continue  # the math check reports it
        missing = "".join(sorted(c for c in chars if ord(c) not in cmap))
        if missing:
            codes = ", ".join(f"U+{ord(c):04X} {c}" for c in missing)
            yield Finding(shown, formula.line, "math-font",
                          f"the math font lacks {codes}; run `make fonts` and commit "
                          f"{MATH_FONT_FILE.name}: {formula.tex.strip()[:60]}")
