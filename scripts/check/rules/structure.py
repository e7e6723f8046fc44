"""Structure: what every page, and every question page, must look like.

Rule ids:
  short-answer       a question page does not open with its short answer: the
                     first thing after the `# Title` must be `## ... { #short-answer }`
                     with text under it
  short-answer-length  a short answer longer than a candidate says in 30-45 seconds:
                     over 180 Chinese characters or 110 English words (formulas,
                     code and link targets not counted); move the rest into the body
  heading-duplicate  two headings (or blocks) on one page with the same id; links
                     to the second one would land on the first
  placeholder        an unfilled `[[TODO: ...]]` left by `make new`
  correction         a correction to the source article that is not a collapsed
                     `/// details | 勘误：<summary>` (`Correction: <summary>`) block with
                     `type: warning`, or that sits before the end of the short answer
"""

from __future__ import annotations

import re

from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.layout import kind, lang_of, rel_of
from scripts.content.markdown import SHORT_ANSWER_ID, spoken_length
from scripts.content.page import BLOCK_ATTR_ID
from scripts.content.placeholders import find_placeholders


def check(ctx: Context):
    yield from ctx.each_page("structure", lambda path, page, shown: _page(ctx, path, page, shown))


def _page(ctx, path, page, shown):
    for line, text in find_placeholders(page.lines):
        yield Finding(shown, line, "placeholder", f"unfilled placeholder {text!r}: replace it with the text it asks for")
    yield from _duplicates(shown, page)
    if kind(rel_of(path, ctx.docs)) == "question":
        yield from _short_answer_first(shown, page)
        yield from _short_answer_length(shown, page, lang_of(path, ctx.docs))
    yield from _corrections(shown, page, lang_of(path, ctx.docs))


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
    elif not page.short_answer.strip():
        yield Finding(shown, heading.line, "short-answer", "the short answer is empty")


# What a candidate says in the first 30-45 seconds of an answer.
SPOKEN_LIMIT = {"zh": (180, "Chinese characters"), "en": (110, "English words")}


def _short_answer_length(shown, page, lang):
    limit, unit = SPOKEN_LIMIT.get(lang, SPOKEN_LIMIT["en"])
    length = spoken_length(page.short_answer, lang)
    if length > limit:
        line = next((h.line for h in page.headings if h.id == SHORT_ANSWER_ID), 1)
        yield Finding(shown, line, "short-answer-length",
                      f"the short answer is {length} {unit} (limit {limit}, formulas and code not counted): "
                      "keep what a candidate says in 30-45 seconds and move the rest into the body")


BLOCK = re.compile(r"^///\s*(?P<kind>[\w-]+)\s*(?:\|\s*(?P<title>.*?))?\s*$")
OPTION = re.compile(r"^ {4}(?P<key>\w+):\s*(?P<value>.*)$")
CORRECTION_TITLE = {"zh": "勘误：", "en": "Correction: "}


def blocks(page) -> list[dict]:
    """pymdownx.blocks openings (`/// kind | title` plus indented options), with their lines."""
    found = []
    prose = page.prose
    for index, (number, line) in enumerate(prose):
        match = BLOCK.match(line)
        if not match:
            continue
        options = {}
        for _, option in prose[index + 1:]:
            opt = OPTION.match(option)
            if not opt:
                break
            options[opt["key"]] = opt["value"].strip()
        found.append({"line": number, "kind": match["kind"], "title": (match["title"] or "").strip(),
                      "options": options, "id": (re.search(r"\bid:\s*([\w-]+)", options.get("attrs", "")) or [None, None])[1]})
    return found


def _corrections(shown, page, lang):
    end = None
    prefix = CORRECTION_TITLE.get(lang, CORRECTION_TITLE["en"])
    for block in blocks(page):
        if not (block["id"] or "").startswith("erratum-"):
            continue
        problems = []
        if block["kind"] != "details" or block["options"].get("open", "false").lower() == "true":
            problems.append("must be a collapsed `/// details` block")
        if block["options"].get("type") != "warning":
            problems.append("needs `type: warning`")
        if not block["title"].startswith(prefix.strip()) or len(block["title"]) <= len(prefix.strip()) + 1:
            problems.append(f"needs a one-line summary title `{prefix}<what the article says, and what is right>`")
        if problems:
            yield Finding(shown, block["line"], "correction", "correction box " + "; ".join(problems))
        end = (page.short_answer_end or 0) if end is None else end
        if end and block["line"] < end:
            yield Finding(shown, block["line"], "correction",
                          "corrections come after the short answer; move it to where the topic comes up in the body")
