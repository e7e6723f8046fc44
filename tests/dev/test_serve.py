"""`make serve`: both languages at their production paths, one language with
ONLY, and no server left behind however the preview is stopped (Ctrl-C,
SIGTERM to make, or make killed outright)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port
from tests.html import attr


def _session_processes(sid: int) -> list[str]:
    """Command lines of the live processes in a session (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


class Preview:
    def __init__(self, only: str | None = None):
        self.port = free_port()
        env = {**os.environ, "ADDR": f"127.0.0.1:{self.port}"}
        command = "make serve" + (f" ONLY={only}" if only else "")
        self.process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, env=env, start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}/"

    def wait_for(self, path: str, timeout: float = 120) -> tuple[int, str]:
        deadline = time.time() + timeout
        while True:
            try:
                status, body = _get(self.base + path)
                if status == 200:
                    return status, body
            except OSError:
                pass
            assert self.process.poll() is None, "make serve exited"
            assert time.time() < deadline, f"{self.base}{path} did not answer within {timeout} s"
            time.sleep(0.5)

    def port_closed(self) -> bool:
        try:
            _get(self.base)
        except OSError:
            return True
        return False

    def assert_gone(self, timeout: float = 30) -> None:
        deadline = time.time() + timeout
        while _session_processes(self.process.pid) or not self.port_closed():
            assert time.time() < deadline, f"left behind: {_session_processes(self.process.pid)}"
            time.sleep(0.3)

    def cleanup(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture
def preview():
    started = []

    def start(only=None):
        started.append(Preview(only))
        return started[-1]

    yield start
    for p in started:
        p.cleanup()


def test_both_languages_at_their_production_paths(preview):
    p = preview()
    _, zh = p.wait_for("ai-painting/dreambooth/")
    _, en = p.wait_for("en/ai-painting/dreambooth/")
    assert attr(zh, "html", "lang") == "zh" and attr(en, "html", "lang") == "en"
    assert attr(zh, '.md-select__link[hreflang="en"]', "href") == "../../en/ai-painting/dreambooth/"
    # English files come from the English server; its search index is written
    # in the background after the build (scripts/outputs/search.py)
    assert _get(p.base + "en/questions.json")[0] == 200
    p.wait_for("en/pagefind/pagefind-entry.json", timeout=60)


@pytest.mark.parametrize("how", ["sigterm-to-make", "ctrl-c", "make-killed"])
def test_stopping_leaves_no_server_behind(preview, how):
    p = preview()
    p.wait_for("en/")
    if how == "sigterm-to-make":
        os.kill(p.process.pid, signal.SIGTERM)  # make alone, as `kill <pid>` would
    elif how == "ctrl-c":
        os.killpg(p.process.pid, signal.SIGINT)  # the terminal sends SIGINT to the group
    else:
        os.kill(p.process.pid, signal.SIGKILL)  # make dies without a chance to clean up
    p.assert_gone()


def test_only_english_is_served_under_en(preview):
    p = preview(only="en")
    _, body = p.wait_for("en/")
    assert attr(body, "html", "lang") == "en"
    status, root = _get(p.base + "ai-painting/")
    assert status != 200 or attr(root, "html", "lang") != "zh"
    os.killpg(p.process.pid, signal.SIGINT)
    p.assert_gone()


def test_a_busy_port_says_which_address_to_use_instead():
    import socket
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "scripts.docs", "serve", "--addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"make serve ADDR=127.0.0.1:{port + 1}" in done.stdout and "Traceback" not in done.stderr, done
