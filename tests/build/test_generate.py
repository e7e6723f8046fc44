"""What scripts/build/generate.py writes into pages: the tags page in each
language's reading order, and question levels as badges."""

from __future__ import annotations

import re

from scripts.content.strings import collation_key, in_reader_order


def _tag_headings(page: str) -> list[str]:
    return re.findall(r"<h2 id=\"?tag-[^>]*>([^<]+)", page)


def test_chinese_names_sort_by_pinyin_with_latin_names_by_their_letters():
    names = {"attention": "注意力机制", "aigc": "AIGC", "edge": "端侧与边缘计算", "linux": "Linux",
             "compression": "模型压缩", "deployment": "模型部署", "product": "产品与落地", "hyperparameters": "超参数"}
    assert [tag for tag, _ in in_reader_order(names, "zh")] == [
        "aigc", "product", "hyperparameters", "edge", "linux", "deployment", "compression", "attention"]


def test_english_names_sort_alphabetically_ignoring_case():
    assert collation_key("Fine-tuning", "en") < collation_key("fundamentals", "en") < collation_key("GANs", "en")


def test_the_tags_pages_list_tags_in_their_readers_order(built_site):
    zh = _tag_headings((built_site / "tags" / "index.html").read_text(encoding="utf-8"))
    en = _tag_headings((built_site / "en" / "tags" / "index.html").read_text(encoding="utf-8"))
    assert len(zh) == len(en) > 5
    # Hand-checked pairs: 端 (duān) before 扩 (kuò), 正 (zhèng) before 注 (zhù),
    # not the ids' order (diffusion before edge, attention first).
    assert zh.index("端侧与边缘计算") < zh.index("扩散模型") < zh.index("正则化") < zh.index("注意力机制")
    assert zh[-1] == "注意力机制"
    assert en == sorted(en, key=str.casefold)


def test_a_question_shows_its_level_under_its_title(built_site):
    page = (built_site / "deep-learning" / "attention-mechanisms" / "index.html").read_text(encoding="utf-8")
    title_end = page.index("</h1>")
    badge = page.index("hb-level-line")
    assert title_end < badge < page.index("hb-practice")
    assert re.search(r"class=\"?hb-level\"? data-level=\"?must-know\"?>.*?必会</span>", page[badge:])


def test_section_lists_put_each_level_badge_first_in_its_item(built_site):
    for lang in ("", "en/"):
        page = (built_site / lang / "deep-learning" / "index.html").read_text(encoding="utf-8")
        items = re.findall(r"<li>(.*?)</li>", page[page.index("id=questions"):])
        badged = [item for item in items if "hb-level" in item]
        assert badged and all(item.startswith("<span class=hb-level") for item in badged)
