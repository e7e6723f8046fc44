"""CONTRIBUTING's "Add a question" and "Add a section" work when followed
literally, on a copy of the repository: every command of their code blocks
runs as written, the pages `make new` creates are filled in as a contributor
would (every placeholder replaced), `make check` and `make build` pass, and the
new pages are reachable from the nav, their section's list and the home
contents in both languages. `make serve` is started, probed and stopped."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, make, new_names, repo_copy
from tests.html import hrefs

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^\s*```bash\n(.*?)^\s*```", re.S | re.M)
PLACEHOLDER = re.compile(r"\[\[TODO:[^\]]*\]\]")

# What a contributor writes for each placeholder, by the hint it carries.
FILL = {
    "zh": {"题目": "什么是批归一化？", "一句话概括答案": "批归一化对每层输入按小批量做标准化，再学习缩放与平移。",
           "标签": "optimization", "must-know": "common", "要点": "训练时用小批量统计量，推理时用滑动平均。",
           "面试时": "批归一化（BatchNorm）在每一层对小批量数据的激活做标准化，再用可学习的缩放和平移参数恢复表达能力。",
           "原理": "训练与推理时的统计量不同，这是面试中最常被追问的一点。",
           "章节名": "大语言模型", "一句话介绍": "大语言模型的训练、对齐与推理。", "一段介绍": "本章考察大语言模型的原理与工程实践。"},
    "en": {"Question": "What is batch normalization?", "The answer in one sentence":
           "Batch normalization standardizes each layer's inputs over a mini-batch, then learns a scale and shift.",
           "tag id": "optimization", "must-know": "common", "one point": "Training uses batch statistics; inference uses running averages.",
           "the answer you would give": "Batch normalization (BatchNorm) standardizes a layer's activations over the "
           "mini-batch, then applies a learned scale and shift so the layer keeps its expressive power.",
           "how it works": "The statistics differ between training and inference, the most common follow-up question.",
           "Section name": "Large Language Models", "What this section covers": "Training, aligning and serving large language models.",
           "A paragraph": "This section covers how large language models work and how they are built."},
}


def steps(heading: str) -> list[str]:
    """The command lines of the bash blocks under an English '### heading'."""
    section = GUIDE.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return [line.strip() for block in FENCE.findall(section) for line in block.splitlines() if line.strip()]


def fill(path: Path) -> None:
    """Replace every placeholder the way a contributor would."""
    lang = "zh" if "/zh/" in path.as_posix() else "en"

    def answer(match: re.Match) -> str:
        hint = match.group(0)
        for key, text in FILL[lang].items():
            if key in hint:
                return text
        raise AssertionError(f"no text for placeholder {hint} in {path}")

    text = PLACEHOLDER.sub(answer, path.read_text(encoding="utf-8"))
    # Titles are quoted YAML in the scaffold; the H1 repeats the title.
    path.write_text(text, encoding="utf-8")


def run_and_fill(copy: Path, command: str) -> subprocess.CompletedProcess:
    result = make(copy, command)
    assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    for created in re.findall(r"^created (\S+)$", result.stdout, re.M):
        fill(copy / created)
    return result


def served(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def reachable(site: Path, section: str, slug: str) -> None:
    """The new page is built in both languages and linked from the nav, the
    section's question list and the home contents."""
    for prefix in ("", "en/"):
        page = site / prefix / section / slug / "index.html"
        assert page.exists(), page
        section_page = site / prefix / section / "index.html"
        assert f"{slug}/" in hrefs(section_page, ".md-sidebar--primary a"), f"{prefix}{section}/: not in the nav"
        assert f"{slug}/" in hrefs(section_page, "#questions ~ ol a"), f"{prefix}{section}/: not in the question list"
        assert f"{section}/{slug}/" in hrefs(site / prefix / "index.html", ".md-content table a"), \
            f"{prefix}: not in the home contents"


@pytest.fixture
def copy(tmp_path) -> Path:
    return repo_copy(tmp_path / "repo")


def test_the_guide_documents_the_same_steps_in_both_languages():
    english = steps("Add a question") + steps("Add a section")
    chinese_part = GUIDE.split('<a id="zh"></a>', 1)[1]
    chinese = [line.strip() for block in FENCE.findall(chinese_part.split("### 编写页面", 1)[0])
               for line in block.splitlines() if line.strip()][3:]  # after the set-up block
    assert english == chinese
    assert english[0].startswith("make new SECTION=") and "make check" in english and "make build" in english


def test_add_a_question_as_written(copy):
    commands = new_names(copy, steps("Add a question"))
    section, slug = re.search(r"SECTION=(\S+) SLUG=(\S+)", commands[0]).groups()
    for command in commands:
        if command == "make serve":
            port = free_port()
            server = subprocess.Popen(["bash", "-c", command], cwd=copy, start_new_session=True,
                                      env={**os.environ, "ADDR": f"127.0.0.1:{port}"},
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                base = f"http://127.0.0.1:{port}/"
                deadline = time.time() + 90
                while True:
                    try:
                        zh, en = served(f"{base}{section}/{slug}/"), served(f"{base}en/{section}/{slug}/")
                        break
                    except OSError:
                        assert time.time() < deadline, "make serve did not answer within 90 s"
                        time.sleep(0.5)
                assert "什么是批归一化？" in zh and "What is batch normalization?" in en
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
            continue
        run_and_fill(copy, command)
    reachable(copy / "site", section, slug)


def test_add_a_section_as_written(copy):
    commands = new_names(copy, steps("Add a section"))
    section = re.search(r"SECTION=(\S+)", commands[0]).group(1)
    slug = next(re.search(r"SLUG=(\S+)", c).group(1) for c in commands if "SLUG=" in c)
    for command in commands:
        run_and_fill(copy, command)
    reachable(copy / "site", section, slug)
    home = (copy / "site/index.html").read_text(encoding="utf-8")
    assert "大语言模型" in home and "Large Language Models" in (copy / "site/en/index.html").read_text(encoding="utf-8")


def test_a_half_written_page_fails_check_and_build(copy):
    command = new_names(copy, steps("Add a question")[:1])[0]
    section, slug = re.search(r"SECTION=(\S+) SLUG=(\S+)", command).groups()
    result = make(copy, command)
    assert result.returncode == 0, result.stdout + result.stderr
    check = make(copy, "make check ARGS=--no-run")
    assert check.returncode != 0
    for lang in ("zh", "en"):
        page = f"docs/{lang}/{section}/{slug}.md"
        lines = [n for n, text in enumerate((copy / page).read_text(encoding="utf-8").splitlines(), 1)
                 if "[[TODO" in text]
        assert [f"{page}:{n}: [placeholder]" in check.stdout for n in lines] == [True] * len(lines), check.stdout
    build = make(copy, "make build")
    assert build.returncode != 0 and "[placeholder]" in build.stdout + build.stderr
    assert not (copy / "site").exists()  # nothing half-written


def test_scaffolding_never_overwrites(copy):
    from scripts.content import catalog

    question = catalog.load(copy / "docs/zh").questions()[0]  # any question the handbook holds
    page = copy / "docs/zh" / question.rel
    before = page.read_text(encoding="utf-8")
    result = make(copy, f"make new SECTION={question.section} SLUG={question.slug}")
    assert result.returncode != 0 and "already exists" in result.stdout
    assert page.read_text(encoding="utf-8") == before
    bad = make(copy, "make new SECTION=Deep_Learning SLUG=x")
    assert bad.returncode != 0 and "lowercase ASCII" in bad.stdout
    assert not (copy / "docs/zh/Deep_Learning").exists()
