from tests.check.conftest import assert_finding  # noqa: F401


def test_the_clean_fixture_tree_passes_every_check(tree):
    result = tree.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout
