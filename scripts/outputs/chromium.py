"""Debian's Chromium, the one browser every tool here drives: where it is and how it starts.

The PDF books are printed by it (scripts/outputs/pdf.py); Lighthouse, the
benchmark and the browser tests run it too. Playwright's own browser
download cannot work on these machines, so Playwright is pointed at
/usr/bin/chromium (or $CHROMIUM). The flags keep a headless browser from
phoning home: without the background-networking ones it tries Google's hosts
at every start, which a closed network refuses.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PATH = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
MISSING = f"Chromium not found at {PATH} (apt-get install chromium; bash .ci/run --setup-only installs it)"


def installed() -> bool:
    return Path(PATH).exists()


@contextlib.contextmanager
def launch(browser=None):
    """A Playwright Chromium: `browser` itself if one is given (the tests pass
    theirs), else Debian's, launched headless and closed afterwards."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=PATH, args=list(FLAGS))
        try:
            yield launched
        finally:
            launched.close()
