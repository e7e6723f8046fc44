"""The cram sheet: every question's short answer and key points on one page.

`docs/<lang>/cram.md` holds the page's introduction and a marker line,
``<!-- hb:cram -->``, which the build replaces (scripts/build/generate.py)
with the sheet, in catalog order: a heading per section, then per question
its title (a link to the full answer), its short answer and its key points.
The sheet is Markdown like every other generated list, so MkDocs validates
its links, math becomes MathML, and print.css lays it out compactly on
paper. Search (Pagefind) skips the sheet: each answer is found on its own
page. A short answer is written for its own page, so its links are rebased
onto the cram page, at the language root (scripts/content/markdown.py).
"""

from __future__ import annotations

from scripts.build.blocks import key_points_block
from scripts.content.catalog import Catalog
from scripts.content.markdown import rebase


def sheet(catalog: Catalog, text: dict) -> str:
    """The sheet's Markdown: sections, and per question its title, short answer and key points."""
    blocks = []
    for section in catalog.sections:
        blocks.append(f"## {section.title} {{ #{section.slug} }}")
        for q in section.questions:
            title = str(q.title).replace("[", "\\[").replace("]", "\\]")
            blocks.append(f"### [{title}]({q.rel}) {{ #{section.slug}--{q.slug} .hb-cram__question }}")
            answer = rebase(q.short_answer, q.rel)
            if answer.strip():
                blocks.append(answer)
            block = key_points_block({"key_points": [rebase(p, q.rel) for p in q.key_points]}, text)
            if block:
                blocks.append(block)
    # Search leaves the sheet out: every answer is already found on its own page.
    return ('<div class="hb-cram" data-pagefind-ignore="all" markdown>\n\n' + "\n\n".join(blocks)
            + "\n\n</div>\n")
