"""Markdown the build writes into pages, derived from the catalog.

Authors write prose; lists that must stay in step with the file tree are
generated where a page has a marker line (or at its end if it has none):

* section index pages: `<!-- hb:questions -->`, the section's questions in order;
* the home page: `<!-- hb:contents -->`, every section with its questions,
  followed by `<!-- hb:practice -->`, where partials/content.html puts the
  practice bar (after the introduction and the contents, not above them);
* the tags page: `<!-- hb:tags -->`, every tag with its questions;
* the cram sheet: `<!-- hb:cram -->`, on cram.md the list of sections, on
  each section's generated cram page its short answers and key points
  (scripts/build/cram.py);
* the home page: `<!-- hb:offline -->`, the offline and print block, which
  overrides/assets/javascripts/offline.js brings to life;
* question pages: the front matter's `key_points`, right under the short answer.

The output is ordinary Markdown with relative `.md` links, so MkDocs
validates every generated link like a hand-written one, Pagefind indexes it
and the PDF prints it. Headings carry the same ids in both languages.
"""

from __future__ import annotations

import html
from pathlib import Path

from scripts.build import cram, status
from scripts.build.blocks import key_points_block
from scripts.content.catalog import Catalog
from scripts.content.layout import FEED, LLMS, lang_root, page_url
from scripts.content.markdown import insert_after_short_answer
from scripts.content.page import UPSTREAM_REPO
from scripts.content.strings import in_reader_order

MARKERS = {"section": "<!-- hb:questions -->", "home": "<!-- hb:contents -->", "tags": "<!-- hb:tags -->",
           "cram": "<!-- hb:cram -->", "offline": "<!-- hb:offline -->"}
PRACTICE_MARKER = "<!-- hb:practice -->"  # left in the HTML; the template replaces it
# Sections with more questions than this show the first ones on the home page
# and link to their index page for the rest, so the home page stays small.
HOME_PER_SECTION = 30


def _escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def _level_badge(meta: dict, text: dict) -> str:
    level = meta.get("level")
    name = text.get("levels", {}).get(level)
    return f'<span class="hb-level" data-level="{level}">{name}</span> ' if name else ""


def _insert(markdown: str, marker: str, block: str) -> str:
    if marker in markdown:
        return markdown.replace(marker, block, 1)
    return markdown.rstrip("\n") + "\n\n" + block + "\n"


def section_list(catalog: Catalog, section_slug: str, text: dict) -> str:
    section = catalog.section(section_slug)
    heading = f"## {text['generated']['questions_heading']} {{ #questions }}\n\n"
    if section is None or not section.questions:
        return heading + text["generated"]["no_questions"] + "\n"
    items = [f"{number}. {_level_badge(q.meta, text)}[{_escape(q.title)}]({q.slug}.md)"
             + (f"<br>{q.meta['description']}" if q.meta.get("description") else "")
             for number, q in enumerate(section.questions, 1)]
    return heading + "\n".join(items) + "\n"


def home_contents(catalog: Catalog, text: dict) -> str:
    g = text["generated"]
    rows = [f"## {g['contents_heading']} {{ #contents }}", "",
            f"| {g['contents_section']} | {g['contents_questions']} |", "| --- | --- |"]
    for section in catalog.sections:
        shown = section.questions[:HOME_PER_SECTION]
        links = "<br>".join(f"[{_escape(q.title)}]({q.rel})" for q in shown)
        if len(section.questions) > len(shown):
            more = g["all_questions"].replace("{n}", str(len(section.questions)))
            links += f"<br>[{more}]({section.rel}#questions)"
        rows.append(f"| [{_escape(section.title)}]({section.rel}) | {links or g['no_questions']} |")
    return "\n".join(rows) + "\n"


def tags_index(catalog: Catalog, text: dict, lang: str = "en") -> str:
    """Every tag with its questions, in the order a reader of `lang` looks
    names up (scripts/content/strings.py: pinyin in Chinese, A–Z in English)."""
    by_tag: dict[str, list] = {}
    for question in catalog.questions():
        for tag in question.tags:
            by_tag.setdefault(tag, []).append(question)
    blocks = []
    for tag, name in in_reader_order(text.get("tags", {}), lang):
        if tag in by_tag:
            items = "\n".join(f"- [{_escape(q.title)}]({q.rel})" for q in by_tag[tag])
            blocks.append(f"## {name} {{ #tag-{tag} }}\n\n{items}\n")
    return "\n".join(blocks)


def expand(markdown: str, rel: str, page_kind: str, catalog: Catalog | None, text: dict, meta: dict,
           docs: Path | None = None, lang: str = "", repo_url: str = "") -> str:
    if catalog is None:
        return markdown
    if status.MARKER in markdown and docs is not None:
        return markdown.replace(status.MARKER, status.table(docs, lang, text, repo_url), 1)
    if page_kind == "section":
        return _insert(markdown, MARKERS["section"], section_list(catalog, rel.split("/")[0], text))
    if page_kind == "home":
        markdown = _insert(markdown, MARKERS["offline"], offline_block(text, catalog.has_page("cram.md")))
        return _insert(markdown, MARKERS["home"], home_contents(catalog, text) + "\n" + PRACTICE_MARKER + "\n")
    if rel == "tags.md":
        return _insert(markdown, MARKERS["tags"], tags_index(catalog, text, lang))
    if rel == "cram.md":
        return _insert(markdown, MARKERS["cram"], cram.index(catalog, text))
    if page_kind == "cram":
        return _insert(markdown, MARKERS["cram"], cram.sheet(catalog, rel.split("/")[1].removesuffix(".md"), text))
    if page_kind == "question":
        return insert_after_short_answer(markdown, key_points_block(meta, text))
    return markdown


