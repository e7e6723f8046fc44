"""`make lighthouse`: Lighthouse scores of the built site, served on 127.0.0.1.

Runs Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium
against the home page and a question page in both languages, served with gzip
and GitHub Pages' `Cache-Control: max-age=600`, on Lighthouse's default
mobile profile (a mid-range phone, throttled CPU and network). Budgets:
accessibility, best practices and SEO 100, performance at least 95, and no
cumulative layout shift above 0.02 (exit status 1 when a budget is missed,
2 when Lighthouse itself fails).

Scores vary from run to run, more so on a busy machine, so each page is run
`runs` times (RUNS, 5, by default) and the median of every score and metric
is what counts (Lighthouse's own advice on variability: the median of five
runs is about twice as stable as a single run). Per page it prints the four
scores, CLS, total blocking time (TBT) and largest contentful paint (LCP),
and for a missed category the audits that cost it points.

Not a budget: `uses-long-cache-ttl` (a diagnostic with no weight in the
performance score). GitHub Pages sends max-age=600 with every file and a
site cannot change that; README's Decisions say so.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from scripts.content.layout import ROOT
from scripts.dev.server import GITHUB_PAGES_CACHE, serve
from scripts.outputs import chromium

PAGES = ["", "ai-painting/dreambooth/", "en/", "en/ai-painting/dreambooth/"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CLS_BUDGET = 0.02
METRICS = {"CLS": "cumulative-layout-shift", "TBT": "total-blocking-time", "LCP": "largest-contentful-paint"}
RUNS = 5


def run_once(binary: Path, url: str, env: dict, flags: str) -> dict | None:
    """One Lighthouse run: scores (0-100), metrics (CLS unitless, TBT and LCP
    in ms) and the ids of failed audits per category; None if Lighthouse failed."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                               f"--chrome-flags={flags}", "--only-categories=" + ",".join(BUDGET)], env=env)
        if done.returncode != 0 or not report.exists():
            return None
        result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    failed = {name: sorted(ref["id"] for ref in result["categories"][name]["auditRefs"]
                           if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 1
                           and audits[ref["id"]].get("scoreDisplayMode") in ("binary", "numeric"))
              for name in BUDGET}
    return {"scores": {name: round(result["categories"][name]["score"] * 100) for name in BUDGET},
            "metrics": {short: audits[audit]["numericValue"] for short, audit in METRICS.items()},
            "failed": failed}


def median(runs: list[dict]) -> dict:
    """The median of each score and metric over the runs, and the audits that
    failed in any run."""
    return {"scores": {name: statistics.median(r["scores"][name] for r in runs) for name in BUDGET},
            "metrics": {short: statistics.median(r["metrics"][short] for r in runs) for short in METRICS},
            "failed": {name: sorted({a for r in runs for a in r["failed"][name]}) for name in BUDGET}}


def main(site_dir: str = "site", runs: int = RUNS) -> int:
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
    print(f"lighthouse: mobile profile, median of {runs} run(s) per page; budget: "
          + ", ".join(f"{k} >= {v}" for k, v in BUDGET.items()) + f", CLS <= {CLS_BUDGET}")
    try:
        for page in PAGES:
            results = []
            for _ in range(runs):
                result = run_once(binary, f"http://127.0.0.1:{port}/{page}", env, flags)
                if result is None:
                    print(f"lighthouse: Lighthouse failed on /{page}")
                    return 2
                results.append(result)
            found = median(results)
            scores, metrics = found["scores"], found["metrics"]
            missed = [name for name, minimum in BUDGET.items() if scores[name] < minimum]
            if metrics["CLS"] > CLS_BUDGET:
                missed.append("CLS")
            failed |= bool(missed)
            print(f"/{page:<28} " + "  ".join(f"{k} {v:g}" for k, v in scores.items())
                  + f"  CLS {metrics['CLS']:.3f}  TBT {metrics['TBT']:.0f} ms  LCP {metrics['LCP']:.0f} ms"
                  + (f"   below budget: {', '.join(missed)}" if missed else ""))
            for name in missed:
                if found["failed"].get(name):
                    print(f"    {name}: {', '.join(found['failed'][name])}")
    finally:
        server.shutdown()
    return 1 if failed else 0
