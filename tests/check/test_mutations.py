"""Mutation test: copy the real docs/, inject one fault of every kind into a
real page, and expect every fault reported at its own file and line."""

from __future__ import annotations

import shutil

import pytest

from tests.check.conftest import ROOT, Tree
from tests.conftest import once_per_run

# (page, text to find, replacement, check id). Each fault goes into a different
# spot; the expected line is where the replacement lands.
MUTATIONS = [
    ("docs/zh/ai-painting/dreambooth.md", "](regularization.md", "](regularisation.md", "link-target"),
    ("docs/en/ai-painting/dreambooth.md", "](regularization.md#prevent-overfitting",
     "](regularization.md#prevent-overfit", "anchor"),
    ("docs/en/deep-learning/attention-mechanisms.md", "{ #self-attention }", "{ #self-attn }", "i18n-headings"),
    ("docs/en/python/assert.md", "def print_inverse(number):", "def print_inverse(value):", "i18n-code"),
    ("docs/zh/machine-learning/discriminative-vs-generative.md", "## 贝叶斯", "$\\frac{a}{b$\n\n## 贝叶斯", "math"),
    ("docs/zh/python/lossless-images.md", "tags:", "tags: [unclosed\nextra:", "frontmatter"),
    ("docs/en/deployment/deployment-forms.md", "  - deployment\n", "  - cooking\n", "frontmatter"),
    ("docs/zh/computer-basics/find-command.md", "```bash", "```", "code-lang"),
    ("docs/en/deep-learning/hyperparameter-optimization.md", "#> ", "#> not what it prints ", "code-output"),
    ("docs/zh/open-questions/tob-tog-toc.md", "## ", "## 没有编号的标题\n\n正文。\n\n## ", "heading-id"),
    ("docs/en/open-questions/aigc-vs-deep-learning.md", "## ", "<script>alert(1)</script>\n\n## ", "unsafe-html"),
    ("docs/en/ai-painting/regularization.md", "## ", "![pixel](https://tracker.example/p.png)\n\n## ", "offsite-resource"),
    ("docs/zh/python/assert.md", "## 简答 { #short-answer }", "先铺垫一句。\n\n## 简答 { #short-answer }", "short-answer"),
    ("docs/en/machine-learning/what-is-machine-learning.md", "{ #definition }", "{ #short-answer }", "heading-duplicate"),
    ("docs/zh/open-questions/aigc-vs-deep-learning.md", "## ", "[[TODO: 补上这一段]]\n\n## ", "placeholder"),
    ("docs/zh/deployment/model-compression.md", "## ", "模型用LoRA微调。\n\n## ", "cjk-spacing"),
    ("docs/zh/computer-basics/host-ip-and-bmc.md", "## ", "```bash\nrm -rf $DIR/build\n```\n\n## ", "code-shellcheck"),
]
MISSING = "docs/en/computer-basics/find-command.md"


@pytest.fixture(scope="session")
def mutated(tmp_path_factory):
    """The check's output on the mutated copy, computed once per run."""
    def compute(shared):
        tree = Tree.__new__(Tree)
        tree.root = shared / "mutated"
        shutil.copytree(ROOT / "docs", tree.root / "docs")
        shutil.copy(ROOT / "mkdocs.yml", tree.root / "mkdocs.yml")
        if (ROOT / ".cache").is_dir():  # results keyed by content: only the mutated pages are checked afresh
            shutil.copytree(ROOT / ".cache", tree.root / ".cache")
        expected = []
        for rel, old, new, rule in MUTATIONS:
            text = tree.read(rel)
            assert old in text, f"mutation anchor {old!r} not found in {rel}; update the mutation list"
            line = tree.replace(rel, old, new)
            if rule == "code-shellcheck":
                line += 1  # the command is on the line after the fence
            expected.append((rel, line, rule))
        (tree.root / MISSING).unlink()
        expected.append((MISSING, 1, "i18n-missing"))
        result = tree.check()
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr,
                "expected": expected}

    return once_per_run(tmp_path_factory, "mutated-docs", compute)


@pytest.mark.parametrize("index", range(len(MUTATIONS) + 1))
def test_each_injected_fault_is_reported_at_its_line(mutated, index):
    rel, line, rule = mutated["expected"][index]
    rows = mutated["stdout"].splitlines()
    assert mutated["returncode"] == 1
    assert "Traceback" not in mutated["stdout"] + mutated["stderr"]
    prefix = f"{rel}:{line}: [{rule}]"
    if rule == "frontmatter" and rel.endswith("lossless-images.md"):
        prefix = f"{rel}:"  # YAML reports the line where the parser noticed the problem
        assert any(r.startswith(prefix) and "[frontmatter] invalid YAML" in r for r in rows), mutated["stdout"]
        return
    assert any(r.startswith(prefix) for r in rows), f"{prefix} not reported:\n{mutated['stdout']}"
