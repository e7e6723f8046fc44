"""`make bench N=1500`: how the handbook scales, measured on a synthetic corpus.

Generates N questions in both languages with the project's own structure
(sections, front matter, headings with ids, math, code, cross-links, tags,
key points), by default with real vocabulary (scripts/bench_corpus.py; the
40-term worst case below with --corpus uniform), then measures in one run:
our build (two languages in parallel, scripts/build.py) against a default
Material + mkdocs-static-i18n build of the same pages, the site's size and
largest page, search in headless Chromium (the bytes a reader downloads
before the first result, the cold first query and later queries, and the
quality of the result lists), `make check` cold and after editing one
page, the gzipped weight the study scripts add to a question page's first
load, and the live-reload time of `make serve ONLY=zh` on the corpus and on
the real site. A benchmark, not a test: it reports numbers;
benchmarks/README.md holds the results and the targets.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scripts import catalog
from scripts.build import build as build_site
from scripts.pages import LANGS, ROOT, copy_build_inputs
from scripts.study import first_load_bytes

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
# Resolves with the time the result list first changes after the next keyup
# (or null if it does not change within 10 s).
SEARCH_TIMER_JS = """() => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  window.__keyup = null;
  input.addEventListener('keyup', () => { window.__keyup = performance.now(); }, {once: true});
  window.__results = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (window.__keyup === null || !list.children.length) return;
      observer.disconnect();
      resolve(performance.now() - window.__keyup);
    });
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
  });
}"""
# One identifier from the corpus code (score_7 is defined on question 7), so
# every query has results.
QUERIES = {"zh": ["知识蒸馏", "过拟合", "score_7"], "en": ["distillation", "overfitting", "score_7"]}


def _prose(rng: random.Random, words: list[str], sentences: int, zh: bool) -> str:
    out = []
    for _ in range(sentences):
        picked = rng.sample(words, 8)
        out.append(("，".join(picked[:4]) + "与" + "、".join(picked[4:]) + "。") if zh
                   else (" ".join(picked).capitalize() + "."))
    return "".join(out) if zh else " ".join(out)


def _question(i: int, lang: str, n: int, rng: random.Random) -> tuple[str, str]:
    zh = lang == "zh"
    words = ZH_WORDS if zh else EN_WORDS
    section = SECTIONS[i % len(SECTIONS)]
    other = (i * 7 + 3) % n
    other_rel = f"../{SECTIONS[other % len(SECTIONS)]}/q{other:05d}.md"
    title = (f"第 {i} 题：{words[i % len(words)]}与{words[(i * 3) % len(words)]}有什么区别？" if zh
             else f"Question {i}: how do {words[i % len(words)]} and {words[(i * 3) % len(words)]} differ?")
    tags = sorted({TAGS[i % len(TAGS)], TAGS[(i * 5) % len(TAGS)]})
    h = ("简答", "原理", "公式", "代码", "面试追问") if zh else ("Short answer", "How it works", "Formula", "Code",
                                                         "Follow-up questions")
    points = "\n".join(f"  - \"{_prose(rng, words, 1, zh)}\"" for _ in range(4))
    body = f"""---
title: "{title}"
description: "{_prose(rng, words, 1, zh)}"
tags: {json.dumps(tags)}
level: {LEVELS[i % len(LEVELS)]}
key_points:
{points}
order: {i}
source:
  type: article
  article: sanwu-14
  upstream: synthetic/{section}.md
---

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
    (scripts/bench_corpus.py)."""
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


def _default_build(root: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.default.yml", "-d", "site-default"],
                            cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the default build failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def _our_build(root: Path) -> float:
    started = time.perf_counter()
    lines: list[str] = []
    if build_site(root / "site", config=root / "mkdocs.yml", site_url="http://127.0.0.1/", echo=lines.append) != 0:
        raise SystemExit("bench: our build failed:\n" + "\n".join(lines)[-3000:])
    return time.perf_counter() - started


def _site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    return {"site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 2),
            "largest_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1)}


def _check(root: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.check", "--no-run", "--docs", str(root / "docs"),
                    "--root", str(root), *args], cwd=ROOT, capture_output=True, text=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


def _check_times(root: Path) -> dict:
    """Cold (no cache), then after editing one page (the cache holds the rest)."""
    cold = _check(root, "--no-cache")
    _check(root)  # fills .cache/check.json
    page = next((root / "docs/zh").glob("*/q*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    return {"check_s": round(cold, 2), "check_edit_s": round(_check(root), 2)}


def serve_rebuild(root: Path, page: Path) -> float | None:
    """Seconds from saving `page` to the live-reload signal of `make serve ONLY=zh`
    (`python -m scripts.docs serve --lang zh`: one language, --dirty) in `root`."""
    from scripts.serve import _free_port

    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-m", "scripts.docs", "serve", "--lang", "zh", "--addr", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        for line in proc.stdout:
            if "Serving on" in line:
                break
        else:
            return None
        time.sleep(1.0)
        page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
        edited = time.perf_counter()
        for line in proc.stdout:
            if "Reloading browsers" in line or "Reloading page" in line:
                return time.perf_counter() - edited
        return None
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _real_site_copy(dest: Path) -> Path:
    copy_build_inputs(dest)
    return dest


def run(n: int, keep: Path | None = None, baseline: bool = True, corpus: str = "realistic") -> dict:
    """corpus: "realistic" (scripts/bench_corpus.py, its queries and quality
    figures) or "uniform" (the 40-term worst case above, QUERIES)."""
    from scripts.bench_corpus import Corpus
    from scripts.bench_search import search_figures

    work = Path(tempfile.mkdtemp(prefix=f"hb-bench-{n}-")) if keep is None else keep
    try:
        if corpus == "realistic":
            realistic = Corpus(n)
            make_corpus(work, n, page=realistic.page)
            queries = {lang: realistic.queries(lang) for lang in LANGS}
        else:
            make_corpus(work, n)
            queries = QUERIES
        pages = sum(1 for _ in (work / "docs").rglob("*.md"))
        build_s = _our_build(work)
        default_s = _default_build(work) if baseline else None  # grows with N²: --no-baseline skips it
        site = work / "site"
        result = {
            "corpus": corpus,
            "n_questions": n,
            "pages": pages,
            "build_s": round(build_s, 2),
            "build_ms_per_page": round(1000 * build_s / pages, 2),
            "default_build_s": round(default_s, 2) if baseline else None,
            "build_ratio_vs_default": round(build_s / default_s, 3) if baseline else None,
            **_site_stats(site),
            "default_site_mb": _site_stats(work / "site-default")["site_mb"] if baseline else None,
            **search_figures(site, queries, SEARCH_TIMER_JS),
            **_check_times(work),
        }
        corpus_page = next((work / "docs/zh").glob("*/q*.md"))
        question_url = corpus_page.relative_to(work / "docs/zh").with_suffix("").as_posix() + "/"
        result["study_first_load_kb"] = round(first_load_bytes(site, question_url)["first_load_gzip"] / 1024, 1)
        rebuild = serve_rebuild(work, corpus_page)
        result["serve_rebuild_s"] = round(rebuild, 2) if rebuild is not None else None
        real = _real_site_copy(work / "real")
        rebuild = serve_rebuild(real, real / "docs/zh/python/assert.md")
        result["serve_rebuild_real_s"] = round(rebuild, 2) if rebuild is not None else None
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(n: int, json_path: str | None = None, baseline: bool = True, corpus: str = "realistic") -> int:
    result = run(n, baseline=baseline, corpus=corpus)
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


__all__ = ["main", "run", "make_corpus", "SEARCH_TIMER_JS"]
