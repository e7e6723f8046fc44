"""`lint-workflows`: the GitHub side of the project, checked before it reaches GitHub.

zizmor audits the workflows for security problems (offline, at its default
persona); check-jsonschema validates the workflows, Dependabot's settings and
the issue forms against their published schemas. Both come with the test
layer (requirements-test.txt).
"""

from __future__ import annotations

import os
import subprocess
import sys

from scripts.content.layout import ROOT

GITHUB = ROOT / ".github"


def _tool(name: str) -> str:
    return os.path.join(os.path.dirname(sys.executable), name)


def lint() -> int:
    """0 when every file passes; each tool prints its own findings."""
    forms = sorted(str(p) for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    schema = [_tool("check-jsonschema"), "--builtin-schema"]
    commands = [
        [_tool("zizmor"), "--offline", "--no-progress", str(GITHUB)],
        schema + ["vendor.github-workflows", *sorted(str(p) for p in (GITHUB / "workflows").glob("*.yml"))],
        schema + ["vendor.dependabot", str(GITHUB / "dependabot.yml")],
        schema + ["vendor.github-issue-forms", *forms],
        schema + ["vendor.github-issue-config", str(GITHUB / "ISSUE_TEMPLATE" / "config.yml")],
    ]
    status = 0
    for command in commands:
        try:
            status |= subprocess.call(command, cwd=ROOT)
        except FileNotFoundError:
            print(f"lint-workflows: {command[0]} is not installed (pip install -r requirements-test.txt)")
            status |= 1
    return status
