"""The benchmark's synthetic corpus: N questions in both languages with the project's structure.

Sections, front matter, headings with ids, math, code, cross-links, tags and
key points, in a project tree that builds with our own configuration, and a
second configuration (Material + mkdocs-static-i18n with their defaults) to
build the same pages for comparison. Its own prose draws on about 40 terms per
language, so every query matches nearly every page: the worst case for search
(`--corpus uniform`); realistic.py writes pages with real vocabulary instead.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import yaml

from scripts.content import catalog
from scripts.content.layout import LANGS, ROOT
from scripts.dev.project import copy_build_inputs

SECTIONS = ["ai-painting", "deep-learning", "machine-learning", "python", "deployment", "computer-basics",
            "open-questions", "llm", "multimodal", "autonomous-driving"]
TAGS = ["aigc", "diffusion", "gan", "attention", "transformer", "optimization", "classical-ml", "python",
        "deployment", "compression", "linux", "networking"]
LEVELS = ["must-know", "common", "advanced"]
ZH_WORDS = ("扩散模型 注意力机制 正则化 过拟合 知识蒸馏 量化 剪枝 低秩分解 判别式模型 生成式模型 贝叶斯 超参数 "
            "交叉验证 梯度 损失函数 优化器 学习率 数据增强 推理 部署 边缘设备 显存 批大小 微调 先验 采样 "
            "编码器 解码器 卷积 残差 归一化 训练 验证 测试 模型 特征 标签 样本 分布 概率").split()
EN_WORDS = ("diffusion attention regularization overfitting distillation quantization pruning low-rank "
            "discriminative generative Bayes hyperparameter cross-validation gradient loss optimizer learning "
            "rate augmentation inference deployment edge memory batch fine-tuning prior sampling encoder decoder "
            "convolution residual normalization training validation test model feature label sample "
            "distribution probability").split()
def _prose(rng: random.Random, words: list[str], sentences: int, zh: bool) -> str:
    out = []
    for _ in range(sentences):
        picked = rng.sample(words, 8)
        out.append(("，".join(picked[:4]) + "与" + "、".join(picked[4:]) + "。") if zh
                   else (" ".join(picked).capitalize() + "."))
    return "".join(out) if zh else " ".join(out)


def front_matter(i: int, title: str, description: str, key_points: list[str]) -> str:
    """Question i's front matter, for both corpora: tags and level drawn from i."""
    points = "\n".join(f"  - {json.dumps(point, ensure_ascii=False)}" for point in key_points)
    return f"""---
title: {json.dumps(title, ensure_ascii=False)}
description: {json.dumps(description, ensure_ascii=False)}
tags: {json.dumps(sorted({TAGS[i % len(TAGS)], TAGS[(i * 5) % len(TAGS)]}))}
level: {LEVELS[i % len(LEVELS)]}
key_points:
{points}
order: {i}
source:
  type: article
  article: sanwu-14
  upstream: synthetic/{SECTIONS[i % len(SECTIONS)]}.md
---
"""


