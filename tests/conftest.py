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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per run by `make build`'s code; returns the
    folder holding index.html. The first worker builds, the others wait."""
    shared = _shared_dir(tmp_path_factory)
    site = shared / "served" / SUBPATH
    done = shared / "served.json"
    with open(shared / "served.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            lines: list[str] = []
            status = build_site(site, site_url=BUILD_URL, echo=lines.append, engine=os.environ.get(
                "HANDBOOK_ENGINE", "mkdocs"))
            done.write_text(json.dumps({"status": status, "output": "\n".join(lines)}))
        result = json.loads(done.read_text())
    assert result["status"] == 0, result["output"]
    return site


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


def serve_folder(folder: Path):
    """Serve a folder on a free port in a background thread; returns the server."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
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
