"""The MathML the build writes, against what TeX typesets and KaTeX's MathML
for the same LaTeX (katex, pinned in package.json): limits under max and
arg max, one "arg max" operator, \\mid as a relation that does not stretch,
accents on their letter. The formulas are the handbook's own, both languages."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts.build.mathml import NS, THICK, THIN_SPACE, to_mathml
from scripts.content.layout import DOCS, LANGS, ROOT, pages
from scripts.content.page import Page, read_text

KATEX = ROOT / "node_modules" / "katex"
# Commands whose rendering this module corrects; formulas with any of them are compared.
WATCHED = re.compile(r"\\(arg|max|min|mid|hat|tilde|bar|frac|sum|prod|lim|log|exp)(?![A-Za-z])")


def real_formulas() -> list[tuple[str, str, bool]]:
    """(page, tex, display) of every formula in docs/ that uses a watched command."""
    found = []
    for lang in LANGS:
        for path in pages(DOCS, lang):
            page = Page(path, read_text(path))
            found += [(path.relative_to(ROOT).as_posix(), m.tex, m.display)
                      for m in page.math if m.tex not in {"$", "$$"} and WATCHED.search(m.tex)]
    return found


def tree(mathml: str) -> ET.Element:
    return ET.fromstring(re.sub(r"<annotation[^>]*>.*?</annotation>", "", mathml, flags=re.S))


def tag(node) -> str:
    return node.tag.split("}")[-1]


# Glyph choices that look the same: KaTeX's macron and tilde accents.
SAME = str.maketrans({"\u00af": "\u02c9", "~": "\u02dc"})
# Operators whose limits Chromium moves beside them outside display style (the
# operator dictionary's movablelimits, or the attribute).
MOVABLE = set("\u2211\u220f\u2210\u22c0\u22c1\u22c2\u22c3\u2a00\u2a01\u2a02\u2a04\u2a06")
WHERE = {"munder": ("under",), "mover": ("over",), "munderover": ("under", "over"),
         "msub": ("sub",), "msup": ("sup",), "msubsup": ("sub", "sup")}


def text(node) -> str:
    """A node's text, without spaces and invisible function application; 𝒩 as N."""
    return unicodedata.normalize("NFKC", re.sub(r"[\s\u2061\u2009\u00a0]", "", "".join(node.itertext())).translate(SAME))


def _movable(node) -> bool:
    while tag(node) == "mrow" and len(node):
        node = node[0]
    return node.get("movablelimits") == "true" or (tag(node) == "mo" and (node.text or "") in MOVABLE) or (
        tag(node) == "mi" and len(node.text or "") > 1)  # KaTeX's <mi>max</mi><mo>&af;</mo>


def scripts(mathml: str, display: bool) -> list[tuple[str, str]]:
    """Where each script is drawn: ("under", "y") for a limit below, ("sub", "i")
    beside. A limit of a movable operator is drawn beside it outside display
    style (inline formulas, fractions, scripts), whichever element holds it."""
    found = []

    def walk(node, displayed: bool) -> None:
        kinds = WHERE.get(tag(node))
        if kinds and not (tag(node) == "mover" and node.get("accent") == "true"):
            if not displayed and _movable(node[0]):
                kinds = tuple({"under": "sub", "over": "sup"}.get(k, k) for k in kinds)
            found.extend((kind, text(child)) for kind, child in zip(kinds, list(node)[1:]))
        nested = displayed and tag(node) not in {"mfrac", *WHERE}
        for child in node:
            walk(child, nested)

    walk(tree(mathml), display)
    return sorted(found)


def accents(mathml: str) -> list[tuple[str, str]]:
    """(base, accent) of every accent, with the base being a single token."""
    return sorted((text(node[0]) + ("" if tag(node[0]) in {"mi", "mn", "mo"} else " (row)"), text(node[1]))
                  for node in tree(mathml).iter() if tag(node) == "mover" and node.get("accent") == "true")


