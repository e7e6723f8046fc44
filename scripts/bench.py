"""`make bench N=1500`: how the handbook scales, measured on a synthetic corpus.

Generates N questions in both languages with the project's own structure
(sections, front matter, headings with ids, math, code, cross-links, tags),
builds it with the project's configuration and, in the same run, with a
default Material + mkdocs-static-i18n configuration as the baseline, and
reports build times, site size, largest page, the search data a reader
downloads before the first result, keystroke-to-results time in Chromium,
`make check` time without code execution, and the rebuild time of
`make serve` after one page is edited. A benchmark, not a test: it reports
numbers; benchmarks/README.md holds the results and the targets.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scripts.pages import ROOT, copy_build_inputs
from scripts.search_index import index_path

SECTIONS = ["ai-painting", "deep-learning", "machine-learning", "python", "deployment", "computer-basics",
            "open-questions", "llm", "multimodal", "autonomous-driving"]
TAGS = ["aigc", "diffusion", "gan", "attention", "transformer", "optimization", "classical-ml", "python",
        "deployment", "compression", "linux", "networking"]
ZH_WORDS = ("扩散模型 注意力机制 正则化 过拟合 知识蒸馏 量化 剪枝 低秩分解 判别式模型 生成式模型 贝叶斯 超参数 "
            "交叉验证 梯度 损失函数 优化器 学习率 数据增强 推理 部署 边缘设备 显存 批大小 微调 先验 采样 "
            "编码器 解码器 卷积 残差 归一化 训练 验证 测试 模型 特征 标签 样本 分布 概率").split()
EN_WORDS = ("diffusion attention regularization overfitting distillation quantization pruning low-rank "
            "discriminative generative Bayes hyperparameter cross-validation gradient loss optimizer learning "
            "rate augmentation inference deployment edge memory batch fine-tuning prior sampling encoder decoder "
            "convolution residual normalization training validation test model feature label sample "
            "distribution probability").split()
# Resolves with the time the result list first changes after the next keyup
# (or null if it does not change within 5 s).
SEARCH_TIMER_JS = """() => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  window.__keyup = null;
  input.addEventListener('keyup', () => { window.__keyup = performance.now(); }, {once: true});
  window.__results = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (window.__keyup === null) return;
      observer.disconnect();
      resolve(performance.now() - window.__keyup);
    });
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
  });
}"""
QUERIES = {"zh": ["知识蒸馏", "过拟合", "suggest_float"], "en": ["distillation", "overfitting", "suggest_float"]}


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
    body = f"""---
title: "{title}"
description: "{_prose(rng, words, 1, zh)}"
tags: {json.dumps(tags)}
source:
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


def make_corpus(root: Path, n: int, seed: int = 0) -> None:
    """A project tree under root: our config, overrides, scripts and N x 2 pages."""
    copy_build_inputs(root, with_content=False)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = ["nav:", "  - index.md"]
    used = [s for s in SECTIONS if any(i % len(SECTIONS) == SECTIONS.index(s) for i in range(n))]
    for lang in ("zh", "en"):
        rng = random.Random(seed)
        docs = root / "docs" / lang
        for section in used:
            (docs / section).mkdir(parents=True, exist_ok=True)
            (docs / section / "index.md").write_text(
                f"---\ntitle: {section}\ndescription: {section}\n---\n\n# {section}\n\n"
                f"## {'本节问题' if lang == 'zh' else 'Questions'} {{ #questions }}\n\n{section}\n", encoding="utf-8")
        (docs / "index.md").write_text(f"---\ntitle: Home\ndescription: Home\n---\n\n# Home\n\n"
                                       f"## Intro {{ #intro }}\n\n{'首页' if lang == 'zh' else 'Home'}\n",
                                       encoding="utf-8")
        for i in range(n):
            section, body = _question(i, lang, n, rng)
            (docs / section / f"q{i:05d}.md").write_text(body, encoding="utf-8")
    for section in used:
        nav.append(f"  - {section}:")
        nav.append(f"      - {section}/index.md")
        nav += [f"      - {section}/q{i:05d}.md" for i in range(n) if SECTIONS[i % len(SECTIONS)] == section]
    config = config[: config.index("\nnav:")] + "\n" + "\n".join(nav) + "\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "mkdocs.default.yml").write_text(_default_config(config), encoding="utf-8")


