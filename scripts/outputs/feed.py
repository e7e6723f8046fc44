"""The Atom feed of one language: new questions, substantially changed ones,
and the errata's "Revisions to this site".

Written by the build (scripts/hooks.py, on_post_build) to
``<language root>/feed/atom.xml``, from git history (scripts/content/git.py:
one `git log` for the language's folder; a git failure stops the build, a
tree without history gets a feed of its revisions only) and from the errata
page's revisions table. Every URL in it is absolute (site_url), as feed
readers need.

* A question is **new** at the commit that created its file.
* A question **changed substantially** in a commit whose word-level diff
  (scripts/content/git.py: ASCII words whole, Chinese character by
  character) added and deleted at least 2.5 % of the page's current size
  and at least 600 bytes: a rewritten short answer or a corrected section
  counts; a fixed typo, or a spelling sweep across pages, does not. (Counting
  lines would not do: a paragraph is one line of Markdown.)
* Each row of the errata's `#site-revisions` table is an entry dated by its
  Date cell, linked to the first place its "Where" cell links to.

The newest ENTRIES entries are kept, so the file stays small at any size of
the handbook. Why not mkdocs-rss-plugin: it makes one item per page with
git dates (one git call per page), and has no notion of a substantial change
or of entries that are rows of a table. feedgen writes the Atom XML.

The feed has a folder of its own with an empty ``sitemap.xml``: Material
fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a page
(overrides/partials/social.html links the feed from every page).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scripts.content import config as site_config
from scripts.content import git
from scripts.content.catalog import Catalog
from scripts.content.layout import FEED, absolute_link
from scripts.content.markdown import rebase, section
from scripts.content.page import Page

ENTRIES = 100
SUBSTANTIAL = 0.025
SUBSTANTIAL_MIN = 600
REVISIONS_ID = "site-revisions"
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 "<!-- Empty on purpose: Material fetches sitemap.xml next to the feed link of every page. -->\n"
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


@dataclass
class Entry:
    id: str
    title: str
    link: str
    updated: dt.datetime
    summary: str
    content: str  # HTML
    category: str


@lru_cache(maxsize=4)
def _changes(folder: Path) -> tuple[git.Change, ...]:
    """The language folder's history, read once per process (`make serve` rebuilds)."""
    return tuple(git.changes(folder))


def substantial(change: git.Change, size: int) -> bool:
    """Did this commit change a page of `size` bytes substantially?"""
    return change.added + change.deleted >= max(SUBSTANTIAL_MIN, SUBSTANTIAL * size)


def _when(stamp: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc)


def question_entries(catalog: Catalog, docs_lang: Path, language_url: str, text: dict, md) -> list[Entry]:
    """New and substantially changed questions, from the history of docs/<lang>/."""
    top = git.toplevel(docs_lang)
    if top is None:
        return []
    by_path = {(docs_lang.resolve() / q.rel).relative_to(top).as_posix(): (s, q)
               for s in catalog.sections for q in s.questions}
    found = []
    for change in _changes(docs_lang.resolve()):
        if change.path not in by_path:
            continue
        sect, q = by_path[change.path]
        if not (change.created or substantial(change, len(q.text.encode()))):
            continue
        url = language_url + q.url
        kind = "added" if change.created else "changed"
        found.append(Entry(id=f"{url}#{change.commit[:12]}", title=text["share"][kind].format(title=q.title),
                           link=url, updated=_when(change.time), summary=str(q.meta.get("description") or ""),
                           content=_answer_html(q, language_url, text, md), category=sect.title))
    return found


def _answer_html(q: Page, language_url: str, text: dict, md) -> str:
    """The question's short answer and key points, links made absolute."""
    absolute = absolute_link(language_url)
    answer = site_config.render(md, rebase(q.short_answer, q.rel, absolute))
    points = "".join(f"<li>{_inline(md, rebase(p, q.rel, absolute))}</li>" for p in q.key_points)
    if points:
        answer += f"<p><strong>{text['generated']['key_points']}</strong></p><ul>{points}</ul>"
    return answer


def _inline(md, markdown: str) -> str:
    out = site_config.render(md, markdown)
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1 else out


def cells(row: str) -> list[str]:
    """The cells of one Markdown table row (escaped pipes stay in their cell)."""
    return [cell.strip() for cell in _CELL_SPLIT.split(row.strip().strip("|"))]


def revision_rows(errata: Page) -> list[list[str]]:
    """The rows of the errata's "Revisions to this site" table: date, where, said, says."""
    rows = [line for line in section(errata.text, REVISIONS_ID).splitlines() if line.startswith("|")]
    return [cells(row) for row in rows[2:]]  # after the header and the --- line


def revision_entries(catalog: Catalog, language_url: str, text: dict, md) -> list[Entry]:
    errata = next((page for page in catalog.pages if page.rel == "errata.md"), None)
    if errata is None:
        return []
    absolute = absolute_link(language_url)
    page = language_url + errata.url
    share = text["share"]
    found = []
    for row in revision_rows(errata):
        if len(row) < 4 or not re.fullmatch(r"\d{4}-\d\d-\d\d", row[0]):
            continue
        date, where, said, says = row[:4]
        links = _LINK.findall(rebase(where, errata.rel, absolute))
        plain = _LINK.sub(lambda m: m[1], where).replace("`", "")
        digest = hashlib.sha1("|".join(row).encode()).hexdigest()[:10]
        content = (f"<p><strong>{share['said']}</strong>: {_inline(md, rebase(said, errata.rel, absolute))}</p>"
                   f"<p><strong>{share['says']}</strong>: {_inline(md, rebase(says, errata.rel, absolute))}</p>")
        found.append(Entry(id=f"{page}#{REVISIONS_ID}-{date}-{digest}", title=share["revision"].format(where=plain),
                           link=links[0][1] if links else f"{page}#{REVISIONS_ID}",
                           updated=dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc),
                           summary=plain, content=content, category=errata.title))
    return found


def atom(entries: list[Entry], *, lang: str, language_url: str, title: str, subtitle: str, rights: str,
         authors: str) -> bytes:
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(language_url)
    feed.title(title)
    feed.subtitle(subtitle or title)
    feed.language(lang)
    feed.author({"name": authors})
    feed.rights(rights)
    feed.link(href=language_url, rel="alternate")
    feed.link(href=language_url + FEED, rel="self")
    feed.updated(max((e.updated for e in entries), default=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)))
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate")
        entry.updated(item.updated)
        entry.published(item.updated)
        entry.summary(item.summary)
        entry.content(item.content, type="html")
        entry.category(term=item.category)
    return feed.atom_str(pretty=True)


def write(site: Path, catalog: Catalog, text: dict, lang: str, config, docs_lang: Path) -> Path:
    """The language's feed and the feed folder's empty sitemap, into its site folder."""
    language_url = (config.get("site_url") or "/").rstrip("/") + "/"
    md = site_config.renderer(config)
    entries = question_entries(catalog, docs_lang, language_url, text, md) \
        + revision_entries(catalog, language_url, text, md)
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    path = site / FEED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(atom(entries[:ENTRIES], lang=lang, language_url=language_url,
                          title=text["share"]["feed_title"].format(site=config["site_name"]),
                          subtitle=config.get("site_description") or "", rights=config.get("copyright") or "",
                          authors=text["book"]["authors"]))
    (path.parent / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
    return path

