"""Search: a Pagefind index per language, behind Material's own search dialog.

Each language's build indexes its own output (so results never mix
languages) into `<language root>/pagefind/`. Pagefind splits the index into
small chunks that the browser fetches on demand, so a reader downloads a few
hundred kilobytes before the first result however large the handbook grows,
where a lunr index is fetched whole. Chinese is segmented by Pagefind's
extended build, both in the index and in the query.

Material's search UI (input, shortcuts, result list, highlighting) stays as it
is: `overrides/main.html` points it at our worker
(`overrides/assets/javascripts/search-worker.js`), which answers Material's
worker protocol with Pagefind results. Material fetches
`search/search_index.json` before it starts the worker; we write a stub
there (no lunr index).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

STUB = Path("search") / "search_index.json"


def index(site: Path, lang: str) -> None:
    stub = site / STUB
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(json.dumps({"config": {"lang": [lang], "separator": "", "pipeline": []}, "docs": []}),
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", lang,
                           "--quiet"], capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"[search] Pagefind failed on {site}:\n{done.stdout}{done.stderr}")
