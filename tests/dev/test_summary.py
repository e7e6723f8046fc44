"""The pull-request summary (`python -m scripts.docs summary`, CI's job summary):
the pages a branch changes, both languages, their translation states and
their check results, on a copy of the repository with a commit made here."""

from __future__ import annotations

import subprocess
import sys

from scripts.content import catalog
from tests.conftest import repo_copy


def test_the_summary_lists_the_changed_page_its_twin_state_and_its_findings(tmp_path):
    copy = repo_copy(tmp_path / "repo")
    question = catalog.load(copy / "docs/zh").questions()[0]
    page = copy / "docs/zh" / question.rel
    page.write_text(page.read_text(encoding="utf-8") + "\n另见[不存在的页面](nowhere.md)。\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["commit", "-q", "-am", "zh only"], cwd=copy, check=True)
    done = subprocess.run([sys.executable, "-m", "scripts.docs", "summary", "--base", "HEAD~1"], cwd=copy,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 1 and f"`{question.rel}`" in rows[0] and question.title in rows[0]
    zh, en, verdict = [cell.strip() for cell in rows[0].strip("|").split("|")][1:]
    # The edited page is up to date ("reviewed" when it carries a review record), its twin is not.
    assert zh in ("current", "reviewed") and en.startswith("stale (other language changed in `")
    assert verdict.startswith("❌ 1 errors")
    assert f"docs/zh/{question.rel}" in done.stdout and "[link-target]" in done.stdout


def test_a_base_that_does_not_exist_is_an_error_with_gits_message(tmp_path):
    copy = repo_copy(tmp_path / "repo")
    done = subprocess.run([sys.executable, "-m", "scripts.docs", "summary", "--base", "no-such-branch"], cwd=copy,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "no-such-branch" in done.stdout and "Traceback" not in done.stderr
