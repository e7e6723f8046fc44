"""Markdown the build writes into pages, derived from the catalog.

Authors write prose; lists that must stay in step with the file tree are
generated where a page has a marker line (or at its end if it has none):

* section index pages: `<!-- hb:questions -->`, the section's questions in order;
* the home page: `<!-- hb:contents -->`, every section with its questions;
* the tags page: `<!-- hb:tags -->`, every tag with its questions;
* the cram sheet: `<!-- hb:cram -->`, every short answer and its key points
  (scripts/cram.py);
* the home page: `<!-- hb:offline -->`, the offline and print block
  (scripts/offline.py);
* question pages: the front matter's `key_points`, right under the short answer.

The output is ordinary Markdown with relative `.md` links, so MkDocs
validates every generated link like a hand-written one, Pagefind indexes it
and the PDF prints it. Headings carry the same ids in both languages.
"""

from __future__ import annotations

import html
import re

from scripts.catalog import SHORT_ANSWER_ID, Catalog, Question

MARKERS = {"section": "<!-- hb:questions -->", "home": "<!-- hb:contents -->", "tags": "<!-- hb:tags -->",
           "cram": "<!-- hb:cram -->", "offline": "<!-- hb:offline -->"}
# Sections with more questions than this show the first ones on the home page
# and link to their index page for the rest, so the home page stays small.
HOME_PER_SECTION = 30
_H2 = re.compile(r"^##\s")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def _level_badge(meta: dict, text: dict) -> str:
    level = meta.get("level")
    name = text.get("levels", {}).get(level)
    return f' <span class="hb-level" data-level="{level}">{name}</span>' if name else ""


def _insert(markdown: str, marker: str, block: str) -> str:
    if marker in markdown:
        return markdown.replace(marker, block, 1)
    return markdown.rstrip("\n") + "\n\n" + block + "\n"


def section_list(catalog: Catalog, section_slug: str, text: dict) -> str:
    section = next((s for s in catalog.sections if s.slug == section_slug), None)
    heading = f"## {text['generated']['questions_heading']} {{ #questions }}\n\n"
    if section is None or not section.questions:
        return heading + text["generated"]["no_questions"] + "\n"
    items = [f"{number}. [{_escape(q.title)}]({q.slug}.md){_level_badge(q.meta, text)}"
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


def tags_index(catalog: Catalog, text: dict) -> str:
    by_tag: dict[str, list[Question]] = {}
    for question in catalog.questions():
        for tag in question.meta.get("tags") or []:
            by_tag.setdefault(tag, []).append(question)
    blocks = []
    for tag, name in text.get("tags", {}).items():
        if tag in by_tag:
            items = "\n".join(f"- [{_escape(q.title)}]({q.rel})" for q in by_tag[tag])
            blocks.append(f"## {name} {{ #tag-{tag} }}\n\n{items}\n")
    return "\n".join(blocks)


def key_points_block(meta: dict, text: dict) -> str:
    """The key points as a note box: the HTML of pymdownx's `/// note`
    (admonition classes and title), written as a Markdown-in-HTML block. A
    `///` block costs time in proportion to the whole page parsed so far
    (pymdownx.blocks maps every element of it for each block), so the cram
    sheet, one page with a box per question, took time growing with the
    square of the number of questions."""
    points = [p for p in meta.get("key_points") or [] if isinstance(p, str)]
    if not points:
        return ""
    items = "\n".join(f"- {p}" for p in points)
    title = html.escape(text["generated"]["key_points"])
    return (f'<div class="admonition note hb-key-points" markdown>\n<p class="admonition-title">{title}</p>\n\n'
            f"{items}\n\n</div>\n")


def insert_after_short_answer(markdown: str, block: str) -> str:
    """Put `block` at the end of the short-answer section (before the next H2)."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    in_short, fence = False, None
    for index, line in enumerate(lines):
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker[1][0] == fence[0] else (fence or marker[1])
            continue
        if fence or not _H2.match(line):
            continue
        if in_short:
            return "\n".join(lines[:index] + [block] + lines[index:])
        in_short = f"#{SHORT_ANSWER_ID}" in line
    return markdown.rstrip("\n") + "\n\n" + block if in_short else markdown


def expand(markdown: str, rel: str, page_kind: str, catalog: Catalog | None, text: dict, meta: dict) -> str:
    if catalog is None:
        return markdown
    if page_kind == "section":
        return _insert(markdown, MARKERS["section"], section_list(catalog, rel.split("/")[0], text))
    if page_kind == "home":
        from scripts.offline import home_block

        has_cram = any(rel == "cram.md" for rel, _ in catalog.pages)
        markdown = _insert(markdown, MARKERS["offline"], home_block(text, has_cram))
        return _insert(markdown, MARKERS["home"], home_contents(catalog, text))
    if rel == "tags.md":
        return _insert(markdown, MARKERS["tags"], tags_index(catalog, text))
    if rel == "cram.md":
        from scripts.cram import sheet  # imports this module (the key points block)

        return _insert(markdown, MARKERS["cram"], sheet(catalog, text))
    if page_kind == "question":
        return insert_after_short_answer(markdown, key_points_block(meta, text))
    return markdown


def page_info(rel: str, page_kind: str, meta: dict, text: dict) -> dict:
    """What the templates and page scripts need to know about a page."""
    level = meta.get("level") if page_kind == "question" else None
    return {
        "kind": page_kind,
        "section": rel.split("/")[0] if page_kind in ("section", "question") else "",
        "url": rel[: -len("index.md")] if rel.endswith("index.md") else rel[: -len(".md")] + "/",
        "level": {"id": level, "name": text.get("levels", {}).get(level, "")} if level else None,
        "tags": [{"id": t, "name": text.get("tags", {}).get(t, t)} for t in meta.get("tags") or []]
        if page_kind == "question" else [],
    }


def alternates(page_url: str, lang: str, languages: list[tuple[str, str]]) -> list[dict]:
    """Material's language menu entries for one page: the same page in every
    language, as a link relative to the page itself, so it works under any
    sub-path (the preview artifact, a fork, a local server). The page's path
    is the same in every language; only the language folder differs."""
    default = languages[0][0]
    depth = page_url.count("/")  # "a/b/" -> 2, "" -> 0, "404.html" -> 0
    to_site_root = "../" * depth + ("" if lang == default else "../")
    return [{"name": name, "lang": locale,
             "link": (to_site_root + ("" if locale == default else f"{locale}/") + page_url) or "./"}
            for locale, name in languages]
