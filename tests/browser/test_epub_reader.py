"""The EPUB books in a real reading engine: epub.js (npm, pinned in
package-lock.json) rendering them in Chromium, paginated on a 6-inch-like
screen, as a reader pages through them. A screenshot of each of the first
pages and of the chapters with formulas and figures goes to
test-artifacts/epub/ for a look. The engine must find the metadata and the
contents by section and question, render MathML and the SVG figures, follow
a link from the errata to the question it names, and request nothing from
any host but the local one."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.content.layout import DOCS, ROOT
from scripts.outputs import book
from tests.conftest import serve_folder
from tests.outputs.test_epub import make_books

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "epub"
READER = """<!doctype html><html><head><meta charset="utf-8"><title>epub.js</title>
<style>body{margin:0;background:#fff}#area{width:600px;height:800px}</style></head>
<body><div id="area"></div><script src="jszip.min.js"></script><script src="epub.min.js"></script>
<script>
  window.book = ePub(new URLSearchParams(location.search).get("book"));
  window.rendition = book.renderTo("area", {width: 600, height: 800, flow: "paginated", spread: "none"});
  window.opened = book.ready.then(() => rendition.display()).then(() => true);
</script></body></html>"""
PAGES = 12  # a first look at the cover, title page, contents and the first chapters


@pytest.fixture(scope="module")
def reader(tmp_path_factory, built_site):
    """A folder served on 127.0.0.1 with epub.js, JSZip, a reader page and the books."""
    modules = ROOT / "node_modules"
    if not (modules / "epubjs" / "dist" / "epub.min.js").is_file():
        pytest.fail("epub.js is not installed: run `npm ci` (make test does)", pytrace=False)
    books = make_books(tmp_path_factory, built_site)
    folder = tmp_path_factory.mktemp("reader")
    shutil.copy(modules / "epubjs" / "dist" / "epub.min.js", folder)
    shutil.copy(modules / "jszip" / "dist" / "jszip.min.js", folder)
    (folder / "index.html").write_text(READER, encoding="utf-8")
    for path in Path(books["dir"]).glob("*.epub"):
        shutil.copy(path, folder)
    server = serve_folder(folder)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _open(page, reader: str, lang: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 600, "height": 800})
    page.goto(f"{reader}index.html?book=handbook-{lang}.epub")
    assert page.evaluate("window.opened") is True
    return requests


def _offsite(requests: list[str]) -> list[str]:
    """Requests that left this machine (epub.js serves the book's files as blob: URLs)."""
    return [url for url in requests if urlsplit(url).scheme not in ("blob", "data")
            and urlsplit(url).hostname != "127.0.0.1"]


def _location(page) -> str:
    return page.evaluate("rendition.currentLocation().start.href")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_epubjs_opens_the_book_and_pages_through_it(page, reader, lang):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    requests = _open(page, reader, lang)
    metadata = page.evaluate("book.packaging.metadata")
    assert metadata["language"] == lang and metadata["title"]
    toc = page.evaluate("book.navigation.toc.map(i => [i.label.trim(), i.subitems.map(s => s.label.trim())])")
    expected = []
    for entry in book.entries(DOCS / lang):
        if entry.kind == "question":
            expected[-1][1].append(entry.title)
        else:
            expected.append([entry.title, []])
    assert toc == expected
    seen = []
    for number in range(PAGES):
        page.wait_for_timeout(150)
        page.screenshot(path=str(ARTIFACTS / f"{lang}-{number:02d}.png"))
        location = page.evaluate("rendition.currentLocation().start.cfi")
        assert location not in seen, "paging did not move on"
        seen.append(location)
        page.evaluate("rendition.next()")
    assert not _offsite(requests)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_formulas_figures_and_links_render_in_the_reader(page, reader, lang):
    requests = _open(page, reader, lang)
    formulas = "b.machine-learning.discriminative-vs-generative.xhtml"
    page.evaluate("href => rendition.display(href)", formulas)
    frame = page.frame_locator("#area iframe")
    math = frame.locator("math").first
    math.wait_for()
    box = math.bounding_box()
    assert box and box["width"] > 5 and box["height"] > 5, "MathML did not render"
    page.screenshot(path=str(ARTIFACTS / f"{lang}-formulas.png"))
    # a page with a figure: the SVG image loads from the book
    page.evaluate("href => rendition.display(href)", "b.ai-painting.dreambooth.xhtml")
    figure = frame.locator("figure img").first
    figure.wait_for(state="attached")
    page.evaluate("""async () => {
      for (let i = 0; i < 40; i++) {
        const doc = document.querySelector('#area iframe').contentDocument;
        const img = doc.querySelector('figure img');
        if (img && img.complete && img.naturalWidth > 0) return;
        await rendition.next();
      }
      throw new Error('the figure never loaded');
    }""")
    page.screenshot(path=str(ARTIFACTS / f"{lang}-figure.png"))
    # the errata link to a correction box jumps to its question's chapter
    page.evaluate("rendition.display('b.errata.xhtml')")
    link = frame.locator('a[href*=":erratum-"]').first
    target = link.get_attribute("href").split("#")[0]
    link.click()
    page.wait_for_function("target => (rendition.currentLocation() || {}).start?.href === target", arg=target,
                           timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / f"{lang}-errata-link.png"))
    assert _location(page) == target and target.startswith("b.") and target != "b.errata.xhtml"
    assert not _offsite(requests)

