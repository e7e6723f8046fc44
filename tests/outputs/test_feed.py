"""The Atom feed of each language (scripts/outputs/feed.py): valid Atom with
absolute URLs that exist in the site, an entry for every question's
creation, the errata's "Revisions to this site" rows, the rule for a
substantial change, and a git failure that stops the build."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.content import catalog, git, strings
from scripts.content.layout import DOCS, FEED, LANGS, lang_root
from scripts.outputs import feed
from tests.conftest import BUILD_URL

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(built_site: Path, lang: str) -> tuple[ET.Element, list[dict]]:
    root = ET.parse(built_site / lang_root(lang) / FEED).getroot()  # raises on invalid XML
    entries = [{"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"),
                "updated": e.findtext(f"{ATOM}updated"), "link": e.find(f"{ATOM}link").get("href"),
                "content": e.findtext(f"{ATOM}content")} for e in root.iter(f"{ATOM}entry")]
    return root, entries


def _exists(built_site: Path, url: str) -> bool:
    path = urlsplit(url).path[len(urlsplit(BUILD_URL).path):]
    target = built_site / path
    return (target / "index.html").is_file() if url.split("#")[0].endswith("/") else target.is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_feed_is_atom_with_absolute_urls_that_exist(built_site, lang):
    root, entries = _entries(built_site, lang)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    language_url = BUILD_URL + lang_root(lang)
    assert root.findtext(f"{ATOM}id") == language_url
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": language_url, "self": language_url + FEED}
    assert entries and len(entries) <= feed.ENTRIES
    assert len({e["id"] for e in entries}) == len(entries), "entry ids repeat"
    updated = [e["updated"] for e in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    for entry in entries:
        assert entry["title"] and entry["updated"] and entry["content"], entry
        assert entry["link"].startswith(language_url) and _exists(built_site, entry["link"]), entry["link"]
        for href in ET.fromstring(f"<div>{entry['content']}</div>").iter("a"):
            url = href.get("href")
            assert urlsplit(url).scheme in ("http", "https"), url  # no relative link in a feed
            if url.startswith(BUILD_URL):
                assert _exists(built_site, url), url
    sitemap = ET.parse(built_site / lang_root(lang) / "feed" / "sitemap.xml").getroot()
    assert sitemap.tag.endswith("urlset") and len(sitemap) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_feed_announces_every_question_and_every_site_revision(built_site, lang):
    _, entries = _entries(built_site, lang)
    text = strings.in_language(lang)["share"]
    cat = catalog.load(DOCS / lang)
    titles = [e["title"] for e in entries]
    for q in cat.questions():  # every question was created in the history this site is built from
        assert text["added"].format(title=q.title) in titles, q.rel
    assert any(t.startswith(text["changed"].format(title="")) for t in titles), "no substantial change found"
    errata = next(p for p in cat.pages if p.rel == "errata.md")
    rows = feed.revision_rows(errata)
    assert rows
    oldest = entries[-1]["updated"][:10] if len(entries) == feed.ENTRIES else "0000"
    revisions = [e for e in entries if "#site-revisions-" in e["id"]]
    for date, where, *_ in rows:
        if date >= oldest:
            assert any(e["updated"].startswith(date) and e["title"].startswith(text["revision"].format(where=""))
                       for e in revisions), (date, where)
    assert len(revisions) == len([r for r in rows if r[0] >= oldest])


def test_substantial_means_words_not_lines():
    page = 20_000
    typo = git.Change("q.md", "a", 0, added=12, deleted=12, created=False)
    rewrite = git.Change("q.md", "b", 0, added=700, deleted=600, created=False)
    assert not feed.substantial(typo, page)
    assert feed.substantial(rewrite, page)
    assert not feed.substantial(git.Change("q.md", "c", 0, 400, 150, False), 80_000)  # 0.7 % of a long page


def test_word_counts_come_from_git_history(tmp_path):
    def run(*args):
        git.git(tmp_path, *args)

    run("init", "-q")
    page = tmp_path / "docs" / "q.md"
    page.parent.mkdir()
    page.write_text("# 标题\n\n第一段很长的中文内容。\n", encoding="utf-8")
    run("add", "-A")
    run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    page.write_text("# 标题\n\n第一段很短。\n", encoding="utf-8")
    run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "two")
    changes = git.changes(tmp_path / "docs")
    assert [c.created for c in changes] == [False, True]
    edit = changes[0]
    assert edit.path == "docs/q.md"
    assert edit.added == len("短".encode()) and edit.deleted == len("长的中文内容".encode())


def test_a_failing_git_stops_the_feed(tmp_path):
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    (tmp_path / ".git").write_text("gitdir: /nonexistent\n", encoding="utf-8")  # a broken work tree
    git.toplevel.cache_clear()
    with pytest.raises(git.GitError):
        git.changes(docs)
