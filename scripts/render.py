"""Markdown to HTML with the site's own Markdown extensions, outside a build.

`make check` judges safety on the HTML a page renders to (scripts/safety.py);
this renders it with the extension list of mkdocs.yml (plus MkDocs' built-in
toc, tables and fenced_code), so the check sees what the build produces.
Syntax highlighting is switched off: it is slow and cannot change the markup
that matters here.
"""

from __future__ import annotations

import markdown

BUILTIN = ("toc", "tables", "fenced_code")


def renderer(config: dict | None) -> markdown.Markdown:
    names, settings = list(BUILTIN), {}
    for item in (config or {}).get("markdown_extensions") or []:
        if isinstance(item, str):
            name, options = item, {}
        elif isinstance(item, dict) and item:
            name, options = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        settings[name] = dict(options or {})
    if "pymdownx.highlight" in names:
        settings["pymdownx.highlight"]["use_pygments"] = False
    return markdown.Markdown(extensions=names, extension_configs=settings)


def render(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)
