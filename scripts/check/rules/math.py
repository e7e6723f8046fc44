"""Formulas: every $...$ and $$...$$ renders, with the same converter the build uses.

Rule id:
  math  a formula that cannot be rendered (unbalanced braces or dollars, unknown command)
"""

from __future__ import annotations

from scripts.build.mathml import MathError, to_mathml
from scripts.check.context import Context
from scripts.content.findings import Finding


def check(ctx: Context):
    yield from ctx.each_page("math", _page)


def _page(path, page, shown):
    for formula in page.math:
        if formula.tex in {"$", "$$"}:
            yield Finding(shown, formula.line, "math", f"unbalanced '{formula.tex}': formula is never closed")
            continue
        try:
            to_mathml(formula.tex, display=formula.display)
        except MathError as exc:
            yield Finding(shown, formula.line, "math", f"{exc}: {formula.tex.strip()[:60]}")
