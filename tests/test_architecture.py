"""The toolchain's layout holds: data flows one way (content → build → outputs,
checks beside them, tools on top), no import cycles, no import hidden in a
function to dodge one, and few modules directly in scripts/ (README,
"The toolchain, stage by stage")."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SCRIPTS = ROOT / "scripts"
# stage -> the stages its modules may import (dev/ and the entry points may import anything)
ALLOWED = {"content": {"content"}, "build": {"content", "build"}, "outputs": {"content", "build", "outputs"},
           "check": {"content", "build", "check"}}


def modules() -> dict[str, Path]:
    found = {}
    for path in SCRIPTS.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function?) of every scripts.* import of a file."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {id(node) for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
              for node in ast.walk(fn)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scripts"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((full if full in known else node.module, node.lineno, id(node) in nested))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in nested) for a in node.names if a.name.startswith("scripts")]
    return found


def stage(name: str) -> str:
    return name.split(".")[1] if name.count(".") else name


def test_data_flows_one_way_and_nothing_hides_an_import_in_a_function():
    known = modules()
    wrong = []
    for name, path in known.items():
        for target, line, nested in imports(path, known):
            rel = path.relative_to(ROOT)
            if stage(name) in ALLOWED and stage(target) not in ALLOWED[stage(name)]:
                wrong.append(f"{rel}:{line}: {stage(name)}/ imports {target}")
            if nested:
                wrong.append(f"{rel}:{line}: imports {target} inside a function")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    known = modules()
    graph = {name: {t for t, _, _ in imports(path, known) if t in known and t != name} for name, path in known.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(path[path.index(nxt):] + [node, nxt]) if nxt in path else f"{node} → {nxt}")
            elif not state.get(nxt):
                visit(nxt, path + [node])
        state[node] = 2

    for name in sorted(graph):
        if not state.get(name):
            visit(name, [])
    assert not cycles, "\n".join(cycles)


def test_few_modules_directly_in_scripts_and_every_package_says_what_it_holds():
    top = sorted(p.name for p in SCRIPTS.glob("*.py"))
    assert len(top) < 8, top
    for package in SCRIPTS.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(package.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{package.relative_to(ROOT)} says nothing about what lives there"
