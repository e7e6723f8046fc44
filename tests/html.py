"""Reading built pages in tests: an HTML5 parser, not regular expressions.

The site is minified (unquoted attributes, reordered attributes), so tests
look at pages the way a browser does, through selectolax's lexbor parser.
"""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser


def parse(source: Path | str) -> LexborHTMLParser:
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return LexborHTMLParser(text)


def attr(source: Path | str, selector: str, name: str) -> str | None:
    node = parse(source).css_first(selector)
    return node.attributes.get(name) if node is not None else None


def hrefs(source: Path | str, selector: str) -> list[str]:
    """The href of every link matched by a CSS selector (e.g. 'nav.md-nav a')."""
    return [a.attributes.get("href") or "" for a in parse(source).css(selector)]
