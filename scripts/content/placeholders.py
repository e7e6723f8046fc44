"""Placeholders: the marked gaps `make new` leaves for the author to fill.

The scaffold writes `[[TODO: what to write here]]`; `make check` reports
each one that is left (rule `placeholder`) and the build warns about it, so
a half-written page cannot be merged.
"""

from __future__ import annotations

import re

MARK = "[[TODO"
PLACEHOLDER = re.compile(r"\[\[TODO\b[^\]]*\]\]|\[\[TODO\b.*")


def placeholder(hint: str) -> str:
    return f"[[TODO: {hint}]]"


def find_placeholders(lines: list[str], offset: int = 0) -> list[tuple[int, str]]:
    """(1-based line, text) of every placeholder in these lines."""
    return [(number + offset, match.group(0)[:80]) for number, line in enumerate(lines, 1)
            for match in PLACEHOLDER.finditer(line)]
