"""CI where GitHub runs it: a container job is root over a workspace that
belongs to the runner's user, and git refuses such a repository unless told
it is safe. `.ci/run` tells it; then page dates and the translation check
read the history. Reproduced here on a clone owned by another uid, with
root's own HOME (no global git settings of this machine)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

RUNNER_UID = 1001  # the runner user's uid on GitHub's hosted runners


def test_ci_run_makes_a_workspace_owned_by_another_user_readable_for_git(tmp_path):
    if os.geteuid() != 0:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI runs as root in its container; this test needs root to hand the clone to another uid")
        pytest.skip("needs root (CI's container runs as root)")
    clone, home = tmp_path / "workspace", tmp_path / "home"
    home.mkdir()
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    subprocess.run(["chown", "-R", f"{RUNNER_UID}:{RUNNER_UID}", str(clone)], check=True)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, "HOME": str(home)}
    refused = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "dubious ownership" in refused.stderr  # what GitHub's container sees

    def check_i18n():
        return subprocess.run([sys.executable, "-m", "scripts.check", "--only", "i18n", "--docs", str(clone / "docs"),
                               "--root", str(clone)], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
                              capture_output=True, text=True, timeout=300)

    # Before .ci/run: the check fails with git's own words and the fix, never silently.
    before = check_i18n()
    assert before.returncode == 1 and "[git]" in before.stdout and "safe.directory" in before.stdout, before.stdout
    assert "Traceback" not in before.stderr
    python = [sys.executable, "-c", "import sys; sys.path.insert(0, '.'); from scripts.build import history; "
              "from pathlib import Path; print(len(history.last_commits(Path('docs').resolve())))"]

    setup = subprocess.run(["bash", ".ci/run", "--setup-only"], cwd=clone, env=env, capture_output=True, text=True,
                           timeout=600)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    after = subprocess.run(python, cwd=clone, env=env, capture_output=True, text=True)
    assert after.returncode == 0 and int(after.stdout) > 0, after.stderr  # every page has its commit date
    check = check_i18n()
    assert check.returncode == 0 and "[git]" not in check.stdout, check.stdout
