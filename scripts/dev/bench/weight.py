"""How much the study system adds to what a reader downloads (for `make bench`).

The study system (practice mode with grading, the FSRS review schedule, mock
interviews, progress export) is plain JavaScript and CSS under
overrides/assets. A question page loads three of its files on first load,
inside the site's two bundles (scripts/build/bundle.py: hb.js, hb.css);
the scheduler library loads only when the reader grades or marks a question,
and study.js only on the study page. `make bench` reports the first-load
number (study_first_load_kb) and tests/outputs/test_study.py holds it to the 30 KB
(gzipped) target; the others are for context.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

from scripts.build import bundle

FIRST_LOAD = ("assets/javascripts/study-store.js", "assets/javascripts/practice.js", "assets/stylesheets/study.css")
ON_DEMAND = ("assets/javascripts/vendor/ts-fsrs.umd.js",)
STUDY_PAGE = ("assets/javascripts/study.js",)
TARGET_GZIP = 30 * 1024
_REF = re.compile(r'<(?:script[^>]*?\ssrc|link[^>]*?\shref)=["\']?([^"\'\s>]+)', re.I)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _part(site: Path, referenced: set[str], name: str) -> bytes:
    """The text of part `name` of a bundle the page references; b"" if none."""
    for path in bundle.BUNDLES.values():
        if path in referenced:
            part = bundle.split((site / path).read_text(encoding="utf-8")).get(name)
            if part is not None:
                return part.encode()
    return b""


def first_load_bytes(site: Path, page: str = "ai-painting/dreambooth/") -> dict:
    """Gzipped bytes the study scripts add to a question page's first load.

    `site` is a built language root (site/ or site/en/), `page` a question's
    URL below it. Reads the built page, keeps the study files it references
    (script src and stylesheet links, resolved against the page), and gzips
    each at level 9, as a static host serves them (a part in a bundle by its
    own text: the bundle is one response, its parts are what the study adds). Returns
    ``{"page", "first_load_gzip", "target_gzip", "files": {path: bytes},
    "on_demand_gzip": {path: bytes}, "study_page_gzip": {path: bytes}}``;
    first_load_gzip is the sum of files. practice.js counts in full, though
    its practice mode predates the study system: the number is an upper bound.
    """
    site = Path(site)
    text = (site / page / "index.html").read_text(encoding="utf-8")
    referenced = {posixpath.normpath(posixpath.join(page, ref.split("?")[0])) for ref in _REF.findall(text)}
    files = {name: _gzip_size(part) for name in FIRST_LOAD if (part := _part(site, referenced, name))}
    return {
        "page": page,
        "first_load_gzip": sum(files.values()),
        "target_gzip": TARGET_GZIP,
        "files": files,
        "on_demand_gzip": {name: _gzip_size((site / name).read_bytes()) for name in ON_DEMAND},
        "study_page_gzip": {name: _gzip_size((site / name).read_bytes()) for name in STUDY_PAGE},
    }
