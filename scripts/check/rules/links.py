"""Links and anchors, in both languages.

Rule ids:
  link-target    a relative link or image whose file does not exist
  anchor         a `#fragment` that is not a heading id (or block id) of its target
  link-absolute  a link to the site itself written as an absolute path or URL
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.layout import lang_of


def check(ctx: Context):
    _file.cache_clear()  # per run: files may have changed since the last one in this process
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        # A page's link findings depend on its own text and on the targets it
        # links to (do they exist, which anchors do they have): the cache key
        # holds both, so editing a target re-checks the pages that link to it.
        targets, _ = ctx.facts(path)
        key = cache_key("links", page.digest, ctx.site_url, [_target_state(ctx, path, target) for target in targets])
        cached = ctx.cache.lookup(key, shown)
        if cached is None:
            cached = ctx.cache.store(key, list(_page(ctx, path, page, shown)))
        yield from cached


def _resolve(path: Path, target: str) -> Path | None:
    parts = urlsplit(target)
    if parts.scheme or target.startswith(("/", "//")):
        return None
    if not parts.path:
        return path
    return _file(path.parent, unquote(parts.path))


@lru_cache(maxsize=None)
def _file(folder: Path, relative: str) -> Path:
    """The file a relative link names: normalized without touching the disk
    except to tell a folder (its index.md) from a file. Memoized per run:
    thousands of pages link the same few targets (a section index, the home
    page), and each lookup was a system call per path component."""
    resolved = Path(os.path.normpath(folder / relative))
    return resolved / "index.md" if resolved.is_dir() else resolved


def _target_state(ctx, path: Path, target: str) -> tuple:
    resolved = _resolve(path, target)
    if resolved is None:
        return (target,)
    if resolved in ctx.pages:
        return (target, True, ctx.facts(resolved)[1])
    return (target, resolved.exists(), None)


def _page(ctx, path, page, shown):
    for link in page.links:
        parts = urlsplit(link.target)
        if parts.scheme in {"http", "https"}:
            if ctx.site_url and link.target.startswith(ctx.site_url):
                yield Finding(shown, link.line, "link-absolute",
                              f"link to this site by URL: '{link.target}'; use a relative link to the .md file")
            continue
        if parts.scheme or link.target.startswith("//"):
            continue  # mailto:, javascript: (the safety check reports it), ...
        if link.target.startswith("/"):
            yield Finding(shown, link.line, "link-absolute",
                          f"absolute link '{link.target}' breaks under the site's sub-path; "
                          "use a path relative to this file")
            continue
        target = _resolve(path, link.target)
        if parts.path:
            if not target.exists():
                yield Finding(shown, link.line, "link-target", f"'{link.target}': no such file")
                continue
            if target.suffix == ".md" and not target.is_relative_to((ctx.docs / lang_of(path, ctx.docs)).resolve()):
                yield Finding(shown, link.line, "link-target",
                              f"'{link.target}' leaves this language's folder; link to the page in the same language")
                continue
        if parts.fragment:
            target_page = ctx.page(Path(target))
            if target_page is not None and parts.fragment not in target_page.anchor_ids:
                where = "this page" if target == path else ctx.show(Path(target))
                yield Finding(shown, link.line, "anchor", f"'#{parts.fragment}' is not an anchor of {where}")
