"""Structure: what every page, and every question page, must look like.

Rule ids:
  short-answer       a question page does not open with its short answer: the
                     first thing after the `# Title` must be `## ... { #short-answer }`
                     with text under it
  heading-duplicate  two headings (or blocks) on one page with the same id; links
                     to the second one would land on the first
  placeholder        an unfilled `[[TODO: ...]]` left by `make new`
"""

from __future__ import annotations

from scripts.catalog import SHORT_ANSWER_ID, section_markdown
from scripts.check.context import Context
from scripts.findings import Finding
from scripts.pages import kind, rel_of
from scripts.placeholders import find_placeholders
from scripts.source import BLOCK_ATTR_ID


def check(ctx: Context):
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        for line, text in find_placeholders(page.lines):
            yield Finding(shown, line, "placeholder", f"unfilled placeholder {text!r}: replace it with the text it asks for")
        yield from _duplicates(shown, page)
        if kind(rel_of(path, ctx.docs)) == "question":
            yield from _short_answer_first(shown, page)


def _duplicates(shown, page):
    seen: dict[str, int] = {}
    ids = [(h.line, h.id) for h in page.headings if h.id]
    ids += [(number, m.group(1)) for number, line in page.prose if (m := BLOCK_ATTR_ID.match(line))]
    for line, anchor in sorted(ids):
        if anchor in seen:
            yield Finding(shown, line, "heading-duplicate",
                          f"id '#{anchor}' is already used at line {seen[anchor]}; ids on a page must be unique")
        else:
            seen[anchor] = line


def _short_answer_first(shown, page):
    title = next((h for h in page.headings if h.level == 1), None)
    start = title.line if title else page.body_start
    first = next(((number, line) for number, line in page.prose if number > start and line.strip()), None)
    fences_after = [f.line for f in page.fences if f.line > start]
    if first is None or (fences_after and fences_after[0] < first[0]):
        yield Finding(shown, start, "short-answer", "a question page starts with `## ... { #short-answer }`")
        return
    heading = next((h for h in page.headings if h.line == first[0]), None)
    if heading is None or heading.level != 2 or heading.id != SHORT_ANSWER_ID:
        yield Finding(shown, first[0], "short-answer",
                      "the short answer comes first: put `## ... { #short-answer }` right after the title "
                      "(move this below it)")
    elif not section_markdown(page.text, SHORT_ANSWER_ID).strip():
        yield Finding(shown, heading.line, "short-answer", "the short answer is empty")
