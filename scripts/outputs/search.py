"""Search: a Pagefind index per language, behind Material's own search dialog.

Each language's build indexes its own output (so results never mix
languages) into `<language root>/pagefind/`. Pagefind splits the index into
small chunks that the browser fetches on demand, so a reader downloads a few
hundred kilobytes before the first result however large the handbook grows,
where a lunr index is fetched whole.

Pagefind reads a copy of the pages prepared for it (scripts/outputs/search_text.py:
no permalink signs, each page's title and headings marked out, Chinese as
overlapping pairs of characters, both languages through Pagefind's English
pipeline); the published pages are unchanged.

Material's search UI (input, shortcuts, result list, highlighting) stays as it
is: `overrides/main.html` points it at our worker
(`overrides/assets/javascripts/search-worker.js`), which answers Material's
worker protocol with Pagefind results. Material fetches
`search/search_index.json` before it starts the worker; we write a stub
there (no lunr index) carrying the language, where every language's root is
from this one (for the worker's "found in the other language"), and the
sentinel words of scripts/outputs/search_text.py.
"""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.content import strings
from scripts.content.layout import LANGS, lang_root
from scripts.outputs.search_text import HEADINGS_END, TITLE_END, prepared

STUB = Path("search") / "search_index.json"
# Underscores belong to identifiers: suggest_float is one word.
INCLUDE_CHARACTERS = "_"
# Pagefind's pipeline for every language (see scripts/outputs/search_text.py).
PIPELINE = "en"
# Word postings per index chunk (Pagefind's default is 20,000; its only knob
# is an environment variable it calls unstable, read by the pinned 1.5.2).
# A query loads one chunk per word, and a Chinese run of n characters is n - 1
# words: at N = 1,500 a 7-character query fetched 298 KB before its first
# result with the default, 220 KB with this, and later queries were as fast.
INDEX_CHUNK_SIZE = 8000
SKIP = ("pagefind", "assets", "search")
# Pagefind also writes its own search interfaces, its own web worker (ours
# runs it in place, noWorker) and the WebAssembly for indexes without a
# language (ours are all built as English): the worker uses pagefind.js, the
# metadata, wasm.en and the index.
UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js", "wasm.unknown.pagefind")


def stub_index(lang: str) -> dict:
    """Material's search_index.json for one language: its language, and for
    our worker every language's root relative to this one, the sentinels and
    its messages (strings.yml, `search`)."""
    here = lang_root(lang) or "."
    roots = {code: posixpath.relpath(lang_root(code) or ".", here) + "/" if code != lang else "" for code in LANGS}
    hb = {"roots": roots, "pipeline": PIPELINE, "title_end": TITLE_END, "headings_end": HEADINGS_END,
          "strings": strings.in_language(lang)["search"]}
    # Material hands the worker `config` and `docs` only, so ours goes in `config`.
    return {"config": {"lang": [lang], "separator": "", "pipeline": [], "hb": hb}, "docs": []}


def index(site: Path, lang: str) -> None:
    """Write `<site>/pagefind/` for one language's built site.

    Pagefind's CLI (its Rust indexer, run from the Python package) reads a
    copy of the pages as the index should see them; its Python API, which
    takes pages one by one, was 30 times slower (100 ms a page)."""
    stub = site / STUB
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(json.dumps(stub_index(lang), ensure_ascii=False), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="hb-pagefind-") as scratch:
        for page in site.rglob("*.html"):
            rel = page.relative_to(site)
            if rel.parts[0] in SKIP:
                continue
            copy = Path(scratch) / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(prepared(page.read_text(encoding="utf-8"), lang), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", scratch, "--output-path",
                               str(site / "pagefind"), "--force-language", PIPELINE, "--include-characters",
                               INCLUDE_CHARACTERS, "--quiet"], capture_output=True, text=True,
                              env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)})
    if done.returncode != 0:
        raise PluginError(f"[search] Pagefind failed on {site}:\n{done.stdout}{done.stderr}")
    for pattern in UNUSED:
        for path in (site / "pagefind").glob(pattern):
            path.unlink()


_serial = threading.Lock()


def index_in_background(site: Path, lang: str) -> threading.Thread:
    """`make serve`: index after the page is back in the browser. Pagefind takes
    about half a second even for the real site, which would otherwise more
    than double the wait between saving a page and seeing it. Runs one at a
    time; a failure is printed, not raised (the preview keeps going)."""
    def work():
        with _serial:
            try:
                index(site, lang)
            except PluginError as exc:
                print(exc, file=sys.stderr)

    thread = threading.Thread(target=work, name="pagefind", daemon=True)
    thread.start()
    return thread
