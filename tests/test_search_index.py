"""The built search indexes: one per language, Chinese segmented by jieba with
the domain dictionary, and configured so that full English words match."""

from __future__ import annotations

import json
import re

import pytest

from scripts.search_index import index_path

CJK = re.compile(r"[\u4e00-\u9fff]")


def load(site, lang):
    return json.loads(index_path(site, lang).read_text(encoding="utf-8"))


def test_each_language_has_its_own_index(built_site):
    zh, en = load(built_site, "zh"), load(built_site, "en")
    assert zh["docs"] and en["docs"]
    assert not [d for d in zh["docs"] if d["location"].startswith("en/")]
    assert not [d for d in en["docs"] if CJK.search(d["title"])], "Chinese titles in the English index"
    assert len([d for d in en["docs"] if d["location"] == ""]) == 1  # the English home page, relative to /en/


def test_chinese_index_is_segmented_by_jieba(built_site):
    text = " ".join(d["text"] for d in load(built_site, "zh")["docs"])
    # jieba inserts zero-width spaces between words; without jieba there are none.
    assert text.count("\u200b") > 1000


@pytest.mark.parametrize("term", ["知识蒸馏", "注意力机制", "低秩分解", "先验保持损失", "模式坍塌"])
def test_domain_terms_stay_whole(built_site, term):
    text = " ".join(d["title"] + " " + d["text"] for d in load(built_site, "zh")["docs"])
    pieces = re.findall(r"[\u200b\s>（(“]" + term + r"[\u200b\s<）)”，。、]", text)
    assert pieces, f"{term} was split by the segmenter"


def test_no_stemmer_so_full_words_match(built_site):
    for lang in ("zh", "en"):
        assert "stemmer" not in load(built_site, lang)["config"]["pipeline"]
