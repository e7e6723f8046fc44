"""Translations: every page in both languages, with the same skeleton.

Rule ids:
  i18n-missing      a page that exists in one language only
  i18n-headings     heading ids differ between a page and its twin (set or order)
  i18n-code         code blocks differ (count, language, or code once comments and strings are removed)
  i18n-frontmatter  front-matter keys differ, a value that must not be translated differs
                    (tags, level, order, source), or key_points differ in number
  i18n-stale        (warning) one language changed after its twin; cleared by
                    `translation: {reviewed: <commit>}` in the translation's front matter
"""

from __future__ import annotations

import io
import re
import tokenize

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.check.rules import stale
from scripts.check.rules.frontmatter import problems
from scripts.content.findings import Finding
from scripts.content.layout import DEFAULT_LANG, kind, lang_of, missing_translations, rel_of, twin
from scripts.content.placeholders import MARK

# Front-matter values that are facts, not prose: identical in both languages.
SHARED_VALUES = ("tags", "level", "order", "source", "template")
# Keys that may differ between the two pages of a pair.
OWN_KEYS = ("translation",)


def check(ctx: Context):
    yield from missing_translations(ctx.docs, ctx.root)
    for path, page in ctx.pages.items():
        if lang_of(path, ctx.docs) != DEFAULT_LANG:
            continue
        other_path = twin(path, ctx.docs)
        other = ctx.page(other_path)
        if other is None:
            continue
        # A pair's findings depend on the two texts only (staleness, below, on git).
        key = cache_key("i18n", ctx.show(path), page.digest, other.digest)
        found = ctx.cache.lookup(key, None)  # a pair's findings name either page
        if found is None:
            found = ctx.cache.store(key, [*_headings(ctx, page, other), *_code(ctx, page, other),
                                          *_front_matter(ctx, page, other)])
        yield from found
    yield from stale.findings(ctx)


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
        if prefix == "" and key in OWN_KEYS:
            continue
        keys.add(prefix + str(key))
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def _front_matter(ctx, page, other):
    # Invalid front matter (a typo, a bad value) is the frontmatter check's
    # to report, at its line; comparing it would only ask the translator to
    # copy the typo into the other language.
    page_kind = kind(rel_of(page.path, ctx.docs))
    if problems(page, page_kind) or problems(other, page_kind) or MARK in str(page.meta) + str(other.meta):
        return  # unfilled placeholders: the structure check reports each one
    mine, theirs = _keys(page.meta), _keys(other.meta)
    for key in sorted(mine ^ theirs):
        missing_in, has_it = (other, page) if key in mine else (page, other)
        yield Finding(ctx.show(missing_in.path), missing_in.meta_line(*key.split(".")[:1]), "i18n-frontmatter",
                      f"front-matter key '{key}' is missing here but present in {ctx.show(has_it.path)}")
    for key in SHARED_VALUES:
        if key in page.meta and key in other.meta and page.meta[key] != other.meta[key]:
            yield Finding(ctx.show(other.path), other.meta_line(key), "i18n-frontmatter",
                          f"'{key}' must be identical in both languages (differs from {ctx.show(page.path)})")
    mine_points, their_points = page.meta.get("key_points") or [], other.meta.get("key_points") or []
    if len(mine_points) != len(their_points):
        yield Finding(ctx.show(other.path), other.meta_line("key_points"), "i18n-frontmatter",
                      f"{len(their_points)} key_points where {ctx.show(page.path)} has {len(mine_points)}; "
                      "each point is written in both languages")
