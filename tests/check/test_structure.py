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


BOX = "/// details | 勘误：原文说 A，其实是 B\n    type: warning\n    attrs: {id: erratum-example-a}\n\n正文。\n///\n"


def test_a_collapsed_correction_after_the_short_answer_is_fine(tree):
    tree.replace(Q, "回到", BOX + "\n回到")
    assert tree.check("--only", "structure").returncode == 0


def test_a_correction_must_be_collapsed(tree):
    line = tree.replace(Q, "回到", BOX.replace("/// details", "/// warning") + "\n回到")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [correction] correction box must be a collapsed")


def test_a_correction_open_by_default_is_reported(tree):
    line = tree.replace(Q, "回到", BOX.replace("    type: warning\n", "    type: warning\n    open: true\n") + "\n回到")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [correction]")


def test_a_correction_needs_a_summary_title(tree):
    line = tree.replace(Q, "回到", BOX.replace("勘误：原文说 A，其实是 B", "勘误") + "\n回到")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [correction] correction box needs a one-line summary")


def test_a_correction_inside_the_short_answer_is_reported(tree):
    line = tree.replace(Q, "## 详解 { #details }", BOX + "\n## 详解 { #details }")
    assert_finding(tree.check("--only", "structure"), f"{Q}:{line}: [correction] corrections come after the short answer")


def test_a_short_answer_longer_than_45_seconds_is_reported_with_its_length(tree):
    sentence = "模型压缩在精度可接受时减小体积与计算量。"  # 19 characters said aloud
    line = tree.replace(Q, "示例用 Python 打印", sentence * 10 + "示例用 Python 打印")
    heading = tree.read(Q).splitlines().index("## 简答 { #short-answer }") + 1
    found = tree.check("--only", "structure")
    count = 10 * 19 + len("示例用打印的值见详解")
    assert_finding(found, f"{Q}:{heading}: [short-answer-length] the short answer is {count} Chinese characters "
                          "(limit 180")
    assert line > heading


def test_formulas_code_and_link_targets_do_not_count_towards_the_length(tree):
    en = "docs/en/python/example.md"
    body = "The example prints the value of"  # the short answer says 11 words in all
    unspoken = "$a + b + c + d + e + f + g$ `one two three four five six` [x](very/long/target.md) " * 5
    tree.replace(en, body, " ".join(["word"] * 94) + f" {unspoken}{body}")  # 94 + 5 link texts + 11 = 110
    assert tree.check("--only", "structure").returncode == 0, "110 words is the limit"
    tree.replace(en, body, "one more " + body)
    assert_finding(tree.check("--only", "structure"), f"{en}:")
    assert "[short-answer-length] the short answer is 112 English words" in tree.check("--only", "structure").stdout
