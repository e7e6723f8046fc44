from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_link_to_a_missing_page(tree):
    line = tree.replace(Q, "[首页](../index.md#intro)", "[首页](../nowhere.md)")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [link-target]")


def test_link_to_a_missing_anchor_of_another_page(tree):
    line = tree.replace(Q, "../index.md#intro", "../index.md#no-such-heading")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [anchor]")


def test_link_to_a_missing_anchor_on_the_same_page(tree):
    line = tree.replace(Q, "(#details)", "(#detail)")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [anchor]")


def test_absolute_link_to_the_site(tree):
    line = tree.replace(Q, "(../index.md#intro)", "(/en/index.md)")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [link-absolute]")


def test_missing_image(tree):
    line = tree.replace(Q, "回到", "![图](img/missing.png)\n\n回到")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [link-target]")


def test_link_into_the_other_language(tree):
    line = tree.replace(Q, "(../index.md#intro)", "(../../en/index.md)")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [link-target]")


def test_links_inside_code_are_not_links(tree):
    tree.replace(Q, "回到", "`[x](missing.md)` 回到")
    assert tree.check("--only", "links").returncode == 0


def test_link_to_this_site_by_full_url(tree):
    # site_url as the real mkdocs.yml writes it: !ENV with a default
    tree.write("mkdocs.yml", 'site_name: t\nsite_url: !ENV [HB_UNSET_URL, "https://example.github.io/hb/"]\n'
                             "nav:\n  - index.md\n  - python/example.md\n")
    line = tree.replace(Q, "(../index.md#intro)", "(https://example.github.io/hb/en/)")
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [link-absolute]")


def test_links_to_other_sites_are_fine(tree):
    tree.write("mkdocs.yml", 'site_name: t\nsite_url: "https://example.github.io/hb/"\n'
                             "nav:\n  - index.md\n  - python/example.md\n")
    tree.replace(Q, "(../index.md#intro)", "(https://example.github.io/other/)")
    assert tree.check("--only", "links").returncode == 0


def test_editing_a_link_target_rechecks_the_pages_that_link_to_it(tree):
    """The links check is cached by content, and a page's entry includes the
    anchors of the pages it links to (scripts/check/cache.py)."""
    assert tree.check("--only", "links").returncode == 0
    warm = tree.check("--only", "links")
    assert warm.returncode == 0 and "(0 results reused" not in warm.stdout
    # The home page loses the anchor the question links to: the question is
    # checked again (its own text did not change) and the broken link reported.
    tree.replace("docs/zh/index.md", "## 简介 { #intro }", "## 简介 { #introduction }")
    line = tree.read(Q).splitlines().index("回到[首页](../index.md#intro)。") + 1
    assert_finding(tree.check("--only", "links"), f"{Q}:{line}: [anchor]")
