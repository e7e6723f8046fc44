"""One command line for every docs task: ``python -m scripts.docs <task>``.

The Makefile, CI and the tests call this instead of spelling out tool flags in
several places, so a flag such as ``--strict`` lives in exactly one spot. Each
task's module is imported only when the task runs, so `serve` and `build`
need none of the check or test tools installed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from scripts.build.engine import ENGINES
from scripts.check import add_arguments
from scripts.content.layout import LANGS, ROOT

LANG = {"action": "append", "choices": list(LANGS), "help": "only these languages"}
SITE_DIR = {"default": "site"}
# task -> (help, "module:function", how the function is called, its options)
TASKS = {
    "build": ("strict build of both languages", "scripts.outputs.site:build",
              lambda f, a: f(ROOT / a.site_dir, engine_name=a.engine, langs=tuple(a.lang or LANGS)),
              {"--site-dir": SITE_DIR, "--engine": {"choices": list(ENGINES), "default": ENGINES[0]},
               "--lang": LANG}),
    "serve": ("live-reloading preview", "scripts.dev.serve:serve",
              lambda f, a: f(a.addr, a.lang),
              {"--addr": {"default": "127.0.0.1:8000"},
               "--lang": {"choices": list(LANGS), "help": "serve only this language, at its production path"}}),
    "check": ("validate the content (see CONTRIBUTING)", "scripts.check:main", lambda f, a: f(args=a), None),
    "new": ("scaffold a question or a section in both languages", "scripts.dev.scaffold:scaffold",
            lambda f, a: f(a.section, a.slug),
            {"--section": {"help": "section folder, e.g. deep-learning"},
             "--slug": {"help": "question file name without .md, e.g. batch-normalization"}}),
    "figures": ("render figures/*.py into docs/<lang>/<section>/img/*.svg", "scripts.content.figures:write_all",
                lambda f, a: f(), {}),
    "vendor": ("copy the vendored browser libraries (ts-fsrs) from node_modules", "scripts.dev.vendor:vendor",
               lambda f, a: f(), {}),
    "fonts": ("cut the math font (overrides/assets/fonts/) from Latin Modern Math for the formulas in docs/",
              "scripts.dev.fonts:make", lambda f, a: f(a.source),
              {"--source": {"type": Path, "help": "latinmodern-math.otf (default: the installed one)"}}),
    "lint-workflows": ("zizmor and JSON-schema checks of .github/", "scripts.dev.workflows:lint",
                       lambda f, a: f(), {}),
    "bench": ("scale benchmark on a generated corpus", "scripts.dev.bench.run:main",
              lambda f, a: f(a.n, a.json, baseline=not a.no_baseline, corpus=a.corpus, search_only=a.search_only,
                             keep=a.keep, site=a.site, misses=a.misses),
              {"--n": {"type": int, "default": 100, "help": "number of questions"},
               "--json": {"help": "also write the results to this JSON file"},
               "--no-baseline": {"action": "store_true", "help": "skip the default-configuration build"},
               "--corpus": {"choices": ["realistic", "uniform"], "default": "realistic",
                            "help": "real vocabulary (default), or the 40-term worst case for search"},
               "--search-only": {"action": "store_true", "help": "measure search alone"},
               "--keep": {"type": Path, "help": "build the corpus into this folder and keep it"},
               "--site": {"type": Path, "help": "with --search-only: measure this built corpus (from --keep)"},
               "--misses": {"action": "store_true", "help": "with --search-only: list results missing their query"}}),
    "pdf": ("PDF books of the built site into <site>/downloads/ (needs Chromium)", "scripts.outputs.pdf:make",
            lambda f, a: f(ROOT / a.site_dir, langs=tuple(a.lang or LANGS), tagged=a.tagged),
            {"--site-dir": SITE_DIR, "--lang": LANG,
             "--tagged": {"action": "store_true", "help": "tagged (structured) PDF: about twice the size"}}),
    "epub": ("EPUB books of the built site into <site>/downloads/", "scripts.outputs.epub:make",
             lambda f, a: f(ROOT / a.site_dir, langs=tuple(a.lang or LANGS)), {"--site-dir": SITE_DIR, "--lang": LANG}),
    "lighthouse": ("Lighthouse scores of the built site", "scripts.dev.lighthouse:main",
                   lambda f, a: f(a.site_dir, *([a.runs] if a.runs else [])),
                   {"--site-dir": SITE_DIR, "--runs": {"type": int,
                                                       "help": "runs per page; the median counts (default: lighthouse.RUNS)"}}),
    "summary": ("Markdown summary of the pages a branch changes (CI's pull-request summary)",
                "scripts.dev.summary:main", lambda f, a: f(a.base),
                {"--base": {"required": True, "help": "the branch or commit to compare with, e.g. origin/main"}}),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.docs", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="task", required=True)
    for name, (help_text, target, _, options) in TASKS.items():
        task = sub.add_parser(name, help=help_text)
        if options is None:
            add_arguments(task)
        for flag, settings in (options or {}).items():
            task.add_argument(flag, **settings)
    args = parser.parse_args(argv)
    _, target, call, _ = TASKS[args.task]
    module, function = target.split(":")
    return call(getattr(importlib.import_module(module), function), args)


if __name__ == "__main__":
    sys.exit(main())
