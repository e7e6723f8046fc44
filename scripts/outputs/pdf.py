"""`make pdf`: a PDF book per language, printed by Chromium from the built site.

Run after `make build`; writes ``site/downloads/handbook-<lang>.pdf`` and
``site/downloads/downloads.json`` (file, size, pages and date of each book),
which the home pages read to show the download link with its size. The home
page's HTML is never touched after the build: the book is made later (and
only where Chromium is installed), and the service worker's file lists and
version (scripts/outputs/offline.py) describe the site exactly as built.

Pipeline, per language:

1. scripts/outputs/book.py joins the built pages into one HTML document (cover,
   contents, sections and questions in catalog order, errata);
2. Chromium (Playwright, Debian's /usr/bin/chromium) prints it twice: the
   first print tells on which page every section and question starts (from
   the PDF's named destinations, which Chromium writes for every in-document
   link target), those numbers go into the contents list, the second print
   is the book;
3. pypdf adds what Chromium does not: bookmarks (the outline) for the
   contents, sections, questions and errata, the document's language, and
   the instruction to open with the bookmarks shown.

The fonts are the book's own (scripts/outputs/pdf_fonts.py: Noto Sans CJK cut down
to the book's characters, as TrueType, so that Chromium embeds them as real
subset fonts); page numbers come from CSS page-margin boxes (scripts/outputs/book.css).
"""

from __future__ import annotations

import datetime
import io
import json
import os
import tempfile
import time
from pathlib import Path

from scripts.content import strings
from scripts.content.layout import DOWNLOADS, LANGS, ROOT
from scripts.outputs import book, chromium, pdf_fonts, volumes

# Bytes of PDF per byte of the book's HTML, measured (2026-11-26): 1.94 MB for
# the 0.62 MB Chinese book, 15 MB for 6.2 MB at 10 x the content. A book or
# section estimated at twice the limit goes to smaller volumes without being
# printed whole first (scripts/outputs/volumes.py).
PDF_PER_HTML_BYTE = 2.5


def file_name(lang: str, volume: str = "") -> str:
    return f"handbook-{lang}{'-' + volume if volume else ''}.pdf"


def build_date() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def destinations(pdf: bytes) -> dict[str, tuple[int, float]]:
    """Named destination -> (0-based page index, top y) of a PDF Chromium wrote."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    found = {}
    for name, dest in reader.named_destinations.items():
        page = dest.page
        idnum = page.idnum if hasattr(page, "idnum") else getattr(page, "indirect_reference", None).idnum
        found[name.lstrip("/")] = (pages[idnum], float(dest.top or 0))
    return found


def finish(pdf: bytes, entries: list[book.Entry], lang: str, title: str, contents_title: str) -> tuple[bytes, int]:
    """Bookmarks for the contents, sections, questions and other pages; the
    document's language and title."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit, NameObject, TextStringObject

    dests = destinations(pdf)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))

    def add(title_: str, key: str, parent=None):
        index, top = dests[key]
        return writer.add_outline_item(title=title_, page_number=index, parent=parent, fit=Fit.xyz(left=0, top=top))

    # Nothing links to the contents list (so it has no named destination): it
    # is the page after the cover.
    writer.add_outline_item(title=contents_title, page_number=1, fit=Fit.fit())
    section = None
    for entry in entries:
        if entry.kind == "question":
            add(entry.title, entry.key, parent=section)
        else:
            item = add(entry.title, entry.key)
            section = item if entry.kind == "section" else None
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


