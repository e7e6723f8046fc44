"""Shared fixtures: one strict build of the real site per test session, served
under a GitHub-Pages-like sub-path, and Debian's Chromium for the browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scripts.pages import copy_build_inputs

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The site is served at http://127.0.0.1:<port>/handbook/ so every test also
# proves that links work below a sub-path, as on a GitHub project page.
SUBPATH = "handbook"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(config_dir: Path, site_dir: Path, site_url: str, strict: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)],
        cwd=config_dir, env=env, capture_output=True, text=True,
    )


def copy_project(dest: Path) -> Path:
    """A scratch copy of everything the build reads, for tests that break it."""
    return copy_build_inputs(dest)


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/{SUBPATH}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_url) -> Path:
    """The real site, strictly built once; returns the folder holding index.html."""
    root = tmp_path_factory.mktemp("served")
    site = root / SUBPATH
    result = mkdocs_build(ROOT, site, site_url)
    assert result.returncode == 0, result.stdout + result.stderr
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


@pytest.fixture(scope="session")
def site_server(built_site, site_port, site_url):
    handler = functools.partial(_Handler, directory=str(built_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_url
    server.shutdown()


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
