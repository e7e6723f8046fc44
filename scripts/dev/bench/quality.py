"""Search quality figures for `make bench`, computed from the corpus text itself.

For each query the benchmark types, the browser gives the result list as
shown; this module reads the built pages and decides, for each result,
whether it really holds the query, and whether a page whose title holds it
exists and is near the top:

* search_top10_contains: share of the first 10 results (over all queries)
  whose text holds the query;
* search_title_top3: share of the queries that some page's title holds for
  which such a page is among the first 3 results.

"Holds the query" is what the reader asked for, decided from the text the
index sees (the part of the page marked data-pagefind-body, minus what is
marked data-pagefind-ignore and the permalink signs): every run of Chinese
characters of the query appears as it is; every Latin word appears as a whole
word or in another form of it (plural, -ing, -ed, -ation: a light suffix rule,
close to the English stemmer Pagefind uses), a hyphenated word also counting
as its parts (cross-attention holds attention, as Pagefind indexes it).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scripts.outputs.search_text import HAN

_UNITS = re.compile(rf"[{HAN}]+|[A-Za-z0-9_]+(?:[-'.][A-Za-z0-9_]+)*")
_HAN_RUN = re.compile(rf"[{HAN}]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ied", "ies", "ed", "ly", "ize", "iz", "ive", "al", "ion",
             "ment", "ness", "ous")
_PLURAL = re.compile(r"(?:(?<=[sxz])|(?<=[cs]h))es$|(?<!s)s$")


def stem(word: str) -> str:
    """A light English stemmer, suffixes stripped until none is left: enough
    to tell that quantizing, quantize and quantization are one word, or
    convolution and convolutional (as Pagefind's English stemmer, Porter2,
    does), and that quantization and Q are not."""
    word = word.lower()
    stripped = True
    while stripped:
        stripped = False
        plural = _PLURAL.search(word)
        if plural and plural.start() >= 3:
            word, stripped = word[:plural.start()], True
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word, stripped = word[:-len(suffix)], True
                break
    return word


def units(query: str) -> list[str]:
    """A query's parts: runs of Chinese characters and Latin words."""
    return _UNITS.findall(query)


class PageText:
    """What the index sees of one built page: title, headings, all text."""

    def __init__(self, html: str):
        tree = LexborHTMLParser(html)
        body = tree.css_first("[data-pagefind-body]") or tree.body
        for node in body.css("[data-pagefind-ignore], a.headerlink"):
            node.decompose()
        heading = body.css_first("h1")
        self.title = heading.text(separator="") if heading else ""
        self.headings = [h.text(separator="") for h in body.css("h2, h3, h4, h5, h6")]
        self.text = body.text(separator=" ")
        self._words: set[str] | None = None

    def words(self) -> set[str]:
        if self._words is None:
            tokens = re.findall(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*", self.text)
            self._words = {stem(part) for token in tokens for part in [token.replace("-", ""), *token.split("-")]}
        return self._words

    def holds(self, query: str) -> bool:
        return holds(self.text, query, self.words())

    def holds_in_title(self, query: str) -> bool:
        return holds(self.title, query)

    def holds_in_headings(self, query: str) -> bool:
        """Whether the headings hold the query: each run or word in one of
        them (as the search worker ranks a page among heading pages)."""
        return holds(" \n ".join(self.headings), query)


def holds(text: str, query: str, words: set[str] | None = None) -> bool:
    """Whether text holds every part of the query (see the module's docstring)."""
    parts = units(query)
    if not parts:
        return False
    if words is None:
        tokens = re.findall(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*", text)
        words = {stem(part) for token in tokens for part in [token.replace("-", ""), *token.split("-")]}
    for part in parts:
        if _HAN_RUN.fullmatch(part):
            if part not in text:
                return False
        elif stem(part.replace("-", "")) not in words:
            return False
    return True


@cache
def page_text(path: Path) -> PageText:
    return PageText(path.read_text(encoding="utf-8"))


def figures(site: Path, results: dict[str, list[str | None]], skip: tuple[str, ...] = ()) -> dict:
    """Quality of one language's result lists. `site` is the language's
    root folder; `results` maps each query to its results in order, as paths
    below that root ("deep-learning/q00001/"), None for a result outside it;
    `skip` names top folders that are not this language's pages (en/)."""
    pages = _pages(site, skip)
    shown = held = with_title = title_top3 = 0
    misses: list[str] = []
    for query, paths in results.items():
        for path in paths[:10]:
            shown += 1
            if path is not None and path.strip("/") in pages and page_text(pages[path.strip("/")]).holds(query):
                held += 1
            else:
                misses.append(f"{query!r}: {path}")
        holders = {rel for rel, file in pages.items() if holds(page_text(file).title, query)}
        if holders:
            with_title += 1
            title_top3 += any(path is not None and path.strip("/") in holders for path in paths[:3])
    return {"top10_contains": round(100 * held / shown, 1) if shown else None,
            "title_top3": round(100 * title_top3 / with_title, 1) if with_title else None,
            "queries_with_title": with_title, "misses": misses}


def _pages(site: Path, skip: tuple[str, ...]) -> dict[str, Path]:
    """Every page of one language: its path below the root ("" for the home) -> file."""
    pages = {}
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel
        if rel.split("/", 1)[0] not in ("pagefind", "assets", "search", *skip):
            pages[rel] = path
    return pages


__all__ = ["PageText", "figures", "holds", "page_text", "stem", "units"]
