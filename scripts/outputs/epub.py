"""`make epub`: an EPUB 3 book per language, next to the PDF book.

A PDF does not reflow on a 6-inch screen; an EPUB does, on a Kindle (Send to
Kindle takes EPUB), a Kobo, Apple Books or a phone. The book is made from
the same pages as the PDF book, by the same code (scripts/outputs/book.py:
the catalog's order, the built pages' own HTML with reading chrome dropped,
ids prefixed per page, links between pages turned into links inside the
book, links to pages it leaves out pointing at the published site). What
differs is the container:

* one XHTML file per page (sections, questions, errata), so a reader opens
  a chapter at a time; links between pages become links between files;
* a cover image (scripts/outputs/cards.py, in portrait), a title page
  (book.py's cover: title, description, counts, build date, address,
  license), and the navigation document by section and question (plus the
  EPUB 2 NCX that older readers use);
* formulas stay MathML (EPUB 3 content documents are HTML5 with MathML;
  files with formulas carry the `mathml` property, set in the site's math
  font, embedded, which reading systems may override), figures are the site's
  SVG files, folded boxes (<details>, which many reading systems do not
  implement) become open boxes with their summary as a title;
* metadata: language, title, the license (dc:rights), the build date
  (dc:date and dcterms:modified, from SOURCE_DATE_EPOCH when set), the
  address of the site (dc:source) and a stable identifier derived from it.

ebooklib writes the container (package document, navigation, NCX, the zip
with its uncompressed mimetype first), so no EPUB plumbing is hand-made
here. Debian's epubcheck validates the books in the tests (tests/outputs/test_epub.py),
and epub.js renders them in Chromium (tests/browser/test_epub_reader.py).

A book above 10 MB is made as volumes (scripts/outputs/volumes.py). Writes
``<site>/downloads/handbook-<lang>.epub`` (or one file per volume) and adds
an ``epub`` entry to each language in ``downloads/downloads.json``, which the
home page reads to show the link and its size.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import shutil
import time
import uuid
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scripts.content import strings
from scripts.content.layout import DOWNLOADS, LANGS, MATH_FONT_FILE, ROOT, lang_root
from scripts.outputs import book, cards, volumes
from scripts.outputs.pdf import build_date
from scripts.outputs.pdf_fonts import MATH_FAMILY

EPUB_CSS = Path(__file__).with_name("epub.css")
MATH_FONT_NAME = "fonts/" + MATH_FONT_FILE.name
COVER_SIZE = (1600, 2400)
# <details>/<summary> as a box and its title: reading systems show both, open.
_DETAILS = re.compile(r"<details\b([^>]*)>")
_OPEN = re.compile(r'\sopen(?:="[^"]*")?(?=[\s/>]|$)')
_SUMMARY = re.compile(r"<summary\b([^>]*)>(.*?)</summary>", re.S)


def file_name(lang: str, volume: volumes.Volume | None = None) -> str:
    return f"handbook-{lang}{'-' + volume.slug if volume and volume.slug else ''}.epub"


def chapter_name(entry: book.Entry) -> str:
    """The XHTML file of a page in the book: "b.ai-painting.dreambooth.xhtml"."""
    return f"{entry.key}.xhtml"


class Linker(book.Linker):
    """book.py's links, with images kept as files of the book (the PDF inlines SVG
    figures and loads the rest from the built site)."""

    def __init__(self, root: Path, public_root: str, pages: list[book.Entry]):
        super().__init__(root, public_root, pages)
        self.files = {entry.key: chapter_name(entry) for entry in pages}
        self.media: dict[Path, str] = {}

    def rewrite(self, body, page: book.Entry) -> None:
        for link in body.css("a[href]"):
            href = self.href(link.attrs["href"] or "", page)
            if href.startswith("#"):  # "#b.x.y:frag" -> "b.x.y.xhtml#b.x.y:frag"
                key = href[1:].split(":", 1)[0]
                href = self.files[key] + (href if ":" in href else "")
            link.attrs["href"] = href
        for image in body.css("img[src]"):
            path = self.file(image.attrs["src"] or "", page)
            if path is None or not path.is_file():
                continue
            image.attrs["src"] = self.media.setdefault(path, f"images/{len(self.media) + 1:03d}-{path.name}")
            if "loading" in image.attrs:
                del image.attrs["loading"]


def xhtml_body(section: str) -> str:
    """A page's <section> from book.py made fit for a reading system."""
    section = _SUMMARY.sub(lambda m: f'<p class="hb-summary"{m[1]}>{m[2]}</p>', section)
    section = _DETAILS.sub(lambda m: "<div" + _OPEN.sub("", m[1]) + ">", section)
    # The <wbr> in code in table cells (scripts/build/typography.py): ebooklib's
    # HTML parser (libxml2) does not know it as empty and nests the rest of the
    # code inside it, which EPUBCheck rejects; a reading system wraps code itself.
    return section.replace("</details>", "</div>").replace("<wbr>", "")


