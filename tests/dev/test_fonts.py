"""The committed math font (scripts/dev/fonts.py cuts it; CI has no source
font to cut it again): a small WOFF2 with the MATH table, TrueType outlines
for the PDF, renamed as its licence asks, covering the base set and every
formula of the handbook."""

from __future__ import annotations

import subprocess
import sys

from fontTools.ttLib import TTFont

from scripts.content.layout import MATH_FONT_FILE, ROOT
from scripts.dev.fonts import BASE, FAMILY, used_chars

LATIN_MODERN_MATH = 0x1D6FC  # 𝛼, the italic alpha Chromium draws for <mi>α</mi>


def test_the_cut_is_a_small_woff2_math_font_with_truetype_outlines():
    font = TTFont(MATH_FONT_FILE)
    assert font.flavor == "woff2"
    assert "MATH" in font and "glyf" in font and "CFF " not in font
    assert font["name"].getDebugName(1) == FAMILY
    assert MATH_FONT_FILE.stat().st_size < 60 * 1024
    assert (MATH_FONT_FILE.parent / "LICENSE.txt").read_text(encoding="utf-8").count("GUST Font License") >= 1


def test_the_cut_covers_the_base_set_and_every_formula():
    cmap = TTFont(MATH_FONT_FILE).getBestCmap()
    used = used_chars()
    assert chr(LATIN_MODERN_MATH) in used and "\u2223" in used  # italic letters and \mid are counted
    missing = sorted(f"U+{ord(c):04X}" for c in set(BASE) | used if ord(c) not in cmap)
    assert not missing, missing


def test_stretchy_brackets_and_big_operators_keep_their_size_variants():
    font = TTFont(MATH_FONT_FILE)
    variants = font["MATH"].table.MathVariants
    vertical = set(variants.VertGlyphCoverage.glyphs)
    cmap = font.getBestCmap()
    for char in "(\u2211\u221a":
        assert cmap[ord(char)] in vertical, char


def test_a_missing_source_font_is_a_message_not_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "scripts.docs", "fonts", "--source", str(tmp_path / "none.otf")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"fonts: {tmp_path / 'none.otf'}: no such font file" in done.stderr
