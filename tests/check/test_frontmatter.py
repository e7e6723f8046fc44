from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"
EN = "docs/en/python/example.md"
ARTICLE = "source:\n  type: article\n  article: sanwu-14\n  upstream: Python编程基础/\n"


def test_invalid_yaml(tree):
    tree.replace(Q, "description: 一个用于测试检查器的示例问题。", "description: [broken")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:")
    assert "[frontmatter] invalid YAML" in result.stdout


def test_tag_outside_the_vocabulary_names_where_to_add_it(tree):
    line = tree.replace(Q, "  - python\n", "  - cooking\n")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:{line}: [frontmatter]")
    assert "overrides/locales/strings.yml" in result.stdout


def test_question_without_source(tree):
    tree.replace(Q, ARTICLE, "")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:1: [frontmatter]")
    assert "'source' is a required property" in result.stdout


def test_unknown_key_is_reported_at_its_own_line(tree):
    line = tree.replace(Q, "tags:", "colour: blue\ntags:")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:{line}: [frontmatter] colour: unknown key")


def test_nested_error_points_at_the_nested_key(tree):
    line = tree.replace(Q, "  article: sanwu-14\n", "  article: sanwu-fourteen\n")
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:{line}: [frontmatter] source.article")


def test_an_original_question_needs_no_article(tree):
    for rel in (Q, EN):
        tree.replace(rel, ARTICLE, "source:\n  type: original\n  author: octocat\n")
    result = tree.check("--only", "frontmatter", "--only", "i18n")
    assert result.returncode == 0, result.stdout


def test_an_original_question_cannot_claim_an_upstream_file(tree):
    tree.replace(Q, "  type: article\n", "  type: original\n")
    line = tree.read(Q).splitlines().index("source:") + 1
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:{line}: [frontmatter] source")


def test_an_article_question_needs_its_upstream_file(tree):
    line = tree.replace(Q, ARTICLE, "source:\n  type: article\n  article: sanwu-14\n")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:{line}: [frontmatter] source")
    assert "'upstream' is a required property" in result.stdout


def test_key_points_are_three_to_six(tree):
    tree.replace(Q, "  - 详解在简答之后。\n", "")
    tree.replace(Q, "  - 公式写在美元符号之间。\n", "")
    line = tree.read(Q).splitlines().index("key_points:") + 1
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:{line}: [frontmatter] key_points")


def test_level_comes_from_the_scale(tree):
    line = tree.replace(Q, "level: common", "level: easy")
    assert_finding(tree.check("--only", "frontmatter"), f"{Q}:{line}: [frontmatter] level")


def test_a_typo_in_one_language_reports_the_typo_not_a_translation_gap(tree):
    line = tree.replace(EN, "tags:", "tgas:")
    result = tree.check("--only", "frontmatter", "--only", "i18n")
    assert_finding(result, f"{EN}:{line}: [frontmatter] tgas: unknown key")
    assert "i18n-frontmatter" not in result.stdout, result.stdout


def test_page_without_front_matter(tree):
    tree.write("docs/zh/index.md", "# 首页\n\n## 简介 { #intro }\n\n正文。\n")
    assert_finding(tree.check("--only", "frontmatter"), "docs/zh/index.md:1: [frontmatter]")


def test_section_pages_need_an_order(tree):
    tree.replace("docs/zh/python/index.md", "order: 1\n", "")
    assert_finding(tree.check("--only", "frontmatter"), "docs/zh/python/index.md:1: [frontmatter]")


def test_a_full_width_colon_is_named_at_its_own_line(tree):
    line = tree.replace(Q, "level: common", "level： common")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:{line}: [frontmatter] a full-width colon '：' after 'level'")
    assert result.stdout.count("[frontmatter]") == 1  # one finding per mistake


def test_an_over_indented_list_item_is_not_reported_as_an_unknown_tag(tree):
    line = tree.replace(Q, "  - python\n", "  - python\n   - optimization\n")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{Q}:{line + 1}: [frontmatter] this list item is indented by 3 spaces and the one above by 2")
    assert "unknown tag" not in result.stdout and result.stdout.count("[frontmatter]") == 1


def test_an_unclosed_quote_is_reported_where_it_opens(tree):
    line = tree.replace(EN, "title: What is an example?", 'title: "What is an example?')
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{EN}:{line}: [frontmatter] the quote that opens")


def test_a_colon_inside_an_unquoted_title_says_to_quote_it(tree):
    line = tree.replace(EN, "title: What is an example?", "title: Batch normalization: what does it do?")
    result = tree.check("--only", "frontmatter")
    assert_finding(result, f"{EN}:{line}: [frontmatter] ': ' inside the unquoted value")
    assert 'quote the whole value ("...")' in result.stdout and "mapping values" not in result.stdout


def test_block_scalars_and_quoted_values_with_colons_are_fine(tree):
    tree.replace(EN, "title: What is an example?", 'title: "Batch normalization: what does it do?"')
    tree.replace(EN, "# What is an example?", "# Batch normalization: what does it do?")
    tree.replace(EN, "description: An example question for testing the checker.",
                 "description: >-\n  A description: folded\n    - not a list: here")
    result = tree.check("--only", "frontmatter")
    assert result.returncode == 0, result.stdout
