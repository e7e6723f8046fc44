"""What every check receives: the docs tree, its parsed pages and the options."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from scripts.check.source import Page
from scripts.pages import display, pages


@dataclass
class Context:
    docs: Path
    root: Path
    run_code: bool = True
    fix: bool = False
    jobs: int = 4
    config_file: Path | None = None

    @cached_property
    def pages(self) -> dict[Path, Page]:
        return {path: Page(path) for path in pages(self.docs)}

    def page(self, path: Path) -> Page | None:
        return self.pages.get(path)

    def show(self, path: Path) -> str:
        return display(path, self.root)

    @cached_property
    def config(self) -> dict | None:
        """mkdocs.yml as data: !ENV resolved like mkdocs does, other tags ignored."""
        config = self.config_file or self.root / "mkdocs.yml"
        if not config.exists():
            return None
        loader = type("Loader", (yaml.SafeLoader,), {})

        def env(loader_, node):
            name, *default = loader_.construct_sequence(node) if isinstance(node, yaml.SequenceNode) \
                else [loader_.construct_scalar(node)]
            return os.environ.get(name, default[0] if default else None)

        loader.add_constructor("!ENV", env)
        loader.add_multi_constructor("!", lambda *_: None)
        loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
        return yaml.load(config.read_text(encoding="utf-8"), Loader=loader) or {}

    @cached_property
    def site_url(self) -> str | None:
        return (self.config or {}).get("site_url")

    @cached_property
    def nav_paths(self) -> list[str] | None:
        """Page paths listed in mkdocs.yml's nav (relative to a language folder)."""
        nav = (self.config or {}).get("nav")
        if nav is None:
            return None
        found: list[str] = []

        def walk(item):
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, list):
                for sub in item:
                    walk(sub)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)

        walk(nav)
        return [p for p in found if p.endswith(".md") and "://" not in p]
