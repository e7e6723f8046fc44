"""Is each page's translation in step with its twin? Read from git history.

A page is compared with its twin as of a reference commit: the commit in its
front matter `translation: {reviewed: <commit>}` if it has one, else its own
last commit. If the twin's text has changed since then (the `translation`
marker itself does not count), the page may be out of date: it is stale.
Uncommitted edits count as changes, so a page shows as stale while its twin
is being edited. The check (`i18n-stale`), the build's translation status
page and the pull-request summary all ask this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scripts.content import git
from scripts.content.page import Page, body_start

_MARKER = re.compile(r"^translation:.*(?:\n[ \t]+.*)*\n?", re.M)


def normalized(text: str) -> str:
    """A page's text without its review marker (and trailing spaces), for comparing versions."""
    lines = text.splitlines()
    end = body_start(lines)
    if end:
        lines = _MARKER.sub("", "\n".join(lines[:end]) + "\n").splitlines() + lines[end:]
    return "\n".join(line.rstrip() for line in lines).strip()


@dataclass(frozen=True)
class State:
    """How a page stands against its twin."""

    kind: str  # "current", "reviewed", "stale", "editing" (uncommitted), "new" (never committed)
    twin_commit: str = ""  # stale: the twin's last commit, which this page has not been checked against
    reviewed: str = ""  # reviewed: the commit named in `translation: {reviewed: ...}`


class History:
    """Last commit and working-tree state of every file under docs/, from two git calls.
    `top` is None outside a repository: then every page is "new"."""

    def __init__(self, docs: Path):
        self.top = git.toplevel(docs)
        self.last: dict[str, str] = {}
        self.dirty: set[str] = set()
        if self.top is None:
            return
        self.last = git.last_commits(docs, "%H")
        status = git.git(self.top, "status", "--porcelain", "--untracked-files=all", "--", str(docs)).stdout
        self.dirty = {line[3:].strip().strip('"') for line in status.splitlines() if len(line) > 3}

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.top).as_posix()

    @lru_cache(maxsize=None)
    def resolve(self, commit: str) -> str | None:
        """A commit named in front matter, or None if it does not exist (a typo)."""
        done = git.git(self.top, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}", check=False)
        return done.stdout.strip() if done.returncode == 0 else None

    @lru_cache(maxsize=None)
    def text_at(self, commit: str, rel: str) -> str | None:
        """A file as it was at a commit, or None if it did not exist then."""
        done = git.git(self.top, "cat-file", "-e", f"{commit}:{rel}", check=False)
        return git.git(self.top, "show", f"{commit}:{rel}").stdout if done.returncode == 0 else None

    def state(self, page: Page, twin: Page) -> State:
        """Is `page` behind `twin`?"""
        if self.top is None:
            return State("new")
        mine, theirs = self.rel(page.path), self.rel(twin.path)
        if mine not in self.last or theirs not in self.last:
            return State("new")  # nothing to compare against yet
        if mine in self.dirty:
            return State("editing")  # its author is looking at both
        marker = page.meta.get("translation")
        reviewed = str(marker.get("reviewed")) if isinstance(marker, dict) and marker.get("reviewed") else ""
        if theirs not in self.dirty and self.last[mine] == self.last[theirs]:
            return State("current")
        reference = (self.resolve(reviewed) if reviewed else None) or self.last[mine]
        then = self.text_at(reference, theirs)
        if then is not None and normalized(then) == normalized(twin.text):
            return State("reviewed", reviewed=reviewed) if reviewed else State("current")
        return State("stale", twin_commit="" if theirs in self.dirty else self.last[theirs])
