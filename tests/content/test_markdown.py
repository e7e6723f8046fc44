"""The Markdown rules every stage shares (scripts/content/markdown.py): fences,
sections, the short answer's end, and links rebased for another page."""

from __future__ import annotations

from scripts.content import markdown
from scripts.content.layout import page_url

PAGE = """---
title: T
---

# T

## Short answer { #short-answer }

Say this.

````markdown
## Not a heading { #inside-a-fence }
```
still inside: a shorter fence does not close a longer one
```
````

~~~text
## Also not a heading
~~~

## Details { #details }

More.
"""


def test_fences_close_only_with_the_same_character_and_at_least_the_same_length():
    lines = PAGE.splitlines()
    blocks, prose = markdown.scan(lines)
    assert [len(b.body) for b in blocks] == [4, 1]
    assert all(b.closed for b in blocks)
    assert not any("inside" in text for _, text in prose)
    mask = markdown.in_code(lines)
    assert [lines[i] for i, code in enumerate(mask) if code][0] == "````markdown"


def test_an_unclosed_fence_runs_to_the_end():
    blocks, prose = markdown.scan(["```python", "x = 1", "## h"])
    assert not blocks[0].closed and blocks[0].body == ["x = 1", "## h"] and prose == []


def test_the_short_answer_ends_at_the_next_h2_outside_code():
    assert markdown.section(PAGE, "short-answer").startswith("Say this.")
    assert markdown.section(PAGE, "short-answer").rstrip().endswith("~~~")
    assert markdown.section(PAGE, "details") == "More."
    assert markdown.section(PAGE, "missing") == ""


def test_a_block_goes_at_the_end_of_the_short_answer():
    out = markdown.insert_after_short_answer(PAGE, "BOX\n")
    lines = out.splitlines()
    assert lines[lines.index("BOX") + 1:lines.index("BOX") + 3] == ["", "## Details { #details }"]
    assert markdown.insert_after_short_answer("# T\n\nno short answer\n", "BOX") == "# T\n\nno short answer\n"
    last = markdown.insert_after_short_answer("## S { #short-answer }\n\ntext\n", "BOX")
    assert last.endswith("text\n\nBOX")


def test_rebase_makes_links_relative_to_the_language_root():
    text = ("See [a](dreambooth.md#prior), ![f](img/x.svg), [b](../python/assert.md), [c](#here), "
            "[d](https://example.com/x), a note[^1].\n\n```python\n[x](y.md)\n```")
    assert markdown.rebase(text, "ai-painting/regularization.md") == (
        "See [a](ai-painting/dreambooth.md#prior), ![f](ai-painting/img/x.svg), [b](python/assert.md), "
        "[c](ai-painting/regularization.md#here), [d](https://example.com/x), a note.\n\n```python\n[x](y.md)\n```")


def test_rebase_can_resolve_to_absolute_addresses():
    absolute = markdown.rebase("[b](../python/assert.md#x)", "ai-painting/q.md",
                               lambda t: "https://h/" + page_url(t.partition("#")[0]) + "#" + t.partition("#")[2])
    assert absolute == "[b](https://h/python/assert/#x)"


def test_page_urls():
    assert [page_url(p) for p in ("index.md", "a/index.md", "a/b.md", "errata.md", "x/findindex.md")] == \
        ["", "a/", "a/b/", "errata/", "x/findindex/"]
