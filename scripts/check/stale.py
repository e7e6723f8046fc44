"""[i18n-stale] (warning): one language changed after its twin was last checked.

A page is checked against its twin as of a reference commit: the commit in
its front matter `translation: {reviewed: <commit>}` if it has one, else its
own last commit. If the twin's text has changed since that commit (the
`translation` marker itself does not count), the page may be out of date.
Recording the review in front matter clears the warning until the twin
changes again; uncommitted edits count as changes, so the warning shows up
while you edit, not only after the commit.
"""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

from scripts.check.context import Context
from scripts.findings import Finding
from scripts.pages import DEFAULT_LANG, lang_of, twin

_MARKER = re.compile(r"^translation:.*(?:\n[ \t]+.*)*\n?", re.M)


def _git(top: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=top, capture_output=True, text=True, timeout=30)


def normalized(text: str) -> str:
    """A page's text without its review marker (and trailing spaces), for comparing versions."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            text = text[:3] + _MARKER.sub("", text[3:end + 1]) + text[end + 1:]
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


class _History:
    """Last commit and working-tree state of every file under docs/, from two git calls."""

    def __init__(self, ctx: Context):
        self.top = None
        try:
            top = _git(ctx.root, "rev-parse", "--show-toplevel")
        except (OSError, subprocess.TimeoutExpired):
            return
        if top.returncode != 0:
            return
        self.top = Path(top.stdout.strip()).resolve()
        log = _git(self.top, "log", "--format=%x00%H", "--name-only", "--", str(ctx.docs))
        status = _git(self.top, "status", "--porcelain", "--untracked-files=all", "--", str(ctx.docs))
        self.last: dict[str, str] = {}
        commit = None
        for line in log.stdout.splitlines():
            if line.startswith("\x00"):
                commit = line[1:]
            elif line.strip() and commit:
                self.last.setdefault(line.strip(), commit)
        self.dirty = {line[3:].strip().strip('"') for line in status.stdout.splitlines() if len(line) > 3}

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.top).as_posix()

    @lru_cache(maxsize=None)
    def resolve(self, commit: str) -> str | None:
        done = _git(self.top, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}")
        return done.stdout.strip() if done.returncode == 0 else None

    @lru_cache(maxsize=None)
    def text_at(self, commit: str, rel: str) -> str | None:
        done = _git(self.top, "show", f"{commit}:{rel}")
        return done.stdout if done.returncode == 0 else None


def findings(ctx: Context):
    history = _History(ctx)
    if history.top is None:
        return
    for path, page in ctx.pages.items():
        if lang_of(path, ctx.docs) != DEFAULT_LANG:
            continue
        other = ctx.page(twin(path, ctx.docs))
        if other is None:
            continue
        yield from _stale(ctx, history, page, other)
        yield from _stale(ctx, history, other, page)


def _stale(ctx: Context, history: _History, page, source):
    """Is `page` behind `source` (its twin)?"""
    mine, theirs = history.rel(page.path), history.rel(source.path)
    if mine not in history.last or theirs not in history.last:
        return  # a new page: nothing to compare against yet
    if mine in history.dirty:
        return  # being edited now: its author is looking at both
    if theirs not in history.dirty and history.last[mine] == history.last[theirs]:
        return
    reviewed = (page.meta.get("translation") or {}).get("reviewed") if isinstance(page.meta.get("translation"),
                                                                                 dict) else None
    reference = (history.resolve(str(reviewed)) if reviewed else None) or history.last[mine]
    then = history.text_at(reference, theirs)
    if then is not None and normalized(then) == normalized(source.text):
        return
    hint = ("commit it, then " if theirs in history.dirty else "") + \
        (f"check that both still say the same and record it in this page's front matter: "
         f"`translation: {{reviewed: {history.last[theirs][:10]}}}`" if theirs not in history.dirty
         else "check that both still say the same")
    yield Finding(ctx.show(page.path), page.meta_line("translation") if reviewed else 1, "i18n-stale",
                  f"{ctx.show(source.path)} changed after this translation was last checked; {hint}",
                  severity="warning")
