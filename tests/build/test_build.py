"""The strict build of the real site: both languages, nothing off-site, and the
build-time rules of scripts/hooks.py (missing translation, bad math)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.content import strings
from scripts.content.layout import LANGS
from tests.conftest import BUILD_URL, ROOT, copy_project, mkdocs_build, question_with
from tests.html import attr, hrefs, parse

# Tags whose attributes make the browser fetch something on page load.
FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
            "video": "src", "embed": "src", "object": "data", "track": "src"}
FETCHING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch",
                      "preconnect", "dns-prefetch", "apple-touch-icon"}


class ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in FETCHING and attrs.get(FETCHING[tag]):
            self.urls.append(attrs[FETCHING[tag]])
        if tag == "link" and set((attrs.get("rel") or "").split()) & FETCHING_LINK_RELS:
            self.urls.append(attrs.get("href") or "")
        if attrs.get("style"):
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", attrs["style"])


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def content_pages(site: Path, lang: str) -> set[str]:
    """Page folders of one language, relative to that language's root."""
    base = site / "en" if lang == "en" else site
    found = set()
    for page in base.rglob("index.html"):
        rel = page.relative_to(base).as_posix()
        if lang == "zh" and rel.startswith("en/"):
            continue
        found.add(rel)
    return found


def test_both_languages_have_the_same_pages(built_site):
    zh, en = content_pages(built_site, "zh"), content_pages(built_site, "en")
    assert "index.html" in zh and "index.html" in en
    assert len(zh) >= 3, zh
    assert zh == en, f"only in Chinese: {sorted(zh - en)}; only in English: {sorted(en - zh)}"


def test_every_source_page_is_built_in_its_language(built_site):
    for lang, folder, source in _source_pages():
        out = built_site / ("en/" if lang == "en" else "") / folder / "index.html"
        assert out.exists(), f"{source.path} was not built to {out}"
        assert attr(out, "html", "lang") == lang


def test_no_page_references_an_offsite_resource(built_site, site_url):
    host = urlsplit(site_url).netloc
    offenders = []
    for page in html_pages(built_site):
        collector = ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for url in collector.urls:
            absolute = urljoin(site_url + page.relative_to(built_site).as_posix(), url)
            parts = urlsplit(absolute)
            if parts.scheme != "data" and parts.netloc != host:
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_no_google_fonts_or_cdn_in_pages_or_styles(built_site):
    # Theme JavaScript may mention CDNs for features this site does not use
    # (e.g. Mermaid); the browser test proves none of them is requested.
    hits = [p for p in built_site.rglob("*") if p.suffix in {".html", ".css"}
            and re.search(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs",
                          p.read_text(encoding="utf-8", errors="replace"))]
    assert not hits, hits


def test_the_site_ships_only_what_readers_use(built_site):
    # At 3,000 pages every byte a page repeats counts (benchmarks/README.md):
    # no source maps, no Pagefind UI bundles (Material's dialog is the UI),
    # no per-line code anchors, and the repository icon drawn once in CSS.
    extra = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
             if p.suffix == ".map" or p.name.startswith(("pagefind-ui", "pagefind-component-ui",
                                                         "pagefind-modular-ui", "pagefind-highlight"))]
    assert not extra, extra
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert "__codelineno-" not in "".join(p.read_text(encoding="utf-8") for p in html_pages(built_site))
    source = parse(page).css_first(".md-source__icon")
    assert source is not None and source.css_first("svg") is None, "repository icon inlined again"


def test_math_is_rendered_to_mathml_at_build_time(built_site):
    pages = [parse(p) for p in html_pages(built_site)]
    leftovers = [n.text() for tree in pages for n in tree.css(".arithmatex") if n.text().strip().startswith("\\")]
    assert not leftovers, f"a formula was left as TeX source: {leftovers[:3]}"
    assert any(tree.css_first("math") for tree in pages), "no formula rendered anywhere"


def test_404_page_serves_readers_of_both_languages(built_site):
    # GitHub Pages serves 404.html at any depth, so its links are absolute (site_url).
    site_url = BUILD_URL
    page = built_site / "404.html"
    langs = {node.attributes.get("lang") for node in parse(page).css("section[lang]")}
    assert {"zh-Hans", "en"} <= langs
    targets = {urljoin(site_url, href) for href in hrefs(page, ".hb-404 a")}
    assert targets == {site_url, site_url + "en/"}


