"""Figures: the [figure-stale], [figure-size] and [figure-alt] rules on a small
tree, then the real figures/ sources: deterministic, committed as rendered,
offline, readable on a phone, and labelled in their page's language."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from figures._svg import MIN_TEXT_PX, PHONE_CONTENT_WIDTH, plain
from scripts.content.figures import FIGURES, load, render, sources, write_all
from scripts.content.layout import DOCS, LANGS
from tests.check.conftest import ROOT, assert_finding

ZH = "docs/zh/python/example.md"
EN = "docs/en/python/example.md"
SVG_NS = "http://www.w3.org/2000/svg"

# A figure source as small as they come: no drawing kit, one label per language.
DEMO = '''TARGET = "python/img/demo.svg"
LABELS = {"zh": {"title": "示例图"}, "en": {"title": "Demo figure"}}


def render(lang):
    title = LABELS[lang]["title"]
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>{title}</title></svg>\\n'
'''
FIGURE = {
    "zh": "![示例图：一个空白方块](img/demo.svg){ loading=lazy }\n/// caption\n示例图的说明。\n///\n\n",
    "en": "![Demo figure: an empty square](img/demo.svg){ loading=lazy }\n/// caption\nThe demo figure.\n///\n\n",
}


def demo_svg(lang: str) -> str:
    title = {"zh": "示例图", "en": "Demo figure"}[lang]
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>{title}</title></svg>\n'


def add_demo(tree, langs=LANGS, pages=True):
    """The demo figure's source, its rendered SVGs and (optionally) its use on the example pages."""
    tree.write("figures/demo.py", DEMO)
    for lang in langs:
        tree.write(f"docs/{lang}/python/img/demo.svg", demo_svg(lang))
    if pages:
        tree.replace(ZH, "回到", FIGURE["zh"] + "回到")
        tree.replace(EN, "Back to", FIGURE["en"] + "Back to")


# -- the rules, broken one at a time -----------------------------------------

def _findings(result) -> set[str]:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return {row for row in result.stdout.splitlines() if not row.startswith("checked ")}


def test_a_demo_figure_used_in_both_languages_adds_no_finding(tree):
    """Every check, not only this one, accepts a figure done right (image, alt, caption, SVG)."""
    before = _findings(tree.check("--no-run"))
    add_demo(tree)
    assert _findings(tree.check("--no-run")) == before
    assert tree.check("--no-run", "--only", "figures").returncode == 0


def test_a_committed_svg_that_differs_from_its_source(tree):
    add_demo(tree)
    tree.write("docs/zh/python/img/demo.svg", demo_svg("zh").replace("示例图", "手改的图"))
    assert_finding(tree.check("--only", "figures"), "docs/zh/python/img/demo.svg:1: [figure-stale]")


def test_a_figure_that_was_never_rendered(tree):
    add_demo(tree, langs=("zh",), pages=False)
    assert_finding(tree.check("--only", "figures"), "docs/en/python/img/demo.svg:1: [figure-stale]")


def test_a_figure_source_that_fails_is_reported_at_its_line(tree):
    add_demo(tree, pages=False)
    tree.write("figures/demo.py", DEMO.replace("    title = LABELS[lang][\"title\"]", "    title = LABELS[lang][\"nope\"]"))
    line = DEMO.splitlines().index('    title = LABELS[lang]["title"]') + 1
    assert_finding(tree.check("--only", "figures"), f"figures/demo.py:{line}: [figure-stale]")


def test_a_figure_source_without_render(tree):
    tree.write("figures/demo.py", 'TARGET = "python/img/demo.svg"\n')
    assert_finding(tree.check("--only", "figures"), "figures/demo.py:1: [figure-stale]")


def test_an_svg_over_60_kb(tree):
    tree.write("docs/zh/python/img/big.svg", '<svg xmlns="http://www.w3.org/2000/svg">'
                                             + "<!-- padding -->" * 4000 + "</svg>\n")
    assert_finding(tree.check("--only", "figures"), "docs/zh/python/img/big.svg:1: [figure-size]")


def test_an_image_without_alt_text(tree):
    add_demo(tree)
    line = tree.replace(ZH, "![示例图：一个空白方块]", "![]")
    assert_finding(tree.check("--only", "figures"), f"{ZH}:{line}: [figure-alt]")


def test_a_figure_without_a_caption(tree):
    add_demo(tree)
    line = tree.replace(EN, "![Demo figure", "![Demo figure")
    tree.replace(EN, "/// caption\nThe demo figure.\n///\n", "")
    assert_finding(tree.check("--only", "figures"), f"{EN}:{line}: [figure-alt]")


def test_a_figure_with_an_empty_caption(tree):
    add_demo(tree)
    line = tree.replace(EN, "/// caption\nThe demo figure.\n", "/// caption\n\n")
    assert_finding(tree.check("--only", "figures"), f"{EN}:{line}: [figure-alt]")


def test_an_image_in_one_language_only(tree):
    add_demo(tree)
    tree.replace(EN, FIGURE["en"], "")
    line = tree.replace(ZH, "![示例图", "![示例图")
    assert_finding(tree.check("--only", "figures"), f"{ZH}:{line}: [figure-alt]")