def katex(formulas: list[tuple[str, bool]]) -> list[str]:
    """KaTeX's MathML of each (tex, display), or "" where KaTeX cannot parse it."""
    code = ("const k=require(process.argv[1]);const f=JSON.parse(require('fs').readFileSync(0,'utf8'));"
            "console.log(JSON.stringify(f.map(([t,d])=>{try{return k.renderToString(t,"
            "{output:'mathml',displayMode:d,throwOnError:true})}catch(e){return ''}})))")
    out = subprocess.run(["node", "-e", code, str(KATEX)], input=json.dumps(formulas), capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return json.loads(out)


FORMULAS = real_formulas()


def test_the_handbook_has_the_formulas_this_module_is_about():
    texts = " ".join(tex for _, tex, _ in FORMULAS)
    for command in (r"\arg\max", r"\mid", r"\hat", r"\frac", r"\sum"):
        assert command in texts, command
    assert {p.split("/")[1] for p, _, _ in FORMULAS} == set(LANGS)


def test_arg_max_is_one_operator_with_its_limit_underneath():
    tex = next(t for _, t, d in FORMULAS if r"\arg\max_" in t and d)
    root = tree(to_mathml(tex, display=True))
    under = [n for n in root.iter() if tag(n) == "munder" and text(n[0]) == "argmax"]
    assert under, "arg max is not an munder"
    op = under[0][0]
    assert tag(op) == "mo" and op.text == f"arg{THIN_SPACE}max" and op.get("movablelimits") == "true"
    assert not any(tag(n) == "mo" and n.text == "arg" for n in root.iter()), "a separate 'arg' is left"


def test_conditional_bar_is_a_relation_that_does_not_stretch():
    tex = next(t for _, t, _ in FORMULAS if r"\mid" in t)
    bars = [n for n in tree(to_mathml(tex)).iter() if tag(n) == "mo" and n.text == "\u2223"]
    assert bars
    for bar in bars:
        assert (bar.get("stretchy"), bar.get("lspace"), bar.get("rspace")) == ("false", THICK, THICK)


def test_hat_sits_on_the_letter_itself():
    tex = next(t for _, t, _ in FORMULAS if r"\hat{" in t)
    found = accents(to_mathml(tex))
    assert found and all(not base.endswith("(row)") for base, _ in found), found


def test_function_names_get_a_thin_space_not_a_thick_one():
    root = tree(to_mathml(r"2\log x + \exp(x)"))
    ops = {n.text: n for n in root.iter() if tag(n) == "mo" and n.text in {"log", "exp"}}
    assert ops["log"].get("rspace") == "0.1667em" and ops["exp"].get("rspace") == "0"
    assert ops["log"].get("lspace") == "0.1667em"  # after the ordinary 2
    limit = next(n for n in tree(to_mathml(r"\min_{x} (a)", display=True)).iter() if tag(n) == "mo" and n.text == "min")
    assert limit.get("rspace") == "0", "no space between an operator with limits and its bracket"


@pytest.mark.skipif(not KATEX.exists(), reason="needs npm ci (katex, the test layer)")
def test_same_structure_as_katex_for_the_handbooks_formulas():
    """Every script sits where KaTeX puts it (under vs beside), every accent
    is an accent on the same base, for the display and inline formulas alike."""
    ours = [to_mathml(tex, display=d) for _, tex, d in FORMULAS]
    theirs = katex([(tex, d) for _, tex, d in FORMULAS])
    compared, differ = 0, []
    for (page, tex, display), mine, ref in zip(FORMULAS, ours, theirs):
        if not ref:
            continue
        compared += 1
        if scripts(mine, display) != scripts(ref, display) or accents(mine) != accents(ref):
            differ.append(f"{page}: {tex}\n  ours  {scripts(mine, display)} {accents(mine)}"
                          f"\n  katex {scripts(ref, display)} {accents(ref)}")
    assert compared >= 0.9 * len(FORMULAS), f"KaTeX parsed only {compared} of {len(FORMULAS)}"
    assert not differ, "\n".join(differ)
