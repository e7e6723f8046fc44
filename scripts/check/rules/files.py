"""Files: only what the build can place goes into docs/.

Rule ids:
  encoding     a page that is not UTF-8 text (MkDocs would fail on it; a UTF-8
               byte-order mark is accepted and ignored, as MkDocs does)
  stray-file   a file the site does not use: not Markdown or an image, or
               outside the language folders docs/zh/ and docs/en/
  nav-orphan   a page the navigation cannot place: nested deeper than
               docs/<lang>/<section>/<page>.md, or in a folder without index.md
"""

from __future__ import annotations

from scripts.check.context import Context
from scripts.content.findings import Finding
from scripts.content.layout import LANGS

IMAGES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif"}


def check(ctx: Context):
    ctx.pages  # noqa: B018 - reading the pages fills ctx.unreadable
    yield from ctx.unreadable
    for path in ctx.files:
        rel = path.relative_to(ctx.docs)
        shown = ctx.show(path)
        if len(rel.parts) < 2 or rel.parts[0] not in LANGS:
            yield Finding(shown, 1, "stray-file", f"only the language folders {', '.join(f'docs/{lang}/' for lang in LANGS)} "
                                                  "hold content; move or delete this file")
        elif path.suffix.lower() not in IMAGES | {".md"}:
            yield Finding(shown, 1, "stray-file", f"'{path.suffix or path.name}' files are not used by the site; "
                                                  f"docs/ holds Markdown pages and images ({', '.join(sorted(IMAGES))})")
        elif path.suffix == ".md" and len(rel.parts) > 3:
            yield Finding(shown, 1, "nav-orphan", "pages live at docs/<lang>/<page>.md or "
                                                  "docs/<lang>/<section>/<page>.md; nested folders are not in the nav")
        elif path.suffix == ".md" and len(rel.parts) == 3 and not (path.parent / "index.md").exists():
            yield Finding(shown, 1, "nav-orphan", f"folder '{rel.parts[1]}' has no index.md, so it is not a section "
                                                  f"and this page has no place in the nav; create the section with "
                                                  f"`make new SECTION={rel.parts[1]}`")