def _default_config(project_config: str) -> str:
    """Material + static-i18n with defaults: no prune, one shared index, no hooks."""
    loader = type("L", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *a: None)
    nav = yaml.load(project_config[project_config.index("\nnav:"):], Loader=loader)["nav"]
    return yaml.safe_dump({
        "site_name": "default", "docs_dir": "docs", "theme": {"name": "material", "language": "zh"},
        "markdown_extensions": ["attr_list", "pymdownx.superfences", "pymdownx.highlight",
                                {"pymdownx.arithmatex": {"generic": True}}],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": "zh", "name": "简体中文", "default": True}, {"locale": "en", "name": "English"}]}}],
        "nav": nav,
    }, allow_unicode=True, sort_keys=False)


def _build(root: Path, config: str, site: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", site], cwd=root, env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench: build with {config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def _site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    return {"site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 2),
            "largest_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1)}


def _check_time(root: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.check", "--no-run", "--docs", str(root / "docs"),
                    "--root", str(root)], cwd=root, capture_output=True, text=True,
                   env={**os.environ, "PYTHONPATH": str(root)})
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_rebuild(root: Path) -> float | None:
    """Seconds from saving an edited page to mkdocs serve's reload (one language, dirty)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_ONLY_LANG": "zh", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{_free_port()}"]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        deadline = time.time() + 1800
        for line in proc.stdout:
            if "Serving on" in line:
                break
            if time.time() > deadline:
                return None
        page = next((root / "docs/zh").glob("*/q00000.md"))
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


def _search_latency(site: Path) -> dict:
    """Median keyup->results (ms) per language in headless Chromium, or {} without a browser."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return {}
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    port = _free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            for lang, queries in QUERIES.items():
                page.goto(f"http://127.0.0.1:{port}/" + ("en/" if lang == "en" else ""), wait_until="networkidle")
                page.focus(".md-search__input")
                times = []
                for query in queries * 3:
                    page.fill(".md-search__input", "")
                    page.wait_for_timeout(50)
                    page.fill(".md-search__input", query)
                    page.evaluate(SEARCH_TIMER_JS)
                    page.keyboard.press("End")
                    elapsed = page.evaluate("window.__results")
                    if elapsed is not None:
                        times.append(elapsed)
                results[lang] = round(statistics.median(times), 1) if times else None
            browser.close()
    finally:
        server.shutdown()
    return results


def run(n: int, keep: Path | None = None, baseline: bool = True) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"hb-bench-{n}-")) if keep is None else keep
    try:
        make_corpus(work, n)
        build_s = _build(work, "mkdocs.yml", "site")
        # The default build grows with the square of N: --no-baseline skips it at large N.
        default_s = _build(work, "mkdocs.default.yml", "site-default") if baseline else None
        site = work / "site"
        payload = {lang: round(index_path(site, lang).stat().st_size / 1024, 1) for lang in ("zh", "en")}
        default_index = work / "site-default/search/search_index.json"  # read only with the baseline
        result = {
            "n_questions": n,
            "pages": 2 * (n + 1) + 2 * len({i % len(SECTIONS) for i in range(n)}),
            "build_s": round(build_s, 2),
            "default_build_s": round(default_s, 2) if baseline else None,
            "build_ratio_vs_default": round(build_s / default_s, 3) if baseline else None,
            **_site_stats(site),
            "default_site_mb": _site_stats(work / "site-default")["site_mb"] if baseline else None,
            "search_first_payload_kb": payload,
            "default_search_first_payload_kb": round(default_index.stat().st_size / 1024, 1) if baseline else None,
            "search_median_ms": _search_latency(site),
            "check_s": round(_check_time(work), 2),
            "serve_rebuild_s": None,
        }
        rebuild = _serve_rebuild(work)
        result["serve_rebuild_s"] = round(rebuild, 2) if rebuild is not None else None
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(n: int, json_path: str | None = None, baseline: bool = True) -> int:
    sys.path.insert(0, str(ROOT))
    result = run(n, baseline=baseline)
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


__all__ = ["main", "run", "make_corpus"]
