"""Scratch copies of the project, for the benchmark and for tests that break a build on purpose.

A copy holds what a build reads (the theme overrides, the scripts, and
unless the caller writes its own, docs/ and mkdocs.yml), never the
checkout's virtual environment, caches or site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.content.layout import ROOT

BUILD_INPUTS = ("overrides", "scripts")


def copy_build_inputs(dest: Path, with_content: bool = True) -> Path:
    """Copy what a build reads into dest; returns dest."""
    for name in BUILD_INPUTS + (("docs",) if with_content else ()):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    if with_content:
        shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest
