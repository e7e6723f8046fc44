"""`make fonts`: the site's math font, cut from Latin Modern Math.

Chromium draws MathML with an OpenType MATH font (its MATH table says how to
place scripts, stack fractions and grow brackets); without one on the device,
formulas come out in whatever text font is there, which is what readers saw.
The site therefore ships its own: Latin Modern Math (GUST Font License, from
Debian's fonts-lmodern), cut down to the characters the handbook's formulas
use plus a base set (Latin, Greek, digits, the math alphabets MathML's italic
letters map to, operators, arrows, accents), so a new formula rarely needs a
new cut. fontTools' subsetter keeps the MATH table with the size variants and
pieces of the kept glyphs. The outlines are converted to TrueType (as for the
PDF book's fonts, scripts/outputs/pdf_fonts.py) so Chromium's PDF writer
embeds the same file as a real font in the books, and the family is renamed
"HB Math", as the GUST licence asks of changed fonts.

The result is committed (overrides/assets/fonts/, with its licence), so
`make serve` and `make build` need neither fontTools nor the source font;
`make check` reports a formula with a character the cut lacks
(scripts/check/rules/fonts.py), and this task makes a new cut.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from scripts.build.mathml import MathError, font_chars, to_mathml
from scripts.content.layout import DOCS, MATH_FONT_FILE, pages
from scripts.content.page import Page, read_text
from scripts.outputs.pdf_fonts import MATH_FAMILY as FAMILY
from scripts.outputs.pdf_fonts import to_truetype

SOURCE_NAME = "Latin Modern Math"
# Where Debian's fonts-lmodern puts it (outside fontconfig's folders).
DEBIAN_SOURCE = Path("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


# Characters kept whether or not a formula uses them yet: what a new formula
# most likely needs. Single letters are drawn in italic (MathML's <mi>), so the
# math italic alphabets come with the upright ones.
BASE = "".join(c for c in "".join((
    _span(0x20, 0x7E),  # ASCII: Latin letters, digits, operators, brackets
    "\u00a0\u00ac\u00b1\u00b7\u00d7\u00f7\u2009\u2016\u2026\u2032\u2033",
    _span(0x391, 0x3A9), _span(0x3B1, 0x3C9), "\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5",  # Greek
    "\u02c6\u02c7\u02d9\u02dc\u00a8\u00af\u00b4",  # accents
    _span(0x1D434, 0x1D467), "\u210e", _span(0x1D6E2, 0x1D71B),  # italic Latin and Greek
    _span(0x1D538, 0x1D550), "\u2102\u210d\u2115\u2119\u211a\u211d\u2124",  # double-struck capitals (\\mathbb)
    _span(0x1D49C, 0x1D4B5), "\u212c\u2130\u2131\u210b\u2110\u2112\u2133\u211b",  # script capitals (\\mathcal)
    "\u2190\u2191\u2192\u2193\u2194\u21a6\u21d0\u21d2\u21d4",  # arrows
    "\u2200\u2202\u2203\u2205\u2207\u2208\u2209\u220b\u220f\u2211\u2212\u2213\u2217\u2218\u221a\u221d"
    "\u221e\u2223\u2225\u2227\u2228\u2229\u222a\u222b\u2234\u223c\u2243\u2245\u2248\u2260\u2261\u2264"
    "\u2265\u226a\u226b\u2282\u2283\u2286\u2287\u2295\u2297\u2299\u22a4\u22a5\u22c5\u22ee\u22ef\u22f1",
    "\u27e8\u27e9\u2308\u2309\u230a\u230b",  # angle brackets, ceiling, floor
)) if unicodedata.category(c) != "Cn")  # the alphabets' holes (italic h is U+210E) are unassigned
# OpenType features kept: flattened accents over capitals, dotless i and j
# under accents. Not ssty (script-size letters): it would add a second and
# third form of every letter, 40 KB more, for subscripts Chromium otherwise
# draws as the scaled letter (as KaTeX's fonts do).
FEATURES = ["flac", "dtls"]


class SourceMissing(RuntimeError):
    pass


def source() -> Path:
    """The installed Latin Modern Math: fontconfig's, else Debian's fonts-lmodern path."""
    try:
        found = subprocess.run(["fc-match", "--format=%{file}|%{family}", SOURCE_NAME],
                               capture_output=True, text=True, check=True).stdout
        path, _, families = found.partition("|")
        if SOURCE_NAME in families.split(","):
            return Path(path)
    except (OSError, subprocess.CalledProcessError):
        pass
    if DEBIAN_SOURCE.exists():
        return DEBIAN_SOURCE
    raise SourceMissing(f"{SOURCE_NAME} is not installed (Debian: apt-get install fonts-lmodern), "
                        "or give its file: make fonts SOURCE=path/to/latinmodern-math.otf")


def used_chars(docs: Path = DOCS) -> set[str]:
    """Every character the handbook's formulas need from the math font."""
    chars: set[str] = set()
    for path in pages(docs):
        for formula in Page(path, read_text(path)).math:
            try:
                chars |= font_chars(to_mathml(formula.tex, display=formula.display))
            except MathError:
                continue  # the math check reports it
    return chars


def cut(src: Path, chars: str, out: Path) -> Path:
    """Write the subset of `src` drawing `chars` to `out` as WOFF2 with TrueType outlines."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(src)
    options = subset.Options()
    options.layout_features = FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamps
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    to_truetype(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in {1, 3, 4, 6}:
            value = {1: FAMILY, 3: f"{FAMILY} (subset of {SOURCE_NAME})", 4: FAMILY,
                     6: FAMILY.replace(" ", "") + "-Regular"}[record.nameID]
            names.setName(value, record.nameID, record.platformID, record.platEncID, record.langID)
    font.flavor = "woff2"
    font.recalcTimestamp = False  # the same cut from the same source, byte for byte
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return out


def make(src: Path | None = None, out: Path = MATH_FONT_FILE) -> int:
    """Cut the font; a missing source is a message and exit status 1, not a traceback."""
    try:
        src = Path(src) if src else source()
    except SourceMissing as missing:
        print(f"fonts: {missing}", file=sys.stderr)
        return 1
    if not src.is_file():
        print(f"fonts: {src}: no such font file", file=sys.stderr)
        return 1
    chars = "".join(sorted(set(BASE) | used_chars()))
    cut(src, chars, out)
    print(f"{out.relative_to(MATH_FONT_FILE.parents[2])}: {out.stat().st_size / 1024:.1f} KB, "
          f"{len(chars)} characters")
    return 0
