"""Markdown blocks the build puts into more than one page.

The key points box shows under every question's short answer and again on
the cram sheet, so both take it from here (scripts/build/generate.py,
scripts/build/cram.py) and it looks the same in both places.
"""

from __future__ import annotations

import html


def key_points_block(meta: dict, text: dict) -> str:
    """The key points as a note box: the HTML of pymdownx's `/// note`
    (admonition classes and title), written as a Markdown-in-HTML block. A
    `///` block costs time in proportion to the whole page parsed so far
    (pymdownx.blocks maps every element of it for each block), so the cram
    sheet, one page with a box per question, took time growing with the
    square of the number of questions."""
    points = [p for p in meta.get("key_points") or [] if isinstance(p, str)]
    if not points:
        return ""
    items = "\n".join(f"- {p}" for p in points)
    title = html.escape(text["generated"]["key_points"])
    return (f'<div class="admonition note hb-key-points" markdown>\n<p class="admonition-title">{title}</p>\n\n'
            f"{items}\n\n</div>\n")
