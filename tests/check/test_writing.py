from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_missing_space_between_chinese_and_latin(tree):
    line = tree.replace(Q, "示例用 Python 打印", "示例用Python打印")
    assert_finding(tree.check("--only", "writing"), f"{Q}:{line}: [cjk-spacing]")


def test_half_width_comma_in_chinese(tree):
    line = tree.replace(Q, "回到", "先这样,再那样。\n\n回到")
    assert_finding(tree.check("--only", "writing"), f"{Q}:{line}: [cjk-spacing]")


def test_fix_repairs_spacing_and_keeps_the_rest(tree):
    tree.replace(Q, "示例用 Python 打印", "示例用Python打印")
    before = tree.read(Q)
    result = tree.check("--only", "writing", "--fix")
    assert result.returncode == 0, result.stdout
    after = tree.read(Q)
    assert "示例用 Python 打印" in after
    assert after.replace("示例用 Python 打印", "示例用Python打印") == before
    assert "upstream: Python编程基础/" in after  # paths in front matter stay verbatim


def test_heading_without_explicit_id(tree):
    line = tree.replace(Q, "## 详解 { #details }", "## 详解")
    assert_finding(tree.check("--only", "writing"), f"{Q}:{line}: [heading-id]")


def test_title_and_heading_disagree(tree):
    line = tree.replace(Q, "# 什么是示例？\n", "# 另一个标题\n")
    assert_finding(tree.check("--only", "writing"), f"{Q}:{line}: [page-title]")


def test_page_without_title(tree):
    tree.write("docs/zh/index.md", "## 简介 { #intro }\n\n正文。\n")
    assert_finding(tree.check("--only", "writing"), "docs/zh/index.md:1: [page-title]")


def test_empty_page(tree):
    tree.write("docs/zh/index.md", "---\ntitle: 首页\ndescription: 空。\n---\n\n# 首页\n")
    assert_finding(tree.check("--only", "writing"), "docs/zh/index.md:6: [page-empty]")


def test_markdown_lint(tree):
    line = tree.replace(Q, "回到", "行尾有多余空格。   \n\n回到")
    assert_finding(tree.check("--only", "writing"), f"{Q}:{line}: [markdown-lint]")


def _big_page(tree, megabytes: float) -> int:
    """Make the Chinese question a page of about `megabytes` MB with one spacing
    problem near its end; returns that line."""
    text = tree.read(Q)
    head, body = text.split("# 什么是示例？\n", 1)
    filler = "".join(f"## 段落 {i} {{ #part-{i} }}\n\n这是第 {i} 段正文，内容与 Python 有关。\n\n" for i in range(1, 40000))
    repeats = max(1, int(megabytes * 1024 * 1024 / len(filler.encode("utf-8"))))
    page = head + "# 什么是示例？\n" + body + filler * repeats + "最后一段用Python写成。\n"
    tree.write(Q, page)
    return page.count("\n")


def test_a_five_megabyte_page_is_checked_without_dying(tree):
    """autocorrect stops at a call limit on megabyte pages and pymarkdownlnt takes
    minutes: the page gets page-size, and the typography check still reaches its end."""
    line = _big_page(tree, 5)
    result = tree.check("--only", "writing")
    assert_finding(result, f"{Q}:{line}: [cjk-spacing]")
    assert f"{Q}:1: [page-size]" in result.stdout


def test_fix_works_on_a_large_page(tree):
    _big_page(tree, 1)
    result = tree.check("--only", "writing", "--fix")
    assert "Traceback" not in result.stderr, result.stderr
    assert tree.read(Q).rstrip().endswith("最后一段用 Python 写成。")


def test_half_width_semicolon_and_colon_after_chinese_are_reported_in_context(tree):
    long = "这一段话故意写得很长，" * 6 + "前面都没有问题;后面也没有"
    line = tree.replace(Q, "回到", long + "\n\n回到")
    result = tree.check("--only", "writing")
    assert_finding(result, f"{Q}:{line}: [cjk-spacing] half-width punctuation in Chinese text: "
                           "'…，前面都没有问题;后面也没有' → '…，前面都没有问题；后面也没有'")


def test_code_formulas_and_links_keep_their_ascii_punctuation(tree):
    tree.replace(Q, "回到", "调用 `f(a, b);` 得到 $x,y$，见[文档](https://example.com/a;b)。\n\n回到")
    assert tree.check("--only", "writing").returncode == 0


def test_a_long_line_shows_what_changes_not_its_first_50_characters(tree):
    line = tree.replace(Q, "回到", "很" * 80 + "好test好。\n\n回到")
    result = tree.check("--only", "writing")
    assert_finding(result, f"{Q}:{line}: [cjk-spacing] '…很很很很很很很好test好。' → '…很很很很很很很好 test 好。'")


def test_fix_lists_every_change_it_made(tree):
    line = tree.replace(Q, "回到", "中文和English混排;没有空格\n\n回到")
    result = tree.check("--only", "writing", "--fix")
    assert result.returncode == 0, result.stdout
    assert f"{Q}:{line}: [cjk-spacing] fixed: '中文和English混排;没有空格' → '中文和 English 混排；没有空格'" \
        in result.stdout
    assert "中文和 English 混排；没有空格" in tree.read(Q)
