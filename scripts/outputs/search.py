"""Search: a Pagefind index per language, behind Material's own search dialog.

Each language's build indexes its own output (so results never mix
languages) into `<language root>/pagefind/`. Pagefind splits the index into
small chunks that the browser fetches on demand, so a reader downloads a few
hundred kilobytes before the first result however large the handbook grows,
where a lunr index is fetched whole.

Chinese is indexed character by character. Pagefind segments Chinese into
words with jieba when it indexes and with the browser's Intl.Segmenter when
it searches; the two disagree (判别式 is one word to one of them and two to
the other), and we measured whole words going missing from the index
depending on which other pages were in it (网格 stopped matching the
hyperparameter page once the computer-basics pages were added). So the
indexer is handed each page with a space between every two adjacent Han
characters: every character is a word, and the search worker turns a query
into the same characters as an exact phrase, which finds any run of
characters wherever the segmenters would have cut it. The pages themselves
are unchanged; the worker removes the spaces from titles and excerpts.

Material's search UI (input, shortcuts, result list, highlighting) stays as it
is: `overrides/main.html` points it at our worker
(`overrides/assets/javascripts/search-worker.js`), which answers Material's
worker protocol with Pagefind results. Material fetches
`search/search_index.json` before it starts the worker; we write a stub
there (no lunr index) carrying the language.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError

STUB = Path("search") / "search_index.json"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A zero-width match between two Han characters; a literal replacement is
# several times faster than re-inserting a captured group.
_HAN_PAIR = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
# Underscores belong to identifiers: suggest_float is one word.
INCLUDE_CHARACTERS = "_"
# Highlighted code is a run of token spans with nothing between them, so
# Pagefind would read `trial.suggest_float(` as one word; a space between
# the tokens lets it see trial and suggest_float.
_TOKENS = re.compile(r"</span><span")
SKIP = ("pagefind", "assets", "search")
# Pagefind also writes its own search interfaces; Material's dialog and our
# worker use only pagefind.js, its worker, the metadata, WebAssembly and index.
UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js")


def prepared(html: str, lang: str) -> str:
    """A page as its index sees it: code tokens apart, and for Chinese one
    word per Han character. Only the index sees this; the page is unchanged."""
    html = _TOKENS.sub("</span> <span", html)
    return _HAN_PAIR.sub(" ", html) if lang == "zh" else html


def index(site: Path, lang: str) -> None:
    """Write `<site>/pagefind/` for one language's built site.

    Pagefind's CLI (its Rust indexer, run from the Python package) reads a
    copy of the pages as the index should see them; its Python API, which
    takes pages one by one, was 30 times slower (100 ms a page)."""
    stub = site / STUB
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(json.dumps({"config": {"lang": [lang], "separator": "", "pipeline": []}, "docs": []}),
                    encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="hb-pagefind-") as scratch:
        for page in site.rglob("*.html"):
            rel = page.relative_to(site)
            if rel.parts[0] in SKIP:
                continue
            copy = Path(scratch) / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(prepared(page.read_text(encoding="utf-8"), lang), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", scratch, "--output-path",
                               str(site / "pagefind"), "--force-language", lang, "--include-characters",
                               INCLUDE_CHARACTERS, "--quiet"], capture_output=True, text=True)
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
