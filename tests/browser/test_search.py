"""Search in headless Chromium, through Material's own dialog backed by Pagefind:
each language finds what its readers type, in its own language only, with
Material's result markup, and the page whose title or heading matches ranks
above pages that only mention the words. What a result holds is judged from
the built page's own text (scripts/dev/bench/quality.py, as `make bench` does)."""

from __future__ import annotations

import re
import statistics
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from scripts.dev.bench.quality import page_text
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


# Chinese queries the issue found listing pages without the whole run (one
# character of it, or its characters apart), besides the table above.
ZH_EXACT = ["交叉注意力", "先验", "过拟合", "注意力机制", "正则化", "模型", "图", "深度学习", "损失"]
# Queries whose title pages (and heading pages) must come first: words that
# some titles hold and many pages mention.
TITLE_FIRST = {"zh": ["正则化", "模型", "注意力", "Python", "DreamBooth", "图像", "机器学习", "部署"],
               "en": ["regularization", "model", "attention", "Python", "DreamBooth", "image", "machine learning",
                      "deployment"]}
RESULT_ITEMS = ".md-search-result__list > .md-search-result__item"


def all_results(page) -> list[dict]:
    """Every result group of the last query (Material renders ten and more as
    the list scrolls; the worker sends the rest a moment later): its page
    path, its HTML and its text."""
    def count() -> int:
        found = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
        return int(found.group(0)) if found else 0

    # The rest of a long list arrives 300 ms after the first ten: wait until
    # the count has stood still, then scroll until every group is rendered.
    last = -1
    while last != count():
        last = count()
        page.wait_for_timeout(700)
    for _ in range(100):  # Material adds four groups each time the reader scrolls to the end
        if page.locator(RESULT_ITEMS).count() >= last:
            break
        for end in ("0", "wrap.scrollHeight"):
            page.evaluate(f"() => {{ const wrap = document.querySelector('.md-search__scrollwrap');"
                          f" wrap.scrollTop = {end}; }}")
            page.wait_for_timeout(60)
    return page.eval_on_selector_all(RESULT_ITEMS, """items => items.map(item => ({
      path: decodeURI(new URL(item.querySelector('a.md-search-result__link').href).pathname),
      html: item.innerHTML, text: item.innerText}))""")


def built_page(built_site, site_server, path: str):
    """The built page of a result path (/handbook/x/y/), as the index sees it."""
    rel = path[len(urlsplit(site_server).path):].strip("/")
    return page_text(built_site / rel / "index.html" if rel else built_site / "index.html")


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_no_result_shows_a_permalink_sign(page, site_server, lang, queries):
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    signs = []
    for query in list(queries) + TITLE_FIRST[lang]:
        search(page, query)
        shown = page.locator(".md-search-result__list").inner_text()
        if "¶" in shown:
            signs.append(query)
    assert not signs, f"results with a permalink sign: {signs}"


def test_every_result_of_a_chinese_query_holds_the_whole_run(page, site_server, built_site):
    """No page is listed for one character of the run, or for its characters
    apart; Latin words match whole words, never a stray letter."""
    open_search(page, site_server)
    wrong = []
    for query in [q for q in ZH_QUERIES if re.search(r"[\u4e00-\u9fff]", q)] + ZH_EXACT:
        search(page, query)
        results = all_results(page)
        assert results, f"no results for {query!r}"
        wrong += [f"{query!r}: {r['path']}" for r in results
                  if not built_page(built_site, site_server, r["path"]).holds(query)]
    assert not wrong, "\n".join(wrong)
    # The Chinese site holds "Q" (Q、K、V) but no "quantization": nothing is listed
    # for it (the English edition is offered instead).
    search(page, "quantization")
    assert page.locator(f"{RESULT_ITEMS} .hb-search-note[data-kind=elsewhere]").count() == 1


