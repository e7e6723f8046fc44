"""The study system in the built site, without a browser: its first-load
weight (scripts/dev/bench/weight.py), the study page in both languages, and tag names
translated wherever a reader sees them."""

from __future__ import annotations

import json
import re

import pytest

from scripts.content import strings
from scripts.dev.bench.weight import TARGET_GZIP, first_load_bytes


@pytest.mark.parametrize("lang", ["", "en"])
def test_study_scripts_stay_light_on_a_question_page(built_site, lang):
    weight = first_load_bytes(built_site / lang)
    assert set(weight["files"]) == {"assets/javascripts/study-store.js", "assets/javascripts/practice.js",
                                    "assets/stylesheets/study.css"}
    assert 0 < weight["first_load_gzip"] <= TARGET_GZIP
    # the scheduler and the study page's script are not part of a question page's first load
    page = (built_site / lang / weight["page"] / "index.html").read_text(encoding="utf-8")
    assert "ts-fsrs" not in page and "study.js" not in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_study_page_and_home_links(built_site, lang):
    root = built_site if lang == "zh" else built_site / lang
    text = strings.in_language(lang)
    study = (root / "study" / "index.html").read_text(encoding="utf-8")
    for heading in ("review", "mock-interview", "progress", "anki"):
        assert re.search(rf"<h2 id={heading}>", study)
    assert "assets/javascripts/study.js" in study and f"downloads/handbook-{lang}.apkg" in study
    assert text["study"]["review_heading"] in study and text["study"]["clear_progress"] in study
    home = (root / "index.html").read_text(encoding="utf-8")
    assert "href=study/#review" in home and f"href=downloads/handbook-{lang}.apkg" in home
    assert (root / "downloads" / f"handbook-{lang}.apkg").stat().st_size > 1000


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tag_names_are_translated_on_pages_the_tags_index_and_in_practice_data(built_site, lang):
    root = built_site if lang == "zh" else built_site / lang
    names = strings.in_language(lang)["tags"]
    page = (root / "ai-painting" / "dreambooth" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"class=md-tag href=[^>]*#tag-diffusion>([^<]+)", page) == [names["diffusion"]]
    index = (root / "tags" / "index.html").read_text(encoding="utf-8")
    assert f"<h2 id=tag-diffusion>{names['diffusion']}" in index
    questions = json.loads((root / "questions.json").read_text(encoding="utf-8"))
    assert questions
    for q in questions:
        assert q["tag_names"] == [names[t] for t in q["tags"]]