def test_a_missing_translation_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path)
    victim = next((project / "docs/en").rglob("*/*.md"), project / "docs/en/index.md")
    victim.unlink()
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/")
    output = result.output
    assert result.status == 1
    assert f"{victim.relative_to(project).as_posix()}:1: [i18n-missing]" in output, output
    assert "Traceback" not in output


def test_an_unbalanced_formula_fails_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs/zh/index.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append(r"坏公式 $\frac{a}{b$ 在这里。")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/")
    output = result.output
    assert result.status == 1
    assert f"docs/zh/index.md:{len(lines)}: [math]" in output, output
    assert "Traceback" not in output


def _source_pages():
    from scripts.content.layout import DOCS, lang_of, page_url, pages, rel_of
    from scripts.content.page import Page

    for path in pages(DOCS):
        yield lang_of(path), page_url(rel_of(path)), Page(path)


def test_every_page_has_its_own_description_and_canonical_url(built_site):
    for lang, folder, source in _source_pages():
        prefix = "en/" if lang == "en" else ""
        out = built_site / prefix / folder / "index.html"
        assert attr(out, 'meta[name="description"]', "content") == source.meta["description"], (lang, folder)
        assert attr(out, 'link[rel="canonical"]', "href") == BUILD_URL + prefix + folder


def test_sitemap_pairs_every_page_with_its_translation(built_site):
    site_url = BUILD_URL
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    by_loc = {re.search(r"<loc>(.*?)</loc>", e)[1]: dict(re.findall(r'hreflang="(\w+)" href="([^"]*)"', e))
              for e in entries}
    for lang, folder, _ in _source_pages():
        loc = site_url + ("en/" if lang == "en" else "") + folder
        assert by_loc.get(loc) == {"zh": site_url + folder, "en": site_url + "en/" + folder}, loc


def test_unsafe_content_fails_the_build_at_its_line_with_the_checks_rule(tmp_path):
    """The build applies the same rule as `make check` (scripts/build/safety.py)."""
    project = copy_project(tmp_path)
    page = project / "docs/en/python/assert.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines += ["", '[a link](&#106;avascript:alert(1))', "", '<img', '  src="x.png"', '  onerror="alert(1)">']
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", lang="en")
    output = result.output
    assert result.status == 1
    assert f"docs/en/python/assert.md:{len(lines) - 4}: [unsafe-url]" in output, output
    assert f"docs/en/python/assert.md:{len(lines)}: [unsafe-event]" in output, output
    assert "Traceback" not in output


def test_a_placeholder_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs/zh/python/assert.md"
    text = page.read_text(encoding="utf-8").replace("## 简答 { #short-answer }\n",
                                                    "## 简答 { #short-answer }\n\n[[TODO: 写出简答]]\n", 1)
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("[[TODO: 写出简答]]") + 1
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/")
    assert result.status == 1
    assert f"docs/zh/python/assert.md:{line}: [placeholder]" in result.output


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    from scripts.outputs.site import build

    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    page = project / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    lines: list[str] = []
    assert build(site, config_file=project / "mkdocs.yml", site_url="http://127.0.0.1/", echo=lines.append) == 1
    assert (site / "index.html").read_text() == "previous build"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    assert any("[unsafe-html]" in line for line in lines), lines


def test_every_link_is_relative_so_the_preview_works_under_any_path(built_site):
    """The site-preview artifact is opened from wherever it is unzipped: every
    link, script, stylesheet and image of every page (language switch
    included) must resolve inside the folder, whatever its path. Only the
    canonical link (for search engines) and the 404 page (served at any
    depth by GitHub Pages) name the production address."""
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel.endswith(("404.html", "offline.html")) or rel.startswith(("assets/", "en/assets/")):
            continue
        tree = parse(page)
        urls = [(n.attributes.get("href"), n.tag) for n in tree.css("a[href], link[href]")
                if n.attributes.get("rel") != "canonical"]
        urls += [(n.attributes.get("src"), n.tag) for n in tree.css("script[src], img[src]")]
        for url, tag in urls:
            parts = urlsplit(url or "")
            if parts.scheme in ("mailto", "javascript") or (not parts.path and not parts.netloc):
                continue  # same-page anchors
            if parts.netloc:
                if parts.netloc == urlsplit(BUILD_URL).netloc:
                    broken.append(f"{rel}: <{tag}> {url} names the production host")
                continue  # a link to another site
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(built_site.resolve()) or not target.exists():
                broken.append(f"{rel}: <{tag}> {url} does not resolve inside the site")
    assert not broken, "\n".join(sorted(set(broken))[:30])