def make_volume(site: Path, lang: str, volume: volumes.Volume, built: datetime.date) -> volumes.Made:
    """One EPUB (the whole book, or one volume of it) as bytes."""
    from ebooklib import epub

    root = site / lang_root(lang)
    text = strings.in_language(lang)["book"]
    home = LexborHTMLParser((root / "index.html").read_text(encoding="utf-8"))
    for node in home.css("a.headerlink"):
        node.decompose()
    canonical = home.css_first('link[rel="canonical"]')
    public_root = (canonical.attrs.get("href") if canonical is not None else "") or ""
    site_title = book.title_of(home)
    title = text["volume"].format(book=site_title, part=volume.title) if volume.title else site_title
    description = home.css_first('meta[name="description"]')
    copyright_ = home.css_first(".md-copyright__highlight")
    rights = copyright_.text(deep=True).strip() if copyright_ else ""

    pub = epub.EpubBook()
    pub.set_identifier("urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, public_root + "#" + file_name(lang, volume))))
    pub.set_title(title)
    pub.set_language(lang)
    pub.add_author(text["authors"])
    pub.add_metadata("DC", "rights", rights)
    pub.add_metadata("DC", "date", built.isoformat())
    pub.add_metadata("DC", "source", public_root)
    if description is not None:
        pub.add_metadata("DC", "description", description.attrs.get("content") or "")
    counts = text["counts"].format(sections=sum(e.kind == "section" for e in volume.entries),
                                   questions=volume.questions)
    pub.set_cover("cover.png", cards.render("", title, f"{text['epub_edition']} · {counts}",
                                            public_root.split("://", 1)[-1], size=COVER_SIZE))
    # Formulas in the site's math font (scripts/dev/fonts.py), as on the site and in the PDF.
    pub.add_item(epub.EpubItem(uid="math-font", file_name=MATH_FONT_NAME, media_type="font/woff2",
                               content=MATH_FONT_FILE.read_bytes()))
    math_css = (f'@font-face {{ font-family: "{MATH_FAMILY}"; src: url("{MATH_FONT_NAME}"); }}\n'
                f'math {{ font-family: "{MATH_FAMILY}", math; }}\n')
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                          content=math_css + EPUB_CSS.read_text(encoding="utf-8") + _pygments_css())
    pub.add_item(style)

    linker = Linker(root, public_root, volume.entries)

    def chapter(name: str, heading: str, body: str) -> epub.EpubHtml:
        item = epub.EpubHtml(title=heading, file_name=name, lang=lang)
        item.content = f'<html><body class="hb-epub">{body}</body></html>'
        item.add_item(style)
        if "<math" in body:
            item.properties.append("mathml")
        if "<svg" in body:
            item.properties.append("svg")
        pub.add_item(item)
        return item

    edition = {**text, "edition": text["epub_edition"]}
    title_page = chapter("title.xhtml", title, book.cover(home, volume.entries, edition, public_root, built, title, lang))
    pages = [chapter(chapter_name(entry), entry.title, xhtml_body(book.page_body(root, entry, linker)))
             for entry in volume.entries]
    for path, name in linker.media.items():
        pub.add_item(epub.EpubItem(uid=name.replace("/", "-").replace(".", "-"), file_name=name,
                                   media_type=_media_type(path), content=path.read_bytes()))
    toc, current = [], None
    for entry, page in zip(volume.entries, pages):
        if entry.kind == "section":
            current = []
            toc.append((epub.Section(entry.title, href=page.file_name), current))
        elif entry.kind == "question" and current is not None:
            current.append(page)
        else:
            current = None
            toc.append(page)
    pub.toc = toc
    pub.add_item(epub.EpubNcx())
    pub.add_item(epub.EpubNav(title=text["contents"]))
    pub.spine = ["cover", title_page, "nav", *pages]
    out = io.BytesIO()
    moment = datetime.datetime.combine(built, datetime.time(), datetime.timezone.utc)
    epub.write_epub(out, pub, {"mtime": moment, "epub3_pages": False, "landmark_title": text["contents"]})
    return volumes.Made(volume, out.getvalue(), {"title": title})


