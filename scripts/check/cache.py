"""A findings cache for `make check`, keyed by content.

The slow checks (running code blocks, linting Markdown, rendering pages for
the safety rule) give the same findings for the same input, so their results
are stored in `.cache/check.json` under a key that is the hash of everything
they read: a page's text (safety, writing), a code block's text (code), or a
page's text plus the files and anchors it links to (links), so editing a link
target re-checks exactly the pages that link to it. A change to the checker
itself, the schema, the UI strings, mkdocs.yml or the pinned tool versions
empties the cache. Findings are stored without their path, and code findings
relative to their block, so moving a page or a block keeps its entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from scripts.content.findings import Finding

VERSION = 3


def digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()[:32]


def key(kind: str, *parts: object) -> str:
    """A cache key: `kind` is the name of the check that stores it, optionally
    with a sub-kind after a dot ("code.page"); entries of checks that did not
    run are kept when the cache is saved."""
    return f"{kind}:{digest(*parts)}"


def check_of(cache_key: str) -> str:
    return cache_key.split(":", 1)[0].split(".", 1)[0]


def salt(root: Path, config_file: Path | None) -> str:
    """What every cached result depends on besides its own input."""
    package = Path(__file__).resolve().parent.parent  # scripts/: the checks and what they import
    sources = sorted(p for stage in ("check", "content", "build") for pattern in ("*.py", "*.json")
                     for p in (package / stage).rglob(pattern))
    tools = package.parent  # the checker's own checkout, whatever folder it checks
    sources += [p for p in (tools / "overrides/locales/strings.yml", config_file, tools / "requirements-check.txt")
                if p and p.exists()]
    return digest(VERSION, sys.version, *(p.read_bytes() for p in sources))


class Cache:
    def __init__(self, path: Path | None, salt_value: str):
        self.path = path
        self.salt = salt_value
        self.entries: dict[str, list] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if path and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("salt") == salt_value:
                    self.entries = data.get("entries", {})
            except (OSError, ValueError):
                self.entries = {}

    def lookup(self, key: str, path: str | None, base_line: int = 0) -> list[Finding] | None:
        """The cached findings for `key`, re-attached to `path` (or to the paths they
        were stored with, when path is None), or None if not cached."""
        rows = self.entries.get(key)
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
        value = self.entries.get(key)
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
        tmp.write_text(json.dumps({"salt": self.salt, "entries": entries}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)


class NoCache(Cache):
    """`--no-cache`: every check runs; nothing is read or written."""

    def __init__(self):
        super().__init__(None, "")

    def lookup(self, key: str, path: str | None, base_line: int = 0) -> list[Finding] | None:
        self.misses += 1
        return None

    def get(self, key: str):
        return None
