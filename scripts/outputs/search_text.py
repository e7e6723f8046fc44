"""The text the search index sees: a copy of each built page, prepared for Pagefind.

Only the index reads this copy (scripts/outputs/search.py); the published pages are
unchanged. The search worker (overrides/assets/javascripts/search-worker.js)
reads the same conventions back; both sides are described here.

* Permalink signs (Material's `a.headerlink`, "¶") are removed, so no title,
  heading or excerpt carries one.
* Highlighted code is a run of token spans and bare names with nothing
  between them (scripts/build/highlight.py unwraps names), so Pagefind would
  read `trial.suggest_float(` as one word; a space on the outer side of each
  token's tags lets it see trial and suggest_float.
* Right after the page title (the first h1 of the indexed body) comes an
  outline at weight 0 (it adds nothing to the ranking): the title again, the
  sentinel word TITLE_END, the text of every heading of the page, and
  HEADINGS_END. Pagefind keeps a page's positions of a word sorted by weight
  first, and its exact (quoted) search stops at the first match in that
  order: so the match it returns lies in the outline when the title or a
  heading holds the query, before TITLE_END for the title. The worker ranks
  title pages, then heading pages, then the rest from that one position,
  without loading any page's data. (This reads Pagefind 1.5's index layout,
  `positions_to_packed_page`; tests/browser/test_search.py holds the order
  on the real site.)
* Every block (paragraph, list item, heading, table cell) ends with the word
  BREAK: no phrase runs from one block into the next, and excerpts stop
  there (Pagefind would end the block with an ASCII ".", in Chinese too).
* Chinese (in both languages' pages) is written as overlapping pairs of characters: each Han character
  becomes a word made of it and the next character of the same run (the
  last one stands alone), so 注意力机制 is indexed as 注意 意力 力机 机制 制.
  A phrase search for the query's pairs (注意 意力 力机 机制) finds exactly
  the pages that hold the run, anywhere; a single character is found as the
  start of its pairs. Pairs are far rarer than characters, so a query loads
  small parts of the index and Pagefind ranks with pairs that mean something
  (one character per word ranked every page with 注, 意 and 力 alike). Runs
  continue across inline markup (**注意**力 is 注意力) and stop at block
  boundaries and punctuation, which stands as a word of its own.

Both languages are indexed with Pagefind's English pipeline
(`--force-language en`): words are split on whitespace only, so the pairs
above are the words, and Latin words are stemmed as English on both sites
(transformers finds Transformer). Pagefind's own Chinese pipeline segments
with jieba when indexing and with the browser's Intl.Segmenter when
searching; the two disagree (判别式 is one word to one and two to the other),
and we measured whole words going missing from the index depending on which
other pages were in it (网格 stopped matching the hyperparameter page once
the computer-basics pages were added).
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK and full-width punctuation, and the quotes and dashes Chinese text uses.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2014\u2026\u00b7"
TITLE_END = "hbtitleend"
HEADINGS_END = "hbheadingsend"
# The end of a block (a paragraph, a list item, a heading, a cell): a word of
# punctuation Pagefind indexes nothing for, so no phrase runs from one block
# into the next, and excerpts end there. Without it Pagefind ends a block
# with an ASCII "." (it did so in Chinese text too).
BREAK = "\u00a6"
_BLOCK_END = re.compile(r"(?=</(?:h[1-6]|p|li|dt|dd|td|th|pre|blockquote|summary|figcaption|div|ul|ol|table|article|"
                        r"section|details)>)")
_HEADING_GAP = f" {BREAK} "

_HEADERLINK = re.compile(r"<a\b[^>]*\bclass=[\"']?headerlink\b[^>]*>.*?</a>", re.DOTALL)
_CODE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_TOKEN_TAG = re.compile(r"(</span>)|(<span\b[^>]*>)")
_BODY_H1 = re.compile(r"<div data-pagefind-body[^>]*>.*?<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_HEADING = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_IGNORED = re.compile(r"<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>")
# Markup inside a sentence: a run of Chinese characters goes on across it.
_INLINE_TAG = (r"</?(?:a|abbr|b|bdi|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u|var)\b[^>]*>")
# A run of Chinese characters (across inline markup), or one punctuation mark.
_RUN_OR_PUNCT = re.compile(f"[{HAN}](?:(?:{_INLINE_TAG})*[{HAN}])*|[{CJK_PUNCT}]")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_HAN_CHAR = re.compile(f"[{HAN}]")


def prepared(html: str, lang: str) -> str:
    """A page as its index sees it (see the module's docstring)."""
    html = _HEADERLINK.sub("", html)
    html = _CODE.sub(lambda block: _TOKEN_TAG.sub(lambda tag: f"{tag[1]} " if tag[1] else f" {tag[2]}", block[0]), html)
    html = _with_outline(html)
    # Pagefind reads the indexed body only (and its title comes from there):
    # the navigation before it is left as it is.
    body = max(html.find("<div data-pagefind-body"), 0)
    return html[:body] + _paired(_BLOCK_END.sub(f" {BREAK} ", html[body:]))


def _with_outline(html: str) -> str:
    """The outline (title, headings, sentinels) after the indexed body's title."""
    match = _BODY_H1.search(html)
    if not match:
        return html
    ignored = _ignored(html, match.end())
    headings = _HEADING_GAP.join(_TAG.sub("", heading.group(2)) for heading in _HEADING.finditer(html, match.end())
                                 if not any(start <= heading.start() < end for start, end in ignored))
    outline = (f' <div data-pagefind-weight="0"> {_TAG.sub("", match.group(1))} {BREAK} {TITLE_END} {headings} '
               f'{HEADINGS_END} </div>')
    return html[:match.end()] + outline + html[match.end():]


def _ignored(html: str, start: int) -> list[tuple[int, int]]:
    """Where the elements marked data-pagefind-ignore are (Pagefind indexes
    nothing inside them, so the outline leaves their headings out)."""
    spans = []
    for element in _IGNORED.finditer(html, start):
        name = element.group(1)
        tags = re.compile(rf"<(/?){name}\b[^>]*>")
        depth, end = 1, len(html)
        for tag in tags.finditer(html, element.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        spans.append((element.start(), end))
    return spans


def _paired(html: str) -> str:
    """Chinese as overlapping pairs of characters, punctuation apart; text
    only (a match inside a tag, in an attribute's value, is left alone)."""

    def pairs(match: re.Match) -> str:
        start = match.start()
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):
            return match.group(0)
        text = match.group(0)
        if len(text) == 1 and not _HAN_CHAR.match(text):
            return f" {text} "
        parts = _TAG_SPLIT.split(text)
        chars = [c for k, part in enumerate(parts) if not k % 2 for c in part]
        out, n = [], 0
        for k, part in enumerate(parts):
            if k % 2:
                out.append(part)
                continue
            for c in part:
                n += 1
                out.append(f" {c}{chars[n] if n < len(chars) else ''} ")
        return "".join(out)

    return _RUN_OR_PUNCT.sub(pairs, html)
