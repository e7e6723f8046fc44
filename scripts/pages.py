"""Where pages live: one folder per language under docs/, mirrored file by file.

``docs/zh/x/y.md`` and ``docs/en/x/y.md`` are twins. Everything that needs to
know the layout (the build hook, the checks, the tests, the benchmark) asks
this module instead of re-deriving it.
"""

from __future__ import annotations

import os
import shutil
from functools import lru_cache
from pathlib import Path

from scripts.findings import Finding

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def pages(docs: Path = DOCS, lang: str | None = None) -> list[Path]:
    """Markdown files under docs/<lang>/ (all languages when lang is None), sorted."""
    langs = LANGS if lang is None else (lang,)
    return sorted(p for code in langs for p in (docs / code).rglob("*.md"))


def lang_of(path: Path, docs: Path = DOCS) -> str:
    return path.relative_to(docs).parts[0]


def twin(path: Path, docs: Path = DOCS) -> Path:
    """The same page in the other language (for two languages)."""
    rel = path.relative_to(docs)
    other = LANGS[1] if rel.parts[0] == LANGS[0] else LANGS[0]
    return docs.joinpath(other, *rel.parts[1:])


def copy_build_inputs(dest: Path, with_content: bool = True) -> Path:
    """Copy what a build reads (theme overrides and hooks, plus docs/ and
    mkdocs.yml unless the caller writes its own) into dest: for the tests that
    break a build on purpose and for the benchmark's synthetic corpus."""
    names = ("overrides", "scripts") + (("docs",) if with_content else ())
    for name in names:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    if with_content:
        shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@lru_cache(maxsize=None)
def display(path: Path, root: Path | None = None) -> str:
    """A path as printed in findings: relative to the repository when possible.

    Memoized: a check prints the same paths thousands of times, and resolving
    one costs a system call per path component (1.5 s of `make check` at
    3,000 pages)."""
    root = root or ROOT
    try:  # without touching the disk first: the paths a check prints are inside the root
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        pass
    try:  # through symbolic links (a docs folder reached by another name)
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def missing_translations(docs: Path = DOCS, root: Path | None = None) -> list[Finding]:
    """[i18n-missing] A page that exists in one language only."""
    found = []
    for page in pages(docs):
        other = twin(page, docs)
        if not other.exists():
            found.append(Finding(display(other, root), 1, "i18n-missing",
                                 f"missing translation of {display(page, root)}"))
    return found


def kind(rel: Path | str) -> str:
    """What a page is, from its path relative to its language folder:
    'home' (index.md), 'section' (<section>/index.md), 'question'
    (<section>/<slug>.md) or 'page' (any other page, e.g. errata.md)."""
    parts = Path(rel).parts
    if parts == ("index.md",):
        return "home"
    if len(parts) == 2:
        return "section" if parts[1] == "index.md" else "question"
    return "page"


def rel_of(path: Path, docs: Path = DOCS) -> Path:
    """A page's path relative to its language folder (docs/zh/a/b.md -> a/b.md)."""
    return Path(*path.relative_to(docs).parts[1:])