@pytest.mark.parametrize("lang, queries", [("zh", ZH_QUERIES), ("en", EN_QUERIES)])
def test_a_match_is_highlighted_whole(page, site_server, lang, queries):
    """One <mark> per matched Chinese run or Latin word: 过拟合 is marked as
    过拟合, not 过, 拟 and 合."""
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    wrong = []
    for query in queries:
        search(page, query)
        marks = page.eval_on_selector_all(f"{RESULT_ITEMS} mark", "marks => marks.map(m => m.textContent)")
        assert marks, f"nothing highlighted for {query!r}"
        runs = re.findall(r"[\u4e00-\u9fff]+", query)
        words = [w.lower() for w in re.findall(r"[A-Za-z0-9_]+", query)]
        for mark in marks:
            if re.fullmatch(r"[\u4e00-\u9fff]+", mark):
                if mark not in runs:
                    wrong.append(f"{query!r}: <mark>{mark}</mark>")
            elif not any(mark.lower().replace("-", "").startswith(w[:4]) or w.startswith(mark.lower()[:4])
                         for w in words) or " " in mark.strip():
                wrong.append(f"{query!r}: <mark>{mark}</mark>")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_excerpts_read_as_text_of_their_language(page, site_server, lang):
    """Excerpts end at a sentence, a clause or a block, or with the
    language's ellipsis; Chinese text is never joined with an ASCII ". "."""
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    ellipsis = "……" if lang == "zh" else "…"
    wrong = []
    for query in TITLE_FIRST[lang] + list(ZH_QUERIES if lang == "zh" else EN_QUERIES)[:10]:
        search(page, query)
        texts = page.eval_on_selector_all(f"{RESULT_ITEMS} article", """articles => articles.map(a => {
          const copy = a.cloneNode(true); copy.querySelectorAll('h1, h2, nav').forEach(e => e.remove());
          return copy.textContent.trim(); })""")
        for text in filter(None, texts):
            if re.search(r"[\u4e00-\u9fff]\.\s|\.\s[\u4e00-\u9fff]", text) or text.startswith("...") \
                    or text.endswith("..."):
                wrong.append(f"{query!r}: {text}")
            inner = text.strip(ellipsis)
            if "…" in inner or (lang == "en" and "……" in text):
                wrong.append(f"{query!r}: ellipsis inside: {text}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_title_pages_then_heading_pages_then_the_rest(page, site_server, built_site, lang):
    """Pages whose title holds the query come first, then pages whose
    headings do, then pages that mention it: whatever Pagefind's score."""
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    wrong = []
    for query in TITLE_FIRST[lang]:
        search(page, query)
        tiers = []
        for result in all_results(page):
            text = built_page(built_site, site_server, result["path"])
            tiers.append(0 if text.holds_in_title(query) else 1 if text.holds_in_headings(query) else 2)
        assert 0 in tiers, f"{query!r}: no page whose title holds it (pick another query)"
        if tiers != sorted(tiers):
            wrong.append(f"{query!r}: {tiers}")
    assert not wrong, "title (0), heading (1), text (2) out of order:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang, query, other, note", [
    ("zh", "quantization", "en/", "英文版"),
    ("en", "注意力机制", "", "Chinese edition"),
])
def test_no_result_here_offers_the_other_languages_search(page, site_server, lang, query, other, note):
    """The empty state says, in the reader's language, that the other
    language has results, and opens its search for the same query."""
    open_search(page, site_server + ("en/" if lang == "en" else ""))
    search(page, query)
    items = page.locator(RESULT_ITEMS)
    expect(items).to_have_count(1)
    none = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                         ".translations['search.result.none']")
    expect(page.locator(".md-search-result__meta")).to_have_text(none)
    assert note in items.inner_text() and query in items.inner_text()
    link = items.locator("a.md-search-result__link")
    assert unquote(urlsplit(link.get_attribute("href")).path) == urlsplit(site_server).path + other
    link.click()
    page.wait_for_url(f"**/{other}?q=*")
    expect(page.locator(".md-search__input")).to_have_value(query)
    page.locator(f"{RESULT_ITEMS} a.md-search-result__link").first.wait_for()
    assert page.locator(f"{RESULT_ITEMS} .hb-search-note").count() == 0
    expect(page.locator(".md-search-result__meta")).not_to_have_text(none)


def test_a_hostile_query_neither_hangs_nor_injects(page, site_server):
    """2,000 characters of regular-expression syntax and HTML: the dialog
    answers promptly, renders nothing of it as markup, runs nothing; and a
    query that matches next to an entity never marks inside it (Mitchell's
    is Mitchell&#39;s in the page's HTML)."""
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors = open_search(page, site_server + "en/")
    hostile = ("<img src=x onerror=alert(1)><script>alert(2)</script>&amp;\\\"'(.*+?[^$]{2,}|\\1) " * 40)[:2000]
    assert len(hostile) == 2000
    for query in (hostile, 'LoRA <b>bold</b> & "quoted" (.*)', "39", "Mitchell's"):
        page.fill(".md-search__input", query)
        page.keyboard.press("End")
        page.wait_for_timeout(800)
        html = page.locator(".md-search-result").inner_html()
        assert "<img" not in html and "<script" not in html and "<b>" not in html, query
        assert not re.search(r"&[#\w]*<mark>", html), html
        assert page.locator(".md-search-result__meta").inner_text().strip(), query
    paths, elapsed = search(page, "attention")  # the worker still answers, promptly
    assert paths and elapsed is not None and elapsed < 5000, (paths, elapsed)
    assert not dialogs, dialogs
    assert not errors, errors


def test_search_recovers_after_a_network_failure(browser, site_server):
    """Offline, a query shows an error (not "no results"); back online, the
    query is asked again and the next one works, without a reload (a failed
    import() of Pagefind is remembered by the browser: the worker loads it
    afresh from a new address)."""
    context = browser.new_context(service_workers="block")  # nothing cached: the index must come from the network
    try:
        page = context.new_page()
        page.goto(site_server + "en/")
        page.wait_for_load_state("networkidle")
        context.set_offline(True)
        page.focus(".md-search__input")
        search(page, "attention")
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_have_class(re.compile("hb-search-error"))
        none = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                             ".translations['search.result.none']")
        assert meta.inner_text() != none and meta.get_attribute("role") == "alert"
        expect(page.locator(RESULT_ITEMS)).to_have_count(0)
        context.set_offline(False)
        # Back online, the query is sent again by itself...
        page.locator(f"{RESULT_ITEMS} a[href*='/en/deep-learning/attention-mechanisms/']").first.wait_for()
        expect(meta).not_to_have_class(re.compile("hb-search-error"))
        assert re.search(r"\d", meta.inner_text())
        # ...and the next query works too.
        paths, _ = search(page, "attention mechanism")
        assert any(p.endswith("/en/deep-learning/attention-mechanisms/") for p in paths), paths
    finally:
        context.close()


def test_title_pages_first_when_every_page_matches(page, tmp_path):
    """At scale the query is on hundreds of pages (make bench measures that
    at N = 1,500); here on a small corpus where every domain term is on every
    page: pages whose title holds the query still come first, and every
    result holds it."""
    from scripts.dev.bench.corpus import make_corpus
    from scripts.dev.bench.quality import PageText
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
            search(page, word)
            results = all_results(page)
            assert len(results) > 40, len(results)
            texts = [PageText((tmp_path / "site" / r["path"].strip("/") / "index.html").read_text(encoding="utf-8"))
                     for r in results]
            assert all(text.holds(word) for text in texts)
            titled = [text.holds_in_title(word) for text in texts]
            assert any(titled) and titled == sorted(titled, reverse=True), titled
    finally:
        server.shutdown()
