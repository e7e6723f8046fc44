"""A static server that behaves like GitHub Pages, for the browser tests of
what a reader stores: several project sites on one origin (one port, one
folder per site: /a/, /b/), each answering an unknown path below it with its
own 404.html, and every response sent with `Cache-Control: max-age=600` as
GitHub Pages does (the browser's HTTP cache then answers for ten minutes,
across a deployment). Extra headers (a Content-Security-Policy) can be added.

tests/conftest.py's `serve_folder` stays the plain server the other tests use.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

from tests.conftest import _Server, free_port

CACHE_CONTROL = "max-age=600"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, headers: dict[str, str] | None = None, **kwargs):
        self.extra_headers = headers or {}
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # keep test output quiet
        pass

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        site = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / site / "404.html"
        if code == 404 and site and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


def serve_sites(root: Path, headers: dict[str, str] | None = None) -> _Server:
    """Serve `root` (one folder per site) on a free port in a background thread."""
    handler = functools.partial(PagesHandler, directory=str(root), headers=headers)
    server = _Server(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def copy_sites(built_site: Path, root: Path, names: tuple[str, ...]) -> dict[str, Path]:
    """Copies of the built site under `root`, one per name: {name: folder}."""
    folders = {}
    for name in names:
        folders[name] = root / name
        shutil.copytree(built_site, folders[name])
    return folders
