"""Evaluate Pagefind as the search backend: payload, recall and latency.

Not part of `make test`: a one-off evaluation behind benchmarks/README.md.
Run it with Pagefind's extended binary (it segments Chinese):

    python -m venv /tmp/pf && /tmp/pf/bin/pip install pagefind-bin-extended==1.5.2
    .venv/bin/python -m benchmarks.pagefind_eval SITE_DIR /tmp/pf/bin/python [--queries]

It indexes SITE_DIR (a built site) with Pagefind, then in headless Chromium
runs queries per language through Pagefind's JavaScript API and reports the
bytes fetched from /pagefind/ for the first query (what a reader downloads
before the first result), the median query time, and, with --queries, recall
at 5 on the project's own query tables (tests/test_browser_search.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import statistics
import subprocess
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.test_browser_search import EN_QUERIES, ZH_QUERIES

PROBE = """async ([queries]) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const out = [];
  for (const q of queries) {
    const t0 = performance.now();
    const search = await pf.search(q);
    const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    out.push({q, ms: performance.now() - t0, urls: top.map(d => d.url)});
  }
  return {out};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site: str, pagefind_python: str, with_tables: bool) -> None:
    root = Path(site).resolve()
    subprocess.run([pagefind_python, "-m", "pagefind_bin_extended", "--site", str(root)], check=True,
                   capture_output=True)
    for lang in ("zh", "en"):
        (root / f"pf-{lang}.html").write_text(f'<!doctype html><html lang="{lang}"><title>pf</title></html>',
                                               encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    tables = {"zh": ZH_QUERIES, "en": EN_QUERIES}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for lang, table in tables.items():
                context = browser.new_context()  # a fresh cache per language
                page = context.new_page()
                fetched: list[int] = []
                # Playwright also sees the requests of Pagefind's web worker.
                context.on("requestfinished", lambda r: "/pagefind/" in r.url
                           and fetched.append(r.sizes()["responseBodySize"]))
                page.goto(f"http://127.0.0.1:{port}/pf-{lang}.html")
                first = page.evaluate(PROBE, [[list(table)[0]]])
                first_bytes = sum(fetched)
                result = page.evaluate(PROBE, [list(table)]) if with_tables else first
                report = {"lang": lang, "first_query_kb": round(first_bytes / 1024, 1), "requests": len(fetched),
                          "median_ms": round(statistics.median(r["ms"] for r in result["out"]), 1)}
                if with_tables:
                    prefix = "/en/" if lang == "en" else "/"
                    hits = [any(u.startswith(prefix + table[r["q"]]) for u in r["urls"]) for r in result["out"]]
                    report["recall_at_5"] = f"{sum(hits)}/{len(hits)}"
                    report["misses"] = [r["q"] for r, hit in zip(result["out"], hits) if not hit]
                print(json.dumps(report, ensure_ascii=False))
                context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--queries" in sys.argv)
