"""UI strings: every reader-visible string of the theme in both languages.

Rule id:
  strings  a key of overrides/locales/strings.yml without text in one language
"""

from __future__ import annotations

from scripts.check.context import Context
from scripts.content import strings
from scripts.content.findings import Finding
from scripts.content.layout import display


def check(ctx: Context):
    path = strings.STRINGS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    for key, lang in strings.missing(strings.load(path)):
        leaf = key.split(".")[-1]
        line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{leaf}:")), 1)
        yield Finding(display(path, ctx.root), line, "strings", f"'{key}' has no {lang} text")
