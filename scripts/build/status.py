"""The translation status page: every page, and how each language stands against the other.

`docs/<lang>/translation-status.md` holds an introduction and a marker line,
``<!-- hb:translations -->``, which the build replaces with a table: each
page of the catalog (in reading order, titled in the page's language) with
its state in Chinese and in English, from git history
(scripts/content/translations.py, which the `i18n-stale` check uses too). A
maintainer sees at a glance what needs a translator; a reader sees that a
page may lag behind its twin. None of hello-algo, OI-wiki, d2l or JavaGuide
publishes one.
"""

from __future__ import annotations

from pathlib import Path

from scripts.content import catalog
from scripts.content.layout import LANGS, page_url
from scripts.content.page import Page
from scripts.content.translations import History, State

MARKER = "<!-- hb:translations -->"


def _cell(state: State, text: dict, repo_url: str) -> str:
    t = text["translations"]
    commit = state.twin_commit or state.reviewed
    linked = f"[`{commit[:7]}`]({repo_url.rstrip('/')}/commit/{commit})" if commit and repo_url else f"`{commit[:7]}`"
    return t[state.kind].replace("{commit}", linked)


def table(docs: Path, lang: str, text: dict, repo_url: str = "") -> str:
    """The status table, in `lang`, for every page of `docs/<lang>/` that has a twin."""
    history = History(docs)
    other = next(code for code in LANGS if code != lang)
    rows, behind = [], 0
    for rel in catalog.load(docs / lang).ordered_paths():
        mine, theirs = docs / lang / rel, docs / other / rel
        if not theirs.exists():
            continue  # the build stops on a missing translation ([i18n-missing])
        page, twin = Page(mine, rel=rel), Page(theirs, rel=rel)
        states = {lang: history.state(page, twin), other: history.state(twin, page)}
        behind += sum(state.kind == "stale" for state in states.values())
        title = page.title.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
        link = f"[{title}]({rel})" if page_url(rel) != "translation-status/" else title
        rows.append(f"| {link} | " + " | ".join(_cell(states[code], text, repo_url) for code in LANGS) + " |")
    t = text["translations"]
    header = f"| {t['col_page']} | " + " | ".join(t[f"col_{code}"] for code in LANGS) + " |"
    summary = t["summary"].replace("{pages}", str(len(rows))).replace("{stale}", str(behind))
    return "\n".join([summary, "", header, "| --- |" + " --- |" * len(LANGS), *rows]) + "\n"
