"""Unsafe content is judged on the rendered HTML (scripts/build/safety.py), wherever it
hides: raw tags, multi-line tags, Markdown link and image syntax, entities,
case and whitespace inside a URL scheme."""

import pytest

from tests.check.conftest import assert_finding

Q = "docs/en/python/example.md"

CASES = [
    ("<script>alert(1)</script>", "unsafe-html"),
    ("<SCRIPT SRC=x.js></SCRIPT>", "unsafe-html"),
    ('<iframe src="https://example.com"></iframe>', "unsafe-html"),
    ('<object data="x.swf"></object>', "unsafe-html"),
    ('<embed src="x.swf">', "unsafe-html"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "unsafe-html"),
    ("<style>body { background: red }</style>", "unsafe-html"),
    ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', "unsafe-html"),
    ('<form action="https://evil.example/"><input name="q"></form>', "unsafe-html"),
    ('<img src="x.png" onerror="alert(1)">', "unsafe-event"),
    ('<p ONCLICK="alert(1)">click</p>', "unsafe-event"),
    ("<svg/onload=alert(1)>", "unsafe-event"),
    ("[click](javascript:alert(1))", "unsafe-url"),
    ("[click](JaVaScRiPt:alert(1))", "unsafe-url"),
    ("[click](&#106;avascript:alert(1))", "unsafe-url"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "unsafe-url"),
    ('<a href="  vbscript:msgbox(1)">x</a>', "unsafe-url"),
    ("![pixel](data:image/png;base64,iVBORw0KGgo=)", "unsafe-url"),
    ("![tracker](https://evil.example/pixel.png)", "offsite-resource"),
    ("![tracker](//evil.example/pixel.png)", "offsite-resource"),
    ('<img src="https://evil.example/pixel.png">', "offsite-resource"),
    ('<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x">', "offsite-resource"),
    ('<video poster="https://evil.example/p.jpg"></video>', "offsite-resource"),
    ('<audio src="https://evil.example/a.mp3"></audio>', "offsite-resource"),
    ('<span style="background: url(https://evil.example/p.png)">x</span>', "offsite-resource"),
]


@pytest.mark.parametrize("snippet, rule", CASES, ids=[c[0][:40] for c in CASES])
def test_unsafe_content_is_reported_at_its_line(tree, snippet, rule):
    line = tree.replace(Q, "Back to", f"{snippet}\n\nBack to")
    assert_finding(tree.check("--only", "safety"), f"{Q}:{line}: [{rule}]")


def test_a_tag_split_over_lines_is_found(tree):
    line = tree.replace(Q, "Back to", '<img\n  src="x.png"\n  onerror="alert(1)">\n\nBack to')
    assert_finding(tree.check("--only", "safety"), f"{Q}:{line + 2}: [unsafe-event]")


@pytest.mark.parametrize("snippet", [
    "Write `<script>` tags in code spans only.",
    "```html\n<script>alert(1)</script>\n<a href=\"javascript:x\">x</a>\n```",
    "A [link to another site](https://example.com/page) is fine; so is [a page](../index.md).",
    "Text about javascript: the language, and data: the word.",
])
def test_code_and_ordinary_links_are_fine(tree, snippet):
    tree.replace(Q, "Back to", f"{snippet}\n\nBack to")
    result = tree.check("--only", "safety")
    assert result.returncode == 0, result.stdout


def test_many_pages_checked_in_worker_processes_keep_their_own_lines(tree):
    # 120 pages exceed PER_WORKER, so pages are split among worker processes
    # started before the other checks; each finding must come back to its page.
    expected = set()
    for i in range(120):
        rel = f"docs/en/python/gen{i:03}.md"
        tree.write(rel, tree.read(Q).replace("Back to", "\n" * i + "<script>x</script>\n\nBack to", 1))
        expected.add(f"{rel}:{tree.read(rel).splitlines().index('<script>x</script>') + 1}: [unsafe-html]")
    result = tree.check("--only", "safety", "--only", "math", "--jobs", "3", "--no-cache")
    reported = {row.split(" ", 1)[0] + " [unsafe-html]" for row in result.stdout.splitlines()
                if "[unsafe-html]" in row}
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert reported == expected
