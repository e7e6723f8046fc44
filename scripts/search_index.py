"""One search index per language.

mkdocs-static-i18n stacks the entries of every language into the single
site/search/search_index.json, so an English reader gets Chinese hits and
every reader downloads both languages. After the build we split that file:
site/search/search_index.json keeps the default language, and
site/<lang>/search/search_index.json holds each other language with its
locations made relative to that language's root. scripts/hooks.py points each
language's pages at its own index (see `language_base`).
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.pages import DEFAULT_LANG, LANGS

# Per-language lunr settings. No stemmer: Material's query is not stemmed the
# way the index is, so a stemmed index misses full words ("regularization"
# is indexed as "regular"); Material's trailing wildcard still finds prefixes.
LANG_CONFIG = {
    "zh": {"lang": ["zh", "en"], "pipeline": ["stopWordFilter", "trimmer"]},
    "en": {"lang": ["en"], "pipeline": ["stopWordFilter", "trimmer"]},
}


def index_path(site_dir: Path, lang: str) -> Path:
    base = site_dir if lang == DEFAULT_LANG else site_dir / lang
    return base / "search" / "search_index.json"


def split(site_dir: Path) -> dict[str, int]:
    """Split the combined index in place; returns the number of entries per language."""
    combined_path = index_path(site_dir, DEFAULT_LANG)
    if not combined_path.exists():
        return {}
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    parts: dict[str, list] = {lang: [] for lang in LANGS}
    for doc in combined["docs"]:
        prefix, _, rest = doc["location"].partition("/")
        if prefix in parts and prefix != DEFAULT_LANG:
            parts[prefix].append({**doc, "location": rest})
        else:
            parts[DEFAULT_LANG].append(doc)
    if not any(parts[lang] for lang in LANGS if lang != DEFAULT_LANG):
        return {lang: len(docs) for lang, docs in parts.items()}  # already split
    for lang, docs in parts.items():
        index = {"config": {**combined["config"], **LANG_CONFIG.get(lang, {})}, "docs": docs}
        path = index_path(site_dir, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    return {lang: len(docs) for lang, docs in parts.items()}


def language_base(base_url: str, lang: str) -> str:
    """The `base` Material's JavaScript resolves the search index against.

    The trailing slash matters: the browser resolves "search/search_index.json"
    against it, and without the slash the last segment would be replaced.
    """
    if lang == DEFAULT_LANG:
        return base_url
    return f"{base_url.rstrip('/')}/{lang}/" if base_url not in ("", ".") else f"{lang}/"
