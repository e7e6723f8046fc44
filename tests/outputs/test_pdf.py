"""The PDF books (`make pdf`, scripts/outputs/pdf.py), read back with pypdf: pages and
page numbers, bookmarks for every section and question in catalog order,
every question's title in the text, embedded fonts, in-document links, size.
The books are made once per test run from the shared site build."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from scripts.content import strings
from scripts.content.layout import DOCS, LANGS
from scripts.outputs import book
from tests.conftest import once_per_run

pytestmark = pytest.mark.browser  # Chromium prints the books


def normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _outline(reader, items) -> list:
    """[(title, page index, [children...])] of a pypdf outline."""
    out = []
    for item in items:
        if isinstance(item, list):
            out[-1][2].extend(_outline(reader, item))
        else:
            out.append((item.title, reader.get_destination_page_number(item), []))
    return out


def _fonts(reader) -> dict[str, dict]:
    found = {}
    for page in reader.pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[f"{font.get('/BaseFont')}#{ref.idnum}"] = {
                "subtype": str(font.get("/Subtype")),
                "embedded": any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))}
    return found


def _read(path: Path) -> dict:
    from pypdf import PdfReader

    reader = PdfReader(path)
    dests = set(reader.named_destinations)
    links = [annot.get_object() for page in reader.pages for annot in page.get("/Annots") or []]
    internal = [str(link["/Dest"]) for link in links if "/Dest" in link]
    outline = _outline(reader, reader.outline)
    # Text extraction is slow (about 20 pages a second): the cover, the
    # contents, the last page and the page each bookmark points to.
    wanted = {0, 1, len(reader.pages) - 1} | {page for _, page, children in outline
                                             for page in [page] + [child[1] for child in children]}
    return {"pages": len(reader.pages), "bytes": path.stat().st_size, "outline": outline,
            "text": {str(index): reader.pages[index].extract_text() for index in sorted(wanted)},
            "fonts": _fonts(reader),
            "internal_links": internal, "dangling": sorted(set(internal) - dests),
            "external_links": sum("/A" in link and link["/A"].get("/S") == "/URI" for link in links),
            "lang": str(reader.trailer["/Root"].get("/Lang"))}


@pytest.fixture(scope="session")
def books(tmp_path_factory, built_site, browser) -> dict:
    """`make pdf` on the shared site build, printed with pytest-playwright's
    Chromium (a second Playwright in the same process cannot start)."""
    def compute(shared: Path) -> dict:
        from scripts.outputs.pdf import make

        out = shared / "books"
        lines: list[str] = []
        status = make(built_site, out_dir=out, echo=lines.append, browser=browser)
        result = {"status": status, "output": "\n".join(lines), "index": {}, "books": {}}
        if status == 0:
            result["index"] = json.loads((out / "downloads.json").read_text(encoding="utf-8"))
            result["books"] = {lang: _read(out / f"handbook-{lang}.pdf") for lang in LANGS}
        return result

    result = once_per_run(tmp_path_factory, "pdf-books", compute)
    assert result["status"] == 0, result["output"]
    return result


@pytest.mark.parametrize("lang", LANGS)
def test_book_has_cover_contents_and_page_numbers(books, lang):
    data = books["books"][lang]
    entries = book.entries(DOCS / lang)
    assert data["pages"] >= len(entries) + 2  # every section and question starts a page
    assert data["lang"] == lang
    text = strings.in_language(lang)["book"]
    assert normal(text["contents"]) in normal(data["text"]["1"])
    last = data["pages"]
    assert f"{last} / {last}" in data["text"][str(last - 1)]  # page numbers: "n / total"
    index = dict(books["index"][lang])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", index.pop("built"))
    assert index == {"file": f"handbook-{lang}.pdf", "bytes": data["bytes"], "pages": last}
    assert data["bytes"] <= 10 * 1024 * 1024


@pytest.mark.parametrize("lang", LANGS)
def test_bookmarks_follow_the_catalog(books, lang):
    outline = books["books"][lang]["outline"]
    entries = book.entries(DOCS / lang)
    expected = []
    for entry in entries:
        if entry.kind == "question":
            expected[-1][1].append(entry.title)
        else:
            expected.append((entry.title, []))
    assert outline[0][0] == strings.in_language(lang)["book"]["contents"]
    assert [(title, [child[0] for child in children]) for title, _, children in outline[1:]] == expected
    pages = []
    for _, page, children in outline:
        pages += [page] + [child[1] for child in children]
    assert pages == sorted(pages), "bookmarks are not in page order"


@pytest.mark.parametrize("lang", LANGS)
def test_every_title_is_in_the_text_where_its_bookmark_points(books, lang):
    data = books["books"][lang]
    pages = {title: page for title, page, children in data["outline"]
             for title, page in [(title, page)] + [(child[0], child[1]) for child in children]}
    missing = [entry.title for entry in book.entries(DOCS / lang)
               if normal(entry.title) not in normal(data["text"][str(pages[entry.title])])]
    assert not missing, missing
    if lang == "zh":  # CJK text extracts as ideographs (面), not as look-alike Kangxi radicals (⾯)
        assert "面试宝典" in re.sub(r"\s+", "", data["text"]["0"])


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded_and_no_type3(books, lang):
    fonts = books["books"][lang]["fonts"]
    assert fonts
    type3 = [name for name, font in fonts.items() if font["subtype"] == "/Type3"]
    assert not type3, f"fonts drawn as Type 3 (not embedded as fonts): {type3}"
    missing = [name for name, font in fonts.items() if not font["embedded"]]
    assert not missing, f"fonts not embedded: {missing}"
    assert any("NotoSansCJK" in name for name in fonts)
    # formulas in the site's math font (scripts/dev/fonts.py), embedded as a real font
    assert any("HBMath" in name for name in fonts), sorted(fonts)


@pytest.mark.parametrize("lang", LANGS)
def test_links_jump_inside_the_book(books, lang):
    data = books["books"][lang]
    internal = data["internal_links"]
    assert not data["dangling"], data["dangling"][:10]
    # the contents list links every page; errata rows link to boxes on question pages
    assert {f"/{entry.key}" for entry in book.entries(DOCS / lang)} <= set(internal)
    assert any(link.startswith("/b.") and ":erratum-" in link for link in internal)
    assert data["external_links"] > 0


def test_a_book_past_the_limit_is_printed_in_volumes(built_site, browser, tmp_path):
    """scripts/outputs/volumes.py with the PDF printer: past the limit, a volume per
    section and one for the errata, each with its own cover, contents and
    bookmarks; downloads.json lists them and keeps the EPUB's entry."""
    from pypdf import PdfReader

    from scripts.outputs.pdf import make

    (tmp_path / "downloads.json").write_text(json.dumps({"en": {"epub": {"file": "handbook-en.epub"}}}))
    lines: list[str] = []
    limit = 1_500_000  # the English book is about 1.9 MB
    assert make(built_site, langs=("en",), out_dir=tmp_path, echo=lines.append, browser=browser, limit=limit) == 0
    entry = json.loads((tmp_path / "downloads.json").read_text(encoding="utf-8"))["en"]
    assert entry["epub"] == {"file": "handbook-en.epub"}
    assert "file" not in entry and entry["volumes"]
    entries = book.entries(DOCS / "en")
    sections = [e for e in entries if e.kind == "section"]
    assert len(entry["volumes"]) == len(sections) + 1
    titles = []
    for volume, section in zip(entry["volumes"], sections + [entries[-1]]):
        path = tmp_path / volume["file"]
        assert volume["bytes"] == path.stat().st_size <= limit
        reader = PdfReader(path)
        assert volume["pages"] == len(reader.pages)
        assert section.title in volume["title"] and normal(section.title) in normal(reader.pages[0].extract_text())
        titles += [item.title for item in reader.outline if not isinstance(item, list)][1:]
    assert titles == [e.title for e in entries if e.kind != "question"]
    assert entry["pages"] == sum(v["pages"] for v in entry["volumes"])
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == sorted(v["file"] for v in entry["volumes"])
