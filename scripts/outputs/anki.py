"""The Anki deck of one language: every question as a note in an .apkg file.

The build writes it (scripts/hooks.py, on_post_build) to
``<language root>/downloads/handbook-<lang>.apkg``; the home page and the study
page link to it. Front: the question. Back: the short answer, the key points
and an absolute link to the page (from site_url). One sub-deck per section;
the question's tag ids and ``level::<level>`` are Anki tags.

Identity is stable, so importing a newer deck updates the notes a reader
already has instead of duplicating them: a note's GUID derives from the
language and the page path, a deck's id from the language and the section,
the note type's id from the language. Anki replaces a note on import when
the package's copy is newer, so notes carry the build time (or
SOURCE_DATE_EPOCH, for a reproducible build).

Math: the short answer's ``$...$`` is rendered as ``\\(...\\)``
(pymdownx.arithmatex's generic output), which every Anki client renders with
its bundled MathJax, offline. MathML, which the site uses, would depend on
each client's web view (older Anki desktop builds ship a Chromium without
MathML).
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import time
import warnings
import zipfile
from pathlib import Path

import genanki

from scripts.content import config as site_config
from scripts.content.catalog import Catalog
from scripts.content.layout import DOWNLOADS, absolute_link
from scripts.content.markdown import rebase
from scripts.content.page import Page

CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; }
.question { font-size: 1.2em; font-weight: 600; }
.key-points { margin-top: 1em; }
.source { margin-top: 1em; font-size: 0.85em; opacity: 0.8; }"""


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from names (Anki ids only need to be unique; genanki suggests this range)."""
    digest = hashlib.sha256("\x1f".join(("ai-interview-handbook",) + parts).encode()).hexdigest()
    return (1 << 30) + int(digest[:8], 16) % (1 << 30)


def note_guid(lang: str, question: Page) -> str:
    return genanki.guid_for("ai-interview-handbook", lang, question.url)


def deck_path(site: Path, lang: str) -> Path:
    return site / DOWNLOADS / f"handbook-{lang}.apkg"


def model(lang: str, text: dict) -> genanki.Model:
    a = text["anki"]
    back = ('{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
            f'{{{{#KeyPoints}}}}<div class="key-points"><strong>{html.escape(a["key_points"])}</strong>'
            '{{KeyPoints}}</div>{{/KeyPoints}}'
            f'<p class="source"><a href="{{{{Link}}}}">{html.escape(a["read_more"])}</a> · {{{{Section}}}}'
            '{{#Level}} · {{Level}}{{/Level}}</p>')
    return genanki.Model(
        stable_id("model", lang), a["model"],
        fields=[{"name": n} for n in ("Question", "Answer", "KeyPoints", "Link", "Section", "Level")],
        templates=[{"name": a["model"], "qfmt": '<div class="question">{{Question}}</div>', "afmt": back}],
        css=CSS)


def _inline(md, text: str) -> str:
    out = site_config.render(md, text)
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1 else out


def package(catalog: Catalog, text: dict, lang: str, site_url: str, config: dict | None = None) -> genanki.Package:
    """The deck of one language; `config` is the site's configuration (its Markdown extensions)."""
    md = site_config.renderer(config)
    language_url = site_url if site_url.endswith("/") else site_url + "/"
    absolute = absolute_link(language_url)
    note_type = model(lang, text)
    root = text["anki"]["deck"]
    decks = []
    for section in catalog.sections:
        deck = genanki.Deck(stable_id("deck", lang, section.slug), f"{root}::{section.title}")
        for q in section.questions:
            answer = site_config.render(md, rebase(q.short_answer, q.rel, absolute))
            points = [_inline(md, rebase(p, q.rel, absolute)) for p in q.key_points]
            level = q.meta.get("level") or ""
            tags = [t for t in q.tags if " " not in t]
            deck.add_note(genanki.Note(
                model=note_type, guid=note_guid(lang, q),
                fields=[html.escape(q.title), answer, "<ul>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>"
                        if points else "", language_url + q.url, html.escape(section.title),
                        html.escape(text.get("levels", {}).get(level, ""))],
                tags=tags + ([f"level::{level}"] if level else [])))
        decks.append(deck)
    return genanki.Package(decks)


# Deck path -> digest of what the deck last written there was made from. In
# `make serve` the process lives across rebuilds, and rendering every note's
# Markdown again after each save was a third of a rebuild at 1,500 questions.
_written: dict[str, str] = {}


def _inputs(catalog: Catalog, text: dict, lang: str, config) -> str:
    """A digest of everything a deck is made from."""
    hasher = hashlib.sha256(repr((lang, config.get("site_url"), config.get("markdown_extensions"),
                                  config.get("mdx_configs"), text.get("anki"), text.get("levels"))).encode())
    for section in catalog.sections:
        hasher.update(repr((section.slug, section.title)).encode())
        for q in section.questions:
            hasher.update(repr((q.rel, q.title, q.meta, q.short_answer)).encode())
    return hasher.hexdigest()


def write(site: Path, catalog: Catalog, text: dict, lang: str, config) -> Path:
    """Write the language's deck into its site folder; `config` is the MkDocs config (site_url, Markdown).
    Skipped when the same process already wrote the same deck there (`make serve`)."""
    path = deck_path(site, lang)
    inputs = _inputs(catalog, text, lang, config)
    if _written.get(str(path)) == inputs and path.exists():
        return path
    pack = package(catalog, text, lang, config.get("site_url") or "/", config)
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = float(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    stored = io.BytesIO()
    with warnings.catch_warnings():
        # genanki warns about tags it does not know (e.g. <details>); Anki shows them fine.
        warnings.simplefilter("ignore")
        pack.write_to_file(stored, timestamp=stamp)
    # genanki stores the collection uncompressed; deflated, the download is a sixth of the size.
    with zipfile.ZipFile(stored) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            out.writestr(name, source.read(name))
    _written[str(path)] = inputs
    return path
