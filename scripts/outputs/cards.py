"""Link-preview cards: a 1200×630 PNG per top-level item of a language.

A link shared in a chat shows the page's `og:image` (scripts/build/social.py
names it). Cards are drawn at build time by Pillow with the system's Noto
Sans CJK (Debian's fonts-noto-cjk, found by fontconfig as for the PDF book),
so `make build` needs no browser and no network, and Chinese titles are set
in a real CJK font. There is one card per top-level item (the home page, each
section, each other page), not per question: a section's questions share its
card, and the site grows by a card per section (about 20 KB), not per page.
`make serve` draws none (a preview is not shared). The EPUB book's cover is
drawn by the same code, in portrait.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from scripts.build.social import CARD_SIZE, card_titles, card_url
from scripts.content.catalog import Catalog
from scripts.outputs.pdf_fonts import locate

INDIGO = (63, 81, 181)  # the theme's primary colour (mkdocs.yml: indigo)
DARK = (40, 53, 147)
WHITE = (255, 255, 255)
PALE = (197, 202, 233)
# Latin words, numbers and identifiers stay whole; any other character (CJK) may end a line.
_TOKEN = re.compile(r"[A-Za-z0-9_.+#/'’&-]+|\s+|.")
# Chinese punctuation never starts a line.
_NO_LINE_START = set("，。、：；？！）》」』”’…·")


@lru_cache(maxsize=16)
def font(weight: str, size: int):
    from PIL import ImageFont

    path, index = locate(f"Noto Sans CJK SC:style={weight}")
    return ImageFont.truetype(path, size=size, index=index)


def wrap(text: str, face, width: int) -> list[str]:
    """Greedy line breaking that keeps Latin words whole and breaks CJK anywhere."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        candidate = line + token
        if not line or face.getlength(candidate) <= width or token in _NO_LINE_START:
            line = candidate
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int, sizes: tuple[int, ...], max_lines: int) -> tuple[object, list[str]]:
    """The largest title size at which `text` fits in `max_lines` without leaving one
    character alone on the last line; cut with … at the smallest."""
    for size in sizes:
        face = font("Bold", size)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines and (len(lines) == 1 or len(lines[-1].strip()) > 1 or size == sizes[-1]):
            return face, lines
    lines = lines[:max_lines]
    while lines[-1] and face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] += "…"
    return face, lines


def render(name: str, title: str, subtitle: str = "", footer: str = "", size: tuple[int, int] = CARD_SIZE) -> bytes:
    """One card as PNG bytes: the handbook's name, a title, a subtitle and a footer
    line (the site's address), scaled to `size` (landscape cards, portrait covers)."""
    from PIL import Image, ImageDraw

    width, height = size
    unit = width / 1200
    pad = round(80 * unit)
    image = Image.new("RGB", size, INDIGO)
    draw = ImageDraw.Draw(image)
    band = round(96 * unit)
    draw.rectangle((0, height - band, width, height), fill=DARK)
    if name:
        draw.rectangle((pad, pad, pad + round(12 * unit), pad + round(48 * unit)), fill=PALE)
        draw.text((pad + round(32 * unit), pad - round(4 * unit)), name, font=font("Regular", round(40 * unit)),
                  fill=PALE)
    portrait = height > width
    sizes = tuple(round(s * unit) for s in ((112, 100, 90, 80, 72) if portrait else (76, 68, 60, 54)))
    face, lines = _fit(title, width - 2 * pad, sizes, 5 if portrait else 3)
    leading = round(face.size * 1.3)
    top = round(height * 0.3) if portrait else pad + round(130 * unit)
    for number, line in enumerate(lines):
        draw.text((pad, top + number * leading), line, font=face, fill=WHITE)
    if subtitle:
        small = font("Regular", round(34 * unit))
        y = top + len(lines) * leading + round(24 * unit)
        for line in wrap(subtitle, small, width - 2 * pad)[:4 if portrait else 2]:
            draw.text((pad, y), line, font=small, fill=PALE)
            y += round(small.size * 1.4)
    if footer:
        draw.text((pad, height - band + round(28 * unit)), footer, font=font("Regular", round(30 * unit)), fill=PALE)
    out = io.BytesIO()
    # A flat background and anti-aliased text: 64 colours are indistinguishable and a third of the size.
    image.quantize(colors=64, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def write(site: Path, catalog: Catalog, text: dict, site_name: str, footer: str) -> list[Path]:
    """Every card of one language into its site folder (scripts/hooks.py, `make build` only)."""
    counts = {section.slug: len(section.questions) for section in catalog.sections}
    written = []
    for key, title in card_titles(catalog, site_name).items():
        subtitle = text["share"]["questions"].format(n=counts[key]) if key in counts else ""
        if key == "home":
            title, subtitle = site_name, text["share"]["questions"].format(n=sum(counts.values()))
        image = render(site_name if key != "home" else "", title, subtitle, footer)
        path = site / card_url(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image)
        written.append(path)
    return written
