"""`make bench N=1500`: how the handbook scales, measured on a synthetic corpus.

Generates N questions in both languages (corpus.py), by default with real
vocabulary (realistic.py; the 40-term worst case with --corpus uniform), then
measures in one run: our build (two languages in parallel, scripts/outputs/site.py) against
a default Material + mkdocs-static-i18n build of the same pages, the site's size and largest page, search in headless
Chromium (the bytes a reader downloads before the first result, the cold
first query and later queries, and the quality of the result lists), `make check` cold and after editing one
page, the gzipped weight the study scripts add to a question page's first
load, the live-reload time of `make serve ONLY=zh` on the corpus and on
the real site, and what sharing adds (EPUB books, cards, Markdown copies,
the largest cram sheet page). A benchmark, not a test: it reports numbers;
benchmarks/README.md holds the results and the targets.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.build import engine
from scripts.content.layout import CARDS, LANGS, ROOT, lang_root
from scripts.dev.bench.corpus import make_corpus
from scripts.dev.bench.realistic import Corpus
from scripts.dev.bench.search import search_figures
from scripts.dev.bench.weight import first_load_bytes
from scripts.dev.project import copy_build_inputs
from scripts.dev.server import free_port
from scripts.outputs import epub
from scripts.outputs.site import build as build_site

# Resolves with the time the result list first changes after the next keyup
# (or null if it does not change within 10 s).
SEARCH_TIMER_JS = """() => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  window.__keyup = null;
  input.addEventListener('keyup', () => { window.__keyup = performance.now(); }, {once: true});
  window.__results = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (window.__keyup === null || !list.children.length) return;
      observer.disconnect();
      resolve(performance.now() - window.__keyup);
    });
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
  });
}"""
# One identifier from the corpus code (score_7 is defined on question 7), so
# every query has results.
QUERIES = {"zh": ["知识蒸馏", "过拟合", "score_7"], "en": ["distillation", "overfitting", "score_7"]}


def _default_build(root: Path) -> float:
    env = {**os.environ, **engine.QUIET}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.default.yml", "-d", "site-default"],
                            cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the default build failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def _our_build(root: Path) -> float:
    started = time.perf_counter()
    lines: list[str] = []
    if build_site(root / "site", config_file=root / "mkdocs.yml", site_url="http://127.0.0.1/",
                  echo=lines.append) != 0:
        raise SystemExit("bench: our build failed:\n" + "\n".join(lines)[-3000:])
    return time.perf_counter() - started


def _site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    return {"site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 2),
            "largest_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1)}


def sharing_stats(root: Path, site: Path) -> dict:
    """What sharing adds per language: the EPUB book (total of its volumes, and how
    many files), the link-preview cards, the Markdown copies for assistants,
    and the largest page of the cram sheet. Run after the other figures: the
    EPUB is written into the site's downloads/."""
    lines: list[str] = []
    if epub.make(site, docs=root / "docs", echo=lines.append) != 0:
        raise SystemExit("bench: make epub failed:\n" + "\n".join(lines))
    index = json.loads((site / "downloads" / "downloads.json").read_text(encoding="utf-8"))
    result: dict = {"epub_mb": {}, "epub_files": {}, "cards_kb": {}, "markdown_mb": {}, "cram_largest_kb": {}}
    for lang in LANGS:
        base = site / lang_root(lang)
        book = index[lang]["epub"]
        result["epub_mb"][lang] = round(book["bytes"] / 1e6, 2)
        result["epub_files"][lang] = len(book.get("volumes") or [book])
        result["cards_kb"][lang] = round(sum(p.stat().st_size for p in (base / CARDS).glob("*.png")) / 1024, 1)
        copies = [p for p in base.rglob("index.md") if not (lang_root(lang) == "" and p.is_relative_to(site / "en"))]
        result["markdown_mb"][lang] = round(sum(p.stat().st_size for p in copies) / 1e6, 2)
        result["cram_largest_kb"][lang] = round(max(p.stat().st_size for p in (base / "cram").rglob("index.html"))
                                                / 1024, 1)
    return result


def _check(root: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.check", "--no-run", "--docs", str(root / "docs"),
                    "--root", str(root), *args], cwd=ROOT, capture_output=True, text=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


