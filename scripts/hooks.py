"""MkDocs hooks: rules the build itself must enforce.

* A page missing in one language fails the build and names the missing file
  (mkdocs-static-i18n would otherwise copy the Chinese page or drop it).
* Math written as $...$ / $$...$$ is rendered to MathML at build time.
* Each language gets its own search index (scripts/search_index.py).
* Practice mode's list of questions is written per language (scripts/questions.py).

The rules themselves live in scripts.pages and scripts.mathml, which the
`make check` validator uses too.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

# mkdocs loads this file by path; make the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts.mathml import MathError, to_mathml  # noqa: E402
from scripts import questions  # noqa: E402
from scripts.pages import display as display_path  # noqa: E402
from scripts.pages import missing_translations  # noqa: E402
from scripts.search_index import language_base, split  # noqa: E402

_ROOT_SITE_DIR: list[str] = []  # the first build's site_dir is the site root
# The "base" entry of Material's __config JSON, whatever keys come before it.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')

# pymdownx.arithmatex in `generic` mode wraps formulas like this.
_MATH = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.+?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<block>.+?)\\\]</div>',
    re.S,
)


def on_config(config, **kwargs):
    if not _ROOT_SITE_DIR:
        _ROOT_SITE_DIR.append(config["site_dir"])
    missing = missing_translations(Path(config["docs_dir"]))
    if missing:
        raise PluginError("\n".join(map(str, missing)))
    return config


def on_page_content(html_text, page, config, files, **kwargs):
    def render(match: re.Match) -> str:
        display = match.group("block") is not None
        tex = html.unescape(match.group("block") if display else match.group("inline"))
        try:
            mathml = to_mathml(tex, display=display)
            # Keep a wrapper for display math so wide formulas can scroll; it is
            # focusable so keyboard users can scroll it too.
            return f'<div class="arithmatex" tabindex="0">{mathml}</div>' if display else mathml
        except MathError as exc:
            source = Path(page.file.abs_src_path)
            line = _line_of(source.read_text(encoding="utf-8"), tex)
            raise PluginError(f"{display_path(source)}:{line}: [math] {exc}: {tex.strip()[:60]}") from None

    return _MATH.sub(render, html_text)


def _line_of(markdown: str, tex: str) -> int:
    first = tex.strip().splitlines()[0] if tex.strip() else ""
    for number, text in enumerate(markdown.splitlines(), 1):
        if first and first in text:
            return number
    return 1


def on_page_context(context, page, config, nav, **kwargs):
    questions.collect(page, config["theme"]["language"])
    return context


def on_post_page(output, page, config, **kwargs):
    """Point Material's JavaScript at this language's search index."""
    lang = config["theme"]["language"]
    return _CONFIG_BASE.sub(lambda m: m[1] + language_base(m[2], lang) + m[3], output, count=1)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the combined index
def on_post_build(config, **kwargs):
    if _ROOT_SITE_DIR:
        split(Path(_ROOT_SITE_DIR[0]))
        questions.write(Path(_ROOT_SITE_DIR[0]), _root_language(config))


def _root_language(config) -> str:
    """The language built at the site root (zh, or the only one when previewing one)."""
    i18n = config["plugins"].get("i18n")
    for lang in (i18n.config.languages if i18n else []):
        if lang.default:
            return lang.locale
    return config["theme"]["language"]
