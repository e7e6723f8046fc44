"""Writing: CJK copywriting, Markdown style, titles, headings.

Rule ids:
  cjk-spacing    space between CJK and Latin/digits, full-width punctuation in Chinese (autocorrect; --fix repairs)
  markdown-lint  pymarkdownlnt finding (rule set below)
  page-title     no title (front-matter `title` and one `# H1`), or they disagree
  page-empty     a page with no text besides its headings
  page-size      a page over 256 KB: split it (readers scroll forever, and the Markdown
                 linter's time grows with the square of a file's size, so it skips such pages)
  heading-id     an H2-H6 heading without an explicit ASCII id `{ #like-this }`
"""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import autocorrect_py
from pymarkdown.api import PyMarkdownApi

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.findings import Finding

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Front-matter keys whose values are prose; the rest (paths, ids) stay verbatim.
PROSE_KEYS = ("title:", "description:")

# autocorrect rules switched off, and why.
AUTOCORRECT_CONFIG = """
rules:
  # "编码器-解码器" is a compound term; a spaced dash would read as a minus.
  space-dash: 0
  # Full-width brackets around an English gloss, 注意力（Attention）, are standard Chinese style.
  halfwidth-punctuation: 0
"""
autocorrect_py.load_config(AUTOCORRECT_CONFIG)

# pymarkdownlnt rules switched off, and why.
DISABLED_RULES = {
    "md013": "line length: Chinese prose has no spaces to wrap at; one paragraph per line is easier to diff",
    "md033": "inline HTML: the safety check decides which HTML is allowed",
    "md041": "first line heading: pages start with front matter and the title comes from it",
    "md025": "single H1: the front-matter title counts as one; page-title checks that it matches the # H1",
    "md051": "link fragments: it cannot see { #id } attribute lists; the links check owns anchors",
    "md049": "emphasis style: LaTeX subscripts in $$ blocks look like underscore emphasis to the linter",
    "md046": "code block style: pymdownx.blocks bodies are not indented code",
    "md024": "duplicate headings: sibling sections may share a name (every heading has its own id)",
    "md026": "trailing punctuation: question titles end with ？ / ?",
    "md007": "list indent: nested lists use 4 spaces, which Python-Markdown requires",
    "md030": "spaces after list markers: 4-space nested lists need it",
    "md031": "blank lines around fences: fences inside list items follow Python-Markdown's rules",
    "md032": "blank lines around lists: same",
    "md036": "emphasis as heading: bold lead-ins such as **Short answer** are intended",
}


def check(ctx: Context):
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        yield from _autocorrect(ctx, path, page, shown)
        yield from _titles(page, shown)
        for heading in page.headings:
            if heading.level > 1 and (heading.id is None or not ID_RE.match(heading.id)):
                yield Finding(shown, heading.line, "heading-id",
                              f"heading '{heading.text}' needs an explicit ASCII id, e.g. {{ #short-answer }}, "
                              "the same in both languages")
    yield from _markdown_lint(ctx)


def _lintable(page) -> str:
    """The page with non-prose front-matter lines blanked (line numbers kept)."""
    lines = list(page.lines)
    for index in range(1, max(0, page.body_start - 1)):
        if not lines[index].startswith(PROSE_KEYS):
            lines[index] = ""
    return "\n".join(lines) + "\n"


# autocorrect parses Markdown with a recursion budget ("call limit reached"
# on a page of a few megabytes, and lint_for then silently stops early), so
# long pages are handled in chunks that end at a blank line outside code.
CHUNK_LINES = 300


