import os
import subprocess
import sys

from tests.check.conftest import ROOT

Q = "docs/zh/python/example.md"


def test_summary_and_exit_status(tree):
    tree.replace(Q, "(#details)", "(#nowhere)")
    result = tree.check("--no-run")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("checked 6 pages")
    assert "1 errors" in result.stdout.splitlines()[-1]


def test_github_annotations(tree):
    line = tree.replace(Q, "(#details)", "(#nowhere)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_ACTIONS": "true"}
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(tree.root / "docs"),
                             "--root", str(tree.root), "--only", "links"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert f"::error file={Q},line={line},title=anchor::" in result.stdout


def test_unknown_check_is_a_usage_error(tree):
    result = tree.check("--only", "nonsense")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_missing_docs_folder(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(tmp_path / "nope")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no such docs folder" in result.stderr
