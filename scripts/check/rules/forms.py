"""Forms: what GitHub shows a contributor stays in step with the handbook.

Rule id:
  issue-form  the new-question issue form (.github/ISSUE_TEMPLATE/new-question.yml)
              does not list the handbook's sections, in order, as
              "<English title> / <中文标题>" followed by "A new section / 新章节";
              `make check ARGS=--fix` rewrites the list

The sections come from the catalog (scripts/content/catalog.py), so adding a
section with `make new` and running `make check ARGS=--fix` updates the form.
"""

from __future__ import annotations

import re

from scripts.check.context import Context
from scripts.content import catalog
from scripts.content.findings import Finding
from scripts.content.layout import DEFAULT_LANG, LANGS

FORM = ".github/ISSUE_TEMPLATE/new-question.yml"
NEW_SECTION = "A new section / 新章节"
_ID = re.compile(r"^\s*id:\s*section\s*$")
_OPTIONS = re.compile(r"^(\s*)options:\s*$")
_ITEM = re.compile(r"^(\s*)-\s+(.*?)\s*$")


def expected(ctx: Context) -> list[str]:
    english = next(code for code in LANGS if code != DEFAULT_LANG)
    titles = {lang: [s.title for s in catalog.load(ctx.docs / lang).sections] for lang in LANGS}
    return [f"{en} / {zh}" for en, zh in zip(titles[english], titles[DEFAULT_LANG])] + [NEW_SECTION]


def options(lines: list[str]) -> tuple[int, int, str] | None:
    """(index of the first option, index past the last, their indentation) of the section dropdown."""
    start = next((i for i, line in enumerate(lines) if _ID.match(line)), None)
    if start is None:
        return None
    at = next((i for i in range(start, len(lines)) if _OPTIONS.match(lines[i])), None)
    if at is None:
        return None
    end = at + 1
    while end < len(lines) and _ITEM.match(lines[end]):
        end += 1
    indent = _ITEM.match(lines[at + 1])[1] if end > at + 1 else _OPTIONS.match(lines[at])[1] + "  "
    return at + 1, end, indent


def check(ctx: Context):
    path = ctx.root / FORM
    if not path.is_file():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    found = options(lines)
    if found is None:
        yield Finding(ctx.show(path), 1, "issue-form", "no dropdown with `id: section` and `options:`")
        return
    start, end, indent = found
    want = expected(ctx)
    have = [_ITEM.match(line)[2].strip("\"'") for line in lines[start:end]]
    if have == want:
        return
    if ctx.fix:
        lines[start:end] = [f'{indent}- "{option}"' if ":" in option else f"{indent}- {option}" for option in want]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        yield Finding(ctx.show(path), start + 1, "issue-form", f"fixed: the section list is now {want}",
                      severity="warning")
        return
    missing = [option for option in want if option not in have]
    extra = [option for option in have if option not in want]
    detail = (f"missing {missing}" if missing else "") + ("; " if missing and extra else "") + \
             (f"not a section {extra}" if extra else "") or "in another order than the handbook's"
    yield Finding(ctx.show(path), start + 1, "issue-form", f"the Section list differs from the handbook's sections "
                  f"({detail}); `make check ARGS=--fix` rewrites it")
