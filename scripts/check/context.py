"""What every check receives: the docs tree, its parsed pages and the options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.check.cache import Cache, NoCache
from scripts.check.cache import key as cache_key
from scripts.content import config as site_config
from scripts.content.findings import Finding
from scripts.content.layout import LANGS, display
from scripts.content.page import Page, SourceError


@dataclass
class Context:
    docs: Path
    root: Path
    run_code: bool = True
    fix: bool = False
    jobs: int = 4
    config_file: Path | None = None
    cache: Cache = field(default_factory=NoCache)
    update_output: bool = False  # rewrite the `#>` lines of Python examples (code check)
    unreadable: list[Finding] = field(default_factory=list)
    # Work a check started early in the background (see safety.start), by check name.
    pending: dict = field(default_factory=dict)

    @cached_property
    def files(self) -> list[Path]:
        """Every file under docs/ (hidden files and folders excluded), sorted."""
        found = []
        for dirpath, dirnames, filenames in os.walk(self.docs):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found += [Path(dirpath) / name for name in filenames if not name.startswith(".")]
        return sorted(found)

    @cached_property
    def pages(self) -> dict[Path, Page]:
        """Markdown pages of the language folders; unreadable ones are reported, not parsed."""
        pages = {}
        for path in self.files:
            rel = path.relative_to(self.docs)
            if path.suffix != ".md" or len(rel.parts) < 2 or rel.parts[0] not in LANGS:
                continue
            try:
                pages[path] = Page(path, rel=Path(*rel.parts[1:]).as_posix())
            except SourceError as exc:
                self.unreadable.append(Finding(self.show(path), exc.line, "encoding", str(exc)))
        return pages

    def page(self, path: Path) -> Page | None:
        return self.pages.get(path)

    def each_page(self, kind: str, check_page, *extra):
        """Findings of a check that reads one page only, per page, through the
        cache: keyed by the page's path and text (and `extra`), so an unchanged
        page is not checked again. check_page(path, page, shown) yields findings."""
        for path, page in self.pages.items():
            shown = self.show(path)
            key = cache_key(kind, shown, page.digest, *extra)
            found = self.cache.lookup(key, shown)
            if found is None:
                found = self.cache.store(key, list(check_page(path, page, shown)))
            yield from found

    def facts(self, path: Path) -> tuple[list[str], list[str]]:
        """(link targets, anchor ids) of a page, stored in the cache under its
        text's hash: after an edit, the links check needs these of every page
        (the key of each page's findings holds its targets' anchors), and
        scanning 7,000 unchanged pages for them took longer than the rest."""
        page = self.pages[path]
        key = cache_key("links.facts", page.digest)
        found = self.cache.get(key)
        if found is None:
            found = [[link.target for link in page.links], sorted(page.anchor_ids)]
            self.cache.put(key, found)
        return found[0], found[1]

    def show(self, path: Path) -> str:
        return display(path, self.root)

    @cached_property
    def config(self) -> dict | None:
        """mkdocs.yml as data, as MkDocs reads it (None without one)."""
        config = self.config_file or self.root / "mkdocs.yml"
        return site_config.load(config) if config.exists() else None

    @cached_property
    def site_url(self) -> str | None:
        return (self.config or {}).get("site_url")
