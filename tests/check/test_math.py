from fontTools.ttLib import TTFont

from scripts.content.layout import MATH_FONT_FILE
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


def test_character_missing_from_the_math_font(tree):
    """ℵ is in Latin Modern Math but not in the site's cut of it."""
    assert 0x2135 not in TTFont(MATH_FONT_FILE).getBestCmap()
    line = tree.replace(Q, "$x^2$", r"$\aleph_0$")
    result = tree.check("--only", "fonts")
    assert_finding(result, f"{Q}:{line}: [math-font]")
    assert "U+2135" in result.stdout + result.stderr and "make fonts" in result.stdout + result.stderr


def test_chinese_text_in_a_formula_needs_no_math_glyph(tree):
    tree.replace(Q, "$x^2$", r"$\text{损失} = \hat{y}_i^2 \mid \alpha$")
    result = tree.check("--only", "fonts")
    assert "[math-font]" not in result.stdout + result.stderr, result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
