"""Search figures for `make bench`, measured in headless Chromium.

The built site is served by a local server that counts the bytes it sends
for search (Material's stub index, the worker, Pagefind's files), so "bytes
fetched before the first result" is what a reader's browser really
downloads, worker requests included. Per language:

* search_first_payload_kb: bytes sent for search from page load until the
  first query's results are on screen (fresh browser cache), as GitHub Pages
  sends them: text gzipped, Pagefind's index files as they are (they are
  compressed already); the largest over the cold queries. Service workers
  are blocked: the site's own caches a language's search files on a first
  visit while they are small (overrides/sw.js), which is not what the first
  query needs; at N = 1,500 they are past its budget anyway;
* search_first_query_ms: keyup -> results of that first, cold query (index
  chunks downloaded on the way), median over every COLD_EVERY-th query, each
  timed FIRST_REPEATS times in a fresh browser context;
* search_median_ms: keyup -> results of later queries, median over three
  rounds of every query;
* search_top10_contains, search_title_top3: the quality of the result lists
  of the first round (quality.py).
"""

from __future__ import annotations

import statistics
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.content.layout import lang_root
from scripts.dev.bench import quality
from scripts.dev.server import serve
from scripts.outputs import chromium

SEARCH_PATHS = ("/pagefind/", "/search/", "search-worker.js")
# A cold first query is one sample per fresh browser, and its time varies
# by ±30 % from run to run: each query is timed cold this many times.
FIRST_REPEATS = 3
# Cold queries: every COLD_EVERY-th query of the list (fresh browsers are slow
# to start; later queries and quality take every query).
COLD_EVERY = 5
# The groups of the result list as shown, in order: each item's page link.
RESULT_LINKS_JS = """() => Array.from(document.querySelectorAll(
  '.md-search-result__list > .md-search-result__item > a.md-search-result__link'), a => a.href)"""
KEYS = ("search_first_payload_kb", "search_first_query_ms", "search_median_ms", "search_top10_contains",
        "search_title_top3")


def search_figures(site: Path, queries: dict[str, list[str]], timer_js: str, misses: dict | None = None) -> dict:
    """The figures above for the built site in `site`; `misses`, if given,
    receives per language the results that do not hold their query."""
    if not chromium.installed():
        raise SystemExit(f"bench: {chromium.MISSING}")
    counter = {"bytes": 0}

    def sent(path: str, size: int) -> None:
        if any(part in path for part in SEARCH_PATHS):
            counter["bytes"] += size

    server = serve(site, compress=True, sent=sent)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    result: dict = {key: {} for key in KEYS}
    try:
        with chromium.launch() as browser:
            for lang, words in queries.items():
                home = base + lang_root(lang)
                payloads, firsts, later, lists = [], [], [], {}
                for _ in range(FIRST_REPEATS):
                    for word in words[::COLD_EVERY]:
                        context = browser.new_context(service_workers="block")  # a cold cache, every time
                        page = context.new_page()
                        counter["bytes"] = 0
                        page.goto(home, wait_until="load")
                        firsts.append(_query(page, word, timer_js))
                        payloads.append(counter["bytes"])
                        context.close()
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                page.goto(home, wait_until="load")
                for round_ in range(3):
                    for word in words:
                        later.append(_query(page, word, timer_js))
                        if round_ == 0:
                            lists[word] = [_below(href, home) for href in page.evaluate(RESULT_LINKS_JS)]
                context.close()
                figures = quality.figures(site / lang_root(lang), lists,
                                          skip=tuple(lang_root(other).strip("/") for other in queries
                                                     if lang_root(other) and other != lang))
                result["search_first_payload_kb"][lang] = round(max(payloads) / 1024, 1)
                result["search_first_query_ms"][lang] = _median(firsts)
                result["search_median_ms"][lang] = _median(later)
                result["search_top10_contains"][lang] = figures["top10_contains"]
                result["search_title_top3"][lang] = figures["title_top3"]
                if misses is not None:
                    misses[lang] = figures["misses"]
    finally:
        server.shutdown()
    return result


def _below(href: str, home: str) -> str | None:
    """A result's address as a path below the language's root, or None."""
    path, root = unquote(urlsplit(href).path), urlsplit(home).path
    return path[len(root):] if path.startswith(root) else None


def _query(page, word: str, timer_js: str) -> float | None:
    page.focus(".md-search__input")
    page.fill(".md-search__input", "")
    page.wait_for_timeout(60)
    page.fill(".md-search__input", word)
    page.evaluate(timer_js)
    page.keyboard.press("End")  # Material searches on keyup
    elapsed = page.evaluate("window.__results")
    page.wait_for_timeout(30)  # the second batch, for the result list
    return elapsed


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None
