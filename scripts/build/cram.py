"""The cram sheet: every question's short answer and key points, a page per section.

At the series' size one sheet would be one page of 5 to 13 MB (3,700
questions), so the sheet is an index page plus a page per section:

* `docs/<lang>/cram.md` holds the sheet's introduction and a marker line,
  ``<!-- hb:cram -->``, which the build replaces (scripts/build/generate.py)
  with the list of sections, each linking to its page;
* each section's page, ``cram/<section>.md``, is a file the build generates
  (scripts/hooks.py, on_files, MkDocs' File.generated, outside the nav): a
  title, the same marker, which becomes that section's sheet (a heading,
  then per question its title linking to the full answer, its short answer
  and its key points), and links to the previous and next sections.

Generated pages are Markdown like every other page, so MkDocs validates
their links (strict build), math becomes MathML and print.css lays them out
compactly on paper; authors keep editing only questions. Search (Pagefind)
skips the sheet: each answer is found on its own page. A short answer is
written for its own page, so its links are rebased onto the sheet's page
(scripts/content/markdown.py).
"""

from __future__ import annotations

from scripts.build.blocks import key_points_block
from scripts.content.catalog import Catalog, Section
from scripts.content.layout import CRAM
from scripts.content.markdown import rebase

MARKER = "<!-- hb:cram -->"


def rel(slug: str) -> str:
    """A section's cram page, relative to the language folder: "cram/ai-painting.md"."""
    return f"{CRAM}/{slug}.md"


def source(section: Section, text: dict) -> str:
    """The Markdown the build generates for a section's cram page (its marker becomes the sheet)."""
    t = text["cram"]
    title = t["title"].format(section=section.title)
    description = t["description"].format(section=section.title, n=len(section.questions))
    return f"---\ntitle: {_yaml(title)}\ndescription: {_yaml(description)}\n---\n\n# {title}\n\n{MARKER}\n"


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def index(catalog: Catalog, text: dict) -> str:
    """The sheet's index (the marker of cram.md): every section with its page and count."""
    t = text["cram"]
    items = [f"- [{_escape(s.title)}]({rel(s.slug)}){t['count'].format(n=len(s.questions))}"
             for s in catalog.sections]
    return f"## {t['sections']} {{ #sections }}\n\n" + "\n".join(items) + "\n"


def sheet(catalog: Catalog, slug: str, text: dict) -> str:
    """A section's sheet (the marker of cram/<slug>.md): its questions' short answers
    and key points, then links to the neighbouring sections and the index."""
    sections = catalog.sections
    at = next(i for i, s in enumerate(sections) if s.slug == slug)
    section = sections[at]

    def up(target: str) -> str:  # written for the language root, read from cram/
        return "../" + target

    blocks = [f"## [{_escape(section.title)}]({up(section.rel)}) {{ #{section.slug} }}"]
    for q in section.questions:
        blocks.append(f"### [{_escape(q.title)}]({up(q.rel)}) {{ #{section.slug}--{q.slug} .hb-cram__question }}")
        answer = rebase(q.short_answer, q.rel, up)
        if answer.strip():
            blocks.append(answer)
        block = key_points_block({"key_points": [rebase(p, q.rel, up) for p in q.key_points]}, text)
        if block:
            blocks.append(block)
    t = text["cram"]
    around = [f"[← {_escape(sections[at - 1].title)}]({sections[at - 1].slug}.md)" if at else "",
              f"[{t['index']}](../cram.md)",
              f"[{_escape(sections[at + 1].title)} →]({sections[at + 1].slug}.md)" if at + 1 < len(sections) else ""]
    # Search leaves the sheet out: every answer is already found on its own page.
    return ('<div class="hb-cram" data-pagefind-ignore="all" markdown>\n\n' + "\n\n".join(blocks)
            + "\n\n</div>\n\n" + '<p class="hb-cram__around" markdown>' + " · ".join(filter(None, around))
            + "</p>\n")


def _escape(title: str) -> str:
    return str(title).replace("[", "\\[").replace("]", "\\]")