def _question(i: int, lang: str, n: int, rng: random.Random) -> tuple[str, str]:
    zh = lang == "zh"
    words = ZH_WORDS if zh else EN_WORDS
    section = SECTIONS[i % len(SECTIONS)]
    other = (i * 7 + 3) % n
    other_rel = f"../{SECTIONS[other % len(SECTIONS)]}/q{other:05d}.md"
    title = (f"第 {i} 题：{words[i % len(words)]}与{words[(i * 3) % len(words)]}有什么区别？" if zh
             else f"Question {i}: how do {words[i % len(words)]} and {words[(i * 3) % len(words)]} differ?")
    h = ("简答", "原理", "公式", "代码", "面试追问") if zh else ("Short answer", "How it works", "Formula", "Code",
                                                         "Follow-up questions")
    points = [_prose(rng, words, 1, zh) for _ in range(4)]
    body = front_matter(i, title, _prose(rng, words, 1, zh), points) + f"""
# {title}

## {h[0]} {{ #short-answer }}

{_prose(rng, words, 4, zh)}

## {h[1]} {{ #details }}

{_prose(rng, words, 12, zh)}

{_prose(rng, words, 10, zh)} [{'相关问题' if zh else 'Related question'}]({other_rel}#short-answer)

## {h[2]} {{ #formula }}

$$
P(y \\mid x) = \\frac{{P(x \\mid y)\\,P(y)}}{{\\sum_{{k}} P(x \\mid k)\\,P(k)}}
$$

{_prose(rng, words, 3, zh)} $\\lVert W \\rVert_2^2$

## {h[3]} {{ #code }}

```python
def score_{i}(x, weight=0.5):
    # {'加权求和' if zh else 'weighted sum'}
    return sum(weight * v for v in x)


print(score_{i}([1, 2, 3]))
#> 3.0
```

## {h[4]} {{ #follow-ups }}

- {_prose(rng, words, 1, zh)}
- {_prose(rng, words, 1, zh)}
"""
    return section, body


def make_corpus(root: Path, n: int, seed: int = 0, page=None) -> None:
    """A project tree under root: our config, overrides, scripts and N x 2 question pages.

    page(i, lang) -> (section, Markdown) writes question i; by default the
    40-term worst case (`_question`), for search the realistic corpus
    (scripts/dev/bench/realistic.py)."""
    copy_build_inputs(root, with_content=False)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    used = [s for s in SECTIONS if any(i % len(SECTIONS) == SECTIONS.index(s) for i in range(n))]
    for lang in LANGS:
        rng = random.Random(seed)
        docs = root / "docs" / lang
        for order, section in enumerate(used, 1):
            (docs / section).mkdir(parents=True, exist_ok=True)
            (docs / section / "index.md").write_text(
                f"---\ntitle: {section}\ndescription: {section}\norder: {order}\n---\n\n# {section}\n\n"
                f"{'本章题目如下。' if lang == 'zh' else 'The questions of this section.'}\n\n<!-- hb:questions -->\n",
                encoding="utf-8")
        for name, title, marker in (("index", "Home", "<!-- hb:contents -->"), ("tags", "Tags", "<!-- hb:tags -->")):
            (docs / f"{name}.md").write_text(f"---\ntitle: {title}\ndescription: {title}\n---\n\n# {title}\n\n"
                                             f"{'正文。' if lang == 'zh' else 'Text.'}\n\n{marker}\n", encoding="utf-8")
        # The real site's generated pages, so their cost at scale is measured too.
        for name in ("cram.md", "study.md"):
            shutil.copy(ROOT / "docs" / lang / name, docs / name)
        for i in range(n):
            section, body = page(i, lang) if page else _question(i, lang, n, rng)
            (docs / section / f"q{i:05d}.md").write_text(body, encoding="utf-8")
    (root / "mkdocs.default.yml").write_text(_default_config(root), encoding="utf-8")


def _default_config(root: Path) -> str:
    """Material + mkdocs-static-i18n with defaults: both languages in one process,
    Material's search (lunr), no prune, no minification, no hooks; the same pages."""
    # study.md needs our theme's template; the default build leaves it out.
    nav = [item for item in catalog.load(root / "docs" / LANGS[0]).nav() if item != "study.md"]
    return yaml.safe_dump({
        "exclude_docs": "*/study.md",
        "site_name": "default", "docs_dir": "docs", "theme": {"name": "material", "language": "zh"},
        "markdown_extensions": ["attr_list", "pymdownx.superfences", "pymdownx.highlight",
                                {"pymdownx.arithmatex": {"generic": True}}],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": "zh", "name": "简体中文", "default": True}, {"locale": "en", "name": "English"}]}}],
        "nav": nav,
    }, allow_unicode=True, sort_keys=False)