def epubcheck() -> list[str] | None:
    """How to run Debian's epubcheck, or None if it is not installed. Its
    /usr/bin/epubcheck is the jar itself, run through binfmt_misc, which a
    container may lack: the jar is run with java directly, with the quick
    compiler only (a check is a short run: 5 times faster on a busy machine)."""
    jar = Path("/usr/share/java/epubcheck.jar")
    if jar.is_file() and shutil.which("java"):
        return ["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar)]
    found = shutil.which("epubcheck")
    return [found] if found else None


def _media_type(path: Path) -> str:
    return {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".gif": "image/gif", ".webp": "image/webp"}[path.suffix.lower()]


def _pygments_css() -> str:
    """Colours for highlighted code (the site's are CSS variables of its theme)."""
    from pygments.formatters import HtmlFormatter

    return "\n" + HtmlFormatter(style="friendly").get_style_defs(".highlight")


def make(site_dir: Path, langs: tuple[str, ...] = LANGS, out_dir: Path | None = None, echo=print,
         docs: Path = ROOT / "docs", limit: int = volumes.MAX_BYTES) -> int:
    """Write the EPUB books of `langs` and their downloads.json entries; 0 on success."""
    site = site_dir.resolve()
    if not (site / "index.html").exists():
        echo(f"epub: {site} has no built site; run `make build` first")
        return 2
    out = (out_dir or site / DOWNLOADS).resolve()
    out.mkdir(parents=True, exist_ok=True)
    index_path = out / "downloads.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    built = build_date()
    started = time.perf_counter()
    for old in out.glob("handbook-*.epub"):
        if old.name.split("-")[1].removesuffix(".epub") in langs:
            old.unlink()
    for lang in langs:
        began = time.perf_counter()
        entries = book.entries(docs / lang)
        label = strings.in_language(lang)["book"]["part"]
        made = volumes.plan(entries, lambda volume: make_volume(site, lang, volume, built), label, limit)
        files = []
        for item in made:
            name = file_name(lang, item.volume if len(made) > 1 else None)
            (out / name).write_bytes(item.data)
            files.append({"file": name, "bytes": len(item.data), "title": item.volume.title or item.info["title"]})
        entry = {"bytes": sum(f["bytes"] for f in files), "built": built.isoformat()}
        entry |= {"file": files[0]["file"]} if len(files) == 1 else {"volumes": files}
        index.setdefault(lang, {})["epub"] = entry
        echo(f"[{lang}] {DOWNLOADS}/{files[0]['file'] if len(files) == 1 else f'{len(files)} volumes'}: "
             f"{entry['bytes'] / 1e6:.2f} MB in {time.perf_counter() - began:.1f} s")
    index_path.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    echo(f"EPUB books written in {time.perf_counter() - started:.1f} s")
    return 0

