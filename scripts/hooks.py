"""MkDocs hooks: what the build of one language does (mkdocs.yml `hooks:`).

`make build` runs one engine process per language (scripts/outputs/site.py);
each builds `docs/<lang>/` as a site of its own with mkdocs-static-i18n's
`build_only_locale`, and the two are merged into one `site/`. So every event
here sees a single language. This module only wires the stages together;
the rules live in the packages, which `make check` and the tests use too:

* content model, order and UI strings: scripts/content/
* page-time work (generated lists, key points, math, typography, safety, dates): scripts/build/
* per-language outputs (search index, practice data, Anki deck): scripts/outputs/
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import sys
from pathlib import Path

# mkdocs loads this file by path; make the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from scripts.build import bundle, cram, engine, generate, highlight, history, icons, social, typography  # noqa: E402
from scripts.build.mathml import MathError, to_mathml  # noqa: E402
from scripts.build.safety import locate, scan  # noqa: E402
from scripts.content import catalog, git, strings  # noqa: E402
from scripts.content.findings import Finding  # noqa: E402
from scripts.content.layout import CRAM, LANG_TAGS, LANGS, MATH_FONT, display, kind, lang_root, missing_translations, page_url  # noqa: E402
from scripts.content.page import body_start  # noqa: E402
from scripts.content.placeholders import find_placeholders  # noqa: E402
from scripts.outputs import anki, cards, feed, llms, pdf_fonts, practice, search  # noqa: E402

log = logging.getLogger("mkdocs.plugins.handbook")

# pymdownx.arithmatex in `generic` mode wraps formulas like this.
_MATH = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.+?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<block>.+?)\\\]</div>',
    re.S,
)


class _Build:
    """What one build process knows: its language, the catalog and the strings."""

    lang: str = LANGS[0]
    catalog: catalog.Catalog | None = None
    text: dict = {}
    serving = False  # `mkdocs serve`: search is indexed in the background
    command: str = "build"
    sprite = icons.Sprite()  # the icons of this language's pages (scripts/build/icons.py)
    bundles: dict = {}  # the parts of hb.css and hb.js (scripts/build/bundle.py)


def _fail(findings: list[Finding]) -> PluginError:
    """Findings (path:line: [rule] message) as the error that stops the build."""
    return PluginError("\n".join(map(str, findings)))


def language(config) -> str:
    """The language this process builds (mkdocs-static-i18n's build_only_locale)."""
    i18n = config["plugins"].get("i18n")
    return (i18n.config.build_only_locale if i18n else None) or LANGS[0]


def on_env(env, config, files, **kwargs):
    """hb_json: Jinja's tojson, compact and with non-ASCII text as it is; as safe
    inside <script> (<, >, & and ' escaped as tojson escapes them)."""
    def hb_json(value) -> Markup:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
            text = text.replace(char, escaped)
        return Markup(text)

    env.filters["hb_json"] = hb_json
    return env


def on_startup(command, dirty, **kwargs):
    _Build.command = command
    _Build.serving = command == "serve"


def on_config(config, **kwargs):
    docs = Path(config["docs_dir"])
    missing = missing_translations(docs)
    if missing:
        raise _fail(missing)
    _Build.lang = language(config)
    reserved = docs / _Build.lang / CRAM
    if reserved.exists():  # the cram sheet's generated pages live there (scripts/build/cram.py)
        raise _fail([Finding(display(reserved), 1, "cram-reserved",
                             f"the folder name {CRAM!r} is reserved for the cram sheet's pages; rename the folder")])
    _Build.catalog = catalog.load(docs / _Build.lang)
    _Build.text = strings.in_language(_Build.lang)
    try:  # every page's date, from one git call; a git failure stops the build here, with git's message
        history.last_commits(docs.resolve())
        history.authors(docs / "index.md", docs)
    except git.GitError as exc:
        raise _fail([Finding(display(docs), 1, "git", str(exc))]) from None
    # The nav is derived from the file tree (scripts/content/catalog.py), never listed by hand.
    config["nav"] = _Build.catalog.nav(home_label=_Build.text["generated"]["home_label"])
    config["extra"]["hb"] = _Build.text
    config["extra"]["hb_lang"] = _Build.lang
    # The 404 page speaks every language (mkdocs-static-i18n writes one for the site).
    config["extra"]["hb_not_found"] = [{"lang": LANG_TAGS[lang], "root": lang_root(lang),
                                        "id": "not-found" + (f"-{lang}" if lang_root(lang) else ""),
                                        **strings.in_language(lang)["not_found"]} for lang in LANGS]
    # The site root relative to this language's root: the page scripts scope
    # what a reader stores by it (overrides/partials/javascripts/base.html).
    site_root = "../" * lang_root(_Build.lang).count("/")
    config["extra"]["hb_site_root"] = site_root
    # Offline reading (a service worker at the site root, scripts/outputs/offline.py)
    # only in built sites: in `make serve` a worker would serve stale files.
    config["extra"]["hb_offline"] = {"site_root": site_root} if _Build.command == "build" else None
    # The heading links' tooltip in this language (toc's default is English on every page).
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = _Build.text["generated"]["permalink"]
    # The math font, preloaded by pages with a formula (overrides/main.html).
    config["extra"]["hb_math_font"] = MATH_FONT
    # The site's stylesheets and scripts load as one file each (scripts/build/bundle.py).
    try:
        _Build.bundles = bundle.take(config)
    except bundle.BundleError as exc:
        raise _fail([_config_finding(config, exc.needle, str(exc))]) from None
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    rel = _rel(page)
    source = _source(page, config)
    page.meta["revision_date"] = history.updated(source, Path(config["docs_dir"]), _Build.lang)
    if page.file.generated_by:  # a cram sheet page: nothing to edit on GitHub
        page.edit_url = None
    # A half-written page: a warning, so `make serve` still previews it while
    # the strict build (and `make check`, which reports it as an error) fails.
    for line, text in find_placeholders(source.read_text(encoding="utf-8-sig").splitlines()):
        log.warning(str(Finding(display(source), line, "placeholder", f"unfilled placeholder {text!r}")))
    return generate.expand(markdown, rel, kind(rel), _Build.catalog, _Build.text, page.meta,
                           docs=Path(config["docs_dir"]), lang=_Build.lang, repo_url=config.get("repo_url") or "")


def on_page_content(html_text, page, config, files, **kwargs):
    source = _source(page, config)
    problems = scan(html_text)
    if problems:
        lines = source.read_text(encoding="utf-8-sig").splitlines()
        start = body_start(lines)
        raise _fail([Finding(display(source), locate(lines, p.needle, start), p.rule, p.message) for p in problems])

    def render(match: re.Match) -> str:
        display_math = match.group("block") is not None
        tex = html.unescape(match.group("block") if display_math else match.group("inline"))
        try:
            mathml = to_mathml(tex, display=display_math)
        except MathError as exc:
            line = _line_of(source.read_text(encoding="utf-8-sig"), tex)
            raise _fail([Finding(display(source), line, "math", f"{exc}: {tex.strip()[:60]}")]) from None
        # Display formulas keep a focusable wrapper so they can scroll sideways
        # (also by keyboard) when wider than the screen; inline ones get a
        # wrapper that becomes a scroll box when a formula is wider than the
        # column (overrides/assets/javascripts/overflow.js).
        if display_math:
            return f'<div class="arithmatex" tabindex="0">{mathml}</div>'
        return f'<span class="hb-math-inline">{mathml}</span>'

    # Then Chinese typography and phone tables (scripts/build/typography.py):
    # punctuation kept with its formula, upright Chinese emphasis, labelled
    # cells; and code blocks with fewer elements (scripts/build/highlight.py).
    return highlight.compact(typography.typeset(_MATH.sub(render, html_text)))


@event_priority(-50)  # after mkdocs-static-i18n (50) has set its own alternates
def on_page_context(context, page, config, nav, **kwargs):
    rel = _rel(page)
    authors = history.authors(_source(page, config), Path(config["docs_dir"]))
    context["hb_page"] = generate.page_info(rel, kind(rel), page.meta, _Build.text, authors)
    # Material renders `tags` (partials/tags.html): translated names, linking
    # to this language's tags page. The tags plugin is not used.
    context["tags"] = [{"name": t["name"], "url": f"tags/#tag-{t['id']}"} for t in context["hb_page"]["tags"]]
    # The language menu links to the same page in the other language; the
    # path is the same in both, so the link is relative and works under any
    # sub-path (the preview artifact, a fork, a local server).
    config["extra"]["alternate"] = generate.alternates(page.url, _Build.lang, _languages(config))
    # Link previews, the feed link, "copy as Markdown" and JSON-LD (overrides/partials/social.html).
    source = _source(page, config)
    context["hb_social"] = social.head(
        rel=rel, page_kind=kind(rel), title=page.title or "", lang=_Build.lang,
        description=page.meta.get("description") or config.get("site_description") or "",
        language_url=_language_url(config), site_name=config["site_name"],
        titles=social.card_titles(_Build.catalog, config["site_name"]), text=_Build.text, meta=page.meta,
        modified=history.updated_day(source, Path(config["docs_dir"])).isoformat())
    return context


@event_priority(-110)  # after mkdocs-static-i18n (-100), which rebuilds every docs file from the disk
def on_files(files, config, **kwargs):
    """Drop Material's lunr search worker and its language files (about 1 MB a
    language): search runs on Pagefind (scripts/outputs/search.py). Drop the
    source maps of Material's minified bundles (1 MB a language; only a
    developer tool reads them). Drop the service worker's source too:
    scripts/outputs/offline.py writes it, versioned, to the root of the merged site."""
    for file in list(files):
        if file.src_uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")) \
                or file.src_uri.endswith(".min.js.map") or file.src_uri.endswith(".min.css.map") \
                or file.src_uri == "sw.js":
            files.remove(file)
    try:
        bundle.write(files, config, _Build.bundles)
    except bundle.BundleError as exc:
        raise _fail([_config_finding(config, exc.needle, str(exc))]) from None
    # The cram sheet's page per section (scripts/build/cram.py): generated
    # Markdown, outside the nav, built and link-checked like any page.
    if _Build.catalog is not None and _Build.catalog.has_page("cram.md"):
        for section in _Build.catalog.sections:
            page = File.generated(config, f"{_Build.lang}/{cram.rel(section.slug)}",
                                  content=cram.source(section, _Build.text), inclusion=InclusionLevel.NOT_IN_NAV)
            page.dest_uri = page_url(cram.rel(section.slug)) + "index.html"  # where i18n puts this language's pages
            files.append(page)
    return files


@event_priority(100)  # before minify_html, which rewrites the icons' markup
def on_post_page(output, page, config, **kwargs):
    if page.url == "404.html":  # served at any depth: its icons stay inline
        return output
    return _Build.sprite.use(output, "../" * page.url.count("/"))


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    _Build.sprite.write(site)
    practice.write(site, _Build.catalog, _Build.text, _Build.lang)
    practice.write_strings(site, _Build.text)
    anki.write(site, _Build.catalog, _Build.text, _Build.lang, config)
    docs = Path(config["docs_dir"])
    try:  # new and changed questions come from git history: a git failure stops the build
        feed.write(site, _Build.catalog, _Build.text, _Build.lang, config, docs / _Build.lang)
    except git.GitError as exc:
        raise _fail([Finding(display(docs), 1, "git", str(exc))]) from None
    llms.write(site, _Build.catalog, _Build.text, config, docs / _Build.lang)
    if _Build.command == "build":  # link-preview cards: a preview (`make serve`) is not shared
        try:
            cards.write(site, _Build.catalog, _Build.text, config["site_name"],
                        footer=_language_url(config).split("://", 1)[-1])
        except pdf_fonts.FontMissing as exc:
            # Under CI (the deploy job, the tests) a missing font is an error; a
            # contributor's machine (macOS has no Noto Sans CJK) builds without cards.
            if os.environ.get("CI", "").lower() == "true":
                raise _fail([Finding(display(docs), 1, "cards", str(exc))]) from None
            log.info(f"{engine.NOTICE} link-preview cards not drawn: {exc}")
    if _Build.serving:
        search.index_in_background(site, _Build.lang)
    else:
        search.index(site, _Build.lang)


def _config_finding(config, needle: str, message: str) -> Finding:
    """A finding in mkdocs.yml at the first line that names `needle`."""
    path = Path(config.config_file_path)
    return Finding(display(path), _line_of(path.read_text(encoding="utf-8"), needle), "bundle", message)


def _language_url(config) -> str:
    """The absolute address of this build's language root (mkdocs-static-i18n sets
    site_url per language, as the canonical links show)."""
    url = config.get("site_url") or "/"
    return url if url.endswith("/") else url + "/"


def _source(page, config) -> Path:
    """A page's Markdown file; for a page the build generates (a cram sheet
    page), the file it comes from (cram.md): its date, its line numbers."""
    if page.file.abs_src_path:
        return Path(page.file.abs_src_path)
    return Path(config["docs_dir"]) / _Build.lang / "cram.md"


def _rel(page) -> str:
    """Path of a page's source relative to its language folder."""
    src = page.file.src_uri
    parts = src.split("/")
    return "/".join(parts[1:]) if parts[0] in LANGS else src


def _languages(config) -> list[tuple[str, str]]:
    """(locale, name) of every language, as listed in mkdocs.yml's i18n plugin."""
    i18n = config["plugins"].get("i18n")
    return [(lang.locale, lang.name) for lang in i18n.config.languages] if i18n else [(_Build.lang, _Build.lang)]


def _line_of(text: str, needle: str) -> int:
    """1-based number of the first line of `text` that holds the first line of
    `needle` (a formula, a mkdocs.yml entry); 1 if none does."""
    first = needle.strip().splitlines()[0] if needle.strip() else ""
    return next((number for number, line in enumerate(text.splitlines(), 1) if first and first in line), 1)
