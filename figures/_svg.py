"""The drawing kit every figure shares: a small SVG canvas, the palette, and the
phone-size rule.

Figures are plain SVG text written by Python, so they are deterministic (no
timestamps, no random ids, numbers rounded to 0.1) and independent of the fonts
installed on the machine that renders them: nothing here measures text with a
font. Text widths are *estimated* (`measure`) only to size boxes, with room to
spare, and the reader's browser draws the text with the site's own font stack.

Readability rules (checked by tests/check/test_figures.py):
* the root <svg> has a viewBox and a width in px, so Material's
  `img { max-width: 100%; height: auto }` scales it down on a narrow screen;
* every font size is at least `min_font(width)`: 11 px once the figure is
  scaled to a 360 px phone's content width (328 px);
* the figure is drawn on a light card; in the dark palette
  overrides/assets/stylesheets/figures.css inverts it into a dark one.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape

# The site's font stack (overrides/assets/stylesheets/extra.css), so figure
# labels look like the page around them. Nothing is downloaded.
FONT = ("system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', "
        "'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', "
        "'WenQuanYi Micro Hei', sans-serif")

PHONE_CONTENT_WIDTH = 328  # a 360 px phone minus Material's 2 x 0.8rem content margins
MIN_TEXT_PX = 11


def min_font(width: float) -> int:
    """Smallest font size (in SVG units) still >= 11 px on a 360 px phone."""
    return math.ceil(MIN_TEXT_PX * width / PHONE_CONTENT_WIDTH)


# Palette: (fill, stroke) pairs on a white card. Text is always INK or MUTED,
# never a pale colour, so it keeps its contrast after the dark-mode inversion.
INK = "#1f2937"
MUTED = "#4b5563"
LINE = "#6b7280"
CARD = "#ffffff"
CARD_EDGE = "#d1d5db"
BLUE = ("#dbeafe", "#2563eb")
ORANGE = ("#ffedd5", "#c2410c")
GREEN = ("#dcfce7", "#15803d")
PURPLE = ("#ede9fe", "#6d28d9")
GRAY = ("#f1f5f9", "#64748b")
RED = ("#fee2e2", "#b91c1c")
TEAL = ("#ccfbf1", "#0f766e")


def num(value: float) -> str:
    """A coordinate as short, stable text: rounded to 0.1, no trailing zeros."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


# Inline markup in labels: x_{sub}, x^{sup}, or a single character after _ / ^.
_MARKUP = re.compile(r"([_^])(\{[^}]*\}|.)")


def _chunks(label: str) -> list[tuple[str, str]]:
    """Split a label into (kind, text) runs: kind is '', 'sub' or 'sup'."""
    out, pos = [], 0
    for match in _MARKUP.finditer(label):
        if match.start() > pos:
            out.append(("", label[pos:match.start()]))
        body = match.group(2)
        out.append(("sub" if match.group(1) == "_" else "sup", body[1:-1] if body.startswith("{") else body))
        pos = match.end()
    if pos < len(label):
        out.append(("", label[pos:]))
    return out


def plain(label: str) -> str:
    """The text a label shows, without markup (what a reader, or a test, sees)."""
    return "".join(text for _, text in _chunks(label))


def _char_width(ch: str) -> float:
    """Advance widths in em, on the wide side (DejaVu Sans, the widest common fallback)."""
    if ord(ch) >= 0x2E80 or ch in "‖（）：，、。；":
        return 1.0
    if ch == " ":
        return 0.32
    if ch in "ilIjtfr-.,:;'|!()[]{}/\\`·′":
        return 0.4
    if ch in "mwMW@%×→←":
        return 1.0
    if ch.isupper() or ch.isdigit() or ch in "&#“”":
        return 0.74
    return 0.62


def measure(label: str, size: float, bold: bool = False) -> float:
    """A generous estimate of a label's width (no font is consulted)."""
    total = 0.0
    for kind, text in _chunks(label):
        scale = max(SUB_SCALE, 0.9) if kind else 1.0
        total += sum(_char_width(ch) for ch in text) * size * scale
    return total * (1.14 if bold else 1.0)


