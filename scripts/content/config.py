"""mkdocs.yml as data, and the one Markdown renderer built from it.

Tools outside the MkDocs build (the checks, the Anki decks) must read the
configuration as MkDocs does and render Markdown with the site's own
extensions, or they would judge different HTML than readers get. `load`
resolves `!ENV` like MkDocs and ignores Python-specific tags; `renderer`
configures Python-Markdown with the extensions of mkdocs.yml (plus MkDocs'
built-in toc, tables and fenced_code).
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import yaml

from scripts.content.layout import ROOT

CONFIG = ROOT / "mkdocs.yml"
DEFAULT_SITE_URL = "/"
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """`!ENV NAME` or `!ENV [NAME, ..., default]`, as MkDocs resolves it."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (names + [None])
    return next((os.environ[name] for name in variables if os.environ.get(name)), default)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda *_: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def load(path: Path = CONFIG) -> dict:
    """The configuration as MkDocs would read it in this environment ({} if absent)."""
    if not path.exists():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def site_url(path: Path = CONFIG) -> str:
    """SITE_URL from the environment, else the default written in mkdocs.yml."""
    return load(path).get("site_url") or DEFAULT_SITE_URL


def extensions(config) -> tuple[list[str], dict[str, dict]]:
    """(names, settings) of the Markdown extensions of a configuration: mkdocs.yml as
    written (names, or one-key mappings to settings) or as MkDocs validated it
    (names in `markdown_extensions`, settings in `mdx_configs`)."""
    names, settings = list(BUILTIN_EXTENSIONS), {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, str):
            name, options = item, {}
        elif isinstance(item, dict) and item:
            name, options = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        settings[name] = {**(options or {}), **((config.get("mdx_configs") or {}).get(name) or {})}
    return names, settings


_renderers: dict[str, markdown.Markdown] = {}


def renderer(config, highlight: bool = False) -> markdown.Markdown:
    """Python-Markdown with the site's extensions, for tools outside the build. No
    permalink anchors, and no syntax highlighting unless asked for: it is slow
    and changes no markup the checks or the decks care about."""
    names, settings = extensions(config or {})
    if "toc" in settings:
        settings["toc"] = {k: v for k, v in settings["toc"].items() if k != "permalink"}
    if "pymdownx.highlight" in names and not highlight:
        settings["pymdownx.highlight"] = {**settings.get("pymdownx.highlight", {}), "use_pygments": False}
    key = repr((names, sorted((k, sorted(v.items(), key=repr)) for k, v in settings.items())))
    if key not in _renderers:
        _renderers[key] = markdown.Markdown(extensions=names, extension_configs=settings)
    return _renderers[key]


def render(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)
