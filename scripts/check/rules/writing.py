"""Writing: CJK copywriting, Markdown style, titles, headings.

Rule ids:
  cjk-spacing    space between CJK and Latin/digits, full-width punctuation in Chinese (autocorrect; --fix repairs)
  markdown-lint  a Markdown style finding of rumdl (rule set below)
  page-title     no title (front-matter `title` and one `# H1`), or they disagree
  page-empty     a page with no text besides its headings
  page-size      a page over 256 KB: split it (nobody reads such a page on a phone, and
                 it is not linted)
  heading-id     an H2-H6 heading without an explicit ASCII id `{ #like-this }`
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import autocorrect_py

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.markdown import in_code

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

# Markdown style rules switched off, and why (markdownlint's rule numbers).
DISABLED_RULES = {
    "md040": "fence language: rumdl does not read {.python test=...} fence attributes; code-lang owns it",
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
    if ctx.fix:  # --fix rewrites pages: never from the cache
        for path, page in ctx.pages.items():
            yield from _page(ctx, path, page, ctx.show(path))
    else:
        yield from ctx.each_page("writing", lambda path, page, shown: _page(ctx, path, page, shown))
    yield from _markdown_lint(ctx)


def _page(ctx, path, page, shown):
    yield from _autocorrect(ctx, path, page, shown)
    yield from _titles(page, shown)
    for heading in page.headings:
        if heading.level > 1 and (heading.id is None or not ID_RE.match(heading.id)):
            yield Finding(shown, heading.line, "heading-id",
                          f"heading '{heading.text}' needs an explicit ASCII id, e.g. {{ #short-answer }}, "
                          "the same in both languages")


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
    chunks, start = [], 0
    code = in_code(lines)
    for index, line in enumerate(lines):
        if index - start >= CHUNK_LINES and not code[index] and not line.strip():
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


MAX_PAGE_BYTES = 256 * 1024


def _markdown_lint(ctx):
    """Markdown style with rumdl, a Rust implementation of markdownlint's rules:
    measured on 222 pages, 0.17 s where pymarkdownlnt (pure Python) took 2.3 s
    on two cores, which made a cold `make check` of 1,500 questions take
    half a minute. One run covers every page whose result is not cached."""
    paths = []
    for path, page in ctx.pages.items():
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            yield Finding(ctx.show(path), 1, "page-size", f"page is {size / 1024:.0f} KB, over the "
                          f"{MAX_PAGE_BYTES // 1024} KB limit: split it into several questions or pages")
            continue
        cached = ctx.cache.lookup(cache_key("writing.lint", page.digest), ctx.show(path))
        if cached is None:
            paths.append(path)
        else:
            yield from cached
    by_path: dict[Path, list[Finding]] = {p: [] for p in paths}
    for path, line, message in _rumdl(paths):
        by_path[path].append(Finding(ctx.show(path), line, "markdown-lint", message))
    for path, findings in by_path.items():
        yield from ctx.cache.store(cache_key("writing.lint", ctx.pages[path].digest), findings)


def _rumdl(paths: list[Path]) -> list[tuple[Path, int, str]]:
    if not paths:
        return []
    binary = shutil.which("rumdl", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if binary is None:
        return [(paths[0], 1, "rumdl is not installed (pip install -r requirements-check.txt)")]
    cmd = [binary, "check", "--no-config", "--no-cache", "--flavor", "mkdocs", "--output-format", "json",
           "--disable", ",".join(rule.upper() for rule in DISABLED_RULES), *map(str, paths)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    try:
        rows = json.loads(done.stdout or "[]")
    except ValueError:
        return [(paths[0], 1, f"rumdl failed: {(done.stderr or done.stdout).strip()[:200]}")]
    by_name = {str(p): p for p in paths}
    found = []
    for row in rows:
        path = by_name.get(row.get("file")) or by_name.get(str(Path(row.get("file", "")).resolve()))
        if path is not None:
            found.append((path, int(row.get("line") or 1), f"{row.get('rule', '').lower()} {row.get('message', '')}"))
    return found
