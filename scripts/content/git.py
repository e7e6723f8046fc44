"""Git history of the content: one place that calls git, and fails loudly.

Page dates ("last updated"), the stale-translation check and the feed of new
and changed questions (scripts/outputs/feed.py) read the history. A git
call that fails is an error with git's own message, never an
empty answer: in CI's container git refuses a workspace owned by another
user ("detected dubious ownership"), and a silent fallback there dated every
page by the deploy day and switched the stale-translation check off.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


class GitError(RuntimeError):
    """A git command failed; the message says which and why, and how to fix it."""


def git(cwd: Path, *args: str, timeout: int = 120, check: bool = True) -> subprocess.CompletedProcess:
    """Run git in `cwd`. With check (the default), a non-zero exit raises GitError."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except FileNotFoundError:
        raise GitError("git is not installed; the page dates and the translation check need it") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"`git {' '.join(args)}` did not finish within {timeout} s") from None
    if check and done.returncode != 0:
        message = done.stderr.strip() or f"exit status {done.returncode}"
        hint = (" (the checkout belongs to another user: run `git config --global --add safe.directory "
                f"{cwd}`, as .ci/run does)") if "dubious ownership" in message else ""
        raise GitError(f"`git {' '.join(args)}` failed in {cwd}: {message}{hint}")
    return done


@lru_cache(maxsize=8)
def toplevel(path: Path) -> Path | None:
    """The root of the work tree that holds `path`, or None when no folder above it
    has a `.git` (a scratch copy or an unpacked archive: content without history).
    Inside a repository, a git failure raises GitError."""
    path = path.resolve()
    if not any((folder / ".git").exists() for folder in (path, *path.parents)):
        return None
    return Path(git(path, "rev-parse", "--show-toplevel").stdout.strip()).resolve()


def last_commits(folder: Path, fmt: str) -> dict[str, str]:
    """File path (relative to the work tree) -> `fmt` (a git log format, e.g. %ct or
    %H) of the last commit that touched it, for every file under `folder`: one
    `git log` for the whole tree instead of one per file. {} without a repository."""
    top = toplevel(folder)
    if top is None:
        return {}
    log = git(top, "log", f"--format=%x00{fmt}", "--name-only", "--", str(folder)).stdout
    found: dict[str, str] = {}
    value = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            value = line[1:]
        elif line.strip() and value is not None:
            found.setdefault(line.strip(), value)
    return found


def authors(folder: Path) -> dict[str, list[str]]:
    """File path (relative to the work tree) -> the names of everyone who committed to
    it, first author first (git's mailmap applied), from one `git log`. {} without a
    repository."""
    top = toplevel(folder)
    if top is None:
        return {}
    log = git(top, "log", "--reverse", "--format=%x00%aN", "--name-only", "--", str(folder)).stdout
    found: dict[str, list[str]] = {}
    name = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            name = line[1:]
        elif line.strip() and name and name not in found.setdefault(line.strip(), []):
            found[line.strip()].append(name)
    return found


@dataclass
class Change:
    """What one commit did to one text file: bytes of words added and deleted
    (a word: a run of ASCII letters and digits, or any other single character,
    so Chinese is counted character by character), and whether it created the file."""

    path: str  # relative to the work tree
    commit: str
    time: int  # commit time, Unix seconds
    added: int
    deleted: int
    created: bool


# git's word diff on bytes: ASCII words whole, any other non-space byte alone
# (a CJK character is three of them, counted together in a changed run).
WORDS = "[A-Za-z0-9_]+|[^[:space:]]"


def changes(folder: Path) -> list[Change]:
    """Every change to a file under `folder`, newest commit first, from one
    `git log -p --word-diff=porcelain` (renames count as a new file: the page's
    address changed). Word-level counts tell a rewritten paragraph, which is
    one line of Markdown, from a fixed typo. [] without a repository; a git
    failure raises GitError."""
    top = toplevel(folder)
    if top is None:
        return []
    log = git(top, "log", "--format=%x00%H %ct", "-p", "--word-diff=porcelain", f"--word-diff-regex={WORDS}",
              "--no-renames", "--no-color", "--", str(folder)).stdout
    found: list[Change] = []
    commit, stamp, change, created = "", 0, None, False
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, stamp = line[1:].split()
            change = None
        elif line.startswith("diff --git "):
            change, created = None, False
        elif line.startswith("new file mode"):
            created = True
        elif line.startswith("+++ "):
            path = line[4:]
            change = None if path == "/dev/null" else Change(path[2:], commit, int(stamp), 0, 0, created)
            if change is not None:
                found.append(change)
        elif change is not None and line.startswith("+"):
            change.added += len(line.encode()) - 1
        elif change is not None and line.startswith("-") and not line.startswith("--- "):
            change.deleted += len(line.encode()) - 1
    return found
