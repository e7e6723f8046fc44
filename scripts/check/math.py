"""Formulas: every $...$ and $$...$$ renders, with the same converter the build uses.

Rule id:
  math  a formula that cannot be rendered (unbalanced braces or dollars, unknown command)
"""

from __future__ import annotations

from scripts.check.context import Context
from scripts.findings import Finding
from scripts.mathml import MathError, to_mathml


def check(ctx: Context):
    for path, page in ctx.pages.items():
        for formula in page.math:
            if formula.tex in {"$", "$$"}:
                yield Finding(ctx.show(path), formula.line, "math",
                              f"unbalanced '{formula.tex}': formula is never closed")
                continue
            try:
                to_mathml(formula.tex, display=formula.display)
            except MathError as exc:
                yield Finding(ctx.show(path), formula.line, "math", f"{exc}: {formula.tex.strip()[:60]}")
