"""`python -m scripts.docs summary --base <ref>`: the pull request's pages, for a reviewer.

CI writes this to the job summary of a pull request: every page the branch
changes since `base`, both languages side by side, with each language's
translation state (scripts/content/translations.py) and what `make check`
reports on it (the check that ran before reuses its cache here). A
maintainer reviewing fifty pull requests a month sees at once which pages
changed, whether their twins followed, and what is left to fix.
"""

from __future__ import annotations

from pathlib import Path

from scripts.check import CHECKS, run
from scripts.check.cache import Cache
from scripts.check.context import Context
from scripts.content import git
from scripts.content.layout import LANGS, ROOT
from scripts.content.page import Page
from scripts.content.translations import History


def changed_pages(root: Path, base: str) -> list[str]:
    """Paths (relative to the language folders) of the pages changed since `base`, in both languages."""
    names = git.git(root, "diff", "--name-only", f"{base}...HEAD", "--", "docs").stdout.splitlines()
    pages = {Path(*Path(name).parts[2:]).as_posix() for name in names
             if name.endswith(".md") and len(Path(name).parts) > 2 and Path(name).parts[1] in LANGS}
    return sorted(pages)


def report(root: Path, base: str) -> str:
    docs = root / "docs"
    rels = changed_pages(root, base)
    if not rels:
        return "## Pages changed by this pull request\n\nNo page under `docs/` changed.\n"
    ctx = Context(docs=docs, root=root, run_code=True, config_file=root / "mkdocs.yml",
                  cache=Cache(root / ".cache" / "check.json"))
    findings = run(ctx, list(CHECKS))
    history = History(docs)
    rows, details = [], []
    for rel in rels:
        paths = {lang: docs / lang / rel for lang in LANGS}
        pages = {lang: Page(path, rel=rel) for lang, path in paths.items() if path.exists()}
        cells = []
        for lang in LANGS:
            twin = next((pages[other] for other in LANGS if other != lang and other in pages), None)
            if lang not in pages:
                cells.append("missing")
            elif twin is None:
                cells.append("no twin")
            else:
                state = history.state(pages[lang], twin)
                cells.append(state.kind + (f" (other language changed in `{state.twin_commit[:7]}`)"
                                           if state.twin_commit else ""))
        shown = {ctx.show(path) for path in paths.values()}
        mine = [f for f in findings if f.path in shown]
        errors = sum(f.severity == "error" for f in mine)
        verdict = "✅ clean" if not mine else f"❌ {errors} errors, {len(mine) - errors} warnings" if errors \
            else f"⚠️ {len(mine)} warnings"
        title = next((page.title for page in pages.values()), rel).replace("|", "\\|")
        rows.append(f"| `{rel}` · {title} | {' | '.join(cells)} | {verdict} |")
        details += [f"- `{finding}`" for finding in mine]
    table = [f"| Page | {' | '.join(LANGS)} | `make check` |", "| --- |" + " --- |" * (len(LANGS) + 1), *rows]
    text = "## Pages changed by this pull request\n\n" + "\n".join(table) + "\n"
    if details:
        text += "\n### Findings\n\n" + "\n".join(details) + "\n"
    return text


def main(base: str, root: Path = ROOT) -> int:
    try:
        print(report(root, base), end="")
    except git.GitError as exc:
        print(f"summary: {exc}")
        return 1
    return 0
