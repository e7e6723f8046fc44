"""`make serve`: live-reloading preview at the same paths as production.

Every build is one language (scripts/build/engine.py), so the preview is one
`mkdocs serve` per language: Chinese at `/`, English at `/en/`.

* `make serve ONLY=en` (or zh) runs that one language's `mkdocs serve`
  directly, mounted at its production path, rebuilding only the edited page
  (`--dirty`): the fastest loop while writing.
* `make serve` runs both on private ports behind a small proxy on the public
  address, which sends `/en/...` to the English server and everything else
  to the Chinese one. MkDocs' live-reload script polls `/livereload/...` at
  the root; the proxy routes those polls by the page that sent them
  (the Referer header).

Stopping: Ctrl-C, or SIGTERM to `make` or to this process, stops every
server. Children are tied to their parent with Linux's parent-death signal,
so not even `kill -9` of `make` leaves a server holding the port.
"""

from __future__ import annotations

import ctypes
import http.client
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

from scripts.build import engine
from scripts.content.layout import DEFAULT_LANG, LANGS, ROOT, lang_root
from scripts.dev.server import free_port

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to send us SIGTERM when our parent process exits (no-op elsewhere)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass


def serve_one(lang: str, addr: str) -> int:
    """Replace this process with one language's `mkdocs serve` at its production path."""
    env = engine.environment(lang, f"http://{addr}/")
    print(f"serving {lang} at http://{addr}/{lang_root(lang)}", flush=True)
    die_with_parent()
    os.chdir(ROOT)
    os.execve(sys.executable, engine.serve_command(addr), env)
    return 0  # not reached


def serve(addr: str, lang: str | None = None) -> int:
    """`make serve`: one language at its production path, or both behind a proxy."""
    host, _, port = addr.rpartition(":")
    try:
        with socket.socket() as probe:
            probe.bind((host or "127.0.0.1", int(port)))
    except (OSError, ValueError) as exc:
        reason = "is already in use (another `make serve`?)" if isinstance(exc, OSError) else "is not host:port"
        suggestion = f"{host or '127.0.0.1'}:{int(port) + 1}" if port.isdigit() else "127.0.0.1:8001"
        print(f"make serve: {addr} {reason}; choose another address: make serve ADDR={suggestion}")
        return 1
    return serve_one(lang, addr) if lang else serve_all(addr)


def serve_all(addr: str) -> int:
    """Both languages behind one address; returns when stopped."""
    host, _, port = addr.rpartition(":")
    die_with_parent()
    backends = {lang: f"127.0.0.1:{free_port()}" for lang in LANGS}
    children = [subprocess.Popen(engine.serve_command(backends[lang]), cwd=ROOT,
                                 env=engine.environment(lang, f"http://{addr}/"), preexec_fn=die_with_parent)
                for lang in LANGS]
    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), _proxy(backends))
    server.daemon_threads = True

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    threading.Thread(target=_watch_children, args=(children, stop), daemon=True).start()
    print(f"serving both languages at http://{addr}/ (English at /en/); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


def _watch_children(children, stop) -> None:
    """If a language's server dies (e.g. a config error), stop the whole preview."""
    while all(child.poll() is None for child in children):
        time.sleep(0.5)
    stop()


def backend_for(path: str, referer: str | None, backends: dict[str, str]) -> str:
    """Which language's server answers a request."""
    for lang in LANGS:
        if lang == DEFAULT_LANG:
            continue
        prefix = f"/{lang_root(lang)}"
        if path.startswith(prefix) or path == prefix.rstrip("/"):
            return backends[lang]
        if path.startswith("/livereload/") and referer and urlsplit(referer).path.startswith(prefix):
            return backends[lang]
    return backends[DEFAULT_LANG]


def _proxy(backends: dict[str, str]):
    class Proxy(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's naming
            target = backend_for(self.path, self.headers.get("Referer"), backends)
            host, port = target.split(":")
            try:
                connection = http.client.HTTPConnection(host, int(port), timeout=120)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                connection.request("GET", self.path, headers=headers)
                response = connection.getresponse()
                body = response.read()
            except OSError:
                self.send_error(502, "the preview server for this language is still starting; reload in a moment")
                return
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


    return Proxy
