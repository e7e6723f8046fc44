"""Search figures for `make bench`, measured in headless Chromium.

The built site is served by a local server that counts the bytes it sends
for search (Material's stub index, the worker, Pagefind's files), so "bytes
fetched before the first result" is what a reader's browser really
downloads, worker requests included. Per language:

* search_first_payload_kb: bytes sent for search from page load until the
  first query's results are on screen (fresh browser cache), counted as
  GitHub Pages sends them: text files (the worker, pagefind.js, JSON)
  gzipped, Pagefind's index files as they are (they are compressed already);
* search_first_query_ms: keyup -> results of that first, cold query (index
  chunks downloaded on the way), median over the queries, each timed
  FIRST_REPEATS times in a fresh browser context;
* search_median_ms: keyup -> results of later queries, median (three rounds).
"""

from __future__ import annotations

import statistics
from pathlib import Path

from scripts.content.layout import lang_root
from scripts.dev.server import serve
from scripts.outputs import chromium

SEARCH_PATHS = ("/pagefind/", "/search/", "search-worker.js")
# A cold first query is one sample per fresh browser, and its time varies
# by ±30 % from run to run: each query is timed cold this many times.
FIRST_REPEATS = 3


def search_figures(site: Path, queries: dict[str, list[str]], timer_js: str) -> dict:
    if not chromium.installed():
        raise SystemExit(f"bench: {chromium.MISSING}")
    counter = {"bytes": 0}

    def sent(path: str, size: int) -> None:
        """Bytes sent for search, as GitHub Pages sends them (text gzipped: the server compresses it)."""
        if any(part in path for part in SEARCH_PATHS):
            counter["bytes"] += size

    server = serve(site, compress=True, sent=sent)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    result = {key: {} for key in ("search_first_payload_kb", "search_first_query_ms", "search_median_ms")}
    try:
        with chromium.launch() as browser:
            for lang, words in queries.items():
                home = base + lang_root(lang)
                payloads, firsts, later = [], [], []
                for repeat in range(FIRST_REPEATS):
                    for word in words:
                        context = browser.new_context()  # a cold cache for every first query
                        page = context.new_page()
                        counter["bytes"] = 0
                        page.goto(home, wait_until="load")
                        firsts.append(_query(page, word, timer_js))
                        payloads.append(counter["bytes"])
                        if repeat == 0:
                            for _ in range(3):
                                for other in words:
                                    later.append(_query(page, other, timer_js))
                        context.close()
                result["search_first_payload_kb"][lang] = round(max(payloads) / 1024, 1)
                result["search_first_query_ms"][lang] = _median(firsts)
                result["search_median_ms"][lang] = _median(later)
    finally:
        server.shutdown()
    return result


def _query(page, word: str, timer_js: str) -> float | None:
    page.focus(".md-search__input")
    page.fill(".md-search__input", "")
    page.wait_for_timeout(60)
    page.fill(".md-search__input", word)
    page.evaluate(timer_js)
    page.keyboard.press("End")  # Material searches on keyup
    return page.evaluate("window.__results")


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None