def test_long_sections_show_a_window_of_the_sidebar(tmp_path):
    """overrides/partials/nav-item.html: a page of a long section lists only its
    neighbours (and a link to the section's index page, which lists them all),
    so a page's size does not grow with its section."""
    from scripts.dev.bench.corpus import make_corpus

    make_corpus(tmp_path, 300)  # 30 questions in each of 10 sections
    result = mkdocs_build(tmp_path, tmp_path / "out", "http://127.0.0.1/")
    assert result.status == 0, result.output[-2000:]
    middle = tmp_path / "out/ai-painting/q00150/index.html"
    first = tmp_path / "out/ai-painting/q00000/index.html"
    window = int(re.search(r"set hb_window = (\d+)", (ROOT / "overrides/partials/nav-item.html").read_text())[1])
    siblings = {h for h in hrefs(middle, ".md-sidebar--primary a") if re.fullmatch(r"\.\./q\d{5}/", h)}
    assert 2 * window - 2 <= len(siblings) <= 2 * window + 1, sorted(siblings)  # `window` on each side
    assert window <= 8  # a page must not carry a large part of its section
    assert len(parse(middle).css(".md-sidebar--primary .hb-nav__more")) == 2
    assert len(parse(first).css(".md-sidebar--primary .hb-nav__more")) == 1


def test_serve_and_build_need_only_the_site_packages(tmp_path):
    """make serve and make build install requirements.txt only: nothing they run
    (the CLI, the hooks, both language builds) may import a check or test tool."""
    import os
    import subprocess
    import sys

    # Pillow is in the site layer: the build draws the link-preview cards (scripts/outputs/cards.py).
    blocked = ["jsonschema", "autocorrect_py", "matplotlib", "sklearn", "optuna", "pytest", "playwright",
               "pypdf", "rumdl", "ebooklib"]
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import sys\n"
        f"BLOCKED = {blocked!r}\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ImportError(f'{name} is not in the site layer')\n"
        "sys.meta_path.insert(0, Block())\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{guard}{os.pathsep}{ROOT}"}
    done = subprocess.run([sys.executable, "-m", "scripts.docs", "build", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (tmp_path / "site/en/index.html").exists()


def test_the_cram_sheets_generated_pages_are_link_checked(tmp_path):
    """The cram sheet's page per section is generated (scripts/build/cram.py), yet
    the strict build checks its links like any page's: a sheet whose links
    forgot that it lives in cram/ fails the build."""
    project = copy_project(tmp_path / "project")
    source = project / "scripts" / "build" / "cram.py"
    text = source.read_text(encoding="utf-8")
    assert 'return "../" + target' in text
    source.write_text(text.replace('return "../" + target', "return target"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", lang="en")
    assert result.status != 0
    assert "cram/ai-painting.md" in result.output and "ai-painting/dreambooth.md" in result.output


def test_a_section_named_cram_fails_the_build(tmp_path):
    """cram/ is where the build puts the cram sheet's pages: a folder of that name is refused."""
    project = copy_project(tmp_path / "project")
    for lang in ("zh", "en"):  # in both languages, so only the name is wrong
        folder = project / "docs" / lang / "cram"
        folder.mkdir()
        (folder / "index.md").write_text("---\ntitle: Cram\n---\n\n# Cram\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", lang="en")
    assert result.status != 0 and "[cram-reserved]" in result.output and "docs/en/cram" in result.output


def test_heading_links_speak_the_pages_language(built_site):
    """toc's "¶" link tooltip comes from strings.yml per language (it was
    Python-Markdown's English "Permanent link" on Chinese pages too)."""
    for lang in LANGS:
        expected = strings.in_language(lang)["generated"]["permalink"]
        links = parse((built_site / question_with(lang=lang) / "index.html").read_text(encoding="utf-8")).css("a.headerlink")
        assert links and {link.attributes.get("title") for link in links} == {expected}, lang
