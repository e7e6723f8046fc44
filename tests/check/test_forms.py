from tests.check.conftest import assert_finding

FORM = ".github/ISSUE_TEMPLATE/new-question.yml"
TEXT = """name: New question
body:
  - type: dropdown
    id: section
    attributes:
      label: Section
      options:
        - Python / Python 编程
        - A new section / 新章节
"""


def test_the_issue_form_lists_the_sections_and_fix_rewrites_it(tree):
    tree.write(FORM, TEXT)
    result = tree.check("--only", "forms")
    assert_finding(result, f"{FORM}:8: [issue-form] the Section list differs")
    assert "Python Programming / Python 编程基础" in result.stdout  # the section's titles, from its two index pages
    fixed = tree.check("--only", "forms", "--fix")
    assert fixed.returncode == 0 and "[issue-form] fixed" in fixed.stdout
    assert "        - Python Programming / Python 编程基础\n        - A new section / 新章节\n" in tree.read(FORM)
    assert tree.check("--only", "forms").returncode == 0


def test_a_new_section_is_missing_from_the_form_until_fixed(tree):
    tree.write(FORM, TEXT.replace("Python / Python 编程", "Python Programming / Python 编程基础"))
    assert tree.check("--only", "forms").returncode == 0
    for lang, title in (("zh", "大语言模型"), ("en", "Large Language Models")):
        tree.write(f"docs/{lang}/llm/index.md", f"---\ntitle: {title}\ndescription: d\norder: 2\n---\n\n# {title}\n")
    assert_finding(tree.check("--only", "forms"), f"{FORM}:8: [issue-form] the Section list differs from the "
                                                  "handbook's sections (missing ['Large Language Models / 大语言模型'])")