def _chunks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(index of first line, lines) pieces of at most about CHUNK_LINES lines."""
    chunks, start, fence = [], 0, False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if index - start >= CHUNK_LINES and not fence and not line.strip():
            chunks.append((start, lines[start:index + 1]))
            start = index + 1
    chunks.append((start, lines[start:]))
    return [c for c in chunks if c[1]]


def _autocorrect(ctx, path, page, shown):
    if ctx.fix:
        lintable = _lintable(page).splitlines()
        fixed_lines: list[str] = []
        for _, chunk in _chunks(lintable):
            fixed_lines += autocorrect_py.format_for("\n".join(chunk) + "\n", "markdown").splitlines()
        lines = [fixed if index >= page.body_start or line.startswith(PROSE_KEYS) else line
                 for index, (line, fixed) in enumerate(zip(page.lines, fixed_lines))]
        text = "\n".join(lines) + "\n"
        if len(fixed_lines) == len(page.lines) and text != page.text:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)  # atomic: a page is never half-written
            page.__init__(path)
    for start, chunk in _chunks(_lintable(page).splitlines()):
        for result in autocorrect_py.lint_for("\n".join(chunk) + "\n", "markdown").lines:
            yield Finding(shown, start + result.line, "cjk-spacing",
                          f"'{result.old.strip()[:50]}' → '{result.new.strip()[:50]}' "
                          "(`make check ARGS=--fix` repairs this)")


def _titles(page, shown):
    h1 = [h for h in page.headings if h.level == 1]
    title = page.meta.get("title")
    if not title and not h1:
        yield Finding(shown, 1, "page-title", "page has no title: add `title:` to the front matter and a `# Title`")
    elif not h1:
        yield Finding(shown, page.body_start + 1, "page-title", "page has no `# Title` heading")
    elif len(h1) > 1:
        yield Finding(shown, h1[1].line, "page-title", "a page has exactly one `# Title` heading")
    elif title and h1[0].text.strip() != str(title).strip():
        yield Finding(shown, h1[0].line, "page-title",
                      f"heading '{h1[0].text}' differs from the front-matter title '{title}'")
    body = [line for number, line in page.prose if line.strip() and not line.lstrip().startswith("#")]
    if not body and not page.fences:
        yield Finding(shown, h1[0].line if h1 else max(1, page.body_start + 1), "page-empty", "page has no content")


def _lint_files(paths: list[str]) -> list[tuple[str, int, str]]:
    """Run pymarkdownlnt on some files (in a worker process); (path, line, message)."""
    api = PyMarkdownApi()
    api.enable_extension_by_identifier("front-matter")
    for rule in DISABLED_RULES:
        api.disable_rule_by_identifier(rule)
    found = []
    for path in paths:
        try:
            result = api.scan_path(path)
        except Exception as exc:  # the linter's own parser gave up on this file
            found.append((path, 1, f"pymarkdownlnt could not parse the file: {exc}"))
            continue
        found += [(path, f.line_number, f"{f.rule_id.lower()} {f.rule_description}{f.extra_error_information}")
                  for f in result.scan_failures]
    return found


MAX_PAGE_BYTES = 256 * 1024


def _markdown_lint(ctx):
    # pymarkdownlnt is pure Python and the slowest part of `make check`:
    # spread the files over worker processes. Its time grows with the square
    # of a file's size (8 s at 100 KB, a minute at 300 KB), so oversized
    # pages are reported instead of linted.
    paths = []
    for path, page in ctx.pages.items():
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            yield Finding(ctx.show(path), 1, "page-size", f"page is {size / 1024:.0f} KB, over the "
                          f"{MAX_PAGE_BYTES // 1024} KB limit: split it into several questions or pages")
            continue
        cached = ctx.cache.lookup(cache_key("markdown-lint", page.text), ctx.show(path))
        if cached is None:
            paths.append(str(path))
        else:
            yield from cached
    workers = max(1, min(ctx.jobs, len(paths) // 8 or 1))
    chunks = [paths[i::workers] for i in range(workers)]
    if workers == 1:
        results = [_lint_files(paths)]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_lint_files, chunks))
    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for chunk in results:
        for path, line, message in chunk:
            by_path[path].append(Finding(ctx.show(Path(path)), line, "markdown-lint", message))
    for path, findings in by_path.items():
        yield from ctx.cache.store(cache_key("markdown-lint", ctx.pages[Path(path)].text), findings)
