"""LaTeX -> MathML at build time, shared by the build hook and the `math` check.

We render formulas to MathML while building (latex2mathml) instead of shipping
KaTeX or MathJax: no JavaScript, no web fonts, no CDN, and Chromium renders
MathML Core natively. latex2mathml is lenient, so `to_mathml` adds the
strictness a validator needs: unbalanced braces and unknown commands (which
latex2mathml would print literally, e.g. ``\\foo``) are errors.
"""

from __future__ import annotations

import re

from latex2mathml.converter import convert

# Commands latex2mathml lacks, mapped to equivalents it supports.
ALIASES = {
    r"\argmax": r"\operatorname*{arg\,max}",
    r"\argmin": r"\operatorname*{arg\,min}",
    r"\arg": r"\operatorname{arg}",
}
_ALIAS_RE = re.compile("|".join(re.escape(k) + r"(?![A-Za-z])" for k in sorted(ALIASES, key=len, reverse=True)))
# An unknown command survives conversion as literal text: <mi>\foo</mi>.
_UNKNOWN_RE = re.compile(r">(\\[A-Za-z]+)<")
# latex2mathml writes empty elements XML-style (<mspace width="1em" />). HTML
# parsers honour that inside <math>, but HTML minifiers (minify-html) drop the
# slash and leave the element open, swallowing the rest of the formula; an
# explicit end tag means the same thing everywhere.
_SELF_CLOSING_RE = re.compile(r"<([a-z]+)((?:\s+[^<>]*?)?)\s*/>")


class MathError(ValueError):
    """A formula that cannot be rendered; the message says why."""


def _check_braces(tex: str) -> None:
    depth = 0
    escaped = False
    for ch in tex:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise MathError("unbalanced braces: '}' without '{'")
    if depth:
        raise MathError(f"unbalanced braces: {depth} '{{' not closed")


def to_mathml(tex: str, display: bool = False) -> str:
    """Return the MathML for `tex`, or raise MathError."""
    tex = tex.strip()
    if not tex:
        raise MathError("empty formula")
    _check_braces(tex)
    tex = _ALIAS_RE.sub(lambda m: ALIASES[m.group(0)], tex)
    try:
        out = convert(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises many bare exception types
        name = type(exc).__name__
        raise MathError(f"cannot parse formula ({name}{': ' + str(exc) if str(exc) else ''})") from None
    unknown = _UNKNOWN_RE.findall(out)
    if unknown:
        raise MathError(f"unknown command {unknown[0]}")
    return _SELF_CLOSING_RE.sub(r"<\1\2></\1>", out)
