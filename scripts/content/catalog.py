"""The one source of order: sections and questions, read from the file tree.

A section is a folder ``docs/<lang>/<section>/`` with an ``index.md`` whose
front matter gives its ``order``; its questions are the other ``.md`` files in
the folder, ordered by their own ``order`` (pages without one follow, by file
name). Nothing else lists them: the nav, each section's question list, the
home page's contents, the tags page, practice data, the Anki decks, the PDF
and the cram sheet are all derived from this module, so adding a question
touches only its two Markdown files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.content.layout import kind
from scripts.content.page import Page, SourceError


@dataclass
class Section:
    slug: str
    page: Page  # the section's index.md
    questions: list[Page]

    @property
    def rel(self) -> str:
        return self.page.rel

    @property
    def meta(self) -> dict:
        return self.page.meta

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))


@dataclass
class Catalog:
    sections: list[Section]
    pages: list[Page]  # other top-level pages, in order (errata.md, tags.md, ...)

    def questions(self) -> list[Page]:
        return [q for s in self.sections for q in s.questions]

    def section(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)

    def has_page(self, rel: str) -> bool:
        return any(page.rel == rel for page in self.pages)

    def nav(self, home_label: str | None = None) -> list:
        """An MkDocs `nav`: home (under a short label of its own, not a second copy
        of the site title), the sections with their questions, the other pages."""
        items: list = [{home_label: "index.md"} if home_label else "index.md"]
        for section in self.sections:
            items.append({section.title: [section.rel] + [q.rel for q in section.questions]})
        items += [page.rel for page in self.pages]
        return items

    def ordered_paths(self) -> list[str]:
        """Every page in reading order (the nav flattened)."""
        paths = ["index.md"]
        for section in self.sections:
            paths += [section.rel] + [q.rel for q in section.questions]
        return paths + [page.rel for page in self.pages]


def _read(path: Path, rel: str) -> Page:
    """A page for the build: a file that is not UTF-8 is read with replacement
    characters (MkDocs, and `make check` at its line, report it)."""
    try:
        return Page(path, rel=rel)
    except SourceError:
        return Page(path, path.read_text(encoding="utf-8-sig", errors="replace"), rel=rel)


def _sort_key(page: Page, name: str) -> tuple:
    order = page.meta.get("order")
    return (0, order, name) if isinstance(order, int) else (1, 0, name)


def load(lang_dir: Path) -> Catalog:
    """Read one language folder (docs/<lang>/) into its ordered catalog."""
    sections, pages = [], []
    for path in sorted(lang_dir.rglob("*.md")):
        rel = path.relative_to(lang_dir).as_posix()
        page_kind = kind(rel)
        if page_kind == "section":
            slug = rel.split("/")[0]
            questions = [_read(q, f"{slug}/{q.name}") for q in sorted(path.parent.glob("*.md"))
                         if q.name != "index.md"]
            questions.sort(key=lambda q: _sort_key(q, q.slug))
            sections.append(Section(slug, _read(path, rel), questions))
        elif page_kind == "page" and "/" not in rel:
            pages.append(_read(path, rel))
    sections.sort(key=lambda s: _sort_key(s.page, s.slug))
    pages.sort(key=lambda p: _sort_key(p, p.rel))
    return Catalog(sections, pages)
