"""Where pages live and where they are served: every path fact, once.

``docs/zh/x/y.md`` and ``docs/en/x/y.md`` are twins. Chinese is served at the
site root, every other language under ``<lang>/``; a page ``x/y.md`` is served
at ``x/y/`` below its language root. The build, the checks, the outputs, the
tools and the tests ask this module instead of re-deriving any of it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from scripts.content.findings import Finding

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Files readers download (Anki decks, PDF books), in a folder of each language root.
DOWNLOADS = "downloads"
# Link-preview images (scripts/outputs/cards.py), in each language root.
CARDS = "assets/cards"
# The Atom feed of each language (scripts/outputs/feed.py). It has a folder of
# its own: Material fetches `sitemap.xml` next to every <link rel="alternate">
# of a page, and this folder answers with an empty one (README, Decisions).
FEED = "feed/atom.xml"
# The index of a language's pages for language models, and the clean Markdown
# file beside each page (scripts/outputs/llms.py).
LLMS = "llms.txt"
MARKDOWN_FILE = "index.md"


def lang_root(lang: str) -> str:
    """A language's folder in the built site, relative to the site root: "" or "en/"."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def language_url(site_url: str, lang: str) -> str:
    """The absolute address of a language's root, from the site's address."""
    return (site_url if site_url.endswith("/") else site_url + "/") + lang_root(lang)


def page_url(rel: str | Path) -> str:
    """A page's URL relative to its language root, from its path relative to its
    language folder: index.md -> "", a/index.md -> "a/", a/b.md -> "a/b/"."""
    rel = Path(rel).as_posix()
    if rel == "index.md":
        return ""
    return rel.removesuffix(".md").removesuffix("/index") + "/"


def absolute_link(language_url: str):
    """A resolver for scripts/content/markdown.rebase: a link target relative to the
    language root ("a/b.md#h", "a/img/x.svg") made absolute, pages by their URL.
    Used wherever Markdown leaves the site: the Anki decks, the feed, the
    Markdown copies for assistants."""
    def resolve(target: str) -> str:
        path, _, anchor = target.partition("#")
        url = page_url(path) if path.endswith(".md") else path
        return language_url + url + ("#" + anchor if anchor else "")
    return resolve


def markdown_url(rel: str | Path) -> str:
    """Where a page's clean Markdown is served, relative to its language root:
    beside the page, a/b.md -> "a/b/index.md" (scripts/outputs/llms.py)."""
    return page_url(rel) + MARKDOWN_FILE


def pages(docs: Path = DOCS, lang: str | None = None) -> list[Path]:
    """Markdown files under docs/<lang>/ (all languages when lang is None), sorted."""
    langs = LANGS if lang is None else (lang,)
    return sorted(p for code in langs for p in (docs / code).rglob("*.md"))


def lang_of(path: Path, docs: Path = DOCS) -> str:
    return path.relative_to(docs).parts[0]


def rel_of(path: Path, docs: Path = DOCS) -> Path:
    """A page's path relative to its language folder (docs/zh/a/b.md -> a/b.md)."""
    return Path(*path.relative_to(docs).parts[1:])


def twin(path: Path, docs: Path = DOCS) -> Path:
    """The same page in the other language (for two languages)."""
    rel = path.relative_to(docs)
    other = LANGS[1] if rel.parts[0] == LANGS[0] else LANGS[0]
    return docs.joinpath(other, *rel.parts[1:])


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
