"""The translation status page (scripts/build/status.py) and each page's credit,
from a small git history made here, and in the built site."""

from __future__ import annotations

import subprocess

from scripts.build import generate, status
from scripts.content import strings
from tests.check.conftest import Tree
from tests.html import parse

ZH, EN = "docs/zh/python/example.md", "docs/en/python/example.md"
REPO = "https://github.com/owner/handbook"


def git(root, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=Ada", "-c", "user.email=a@a", *args], cwd=root, check=True,
                          capture_output=True, text=True).stdout.strip()


def row(table: str, title: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith(f"| [{title}]"))
    return [cell.strip() for cell in line.strip("|").split("|")][1:]


def test_a_page_behind_its_twin_then_reviewed(tmp_path):
    tree = Tree(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "both")
    tree.replace(EN, "The example prints", "This example prints")
    git(tmp_path, "commit", "-q", "-am", "en only")
    changed = git(tmp_path, "rev-parse", "HEAD")
    zh, en = strings.in_language("zh"), strings.in_language("en")
    assert row(status.table(tmp_path / "docs", "zh", zh, REPO), "什么是示例？") == [
        f"待更新：另一语言在 [`{changed[:7]}`]({REPO}/commit/{changed}) 改过", "同步"]
    assert row(status.table(tmp_path / "docs", "en", en, REPO), "What is an example?")[1] == "In step"
    tree.replace(ZH, "order: 1\n", f"order: 1\ntranslation: {{reviewed: {changed[:10]}}}\n")
    git(tmp_path, "commit", "-q", "-am", "zh reviewed")
    assert row(status.table(tmp_path / "docs", "en", en, REPO), "What is an example?") == [
        f"Reviewed ([`{changed[:7]}`]({REPO}/commit/{changed[:10]}))", "In step"]
    assert status.table(tmp_path / "docs", "en", en, REPO).startswith("3 pages, 0 behind their twin.")


def test_credit_names_the_upstream_file_or_the_author():
    text = strings.in_language("en")
    article = generate.credit({"source": {"type": "article", "article": "sanwu-14", "upstream": "Python编程基础/"}},
                              text, ["Ada"])
    assert article == {"authors": ["Ada"], "source": {
        "label": "《三年面试五年模拟》, instalment 14", "file": "Python编程基础/",
        "url": "https://github.com/WeThinkIn/Interview-for-Algorithm-Engineer/tree/main/Python编程基础/"}}
    original = generate.credit({"source": {"type": "original", "author": "@octocat"}}, text, [])
    assert original["source"]["author"] == "@octocat" and original["source"]["url"] == "https://github.com/octocat"


def test_every_question_page_shows_its_source_and_its_writers(built_site):
    from scripts.content import catalog
    from scripts.content.layout import DOCS, LANGS, lang_root

    for lang in LANGS:
        for question in catalog.load(DOCS / lang).questions():
            aside = parse(built_site / lang_root(lang) / question.url / "index.html").css_first("aside.md-source-file")
            source = aside.css_first(".hb-credit__source")
            upstream = question.meta["source"].get("upstream")
            if upstream:
                assert upstream in source.text() and upstream in source.css_first("a").attributes["href"]
            assert aside.css_first(".hb-credit__authors").text(strip=True), question.rel


def test_the_status_page_lists_every_page_in_both_languages(built_site):
    from scripts.content import catalog
    from scripts.content.layout import DOCS, LANGS, lang_root

    for lang in LANGS:
        rows = parse(built_site / lang_root(lang) / "translation-status/index.html").css(".md-typeset table tbody tr")
        assert len(rows) == len(catalog.load(DOCS / lang).ordered_paths())
        assert all(len(row.css("td")) == 3 for row in rows)
