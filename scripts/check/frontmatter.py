"""Front matter: valid YAML that matches the JSON Schema beside this file.

Rule id:
  frontmatter  invalid YAML, a missing or unknown key, a tag outside the vocabulary, ...

The schema (frontmatter.schema.json) is the one definition of what a page
carries, including the tag vocabulary; the tests validate every page with it too.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from scripts.check.context import Context
from scripts.findings import Finding

SCHEMA_FILE = Path(__file__).with_name("frontmatter.schema.json")


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def kind(rel_parts: tuple[str, ...]) -> str:
    """'question' for docs/<lang>/<section>/<name>.md (not index.md), else 'page'."""
    return "question" if len(rel_parts) == 3 and rel_parts[-1] != "index.md" else "page"


def validator(kind_name: str) -> Draft202012Validator:
    return Draft202012Validator({**schema(), "$ref": f"#/$defs/{kind_name}"})


def check(ctx: Context):
    validators = {name: validator(name) for name in ("page", "question")}
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        if page.front_matter_error:
            yield Finding(shown, page.front_matter_error.line, "frontmatter", str(page.front_matter_error))
            continue
        if not page.lines or page.lines[0].strip() != "---":
            yield Finding(shown, 1, "frontmatter", "page has no front matter (title and description are required)")
            continue
        errors = sorted(validators[kind(path.relative_to(ctx.docs).parts)].iter_errors(page.meta),
                        key=lambda e: list(e.absolute_path))
        for error in errors:
            path_parts = list(error.absolute_path)
            key = str(path_parts[0]) if path_parts else None
            item = error.instance if len(path_parts) == 2 and isinstance(path_parts[1], int) else None
            where = ".".join(str(p) for p in path_parts) or "front matter"
            line = page.meta_line(key, item) if key else 1
            yield Finding(shown, line, "frontmatter", f"{where}: {error.message}")
