"""A page's history as readers see it: when it was last updated and who wrote it.

"Last updated" dates come from one `git log` for the whole docs tree, not one per page.

mkdocs-git-revision-date-localized-plugin asks git about every file on every
build, `make serve` rebuilds included (2 s of a 2.7 s rebuild on the real
site; minutes at thousands of pages). One `git log --name-only` gives every
file's last commit at once (scripts/content/git.py); the result is kept for
the life of the process, so a live-reload rebuild costs nothing. A page git
does not know yet (a new file), or a tree outside any repository, is dated by
the build day; a git command that fails raises, so a deployment never shows
wrong dates. Dates are written in the page's language with Babel (which
Material already depends on) into `page.meta.revision_date`, which
Material's source-file partial shows. The names of everyone who committed to a
page's file come from one more `git log` (the contributors its readers credit).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date

from scripts.content import git

# Babel locales of the site's dates; page scripts use the same ones (hb.date, hb-core.js).
LOCALES = {"zh": "zh_Hans", "en": "en_GB"}


@lru_cache(maxsize=4)
def last_commits(docs: Path) -> dict[str, int]:
    """Absolute path -> Unix time of the last commit that touched it."""
    top = git.toplevel(docs)
    return {str(top / rel): int(stamp) for rel, stamp in git.last_commits(docs, "%ct").items()} if top else {}


def updated_day(path: Path, docs: Path) -> dt.date:
    stamp = last_commits(docs.resolve()).get(str(path.resolve()))
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date() if stamp else dt.date.today()


def localized(day: dt.date, lang: str) -> str:
    """A date as a reader of `lang` writes it: 2026年12月10日, 10 December 2026."""
    return format_date(day, format="long", locale=LOCALES.get(lang, lang))


def updated(path: Path, docs: Path, lang: str) -> str:
    """The page's "last updated" date in its language."""
    return localized(updated_day(path, docs), lang)


@lru_cache(maxsize=4)
def _authors(docs: Path) -> dict[str, list[str]]:
    top = git.toplevel(docs)
    return {str(top / rel): names for rel, names in git.authors(docs).items()} if top else {}


def authors(path: Path, docs: Path) -> list[str]:
    """Everyone who committed to this page's file, first author first."""
    return _authors(docs.resolve()).get(str(path.resolve()), [])
