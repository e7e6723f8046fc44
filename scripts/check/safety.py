"""Safety: the rule of scripts/safety.py, applied to each page's rendered HTML.

Rule ids (documented in scripts/safety.py, which the build uses too):
  unsafe-html, unsafe-event, unsafe-url, offsite-resource
"""

from __future__ import annotations

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.findings import Finding
from scripts.render import render, renderer
from scripts.safety import locate, scan


def check(ctx: Context):
    md = None
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        key = cache_key("safety", page.text)
        cached = ctx.cache.lookup(key, shown)
        if cached is not None:
            yield from cached
            continue
        md = md or renderer(ctx.config)
        body = "\n".join(page.lines[page.body_start:])
        yield from ctx.cache.store(key, [Finding(shown, locate(page.lines, p.needle, page.body_start), p.rule, p.message)
                                         for p in scan(render(md, body))])
