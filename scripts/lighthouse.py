"""`make lighthouse`: Lighthouse scores of the built site, served on 127.0.0.1.

Runs Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium
against the home page and a question page in both languages, served with gzip
as GitHub Pages serves them, and prints the four category scores. Budgets: accessibility, best practices and SEO 100,
performance at least 95 (exit status 1 when a budget is missed).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

from scripts.pages import ROOT

PAGES = ["", "ai-painting/dreambooth/", "en/", "en/ai-painting/dreambooth/"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run " \
        "--disable-background-networking --disable-component-update --disable-sync"


class _Pages(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text like GitHub Pages does (gzip)."""

    TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def main(site_dir: str = "site") -> int:
    site = ROOT / site_dir
    binary = ROOT / "node_modules/.bin/lighthouse"
    if not (site / "index.html").exists() or not binary.exists():
        print("lighthouse: build the site (make build) and install tools (npm ci) first")
        return 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Pages, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    failed = False
    try:
        for page in PAGES:
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "report.json"
                subprocess.run([str(binary), f"http://127.0.0.1:{port}/{page}", "--quiet", "--output=json",
                                f"--output-path={report}", f"--chrome-flags={FLAGS}",
                                "--only-categories=" + ",".join(BUDGET)], env=env, check=True)
                categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores = {name: round(categories[name]["score"] * 100) for name in BUDGET}
            missed = [name for name, minimum in BUDGET.items() if scores[name] < minimum]
            failed |= bool(missed)
            print(f"/{page:<28} " + "  ".join(f"{k} {v}" for k, v in scores.items())
                  + (f"   below budget: {', '.join(missed)}" if missed else ""))
    finally:
        server.shutdown()
    return 1 if failed else 0
