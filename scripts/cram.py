"""The cram sheet: every question's short answer and key points on one page.

`docs/<lang>/cram.md` holds the page's introduction and a marker line,
``<!-- hb:cram -->``, which the build replaces (scripts/generate.py) with
the sheet, in catalog order: a heading per section, then per question its
title (a link to the full answer), its short answer and its key points. The
sheet is Markdown like every other generated list, so MkDocs validates its
links, math becomes MathML, and print.css lays it out compactly on paper.
Search (Pagefind) skips the sheet: each answer is found on its own page.

A short answer is written for its own page, so its relative links and
images are rebased onto the cram page (at the language root), and footnote
references, whose definitions stay behind on the question page, are dropped.
"""

from __future__ import annotations

import posixpath
import re

from scripts.catalog import Catalog, Question
from scripts.generate import key_points_block

# An inline link or image target: ](target) or ](target "title").
_TARGET = re.compile(r"(\]\()(<[^>]*>|[^)\s]+)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def rebase(markdown: str, question: Question) -> str:
    """The Markdown of a question page, with relative targets made relative to the language root."""
    folder = posixpath.dirname(question.rel)

    def target(match: re.Match) -> str:
        url = match[2].strip("<>")
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("/"):
            return match[0]
        if url.startswith("#"):
            return match[1] + question.rel + url
        return match[1] + posixpath.normpath(posixpath.join(folder, url))

    out, fence = [], None
    for line in markdown.split("\n"):
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker[1][0] == fence[0] else (fence or marker[1])
        elif not fence:
            line = _FOOTNOTE_REF.sub("", _TARGET.sub(target, line))
        out.append(line)
    return "\n".join(out)


def sheet(catalog: Catalog, text: dict) -> str:
    """The sheet's Markdown: sections, and per question its title, short answer and key points."""
    blocks = []
    for section in catalog.sections:
        blocks.append(f"## {section.title} {{ #{section.slug} }}")
        for q in section.questions:
            title = str(q.title).replace("[", "\\[").replace("]", "\\]")
            blocks.append(f"### [{title}]({q.rel}) {{ #{section.slug}--{q.slug} .hb-cram__question }}")
            answer = rebase(q.short_answer(), q)
            if answer.strip():
                blocks.append(answer)
            points = {**q.meta, "key_points": [rebase(p, q) for p in q.meta.get("key_points") or []
                                               if isinstance(p, str)]}
            block = key_points_block(points, text)
            if block:
                blocks.append(block)
    # Search leaves the sheet out: every answer is already found on its own page.
    return ('<div class="hb-cram" data-pagefind-ignore="all" markdown>\n\n' + "\n\n".join(blocks)
            + "\n\n</div>\n")
