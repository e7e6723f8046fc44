"""The Markdown rules the handbook's tools share: fences, headings, sections, links.

Python-Markdown keeps no line numbers, and the build, the checks and the
outputs need to agree on what is code and what is prose, where the short
answer ends and how a page's relative links read from elsewhere. So each of
these is one function here, over a page's lines:

* a code fence opens with three or more backticks or tildes (indented or
  not, with an info string) and closes with a line of the same character, at
  least as long, and nothing else (Python-Markdown's superfences rule);
* a heading is `#`-prefixed prose with an optional `{ #id .class }` list;
* a section is an H2 with an id, up to the next H1 or H2;
* a relative link or image in a page is rebased when its Markdown is moved
  to another page (the cram sheet) or another medium (the Anki decks).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*?)\s*$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
HEADING_ID = re.compile(r"#([^\s}]+)")
SHORT_ANSWER_ID = "short-answer"
# An inline link or image target: ](target) or ](target "title").
_TARGET = re.compile(r"(\]\()(<[^>]*>|[^)\s]+)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# What a reader does not say aloud: display and inline formulas, code spans, link targets.
_UNSPOKEN = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|`[^`\n]+`|\]\([^)]*\)", re.S)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


@dataclass
class Block:
    """A fenced code block as written: its opening line's index and match, and its raw body lines."""

    start: int  # 0-based index of the opening fence line
    opener: re.Match
    body: list[str] = field(default_factory=list)
    closed: bool = False


def closes(line: str, opener: re.Match) -> bool:
    """Does `line` close the fence `opener` opened?"""
    match = FENCE.match(line)
    return bool(match and match["fence"][0] == opener["fence"][0]
                and len(match["fence"]) >= len(opener["fence"]) and not match["info"])


def scan(lines: list[str], start: int = 0) -> tuple[list[Block], list[tuple[int, str]]]:
    """The fenced blocks of lines[start:] and the prose lines outside them, as (index, text)."""
    blocks: list[Block] = []
    prose: list[tuple[int, str]] = []
    block = None
    for index in range(start, len(lines)):
        line = lines[index]
        if block is None:
            match = FENCE.match(line)
            if match:
                block = Block(index, match)
                blocks.append(block)
            else:
                prose.append((index, line))
        elif closes(line, block.opener):
            block.closed = True
            block = None
        else:
            block.body.append(line)
    return blocks, prose


def in_code(lines: list[str]) -> list[bool]:
    """For every line: is it part of a fenced block (its fences included)?"""
    mask = [True] * len(lines)
    for index, _ in scan(lines)[1]:
        mask[index] = False
    return mask


def heading(line: str) -> tuple[int, str, str | None] | None:
    """(level, text, id) of a heading line, or None."""
    match = HEADING.match(line)
    if not match:
        return None
    ids = HEADING_ID.findall(match["attrs"] or "")
    return len(match["hashes"]), match["text"], ids[0] if ids else None


def section_span(lines: list[str], heading_id: str) -> tuple[int, int] | None:
    """(index of the first line under the H2 with this id, index of the next H1/H2
    or len(lines)); None if the page has no such heading."""
    start = None
    for index, line in scan(lines)[1]:
        found = heading(line)
        if found is None or found[0] > 2:
            continue
        if start is not None:
            return start, index
        if found[2] == heading_id:
            start = index + 1
    return (start, len(lines)) if start is not None else None


def section(text: str, heading_id: str) -> str:
    """The Markdown under the H2 with this id, without the heading ('' if absent)."""
    lines = text.splitlines()
    span = section_span(lines, heading_id)
    return "\n".join(lines[span[0]:span[1]]).strip("\n") if span else ""


def insert_after_short_answer(markdown: str, block: str) -> str:
    """`block` at the end of the short answer (before the next H1/H2); unchanged
    if the page has no short answer."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    span = section_span(lines, SHORT_ANSWER_ID)
    if span is None:
        return markdown
    if span[1] == len(lines):
        return markdown.rstrip("\n") + "\n\n" + block
    return "\n".join(lines[:span[1]] + [block] + lines[span[1]:])


def rebase(markdown: str, rel: str, resolve: Callable[[str], str] | None = None) -> str:
    """Markdown of the page at `rel` (relative to its language folder) made to
    work elsewhere: every relative link or image target becomes relative to the
    language root ("img/a.svg" in "x/y.md" -> "x/img/a.svg", "#h" -> "x/y.md#h"),
    then passes through `resolve` if given (e.g. to make it absolute).
    Footnote references are dropped: their definitions stay on the page."""
    folder = posixpath.dirname(rel)

    def target(match: re.Match) -> str:
        url = match[2].strip("<>")
        if _SCHEME.match(url) or url.startswith("/"):
            return match[0]
        moved = rel + url if url.startswith("#") else posixpath.normpath(posixpath.join(folder, url))
        return match[1] + (resolve(moved) if resolve else moved)

    lines = markdown.split("\n")
    code = in_code(lines)
    return "\n".join(line if code[index] else _FOOTNOTE_REF.sub("", _TARGET.sub(target, line))
                     for index, line in enumerate(lines))


def spoken_length(markdown: str, lang: str) -> int:
    """How long a passage is when said aloud: Chinese characters for Chinese,
    words for English; formulas, code and link targets are not counted."""
    lines = markdown.split("\n")
    code = in_code(lines)
    text = _UNSPOKEN.sub(" ", "\n".join(line for index, line in enumerate(lines) if not code[index]))
    return len(_HAN.findall(text)) if lang == "zh" else len(_WORD.findall(text))
