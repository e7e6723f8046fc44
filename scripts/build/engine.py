"""Running the site engine (MkDocs, or ProperDocs, its maintained fork) for one language.

Every build is one language: mkdocs-static-i18n's `build_only_locale` is
set through HANDBOOK_LANG, and SITE_URL is that language's own address, so
canonical links, the sitemap and the search index are right. `make build`
(scripts/outputs/site.py), `make serve` (scripts/dev/serve.py), the tests
and the benchmark all start the engine through this module, so the
environment a build sees is written once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.content.layout import language_url

ENGINES = ("mkdocs", "properdocs")
# A line the hooks log for the person running the build (an INFO line, which
# does not fail a strict build); scripts/outputs/site.py repeats it.
NOTICE = "handbook notice:"
# MkDocs 1.6 prints a banner about MkDocs 2 on every run unless told not to.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}


def environment(lang: str, site_url: str, **extra: str) -> dict[str, str]:
    """The environment of one language's build or preview."""
    return {**os.environ, **QUIET, "HANDBOOK_LANG": lang, "SITE_URL": language_url(site_url, lang), **extra}


@dataclass
class Result:
    lang: str
    status: int
    output: str
    seconds: float


def build(lang: str, out: Path, site_url: str, *, config: Path, engine: str = "mkdocs",
          strict: bool = True) -> Result:
    """One language's build of the project whose mkdocs.yml is `config`, into `out`."""
    cmd = [sys.executable, "-m", engine, "build", "--config-file", str(config), "--site-dir", str(out)]
    # --strict turns every warning into a failure. Never add -q: it hides the
    # warnings that --strict counts, and the build passes anyway.
    cmd += ["--strict"] if strict else []
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=config.parent, env=environment(lang, site_url), capture_output=True, text=True)
    return Result(lang, done.returncode, done.stdout + done.stderr, time.perf_counter() - started)


def serve_command(addr: str, engine: str = "mkdocs") -> list[str]:
    """One language's live-reloading preview, rebuilding only the edited page."""
    return [sys.executable, "-m", engine, "serve", "--dev-addr", addr, "--livereload", "--dirty"]
