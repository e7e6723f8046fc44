"""The `find` page's commands, run for real against a small fixture tree.

Every runnable command in the page's bash blocks must appear in EXPECTED, so a
new example cannot be added without saying what it should find. Expectations
come from how the fixture is built (sizes, ages, modes), not from find's output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from scripts.content.layout import ROOT
from scripts.content.page import Page

PAGES = [ROOT / "docs" / lang / "computer-basics/find-command.md"
         for lang in ("zh", "en")]
DAY = 86400

ALL_TXT = {"a.txt", "sub/c.txt", "old.txt", "exclude/d.txt", "filename.txt"}
EXPECTED: dict[str, set[str] | str] = {
    'find S -name "filename"': {"filename"},
    'find S -name "*.txt"': ALL_TXT,
    'find S -iname "*.txt"': ALL_TXT | {"LOUD.TXT"},
    "find S -type d": {".", "sub", "exclude", "empty_dir"},
    "find S -type f": {"a.txt", "sub/c.txt", "old.txt", "exclude/d.txt", "filename.txt", "filename", "LOUD.TXT",
                       "notes.log", "big.bin", "scratch.tmp", "empty.txt.bak", "run.sh", "nine_k_plus.bin"},
    "find S -type l": {"link", "dangling"},
    "find S -size +100M": {"big.bin"},
    # -10k: rounded up to KiB, fewer than 10 -> at most 9 KiB; the 9 KiB + 1 byte file rounds to 10.
    "find S -size -10k": "small",
    "find S -size 1G": "nonempty-files",
    "find S -size -10240c": "under-10240-bytes",
    "find S -size 1073741824c": set(),
    "find S -mtime -7": "recent",
    "find S -mmin -30": "recent",
    "find S -atime -7": "recent",
    "find S -amin -30": "recent",
    "find S -perm 755": {".", "sub", "exclude", "empty_dir", "run.sh"},  # directories are 755 too
    "find S -perm /111": {".", "sub", "exclude", "empty_dir", "run.sh", "link", "dangling"},  # symlinks are 777
    'find S -name "*.tmp" -delete': "deletes-tmp",
    'find S -name "*.txt" -exec ls -l {} \\;': "ls-txt",
    'find S -name "*.tmp" -exec rm -f {} \\;': "deletes-tmp",
    'find S -name "*.txt" -exec ls -l {} +': "ls-txt",
    'find S \\( -name "*.txt" -o -name "*.log" \\)': ALL_TXT | {"notes.log"},
    "find S -size +100M -and -mtime -7": {"big.bin"},
    'find S -path X -prune -o -name "*.txt" -print': ALL_TXT - {"exclude/d.txt"},
    "find S -type f -empty": {"scratch.tmp", "empty.txt.bak"},
    "find S -type d -empty": {"empty_dir"},
    "find S -xtype l": {"dangling"},
    "find S -type f -printf '%T+ %p\\n' | sort -r": "newest-first",
    "find S -type f -printf '%T@ %p\\n' | sort -rn | head -n 10": "newest-ten",
}


def make_tree(root: Path) -> None:
    files = {"a.txt": 1000, "sub/c.txt": 20, "old.txt": 5, "exclude/d.txt": 7, "filename.txt": 3, "filename": 3,
             "LOUD.TXT": 4, "notes.log": 9216, "nine_k_plus.bin": 9217, "scratch.tmp": 0, "empty.txt.bak": 0,
             "run.sh": 12}
    for rel, size in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    with open(root / "big.bin", "wb") as handle:  # sparse: 101 MiB of apparent size, no disk use
        handle.truncate(101 * 1024 * 1024)
    (root / "empty_dir").mkdir()
    (root / "link").symlink_to("a.txt")
    (root / "dangling").symlink_to("nowhere")
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path.name == "run.sh" else 0o644)
    now = time.time()
    os.utime(root / "old.txt", (now - 30 * DAY, now - 30 * DAY))
    for index, rel in enumerate(["a.txt", "notes.log", "sub/c.txt"]):  # distinct, ordered recent times
        os.utime(root / rel, (now - 60 * (index + 1), now - 60 * (index + 1)))


def page_commands(page: Path) -> list[str]:
    commands = []
    for fence in Page(page).fences:
        if fence.lang == "bash" and fence.settings.get("test") != "skip":
            commands += [line.strip() for line in fence.body.splitlines()
                         if line.strip() and not line.lstrip().startswith("#")]
    return commands


def normalize(command: str) -> str:
    return command.replace("/path/to/exclude", "X").replace("/path/to/start", "S")


def test_both_languages_show_the_same_commands():
    assert page_commands(PAGES[0]) == page_commands(PAGES[1])


def test_every_command_on_the_page_has_an_expectation():
    missing = [c for c in page_commands(PAGES[1]) if normalize(c) not in EXPECTED]
    assert not missing, missing


def run(command: str, start: Path) -> subprocess.CompletedProcess:
    concrete = command.replace("/path/to/exclude", str(start / "exclude")).replace("/path/to/start", str(start))
    return subprocess.run(["bash", "-o", "pipefail", "-c", concrete], capture_output=True, text=True, timeout=30)


def relative(lines: list[str], start: Path) -> set[str]:
    return {os.path.relpath(line, start) for line in lines}


def expected_set(kind: str, start: Path) -> set[str]:
    """Entries selected by a size or time rule, computed from lstat like find does."""
    entries = {".": start, **{p.relative_to(start).as_posix(): p for p in start.rglob("*")}}
    size = {rel: os.lstat(p).st_size for rel, p in entries.items()}
    units = {rel: -(-n // 1024) for rel, n in size.items()}  # find rounds sizes up to whole units
    if kind == "small":
        return {rel for rel, n in units.items() if n < 10}
    if kind == "nonempty-files":
        return {rel for rel, n in size.items() if -(-n // 2**30) == 1}
    if kind == "under-10240-bytes":
        return {rel for rel, n in size.items() if n < 10240}
    if kind == "recent":
        return set(entries) - {"old.txt"}
    raise AssertionError(kind)


@pytest.mark.parametrize("command", page_commands(PAGES[1]))
def test_find_example_does_what_the_page_says(command, tmp_path):
    start = tmp_path / "start"
    make_tree(start)
    want = EXPECTED[normalize(command)]
    result = run(command, start)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line]
    if want == "deletes-tmp":
        assert not list(start.rglob("*.tmp")) and (start / "a.txt").exists()
    elif want == "ls-txt":
        assert len(lines) == len(ALL_TXT) and all(line.startswith("-rw") for line in lines)
    elif want in ("newest-first", "newest-ten"):
        paths = [os.path.relpath(line.split(" ", 1)[1], start) for line in lines]
        files = EXPECTED["find S -type f"]
        assert len(paths) == (10 if want == "newest-ten" else len(files)) and set(paths) <= files
        mtimes = [os.lstat(start / p).st_mtime for p in paths]
        assert mtimes == sorted(mtimes, reverse=True), "not newest first"
        assert "old.txt" not in paths[:-1] or want == "newest-ten"
    else:
        got = relative(lines, start)
        expected = want if isinstance(want, set) else expected_set(want, start)
        assert got == expected, (command, sorted(got ^ expected))


def test_find_is_gnu_find():
    assert shutil.which("find")
    assert "GNU findutils" in subprocess.run(["find", "--version"], capture_output=True, text=True).stdout
