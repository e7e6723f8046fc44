"""Writing: CJK copywriting, Markdown style, titles, headings.

Rule ids:
  cjk-spacing    space between CJK and Latin/digits, full-width punctuation in Chinese (autocorrect, and
                 half-width , ; : ! ? . after Chinese text; --fix repairs and lists each change)
  markdown-lint  a Markdown style finding of rumdl (rule set below)
  page-title     no title (front-matter `title` and one `# H1`), or they disagree
  page-empty     a page with no text besides its headings
  page-size      a page over 256 KB: split it (nobody reads such a page on a phone, and
                 it is not linted)
  heading-id     an H2-H6 heading without an explicit ASCII id `{ #like-this }`
"""

from __future__ import annotations

import difflib
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
from scripts.content.layout import lang_of
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
    "md045": "image alt text: figure-alt owns it (one finding per mistake)",
    "md057": "relative link targets: link-target owns it (one finding per mistake)",
}
# Half-width punctuation right after Chinese text, and its full-width form.
# (Brackets stay out: 注意力（Attention）is written with full-width ones, but
# code and formulas in Chinese text keep their ASCII ones.)
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}
_HALF_WIDTH = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e])([,;:!?.])(?=\s|$|[\u3400-\u4dbf\u4e00-\u9fff])")
# What is not Chinese prose inside a line: code spans, formulas, link targets, URLs, HTML tags.
_NOT_PROSE = re.compile(r"(`+).*?\1|\$[^$]+\$|\]\([^)]*\)|https?://\S+|<[^>]+>")


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


def changed(old: str, new: str, context: int = 8) -> str:
    """What changed between two versions of a line, in context: '…见下文,再…' → '…见下文，再…'.
    Changes close together share one window; a far one is counted, not shown."""
    ops = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return f"'{old.strip()}'"
    near = [op for op in ops if op[1] - ops[0][2] <= 3 * context]
    a1, a2, b1, b2 = ops[0][1], near[-1][2], ops[0][3], near[-1][4]

    def window(text: str, start: int, end: int) -> str:
        left, right = max(0, start - context), min(len(text), end + context)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    more = f" (and {len(ops) - len(near)} more on this line)" if len(ops) > len(near) else ""
    return f"'{window(old, a1, a2)}' → '{window(new, b1, b2)}'{more}"


def _full_width(line: str) -> str:
    """A Chinese line with half-width , ; : ! ? . after Chinese text made full-width
    (code spans, formulas, link targets, URLs and HTML left alone)."""
    out, last = [], 0
    for match in _NOT_PROSE.finditer(line):
        out.append(_HALF_WIDTH.sub(lambda m: FULL_WIDTH[m[1]], line[last:match.start()]) + match.group(0))
        last = match.end()
    return "".join(out) + _HALF_WIDTH.sub(lambda m: FULL_WIDTH[m[1]], line[last:])


def _editable(page) -> tuple[set[int], set[int]]:
    """(0-based lines a fix may change, the Chinese-prose ones among them): the body and
    the prose values of the front matter; code blocks are editable by autocorrect (it
    knows Markdown) but are not prose."""
    keys = {index for index in range(1, max(0, page.body_start - 1)) if page.lines[index].startswith(PROSE_KEYS)}
    body = set(range(page.body_start, len(page.lines)))
    return keys | body, keys | {number - 1 for number, _ in page.prose if number - 1 >= page.body_start}


def _corrected(page, chinese: bool) -> list[str]:
    """The page's lines as --fix writes them."""
    fixed: list[str] = []
    for _, chunk in _chunks(_lintable(page).splitlines()):
        fixed += autocorrect_py.format_for("\n".join(chunk) + "\n", "markdown").splitlines()
    if len(fixed) != len(page.lines):
        return list(page.lines)
    editable, prose = _editable(page)
    return [line if index not in editable else _full_width(new) if chinese and index in prose else new
            for index, (line, new) in enumerate(zip(page.lines, fixed))]


def _autocorrect(ctx, path, page, shown):
    chinese = lang_of(path, ctx.docs) == "zh"
    if ctx.fix:
        lines = _corrected(page, chinese)
        if lines != page.lines:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
            tmp.replace(path)  # atomic: a page is never half-written
            for number, (old, new) in enumerate(zip(page.lines, lines), 1):
                if old != new:
                    yield Finding(shown, number, "cjk-spacing", f"fixed: {changed(old, new)}", severity="warning")
            page.__init__(path, rel=page.rel)
    for start, chunk in _chunks(_lintable(page).splitlines()):
        for result in autocorrect_py.lint_for("\n".join(chunk) + "\n", "markdown").lines:
            old = page.lines[start + result.line - 1] if start + result.line - 1 < len(page.lines) else result.old
            new = old.replace(result.old.strip(), result.new.strip(), 1) if result.old.strip() in old else result.new
            yield Finding(shown, start + result.line, "cjk-spacing",
                          f"{changed(old, new)} (`make check ARGS=--fix` repairs this)")
    if chinese:
        for index in sorted(_editable(page)[1]):
            line = page.lines[index]
            if _full_width(line) != line:
                yield Finding(shown, index + 1, "cjk-spacing", f"half-width punctuation in Chinese text: "
                              f"{changed(line, _full_width(line))} (`make check ARGS=--fix` repairs this)")


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
