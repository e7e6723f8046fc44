"""Bad input never crashes the checker: each file problem is a `path:line: [id]`."""

from tests.check.conftest import assert_finding

Q = "docs/zh/python/example.md"


def test_a_page_that_is_not_utf8(tree):
    text = tree.read(Q)
    (tree.root / Q).write_bytes(text.replace("示例用", "例").encode("gb18030"))
    result = tree.check()
    assert_finding(result, f"{Q}:2: [encoding]")  # the title line holds the first non-ASCII byte


def test_not_utf8_reports_the_line_of_the_first_bad_byte(tree):
    lines = tree.read(Q).splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("回到"))
    raw = "\n".join(lines[:index]).encode("utf-8") + b"\n" + lines[index].encode("gb18030") + b"\n"
    (tree.root / Q).write_bytes(raw)
    assert_finding(tree.check("--only", "files"), f"{Q}:{index + 1}: [encoding]")


def test_a_byte_order_mark_is_accepted_like_mkdocs_does(tree):
    (tree.root / Q).write_bytes(b"\xef\xbb\xbf" + tree.read(Q).encode("utf-8"))
    result = tree.check("--no-run")
    assert result.returncode == 0, result.stdout
    assert "no front matter" not in result.stdout


def test_an_empty_page(tree):
    tree.write(Q, "")
    result = tree.check("--no-run")
    assert_finding(result, f"{Q}:1: [frontmatter]")
    assert "[page-title]" in result.stdout or "[page-empty]" in result.stdout


def test_stray_files_in_docs(tree):
    tree.write("docs/zh/python/notes.txt", "scratch")
    tree.write("docs/README.md", "# not a page")
    result = tree.check("--only", "files")
    assert_finding(result, "docs/zh/python/notes.txt:1: [stray-file]")
    assert "docs/README.md:1: [stray-file]" in result.stdout


def test_images_are_allowed(tree):
    (tree.root / "docs/zh/python/img").mkdir()
    (tree.root / "docs/zh/python/img/a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert tree.check("--only", "files").returncode == 0


def test_a_question_outside_a_section(tree):
    tree.write("docs/zh/misc/q.md", tree.read(Q))
    tree.write("docs/en/misc/q.md", tree.read("docs/en/python/example.md"))
    result = tree.check("--only", "files")
    assert_finding(result, "docs/zh/misc/q.md:1: [nav-orphan]")
    assert "make new SECTION=misc" in result.stdout


def test_a_page_nested_too_deep(tree):
    tree.write("docs/zh/python/deep/q.md", tree.read(Q))
    assert_finding(tree.check("--only", "files"), "docs/zh/python/deep/q.md:1: [nav-orphan]")


def test_binary_garbage_named_md(tree):
    (tree.root / Q).write_bytes(bytes(range(256)) * 4)
    result = tree.check()
    assert_finding(result, f"{Q}:")
    assert "[encoding]" in result.stdout
