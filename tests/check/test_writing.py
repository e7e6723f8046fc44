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
