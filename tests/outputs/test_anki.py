"""The Anki decks the build writes (scripts/outputs/anki.py), opened as Anki would:
a zip holding an SQLite collection."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from scripts.content import catalog, strings
from scripts.content.layout import DOCS
from scripts.outputs import anki
from tests.conftest import BUILD_URL


def open_deck(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as package:
        assert {"collection.anki2", "media"} <= set(package.namelist())
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in package.infolist())
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(db)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deck_holds_every_question_with_stable_ids(built_site, tmp_path, lang):
    root = built_site if lang == "zh" else built_site / lang
    cat = catalog.load(DOCS / lang)
    text = strings.in_language(lang)
    language_url = BUILD_URL if lang == "zh" else f"{BUILD_URL}{lang}/"
    db = open_deck(anki.deck_path(root, lang), tmp_path)
    notes = {guid: (mid, tags.split(), fields.split("\x1f"))
             for guid, mid, tags, fields in db.execute("select guid, mid, tags, flds from notes")}
    questions = cat.questions()
    assert len(notes) == len(questions)
    models = json.loads(db.execute("select models from col").fetchone()[0])
    assert list(models) == [str(anki.stable_id("model", lang))]
    decks = {name: int(i) for i, name in ((k, v["name"]) for k, v in
                                          json.loads(db.execute("select decks from col").fetchone()[0]).items())}
    for section in cat.sections:
        deck_id = decks[f"{text['anki']['deck']}::{section.title}"]
        assert deck_id == anki.stable_id("deck", lang, section.slug)
        for q in section.questions:
            # GUID from the language and page path: a newer deck updates this note
            mid, tags, (front, back, points, link, section_name, level) = notes[anki.note_guid(lang, q)]
            assert mid == anki.stable_id("model", lang)
            assert front == q.title.replace("&", "&amp;") and link == language_url + q.url
            assert section_name == section.title and level == text["levels"][q.meta["level"]]
            assert set(tags) == set(q.meta["tags"]) | {f"level::{q.meta['level']}"}
            assert points.count("<li>") == len(q.meta["key_points"])
            assert back.startswith("<") and "](" not in back and ".md" not in back
            cards = db.execute("select did from cards where nid = (select id from notes where guid = ?)",
                               (anki.note_guid(lang, q),)).fetchall()
            assert cards == [(deck_id,)]
    # ids do not depend on the build: the same for the other language's pages, different per language
    other = "en" if lang == "zh" else "zh"
    assert anki.stable_id("model", lang) != anki.stable_id("model", other)
    assert anki.note_guid(lang, questions[0]) != anki.note_guid(other, questions[0])


def test_deck_content_links_and_math(built_site, tmp_path):
    db = open_deck(anki.deck_path(built_site / "en", "en"), tmp_path)
    backs = dict(db.execute("select guid, flds from notes").fetchall())
    cat = catalog.load(DOCS / "en")
    by_slug = {q.slug: backs[anki.note_guid("en", q)].split("\x1f") for q in cat.questions()}
    regularization = by_slug["regularization"][1]
    # relative .md links in the short answer become absolute page URLs, anchors kept
    assert f'href="{BUILD_URL}en/machine-learning/discriminative-vs-generative/"' in regularization
    assert f'href="{BUILD_URL}en/ai-painting/dreambooth/#prior-preservation"' in regularization
    # formulas stay TeX in Anki's MathJax delimiters
    attention = by_slug["attention-mechanisms"][1] + by_slug["attention-mechanisms"][2]
    assert "\\(" in attention and "$" not in attention and "<math" not in attention
    assert "<code>" in by_slug["assert"][1]


def test_a_rebuilt_deck_keeps_its_identity(tmp_path):
    cat = catalog.load(DOCS / "en")
    text = strings.in_language("en")
    config = {"site_url": "https://example.org/handbook/en/", "markdown_extensions": [], "mdx_configs": {}}
    first = open_deck(anki.write(tmp_path / "a", cat, text, "en", config), tmp_path)
    second = open_deck(anki.write(tmp_path / "b", cat, text, "en", config), tmp_path / "a")
    query = "select guid, mid, flds, tags from notes order by guid"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    decks = "select did, count(*) from cards group by did order by did"
    assert first.execute(decks).fetchall() == second.execute(decks).fetchall()


def test_serve_rewrites_the_deck_only_when_a_question_changed(tmp_path, monkeypatch):
    # `make serve` keeps one process across rebuilds; the deck is rendered
    # again only when something it is made from changed.
    cat = catalog.load(DOCS / "en")
    text = strings.in_language("en")
    config = {"site_url": "https://example.org/handbook/en/", "markdown_extensions": [], "mdx_configs": {}}
    rendered = []
    real_package = anki.package
    monkeypatch.setattr(anki, "package", lambda *a, **k: rendered.append(1) or real_package(*a, **k))
    path = anki.write(tmp_path, cat, text, "en", config)
    anki.write(tmp_path, cat, text, "en", config)
    assert len(rendered) == 1
    question = cat.sections[0].questions[0]
    question.meta["key_points"] = question.meta["key_points"] + ["A point added while serving."]
    anki.write(tmp_path, cat, text, "en", config)
    assert len(rendered) == 2
    fields = open_deck(path, tmp_path).execute("select flds from notes").fetchall()
    assert any("A point added while serving." in row[0] for row in fields)
    path.unlink()  # a fresh site folder (a new `mkdocs serve`) gets its deck again
    anki.write(tmp_path, cat, text, "en", config)
    assert len(rendered) == 3 and path.exists()
