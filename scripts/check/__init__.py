"""`make check`: validate the handbook's content and report `path:line: [id] message`.

The engine lives here (this command line, `context.py`: what a check sees,
`cache.py`: results kept by content hash); the rules live in `rules/`, one
module per check. Exit status: 0 when clean (warnings allowed), 1 on any
error, 2 on bad usage. A traceback means a bug in the checker itself, never
in the content.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

from scripts.check.cache import Cache
from scripts.check.context import Context
from scripts.content.layout import DOCS, ROOT

# The checks, in the order they run; each is the module scripts/check/rules/<name>.py
# (the name is what --only and --skip take). Modules are imported when a check
# runs, so `python -m scripts.docs serve` and `build`, which share the CLI,
# need none of the check tools installed.
CHECKS = ("files", "links", "i18n", "frontmatter", "structure", "code", "math", "fonts", "writing", "safety",
          "strings", "figures", "forms", "spelling")


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of `check`, shared by `python -m scripts.check` and `python -m scripts.docs check`."""
    parser.add_argument("--only", action="append", choices=sorted(CHECKS), metavar="CHECK",
                        help=f"run only this check (repeatable): {', '.join(sorted(CHECKS))}")
    parser.add_argument("--skip", action="append", choices=sorted(CHECKS), default=[], metavar="CHECK",
                        help="skip this check (repeatable)")
    parser.add_argument("--no-run", action="store_true", help="do not execute code blocks")
    parser.add_argument("--fix", action="store_true",
                        help="repair what can be repaired in place (CJK spacing and punctuation, the issue form's "
                             "section list) and list each change")
    parser.add_argument("--update-output", action="store_true",
                        help="rewrite the `#>` output lines of Python examples with what they print now")
    parser.add_argument("--docs", type=Path, default=DOCS, help="docs folder (default: docs/)")
    parser.add_argument("--root", type=Path, help="paths are shown relative to this folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel workers")
    parser.add_argument("--no-cache", action="store_true",
                        help="re-run every slow check instead of reusing .cache/check.json (the fresh results "
                             "are stored)")
    return parser


def run(ctx: Context, names: list[str]) -> list:
    """Findings of the named checks. A check module may define start(ctx) to
    begin slow work in worker processes; all starts run before the first check,
    so that work overlaps with the checks that run in this process."""
    modules = [importlib.import_module(f"scripts.check.rules.{name}") for name in names]
    for module in modules:
        if hasattr(module, "start"):
            module.start(ctx)
    findings = []
    for module in modules:
        findings.extend(module.check(ctx))
    return sorted(set(findings))


def main(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    if args is None:
        parser = add_arguments(argparse.ArgumentParser(prog="python -m scripts.check",
                                                       description=__doc__.splitlines()[0]))
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    docs = args.docs.resolve()
    if not docs.is_dir():
        print(f"{args.docs}: [usage] no such docs folder", file=sys.stderr)
        return 2
    root = (args.root or (ROOT if docs.is_relative_to(ROOT) else docs.parent)).resolve()
    config = root / "mkdocs.yml"
    config_file = config if config.exists() else None
    cache = Cache(root / ".cache" / "check.json", fresh=args.no_cache or args.update_output)
    ctx = Context(docs=docs, root=root, run_code=not args.no_run, fix=args.fix, jobs=args.jobs,
                  config_file=config_file, cache=cache, update_output=args.update_output)
    names = [n for n in (args.only or CHECKS) if n not in args.skip]
    started = time.perf_counter()
    try:
        findings = run(ctx, names)
    except Exception:  # a bug in the checker, not in the content
        traceback.print_exc()
        print("internal error in the checker (this is a bug in scripts/check, not in your content)",
              file=sys.stderr)
        return 3
    cache.save(names)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in findings:
        print(finding)
        if annotate:
            print(finding.github_annotation())
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    elapsed = time.perf_counter() - started
    print(f"checked {len(ctx.pages)} pages with {', '.join(names)}"
          f"{'' if ctx.run_code else ' (code not run)'}: {errors} errors, {warnings} warnings in {elapsed:.2f} s"
          f" ({cache.hits} results reused from .cache/check.json)")
    return 1 if errors else 0
