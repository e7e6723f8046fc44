"""The PDF book's HTML: one document made from the built site's own pages.

`make pdf` (scripts/outputs/pdf.py) prints this document with Chromium. It is built
from the HTML the site serves, not from the Markdown, so formulas (MathML),
highlighted code, figures and CJK text come out exactly as readers see them,
with the site's own stylesheets (including print.css, since a PDF is print
media). The order is the catalog's (scripts/content/catalog.py): a cover, a contents
list, every section followed by its questions, then the errata page.

Pages become one document, so two things change on the way in:

* ids: every id of a page gets the page's key as a prefix
  (``b.ai-painting.dreambooth:short-answer``), so heading ids that repeat
  from page to page (``short-answer``) stay unique and every link target
  exists once;
* links: a link to another page of the book becomes an in-document link to
  that page (or its heading), which Chromium writes as a PDF link to a named
  destination; a link to a page the book leaves out (home, tags, cram sheet)
  points at the published site (from the page's canonical URL); images load
  from the built files.

Reading chrome goes (headers, sidebars, practice controls, permalink
anchors); folded boxes (<details>) are opened.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scripts.build.history import localized
from scripts.content import catalog, strings
from scripts.content.layout import ROOT, lang_root, page_url

BOOK_CSS = Path(__file__).with_name("book.css")
# Everything outside the page's own text: practice controls, permalinks, the
# home page's offline controls, scripts.
DROP = ".hb-practice, .hb-practice__reveal, a.headerlink, .hb-offline, script, noscript"
# Attributes that name other elements by id.
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
# An SVG's own ids and the references to them: id="a0", url(#a0), href="#a0".
_SVG_ID = re.compile(r'(\bid="|url\(#|href="#)(?=[\w-])')


@dataclass
class Entry:
    """One page of the book: its catalog path and where it lands in the document."""

    rel: str  # e.g. "ai-painting/dreambooth.md"
    kind: str  # "section" | "question" | "page"
    title: str

    @property
    def url(self) -> str:
        """URL path relative to the language root: "ai-painting/dreambooth/"."""
        return page_url(self.rel)

    @property
    def key(self) -> str:
        """The page's id in the book: "b.ai-painting.dreambooth" ("b.ai-painting" for a section)."""
        return "b." + self.url.strip("/").replace("/", ".")


def entries(docs_lang: Path) -> list[Entry]:
    """The book's pages in reading order: sections with their questions, then errata."""
    cat = catalog.load(docs_lang)
    found = []
    for section in cat.sections:
        found.append(Entry(section.rel, "section", section.title))
        found += [Entry(q.rel, "question", q.title) for q in section.questions]
    found += [Entry(page.rel, "page", str(page.meta.get("title", page.rel))) for page in cat.pages
              if page.rel == "errata.md"]
    return found


def _prefix_ids(body: LexborNode, key: str) -> None:
    for node in body.css("[id]"):
        node.attrs["id"] = f"{key}:{node.attrs['id']}"
    for name in ID_REFS:
        for node in body.css(f"[{name}]"):
            node.attrs[name] = " ".join(f"{key}:{ref}" for ref in (node.attrs[name] or "").split())


class Linker:
    """Rewrites the links and image sources of one language's pages."""

    BASE = "https://book.invalid/"  # a stand-in origin to resolve relative URLs against

    def __init__(self, root: Path, public_root: str, book: list[Entry]):
        self.root = root
        self.public_root = public_root
        self.keys = {entry.url: entry.key for entry in book}
        self.figures = 0

    def href(self, href: str, page: Entry) -> str:
        if href.startswith("#"):
            return f"#{page.key}:{unquote(href[1:])}" if len(href) > 1 else f"#{page.key}"
        absolute = urljoin(self.BASE + page.url, href)
        if not absolute.startswith(self.BASE):
            return href  # another site
        parts = urlsplit(absolute)
        path = unquote(parts.path[len(urlsplit(self.BASE).path):])
        target = self.keys.get(path) or self.keys.get(path.removesuffix("index.html"))
        if target:
            return f"#{target}:{unquote(parts.fragment)}" if parts.fragment else f"#{target}"
        # a page or file the book leaves out: the published site has it
        return urljoin(self.public_root, path) + (f"#{parts.fragment}" if parts.fragment else "")

    def file(self, src: str, page: Entry) -> Path | None:
        """The built file a relative URL of a page points to (None for other sites)."""
        absolute = urljoin(self.BASE + page.url, src)
        if not absolute.startswith(self.BASE):
            return None
        return (self.root / unquote(urlsplit(absolute).path[len(urlsplit(self.BASE).path):])).resolve()

    def inline_svg(self, image: LexborNode, path: Path) -> None:
        """Put an SVG figure's markup in place of its <img>, so that its text is set
        in the book's fonts (an image cannot use the page's @font-face) and stays
        text in the PDF. Its ids get a prefix of their own."""
        self.figures += 1
        uid = f"hbfig{self.figures}-"
        svg = path.read_text(encoding="utf-8")
        svg = _SVG_ID.sub(lambda m: m[1] + uid, svg)
        node = LexborHTMLParser(svg).css_first("svg")
        if node is None:
            return
        node.attrs["role"] = "img"
        node.attrs["aria-label"] = image.attrs.get("alt") or ""
        image.replace_with(node)

    def rewrite(self, body: LexborNode, page: Entry) -> None:
        for link in body.css("a[href]"):
            link.attrs["href"] = self.href(link.attrs["href"] or "", page)
        for image in body.css("img[src]"):
            path = self.file(image.attrs["src"] or "", page)
            if path is None:
                continue
            if path.suffix == ".svg" and path.is_file():
                self.inline_svg(image, path)
                continue
            image.attrs["src"] = path.as_uri()
            if "loading" in image.attrs:
                del image.attrs["loading"]  # printing does not wait for lazy images