def _check_times(root: Path) -> dict:
    """Cold (no cache), then after editing one page (the cache holds the rest)."""
    cold = _check(root, "--no-cache")
    _check(root)  # fills .cache/check.json
    page = next((root / "docs/zh").glob("*/q*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    return {"check_s": round(cold, 2), "check_edit_s": round(_check(root), 2)}


def serve_rebuild(root: Path, page: Path) -> float | None:
    """Seconds from saving `page` to the live-reload signal of `make serve ONLY=zh`
    (`python -m scripts.docs serve --lang zh`: one language, --dirty) in `root`."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-m", "scripts.docs", "serve", "--lang", "zh", "--addr", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        for line in proc.stdout:
            if "Serving on" in line:
                break
        else:
            return None
        time.sleep(1.0)
        page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
        edited = time.perf_counter()
        for line in proc.stdout:
            if "Reloading browsers" in line or "Reloading page" in line:
                return time.perf_counter() - edited
        return None
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def run(n: int, keep: Path | None = None, baseline: bool = True, corpus: str = "realistic") -> dict:
    """corpus: "realistic" (realistic.py, its queries and quality figures) or
    "uniform" (corpus.py's 40-term worst case, QUERIES)."""
    work = Path(tempfile.mkdtemp(prefix=f"hb-bench-{n}-")) if keep is None else keep
    try:
        if corpus == "realistic":
            realistic = Corpus(n)
            make_corpus(work, n, page=realistic.page)
            queries = {lang: realistic.queries(lang) for lang in LANGS}
        else:
            make_corpus(work, n)
            queries = QUERIES
        pages = sum(1 for _ in (work / "docs").rglob("*.md"))
        build_s = _our_build(work)
        default_s = _default_build(work) if baseline else None  # grows with N²: --no-baseline skips it
        site = work / "site"
        result = {
            "corpus": corpus,
            "n_questions": n,
            "pages": pages,
            "build_s": round(build_s, 2),
            "build_ms_per_page": round(1000 * build_s / pages, 2),
            "default_build_s": round(default_s, 2) if baseline else None,
            "build_ratio_vs_default": round(build_s / default_s, 3) if baseline else None,
            **_site_stats(site),
            "default_site_mb": _site_stats(work / "site-default")["site_mb"] if baseline else None,
            **search_figures(site, queries, SEARCH_TIMER_JS),
            **_check_times(work),
        }
        corpus_page = next((work / "docs/zh").glob("*/q*.md"))
        question_url = corpus_page.relative_to(work / "docs/zh").with_suffix("").as_posix() + "/"
        result["study_first_load_kb"] = round(first_load_bytes(site, question_url)["first_load_gzip"] / 1024, 1)
        rebuild = serve_rebuild(work, corpus_page)
        result["serve_rebuild_s"] = round(rebuild, 2) if rebuild is not None else None
        result.update(sharing_stats(work, site))
        real = copy_build_inputs(work / "real")
        rebuild = serve_rebuild(real, real / "docs/zh/python/assert.md")
        result["serve_rebuild_real_s"] = round(rebuild, 2) if rebuild is not None else None
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def measure_search(n: int, corpus: str, keep: Path | None, site: Path | None, misses: bool) -> dict:
    """The search figures alone: on a fresh corpus, or on one built before with `keep`."""
    realistic = Corpus(n)
    queries = {lang: realistic.queries(lang) for lang in LANGS} if corpus == "realistic" else QUERIES
    work = None if site else keep or Path(tempfile.mkdtemp(prefix="hb-bench-search-"))
    try:
        if work is not None:
            make_corpus(work, n, page=realistic.page if corpus == "realistic" else None)
            _our_build(work)
        found: dict = {}
        figures = search_figures(site or work / "site", queries, SEARCH_TIMER_JS, found)
        return {**figures, **({"misses": found} if misses else {})}
    finally:
        if work is not None and keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(n: int, json_path: str | None = None, baseline: bool = True, corpus: str = "realistic",
         search_only: bool = False, keep: Path | None = None, site: Path | None = None, misses: bool = False) -> int:
    result = (measure_search(n, corpus, keep, site, misses) if search_only
              else run(n, keep=keep, baseline=baseline, corpus=corpus))
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


__all__ = ["main", "run", "measure_search", "SEARCH_TIMER_JS"]
