"""Chinese typography and phone tables, applied to every page's HTML at build time.

Run by scripts/hooks.py after formulas are rendered (scripts/build/mathml.py),
so it works on the page body as Python-Markdown wrote it. Each step fixes
something CSS cannot see (the CSS half is the "Typography" blocks of
overrides/assets/stylesheets/extra.css and phone.css):

* `keep_punctuation`: a browser may break a line between an inline formula
  and the punctuation that belongs to it ("。每个元素…" starting a line), since
  a formula is an atomic box to line breaking. A formula with the opening
  punctuation right before it and the closing punctuation right after it is
  wrapped in one no-break span (class hb-nobr).
* `mark_cjk_emphasis`: italics do not exist in Chinese type; an em, i or cite
  whose text is Chinese gets class hb-cjk (upright, emphasis dots), or
  hb-cjk-title when it is a whole 《book title》 (upright only: the title
  marks already say it is a title). Latin titles in em stay italic.
* `label_cells`: a wide table (three or more columns of long text) is marked
  data-hb-stack and each body cell gets data-label, its column's header, so
  that on a phone every row becomes a card with labelled lines and the last
  column (the correction on the errata page) is on screen.
* `code_breaks`: code in a table cell may break only after `_`, `.` or `/`
  (a <wbr> there; CSS forbids other breaks), never "BayesSearc/hCV".

The page is read with the standard library's HTML parser for positions only;
edits are spliced into the original text, so nothing else is re-serialized.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Han ideographs, CJK punctuation (、。《》「」…) and full-width forms (，！？（）).
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RE = re.compile(f"[{CJK}]")
# Punctuation that must not start a line (closing) or end one (opening), in
# Chinese and in Latin text: it is kept with the formula beside it.
CLOSING = "。，、；：？！）」』》〉】〕〗〙〛”’….,;:!?)]}%"
OPENING = "（「『《〈【〔〖〘〚“‘([{"
NOBR = "hb-nobr"
# A formula as the build writes it (scripts/hooks.py), with the punctuation around it.
_FORMULA = re.compile(
    f"(?P<open>[{re.escape(OPENING)}]*)"
    r'(?P<math><span class="hb-math-inline\b[^"]*"[^>]*><math\b.*?</math></span>)'
    f"(?P<close>[{re.escape(CLOSING)}]*)",
    re.S,
)
# A table is stacked on phones when it has this many columns or more and its
# rows are this wide on average, in half-em units (a Chinese character counts
# two, a Latin one): a 360 px screen's column is about 20 em, so a row of 30 em
# squeezed into three or more columns runs to narrow lines of a few words
# and pushes the last column out of view.
STACK_COLUMNS = 3
STACK_ROW_WIDTH = 60
_BREAK_AFTER = re.compile(r"([_./])(?=[^\s<])")
_SKIP = {"pre", "script", "style", "math", "svg"}
_EMPHASIS = {"em", "i", "cite"}
# HTML's empty elements: no end tag follows them.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def keep_punctuation(page: str) -> str:
    """Wrap each inline formula with the punctuation touching it in a no-break span."""
    def wrap(match: re.Match) -> str:
        if not match.group("open") and not match.group("close"):
            return match.group(0)
        return f'<span class="{NOBR}">{match.group(0)}</span>'

    return _FORMULA.sub(wrap, page)


class _Scan(HTMLParser):
    """Records the edits `typeset` makes, as (offset, old length, new text)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=False)
        # Where each line starts: the parser counts lines by "\n" only (not by
        # U+2028 or a form feed, which str.splitlines would also split at).
        self.lines = [0] + [m.end() for m in re.finditer("\n", page)]
        self.edits: list[tuple[int, int, str]] = []
        self.open: list[str] = []
        self.tables: list[dict] = []
        self.emphasis: list[dict] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._at()
        if tag in _VOID:
            return
        self.open.append(tag)
        if tag == "table":
            self.tables.append({"start": start, "tag": self.get_starttag_text() or "", "headers": [],
                                "cells": [], "in_head": False, "chars": 0, "rows": 0, "text": None})
        elif self.tables and tag == "thead":
            self.tables[-1]["in_head"] = True
        elif self.tables and tag in ("th", "td"):
            table = self.tables[-1]
            table["text"] = []
            if table["in_head"]:
                table["headers"].append(table["text"])
            else:
                table["cells"].append((start, self.get_starttag_text() or "", _column(table)))
        elif self.tables and tag == "tr" and not self.tables[-1]["in_head"]:
            self.tables[-1]["rows"] += 1
            self.tables[-1]["column"] = 0
        if tag in _EMPHASIS:
            self.emphasis.append({"start": start, "tag": self.get_starttag_text() or "", "text": []})

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open and self.open.pop() != tag:
            pass
        if tag == "thead" and self.tables:
            self.tables[-1]["in_head"] = False
        elif tag in ("td", "th") and self.tables:
            self.tables[-1]["text"] = None
        elif tag == "table" and self.tables:
            self._finish_table(self.tables.pop())
        elif tag in _EMPHASIS and self.emphasis:
            self._finish_emphasis(self.emphasis.pop())

    def handle_data(self, data):
        if any(tag in _SKIP for tag in self.open):
            return
        for item in self.emphasis:
            item["text"].append(data)
        if self.tables and self.tables[-1]["text"] is not None:
            table = self.tables[-1]
            table["text"].append(data)
            if not table["in_head"]:
                table["chars"] += _width(data.strip())
            if self.open and self.open[-1] == "code" and _BREAK_AFTER.search(data):
                self.edits.append((self._at(), len(data), _BREAK_AFTER.sub(r"\1<wbr>", data)))

    def handle_entityref(self, name):
        self._text_only(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._text_only(html.unescape(f"&#{name};"))

    def _text_only(self, text: str) -> None:
        """An entity: counted as text, never edited in place."""
        for item in self.emphasis:
            item["text"].append(text)
        if self.tables and self.tables[-1]["text"] is not None:
            self.tables[-1]["text"].append(text)

    def _finish_table(self, table: dict) -> None:
        headers = [" ".join("".join(h).split()) for h in table["headers"]]
        rows = max(table["rows"], 1)
        if len(headers) < STACK_COLUMNS or table["chars"] / rows < STACK_ROW_WIDTH or not any(headers):
            return
        self._insert_attribute_at(table["start"], table["tag"], "data-hb-stack")
        for start, tag, column in table["cells"]:
            if column < len(headers) and headers[column]:
                self._insert_attribute_at(start, tag, f'data-label="{html.escape(headers[column])}"')

    def _finish_emphasis(self, item: dict) -> None:
        text = "".join(item["text"]).strip()
        if not _CJK_RE.search(text):
            return
        name = "hb-cjk-title" if text.startswith("《") and text.endswith("》") else "hb-cjk"
        tag = item["tag"]
        found = re.search(r"""\sclass=(["'])(.*?)\1""", tag)
        if found:  # an existing class attribute: add to it
            self.edits.append((item["start"] + found.start(2), 0, name + " "))
        else:
            self._insert_attribute_at(item["start"], tag, f'class="{name}"')

    def _insert_attribute_at(self, start: int, tag: str, attribute: str) -> None:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        self.edits.append((start + end, 0, " " + attribute))


def _width(text: str) -> int:
    """Text's width in half-em units: a Chinese character counts two."""
    return len(text) + len(_CJK_RE.findall(text))


def _column(table: dict) -> int:
    """The column of the body cell being opened (no colspan in Markdown tables)."""
    column = table.get("column", 0)
    table["column"] = column + 1
    return column


def typeset(page: str) -> str:
    """Every step of this module on one page body (see the module docstring)."""
    page = keep_punctuation(page)
    scan = _Scan(page)
    scan.feed(page)
    scan.close()
    for offset, length, text in sorted(scan.edits, reverse=True):
        page = page[:offset] + text + page[offset + length:]
    return page
