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
import re
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
    if not page.lines or page.lines[0].strip() != "---":
        return [(1, "page has no front matter (title and description are required)")]
    mistakes = typing_mistakes(page.lines[1:max(1, page.body_start - 1)], first_line=2)
    if mistakes:  # the cause, at its line, instead of what YAML or the schema make of it
        return mistakes
    if page.front_matter_error:
        return [(page.front_matter_error.line, str(page.front_matter_error))]
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


_FULL_WIDTH_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*：")
_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?:\s+(?P<value>.*))?$")
_ITEM = re.compile(r"^(?P<indent>\s*)-\s+(?P<value>.*)$")
_BLOCK_SCALAR = re.compile(r"^[|>][-+]?\s*(#.*)?$")


def _unclosed_quote(value: str) -> bool:
    """Does a value that starts with a quote fail to end it on its line?"""
    if value.startswith('"'):
        return len(re.findall(r'(?<!\\)"', value)) % 2 == 1
    if value.startswith("'"):
        return value.replace("''", "").count("'") % 2 == 1
    return False


def typing_mistakes(lines: list[str], first_line: int) -> list[tuple[int, str]]:
    """Typing mistakes in front matter, named in a contributor's terms at their own
    line: PyYAML reports them late, or parses them into something else entirely
    (an over-indented list item becomes part of the item above)."""
    found, block, last_item = [], None, None
    for number, line in enumerate(lines, first_line):
        indent = len(line) - len(line.lstrip())
        if block is not None and (indent > block or not line.strip()):
            continue  # the text of a `key: |` or `key: >` block
        block = None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FULL_WIDTH_COLON.match(line)
        if match:
            found.append((number, f"a full-width colon '：' after '{match[1]}': YAML needs an ASCII colon and a "
                                  f"space ('{match[1]}: ...')"))
            continue
        key, item = _KEY.match(line), _ITEM.match(line)
        value = ((key["value"] if key else None) or (item["value"] if item and not key else None) or "").strip()
        if key and _BLOCK_SCALAR.match(value):
            block = len(key["indent"])
        elif _unclosed_quote(value):
            found.append((number, f"the quote that opens {value[:30]!r} is never closed: end the value with "
                                  f"{value[0]} on the same line"))
        elif value and value[0] not in "\"'[{|>&*!" and ": " in value.split(" #")[0]:
            found.append((number, f"': ' inside the unquoted value {value[:40]!r} makes YAML read a new key: "
                                  'quote the whole value ("...")'))
        if item and last_item is not None and last_item[0] == number - 1 and len(item["indent"]) != last_item[1]:
            found.append((number, f"this list item is indented by {len(item['indent'])} spaces and the one above "
                                  f"by {last_item[1]}: items of one list line up"))
        last_item = (number, len(item["indent"])) if item else None
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
