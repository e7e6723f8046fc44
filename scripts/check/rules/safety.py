"""Safety: the rule of scripts/build/safety.py, applied to each page's rendered HTML.

Rule ids (documented in scripts/build/safety.py, which the build uses too):
  unsafe-html, unsafe-event, unsafe-url, offsite-resource

Rendering Markdown is the costly part (a few milliseconds a page), so pages
whose result is not cached are rendered in parallel worker processes when
there are many of them, started before the other checks run (`start`).
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from scripts.build.safety import locate, scan
from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.content.config import render, renderer
from scripts.content.findings import Finding
from scripts.content.page import body_start

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


def start(ctx: Context) -> None:
    """Start rendering the uncached pages in worker processes, so the other
    checks run in this process meanwhile (`run` calls this before any check)."""
    todo, cached = [], []
    for path, page in ctx.pages.items():
        key = cache_key("safety", page.digest, repr(ctx.config))
        found = ctx.cache.lookup(key, ctx.show(path))
        if found is None:
            todo.append((path, key))
        else:
            cached.extend(found)
    texts = [ctx.pages[path].text for path, _ in todo]
    # One core stays with this process, which runs the other checks meanwhile.
    workers = min(max(1, ctx.jobs - 1), len(texts) // PER_WORKER)
    if workers == 0:
        ctx.pending["safety"] = (cached, todo, None, _scan_pages(ctx.config, texts))
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    futures = [pool.submit(_scan_pages, ctx.config, texts[i::workers]) for i in range(workers)]
    pool.shutdown(wait=False)
    ctx.pending["safety"] = (cached, todo, futures, None)


def check(ctx: Context):
    if "safety" not in ctx.pending:
        start(ctx)
    cached, todo, futures, results = ctx.pending.pop("safety")
    yield from cached
    if futures is not None:
        results = [None] * len(todo)
        for worker, future in enumerate(futures):
            results[worker::len(futures)] = future.result()
    for (path, key), problems in zip(todo, results):
        shown = ctx.show(path)
        yield from ctx.cache.store(key, [Finding(shown, line, rule, message) for line, rule, message in problems])
