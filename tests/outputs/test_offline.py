"""The build's side of offline reading and printing (scripts/outputs/offline.py,
scripts/build/cram.py): the service worker's file lists and version, the
offline page, the manifests, the home page's block, the cram sheet, and no
worker in `make serve`. The worker itself runs in tests/browser/test_offline.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scripts.build.bundle import BUNDLES
from scripts.content import catalog
from scripts.content.layout import DOCS, LANGS, MATH_FONT, ROOT, lang_root, page_url
from scripts.outputs import offline
from tests.html import parse


def lists(site: Path) -> dict:
    return {lang: json.loads((site / "offline" / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGS}


def test_each_language_lists_its_pages_shell_and_search(built_site):
    for lang, listing in lists(built_site).items():
        root = lang_root(lang)
        files = listing["files"]
        pages = {root + page_url(rel) for rel in catalog.load(DOCS / lang).ordered_paths()}
        assert pages <= set(files), sorted(pages - set(files))
        assert all(url.startswith(root) for url in files), "a file of the other language or the root"
        assert not [url for url in files if url.endswith((".map", ".pdf", "sitemap.xml", "404.html", "sw.js"))]
        for url, (size, digest) in files.items():
            path = built_site / (url + "index.html" if url.endswith("/") or url == root else url)
            assert path.stat().st_size == size, url
            assert len(digest) == 16
        shell = {"questions.json", "strings.json", "search/search_index.json", *BUNDLES.values(),
                 "assets/javascripts/search-worker.js"}
        assert {root + name for name in shell} <= set(listing["shell"])
        assert any(url.endswith(".min.css") for url in listing["shell"])
        fragments = {p.relative_to(built_site).as_posix() for p in (built_site / root / "pagefind/fragment").iterdir()}
        assert {root + "pagefind/pagefind.js", root + "pagefind/pagefind-entry.json"} | fragments \
            <= set(listing["search"])
        figure = root + "ai-painting/dreambooth/"
        # its figure, its clean Markdown, which "copy as Markdown" fetches (also offline),
        # and the math font, which its formulas use; a page without a formula does without it
        assert listing["pages"][figure] == sorted([root + "ai-painting/dreambooth/index.md",
                                                   root + "ai-painting/img/dreambooth-prior-preservation.svg",
                                                   root + MATH_FONT])
        assert root + MATH_FONT in files and root + MATH_FONT not in listing["shell"]
        assert root + MATH_FONT not in listing["pages"].get(root, [])


def test_worker_offline_page_and_manifests(built_site):
    builds = {listing["build"] for listing in lists(built_site).values()}
    assert len(builds) == 1
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert f"var BUILD = {json.dumps(builds.pop())};" in worker
    assert "__HB_BUILD__" not in worker and "__HB_LANGS__" not in worker
    assert not (built_site / "en" / "sw.js").exists()
    page = parse(built_site / "offline.html")
    assert {node.attributes.get("lang") for node in page.css("section[lang]")} == {"zh-Hans", "en"}
    assert len(page.css('a[href^="__HB_SCOPE__"]')) == 2
    for lang in LANGS:
        manifest = json.loads((built_site / lang_root(lang) / "manifest.webmanifest").read_text("utf-8"))
        assert manifest["lang"] == lang and manifest["start_url"] == "./" and manifest["name"]
        assert (built_site / lang_root(lang) / manifest["icons"][0]["src"]).exists()
    assert json.loads((built_site / "downloads" / "downloads.json").read_text(encoding="utf-8")) == {}


def test_the_version_changes_with_the_content_only(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = lists(site)["zh"]["build"]
    assert offline.write(site) == before  # the same files: the same version
    page = site / "en" / "python" / "assert" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " (v2)</h1>", 1), encoding="utf-8")
    after = offline.write(site)
    assert after != before
    assert json.dumps(after) in (site / "sw.js").read_text(encoding="utf-8")
    url = "en/python/assert/"
    assert lists(site)["en"]["files"][url][1] != lists(built_site)["en"]["files"][url][1]


def test_pages_register_the_worker_only_in_built_sites(built_site):
    from mkdocs.config import load_config

    from scripts import hooks

    for folder, root in (("", "./"), ("en/ai-painting/dreambooth/", "../../../")):
        page = parse(built_site / folder / "index.html")
        assert page.css_first('meta[name="hb-site-root"]').attributes["content"] == root
        assert page.css_first('link[rel="manifest"]') is not None
    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        hooks.on_startup(command="serve", dirty=False)
        assert hooks.on_config(config)["extra"]["hb_offline"] is None
    finally:
        hooks.on_startup(command="build", dirty=False)
    assert hooks.on_config(config)["extra"]["hb_offline"] == {"site_root": ""}


def test_home_pages_offer_the_pdf_the_cram_sheet_and_saving(built_site):
    for lang in LANGS:
        page = parse(built_site / lang_root(lang) / "index.html")
        assert page.css_first("h2#offline") is not None
        block = page.css_first(".hb-offline")
        assert "data-pagefind-ignore" in block.attributes
        assert block.css_first("#offline-save") and block.css_first("#offline-remove")
        # its script's messages come from strings.json, like every page script's
        assert json.loads((built_site / offline.lang_root(lang) / "strings.json").read_text("utf-8"))["offline"]["save"]
        assert page.css_first('#offline ~ p a[href="cram/"]') is not None


def test_cram_sheet_is_an_index_and_a_page_per_section(built_site):
    """scripts/build/cram.py: cram/ lists the sections; cram/<section>/ holds every
    short answer and key point of that section, links back to the questions
    and to the neighbouring sections, and is left out of search."""
    for lang in LANGS:
        cat = catalog.load(DOCS / lang)
        root = built_site / lang_root(lang) / "cram"
        index = parse(root / "index.html")
        assert [a.attributes["href"] for a in index.css("#sections + ul a")] == [f"{s.slug}/" for s in cat.sections]
        titles, boxes, math = [], [], 0
        for number, section in enumerate(cat.sections):
            page = parse(root / section.slug / "index.html")
            sheet = page.css_first(".hb-cram")
            assert sheet.attributes.get("data-pagefind-ignore") == "all"
            assert [node.attributes["id"] for node in sheet.css("h2")] == [section.slug]
            links = sheet.css("h3.hb-cram__question > a:not(.headerlink)")
            titles += [node.text(deep=True).strip() for node in links]
            assert [a.attributes["href"] for a in links] == [f"../../{q.url}" for q in section.questions]
            boxes += [len(box.css("li")) for box in sheet.css(".hb-key-points")]
            math += len(sheet.css("math")) + 100 * len(sheet.css("span.arithmatex"))
            around = [a.attributes["href"] for a in page.css(".hb-cram__around a")]
            expected = ([f"../{cat.sections[number - 1].slug}/"] if number else []) + ["../"]
            expected += [f"../{cat.sections[number + 1].slug}/"] if number + 1 < len(cat.sections) else []
            assert around == expected, section.slug
        assert titles == [q.title for q in cat.questions()]
        assert boxes == [len(q.meta["key_points"]) for q in cat.questions()]
        assert 0 < math < 100  # MathML, no formula left as TeX
