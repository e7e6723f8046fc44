"""Translations: every page in both languages, with the same skeleton.

Rule ids:
  i18n-missing      a page that exists in one language only
  i18n-headings     heading ids differ between a page and its twin (set or order)
  i18n-code         code blocks differ (count, language, or code once comments and strings are removed)
  i18n-frontmatter  front-matter keys differ, or a value that must not be translated differs
  i18n-nav          a page missing from the nav in mkdocs.yml
  i18n-stale        (warning) one language changed in git after its twin
"""

from __future__ import annotations

import io
import re
import subprocess
import tokenize

from scripts.check.context import Context
from scripts.findings import Finding
from scripts.pages import DEFAULT_LANG, lang_of, missing_translations, twin

# Front-matter values that are facts, not prose: identical in both languages.
SHARED_VALUES = ("tags", "source")


def check(ctx: Context):
    yield from missing_translations(ctx.docs, ctx.root)
    for path, page in ctx.pages.items():
        if lang_of(path, ctx.docs) != DEFAULT_LANG:
            continue
        other_path = twin(path, ctx.docs)
        other = ctx.page(other_path)
        if other is None:
            continue
        yield from _headings(ctx, page, other)
        yield from _code(ctx, page, other)
        yield from _front_matter(ctx, page, other)
    yield from _nav(ctx)
    yield from _stale(ctx)


def _headings(ctx, page, other):
    mine = [h for h in page.headings if h.level > 1]
    theirs = [h for h in other.headings if h.level > 1]
    for a, b in zip(mine, theirs):
        if a.id != b.id:
            yield Finding(ctx.show(other.path), b.line, "i18n-headings",
                          f"heading id '#{b.id}' where {ctx.show(page.path)}:{a.line} has '#{a.id}' "
                          "(same ids in the same order)")
            return
    if len(mine) != len(theirs):
        longer, shorter, extra = (page, other, mine) if len(mine) > len(theirs) else (other, page, theirs)
        heading = extra[min(len(mine), len(theirs))]
        yield Finding(ctx.show(longer.path), heading.line, "i18n-headings",
                      f"heading '#{heading.id}' has no counterpart in {ctx.show(shorter.path)}")


def normalize_code(lang: str, code: str) -> str:
    """Code with comments and string contents removed, for comparing translations."""
    if lang in {"python", "py", "python3"}:
        try:
            tokens = tokenize.generate_tokens(io.StringIO(code).readline)
            kept = [t.string if t.type != tokenize.STRING else '""' for t in tokens
                    if t.type not in {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                      tokenize.DEDENT, tokenize.ENDMARKER} and not _is_fstring_part(t)]
            return " ".join(kept)
        except (tokenize.TokenError, IndentationError, SyntaxError):
            pass
    without_strings = re.sub(r"\"(?:\\.|[^\"\\])*\"|'[^']*'", '""', code)
    without_comments = re.sub(r"(?m)(^|\s)#(?![!>]).*$", "", without_strings)
    return " ".join(without_comments.split())


def _is_fstring_part(token) -> bool:
    return tokenize.tok_name.get(token.type, "") in {"FSTRING_MIDDLE"}


def _code(ctx, page, other):
    mine, theirs = page.fences, other.fences
    if len(mine) != len(theirs):
        yield Finding(ctx.show(other.path), (theirs or mine)[0].line if (theirs or mine) else 1, "i18n-code",
                      f"{len(theirs)} code blocks where {ctx.show(page.path)} has {len(mine)}")
        return
    for a, b in zip(mine, theirs):
        if a.lang != b.lang:
            yield Finding(ctx.show(other.path), b.line, "i18n-code",
                          f"code block language '{b.lang}' where {ctx.show(page.path)}:{a.line} has '{a.lang}'")
        elif a.lang not in {"text", "console", "doscon"} and normalize_code(a.lang, a.body) != normalize_code(b.lang, b.body):
            yield Finding(ctx.show(other.path), _first_difference(a, b), "i18n-code",
                          f"code differs from {ctx.show(page.path)}:{a.line} (only comments and strings may differ)")


def _first_difference(a, b) -> int:
    """Line (in b's file) of the first line whose code differs; the fence if unknown."""
    for index, (x, y) in enumerate(zip(a.body.splitlines(), b.body.splitlines())):
        if normalize_code("text", x) != normalize_code("text", y):
            return b.body_line + index
    return b.line


def _keys(meta: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in meta.items():
        keys.add(prefix + str(key))
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def _front_matter(ctx, page, other):
    if page.front_matter_error or other.front_matter_error:
        return  # the frontmatter check reports it
    mine, theirs = _keys(page.meta), _keys(other.meta)
    for key in sorted(mine ^ theirs):
        missing_in = other if key in mine else page
        yield Finding(ctx.show(missing_in.path), 1, "i18n-frontmatter",
                      f"front-matter key '{key}' is missing here but present in its twin")
    for key in SHARED_VALUES:
        if key in page.meta and key in other.meta and page.meta[key] != other.meta[key]:
            yield Finding(ctx.show(other.path), other.meta_line(key), "i18n-frontmatter",
                          f"'{key}' must be identical in both languages (differs from {ctx.show(page.path)})")


def _nav(ctx):
    listed = ctx.nav_paths
    if listed is None:
        return
    listed_set = set(listed)
    for path in ctx.pages:
        rel = path.relative_to(ctx.docs)
        if "/".join(rel.parts[1:]) not in listed_set:
            yield Finding(ctx.show(path), 1, "i18n-nav", f"'{'/'.join(rel.parts[1:])}' is not in the nav of mkdocs.yml")


def _stale(ctx):
    """Warn when a page's last commit is newer than its twin's last commit."""
    try:
        out = subprocess.run(["git", "log", "--format=%x00%H", "--name-only", "--", str(ctx.docs)],
                             cwd=ctx.root, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return
    if out.returncode != 0:
        return
    last: dict[str, int] = {}  # path -> age of its last commit (0 = newest)
    age = -1
    for line in out.stdout.splitlines():
        if line.startswith("\x00"):
            age += 1
        elif line.strip():
            last.setdefault(line.strip(), age)
    top = ctx.root.resolve()
    for path in ctx.pages:
        if lang_of(path, ctx.docs) != DEFAULT_LANG:
            continue
        a = _rel(path, top)
        b = _rel(twin(path, ctx.docs), top)
        if a in last and b in last and last[a] != last[b]:
            newer, older = (a, b) if last[a] < last[b] else (b, a)
            yield Finding(older, 1, "i18n-stale",
                          f"{newer} changed after this translation; check that both still say the same",
                          severity="warning")


def _rel(path, top) -> str:
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return path.as_posix()