def credit(meta: dict, text: dict, authors: list[str]) -> dict:
    """Who wrote a page, and for a question where it comes from (front matter `source`)."""
    source, found = meta.get("source") or {}, {"authors": authors}
    t = text["credit"]
    if source.get("type") == "article" and source.get("upstream"):
        n = str(source.get("article", "")).removeprefix("sanwu-")
        path = source["upstream"]
        found["source"] = {"label": t["article"].replace("{n}", n), "file": path,
                           "url": f"{UPSTREAM_REPO}/{'tree' if path.endswith('/') else 'blob'}/main/{path}"}
    elif source.get("type") == "original":
        author = str(source.get("author") or "").lstrip("@")
        found["source"] = {"label": t["original"], "author": f"@{author}" if author else "",
                           "url": f"https://github.com/{author}" if author else ""}
    return found


def page_info(rel: str, page_kind: str, meta: dict, text: dict, authors: list[str] = ()) -> dict:
    """What the templates and page scripts need to know about a page."""
    level = meta.get("level") if page_kind == "question" else None
    return {
        "credit": credit(meta if page_kind == "question" else {}, text, list(authors)),
        "kind": page_kind,
        "section": rel.split("/")[0] if page_kind in ("section", "question") else "",
        "url": page_url(rel),
        "practice_marker": PRACTICE_MARKER if page_kind == "home" else "",
        "level": {"id": level, "name": text.get("levels", {}).get(level, "")} if level else None,
        "tags": [{"id": t, "name": text.get("tags", {}).get(t, t)} for t in meta.get("tags") or []]
        if page_kind == "question" else [],
    }


def alternates(url: str, lang: str, languages: list[tuple[str, str]]) -> list[dict]:
    """Material's language menu entries for one page: the same page in every
    language, as a link relative to the page itself, so it works under any
    sub-path (the preview artifact, a fork, a local server). The page's path
    is the same in every language; only the language folder differs."""
    depth = url.count("/") + lang_root(lang).count("/")  # "a/b/" -> 2, "" -> 0, "404.html" -> 0
    return [{"name": name, "lang": locale, "link": ("../" * depth + lang_root(locale) + url) or "./"}
            for locale, name in languages]


def offline_block(text: dict, has_cram: bool = True) -> str:
    """The home page's "offline and print" section: Markdown, then an HTML part
    that offline.js reveals (the PDF and EPUB links once downloads.json lists
    the books; the save control where service workers run, with "remove" a
    quiet text button beside the saved status, not a second primary action),
    a print button (offline.js wires it: no inline handlers under the CSP),
    and the links to the language's feed and its llms.txt, which the build
    always writes. The
    save button's label is completed with the size by the script, whose
    messages come from strings.json like every page script's."""
    t = {key: html.escape(value) if isinstance(value, str) else value for key, value in text["offline"].items()}
    return "\n".join([
        f"## {text['offline']['heading']} {{ #offline }}", "",
        (f"[{text['offline']['cram']}](cram.md){text['offline']['cram_text']}" if has_cram else "")
        + (text['offline']['print_text'] if has_cram else text['offline']['print_text'].lstrip()), "",
        '<div class="hb-offline" data-pagefind-ignore>',
        f'<p class="hb-offline__print"><button type="button" class="md-button hb-offline__print-button">'
        f'{t["print"]}</button></p>',
        f'<p class="hb-offline__pdf" hidden><a class="hb-offline__pdf-link" href="" download>{t["pdf"]}</a>'
        f'<span class="hb-offline__pdf-size"></span>{t["pdf_text"]}</p>',
        f'<p class="hb-offline__epub" hidden><a class="hb-offline__epub-link" href="" download>{t["epub"]}</a>'
        f'<span class="hb-offline__epub-size"></span>{t["epub_text"]}</p>',
        f'<p class="hb-offline__feed"><a href="{FEED}" type="application/atom+xml">{t["feed"]}</a>{t["feed_text"]}</p>',
        f'<p class="hb-offline__llms"><a href="{LLMS}" type="text/plain">{t["llms"]}</a>{t["llms_text"]}</p>',
        f'<div class="hb-offline__save" hidden><p>{t["save_text"]}</p><p class="hb-offline__row">'
        f'<button type="button" id="offline-save" class="md-button md-button--primary">{t["save"]}</button></p>'
        f'<progress class="hb-offline__progress" max="1" value="0" hidden aria-label="{t["progress"]}"></progress>'
        '<p class="hb-offline__state"><span class="hb-offline__status" role="status" aria-live="polite"></span> '
        f'<button type="button" id="offline-remove" class="hb-offline__remove" hidden>{t["remove"]}</button></p>'
        '</div>',
        "</div>", ""])
