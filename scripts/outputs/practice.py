"""Practice data: the list of questions the page scripts draw from.

Written at build time to `questions.json` at each language's root
(site/questions.json, site/en/questions.json): url (relative to the language
root, so the same question has the same key in both languages), title,
section, section title, tags, tag names, tag ranks (each tag's place in the
tags page's order: pinyin in Chinese, A–Z in English, so the tag filters list
tags as that page does) and level, in catalog order. Practice
mode, review and mock interviews fetch it; question pages stay plain HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.content.catalog import Catalog
from scripts.content.strings import in_reader_order


def records(catalog: Catalog, text: dict, lang: str = "en") -> list[dict]:
    tag_names = text.get("tags", {})
    rank = {tag: i for i, (tag, _) in enumerate(in_reader_order(tag_names, lang))}
    out = []
    for section in catalog.sections:
        for q in section.questions:
            tags = q.tags
            out.append({"url": q.url, "title": q.title, "section": section.slug, "section_title": section.title,
                        "tags": tags, "tag_names": [tag_names.get(t, t) for t in tags],
                        "tag_ranks": [rank.get(t, len(rank)) for t in tags],
                        "level": q.meta.get("level") or ""})
    return out


def write(site: Path, catalog: Catalog, text: dict, lang: str = "en") -> Path:
    site.mkdir(parents=True, exist_ok=True)
    path = site / "questions.json"
    path.write_text(json.dumps(records(catalog, text, lang), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def write_strings(site: Path, text: dict) -> Path:
    """strings.json: every message the page scripts show, in this language
    (practice, levels, study, offline, share), fetched once and cached instead of
    repeated in every page. The one way UI strings reach scripts (hb-core.js
    `hb.strings()`); templates get theirs as `config.extra.hb`."""
    path = site / "strings.json"
    data = {part: text.get(part, {}) for part in ("practice", "levels", "study", "offline", "share")}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
