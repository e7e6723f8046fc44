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

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.pages import kind
from scripts.source import YamlLoader

SHORT_ANSWER_ID = "short-answer"
_HEADING = re.compile(r"^(#{1,6})\s+.*?(?:\{[^}]*#([\w-]+)[^}]*\})?\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class Question:
    rel: str  # path relative to the language folder, e.g. "ai-painting/dreambooth.md"
    meta: dict
    text: str = field(repr=False)

    @property
    def slug(self) -> str:
        return Path(self.rel).stem

    @property
    def section(self) -> str:
        return Path(self.rel).parts[0]

    @property
    def url(self) -> str:
        """URL relative to the language root (directory URLs)."""
        return self.rel[: -len(".md")] + "/"

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    def short_answer(self) -> str:
        """The Markdown of the short-answer section (without its heading)."""
        return section_markdown(self.text, SHORT_ANSWER_ID)


@dataclass
class Section:
    slug: str
    meta: dict
    questions: list[Question]

    @property
    def rel(self) -> str:
        return f"{self.slug}/index.md"

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))


@dataclass
class Catalog:
    sections: list[Section]
    pages: list[tuple[str, dict]]  # other top-level pages: (rel, meta), in order

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def nav(self, home_label: str | None = None) -> list:
        """An MkDocs `nav`: home (under a short label of its own, not a second copy
        of the site title), the sections with their questions, the other pages."""
        items: list = [{home_label: "index.md"} if home_label else "index.md"]
        for section in self.sections:
            items.append({section.title: [section.rel] + [q.rel for q in section.questions]})
        items += [rel for rel, _ in self.pages]
        return items

    def ordered_paths(self) -> list[str]:
        """Every page in reading order (the nav flattened)."""
        paths = ["index.md"]
        for section in self.sections:
            paths += [section.rel] + [q.rel for q in section.questions]
        return paths + [rel for rel, _ in self.pages]


def front_matter(text: str) -> dict:
    """The front matter of a page's text ({} if none or invalid: the checks report that)."""
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    try:
        meta = yaml.load(text[3:end], Loader=YamlLoader)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _sort_key(meta: dict, name: str) -> tuple:
    order = meta.get("order")
    return (0, order, name) if isinstance(order, int) else (1, 0, name)


def load(lang_dir: Path) -> Catalog:
    """Read one language folder (docs/<lang>/) into its ordered catalog."""
    sections, pages = [], []
    for path in sorted(lang_dir.rglob("*.md")):
        rel = path.relative_to(lang_dir).as_posix()
        page_kind = kind(rel)
        if page_kind in ("home", "question"):
            continue
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if page_kind == "section":
            slug = rel.split("/")[0]
            questions = []
            for qpath in sorted(path.parent.glob("*.md")):
                if qpath.name != "index.md":
                    qtext = qpath.read_text(encoding="utf-8-sig", errors="replace")
                    questions.append(Question(f"{slug}/{qpath.name}", front_matter(qtext), qtext))
            questions.sort(key=lambda q: _sort_key(q.meta, q.slug))
            sections.append(Section(slug, front_matter(text), questions))
        elif "/" not in rel:
            pages.append((rel, front_matter(text)))
    sections.sort(key=lambda s: _sort_key(s.meta, s.slug))
    pages.sort(key=lambda p: _sort_key(p[1], p[0]))
    return Catalog(sections, pages)


def section_markdown(text: str, heading_id: str) -> str:
    """The body of the H2 section with the given id, up to the next H1/H2 ('' if absent)."""
    lines = text.splitlines()
    start, fence = None, None
    out: list[str] = []
    for line in lines:
        marker = _FENCE.match(line)
        if marker and (fence is None or marker[1][0] == fence[0] and len(marker[1]) >= len(fence)):
            fence = None if fence else marker[1]
        heading = None if fence or marker else _HEADING.match(line)
        if heading and len(heading[1]) <= 2:
            if start is not None:
                break
            if heading[2] == heading_id:
                start = True
                continue
        if start:
            out.append(line)
    return "\n".join(out).strip("\n")
