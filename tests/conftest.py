"""Shared fixtures: one strict build of the real site per test run (shared by
all pytest-xdist workers), served under a GitHub-Pages-like sub-path, and
Debian's Chromium for the browser tests."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.build import engine
from scripts.content import catalog
from scripts.content.layout import DOCS, LANGS, ROOT, lang_root
from scripts.dev.project import copy_build_inputs
from scripts.dev.server import GITHUB_PAGES_CACHE, free_port, serve
from scripts.outputs import chromium
from scripts.outputs.site import build as build_site

# The site is built for a production address and served at
# http://127.0.0.1:<port>/handbook/: every test also proves that links work
# below a sub-path and on a host other than the one in site_url.
SUBPATH = "handbook"
BUILD_URL = f"https://handbook.example/{SUBPATH}/"


__all__ = ["free_port", "ROOT"]


def mkdocs_build(config_dir: Path, site_dir: Path, site_url: str, strict: bool = True,
                 lang: str = "zh") -> engine.Result:
    """One language's build of a project folder (what each process of `make build` runs)."""
    return engine.build(lang, site_dir, site_url, config=config_dir / "mkdocs.yml", strict=strict)


def copy_project(dest: Path) -> Path:
    """A scratch copy of everything the build reads, for tests that break it."""
    return copy_build_inputs(dest)


def _shared_dir(tmp_path_factory) -> Path:
    """A folder all xdist workers of this run share (the run's base temp)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory, name: str, compute):
    """Compute a JSON-able result once per test run, whatever the number of
    pytest-xdist workers: the first worker computes it under a file lock, the
    others wait and read it. (xdist's loadgroup scheduling would do this, but
    it silently stops grouping with pytest 9.2: pytest-xdist#1386.)"""
    shared = _shared_dir(tmp_path_factory)
    done = shared / f"{name}.json"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            done.write_text(json.dumps(compute(shared)), encoding="utf-8")
        return json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per run by `make build`'s code; returns the
    folder holding index.html."""
    def compute(shared: Path) -> dict:
        lines: list[str] = []
        status = build_site(shared / "served" / SUBPATH, site_url=BUILD_URL, echo=lines.append,
                            engine_name=os.environ.get("HANDBOOK_ENGINE", "mkdocs"))
        return {"status": status, "output": "\n".join(lines), "site": str(shared / "served" / SUBPATH)}

    result = once_per_run(tmp_path_factory, "built-site", compute)
    assert result["status"] == 0, result["output"]
    return Path(result["site"])


def serve_folder(folder: Path, **options):
    """Serve a folder on a free port in a background thread, like GitHub Pages
    (an unknown path gets its site's own 404.html); returns the server."""
    return serve(folder, **options)


def serve_sites(root: Path, headers: dict[str, str] | None = None):
    """Serve `root`, one folder per project site, as GitHub Pages serves an owner's
    sites on one origin: every file with `Cache-Control: max-age=600` (the
    browser's HTTP cache then answers for ten minutes, across a deployment)."""
    return serve(root, headers={"Cache-Control": GITHUB_PAGES_CACHE, **(headers or {})})


def copy_sites(built_site: Path, root: Path, names: tuple[str, ...]) -> dict[str, Path]:
    """Copies of the built site under `root`, one per name: {name: folder}."""
    folders = {}
    for name in names:
        folders[name] = root / name
        shutil.copytree(built_site, folders[name])
    return folders


@pytest.fixture(scope="session")
def site_server(built_site):
    """The site's URL, served at http://127.0.0.1:<port>/handbook/."""
    server = serve_folder(built_site.parent)
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_server) -> str:
    return site_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium; Playwright's own browser
    download cannot work on these machines."""
    if not chromium.installed():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(chromium.MISSING + "; CI=true, so this is a failure", pytrace=False)
        pytest.skip(chromium.MISSING)
    return {**browser_type_launch_args, "executable_path": chromium.PATH, "args": list(chromium.FLAGS)}


def repo_copy(dest: Path) -> Path:
    """A working copy of the repository for tests that run documented commands
    literally (`make new ...`, `make check`, ...): the files git would commit
    (tracked and new, not ignored) with their times kept, this checkout's
    virtual environment linked in (so `make` installs nothing), the check
    cache copied, and a fresh git history of one commit."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", dest / ".cache")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["init", "-q"], cwd=dest, check=True)
    subprocess.run(git + ["add", "-A"], cwd=dest, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "copy"], cwd=dest, check=True)
    return dest