def test_make_figures_writes_only_what_changed(tmp_path, capsys):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "demo.py").write_text(DEMO, encoding="utf-8")
    assert write_all(docs=tmp_path / "docs", directory=tmp_path / "figures") == 0
    assert (tmp_path / "docs/en/python/img/demo.svg").read_text(encoding="utf-8") == demo_svg("en")
    assert write_all(docs=tmp_path / "docs", directory=tmp_path / "figures") == 0
    assert capsys.readouterr().out.count("unchanged") == len(LANGS)


# -- the real figures ---------------------------------------------------------

FIGURE_SOURCES = sources(FIGURES)


def test_there_are_figures():
    assert len(FIGURE_SOURCES) >= 7


@pytest.fixture(scope="module", params=FIGURE_SOURCES, ids=lambda p: p.stem)
def rendered(request):
    """(figure, {lang: svg text}) for one figure source, rendered once per language."""
    figure = load(request.param)
    return figure, {lang: render(figure, lang) for lang in LANGS}


def test_renders_deterministically_and_matches_the_committed_file(rendered):
    figure, svgs = rendered
    for lang, svg in svgs.items():
        assert render(figure, lang) == svg, f"{figure.name} ({lang}) renders differently twice"
        committed = DOCS / lang / figure.target
        assert committed.exists(), f"{committed} is missing: run make figures"
        assert committed.read_text(encoding="utf-8") == svg, f"{committed} is stale: run make figures"


def test_renders_the_same_in_other_processes():
    """No dependence on hash seeds or process state: two fresh interpreters agree with the committed files."""
    code = ("import hashlib, sys; from scripts.content.figures import FIGURES, load, render, sources\n"
            "for s in sources(FIGURES):\n"
            "    f = load(s)\n"
            "    for lang in ('zh', 'en'):\n"
            "        print(f.target, lang, hashlib.sha256(render(f, lang).encode()).hexdigest())\n")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    for row in outputs[0].splitlines():
        target, lang, digest = row.split()
        assert hashlib.sha256((DOCS / lang / target).read_bytes()).hexdigest() == digest, (target, lang)


def _font_sizes(root: ET.Element) -> list[float]:
    sizes = [float(root.get("font-size", "16"))]
    for element in root.iter():
        if element.get("font-size"):
            sizes.append(float(element.get("font-size")))
    return sizes


def test_offline_small_and_readable_on_a_phone(rendered):
    figure, svgs = rendered
    for lang, svg in svgs.items():
        assert len(svg.encode("utf-8")) <= 60 * 1024, f"{figure.name} ({lang}) is over 60 KB"
        # Offline: the SVG namespace is the only URL; nothing is fetched or run.
        assert re.findall(r"(?:https?:)?//[^\s\"'<>)]+", svg) == [SVG_NS], figure.name
        assert not re.search(r"<(image|script|foreignObject|style)\b|@import|href=", svg), figure.name
        root = ET.fromstring(svg)
        assert root.tag == f"{{{SVG_NS}}}svg"
        _, _, width, height = (float(v) for v in root.get("viewBox").split())
        # A width in px equal to the viewBox: Material's max-width: 100% scales it down.
        assert float(root.get("width")) == width and float(root.get("height")) == height
        smallest = min(_font_sizes(root))
        assert smallest * PHONE_CONTENT_WIDTH / width >= MIN_TEXT_PX, \
            f"{figure.name}: font size {smallest} is {smallest * PHONE_CONTENT_WIDTH / width:.1f} px on a phone"


def _labels(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [label for item in value.values() for label in _labels(item)]
    return [label for item in value for label in _labels(item)]


def _shown(label: str) -> re.Pattern:
    """What a label looks like in the SVG: its plain text; a format field ({:.2f}) matches anything."""
    parts = re.split(r"\{[^{}]*\}", plain(label))
    return re.compile(".+".join(re.escape(part) for part in parts))


def test_labels_are_in_the_pages_language(rendered):
    figure, svgs = rendered
    labels = {lang: {k: v for k, v in figure.module.LABELS[lang].items() if k != "title"} for lang in LANGS}
    for lang, svg in svgs.items():
        root = ET.fromstring(svg)
        texts = ["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text")]
        assert root.find(f"{{{SVG_NS}}}title").text == figure.module.LABELS[lang]["title"]
        for label in _labels(labels[lang]):
            pattern = _shown(label)
            assert any(pattern.fullmatch(text) or pattern.search(text) for text in texts), \
                f"{figure.name} ({lang}): label {label!r} is not drawn"
        others = {plain(label) for other in LANGS if other != lang for label in _labels(labels[other])}
        mine = {plain(label) for label in _labels(labels[lang])}
        for label in others - mine:
            if "{" not in label:
                assert label not in texts, f"{figure.name} ({lang}) shows the other language's {label!r}"
        has_chinese = any(re.search(r"[\u4e00-\u9fff]", text) for text in texts)
        assert has_chinese == (lang == "zh"), f"{figure.name} ({lang}): labels in the wrong language"
