"""Figures: rendered from source, small, described, and in both languages.

Rule ids:
  figure-stale  a committed SVG differs from what its source in figures/ renders,
                or is missing (run `make figures` and commit the result); also a
                figure source that cannot be imported or rendered
  figure-size   an SVG under docs/ larger than 60 KB
  figure-alt    an image without alt text, a figure (an image alone on its line)
                without a `/// caption` block under it, or an image that one
                language's page shows and its twin does not
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from scripts.check.context import Context
from scripts.content.figures import FigureError, load, render, sources
from scripts.content.findings import Finding
from scripts.content.layout import LANGS, lang_of, twin

MAX_BYTES = 60 * 1024
# An image alone on its line: ![alt](src){ attrs }
FIGURE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*(\{[^}]*\})?\s*$")
CAPTION = re.compile(r"^\s*///\s*(figure-)?caption\b")
BLOCK_END = re.compile(r"^\s*///\s*$")


def check(ctx: Context):
    yield from _stale(ctx)
    for path in ctx.files:
        if path.suffix.lower() == ".svg" and path.stat().st_size > MAX_BYTES:
            yield Finding(ctx.show(path), 1, "figure-size",
                          f"{path.stat().st_size / 1024:.0f} KB; keep figures under {MAX_BYTES // 1024} KB "
                          "(fewer points or paths, numbers rounded)")
    for path, page in ctx.pages.items():
        if "![" not in page.text:
            continue  # no Markdown image: nothing to report (and no need to scan the page)
        yield from _alt_and_caption(ctx, path, page)
        yield from _one_language_only(ctx, path, page)


def _stale(ctx: Context):
    for source in sources(ctx.root / "figures"):
        try:
            figure = load(source)
            for lang in LANGS:
                out = figure.output(ctx.docs, lang)
                svg = render(figure, lang).encode("utf-8")
                if not out.is_file():
                    yield Finding(ctx.show(out), 1, "figure-stale",
                                  f"missing; {ctx.show(source)} renders it: run `make figures` and commit it")
                elif out.read_bytes() != svg:
                    yield Finding(ctx.show(out), 1, "figure-stale",
                                  f"differs from what {ctx.show(source)} renders; edit the source, not the SVG, "
                                  "then run `make figures` and commit both")
        except FigureError as exc:
            yield Finding(ctx.show(exc.source), exc.line, "figure-stale", str(exc))


def _images(page) -> list:
    """Images of a page that are files of this site (not links to other hosts)."""
    return [link for link in page.links if link.image and not urlsplit(link.target).scheme
            and not link.target.startswith("//")]


def _alt_and_caption(ctx: Context, path: Path, page):
    shown = ctx.show(path)
    prose = dict(page.prose)
    numbers = [number for number, _ in page.prose]
    for link in _images(page):
        if not link.text.strip():
            yield Finding(shown, link.line, "figure-alt",
                          f"image '{link.target}' has no alt text; describe what it shows: ![...]({link.target})")
        if not FIGURE_LINE.match(prose.get(link.line, "")):
            continue
        # The next non-blank line must open a caption block with text in it.
        after = [n for n in numbers if n > link.line and prose[n].strip()]
        if not after or not CAPTION.match(prose[after[0]]):
            yield Finding(shown, link.line, "figure-alt",
                          f"figure '{link.target}' has no caption; add `/// caption`, the caption, `///` under it")
            continue
        body = []
        for n in after[1:]:
            if BLOCK_END.match(prose[n]):
                break
            body.append(prose[n].strip())
        if not "".join(body):
            yield Finding(shown, after[0], "figure-alt", f"the caption of '{link.target}' is empty")


def _one_language_only(ctx: Context, path: Path, page):
    other = twin(path, ctx.docs)
    twin_page = ctx.page(other)
    if twin_page is None:
        return  # i18n-missing reports the page itself
    theirs = Counter(link.target for link in _images(twin_page))
    mine = Counter()
    for link in _images(page):
        mine[link.target] += 1
        if mine[link.target] > theirs[link.target]:
            yield Finding(ctx.show(path), link.line, "figure-alt",
                          f"image '{link.target}' is shown in the {lang_of(path, ctx.docs)} page but not in "
                          f"{ctx.show(other)}; show the same figure in both languages")
