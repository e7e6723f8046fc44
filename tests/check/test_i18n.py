import subprocess

from tests.check.conftest import assert_finding

ZH, EN = "docs/zh/python/example.md", "docs/en/python/example.md"


def test_page_missing_in_english(tree):
    (tree.root / EN).unlink()
    assert_finding(tree.check("--only", "i18n"), f"{EN}:1: [i18n-missing]")


def test_page_missing_in_chinese(tree):
    (tree.root / ZH).unlink()
    assert_finding(tree.check("--only", "i18n"), f"{ZH}:1: [i18n-missing]")


def test_heading_ids_differ(tree):
    line = tree.replace(EN, "{ #details }", "{ #detail }")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-headings]")


def test_heading_missing_in_one_language(tree):
    line = tree.replace(ZH, "回到", "## 追问 { #follow-ups }\n\n更多。\n\n回到")
    assert_finding(tree.check("--only", "i18n"), f"{ZH}:{line}: [i18n-headings]")


def test_code_differs(tree):
    line = tree.replace(EN, "x = 3", "x = 4")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-code]")


def test_comments_and_strings_may_differ(tree):
    tree.replace(ZH, "x = 3", "x = 3  # 中文注释")
    tree.replace(EN, "x = 3", "x = 3  # an English comment")
    assert tree.check("--only", "i18n").returncode == 0


def test_front_matter_keys_differ(tree):
    tree.replace(ZH, "order: 1\n", "order: 1\nhide:\n  - toc\n")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:1: [i18n-frontmatter] front-matter key 'hide'")


def test_shared_front_matter_values_differ(tree):
    line = tree.replace(EN, "tags:\n  - python", "tags:\n  - image")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-frontmatter]")


def test_level_is_shared(tree):
    line = tree.replace(EN, "level: common", "level: advanced")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-frontmatter] 'level'")


def test_key_points_come_in_pairs(tree):
    tree.replace(EN, "  - Details follow the short answer.\n", "  - Details follow the short answer.\n  - One more.\n")
    line = tree.read(EN).splitlines().index("key_points:") + 1
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-frontmatter] 4 key_points")


def git(tree, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tree.root,
                   check=True, capture_output=True)


def head(tree) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=tree.root, capture_output=True, text=True).stdout.strip()


def test_stale_translation_is_a_warning_not_an_error(tree):
    git(tree, "init", "-q")
    git(tree, "add", ".")
    git(tree, "commit", "-q", "-m", "both")
    tree.replace(ZH, "示例用", "这个示例用")
    git(tree, "commit", "-q", "-am", "zh only")
    result = tree.check("--only", "i18n")
    assert result.returncode == 0, result.stdout
    assert f"{EN}:1: [i18n-stale]" in result.stdout
    assert "1 warnings" in result.stdout


def test_uncommitted_edit_shows_the_warning_while_editing(tree):
    git(tree, "init", "-q")
    git(tree, "add", ".")
    git(tree, "commit", "-q", "-m", "both")
    tree.replace(ZH, "示例用", "这个示例用")
    assert f"{EN}:1: [i18n-stale]" in tree.check("--only", "i18n").stdout


def test_review_marker_clears_the_warning_until_the_twin_changes_again(tree):
    git(tree, "init", "-q")
    git(tree, "add", ".")
    git(tree, "commit", "-q", "-m", "both")
    tree.replace(ZH, "示例用", "这个示例用")
    git(tree, "commit", "-q", "-am", "zh only")
    hint = tree.check("--only", "i18n").stdout
    assert f"translation: {{reviewed: {head(tree)[:10]}}}" in hint  # the hint names the commit to record
    # The translator checks the English page and records the review, as the hint says.
    tree.replace(EN, "order: 1\n", f"order: 1\ntranslation: {{reviewed: {head(tree)[:10]}}}\n")
    git(tree, "commit", "-q", "-am", "en reviewed")
    result = tree.check("--only", "i18n")
    assert "i18n-stale" not in result.stdout, result.stdout
    # The Chinese page changes again: the warning is back.
    tree.replace(ZH, "这个示例用", "这个例子用")
    git(tree, "commit", "-q", "-am", "zh again")
    assert f"[i18n-stale] {ZH} changed after this translation" in tree.check("--only", "i18n").stdout


def test_review_marker_with_an_unknown_commit_is_a_frontmatter_value(tree):
    line = tree.replace(EN, "order: 1\n", "order: 1\ntranslation: {reviewed: not-a-commit}\n")
    assert_finding(tree.check("--only", "frontmatter"), f"{EN}:{line + 1}: [frontmatter] translation.reviewed")


def test_cached_pair_findings_keep_the_page_they_name(tree):
    line = tree.replace(ZH, "回到", "## 追问 { #follow-ups }\n\n更多。\n\n回到")
    first = tree.check("--only", "i18n")
    second = tree.check("--only", "i18n")  # from .cache/check.json
    assert f"{ZH}:{line}: [i18n-headings]" in first.stdout
    assert f"{ZH}:{line}: [i18n-headings]" in second.stdout
    assert "3 results reused" in second.stdout  # the three page pairs