class LayoutError(ValueError):
    """A label that would not fit where it is drawn."""


SUB_SCALE = 0.8


class Canvas:
    """An SVG document built element by element; `svg()` returns its text."""

    def __init__(self, width: int, height: int, title: str, *, font: int | None = None):
        self.width, self.height, self.title = width, height, title
        self.font = font or min_font(width) + 1  # body text; small text uses min_font
        self.small = min_font(width)
        self.items: list[str] = []
        self.defs: list[str] = []
        self._arrows: dict[str, str] = {}

    # -- primitives ---------------------------------------------------------
    def raw(self, element: str) -> None:
        self.items.append(element)

    def clip(self, name: str, x, y, w, h) -> str:
        """Define a rectangular clip path; returns the attribute that applies it to a <g>."""
        self.defs.append(f'<clipPath id="{name}"><rect x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                         f'height="{num(h)}"/></clipPath>')
        return f'clip-path="url(#{name})"'

    def rect(self, x, y, w, h, *, fill="none", stroke=LINE, width=2.0, rx=8, dash=None, opacity=None):
        attrs = f'x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"'
        if rx:
            attrs += f' rx="{num(rx)}"'
        self.raw(f"<rect {attrs}{_paint(fill, stroke, width, dash, opacity)}/>")

    def circle(self, cx, cy, r, *, fill="none", stroke=LINE, width=2.0, dash=None, opacity=None):
        self.raw(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}"{_paint(fill, stroke, width, dash, opacity)}/>')

    def ellipse(self, cx, cy, rx, ry, *, fill="none", stroke=LINE, width=2.0, dash=None, opacity=None):
        self.raw(f'<ellipse cx="{num(cx)}" cy="{num(cy)}" rx="{num(rx)}" ry="{num(ry)}"'
                 f'{_paint(fill, stroke, width, dash, opacity)}/>')

    def path(self, d: str, *, fill="none", stroke=LINE, width=2.0, dash=None, opacity=None, arrow=False,
             cap=None):
        marker = f' marker-end="url(#{self._arrow(stroke)})"' if arrow else ""
        extra = f' stroke-linecap="{cap}" stroke-linejoin="round"' if cap else ""
        self.raw(f'<path d="{d}"{_paint(fill, stroke, width, dash, opacity)}{extra}{marker}/>')

    def line(self, points, *, stroke=LINE, width=2.0, dash=None, arrow=False, opacity=None):
        """A polyline through points [(x, y), ...], with an arrowhead at the end if asked."""
        d = "M" + " L".join(f"{num(x)} {num(y)}" for x, y in points)
        self.path(d, stroke=stroke, width=width, dash=dash, arrow=arrow, opacity=opacity, cap="round")

    def text(self, x, y, label: str, *, size=None, anchor="middle", weight=None, fill=INK, italic=False,
             within=None, rotate=0):
        """One line of text; `y` is the baseline. Labels may use x_{sub} and x^{sup}.
        Raises LayoutError if its estimated width leaves `within` (x0, x1), by
        default the card."""
        size = size or self.font
        width = measure(label, size, bold=weight == "bold")
        along = y if rotate else x  # a -90 degree label runs upwards from its anchor
        start = {"start": along - width, "middle": along - width / 2, "end": along}[anchor] if rotate \
            else {"start": along, "middle": along - width / 2, "end": along - width}[anchor]
        lo, hi = within or ((4, self.height - 4) if rotate else (4, self.width - 4))
        if start < lo - 0.5 or start + width > hi + 0.5:
            raise LayoutError(f"{label!r} ({width:.0f} units wide at {size}) does not fit between {lo} and {hi}")
        attrs = f'x="{num(x)}" y="{num(y)}"'
        if size != self.font:
            attrs += f' font-size="{num(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if weight:
            attrs += f' font-weight="{weight}"'
        if italic:
            attrs += ' font-style="italic"'
        if rotate:
            attrs += f' transform="rotate({rotate} {num(x)} {num(y)})"'
        if fill != INK:
            attrs += f' fill="{fill}"'
        self.raw(f"<text {attrs}>{_tspans(label, size, self.small)}</text>")

    def lines(self, x, y, labels, *, size=None, leading=1.3, heading=False, weight=None, **kw):
        """Several lines of text; `y` is the vertical centre of the block.
        With heading=True the first line is bold."""
        size = size or self.font
        labels = [labels] if isinstance(labels, str) else list(labels)
        top = y - (len(labels) - 1) * size * leading / 2
        for i, label in enumerate(labels):
            bold = "bold" if heading and i == 0 else weight
            self.text(x, top + i * size * leading + size * 0.36, label, size=size, weight=bold, **kw)

    # -- composites ---------------------------------------------------------
    def box(self, x, y, w, h, labels, *, colors=GRAY, size=None, dash=None, weight=None, rx=8, anchor="middle",
            heading=False):
        """A rounded box with centred lines of text; returns its centre."""
        fill, stroke = colors
        self.rect(x, y, w, h, fill=fill, stroke=stroke, dash=dash, rx=rx)
        tx = x + w / 2 if anchor == "middle" else x + 12
        self.lines(tx, y + h / 2, labels, size=size, weight=weight, anchor=anchor, heading=heading,
                   within=(x + 6, x + w - 6))
        return x + w / 2, y + h / 2

    def arrow(self, points, *, stroke=LINE, width=2.0, dash=None):
        self.line(points, stroke=stroke, width=width, dash=dash, arrow=True)

    def _arrow(self, color: str) -> str:
        """An arrowhead marker in this colour (one <marker> per colour)."""
        if color not in self._arrows:
            self._arrows[color] = f"a{len(self._arrows)}"
        return self._arrows[color]

    # -- output -------------------------------------------------------------
    def svg(self) -> str:
        w, h = self.width, self.height
        markers = "".join(
            f'<marker id="{mid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{color}"/></marker>'
            for color, mid in self._arrows.items())
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
                f'font-family="{FONT}" font-size="{self.font}" fill="{INK}">\n'
                f"<title>{escape(self.title)}</title>\n")
        defs = f"<defs>{markers}{''.join(self.defs)}</defs>\n" if markers or self.defs else ""
        card = f'<rect x="1" y="1" width="{w - 2}" height="{h - 2}" rx="12" fill="{CARD}" stroke="{CARD_EDGE}"/>\n'
        return head + defs + card + "\n".join(self.items) + "\n</svg>\n"


def _paint(fill, stroke, width, dash, opacity) -> str:
    out = f' fill="{fill}"'
    if stroke and stroke != "none":
        out += f' stroke="{stroke}"'
        if width != 1:
            out += f' stroke-width="{num(width)}"'
        if dash:
            out += f' stroke-dasharray="{dash}"'
    else:
        out += ' stroke="none"'
    if opacity is not None:
        out += f' opacity="{opacity:g}"'
    return out


def _tspans(label: str, size: float, smallest: float) -> str:
    """Text with sub- and superscripts as tspans shifted by dy (works in every browser);
    they are drawn smaller, but never below the phone-size minimum."""
    out, shift = [], 0.0
    small = max(round(size * SUB_SCALE), smallest, 1)
    for kind, text in _chunks(label):
        want = {"": 0.0, "sub": size * 0.28, "sup": -size * 0.42}[kind]
        dy = want - shift
        shift = want
        body = escape(text)
        if kind:
            out.append(f'<tspan dy="{num(dy)}" font-size="{num(small)}">{body}</tspan>')
        elif dy:
            out.append(f'<tspan dy="{num(dy)}">{body}</tspan>')
        else:
            out.append(body)
    return "".join(out)
