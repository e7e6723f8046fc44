"""Markdown for assistants (scripts/outputs/llms.py): llms.txt lists every
section and question, every link in it resolves in the built site, and each
question's Markdown is clean (no front matter, key points expanded, LaTeX
kept, links absolute)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.content import catalog, strings
from scripts.content.layout import DOCS, LANGS, LLMS, lang_root, markdown_url
from tests.conftest import BUILD_URL

LINK = re.compile(r"\]\(([^)\s]+)\)")


def _target(built_site, url: str):
    assert url.startswith(BUILD_URL), url
    path = built_site / urlsplit(url).path[len(urlsplit(BUILD_URL).path):]
    return path / "index.html" if url.endswith("/") else path


@pytest.mark.parametrize("lang", LANGS)
def test_llms_txt_lists_every_section_and_question_and_every_link_resolves(built_site, lang):
    text = (built_site / lang_root(lang) / LLMS).read_text(encoding="utf-8")
    lines = text.splitlines()
    cat = catalog.load(DOCS / lang)
    name = "AI 算法工程师面试宝典" if lang == "zh" else "AI Algorithm Engineer Interview Handbook"
    assert lines[0] == "# " + name
    assert lines[2].startswith("> ") and len(lines[2]) > 20
    links = LINK.findall(text)
    expected = [BUILD_URL + lang_root(lang) + markdown_url(p.rel)
                for s in cat.sections for p in [s.page, *s.questions]]
    assert [url for url in links if url in expected] == expected  # in catalog order
    assert [f"## {s.title}" for s in cat.sections] == [line for line in lines if line.startswith("## ")][:len(
        cat.sections)]
    for url in links:
        assert _target(built_site, url).is_file(), url


@pytest.mark.parametrize("lang", LANGS)
def test_question_markdown_is_clean(built_site, lang):
    key_points = strings.in_language(lang)["generated"]["key_points"]
    for q in catalog.load(DOCS / lang).questions():
        md = (built_site / lang_root(lang) / markdown_url(q.rel)).read_text(encoding="utf-8")
        assert md.startswith(f"# {q.title}\n"), q.rel
        assert "\n---\n" not in md.split("## ", 1)[0] and "key_points:" not in md, "front matter left"
        assert f"**{key_points}**" in md and all(point in md for point in q.key_points), q.rel
        assert "{ #" not in md and "<!-- hb:" not in md and "\n///" not in md and "attrs: {" not in md, q.rel
        for url in LINK.findall(md):
            assert urlsplit(url.strip("<>")).scheme in ("http", "https"), (q.rel, url)
            if url.startswith(BUILD_URL):
                assert _target(built_site, url.split("#")[0]).is_file(), (q.rel, url)
        for formula in q.math:
            assert formula.tex.strip().splitlines()[0] in md, (q.rel, formula.tex)  # LaTeX, not MathML
    section = catalog.load(DOCS / lang).sections[0]
    md = (built_site / lang_root(lang) / markdown_url(section.rel)).read_text(encoding="utf-8")
    assert all(BUILD_URL + lang_root(lang) + q.url in md for q in section.questions), "section list not expanded"
