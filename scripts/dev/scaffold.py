"""`make new`: scaffold a question or a section in both languages.

`make new SECTION=deep-learning SLUG=batch-normalization` writes
docs/zh/deep-learning/batch-normalization.md and its English twin with the
front matter, the required headings (with their ids) and `[[TODO: ...]]`
placeholders; `make new SECTION=x` writes a new section's two index pages.
The new page is placed last in its section (front matter `order`). Until
every placeholder is filled, `make check` fails at each one and the strict
build fails, so a half-written page cannot be merged; once filled, the page
appears in the nav, its section's list and the home contents by itself.
Nothing is overwritten, and either both files are written or none.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.content import catalog
from scripts.content.layout import DOCS, LANGS, display
from scripts.content.placeholders import placeholder as todo

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

QUESTION = {
    "zh": {
        "title": "题目：写成面试官的提问，以问号结尾",
        "description": "一句话概括答案，用于搜索结果和页面摘要",
        "tags": "标签 id，取自 overrides/locales/strings.yml 的 tags",
        "key_point": "面试官期待听到的一个要点（共 3 到 6 条，与英文页条数相同）",
        "short_heading": "简答",
        "short": "面试时可以直接说出口的回答，三到五句话",
        "details_heading": "详解",
        "details": "原理、公式、代码和常见追问；有对原文的勘误时写在这里",
    },
    "en": {
        "title": "Question, phrased as the interviewer asks it, ending with a question mark",
        "description": "The answer in one sentence, for search results and the page summary",
        "tags": "tag id from overrides/locales/strings.yml (tags)",
        "key_point": "one point the interviewer listens for (3 to 6 in all, as many as on the Chinese page)",
        "short_heading": "Short answer",
        "short": "the answer you would give out loud in an interview, three to five sentences",
        "details_heading": "Details",
        "details": "how it works, formulas, code and follow-up questions",
    },
}

SECTION = {
    "zh": {"title": "章节名", "description": "一句话介绍这一章的考察范围",
           "intro": "一段介绍：这一章考察什么、面试官通常怎么问"},
    "en": {"title": "Section name", "description": "What this section covers, in one sentence",
           "intro": "A paragraph: what this section covers and how interviewers probe it"},
}


class ScaffoldError(ValueError):
    """A request that cannot be scaffolded; the message says why."""


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def question_page(lang: str, order: int) -> str:
    s = QUESTION[lang]
    title = todo(s["title"])
    points = "\n".join(f"  - {_quoted(todo(s['key_point']))}" for _ in range(3))
    return f"""---
title: {_quoted(title)}
description: {_quoted(todo(s['description']))}
tags:
  - {_quoted(todo(s['tags']))}
level: {_quoted(todo("must-know | common | advanced"))}
key_points:
{points}
order: {order}
source:
  type: original
---

# {title}

## {s['short_heading']} {{ #short-answer }}

{todo(s['short'])}

## {s['details_heading']} {{ #details }}

{todo(s['details'])}
"""


def section_page(lang: str, order: int) -> str:
    s = SECTION[lang]
    title = todo(s["title"])
    return f"""---
title: {_quoted(title)}
description: {_quoted(todo(s['description']))}
order: {order}
---

# {title}

{todo(s['intro'])}

<!-- hb:questions -->
"""


def _next_order(entries) -> int:
    orders = [e.meta.get("order") for e in entries if isinstance(e.meta.get("order"), int)]
    return max(orders, default=0) + 1


def plan(section: str, slug: str | None, docs: Path = DOCS) -> dict[Path, str]:
    """The files to write (path -> text), or ScaffoldError."""
    for name, value in (("SECTION", section), ("SLUG", slug)):
        if value is not None and not SLUG.match(value):
            raise ScaffoldError(f"{name}={value!r}: use lowercase ASCII words joined by hyphens, "
                                "e.g. batch-normalization (it becomes the page's URL)")
    files: dict[Path, str] = {}
    existing = catalog.load(docs / LANGS[0])
    known = {s.slug: s for s in existing.sections}
    if section not in known:
        order = _next_order(existing.sections)
        for lang in LANGS:
            files[docs / lang / section / "index.md"] = section_page(lang, order)
    elif slug is None:
        raise ScaffoldError(f"section '{section}' already exists; add a question with "
                            f"`make new SECTION={section} SLUG=<slug>`")
    if slug is not None:
        order = _next_order(known[section].questions) if section in known else 1
        for lang in LANGS:
            path = docs / lang / section / f"{slug}.md"
            if path.exists() or slug == "index":
                raise ScaffoldError(f"{display(path)} already exists; choose another SLUG")
            files[path] = question_page(lang, order)
    return files


def scaffold(section: str | None, slug: str | None, docs: Path = DOCS, echo=print) -> int:
    if not section:
        echo("usage: make new SECTION=<section folder> [SLUG=<question slug>]")
        return 2
    try:
        files = plan(section, slug, docs)
    except ScaffoldError as exc:
        echo(f"make new: {exc}")
        return 1
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:  # never overwrite
            handle.write(text)
        echo(f"created {display(path)}")
    echo("next: replace every [[TODO: ...]] in these files (both languages), then run `make check` "
         "and preview with `make serve`")
    return 0
