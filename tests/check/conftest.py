"""A minimal, clean bilingual docs tree; each test breaks one thing in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ZH_QUESTION = """---
title: 什么是示例？
description: 一个用于测试检查器的示例问题。
tags:
  - python
level: common
key_points:
  - 示例会打印一个平方数。
  - 公式写在美元符号之间。
  - 详解在简答之后。
order: 1
source:
  type: article
  article: sanwu-14
  upstream: Python编程基础/
---

# 什么是示例？

## 简答 { #short-answer }

示例用 Python 打印 $x^2$ 的值，见[详解](#details)。

## 详解 { #details }

```python
x = 3
print(x**2)
#> 9
```

回到[首页](../index.md#intro)。
"""

EN_QUESTION = """---
title: What is an example?
description: An example question for testing the checker.
tags:
  - python
level: common
key_points:
  - The example prints a square.
  - Formulas go between dollar signs.
  - Details follow the short answer.
order: 1
source:
  type: article
  article: sanwu-14
  upstream: Python编程基础/
---

# What is an example?

## Short answer { #short-answer }

The example prints the value of $x^2$ in Python; see [the details](#details).

## Details { #details }

```python
x = 3
print(x**2)
#> 9
```

Back to [the home page](../index.md#intro).
"""

ZH_HOME = """---
title: 首页
description: 测试用的首页。
---

# 首页

## 简介 { #intro }

这是[示例问题](python/example.md)。
"""

EN_HOME = """---
title: Home
description: The home page used by the tests.
---

# Home

## Introduction { #intro }

This is [the example question](python/example.md).
"""

ZH_SECTION = """---
title: Python 编程基础
description: 测试用的章节。
order: 1
---

# Python 编程基础

本章的题目如下。

<!-- hb:questions -->
"""

EN_SECTION = """---
title: Python Programming
description: The section used by the tests.
order: 1
---

# Python Programming

The questions of this section follow.

<!-- hb:questions -->
"""

FILES = {
    "docs/zh/index.md": ZH_HOME,
    "docs/en/index.md": EN_HOME,
    "docs/zh/python/index.md": ZH_SECTION,
    "docs/en/python/index.md": EN_SECTION,
    "docs/zh/python/example.md": ZH_QUESTION,
    "docs/en/python/example.md": EN_QUESTION,
    "mkdocs.yml": "site_name: t\n",
}


class Tree:
    def __init__(self, root: Path):
        self.root = root
        for rel, text in FILES.items():
            self.write(rel, text)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> int:
        """Replace text in a file; returns the 1-based line where `new` starts."""
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        at = text.index(old)
        self.write(rel, text[:at] + new + text[at + len(old):])
        return text[:at].count("\n") + 1

    def check(self, *args: str, **extra_env: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT), **extra_env}
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(self.root / "docs"),
                               "--root", str(self.root), *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def tree(tmp_path) -> Tree:
    return Tree(tmp_path)


def assert_finding(result: subprocess.CompletedProcess, line: str) -> None:
    """Exactly this `path:line: [id]` is reported, exit status 1, no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert any(row.startswith(line) for row in result.stdout.splitlines()), output
