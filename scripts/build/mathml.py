"""LaTeX -> MathML at build time, shared by the build hook and the `math` check.

We render formulas to MathML while building (latex2mathml) instead of shipping
KaTeX or MathJax: no JavaScript, no CDN, and Chromium renders MathML Core
natively with the site's own math font (overrides/assets/fonts/, see
scripts/dev/fonts.py). latex2mathml is lenient, so `to_mathml` adds the
strictness a validator needs: unbalanced braces and unknown commands (which
latex2mathml would print literally, e.g. ``\\foo``) are errors.

latex2mathml's MathML is then corrected where it differs from what TeX (and
KaTeX's MathML for the same LaTeX, tests/build/test_mathml.py) typesets:
`\\max_y` and `\\arg\\max_y` put the limit under the operator in display
formulas (`munder` with movablelimits, a subscript inline), "arg max" is one
operator with a thin space, function names get TeX's thin space instead of
MathML's default thick one on both sides, `\\mid` is a relation that does not
stretch, and accents sit on their base itself (not on an `mrow` around it),
so the hat is centred over the letter.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

# Commands latex2mathml lacks, mapped to equivalents it supports.
ALIASES = {
    r"\argmax": r"\operatorname{arg}\max",
    r"\argmin": r"\operatorname{arg}\min",
    r"\arg": r"\operatorname{arg}",
}
_ALIAS_RE = re.compile("|".join(re.escape(k) + r"(?![A-Za-z])" for k in sorted(ALIASES, key=len, reverse=True)))
# An unknown command survives conversion as literal text: <mi>\foo</mi>.
_UNKNOWN_RE = re.compile(r">(\\[A-Za-z]+)<")
# latex2mathml writes empty elements XML-style (<mspace width="1em" />). HTML
# parsers honour that inside <math>, but HTML minifiers (minify-html) drop the
# slash and leave the element open, swallowing the rest of the formula; an
# explicit end tag means the same thing everywhere.
# Text of the token elements (mi, mn, mo, mtext, ms).
_TOKEN_RE = re.compile(r"<m([inots]\b[^>]*)>([^<]*)</m[inots]>")
# Unicode's mathematical italic letters: (first, last, first italic).
_ITALIC = ((0x41, 0x5A, 0x1D434), (0x61, 0x7A, 0x1D44E), (0x391, 0x3A9, 0x1D6E2), (0x3B1, 0x3C9, 0x1D6FC))
_ITALIC_EXTRA = dict(zip("\u0131\u0237\u2207\u2202\u03f5\u03d1\u03f0\u03d5\u03f1\u03d6",
                         "\U0001d6a4\U0001d6a5\U0001d6fb\U0001d715\U0001d716\U0001d717\U0001d718\U0001d719"
                         "\U0001d71a\U0001d71b"))
# Invisible operators (function application, invisible times): drawn as nothing.
INVISIBLE = set("\u2061\u2062\u2063\u2064")
_SELF_CLOSING_RE = re.compile(r"<([a-z]+)((?:\s+[^<>]*?)?)\s*/>")


NS = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", NS)
# Operators whose limits go under them in display formulas (TeX's \\mathop with \\limits).
LIMITS = {"max", "min", "lim", "sup", "inf", "arg max", "arg min", "lim sup", "lim inf", "det", "Pr"}
# Function names TeX sets upright with a thin space after them (\\log x), none before "(".
FUNCTIONS = LIMITS | {"arg", "log", "ln", "exp", "sin", "cos", "tan", "tanh", "sigmoid", "softmax", "deg", "dim",
                      "ker", "gcd", "lg", "sgn", "sinh", "cosh", "arcsin", "arccos", "arctan", "cot", "sec", "csc"}
THIN, THICK = "0.1667em", "0.2778em"
# Elements whose children are set one after the other (MathML Core's inferred mrows).
ROWS = {"math", "mrow", "mstyle", "mtd", "msqrt", "mpadded", "mphantom", "menclose", "merror"}
THIN_SPACE = "\u2009"
# Accent characters latex2mathml puts over a base (\\hat, \\tilde, \\bar, \\dot, \\ddot, \\check, \\acute, \\grave, \\breve).
ACCENTS = set("^~\u00af\u02d9\u00a8\u02c7\u00b4\u0060\u02d8")


class MathError(ValueError):
    """A formula that cannot be rendered; the message says why."""


def italic(char: str) -> str:
    """The letter MathML draws for a one-letter <mi> (MathML Core's math-auto
    transform: Latin and Greek letters in their mathematical italic form)."""
    code = ord(char)
    if char == "h":
        return "\u210e"
    for first, last, target in _ITALIC:
        if first <= code <= last:
            return chr(target + code - first)
    return _ITALIC_EXTRA.get(char, char)


def font_chars(mathml: str) -> set[str]:
    """The characters of a formula the math font must draw: all but spaces and
    CJK, which the text font draws (Chinese inside \\text{} is body text)."""
    chars = set()
    for attrs, token in _TOKEN_RE.findall(mathml):
        text = html.unescape(token)
        if attrs.startswith("i") and len(text) == 1 and "mathvariant" not in attrs:
            text = italic(text)
        chars |= {c for c in text
                  if not c.isspace() and unicodedata.east_asian_width(c) not in {"W", "F"} and c not in INVISIBLE}
    return chars


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
    return _SELF_CLOSING_RE.sub(r"<\1\2></\1>", typeset(out))


def _tag(node) -> str:
    return node.tag.removeprefix(f"{{{NS}}}")


def _name(node) -> str | None:
    """The function name a token spells (\\max -> "max"), or None."""
    if node is None or _tag(node) not in {"mi", "mo"} or len(node) or not node.text:
        return None
    text = node.text.replace(THIN_SPACE, " ")
    return text if text in FUNCTIONS else None


def _opens(node) -> bool:
    """Does node start with an opening bracket (TeX sets no space between an operator and it)?"""
    while node is not None and _tag(node) == "mrow" and len(node):
        node = node[0]
    return node is not None and _tag(node) == "mo" and bool(node.text) and node.text in "([{\u27e8|\u2016"


def _fix_row(row) -> None:
    children = list(row)
    # arg + max -> one operator "arg max"; the second may carry a subscript.
    for first, second in zip(children, children[1:]):
        target = second[0] if _tag(second) in {"msub", "munder"} and len(second) else second
        if _name(first) == "arg" and _name(target) in {"max", "min"}:
            target.text = f"arg{THIN_SPACE}{target.text}"
            row.remove(first)
    children = list(row)
    for index, node in enumerate(children):
        base = node[0] if _tag(node) in {"msub", "munder"} and len(node) else node
        name = _name(base)
        if name is not None:
            if name in LIMITS and _tag(node) == "msub":
                node.tag = f"{{{NS}}}munder"
                base.set("movablelimits", "true")
            base.tag = f"{{{NS}}}mo"
            before = children[index - 1] if index else None
            after = children[index + 1] if index + 1 < len(children) else None
            ordinary = before is not None and _tag(before) in {"mi", "mn", "msub", "msup", "mfrac"}
            base.set("lspace", THIN if ordinary else "0")
            base.set("rspace", "0" if _opens(after) or after is None else THIN)
        elif _tag(node) in {"mi", "mo"} and node.text == "~":  # latex2mathml's \\sim: an ASCII tilde
            node.tag, node.text = f"{{{NS}}}mo", "\u223c"
        elif _tag(node) == "mo" and node.text == "\u2223":  # \mid: a relation, never stretched
            node.set("stretchy", "false")
            node.set("lspace", THICK)
            node.set("rspace", THICK)


def _fix_accent(node) -> None:
    if len(node) != 2 or _tag(node[1]) != "mo" or (node[1].text or "") not in ACCENTS or not node[1].text:
        return
    node.set("accent", "true")
    base = node[0]
    if _tag(base) == "mrow" and len(base) == 1:  # the accent centres on a single letter, not on a row
        node.remove(base)
        node.insert(0, base[0])
    if node[1].text in {"^", "~"}:  # \hat and \tilde keep their size (\widehat stretches)
        node[1].set("stretchy", "false")
    if node[1].text == "~":  # the ASCII tilde sits low; the spacing tilde is the accent (as in KaTeX)
        node[1].text = "\u02dc"


def typeset(mathml: str) -> str:
    """latex2mathml's MathML with the corrections the module docstring lists."""
    root = ET.fromstring(mathml)
    for node in list(root.iter()):
        if _tag(node) == "mover":
            _fix_accent(node)
    for node in list(root.iter()):
        if _tag(node) in ROWS:
            _fix_row(node)
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)
