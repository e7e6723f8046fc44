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
    tree.replace(EN, "tags:\n  - python\n", "")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:1: [i18n-frontmatter]")


def test_shared_front_matter_values_differ(tree):
    line = tree.replace(EN, "tags:\n  - python", "tags:\n  - image")
    assert_finding(tree.check("--only", "i18n"), f"{EN}:{line}: [i18n-frontmatter]")


def test_page_not_in_nav(tree):
    tree.write("mkdocs.yml", "site_name: t\nnav:\n  - index.md\n")
    assert_finding(tree.check("--only", "i18n"), f"{ZH}:1: [i18n-nav]")


def test_stale_translation_is_a_warning_not_an_error(tree):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tree.root,
                       check=True, capture_output=True)
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "both", "--date", "2020-01-01T00:00:00")
    tree.replace(ZH, "示例用", "这个示例用")
    git("commit", "-q", "-am", "zh only")
    result = tree.check("--only", "i18n")
    assert result.returncode == 0, result.stdout
    assert f"{EN}:1: [i18n-stale]" in result.stdout
    assert "1 warnings" in result.stdout
