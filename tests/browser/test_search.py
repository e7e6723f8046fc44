"""Search in headless Chromium, through Material's own dialog backed by Pagefind:
each language finds what its readers type, in its own language only, with
Material's result markup, and the page whose title or heading matches ranks
above pages that only mention the words."""

from __future__ import annotations

import re
import statistics
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.dev.bench.run import SEARCH_TIMER_JS as ARM_TIMER

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
    # Mixed Chinese and English in one query.
    "LoRA 低秩": "deployment/model-compression/",
    "DreamBooth 稀有标识符": "ai-painting/dreambooth/",
    "Optuna 交叉验证": "deep-learning/hyperparameter-optimization/",
    "PNG 位深": "python/lossless-images/",
    # Terms that appear only inside formulas (MathML text).
    "anime": "machine-learning/discriminative-vs-generative/",
    "softmax": "deep-learning/attention-mechanisms/",
    # Words that the segmenter splits in two in the index (模式|坍塌, 网格|搜索, ...).
    "模式坍塌": "ai-painting/regularization/",
    "随机搜索": "deep-learning/hyperparameter-optimization/",
    "带外管理": "computer-basics/host-ip-and-bmc/",
    "多头注意力": "deep-learning/attention-mechanisms/",
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
    # Plurals and -ing forms of words the pages use in another form.
    "hyperparameters": "deep-learning/hyperparameter-optimization/",
    "transformers": "deep-learning/attention-mechanisms/",
    "pruning": "deployment/model-compression/",
    "quantizing": "deployment/model-compression/",
    "fine-tuning": "ai-painting/dreambooth/",
    # Terms that appear only inside formulas (MathML text).
    "anime": "machine-learning/discriminative-vs-generative/",
    "softmax": "deep-learning/attention-mechanisms/",
    # Mixed vocabulary: a tool name with the concept.
    "Redfish BMC": "computer-basics/host-ip-and-bmc/",
    "find -delete": "computer-basics/find-command/",
    "Pillow 16-bit": "python/lossless-images/",
}
# The page whose title or heading names the query must come first, above
# pages that only mention it in their text.
HEADING_FIRST = {
    "zh": {"交叉注意力": "deep-learning/attention-mechanisms/", "知识蒸馏": "deployment/model-compression/",
           "正则化": "ai-painting/regularization/", "贝叶斯优化": "deep-learning/hyperparameter-optimization/"},
    "en": {"cross-attention": "deep-learning/attention-mechanisms/",
           "knowledge distillation": "deployment/model-compression/",
           "regularization": "ai-painting/regularization/", "Bayesian optimization":
           "deep-learning/hyperparameter-optimization/"},
}


def search(page, query: str) -> tuple[list[str], float]:
    """Type a query; return the page paths of the result items and the keyup->results time in ms."""
    page.fill(".md-search__input", "")
    page.wait_for_timeout(50)
    page.fill(".md-search__input", query)
    page.evaluate(ARM_TIMER)
    page.keyboard.press("End")  # Material searches on keyup
    elapsed = page.evaluate("window.__results")
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs], elapsed


