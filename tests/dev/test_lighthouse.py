"""`make lighthouse` works on a fresh clone, and what does not depend on the
machine's load meets the budget.

The documented command runs literally, in a repository copy without
node_modules or a built site (so `npm ci` with the optional Lighthouse and
the build run too), with one Lighthouse run per page instead of three to
keep the test's time down. Accessibility, best practices, SEO and layout
shift do not depend on how busy the machine is, so a miss fails the test
with Lighthouse's own report of what cost the points. The performance score
does (Lighthouse's mobile profile scales the blocking time it observes, and
the tests run beside each other on every core): the test requires a score
for every page and reports it, and the budget of 95 is measured on a quiet
machine by `make lighthouse` itself (benchmarks/README.md holds the runs).
The median that `make lighthouse` reports is checked on its own."""

from __future__ import annotations

import re

from scripts.dev import lighthouse
from tests.conftest import make, repo_copy

LINE = r"^/{page}\s+performance (\d+)\s+accessibility (\d+)\s+best-practices (\d+)\s+seo (\d+).*CLS ([\d.]+)"


def test_make_lighthouse_runs_on_a_fresh_clone_within_its_load_independent_budget(tmp_path):
    copy = repo_copy(tmp_path / "repo")
    assert not (copy / "node_modules").exists() and not (copy / "site").exists()
    result = make(copy, "make lighthouse RUNS=1", timeout=1800)
    report = f"{result.stdout[-4000:]}{result.stderr[-3000:]}"
    # make fails when a budget is missed (the recipe's exit status 1) as it
    # does when the command does not work; only a missed performance score
    # may be the reason here.
    missed = re.findall(r"below budget: (.*)$", result.stdout, re.M)
    assert result.returncode == 0 or (missed and all(m == "performance" for m in missed)), report
    for page in lighthouse.PAGES:
        line = re.search(LINE.format(page=re.escape(page)), result.stdout, re.M)
        assert line, f"no scores for /{page}:\n{report}"
        performance, *others, cls = line.groups()
        assert [int(v) for v in others] == [100, 100, 100], report
        assert float(cls) <= lighthouse.CLS_BUDGET, report
        print(f"/{page}: performance {performance} (budget {lighthouse.BUDGET['performance']}, judged by make lighthouse)")


def test_the_median_of_runs_counts_not_the_best_or_the_worst():
    def run(performance, cls, failed=()):
        return {"scores": {**{name: 100 for name in lighthouse.BUDGET}, "performance": performance},
                "metrics": {"CLS": cls, "TBT": 10.0 * performance, "LCP": 1000.0},
                "failed": {name: list(failed) if name == "performance" else [] for name in lighthouse.BUDGET}}
    found = lighthouse.median([run(99, 0.0), run(70, 0.3, ["total-blocking-time"]), run(96, 0.01)])
    assert found["scores"]["performance"] == 96 and found["metrics"]["CLS"] == 0.01
    assert found["metrics"]["TBT"] == 960
    assert found["failed"]["performance"] == ["total-blocking-time"]
