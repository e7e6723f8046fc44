"""One command line for every docs task: ``python -m scripts.docs <task>``.

The Makefile, CI and the tests call this instead of spelling out tool flags in
several places, so a flag such as ``--strict`` lives in exactly one spot.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from scripts.pages import LANGS, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(cmd: list[str]) -> int:
    return subprocess.call(cmd, cwd=ROOT, env=ENV)


def build(args: argparse.Namespace) -> int:
    from scripts.build import build as build_site

    return build_site(ROOT / args.site_dir, engine=args.engine, langs=tuple(args.lang or LANGS))


def serve(args: argparse.Namespace) -> int:
    from scripts.serve import serve_all, serve_one

    return serve_one(args.lang, args.addr) if args.lang else serve_all(args.addr)


def check(args: argparse.Namespace) -> int:
    from scripts.check import main as check_main

    return check_main(args=args)


def new(args: argparse.Namespace) -> int:
    from scripts.scaffold import scaffold

    return scaffold(args.section, args.slug)


def figures(args: argparse.Namespace) -> int:
    from scripts.figures import write_all

    return write_all()


def vendor(args: argparse.Namespace) -> int:
    from scripts.vendor import vendor as copy_vendored

    return copy_vendored()


def lint_workflows(args: argparse.Namespace) -> int:
    """zizmor (security audit) and the JSON schemas of workflows, Dependabot and issue forms."""
    bindir = os.path.dirname(sys.executable)
    github = ROOT / ".github"
    schema = [os.path.join(bindir, "check-jsonschema"), "--builtin-schema"]
    forms = sorted(str(p) for p in (github / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    status = run([os.path.join(bindir, "zizmor"), "--offline", "--no-progress", str(github)])
    status |= run(schema + ["vendor.github-workflows", *sorted(str(p) for p in (github / "workflows").glob("*.yml"))])
    status |= run(schema + ["vendor.dependabot", str(github / "dependabot.yml")])
    status |= run(schema + ["vendor.github-issue-forms", *forms])
    status |= run(schema + ["vendor.github-issue-config", str(github / "ISSUE_TEMPLATE" / "config.yml")])
    return status


def bench(args: argparse.Namespace) -> int:
    from scripts.bench import main as bench_main

    return bench_main(args.n, args.json, baseline=not args.no_baseline, corpus=args.corpus)


def pdf(args: argparse.Namespace) -> int:
    from scripts.pdf import make

    return make(ROOT / args.site_dir, langs=tuple(args.lang or LANGS), tagged=args.tagged)


def lighthouse(args: argparse.Namespace) -> int:
    from scripts.lighthouse import main as lighthouse_main

    return lighthouse_main(args.site_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.docs", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="task", required=True)
    p = sub.add_parser("build", help="strict build of both languages")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs")
    p.add_argument("--lang", action="append", choices=list(LANGS), help="build only these languages")
    p.set_defaults(func=build)
    p = sub.add_parser("serve", help="live-reloading preview")
    p.add_argument("--addr", default="127.0.0.1:8000")
    p.add_argument("--lang", choices=list(LANGS), help="serve only this language, at its production path")
    p.set_defaults(func=serve)
    from scripts.check import add_arguments

    p = add_arguments(sub.add_parser("check", help="validate the content (see CONTRIBUTING)"))
    p.set_defaults(func=check)
    p = sub.add_parser("new", help="scaffold a question or a section in both languages")
    p.add_argument("--section", help="section folder, e.g. deep-learning")
    p.add_argument("--slug", help="question file name without .md, e.g. batch-normalization")
    p.set_defaults(func=new)


    p = sub.add_parser("figures", help="render figures/*.py into docs/<lang>/<section>/img/*.svg")
    p.set_defaults(func=figures)
    p = sub.add_parser("vendor", help="copy the vendored browser libraries (ts-fsrs) from node_modules")
    p.set_defaults(func=vendor)
    p = sub.add_parser("lint-workflows", help="zizmor and JSON-schema checks of .github/")
    p.set_defaults(func=lint_workflows)
    p = sub.add_parser("bench", help="scale benchmark on a synthetic corpus")
    p.add_argument("--n", type=int, default=100, help="number of questions")
    p.add_argument("--json", help="also write the results to this JSON file")
    p.add_argument("--no-baseline", action="store_true", help="skip the default-configuration build")
    p.add_argument("--corpus", choices=("realistic", "uniform"), default="realistic",
                   help="real vocabulary (default), or the 40-term worst case for search")
    p.set_defaults(func=bench)
    p = sub.add_parser("pdf", help="PDF books of the built site into <site>/downloads/ (needs Chromium)")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--lang", action="append", choices=list(LANGS), help="only these languages")
    p.add_argument("--tagged", action="store_true", help="tagged (structured) PDF: about twice the size")
    p.set_defaults(func=pdf)
    p = sub.add_parser("lighthouse", help="Lighthouse scores of the built site")
    p.add_argument("--site-dir", default="site")
    p.set_defaults(func=lighthouse)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
