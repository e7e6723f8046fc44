"""A local static server that behaves like GitHub Pages, for tools and tests.

Lighthouse, the search benchmark and the browser tests all look at the built
site as GitHub Pages serves it: project sites under sub-paths of one origin
(several of them, for the tests of what readers store), text compressed with
gzip, and each site's own 404.html for an unknown path below it. One server
here does that on 127.0.0.1, with optional extra headers (GitHub Pages'
`Cache-Control: max-age=600`, a Content-Security-Policy) and a hook that sees
every response's size.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

GITHUB_PAGES_CACHE = "max-age=600"  # the Cache-Control header GitHub Pages sends with every file
TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; the class attributes below are set per server."""

    compress = False  # gzip text files when the browser accepts it
    headers_out: dict[str, str] = {}  # extra headers on every response
    sent: Callable[[str, int], None] | None = None  # told (request path, bytes sent) of every file

    def log_message(self, *args):  # quiet: tests and tools print what matters
        pass

    def end_headers(self):
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """An unknown path gets the 404.html of the site it is under (the folder of its
        first segment, as for a project site), else the served folder's own."""
        site = self.path.lstrip("/").split("/", 1)[0].split("?")[0]
        pages = ([Path(self.directory) / site / "404.html"] if site else []) + [Path(self.directory) / "404.html"]
        page = next((p for p in pages if p.is_file()), None)
        if code == 404 and page is not None:
            self._send(page, status=404)
        else:
            super().send_error(code, message, explain)

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().do_GET()  # the redirect to the folder's URL with a slash
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        self._send(path)

    def do_HEAD(self):  # noqa: N802
        return self.do_GET()

    def _send(self, path: Path, status: int = 200) -> None:
        body = path.read_bytes()
        encoded = self.compress and path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if encoded:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD":
            return
        if self.sent is not None:
            self.sent(self.path, len(body))
        try:
            self.wfile.write(body)
        except ConnectionError:
            pass  # the browser closed the connection mid-transfer (a test ended): not an error


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path, *, compress: bool = False, headers: dict[str, str] | None = None,
          sent: Callable[[str, int], None] | None = None, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on 127.0.0.1 in a background thread; returns the server
    (`server.server_address[1]` is its port; `server.shutdown()` stops it)."""
    handler = type("Handler", (PagesHandler,), {"compress": compress, "headers_out": dict(headers or {}),
                                                 "sent": staticmethod(sent) if sent else None})
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
