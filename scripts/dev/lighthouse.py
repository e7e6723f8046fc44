"""`make lighthouse`: Lighthouse scores of the built site, served on 127.0.0.1.

Runs Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium
against the home page and a question page in both languages, served with gzip
as GitHub Pages serves them, and prints the four category scores. Budgets:
accessibility, best practices and SEO 100, performance at least 95 (exit
status 1 when a budget is missed, 2 when Lighthouse itself fails).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from scripts.content.layout import ROOT
from scripts.dev.server import GITHUB_PAGES_CACHE, serve
from scripts.outputs import chromium

PAGES = ["", "ai-painting/dreambooth/", "en/", "en/ai-painting/dreambooth/"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def main(site_dir: str = "site") -> int:
    site = ROOT / site_dir
    binary = ROOT / "node_modules/.bin/lighthouse"
    if not (site / "index.html").exists() or not binary.exists():
        print("lighthouse: build the site (make build) and install tools (npm ci) first")
        return 2
    server = serve(site, compress=True, headers={"Cache-Control": GITHUB_PAGES_CACHE})
    port = server.server_address[1]
    env = {**os.environ, "CHROME_PATH": chromium.PATH}
    flags = " ".join(("--headless=new",) + chromium.FLAGS)
    failed = False
    try:
        for page in PAGES:
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "report.json"
                done = subprocess.run([str(binary), f"http://127.0.0.1:{port}/{page}", "--quiet", "--output=json",
                                       f"--output-path={report}", f"--chrome-flags={flags}",
                                       "--only-categories=" + ",".join(BUDGET)], env=env)
                if done.returncode != 0 or not report.exists():
                    print(f"lighthouse: Lighthouse failed on /{page} (exit status {done.returncode})")
                    return 2
                categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores = {name: round(categories[name]["score"] * 100) for name in BUDGET}
            missed = [name for name, minimum in BUDGET.items() if scores[name] < minimum]
            failed |= bool(missed)
            print(f"/{page:<28} " + "  ".join(f"{k} {v}" for k, v in scores.items())
                  + (f"   below budget: {', '.join(missed)}" if missed else ""))
    finally:
        server.shutdown()
    return 1 if failed else 0
