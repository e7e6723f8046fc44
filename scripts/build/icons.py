"""Material's icons drawn once per language, not written into every page.

Material inlines each icon's SVG wherever a template includes it: about
twenty per page (header, search, palette, footer, the page's credit), 4 to
6 KB of every page, 14 MB of a site of 1,500 questions in two languages.
The build replaces each inline icon with a `<use>` of the same shape in one
sprite file per language (`assets/icons.svg`, cached once by the browser
and by the offline worker; a short path and six-character names, because
each page refers to it about a dozen times). The `<svg>` element stays, so Material's
styles for icons (size, colour: `fill: currentcolor`) apply as before.
The 404 page keeps its icons inline: it is served at any depth, where a
relative link to the sprite would not resolve. The link is `xlink:href`, not
`href`: Material's instant navigation rewrites every element matching
`[href]` by assigning `element.href`, which an SVG <use> does not allow (it
throws, and the navigation stops halfway).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SPRITE = "assets/icons.svg"
# An icon as Material's templates include it: a 24 x 24 drawing of paths only.
_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">((?:\s*<path [^<>]*/>)+)\s*</svg>')


class Sprite:
    """The icons of one language's pages, collected as its pages are written."""

    def __init__(self):
        self.symbols: dict[str, str] = {}

    def use(self, html: str, to_root: str) -> str:
        """A page's HTML with each inline icon replaced by a reference to the sprite;
        `to_root` is the page's relative path to its language root ("../../")."""
        def reference(match: re.Match) -> str:
            paths = match.group(1).strip()
            name = "i" + hashlib.sha256(paths.encode()).hexdigest()[:6]
            if self.symbols.setdefault(name, paths) != paths:
                raise ValueError(f"icons: two of Material's icons share the sprite name {name}; lengthen the hash")
            return f'<svg viewBox="0 0 24 24"><use xlink:href="{to_root}{SPRITE}#{name}"></use></svg>'
        return _ICON.sub(reference, html)

    def write(self, site: Path) -> Path:
        path = site / SPRITE
        path.parent.mkdir(parents=True, exist_ok=True)
        symbols = "".join(f'<symbol id="{name}" viewBox="0 0 24 24">{paths}</symbol>'
                          for name, paths in sorted(self.symbols.items()))
        path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n', encoding="utf-8")
        return path
