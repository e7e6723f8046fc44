"""Shared fixtures: one strict build of the real site per test run (shared by
all pytest-xdist workers), served under a GitHub-Pages-like sub-path, and
Debian's Chromium for the browser tests."""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import shutil
import threading
from pathlib import Path

import pytest

from scripts.build import build as build_site
from scripts.pages import copy_build_inputs

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The site is built for a production address and served at
# http://127.0.0.1:<port>/handbook/: every test also proves that links work
# below a sub-path and on a host other than the one in site_url.
SUBPATH = "handbook"
BUILD_URL = f"https://handbook.example/{SUBPATH}/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(config_dir: Path, site_dir: Path, site_url: str, strict: bool = True, lang: str = "zh",
                 engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """One language's MkDocs build of a project folder (what each process of `make build` runs)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "HANDBOOK_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)],
        cwd=config_dir, env=env, capture_output=True, text=True,
    )


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
                            engine=os.environ.get("HANDBOOK_ENGINE", "mkdocs"))
        return {"status": status, "output": "\n".join(lines), "site": str(shared / "served" / SUBPATH)}

    result = once_per_run(tmp_path_factory, "built-site", compute)
    assert result["status"] == 0, result["output"]
    return Path(result["site"])


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        # Like GitHub Pages: unknown paths get the site's own 404.html.
        page = Path(self.directory) / SUBPATH / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser closed the connection mid-response (a test ended while a
        # service worker was still downloading): not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_folder(folder: Path):
    """Serve a folder on a free port in a background thread; returns the server."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = _Server(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI=true, so this is a failure", pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


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


def make(copy: Path, command: str, timeout: int = 600, **env: str) -> subprocess.CompletedProcess:
    """Run a documented shell command (e.g. `make check`) in a repository copy."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "GITHUB_ACTIONS"))}
    return subprocess.run(["bash", "-c", command], cwd=copy, env={**environment, **env}, capture_output=True,
                          text=True, timeout=timeout)


def page_paths() -> list[str]:
    """Every page of the site, both languages, as paths below the site root."""
    from scripts import catalog
    from scripts.pages import DOCS, LANGS

    paths = []
    for lang in LANGS:
        for rel in catalog.load(DOCS / lang).ordered_paths():
            url = "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
            paths.append(("" if lang == LANGS[0] else f"{lang}/") + url)
    return paths


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
