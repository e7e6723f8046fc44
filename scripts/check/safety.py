"""Safety: the rule of scripts/safety.py, applied to each page's rendered HTML.

Rule ids (documented in scripts/safety.py, which the build uses too):
  unsafe-html, unsafe-event, unsafe-url, offsite-resource

Rendering Markdown is the costly part (a few milliseconds a page), so pages
whose result is not cached are rendered in parallel worker processes when
there are many of them.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.findings import Finding
from scripts.render import render, renderer
from scripts.safety import locate, scan
from scripts.source import body_start

PER_WORKER = 50  # below this many pages a second process costs more than it saves


def _scan_pages(config: dict | None, texts: list[str]) -> list[list[tuple[int, str, str]]]:
    """(line, rule, message) of every problem, per page text (runs in a worker)."""
    md = renderer(config)
    out = []
    for text in texts:
        lines = text.splitlines()
        start = body_start(lines)
        out.append([(locate(lines, p.needle, start), p.rule, p.message)
                    for p in scan(render(md, "\n".join(lines[start:])))])
    return out


def check(ctx: Context):
    todo = []
    for path, page in ctx.pages.items():
        key = cache_key("safety", page.text)
        cached = ctx.cache.lookup(key, ctx.show(path))
        if cached is None:
            todo.append((path, key))
        else:
            yield from cached
    texts = [ctx.pages[path].text for path, _ in todo]
    workers = max(1, min(ctx.jobs, len(texts) // PER_WORKER))
    if workers == 1:
        results = _scan_pages(ctx.config, texts)
    else:
        chunks = [texts[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_scan_pages, [ctx.config] * workers, chunks))
        results = [None] * len(texts)
        for worker, part in enumerate(parts):
            results[worker::workers] = part
    for (path, key), problems in zip(todo, results):
        shown = ctx.show(path)
        yield from ctx.cache.store(key, [Finding(shown, line, rule, message) for line, rule, message in problems])
