"""The copy of a page the search index reads (scripts/outputs/search_text.py): what
Pagefind is given decides what it can find, so each rule is checked on the
HTML it rewrites. (What a reader then sees is tested in Chromium,
tests/browser/test_search.py.)"""

from __future__ import annotations

import re

from scripts.build import highlight
from scripts.outputs.search_text import BREAK, HEADINGS_END, TITLE_END, prepared

PAGE = ('<html><head><title>标题</title></head><body><nav><a href=x title=导航>导航栏</a></nav>'
        '<div data-pagefind-body><h1 id=t>什么是注意力？<a class=headerlink href=#t title="Permanent link">¶</a></h1>'
        '<div class=hb-practice data-pagefind-ignore><h2 id=no>练习面板</h2></div>'
        '<p>见<a href=../x/ title=链接说明>判别式</a>模型，<strong>注意</strong>力机制用 Q、K、V 计算。</p>'
        '<h2 id=a>交叉注意力<a class=headerlink href=#a>¶</a></h2><p>Cross-attention 与 LoRA。</p></div>'
        '<footer>页脚</footer></body></html>')


def words(html: str) -> list[str]:
    """The body's words as Pagefind splits them (whitespace), tags dropped."""
    body = html[html.index("<div data-pagefind-body"):]
    return re.sub(r"<[^>]*>", " ", body).split()


def test_permalink_signs_are_gone():
    assert "¶" not in prepared(PAGE, "zh") and "headerlink" not in prepared(PAGE, "zh")


def test_chinese_is_pairs_that_run_on_across_inline_markup():
    text = words(prepared(PAGE, "zh"))
    # 见<a>判别式</a>模型: one run across the link; **注意**力机制 likewise.
    assert text[text.index("见判"):text.index("见判") + 6] == ["见判", "判别", "别式", "式模", "模型", "型"]
    assert text[text.index("注意", text.index("型")):][:5] == ["注意", "意力", "力机", "机制", "制用"]
    # Punctuation stands alone, Latin words stay whole.
    assert "，" in text and "、" in text and "Q" in text and "LoRA" in text


def test_attributes_and_the_navigation_are_left_alone():
    html = prepared(PAGE, "zh")
    assert "title=链接说明" in html and "title=导航>导航栏" in html


def test_blocks_end_with_a_break_and_no_phrase_runs_across_them():
    text = words(prepared(PAGE, "zh"))
    heading = text.index("交叉", text.index(HEADINGS_END))  # the h2 in the body
    # 交叉注意力 ends the heading: its last character stands alone, then the
    # block's end, then the next paragraph.
    assert text[heading:heading + 7] == ["交叉", "叉注", "注意", "意力", "力", BREAK, "Cross-attention"]
    assert text.count(BREAK) >= 5  # h1, the outline, two paragraphs, h2


def test_the_outline_holds_the_title_then_the_headings_but_not_ignored_ones():
    text = words(prepared(PAGE, "zh"))
    start = text.index(TITLE_END)
    title = text[:start]
    assert title[:3] == ["什么", "么是", "是注"] and title.count("什么") == 2  # the h1, then its copy
    outline = text[start + 1:text.index(HEADINGS_END)]
    assert outline[:5] == ["交叉", "叉注", "注意", "意力", "力"]
    assert "练习" not in outline  # a heading inside data-pagefind-ignore
    assert 'data-pagefind-weight="0"' in prepared(PAGE, "zh")


def test_english_pages_keep_their_words():
    html = prepared(PAGE.replace("什么是注意力？", "What is attention?"), "en")
    assert "What is attention?" in html and TITLE_END in html


def test_code_tokens_are_words_of_their_own():
    """Compacted code (scripts/build/highlight.py) has bare names between token
    spans; Pagefind joins adjacent text, so each token must be a word alone."""
    code = ('<pre><code><span class="n">study</span><span class="o">.</span><span class="n">trial</span>'
            '<span class="o">.</span><span class="n">suggest_float</span><span class="p">(</span>'
            '<span class="s2">"lr"</span><span class="p">)</span></code></pre>')
    page = f"<div data-pagefind-body><h1>t</h1>{highlight.compact(code)}</div>"
    text = re.sub(r"<[^>]*>", "", prepared(page, "en"))  # text nodes as Pagefind joins them
    assert {"study", "trial", "suggest_float", '"lr"'} <= set(text.split())
