"""The list of questions each language's practice mode draws from.

Written at build time to site/questions.json (Chinese) and
site/en/questions.json (English): url (relative to the language root, so the
same question has the same key in both languages), title, section and tags.
Practice mode (overrides/assets/javascripts/practice.js) fetches it for
progress and random questions; the question pages themselves stay plain HTML.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from scripts.pages import DEFAULT_LANG

_collected: dict[str, dict[str, dict]] = defaultdict(dict)


def is_question(page) -> bool:
    """Question pages are the ones with tags and a source in their front matter."""
    return bool(page.meta.get("tags") and page.meta.get("source"))


def collect(page, lang: str) -> None:
    if is_question(page):
        url = page.url.removeprefix(f"{lang}/")  # English URLs start with "en/"
        section = url.split("/")[0]
        parent = page.parent.title if page.parent else section
        _collected[lang][url] = {"url": url, "title": page.title, "section": section,
                                      "section_title": parent, "tags": list(page.meta["tags"])}


def write(root_site_dir: Path, root_lang: str = DEFAULT_LANG) -> None:
    for lang, questions in _collected.items():
        target = root_site_dir if lang == root_lang else root_site_dir / lang
        target.mkdir(parents=True, exist_ok=True)
        data = sorted(questions.values(), key=lambda q: q["url"])
        (target / "questions.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                               encoding="utf-8")
