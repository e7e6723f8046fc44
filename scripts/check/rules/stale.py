"""[i18n-stale] (warning): one language changed after its twin was last checked.

Rule ids:
  i18n-stale  (warning) one language changed after its twin was last checked
  git         a git command failed, so staleness cannot be judged (the message
              is git's, e.g. a checkout owned by another user: mark it safe with
              `git config --global --add safe.directory <path>`, as .ci/run does)

How a page stands against its twin is decided by scripts/content/translations.py
(shared with the build's translation status page). Recording the review in
front matter clears the warning until the twin changes again; uncommitted
edits count as changes, so the warning shows up while you edit, not only
after the commit. Outside a repository (a scratch copy of the docs) there is
no history and nothing to compare.
"""

from __future__ import annotations

from scripts.check.context import Context
from scripts.content import git
from scripts.content.findings import Finding
from scripts.content.layout import DEFAULT_LANG, lang_of, twin
from scripts.content.translations import History


def findings(ctx: Context):
    try:
        history = History(ctx.docs)
        found = []
        for path, page in ctx.pages.items():
            if history.top is None or lang_of(path, ctx.docs) != DEFAULT_LANG:
                continue
            other = ctx.page(twin(path, ctx.docs))
            if other is not None:
                found += _stale(ctx, history, page, other) + _stale(ctx, history, other, page)
    except git.GitError as exc:
        yield Finding(ctx.show(ctx.docs), 1, "git", str(exc))
        return
    yield from found


def _stale(ctx: Context, history: History, page, source) -> list[Finding]:
    """A warning if `page` is behind `source`, its twin."""
    state = history.state(page, source)
    if state.kind != "stale":
        return []
    hint = (f"check that both still say the same and record it in this page's front matter: "
            f"`translation: {{reviewed: {state.twin_commit[:10]}}}`" if state.twin_commit
            else "commit it, then check that both still say the same")
    marker = page.meta.get("translation")
    line = page.meta_line("translation") if isinstance(marker, dict) and marker.get("reviewed") else 1
    return [Finding(ctx.show(page.path), line, "i18n-stale",
                    f"{ctx.show(source.path)} changed after this translation was last checked; {hint}",
                    severity="warning")]
