"""Every command the README, CONTRIBUTING and the checks' hints print works,
run literally as printed (on a copy of the repository), and every rule id the
checks can report is documented in both languages of CONTRIBUTING."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, make, new_names, repo_copy

DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
# Commands that are run elsewhere or cannot run inside a test, and why.
ELSEWHERE = {
    "make test": "this is the run that executes these tests",
    "make serve": "tests/dev/test_serve.py and tests/test_contributing.py start it, probe it and stop it",
    "make bench": "tests/dev/test_bench.py runs the same benchmark at N=12 (N=1500 takes ten minutes)",
    "make lighthouse": "tests/dev/test_lighthouse.py runs it as printed on a fresh copy, one run per page (RUNS=1)",
    "make lock": "re-pins every dependency from the package index; run by hand when a pin changes",
    "make test-properdocs": "CI's second job runs it",
    "make pdf": "tests/test_pdf.py makes both books with the same code",
    "make epub": "tests/outputs/test_epub.py makes both books with the same code (after a build, as documented)",
    "make books": "make pdf then make epub, both tested as above; the deploy job runs it",
    "make vendor": "tests/test_vendor.py checks the copy it makes against the npm package",
    "make fonts": "needs Latin Modern Math (Debian's fonts-lmodern, not in CI); tests/dev/test_fonts.py checks the "
                  "committed cut, and the check's fonts rule every formula against it",
}
# Bare targets named in prose (as in "`make new` scaffolds a page"), not commands to run.
NAMES = {"make new": "without SECTION it prints its usage (exit status 2)", "make bench": "see above"}
COMMAND = re.compile(r"`(make [^`]*?)`|^\s*(make [^#\n]*?)\s*(?:#.*)?$", re.M)


def documented() -> list[str]:
    """`make ...` commands printed in the docs and in the checks' messages."""
    found = []
    for path in DOCUMENTS + sorted((ROOT / "scripts").rglob("*.py")):
        for match in COMMAND.finditer(path.read_text(encoding="utf-8")):
            command = (match.group(1) or match.group(2)).strip()
            if "<" in command or "..." in command or "{" in command or command.endswith("="):
                continue  # a pattern such as `make new SECTION=<name>`, not a command
            found.append(command)
    return sorted(set(found))


def runnable() -> list[str]:
    return [c for c in documented()
            if c not in NAMES and not any(c == k or c.startswith(k + " ") for k in ELSEWHERE if k != "make new")]


def test_the_documents_print_commands():
    commands = documented()
    assert "make check ARGS=--fix" in commands and 'make check ARGS="--no-run --only links"' in commands
    assert any(c.startswith("make new SECTION=") for c in commands)


@pytest.fixture
def copy(tmp_path) -> Path:
    """A fresh copy for each command: `make new ...` must not leave pages that
    a later `make check` would then report."""
    return repo_copy(tmp_path / "repo")


@pytest.mark.parametrize("command", runnable())
def test_documented_command_works_as_printed(copy, command):
    command = new_names(copy, [command])[0]  # an example the handbook already holds gets a new name
    result = make(copy, command, timeout=900)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr


def test_every_rule_id_is_documented_in_both_languages():
    """Each check module's docstring lists its rule ids; CONTRIBUTING's two
    tables must list the same ids."""
    ids = set()
    for module in [*(ROOT / "scripts/check/rules").glob("*.py"), ROOT / "scripts/build/safety.py"]:
        docstring = module.read_text(encoding="utf-8").split('"""')[1] if '"""' in module.read_text(
            encoding="utf-8") else ""
        block = docstring.split("Rule id", 1)[1] if "Rule id" in docstring else ""
        ids |= set(re.findall(r"^\s{2}\[?([a-z0-9]+(?:-[a-z0-9]+)*)\]?\s", block, re.M))
    ids.discard("rule")
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english, chinese = guide.split('<a id="zh"></a>', 1)
    for name, part in (("English", english), ("Chinese", chinese)):
        listed = set(re.findall(r"^\| [a-z0-9]+ \| `([a-z0-9-]+)` \|", part, re.M))
        assert ids <= listed, f"{name} table lacks: {sorted(ids - listed)}"
    assert len(ids) >= 35
