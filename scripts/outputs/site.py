"""`make build`: both languages in parallel processes, merged into one site/.

Each language is an independent engine build of `docs/<lang>/`
(scripts/build/engine.py): Chinese at the site root, English under `en/`.
Running them side by side uses both cores; the per-language hooks
(scripts/hooks.py) never see the other language, so one code path serves
`make build`, `make serve` and the tests. The same command runs on another
engine (`--engine properdocs`) to prove the site does not depend on MkDocs
itself. After the merge come the outputs that span both languages: the
sitemap with every page's translations, and the offline-reading files.

Nothing is half-written: the languages build into a staging folder next to
the site, and only a complete, successful build replaces `site/`.
"""

from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

from scripts.build import engine
from scripts.content import catalog, config
from scripts.content.layout import DEFAULT_LANG, LANGS, ROOT, lang_root, language_url, page_url
from scripts.outputs import offline


def build(site_dir: Path, *, engine_name: str = "mkdocs", config_file: Path = ROOT / "mkdocs.yml",
          langs: tuple[str, ...] = LANGS, site_url: str | None = None, strict: bool = True,
          echo=print) -> int:
    """Build `langs` in parallel into site_dir; 0 on success, 1 on failure (site_dir untouched)."""
    site_dir = site_dir.resolve()
    site_url = site_url or config.site_url(config_file)
    staging = site_dir.parent / f".{site_dir.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    outputs = {lang: staging / lang for lang in langs}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(langs)) as pool:
        results = list(pool.map(lambda lang: engine.build(lang, outputs[lang], site_url, config=config_file,
                                                          engine=engine_name, strict=strict), langs))
    for result in results:
        if result.status != 0:
            echo(f"[{result.lang}] build failed ({engine_name}, {result.seconds:.1f} s):")
            echo("\n".join(f"[{result.lang}] {line}" for line in result.output.strip().splitlines()))
        else:
            echo(f"[{result.lang}] built with {engine_name} in {result.seconds:.1f} s")
            for line in result.output.splitlines():
                if engine.NOTICE in line:
                    echo(f"[{result.lang}] {line.split(engine.NOTICE, 1)[1].strip()}")
    if any(result.status != 0 for result in results):
        shutil.rmtree(staging, ignore_errors=True)
        echo(f"build failed; {site_dir.name}/ was left as it was")
        return 1
    merged = assemble(staging, outputs, langs, site_url, config_file.parent / "docs")
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
            outputs[lang].rename(merged / lang_root(lang))
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (merged / ("" if lang == root_lang else lang_root(lang)) / name).unlink(missing_ok=True)
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
        url = page_url(rel)
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{other}" '
                             f'href="{escape(language_url(site_url, other) + url)}"/>' for other in langs)
        for lang in langs:
            rows.append(f"<url><loc>{escape(language_url(site_url, lang) + url)}</loc>{alternates}</url>")
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
