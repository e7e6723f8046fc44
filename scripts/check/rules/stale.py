"""[i18n-stale] (warning): one language changed after its twin was last checked.

Rule ids:
  i18n-stale  (warning) one language changed after its twin was last checked
  git         a git command failed, so staleness cannot be judged (the message
              is git's, e.g. a checkout owned by another user: mark it safe with
              `git config --global --add safe.directory <path>`, as .ci/run does)

A page is checked against its twin as of a reference commit: the commit in
its front matter `translation: {reviewed: <commit>}` if it has one, else its
own last commit. If the twin's text has changed since that commit (the
`translation` marker itself does not count), the page may be out of date.
Recording the review in front matter clears the warning until the twin
changes again; uncommitted edits count as changes, so the warning shows up
while you edit, not only after the commit. Outside a repository (a scratch
copy of the docs) there is no history and nothing to compare.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from scripts.check.context import Context
from scripts.content import git
from scripts.content.findings import Finding
from scripts.content.layout import DEFAULT_LANG, lang_of, twin
from scripts.content.page import body_start

_MARKER = re.compile(r"^translation:.*(?:\n[ \t]+.*)*\n?", re.M)


def normalized(text: str) -> str:
    """A page's text without its review marker (and trailing spaces), for comparing versions."""
    lines = text.splitlines()
    end = body_start(lines)
    if end:
        front = _MARKER.sub("", "\n".join(lines[:end]) + "\n").splitlines()
        lines = front + lines[end:]
    return "\n".join(line.rstrip() for line in lines).strip()


class _History:
    """Last commit and working-tree state of every file under docs/, from two git calls."""

    def __init__(self, ctx: Context):
        self.top = git.toplevel(ctx.docs)
        if self.top is None:
            return
        self.last = git.last_commits(ctx.docs, "%H")
        status = git.git(self.top, "status", "--porcelain", "--untracked-files=all", "--", str(ctx.docs)).stdout
        self.dirty = {line[3:].strip().strip('"') for line in status.splitlines() if len(line) > 3}

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.top).as_posix()

    @lru_cache(maxsize=None)
    def resolve(self, commit: str) -> str | None:
        """A commit named in front matter, or None if it does not exist (a typo: the page's own commit is used)."""
        done = git.git(self.top, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}", check=False)
        return done.stdout.strip() if done.returncode == 0 else None

    @lru_cache(maxsize=None)
    def text_at(self, commit: str, rel: str) -> str | None:
        """A file as it was at a commit, or None if it did not exist then."""
        done = git.git(self.top, "cat-file", "-e", f"{commit}:{rel}", check=False)
        return git.git(self.top, "show", f"{commit}:{rel}").stdout if done.returncode == 0 else None


def findings(ctx: Context):
    try:
        history = _History(ctx)
        if history.top is None:
            return
        found = []
        for path, page in ctx.pages.items():
            if lang_of(path, ctx.docs) != DEFAULT_LANG:
                continue
            other = ctx.page(twin(path, ctx.docs))
            if other is None:
                continue
            found += _stale(ctx, history, page, other)
            found += _stale(ctx, history, other, page)
    except git.GitError as exc:
        yield Finding(ctx.show(ctx.docs), 1, "git", str(exc))
        return
    yield from found
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
