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


def test_a_block_that_timed_out_is_tried_again_alone_before_it_is_reported(tree, tmp_path):
    marker = tmp_path / "ran-once"
    slow_once = (f"import pathlib, time\nmarker = pathlib.Path({str(marker)!r})\n"
                 "if not marker.exists():\n    marker.touch()\n    time.sleep(30)\nx = 3\n")
    tree.replace(Q, "x = 3\n", slow_once)
    result = tree.check("--only", "code", HANDBOOK_CODE_TIMEOUT="3")
    assert marker.exists() and result.returncode == 0, result.stdout  # the second, lone run passed


def test_a_timeout_is_reported_but_never_cached(tree):
    line = tree.replace(Q, "x = 3\n", "x = 3\nimport time\ntime.sleep(30)\n")
    for _ in range(2):
        result = tree.check("--only", "code", HANDBOOK_CODE_TIMEOUT="1")
        assert_finding(result, f"{Q}:{line - 1}: [code-run] Python block did not finish within 1 s")
    assert "did not finish" not in tree.read(".cache/check.json")


def test_no_cache_runs_everything_again_and_stores_the_fresh_results(tree):
    tree.check("--only", "code")
    again = tree.check("--only", "code", "--no-cache")
    assert again.returncode == 0 and "(0 results reused" in again.stdout
    assert "(0 results reused" not in tree.check("--only", "code").stdout


def test_a_missing_library_says_which_ones_examples_may_import(tree):
    line = tree.replace(Q, "x = 3\n", "import torch\nx = 3\n")
    result = tree.check("--only", "code")
    assert_finding(result, f"{Q}:{line}: [code-run] Python block fails: ModuleNotFoundError")
    assert "requirements-check.in" in result.stdout and 'test="skip"' in result.stdout


def test_a_skipped_block_must_still_be_valid_python(tree):
    line = tree.replace(Q, "```python\nx = 3", '```{.python test="skip" reason="needs a GPU"}\nx = = 3')
    assert_finding(tree.check("--only", "code"), f"{Q}:{line + 1}: [code-syntax]")


def test_update_output_rewrites_the_lines_under_each_print(tree):
    tree.replace(Q, "#> 9", "#> 10")
    tree.replace(Q, "print(x**2)\n#> 10\n", "print(x**2)\n#> 10\nfor i in range(2):\n    print(i, i * x)\n")
    assert tree.check("--only", "code").returncode == 1
    result = tree.check("--only", "code", "--update-output")
    assert result.returncode == 0 and "[code-output] rewrote" in result.stdout, result.stdout
    assert "print(x**2)\n#> 9\nfor i in range(2):\n    print(i, i * x)\n    #> 0 0\n    #> 1 3\n```" \
        in tree.read(Q)
    assert tree.check("--only", "code").returncode == 0


def test_code_results_do_not_depend_on_ui_strings_or_the_site_config(tmp_path, monkeypatch):
    """Adding a tag (strings.yml) or editing mkdocs.yml must not run every example
    again; a new pin of the examples' libraries must."""
    from scripts.check import cache

    for name in ("requirements-check.txt", "mkdocs.yml", "overrides/locales/strings.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("v1\n")
    monkeypatch.setattr(cache, "TOOLS", tmp_path)

    def salts() -> tuple[str, str]:
        cache.salt.cache_clear()
        return cache.salt("code"), cache.salt("links")

    code, links = salts()
    (tmp_path / "overrides/locales/strings.yml").write_text("v2\n")
    (tmp_path / "mkdocs.yml").write_text("v2\n")
    assert salts() == (code, salts()[1]) and salts()[1] != links
    (tmp_path / "requirements-check.txt").write_text("v2\n")
    assert salts()[0] != code
    cache.salt.cache_clear()


def test_a_block_that_uses_too_much_cpu_is_reported_whatever_the_load(tree):
    line = tree.replace(Q, "x = 3\n", "x = 3\nimport time\nend = time.process_time() + 11\n"
                                      "while time.process_time() < end:\n    pass\n")
    result = tree.check("--only", "code")
    assert_finding(result, f"{Q}:{line - 1}: [code-run] Python block used 1")
    assert "s of CPU time (limit 10 s)" in result.stdout