def open_search(page, url):
    errors = []
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.focus(".md-search__input")
    return errors


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_search_finds_each_question_in_the_first_five_results(page, site_server, lang, queries, capsys):
    root = urlsplit(site_server).path + ("en/" if lang == "en" else "")
    errors = open_search(page, site_server + ("en/" if lang == "en" else ""))
    misses, timings = [], []
    for query, expected in queries.items():
        paths, elapsed = search(page, query)
        if elapsed is not None:
            timings.append(elapsed)
        if root + expected not in paths[:5]:
            misses.append(f"{query!r}: expected {expected} in {paths[:5]}")
    with capsys.disabled():
        print(f"\n[search {lang}] {len(queries) - len(misses)}/{len(queries)} found, median keyup->results "
              f"{statistics.median(timings):.1f} ms, max {max(timings):.1f} ms")
    assert not misses, "\n".join(misses)
    assert not errors, errors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_title_or_heading_match_ranks_first(page, site_server, lang):
    root = urlsplit(site_server).path + ("en/" if lang == "en" else "")
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    wrong = []
    for query, expected in HEADING_FIRST[lang].items():
        paths, _ = search(page, query)
        if not paths or paths[0] != root + expected:
            wrong.append(f"{query!r}: expected {expected} first, got {paths[:3]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_results_stay_in_the_readers_language(page, site_server, lang, queries):
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    english_root = urlsplit(site_server).path + "en/"
    for query in list(queries)[:8] + ["AIGC", "LoRA", "Python"]:
        paths, _ = search(page, query)
        assert paths, f"no results for {query!r}"
        other = [p for p in paths if p.startswith(english_root) != (lang == "en")]
        assert not other, f"{lang} search for {query!r} returned pages of the other language: {other}"


def test_results_use_materials_markup_with_highlights_and_count(page, site_server):
    open_search(page, site_server + "en/")
    search(page, "cross-attention")
    item = page.locator(".md-search-result__list > .md-search-result__item").first
    link = item.locator("a.md-search-result__link").first
    assert link.locator("article.md-search-result__article h1").inner_text().strip()
    assert item.locator("mark").count() > 0  # the matched terms are highlighted
    sections = item.locator("a.md-search-result__link[href*='#']")
    assert sections.count() > 0  # headings of the page, linked by their anchors
    meta = page.locator(".md-search-result__meta").inner_text()  # "N matching documents"
    shown = page.locator(".md-search-result__list > .md-search-result__item").count()
    total = int(re.search(r"\d+", meta).group(0))
    assert total >= shown > 0  # Material shows ten groups at first and more as the reader scrolls


def test_keyboard_opens_navigates_and_closes_search(page, site_server):
    page.goto(site_server + "en/python/assert/")
    page.locator("body").press("/")  # Material's shortcut
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.fill(".md-search__input", "Pillow")
    page.keyboard.press("End")  # one keyup, one query: the list is not re-rendered under the cursor
    page.locator(".md-search-result__item a[href*='lossless-images']").first.wait_for()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__item a:focus")).to_have_count(1)
    page.keyboard.press("Enter")
    page.wait_for_url("**/python/lossless-images/**")
    page.locator("body").press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_search_works_in_the_local_preview_layout(page, site_server):
    """The worker finds Pagefind relative to itself, so a page at any depth works."""
    errors = open_search(page, site_server + "en/computer-basics/find-command/")
    paths, _ = search(page, "ipmitool")
    assert any(p.endswith("/en/computer-basics/host-ip-and-bmc/") for p in paths)
    assert not errors, errors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_focusing_search_warms_the_index_and_nothing_before(page, site_server, lang):
    """A page view downloads no index; focusing the box starts Pagefind in the
    worker (its files fetched, all found), and the query that follows
    downloads none of them a second time."""
    responses = []
    page.on("response", lambda r: "/pagefind/" in r.url and responses.append((r.url, r.status)))
    page.goto(site_server + ("en/" if lang == "en" else "") + "python/assert/")
    page.wait_for_load_state("networkidle")
    assert not responses, f"index files fetched before the reader searched: {responses}"
    with page.expect_response(lambda r: "/pagefind/wasm." in r.url), \
            page.expect_response(lambda r: r.url.endswith(".pf_meta")):
        page.focus(".md-search__input")
    names = {urlsplit(url).path.rsplit("/", 1)[1]: status for url, status in responses}
    assert any(n.endswith(".pf_meta") for n in names), names
    assert any(n.startswith("wasm.") for n in names), names
    assert all(status == 200 for status in names.values()), names
    page.wait_for_load_state("networkidle")
    paths, _ = search(page, "assert" if lang == "en" else "断言")
    assert paths, "no results after the warm-up"
    wasm = [url for url, _ in responses if "/pagefind/wasm." in url]
    assert len(wasm) == 1, f"the WebAssembly was downloaded {len(wasm)} times: {wasm}"


def test_a_word_on_many_pages_finds_them_all_in_the_readers_language(page, tmp_path):
    """Past 40 exact matches the worker skips the wider search and ranks the
    exact matches by how often each page has the word (search-worker.js,
    ENOUGH): a shortcut the real site is too small to reach, so it is tried
    on a synthetic corpus where every domain term is on nearly every page."""
    from scripts.dev.bench.corpus import make_corpus
    from scripts.outputs.site import build
    from tests.conftest import serve_folder

    make_corpus(tmp_path, 60)
    assert build(tmp_path / "site", config_file=tmp_path / "mkdocs.yml", site_url="http://127.0.0.1/",
                 echo=lambda line: None) == 0
    server = serve_folder(tmp_path / "site")
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for lang, word in (("en/", "distillation"), ("", "知识蒸馏")):
            page.goto(base + lang)
            page.focus(".md-search__input")
            paths, _ = search(page, word)
            # The first ten results arrive first, the rest right after.
            page.wait_for_function("""() => {
              const m = /\\d+/.exec(document.querySelector('.md-search-result__meta').textContent);
              return m && Number(m[0]) >= 40; }""", timeout=10_000)
            assert len(paths) == 10 and all(p.startswith("/en/") == (lang == "en/") for p in paths), paths
    finally:
        server.shutdown()