def render(browser, source: Path, tagged: bool) -> bytes:
    """Print the book twice: the first print tells on which page each section
    and question starts, the second has those numbers in the contents list."""
    page = browser.new_page()
    try:
        page.goto(source.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        options = {"prefer_css_page_size": True, "print_background": True, "tagged": tagged}
        numbers = {key: index + 1 for key, (index, _) in destinations(page.pdf(**options)).items()}
        page.evaluate("""numbers => {
            for (const span of document.querySelectorAll(".hb-toc__num")) {
              span.textContent = numbers[span.dataset.target] || "";
            }
          }""", numbers)
        return page.pdf(**options)
    finally:
        page.close()


def make(site_dir: Path, langs: tuple[str, ...] = LANGS, out_dir: Path | None = None, tagged: bool = False,
         echo=print, browser=None, docs: Path = ROOT / "docs", limit: int = volumes.MAX_BYTES) -> int:
    """Write the books of `langs` (as volumes past `limit` bytes, scripts/outputs/volumes.py)
    and their downloads.json entries; 0 on success. `docs`: the
    sources the site was built from (their catalog orders the book).
    `browser`: a Playwright Chromium to print with (the tests pass theirs); by
    default Debian's Chromium is launched."""
    from selectolax.lexbor import LexborHTMLParser

    site = site_dir.resolve()
    if not (site / "index.html").exists():
        echo(f"pdf: {site} has no built site; run `make build` first")
        return 2
    if browser is None and not chromium.installed():
        echo(f"pdf: {chromium.MISSING}")
        return 2
    out = (out_dir or site / DOWNLOADS).resolve()
    out.mkdir(parents=True, exist_ok=True)
    index_path = out / "downloads.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    built = build_date()
    status = 0
    for old in out.glob("handbook-*.pdf"):  # a book that is now one file, or volumes that changed
        if old.name.removeprefix("handbook-").removesuffix(".pdf").split("-")[0] in langs:
            old.unlink()
    started = time.perf_counter()
    books = {lang: book.build(site, lang, built, docs=docs) for lang in langs}
    trees = [LexborHTMLParser(document) for document, _ in books.values()]
    with tempfile.TemporaryDirectory(prefix="hb-book-") as tmp:
        folder = Path(tmp)
        try:
            faces = pdf_fonts.font_faces(
                "".join(tree.body.text(deep=True) for tree in trees),
                "".join(node.text(deep=True) for tree in trees for node in tree.css("code, kbd, samp")), folder)
        except pdf_fonts.FontMissing as exc:
            echo(f"pdf: {exc}")
            return 2
        echo(f"fonts subset in {time.perf_counter() - started:.1f} s")
        with chromium.launch(browser) as printer:
            for lang, (document, entries) in books.items():
                began = time.perf_counter()
                text = strings.in_language(lang)["book"]
                site_title = book.title_of(LexborHTMLParser(document))

                def print_volume(volume: volumes.Volume) -> volumes.Made:
                    heading = text["volume"].format(book=site_title, part=volume.title) if volume.title else None
                    html, pages_of = (document, entries) if not volume.slug else book.build(
                        site, lang, built, docs=docs, pages=volume.entries, heading=heading)
                    source = folder / f"book-{lang}-{volume.slug or 'all'}.html"
                    source.write_text(html.replace("</head>", f"<style>{faces}</style></head>", 1), encoding="utf-8")
                    pdf, pages = finish(render(printer, source, tagged), pages_of, lang, heading or site_title,
                                        text["contents"])
                    return volumes.Made(volume, pdf, {"pages": pages, "title": heading or site_title})

                def estimate(volume: volumes.Volume) -> int:
                    html = document if not volume.slug else book.build(site, lang, built, docs=docs,
                                                                       pages=volume.entries)[0]
                    return int(PDF_PER_HTML_BYTE * len(html))

                made = volumes.plan(entries, print_volume, text["part"], limit, estimate=estimate)
                files = []
                for item in made:
                    name = file_name(lang, item.volume.slug if len(made) > 1 else "")
                    (out / name).write_bytes(item.data)
                    files.append({"file": name, "bytes": len(item.data), "pages": item.info["pages"],
                                  "title": item.info["title"]})
                    if len(item.data) > limit:
                        echo(f"[{lang}] {name}: over the {limit / 1024 / 1024:.0f} MB budget")
                        status = 1
                entry = {"bytes": sum(f["bytes"] for f in files), "pages": sum(f["pages"] for f in files),
                         "built": built.isoformat()}
                entry |= {"file": files[0]["file"]} if len(files) == 1 else {"volumes": files}
                index[lang] = {**{k: v for k, v in index.get(lang, {}).items() if k == "epub"}, **entry}
                where = files[0]["file"] if len(files) == 1 else f"{len(files)} volumes"
                echo(f"[{lang}] {DOWNLOADS}/{where}: {entry['pages']} pages, {entry['bytes'] / 1e6:.2f} MB "
                     f"in {time.perf_counter() - began:.1f} s")
    index_path.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    echo(f"PDF books written in {time.perf_counter() - started:.1f} s")
    return status