def page_body(root: Path, page: Entry, linker: Linker) -> str:
    """One page's text as a <section> of the book."""
    tree = LexborHTMLParser((root / page.url / "index.html").read_text(encoding="utf-8"))
    body = tree.css_first("[data-pagefind-body]")
    if body is None:
        raise ValueError(f"{page.url}index.html has no page body (data-pagefind-body)")
    for node in body.css(DROP):
        node.decompose()
    for details in body.css("details"):
        details.attrs["open"] = ""
    _prefix_ids(body, page.key)
    linker.rewrite(body, page)
    return (f'<section class="hb-book__page hb-book__page--{page.kind}" id="{page.key}" '
            f'data-page="{html.escape(page.url)}">{body.inner_html}</section>')


def toc(book: list[Entry], text: dict) -> str:
    """The contents list: sections with their questions, then the other pages. The
    page numbers are filled in after a first rendering (scripts/outputs/pdf.py)."""
    def item(entry: Entry) -> str:
        return (f'<a href="#{entry.key}"><span class="hb-toc__title">{html.escape(entry.title)}</span>'
                f'<span class="hb-toc__num" data-target="{entry.key}">000</span></a>')

    rows, open_section = [], False
    for entry in book:
        if entry.kind == "question":
            rows.append(f"<li>{item(entry)}</li>")
            continue
        if open_section:
            rows.append("</ol></li>")
        rows.append(f'<li class="hb-toc__item--{entry.kind}">{item(entry)}'
                    + ("<ol>" if entry.kind == "section" else ""))
        open_section = entry.kind == "section"
        if not open_section:
            rows.append("</li>")
    if open_section:
        rows.append("</ol></li>")
    return (f'<nav class="hb-book__toc" id="b.contents"><h1>{html.escape(text["contents"])}</h1>'
            f'<ol class="hb-toc">{"".join(rows)}</ol></nav>')


def cover(home: LexborHTMLParser, book: list[Entry], text: dict, public_root: str, built: datetime.date,
          heading: str | None = None, lang: str = "en") -> str:
    """The cover (title page): the handbook's title (or a volume's, `heading`),
    description, counts, build date (in `lang`'s way: 10 December 2026), address and licence."""
    title = home.css_first("[data-pagefind-body] h1")
    description = home.css_first('meta[name="description"]')
    copyright_ = home.css_first(".md-copyright__highlight")
    counts = text["counts"].format(sections=sum(e.kind == "section" for e in book),
                                   questions=sum(e.kind == "question" for e in book))
    return ('<section class="hb-book__cover">'
            f'<p class="hb-book__edition">{html.escape(text["edition"])}</p>'
            f'<h1 class="hb-book__title">'
            f'{html.escape(heading or (title.text(deep=True).strip() if title else ""))}</h1>'
            f'<p class="hb-book__subtitle">'
            f'{html.escape(description.attrs.get("content") or "" if description else "")}</p>'
            f'<p class="hb-book__meta">{html.escape(counts)}<br>'
            f'{html.escape(text["built"].format(date=localized(built, lang)))}</p>'
            f'<p class="hb-book__online">{html.escape(text["online"])}: '
            f'<a href="{html.escape(public_root)}">{html.escape(public_root)}</a></p>'
            f'<p class="hb-book__license">{html.escape(copyright_.text(deep=True).strip() if copyright_ else "")}</p>'
            '</section>')


def build(site: Path, lang: str, built: datetime.date, docs: Path = ROOT / "docs", pages: list[Entry] | None = None,
          heading: str | None = None) -> tuple[str, list[Entry]]:
    """The book of one language as an HTML document (to be opened from a file
    URL: stylesheets and images point at the built site's files). `pages`: a
    volume's pages (scripts/outputs/volumes.py) instead of the whole book,
    `heading` its title."""
    root = site / lang_root(lang)
    text = strings.in_language(lang)["book"]
    book = entries(docs / lang) if pages is None else pages
    home = LexborHTMLParser((root / "index.html").read_text(encoding="utf-8"))
    for node in home.css("a.headerlink"):
        node.decompose()
    canonical = home.css_first('link[rel="canonical"]')
    public_root = canonical.attrs.get("href") if canonical is not None else ""
    linker = Linker(root, public_root or "", book)
    styles = "".join(f'<link rel="stylesheet" href="{(root / link.attrs["href"]).resolve().as_uri()}">'
                     for link in home.css('link[rel="stylesheet"][href]'))
    body = home.css_first("body")
    scheme = {k: v for k, v in (body.attributes if body else {}).items() if k.startswith("data-md-color")}
    scheme["data-md-color-scheme"] = "default"  # paper is white
    attrs = " ".join(f'{k}="{html.escape(v or "")}"' for k, v in scheme.items())
    bodies = "".join(page_body(root, entry, linker) for entry in book)
    document = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{html.escape(heading or title_of(home))}</title>{styles}"
                f"<style>{BOOK_CSS.read_text(encoding='utf-8')}</style></head>"
                f'<body dir="ltr" {attrs}><article class="md-content__inner md-typeset hb-book">'
                f"{cover(home, book, text, public_root or '', built, heading, lang)}{toc(book, text)}{bodies}"
                "</article></body></html>")
    return document, book


def title_of(home: LexborHTMLParser) -> str:
    heading = home.css_first("[data-pagefind-body] h1")
    return heading.text(deep=True).strip() if heading else ""
