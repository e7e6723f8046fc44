"""Markdown for AI assistants: `llms.txt` and a clean Markdown copy of each page.

A reader who asks an assistant to quiz them gives it a source it can read
without a browser. The build (scripts/hooks.py, on_post_build) writes, per
language:

* beside every page that has content of its own (home, sections,
  questions, errata), ``index.md`` (scripts/content/layout.markdown_url):
  the page's Markdown with the front matter dropped, a source line (its
  address and license) under the title, generated lists expanded (a
  section's questions, a question's key points), `///` blocks (corrections,
  notes, captions) as plain Markdown, heading ids and keyboard markup
  removed, formulas kept as LaTeX, and every relative link or image made
  absolute (scripts/content/markdown.rebase with layout.absolute_link);
* ``llms.txt`` at the language root (the llmstxt.org format): the
  handbook's name, a one-line summary, then every section with its
  questions, each with the absolute address of its Markdown.

The question pages' "copy as Markdown" button (copy-markdown.js) copies the
same file; the service worker keeps it with the page (scripts/outputs/offline.py
lists it among the page's own files), so the button works offline.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.build.social import LICENSE_URL
from scripts.content.catalog import Catalog
from scripts.content.layout import LLMS, absolute_link, kind, markdown_url
from scripts.content.markdown import FENCE, heading, in_code, insert_after_short_answer, rebase
from scripts.content.page import Page

PAGES = ("errata.md",)  # top-level pages with content of their own
_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_BLOCK = re.compile(r"^(?P<indent>\s*)///\s*(?P<name>[\w.-]+)?\s*(?:\|\s*(?P<title>.*?))?\s*$")
_OPTION = re.compile(r"^\s+[\w-]+:\s")
_KEYS = re.compile(r"\+\+([^+\s]+(?:\+[^+\s]+)*)\+\+")
_MARKER = re.compile(r"^<!-- hb:\w+ -->\s*$")


def _blocks(lines: list[str]) -> list[str]:
    """pymdownx `///` blocks as plain Markdown: a titled block (a correction, a
    note) becomes a quote that starts with its title in bold, a caption an
    italic line; their option lines (type, attrs) go."""
    out: list[str] = []
    stack: list[str] = []  # the quote prefix of each open block
    code = in_code(lines)
    skipping = False
    for index, line in enumerate(lines):
        prefix = "".join(stack)
        match = None if code[index] else _BLOCK.match(line)
        if match and (match["name"] or stack):
            if match["name"]:  # opens a block
                title = (match["title"] or "").strip()
                if match["name"] == "caption":
                    stack.append("")
                    out.append(prefix + (f"*{title}*" if title else ""))
                else:
                    stack.append("> ")
                    out.append(prefix + "> " + (f"**{title}**" if title else ""))
                skipping = True
            else:  # closes one
                stack.pop()
                skipping = False
            continue
        if skipping and _OPTION.match(line):
            continue
        skipping = False
        if stack and stack[-1] == "" and line.strip():  # a caption's text: italic
            out.append(prefix + f"*{line.strip()}*")
            continue
        out.append((prefix + line).rstrip() if line.strip() else prefix.rstrip())
    return out


def clean(page: Page, catalog: Catalog, text: dict, language_url: str) -> str:
    """A page's clean Markdown (see the module's docstring)."""
    lines = page.lines[page.body_start:]
    if kind(page.rel) == "question" and page.key_points:  # before the heading ids go: it finds #short-answer
        points = "\n".join(f"- {point}" for point in page.key_points)
        lines = insert_after_short_answer("\n".join(lines), f"**{text['generated']['key_points']}**\n\n{points}\n"
                                          ).split("\n")
    code = in_code(lines)
    body = []
    for index, line in enumerate(lines):
        opener = FENCE.match(line) if code[index] else None
        if opener and opener["info"].startswith("{"):  # {.python test="skip"}: the language only
            line = opener["indent"] + opener["fence"] + _fence_lang(opener["info"])
        if not code[index]:
            if heading(line):
                line = _HEADING_ATTRS.sub("", line)
            line = _KEYS.sub(lambda m: m[1], line)
            if _MARKER.match(line):
                line = _generated(line.strip(), page, catalog, text)
        body.append(line)
    markdown = "\n".join(_blocks("\n".join(body).split("\n")))
    markdown = rebase(markdown, page.rel, absolute_link(language_url))
    source = (text["share"]["markdown_source"].format(url=f"<{language_url + page.url}>")
              + f" · [CC BY-SA 4.0]({LICENSE_URL})")
    first, _, rest = markdown.strip("\n").partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{source}\n{rest}\n"
    return f"{source}\n\n{markdown.strip()}\n"


def _fence_lang(info: str) -> str:
    classes = [word[1:] for word in info.strip("{} ").split() if word.startswith(".")]
    return classes[0] if classes else ""


def _generated(marker: str, page: Page, catalog: Catalog, text: dict) -> str:
    """What a marker line of a page stands for, as plain Markdown links to pages
    (made absolute later); the home page's offline block is for browsers only."""
    g = text["generated"]
    if marker == "<!-- hb:questions -->":
        section = catalog.section(page.section)
        items = [f"{n}. [{q.title}]({q.slug}.md)" + (f": {q.meta['description']}" if q.meta.get("description") else "")
                 for n, q in enumerate(section.questions if section else [], 1)]
        return f"## {g['questions_heading']}\n\n" + ("\n".join(items) or g["no_questions"])
    if marker == "<!-- hb:contents -->":
        blocks = [f"## {g['contents_heading']}"]
        for section in catalog.sections:
            blocks.append(f"### [{section.title}]({section.rel})\n\n"
                          + "\n".join(f"- [{q.title}]({q.rel})" for q in section.questions))
        return "\n\n".join(blocks)
    return ""


def pages(catalog: Catalog) -> list[Page]:
    """The pages with a Markdown copy besides the home page, in reading order."""
    found = []
    for section in catalog.sections:
        found += [section.page, *section.questions]
    return found + [page for page in catalog.pages if page.rel in PAGES]


def index(catalog: Catalog, text: dict, language_url: str, site_name: str, summary: str, home: Page | None) -> str:
    """llms.txt: the handbook's name, a one-line summary, then every section and
    question with its Markdown address and description."""
    def item(page: Page) -> str:
        description = page.meta.get("description")
        link = f"- [{page.title}]({language_url + markdown_url(page.rel)})"
        return link + (f": {description}" if description else "")

    share = text["share"]
    lines = [f"# {site_name}", "", f"> {summary}", ""]
    for section in catalog.sections:
        lines += [f"## {section.title}", "", item(section.page), *map(item, section.questions), ""]
    others = ([home] if home else []) + [page for page in catalog.pages if page.rel in PAGES]
    if others:
        lines += [f"## {share['llms_other']}", "", *map(item, others), ""]
    return "\n".join(lines)


def write(site: Path, catalog: Catalog, text: dict, config, docs_lang: Path) -> list[Path]:
    """Every Markdown copy and llms.txt of one language, into its site folder."""
    language_url = (config.get("site_url") or "/").rstrip("/") + "/"
    home = Page(docs_lang / "index.md", rel="index.md") if (docs_lang / "index.md").exists() else None
    written = []
    for page in ([home] if home else []) + pages(catalog):
        path = site / markdown_url(page.rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(clean(page, catalog, text, language_url), encoding="utf-8")
        written.append(path)
    summary = " ".join(str(config.get("site_description") or "").split())
    (site / LLMS).write_text(index(catalog, text, language_url, config["site_name"], summary, home),
                             encoding="utf-8")
    return written + [site / LLMS]
