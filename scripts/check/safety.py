"""Safety: the rule of scripts/safety.py, applied to each page's rendered HTML.

Rule ids (documented in scripts/safety.py, which the build uses too):
  unsafe-html, unsafe-event, unsafe-url, offsite-resource
"""

from __future__ import annotations

from scripts.check.context import Context
from scripts.findings import Finding
from scripts.render import render, renderer
from scripts.safety import locate, scan


def check(ctx: Context):
    md = renderer(ctx.config)
    for path, page in ctx.pages.items():
        body = "\n".join(page.lines[page.body_start:])
        for problem in scan(render(md, body)):
            yield Finding(ctx.show(path), locate(page.lines, problem.needle, page.body_start), problem.rule,
                          problem.message)
