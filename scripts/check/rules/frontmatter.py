"""Front matter: valid YAML that matches the content model's JSON Schema.

Rule ids:
  frontmatter  invalid YAML, a missing or unknown key, a value of the wrong form,
               a tag outside the vocabulary (overrides/locales/strings.yml), ...

The schema (scripts/content/frontmatter.schema.json) is the one definition of
what a page carries; the page kind (home, section, question, page) comes from its path.
Errors are reported at the line of the offending key or list item.
"""

from __future__ import annotations

import json
from functools import lru_cache

from jsonschema import Draft202012Validator

from scripts.check.context import Context
from scripts.content import strings
from scripts.content.findings import Finding
from scripts.content.layout import kind, rel_of
from scripts.content.page import SCHEMA_FILE
from scripts.content.placeholders import MARK

KINDS = ("home", "section", "question", "page")


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(kind_name: str) -> Draft202012Validator:
    return Draft202012Validator({**schema(), "$ref": f"#/$defs/{kind_name}"})


@lru_cache(maxsize=None)
def problems(page, page_kind: str) -> list[tuple[int, str]]:
    """(line, message) of everything wrong with a page's front matter; [] when valid.

    Shared with the translation check, which compares only valid front matter;
    memoized per page object (a Page is parsed once per run), because schema
    validation is the costly part of both checks. Callers must not mutate it."""
    if page.front_matter_error:
        return [(page.front_matter_error.line, str(page.front_matter_error))]
    if not page.lines or page.lines[0].strip() != "---":
        return [(1, "page has no front matter (title and description are required)")]
    found = []
    for error in sorted(validator(page_kind).iter_errors(page.meta), key=lambda e: list(e.absolute_path)):
        if isinstance(error.instance, str) and MARK in error.instance:
            continue  # an unfilled placeholder: the structure check reports it once
        path = list(error.absolute_path)
        # "additional property 'tgas'" is reported at the unknown key itself.
        extra = _unexpected_key(error)
        if extra:
            path = path + [extra]
        where = ".".join(str(p) for p in path) or "front matter"
        found.append((page.meta_line(*path) if path else 1, f"{where}: {_message(error, extra)}"))
    vocabulary = set(strings.tag_ids())
    for index, tag in enumerate(page.meta.get("tags") or []):
        if isinstance(tag, str) and tag not in vocabulary and MARK not in tag:
            found.append((page.meta_line("tags", index),
                          f"tags.{index}: unknown tag '{tag}'; add it with its Chinese and English names "
                          "to overrides/locales/strings.yml (tags) first"))
    return found


def _unexpected_key(error) -> str | None:
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        return str(extra[0]) if extra else None
    return None


def _message(error, extra: str | None) -> str:
    if extra:
        return "unknown key (check the spelling; the schema lists the allowed keys)"
    if error.validator == "if" or (error.validator == "not" and error.instance is not None):
        return "not allowed here: " + error.message
    return error.message


def check(ctx: Context):
    def page_problems(path, page, shown):
        for line, message in problems(page, kind(rel_of(path, ctx.docs))):
            yield Finding(shown, line, "frontmatter", message)

    yield from ctx.each_page("frontmatter", page_problems)
