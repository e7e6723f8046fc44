from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_invalid_yaml(tree):
    tree.replace(Q, "description: 一个用于测试检查器的示例问题。", "description: [broken")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:")
    assert "[frontmatter] invalid YAML" in result.stdout


def test_tag_outside_the_vocabulary(tree):
    line = tree.replace(Q, "  - python\n", "  - cooking\n")
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:{line}: [frontmatter]")


def test_question_without_source(tree):
    tree.replace(Q, "source:\n  article: sanwu-14\n  upstream: Python编程基础/\n", "")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:1: [frontmatter]")
    assert "'source' is a required property" in result.stdout


def test_unknown_key(tree):
    line = tree.replace(Q, "tags:", "colour: blue\ntags:")
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:1: [frontmatter]")
    assert line == 4


def test_page_without_front_matter(tree):
    tree.write("docs/zh/index.md", "# 首页\n\n## 简介 { #intro }\n\n正文。\n")
    assert_finding(tree.check("--only", "frontmatter"), "docs/zh/index.md:1: [frontmatter]")
