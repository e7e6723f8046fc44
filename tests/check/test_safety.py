import pytest

from tests.check.conftest import assert_finding

Q = "docs/en/python/example.md"


@pytest.mark.parametrize("snippet, rule", [
    ("<script>alert(1)</script>", "unsafe-html"),
    ('<iframe src="https://example.com"></iframe>', "unsafe-html"),
    ('<img src="x.png" onerror="alert(1)">', "unsafe-event"),
    ("[click](javascript:alert(1))", "unsafe-url"),
    ('<a href="javascript:alert(1)">x</a>', "unsafe-url"),
    ("![tracker](https://evil.example/pixel.png)", "offsite-image"),
    ('<img src="https://evil.example/pixel.png">', "offsite-image"),
])
def test_unsafe_content(tree, snippet, rule):
    line = tree.replace(Q, "Back to", f"{snippet}\n\nBack to")
    assert_finding(tree.check("--only", "safety"), f"{Q}:{line}: [{rule}]")


def test_html_shown_as_code_is_fine(tree):
    tree.replace(Q, "Back to", "Write `<script>` tags in code spans only.\n\nBack to")
    assert tree.check("--only", "safety").returncode == 0
