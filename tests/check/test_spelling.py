"""[spelling]: English prose in British spelling with -ize (Oxford)."""

from __future__ import annotations

from tests.check.conftest import assert_finding

Q = "docs/en/python/example.md"


def test_a_us_spelling_in_english_prose_fails_with_the_british_form(tree):
    line = tree.replace(Q, "Back to", "The colour map is centered on zero.\n\nBack to")
    result = tree.check("--only", "spelling")
    assert_finding(result, f"{Q}:{line}: [spelling]")
    assert "'centered'" in result.stdout and "'centred'" in result.stdout
    assert "colour" not in result.stdout.replace("'centred'", "")


def test_an_ise_form_fails_with_the_ize_form(tree):
    line = tree.replace(Q, "description: An example question", "description: A normalised example question")
    result = tree.check("--only", "spelling")
    assert_finding(result, f"{Q}:{line}: [spelling]")
    assert "'normalized'" in result.stdout


def test_a_hyphenated_compound_is_read_by_its_parts(tree):
    line = tree.replace(Q, "Back to", "A color-coded table.\n\nBack to")
    assert_finding(tree.check("--only", "spelling"), f"{Q}:{line}: [spelling]")


def test_oxford_spelling_code_urls_ids_and_chinese_pages_pass(tree):
    tree.replace(Q, "Back to", "Regularization and normalize keep their -ize; analyse, colour, centre and a "
                 "computer program are British. Code: `set_color(center=True)`, np.center(x) and "
                 "[a link](https://example.org/color/behavior) stay as written; so does "
                 "DeepSeek-R1-Distill.\n\n## Colour { #color }\n\nBack to")
    tree.replace(Q, "print(x**2)", "color = 'center'  # behavior\nprint(x**2)")
    tree.replace("docs/zh/python/example.md", "回到", "代码里的 color 与 behavior 不算英文正文。\n\n回到")
    result = tree.check("--only", "spelling")
    assert result.returncode == 0, result.stdout + result.stderr
