"""Spelling: English pages use one convention, British spelling with -ize (Oxford).

Rule id:
  spelling  a US-only spelling (color, center, behavior, modeling, analyze) or an
            -ise form (normalise, optimisation) in English prose; the message gives
            the form to use (colour, centre, behaviour, modelling, analyse; normalize)

The word pairs come from breame (about 1,700 US/UK pairs) rather than a hand
list. Oxford spelling keeps -ize and -ization (regularization, normalize)
but -yse (analyse), so a US form whose British form differs only by -ise is
accepted and the -ise form is flagged instead. Only prose is read: code
blocks and spans, formulas, link targets, URLs, HTML tags, heading ids and
names joined to code (`np.clip`, `set_color`, `center(`) are left out, and
of the front matter only the title, description and key points. The English
strings of overrides/locales/strings.yml are read too (the real tree only).
"""

from __future__ import annotations

import re

from breame.spelling import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.layout import lang_of
from scripts.content.strings import STRINGS_FILE

# Words breame pairs with a British form that modern British technical
# English does not use for this sense: a computer program, a disk, to install,
# a filter, a connection, practice (the noun), a dialog box, analog signals,
# licensed (the verb is license).
ALSO_BRITISH = frozenset({
    "program", "programs", "programmed", "programming", "disk", "disks", "install", "installs", "filter", "filters",
    "filtered", "filtering", "connection", "connections", "practice", "practices", "dialog", "dialogs", "analog",
    "licensed", "licensing",
})
# What is not prose inside a line: code spans, formulas, link targets, URLs,
# HTML tags, attribute lists ({ #id }), and footnote or reference labels.
_NOT_PROSE = re.compile(r"(`+).*?\1|\$\$?[^$]+\$\$?|\]\([^)]*\)|\]\[[^\]]*\]|https?://\S+|<[^>]+>|\{[^}]*\}")
# A word, or a hyphenated compound, not joined to code: no '.', '_', '/', '#'
# or '@' around it and no '(' after it.
_WORD = re.compile(r"(?<![\w.\-/#@])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w(/@]|[.\-]\w)")
# A name rather than a word: a digit or a capital inside (DeepSeek-R1-Distill, RGBColor).
_NAME = re.compile(r"\d|[a-z][A-Z]")
PROSE_META = ("title", "description")


# The English text of a leaf in strings.yml: `en: text` or `en: "text"`.
_EN_STRING = re.compile(r"\ben: (\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^,}]*)")


def check(ctx: Context):
    yield from ctx.each_page("spelling", lambda path, page, shown: _page(path, page, shown)
                             if lang_of(path, ctx.docs) == "en" else [], "en")
    if ctx.docs.parent == STRINGS_FILE.parents[2]:  # the real tree, not a test's scratch docs
        yield from _strings(ctx.show(STRINGS_FILE), STRINGS_FILE.read_text(encoding="utf-8").splitlines())


def _strings(shown: str, lines: list[str]):
    """The reader-visible English strings of the theme and page scripts."""
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("#"):
            continue
        for text in _EN_STRING.findall(line):
            yield from _words(shown, number, text)


def _ize_only(a: str, b: str, from_: str, to: str) -> bool:
    """True if `b` is `a` with only -i{from_}- turned into -i{to}- (normalize / normalise)."""
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and bool(diffs) and all(a[i] == from_ and b[i] == to and i and a[i - 1] == "i"
                                                     for i in diffs)


def preferred(word: str) -> str | None:
    """The handbook's spelling of `word` when it differs, else None."""
    lower = word.lower()
    if lower in ALSO_BRITISH:
        return None
    british = AMERICAN_ENGLISH_SPELLINGS.get(lower)
    if british and not _ize_only(lower, british, "z", "s"):
        right = british
    else:
        american = BRITISH_ENGLISH_SPELLINGS.get(lower)
        right = american if american and _ize_only(lower, american, "s", "z") else None
    if right is None:
        return None
    return right.capitalize() if word[0].isupper() else right


def words(line: str) -> list[str]:
    """The prose words of one Markdown line; a compound counts by its parts
    (color-coded), unless it is a product or model name."""
    found = []
    for compound in _WORD.findall(_NOT_PROSE.sub(" ", line)):
        if not _NAME.search(compound):
            found += compound.split("-")
    return found


def _lines(page) -> list[tuple[int, str]]:
    meta = page.meta
    found = [(page.meta_line(key), str(meta[key])) for key in PROSE_META if isinstance(meta.get(key), str)]
    found += [(page.meta_line("key_points", i), str(point)) for i, point in enumerate(meta.get("key_points") or [])]
    return found + list(page.prose)


def _page(path, page, shown):
    for number, line in _lines(page):
        yield from _words(shown, number, line)


def _words(shown: str, number: int, line: str):
    for word in words(line):
        right = preferred(word)
        if right:
            kind = "an -ise form" if right.lower().replace("z", "s") == word.lower() else "a US spelling"
            yield Finding(shown, number, "spelling",
                          f"'{word}' is {kind}; English pages use British spelling with -ize "
                          f"(Oxford): write '{right}'")
