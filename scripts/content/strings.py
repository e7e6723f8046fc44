"""Reader-visible UI strings, both languages side by side (overrides/locales/strings.yml).

One table for the theme templates, the build hook and the page scripts, so a
string is translated once. A leaf is a mapping ``{zh: ..., en: ...}``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pypinyin import Style, lazy_pinyin

from scripts.content.layout import LANGS, ROOT

STRINGS_FILE = ROOT / "overrides" / "locales" / "strings.yml"


@lru_cache(maxsize=4)
def load(path: Path = STRINGS_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def is_leaf(value: object) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGS)


def in_language(lang: str, table: dict | None = None) -> dict:
    """The table with every leaf resolved to one language (missing ones as "")."""
    table = load() if table is None else table
    return {key: (value.get(lang, "") if is_leaf(value) else in_language(lang, value) if isinstance(value, dict)
                  else value) for key, value in table.items()}


def tag_ids(table: dict | None = None) -> list[str]:
    return list((load() if table is None else table).get("tags", {}))


def collation_key(name: str, lang: str) -> str:
    """How a reader of `lang` orders names: Chinese by pinyin with tone numbers
    (字典 order: 模型部署 under M, 注意力机制 under Z), Latin words mixed in by
    their letters (AIGC under A, Linux under L) as Chinese indexes do; English
    alphabetically, ignoring case."""
    if lang == "zh":
        return " ".join(lazy_pinyin(name, style=Style.TONE3)).casefold()
    return name.casefold()


def in_reader_order(names: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """(id, name) pairs of a {id: name} table, sorted by `collation_key`."""
    return sorted(names.items(), key=lambda item: (collation_key(item[1], lang), item[0]))


def missing(table: dict | None = None, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted key, language) of every leaf without text in some language."""
    table = load() if table is None else table
    found = []
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if is_leaf(value) or (isinstance(value, dict) and not value):
            found += [(dotted, lang) for lang in LANGS if not str((value or {}).get(lang, "")).strip()]
        elif isinstance(value, dict):
            found += missing(value, dotted + ".")
        else:
            found += [(dotted, lang) for lang in LANGS]
    return found
