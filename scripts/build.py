"""`make build`: both languages in parallel processes, merged into one site/.

Each language is an independent MkDocs build of `docs/<lang>/`
(mkdocs-static-i18n's `build_only_locale`, set through HANDBOOK_LANG): Chinese
at the site root, English under `en/`, each with its own site_url so
canonical links, the sitemap and Pagefind's index are right. Running them
side by side uses both cores; the per-language hooks (scripts/hooks.py) never
see the other language, so one code path serves `make build`, `make serve`
and the tests. The same command runs on another engine (`--engine
properdocs`) to prove the site does not depend on MkDocs itself.

Nothing is half-written: the languages build into a staging folder next to
the site, and only a complete, successful build replaces `site/`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

from scripts import catalog, offline
from scripts.pages import DEFAULT_LANG, LANGS, ROOT

ENGINES = ("mkdocs", "properdocs")


def default_site_url(config: Path = ROOT / "mkdocs.yml") -> str:
    """SITE_URL from the environment, else the default written in mkdocs.yml."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    import yaml

    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda ld, node: ld.construct_sequence(node)[-1]
                           if isinstance(node, yaml.SequenceNode) else None)
    loader.add_multi_constructor("!", lambda *_: None)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    return (yaml.load(config.read_text(encoding="utf-8"), Loader=loader) or {}).get("site_url") or "/"


def language_url(site_url: str, lang: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if lang == DEFAULT_LANG else f"{base}{lang}/"


def engine_env(lang: str, site_url: str) -> dict:
    return {**os.environ, "HANDBOOK_LANG": lang, "SITE_URL": language_url(site_url, lang),
            "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}


def _build_one(engine: str, config: Path, lang: str, out: Path, site_url: str, strict: bool,
               dirty: bool) -> tuple[str, int, str, float]:
    cmd = [sys.executable, "-m", engine, "build", "--config-file", str(config), "--site-dir", str(out)]
    # --strict turns every warning into a failure. Never add -q: it hides the
    # warnings that --strict counts, and the build passes anyway.
    cmd += (["--strict"] if strict else []) + (["--dirty"] if dirty else [])
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=config.parent, env=engine_env(lang, site_url), capture_output=True, text=True)
    return lang, done.returncode, done.stdout + done.stderr, time.perf_counter() - started


def build(site_dir: Path, *, engine: str = "mkdocs", config: Path = ROOT / "mkdocs.yml",
          langs: tuple[str, ...] = LANGS, site_url: str | None = None, strict: bool = True,
          jobs: int | None = None, echo=print) -> int:
    """Build `langs` in parallel into site_dir; 0 on success, 1 on failure (site_dir untouched)."""
    site_dir = site_dir.resolve()
    site_url = site_url or default_site_url(config)
    staging = site_dir.parent / f".{site_dir.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    outputs = {lang: staging / lang for lang in langs}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs or len(langs)) as pool:
        results = list(pool.map(lambda lang: _build_one(engine, config, lang, outputs[lang], site_url, strict,
                                                         False), langs))
    failed = [r for r in results if r[1] != 0]
    for lang, code, output, seconds in results:
        if code != 0:
            echo(f"[{lang}] build failed ({engine}, {seconds:.1f} s):")
            echo("\n".join(f"[{lang}] {line}" for line in output.strip().splitlines()))
        else:
            echo(f"[{lang}] built with {engine} in {seconds:.1f} s")
    if failed:
        shutil.rmtree(staging, ignore_errors=True)
        echo(f"build failed; {site_dir.name}/ was left as it was")
        return 1
    merged = assemble(staging, outputs, langs, site_url, config.parent / "docs")
    replace_dir(merged, site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    echo(f"site built into {site_dir} in {time.perf_counter() - started:.1f} s")
    return 0


def assemble(staging: Path, outputs: dict[str, Path], langs: tuple[str, ...], site_url: str, docs: Path) -> Path:
    """One site: the default language at the root, the others in /<lang>/."""
    merged = staging / "site"
    root_lang = DEFAULT_LANG if DEFAULT_LANG in langs else langs[0]
    outputs[root_lang].rename(merged)
    for lang in langs:
        if lang != root_lang:
            outputs[lang].rename(merged / lang)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (merged / ("" if lang == root_lang else lang) / name).unlink(missing_ok=True)
    (merged / "sitemap.xml").write_text(sitemap(docs, langs, site_url), encoding="utf-8")
    offline.write(merged, langs)  # the service worker and its file lists, for both languages
    return merged


def sitemap(docs: Path, langs: tuple[str, ...], site_url: str) -> str:
    """Every page in every language, each with its hreflang alternates."""
    paths = catalog.load(docs / langs[0]).ordered_paths()
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for rel in paths:
        url_path = "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{other}" '
                             f'href="{escape(language_url(site_url, other) + url_path)}"/>' for other in langs)
        for lang in langs:
            rows.append(f"<url><loc>{escape(language_url(site_url, lang) + url_path)}</loc>{alternates}</url>")
    rows.append("</urlset>")
    return "\n".join(rows) + "\n"


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` in for `target` with two renames, so readers of target never
    see a half-copied tree."""
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
