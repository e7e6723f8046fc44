"""A findings cache for `make check`, keyed by content.

The slow checks (running code blocks, linting Markdown, rendering pages for
the safety rule) give the same findings for the same input, so their results
are stored in `.cache/check.json` under a key that is the hash of everything
they read: a page's text (safety, writing), a code block's text (code), or a
page's text plus the files and anchors it links to (links), so editing a link
target re-checks exactly the pages that link to it.

Each key also holds what its check depends on besides its input (`salt`): a
code block depends on the code check, the Python that runs it and the pinned
libraries it may import, and on nothing else, so editing a UI string or
adding a tag does not run the examples again; every other check depends on
the checker's sources, the front-matter schema, the UI strings and mkdocs.yml.
Findings are stored without their path, and code findings relative to their
block, so moving a page or a block keeps its entry. A result that is weather,
not a fact (a block that timed out), is never stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path

from scripts.content.findings import Finding

VERSION = 4
PACKAGE = Path(__file__).resolve().parent.parent  # scripts/
TOOLS = PACKAGE.parent  # the checker's own checkout, whatever folder it checks


def digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()[:32]


def key(kind: str, *parts: object) -> str:
    """A cache key: `kind` is the name of the check that stores it, optionally
    with a sub-kind after a dot ("code.page"); entries of checks that did not
    run are kept when the cache is saved. The check's dependencies are part of it."""
    return f"{kind}:{digest(salt(check_of(kind)), *parts)}"


def check_of(cache_key: str) -> str:
    return cache_key.split(":", 1)[0].split(".", 1)[0]


def _files(*paths: Path) -> list[bytes]:
    return [p.read_bytes() for p in paths if p.is_file()]


@cache
def salt(check: str) -> str:
    """What a check's cached results depend on besides their own input."""
    common = (VERSION, sys.version, *_files(TOOLS / "requirements-check.txt"))
    if check == "code":
        return digest(*common, *_files(PACKAGE / "check" / "rules" / "code.py", PACKAGE / "check" / "cache.py"))
    sources = sorted(p for stage in ("check", "content", "build") for pattern in ("*.py", "*.json")
                     for p in (PACKAGE / stage).rglob(pattern))
    return digest(*common, *_files(*sources, TOOLS / "overrides/locales/strings.yml", TOOLS / "mkdocs.yml"))


class Cache:
    """The stored results. `fresh`: recompute everything (read nothing), but store
    the new results, so the next run starts from facts checked just now."""

    def __init__(self, path: Path | None, fresh: bool = False):
        self.path = path
        self.fresh = fresh
        self.entries: dict[str, list] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if path and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == VERSION:
                    self.entries = data.get("entries", {})
            except (OSError, ValueError):
                self.entries = {}

    def lookup(self, key: str, path: str | None, base_line: int = 0) -> list[Finding] | None:
        """The cached findings for `key`, re-attached to `path` (or to the paths they
        were stored with, when path is None), or None if not cached."""
        rows = None if self.fresh else self.entries.get(key)
        if rows is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return [Finding(path or stored, base_line + line, rule, message, severity)
                for line, rule, message, severity, stored in rows]

    def store(self, key: str, findings: list[Finding], base_line: int = 0) -> list[Finding]:
        self.entries[key] = [(f.line - base_line, f.check, f.message, f.severity, f.path) for f in findings]
        self.used.add(key)
        return findings

    def get(self, key: str):
        """A stored value that is not a list of findings (see Context.facts), or None."""
        value = None if self.fresh else self.entries.get(key)
        if value is not None:
            self.used.add(key)
        return value

    def put(self, key: str, value) -> None:
        self.entries[key] = value
        self.used.add(key)

    def save(self, ran: list[str]) -> None:
        """Write the entries this run used, and those of checks it did not run; atomically."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        entries = {k: v for k, v in self.entries.items() if k in self.used or check_of(k) not in ran}
        tmp.write_text(json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)


class NoCache(Cache):
    """No cache file at all (a context built in a test): every check runs, nothing is kept."""

    def __init__(self):
        super().__init__(None, fresh=True)
