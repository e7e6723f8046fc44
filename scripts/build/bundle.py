"""One stylesheet and one script for the site's own CSS and JavaScript.

mkdocs.yml lists the theme's stylesheets (`extra_css`) and page scripts
(`extra_javascript`) one file each, in load order, with what each is for:
that is how a contributor finds them. A page that linked them so would make
twelve requests before it is complete; on a phone's connection each costs a
round trip (Lighthouse's mobile run put the first paint 0.1 to 0.4 s later
for them), and the tags are repeated on every page (1.0 MB of a site at
1,500 questions; benchmarks/README.md).

So the build joins each list into one file, in the listed order, and drops
the parts from the built site: `on_config` swaps each list for its bundle's
name (take), `on_files` writes the bundle from the parts' current text
(write), which `make serve` redoes on every change. The parts stay plain
files under overrides/assets/, edited and reviewed one by one.

A script part is joined after a `;` line, so a part without a trailing
semicolon cannot run into the next one. Each part keeps to its own
function scope (the files are written as `(function () { ... })();`).
"""

from __future__ import annotations

import re

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files

# The config list each bundle replaces, and the bundle's path in the site.
BUNDLES = {"extra_css": "assets/stylesheets/hb.css", "extra_javascript": "assets/javascripts/hb.js"}
_JOIN = {"extra_css": "\n", "extra_javascript": "\n;\n"}
# Each part starts with a comment line naming it (split() reads them back);
# "part:" keeps a part's own one-line comments from reading as a mark.
_MARK = "/* part: {} */\n"
_MARKS = re.compile(r"^/\* part: (\S+) \*/$", re.M)


class BundleError(ValueError):
    """A list that cannot be joined; `needle` is the mkdocs.yml text to point at."""

    def __init__(self, needle: str, message: str):
        super().__init__(message)
        self.needle = needle


def _path(item) -> str:
    """An extra_css entry is a path; an extra_javascript entry may be a
    ExtraScriptValue (mkdocs 1.5+) or a path."""
    return str(getattr(item, "path", item))


def take(config) -> dict[str, list[str]]:
    """Replace each list in `config` by its bundle; return the parts per bundle
    key, in load order. A script list whose entries carry attributes (type,
    defer, async) is not joined: one file cannot load two ways."""
    parts = {}
    for key, bundle in BUNDLES.items():
        items = list(config[key])
        if any(getattr(item, attr, False) for item in items for attr in ("defer", "async"))\
                or any(getattr(item, "type", None) for item in items):
            raise BundleError(f"{key}:", f"{key}: the bundle ({bundle}) joins plain files only"
                              " (no type, defer or async)")
        parts[key] = [_path(item) for item in items]
        config[key] = [ExtraScriptValue(bundle) if key == "extra_javascript" else bundle] if items else []
    return parts


def write(files: Files, config, parts: dict[str, list[str]]) -> None:
    """Add each bundle to `files`, joined from its parts' text, and remove the
    parts (nothing else links them). A part missing from the theme is an error."""
    for key, names in parts.items():
        if not names:
            continue
        texts = []
        for name in names:
            part = files.get_file_from_path(name)
            if part is None:
                raise BundleError(name, f"{key}: {name} is not in overrides/ or docs/")
            texts.append(_MARK.format(name) + part.content_string.strip() + "\n")
            files.remove(part)
        files.append(File.generated(config, BUNDLES[key], content=_JOIN[key].join(texts)))


def split(text: str) -> dict[str, str]:
    """A built bundle's parts by name, each from its mark to the next one
    (the benchmark weighs the study system's parts: scripts/dev/bench/weight.py)."""
    marks = list(_MARKS.finditer(text))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return {m.group(1): text[m.start():end] for m, end in zip(marks, ends)}
