"""The PDF book's fonts: Noto Sans CJK, cut down to the book's characters and
converted to TrueType outlines.

Chromium's PDF writer (Skia) embeds TrueType fonts as real, subset CID fonts,
but draws every OpenType/CFF font, which is what Debian's fonts-noto-cjk
ships, as Type 3 fonts: one PDF drawing procedure per glyph, spread over a
new font for every 256 glyphs. Such a book is large (6.4 MB for the Chinese
book of 14 questions), renders without hinting in many viewers, and copies
面 as the Kangxi radical ⾯ (U+2FAF), so searching the PDF for 面试 fails.

So the book brings its own fonts: for each face, the characters the book
uses (plus ASCII, for page numbers and generated text) are cut out of the
installed Noto Sans CJK SC / Noto Sans Mono CJK SC with fontTools'
subsetter, their cubic outlines are converted to quadratic ones (cu2qu), and
the result is loaded by @font-face from a temporary folder. The same fonts
serve both languages (Noto Sans CJK's Latin letters are Adobe's Source
Sans), so the books look the same on every machine with fonts-noto-cjk,
whatever else is installed. fontTools comes with the check layer
(matplotlib's dependency, pinned in requirements-check.txt).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.content.layout import MATH_FONT_FILE

# (family in the book's CSS, fontconfig pattern, CSS weight range)
FACES = (
    ("HB Book Sans", "Noto Sans CJK SC:style=Regular", "100 500"),
    ("HB Book Sans", "Noto Sans CJK SC:style=Bold", "600 900"),
    ("HB Book Mono", "Noto Sans Mono CJK SC:style=Regular", "100 500"),
    ("HB Book Mono", "Noto Sans Mono CJK SC:style=Bold", "600 900"),
)
# The site's math font's family (overrides/assets/stylesheets/extra.css names it too).
MATH_FAMILY = "HB Math"
# Characters the book may show without them being in its text: page numbers,
# list bullets, quotes and dashes that CSS or the browser adds.
ALWAYS = "".join(map(chr, range(0x20, 0x7F))) + "\u00a0\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u25e6"


class FontMissing(RuntimeError):
    pass


def locate(pattern: str) -> tuple[str, int]:
    """(file, index in the collection) of an installed face, via fontconfig."""
    family = pattern.split(":")[0]
    try:
        found = subprocess.run(["fc-match", "--format=%{file}|%{index}|%{family}", pattern],
                               capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise FontMissing(f"fc-match failed ({exc}); Debian: apt-get install fontconfig fonts-noto-cjk") from None
    path, index, families = (found.split("|") + ["", "", ""])[:3]
    if family not in families.split(","):
        raise FontMissing(f"font {family!r} is not installed (Debian: apt-get install fonts-noto-cjk; "
                          "bash .ci/run --setup-only installs it)")
    return path, int(index or 0)


def to_truetype(font) -> None:
    """Replace a CFF-flavoured font's outlines by TrueType (quadratic) ones, in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs, maxp.maxZones = 0x00010000, len(order), 1
    for name in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                 "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, name, 0)
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def subset_face(pattern: str, text: str, out: Path) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, index = locate(pattern)
    font = TTFont(path, fontNumber=index, lazy=True)
    options = subset.Options()
    # Kerning, and the half-width punctuation forms Chromium uses to trim the
    # space around adjacent CJK punctuation (text-spacing-trim). No more: the
    # face's default glyphs are already the Simplified Chinese ones, and a
    # ligature (fi) would copy as one character. Half the glyphs and time of
    # keeping every feature.
    options.layout_features = ["kern", "halt", "chws"]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = [1, 2, 3, 4, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    to_truetype(font)
    font.save(out)
    return out


def font_faces(text: str, code: str, folder: Path) -> str:
    """Write the book's fonts into folder (the sans faces for all of `text`, the
    monospaced ones for `code`); returns their @font-face CSS."""
    rules = []
    for number, (family, pattern, weight) in enumerate(FACES):
        chars = "".join(sorted(set(code if "Mono" in family else text) | set(ALWAYS)))
        path = subset_face(pattern, chars, folder / f"face-{number}.ttf")
        rules.append(f'@font-face{{font-family:"{family}";font-weight:{weight};src:url("{path.as_uri()}")}}')
    # DejaVu (fonts-dejavu-core, which fontconfig pulls in) covers the few
    # symbols Noto Sans CJK lacks. Formulas use the site's own math font (a
    # cut of Latin Modern Math with TrueType outlines, so the PDF embeds it
    # as a real font; scripts/dev/fonts.py), the same in both books.
    rules.append(f'@font-face{{font-family:"{MATH_FAMILY}";src:url("{MATH_FONT_FILE.as_uri()}")}}')
    rules.append(':root{--md-text-font:"HB Book Sans","DejaVu Sans";'
                 '--md-code-font:"HB Book Mono","HB Book Sans","DejaVu Sans Mono"}'
                 f'math{{font-family:"{MATH_FAMILY}","HB Book Sans","DejaVu Sans"}}')
    return "\n".join(rules)