def new_names(copy: Path, commands: list[str]) -> list[str]:
    """Documented `make new` commands with their example names made new in this copy.

    The documents scaffold examples (`SLUG=batch-normalization`); once a
    contributor adds that very question, the documented command would stop at
    "already exists". What a test checks is the procedure, so an example that
    the handbook already holds gets a name nobody uses, consistently across
    the procedure's commands; everything else runs as printed."""
    docs, renamed = copy / "docs" / "zh", {}

    def unused(name: str, taken) -> str:
        return next(f"{name}-{n}" for n in range(2, 1000) if not taken(f"{name}-{n}"))

    for command in commands:
        match = re.search(r"make new SECTION=(\S+)(?: SLUG=(\S+))?", command)
        if not match:
            continue
        section, slug = match.groups()
        if slug is None and (docs / section).exists() and section not in renamed:
            renamed[section] = unused(section, lambda name: (docs / name).exists())
        folder = docs / renamed.get(section, section)
        if slug and (folder / f"{slug}.md").exists() and slug not in renamed:
            renamed[slug] = unused(slug, lambda name: (folder / f"{name}.md").exists())
    return [re.sub(r"\b(SECTION|SLUG)=(\S+)", lambda m: f"{m[1]}={renamed.get(m[2], m[2])}", command)
            for command in commands]


def make(copy: Path, command: str, timeout: int = 600, **env: str) -> subprocess.CompletedProcess:
    """Run a documented shell command (e.g. `make check`) in a repository copy."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "GITHUB_ACTIONS"))}
    return subprocess.run(["bash", "-c", command], cwd=copy, env={**environment, **env}, capture_output=True,
                          text=True, timeout=timeout)


def page_paths() -> list[str]:
    """Every page of the site, both languages, as paths below the site root."""
    from scripts.content.layout import page_url

    return [lang_root(lang) + page_url(rel) for lang in LANGS for rel in catalog.load(DOCS / lang).ordered_paths()]


def question_with(*needles: str, lang: str = "zh") -> str:
    """The path (below the site root) of the first question whose Markdown holds
    every needle ("$$" for a display formula, "```" for code): a test names the
    content it needs, so it holds whichever questions the handbook has."""
    from scripts.content.layout import page_url

    for question in catalog.load(DOCS / lang).questions():
        text = (DOCS / lang / question.rel).read_text(encoding="utf-8")
        if all(needle in text for needle in needles):
            return lang_root(lang) + page_url(question.rel)
    raise LookupError(f"no {lang} question holds {needles}")


# Practice mode and the study page wire their controls once strings.json and
# questions.json (cached) have arrived; every test waits for that after
# loading a page, as a reader's first click would.
PRACTICE_READY_JS = """() => { const panel = document.querySelector('.hb-practice');
  const study = document.querySelector('.hb-study');
  return (!panel || panel.dataset.wired === 'true') && (!study || study.classList.contains('hb-study--ready')); }"""


@pytest.fixture
def page(page):
    """pytest-playwright's page, whose goto and reload wait until practice mode is wired."""
    goto, reload = page.goto, page.reload

    def ready(response):
        page.wait_for_function(PRACTICE_READY_JS, timeout=15000)
        return response

    page.goto = lambda *args, **kwargs: ready(goto(*args, **kwargs))
    page.reload = lambda *args, **kwargs: ready(reload(*args, **kwargs))
    yield page
