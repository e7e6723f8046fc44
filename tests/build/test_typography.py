"""scripts/build/typography.py on small HTML snippets and on the built site:
formulas kept with their punctuation, Chinese emphasis marked, wide tables
labelled per cell, <wbr> in code in table cells, and nothing else changed."""

from __future__ import annotations

from scripts.build.typography import typeset
from tests.html import parse

MATH = '<span class="hb-math-inline"><math><mi>x</mi></math></span>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>\n" for h in headers)
    body = "".join("<tr>\n" + "".join(f"<td>{c}</td>\n" for c in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def test_closing_punctuation_joins_the_formula():
    out = parse(typeset(f"<p>向量 {MATH}。下一句</p>"))
    nobr = out.css(".hb-nobr")
    assert len(nobr) == 1
    assert nobr[0].text() == "x。"
    assert out.css_first("p").text() == "向量 x。下一句"


def test_opening_and_closing_punctuation_around_a_formula():
    out = parse(typeset(f"<p>权重（{MATH}）、偏置 {MATH}，和 {MATH} 本身</p>"))
    assert [n.text() for n in out.css(".hb-nobr")] == ["（x）、", "x，"]
    assert len(out.css(".hb-math-inline")) == 3  # the third has no punctuation beside it: left alone


def test_latin_punctuation_joins_the_formula_too():
    assert [n.text() for n in parse(typeset(f"<p>with {MATH}, then ({MATH}).</p>")).css(".hb-nobr")] == ["x,", "(x)."]


def test_chinese_emphasis_is_marked_and_latin_titles_are_not():
    out = parse(typeset('<p><em>重点</em> <em>Mind</em> <em>《三年面试五年模拟》</em> <cite class="c">《书》</cite>'
                        " <i>Nature</i> <i>斜体</i></p>"))
    classes = {n.text(): n.attributes.get("class") for n in out.css("em, i, cite")}
    assert classes == {"重点": "hb-cjk", "Mind": None, "《三年面试五年模拟》": "hb-cjk-title",
                       "《书》": "hb-cjk-title c", "Nature": None, "斜体": "hb-cjk"}


def test_a_wide_table_gets_its_headers_as_cell_labels():
    html = _table(["页面", "原文 & 出处", "订正"], [["正则化", "长" * 30, "改" * 30]] * 2)
    out = parse(typeset(html))
    table = out.css_first("table")
    assert "data-hb-stack" in table.attributes
    labels = [td.attributes.get("data-label") for td in out.css("tbody td")]
    assert labels == ["页面", "原文 & 出处", "订正"] * 2
    assert [td.text() for td in out.css("tbody td")] == [td.text() for td in parse(html).css("tbody td")]


def test_narrow_and_two_column_tables_stay_tables():
    for html in (_table(["A", "B", "C"], [["1", "2", "3"]] * 4), _table(["页面", "订正"], [["长" * 40, "改" * 40]])):
        out = parse(typeset(html))
        assert "data-hb-stack" not in out.css_first("table").attributes
        assert not any("data-label" in td.attributes for td in out.css("td"))


def test_code_in_table_cells_may_break_only_after_separators():
    html = _table(["库", "接口"], [["<code>BayesSearchCV</code>", "<code>trial.suggest_*</code> 与 a.b"]])
    out = typeset(html)
    assert "<code>trial.<wbr>suggest_<wbr>*</code> 与 a.b" in out
    assert "<code>BayesSearchCV</code>" in out


def test_code_outside_tables_and_code_blocks_are_left_alone():
    html = (f"<p><code>trial.suggest_float</code> <em>x</em></p>"
            f"<pre><code>a.b_c = '{MATH}。'\n<em>斜体</em></code></pre>")
    assert typeset(html).count("<wbr>") == 0
    assert "hb-cjk" not in typeset(html).split("<pre>")[1]


def test_edits_land_in_place_after_unusual_line_separators():
    """The parser counts lines by "\\n" only; U+2028 and a form feed are text."""
    html = ("<p>a\u2028b\x0cc<br>\n<img src=x></p>\n"
            + _table(["库", "说明", "用法"], [["x", "长" * 40, "<code>a.b</code>"]]))
    out = typeset(html)
    assert out.startswith(html.split("<table>")[0])
    assert "<code>a.<wbr>b</code>" in out and 'data-label="用法"' in out
    assert parse(out).css_first("td").text() == "x"


def test_text_without_anything_to_do_is_unchanged():
    html = "<h1>标题</h1>\n<p>正文 &amp; <a href=\"x\">链接</a>，<strong>粗体</strong>。</p>\n<ul>\n<li>一</li>\n</ul>"
    assert typeset(html) == html


def test_the_built_site_keeps_punctuation_with_formulas(built_site):
    page = parse(built_site / "deep-learning/attention-mechanisms/index.html")
    kept = [n.text() for n in page.css(".hb-nobr")]
    assert len(kept) > 10
    assert all(n.css_first(".hb-math-inline") is not None for n in page.css(".hb-nobr"))
    # No formula is directly followed by closing punctuation outside a wrapper.
    for math in page.css(".hb-math-inline"):
        after = math.next
        if math.parent.attributes.get("class") != "hb-nobr" and after is not None and after.tag == "-text":
            assert after.text()[:1] not in "。，、；：？！）", after.text()[:10]


def test_the_built_errata_tables_are_labelled_in_both_languages(built_site):
    for root, correction in (("", "订正"), ("en/", "Correction")):
        page = parse(built_site / root / "errata/index.html")
        tables = page.css("article table")
        assert tables and all("data-hb-stack" in t.attributes for t in tables)
        last = [row.css("td")[-1].attributes.get("data-label") for t in tables for row in t.css("tbody tr")]
        assert len(last) > 20 and None not in last and correction in last


def test_the_built_library_table_breaks_names_only_after_separators(built_site):
    for root in ("", "en/"):
        page = parse(built_site / root / "deep-learning/hyperparameter-optimization/index.html")
        codes = {c.text(): c.html for c in page.css("td code")}
        assert "trial.<wbr>suggest_<wbr>*" in codes["trial.suggest_*"]
        assert "<wbr>" not in codes["BayesSearchCV"]


def test_a_formula_wrapper_with_more_classes_or_attributes_is_still_found():
    math = '<span class="hb-math-inline x" data-y="1"><math><mi>x</mi></math></span>'
    assert [n.text() for n in parse(typeset(f"<p>{math}。</p>")).css(".hb-nobr")] == ["x。"]
