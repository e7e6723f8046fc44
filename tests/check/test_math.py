from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_unbalanced_braces(tree):
    line = tree.replace(Q, "$x^2$", r"$\frac{x}{2$")
    assert_finding(tree.check("--only", "math"), f"{Q}:{line}: [math]")


def test_lone_dollar(tree):
    line = tree.replace(Q, "$x^2$", "$x^2")
    assert_finding(tree.check("--only", "math"), f"{Q}:{line}: [math]")


def test_unknown_command(tree):
    line = tree.replace(Q, "$x^2$", r"$\foo{x}$")
    assert_finding(tree.check("--only", "math"), f"{Q}:{line}: [math]")


def test_unclosed_display_math(tree):
    line = tree.replace(Q, "回到", "$$\nx^2\n\n回到")
    assert_finding(tree.check("--only", "math"), f"{Q}:{line}: [math]")


def test_mathml_has_no_self_closing_tags():
    """Minifiers mishandle `<mspace ... />` (the formula's rest ends up inside it)."""
    from scripts.build.mathml import to_mathml

    out = to_mathml(r"a\,b \quad \frac{1}{2}", display=True)
    assert "/>" not in out and '<mspace width="0.167em"></mspace>' in out
