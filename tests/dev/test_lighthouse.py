"""`make lighthouse` works on a fresh clone and the site meets its budget.

The documented command runs literally, in a repository copy without
node_modules or a built site (so `npm ci` with the optional Lighthouse and
the build run too), with one Lighthouse run per page instead of three to
keep the test's time down. A missed budget (a score, or a layout shift above
0.02) fails the test with Lighthouse's own report of what cost the points.
The median that `make lighthouse` reports is checked on its own."""

from __future__ import annotations

import re

from scripts.dev import lighthouse
from tests.conftest import make, repo_copy


def test_make_lighthouse_passes_its_budget_on_a_fresh_clone(tmp_path):
    copy = repo_copy(tmp_path / "repo")
    assert not (copy / "node_modules").exists() and not (copy / "site").exists()
    result = make(copy, "make lighthouse RUNS=1", timeout=1800)
    assert result.returncode == 0, f"{result.stdout[-4000:]}{result.stderr[-3000:]}"
    for page in lighthouse.PAGES:
        line = re.search(rf"^/{re.escape(page)}\s+performance (\d+).*CLS ([\d.]+)\s+TBT (\d+) ms", result.stdout, re.M)
        assert line, f"no scores for /{page}:\n{result.stdout}"
        assert int(line.group(1)) >= lighthouse.BUDGET["performance"]
        assert float(line.group(2)) <= lighthouse.CLS_BUDGET


def test_the_median_of_runs_counts_not_the_best_or_the_worst():
    def run(performance, cls, failed=()):
        return {"scores": {**{name: 100 for name in lighthouse.BUDGET}, "performance": performance},
                "metrics": {"CLS": cls, "TBT": 10.0 * performance, "LCP": 1000.0},
                "failed": {name: list(failed) if name == "performance" else [] for name in lighthouse.BUDGET}}
    found = lighthouse.median([run(99, 0.0), run(70, 0.3, ["total-blocking-time"]), run(96, 0.01)])
    assert found["scores"]["performance"] == 96 and found["metrics"]["CLS"] == 0.01
    assert found["metrics"]["TBT"] == 960
    assert found["failed"]["performance"] == ["total-blocking-time"]
