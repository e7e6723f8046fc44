"""Search in headless Chromium: each language finds what its readers type, in
its own language only. Queries cover every question: mid-sentence Chinese,
English phrases, code identifiers and command options."""

from __future__ import annotations

import statistics
from urllib.parse import urlsplit

import pytest

from scripts.bench import SEARCH_TIMER_JS as ARM_TIMER

pytestmark = pytest.mark.browser

ZH_QUERIES = {
    "判别式": "machine-learning/discriminative-vs-generative/",
    "贝叶斯定理": "machine-learning/discriminative-vs-generative/",
    "图灵": "machine-learning/what-is-machine-learning/",
    "坍塌": "ai-painting/regularization/",
    "梯度裁剪": "ai-painting/regularization/",
    "权重衰减": "ai-painting/regularization/",
    "先验": "ai-painting/dreambooth/",
    "先验保留损失": "ai-painting/dreambooth/",
    "语言漂移": "ai-painting/dreambooth/",
    "注意力机制": "deep-learning/attention-mechanisms/",
    "交叉注意力": "deep-learning/attention-mechanisms/",
    "超参数": "deep-learning/hyperparameter-optimization/",
    "网格搜索": "deep-learning/hyperparameter-optimization/",
    "suggest_float": "deep-learning/hyperparameter-optimization/",
    "AssertionError": "python/assert/",
    "无损": "python/lossless-images/",
    "optimize=True": "python/lossless-images/",
    "知识蒸馏": "deployment/model-compression/",
    "低秩分解": "deployment/model-compression/",
    "量化": "deployment/model-compression/",
    "车载": "deployment/deployment-forms/",
    "基板管理控制器": "computer-basics/host-ip-and-bmc/",
    "ipmitool": "computer-basics/host-ip-and-bmc/",
    "-mtime": "computer-basics/find-command/",
    "渠道": "open-questions/tob-tog-toc/",
    "传统深度学习": "open-questions/aigc-vs-deep-learning/",
}
EN_QUERIES = {
    "discriminative": "machine-learning/discriminative-vs-generative/",
    "Bayes' rule": "machine-learning/discriminative-vs-generative/",
    "Arthur Samuel": "machine-learning/what-is-machine-learning/",
    "regularization": "ai-painting/regularization/",
    "overfitting": "ai-painting/regularization/",
    "mode collapse": "ai-painting/regularization/",
    "prior preservation": "ai-painting/dreambooth/",
    "language drift": "ai-painting/dreambooth/",
    "attention": "deep-learning/attention-mechanisms/",
    "cross-attention": "deep-learning/attention-mechanisms/",
    "hyperparameter": "deep-learning/hyperparameter-optimization/",
    "suggest_float": "deep-learning/hyperparameter-optimization/",
    "Optuna": "deep-learning/hyperparameter-optimization/",
    "AssertionError": "python/assert/",
    "lossless": "python/lossless-images/",
    "Pillow": "python/lossless-images/",
    "knowledge distillation": "deployment/model-compression/",
    "low-rank factorization": "deployment/model-compression/",
    "quantization": "deployment/model-compression/",
    "edge deployment": "deployment/deployment-forms/",
    "Tesla Autopilot": "deployment/deployment-forms/",
    "BMC": "computer-basics/host-ip-and-bmc/",
    "ipmitool": "computer-basics/host-ip-and-bmc/",
    "-mtime": "computer-basics/find-command/",
    "-iname": "computer-basics/find-command/",
    "ToB": "open-questions/tob-tog-toc/",
    "AIGC era": "open-questions/aigc-vs-deep-learning/",
}

def search(page, query: str) -> tuple[list[str], float]:
    """Type a query; return the page paths of the result items and the keyup->results time in ms."""
    page.fill(".md-search__input", "")
    page.wait_for_timeout(50)
    page.fill(".md-search__input", query)
    page.evaluate(ARM_TIMER)
    page.keyboard.press("End")  # Material searches on keyup
    elapsed = page.evaluate("window.__results")
    page.wait_for_timeout(150)  # let the list settle
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs], elapsed


def open_search(page, url):
    page.goto(url, wait_until="networkidle")
    page.focus(".md-search__input")


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_search_finds_each_question_in_the_first_five_results(page, site_server, lang, queries, capsys):
    root = urlsplit(site_server).path + ("en/" if lang == "en" else "")
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    misses, timings = [], []
    for query, expected in queries.items():
        paths, elapsed = search(page, query)
        if elapsed is not None:
            timings.append(elapsed)
        if root + expected not in paths[:5]:
            misses.append(f"{query!r}: expected {expected} in {paths[:5]}")
    with capsys.disabled():
        print(f"\n[search {lang}] {len(queries)} queries, median keyup->results "
              f"{statistics.median(timings):.1f} ms, max {max(timings):.1f} ms")
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_results_stay_in_the_readers_language(page, site_server, lang, queries):
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    english_root = urlsplit(site_server).path + "en/"
    for query in list(queries)[:8] + ["AIGC", "LoRA", "Python"]:
        paths, _ = search(page, query)
        assert paths, f"no results for {query!r}"
        other = [p for p in paths if p.startswith(english_root) != (lang == "en")]
        assert not other, f"{lang} search for {query!r} returned pages of the other language: {other}"
