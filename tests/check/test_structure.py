from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_question_must_open_with_its_short_answer(tree):
    line = tree.replace(Q, "## 简答 { #short-answer }", "先说点别的。\n\n## 简答 { #short-answer }")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [short-answer]")


def test_question_without_short_answer(tree):
    line = tree.replace(Q, "## 简答 { #short-answer }", "## 回答 { #answer }")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [short-answer]")


def test_empty_short_answer(tree):
    text = tree.read(Q)
    start = text.index("## 简答")
    end = text.index("## 详解")
    tree.write(Q, text[:start] + "## 简答 { #short-answer }\n\n" + text[end:])
    line = tree.read(Q).splitlines().index("## 简答 { #short-answer }") + 1
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [short-answer] the short answer is empty")


def test_a_correction_box_before_the_short_answer_is_not_first(tree):
    box = "/// details | 勘误：原文说错了\n    type: warning\n\n正文。\n///\n\n"
    line = tree.replace(Q, "## 简答 { #short-answer }", box + "## 简答 { #short-answer }")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [short-answer]")


def test_duplicate_heading_ids(tree):
    line = tree.replace(Q, "## 详解 { #details }", "## 详解 { #short-answer }")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [heading-duplicate]")


def test_unfilled_placeholder(tree):
    line = tree.replace(Q, "回到", "[[TODO: 写出详解]]\n\n回到")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [placeholder]")


def test_placeholder_in_front_matter(tree):
    line = tree.replace(Q, "description: 一个用于测试检查器的示例问题。", "description: \"[[TODO: 一句话描述]]\"")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [placeholder]")
