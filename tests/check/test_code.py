import time

from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_fence_without_language(tree):
    line = tree.replace(Q, "```python\nx = 3", "```\nx = 3")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-lang]")


def test_unclosed_fence(tree):
    line = tree.replace(Q, "回到", "```bash\necho hi\n\n回到")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-unclosed]")


def test_skip_without_reason(tree):
    line = tree.replace(Q, "```python\nx = 3", '```{.python test="skip"}\nx = 3')
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-skip-reason]")


def test_skip_with_reason_is_not_run(tree):
    tree.replace(Q, "```python\nx = 3", '```{.python test="skip" reason="needs a GPU"}\nimport no_such_module\nx = 3')
    assert tree.check("--only", "code").returncode == 0


def test_python_block_that_raises_is_reported_at_the_failing_line(tree):
    line = tree.replace(Q, "print(x**2)", "print(x / 0)")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-run]")


def test_wrong_expected_output(tree):
    line = tree.replace(Q, "#> 9", "#> 10")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-output]")


def test_printing_without_expected_output(tree):
    line = tree.replace(Q, "#> 9\n", "#> 9\nprint('extra')\n")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line + 1}: [code-output]")


def test_a_hanging_block_is_stopped_within_the_time_limit(tree):
    line = tree.replace(Q, "x = 3\n", "x = 3\nwhile True:\n    pass\n")
    started = time.monotonic()
    result = tree.check("--only", "code", HANDBOOK_CODE_TIMEOUT="2")
    assert time.monotonic() - started < 15
    assert_finding(result, f"{Q}:{line - 1}: [code-run] Python block did not finish within 2 s")


def test_no_run_skips_execution(tree):
    tree.replace(Q, "print(x**2)", "print(x / 0)")
    assert tree.check("--only", "code", "--no-run").returncode == 0


def test_shellcheck_finding(tree):
    line = tree.replace(Q, "回到", "```bash\nrm -rf $DIR/build\n```\n\n回到")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line + 1}: [code-shellcheck]")


def test_runnable_shell_block_that_fails(tree):
    line = tree.replace(Q, "回到", '```{.bash test="run"}\nfalse\n```\n\n回到')
    assert_finding(tree.check("--only", "code"), f"{Q}:{line}: [code-run]")


def test_invalid_yaml_block(tree):
    line = tree.replace(Q, "回到", "```yaml\nkey: [unclosed\n```\n\n回到")
    result = tree.check("--only", "code")
    assert result.returncode == 1 and f"{Q}:" in result.stdout and "[code-parse]" in result.stdout
    assert_finding(result, f"{Q}:{line + 1}: [code-parse]") if f"{Q}:{line + 1}:" in result.stdout \
        else assert_finding(result, f"{Q}:{line + 2}: [code-parse]")


def test_invalid_json_block(tree):
    line = tree.replace(Q, "回到", '```json\n{"a": 1,}\n```\n\n回到')
    assert_finding(tree.check("--only", "code"), f"{Q}:{line + 1}: [code-parse]")


def test_cached_findings_come_back_at_their_line_and_an_edit_is_checked_again(tree):
    # Code findings are cached per page and per block (scripts/check/rules/code.py):
    # an unchanged page reports them from the cache, at the same line; a block
    # that moved keeps its entry but is reported at its new line; a fix clears them.
    line = tree.replace(Q, "#> 9", "#> 10")
    first = tree.check("--only", "code")
    assert_finding(first, f"{Q}:{line}: [code-output]")
    again = tree.check("--only", "code")
    assert_finding(again, f"{Q}:{line}: [code-output]")
    assert "(0 results reused" not in again.stdout
    tree.replace(Q, "# 什么是示例？\n", "# 什么是示例？\n\n多一段开场白。\n")
    assert_finding(tree.check("--only", "code"), f"{Q}:{line + 2}: [code-output]")
    tree.replace(Q, "#> 10", "#> 9")
    fixed = tree.check("--only", "code")
    assert fixed.returncode == 0, fixed.stdout
