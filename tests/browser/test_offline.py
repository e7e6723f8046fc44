"""Offline reading in Chromium with the network switched off
(context.set_offline): a visited page with its stylesheets, scripts, figure
and search; an unsaved page (the bilingual offline page); saving a language
and undoing it; a new deployment taking over (new version, old caches gone,
a saved language kept). And printing: controls hidden, answers unfolded.

Each test serves its own copy of the built site, so service workers and the
copies the update test changes never meet the other tests' server."""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest

from scripts.outputs import offline
from tests.conftest import SUBPATH, serve_folder

pytestmark = pytest.mark.browser

PAGE = "en/ai-painting/dreambooth/"
STATUS_JS = """async ([lang, until]) => {
  const registration = await navigator.serviceWorker.ready;
  for (let i = 0; i < 300; i++) {
    const status = await new Promise(resolve => {
      const channel = new MessageChannel();
      channel.port1.onmessage = event => resolve(event.data);
      setTimeout(() => resolve({}), 1000);  // a worker replaced meanwhile never answers
      (registration.active || navigator.serviceWorker.controller).postMessage({type: "status", lang}, [channel.port2]);
    });
    if (status[until]) return status;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return null;
}"""


@pytest.fixture
def copy_site(built_site, tmp_path):
    """A private copy of the built site, served under /handbook/; yields (url, folder)."""
    folder = tmp_path / SUBPATH
    shutil.copytree(built_site, folder)
    server = serve_folder(tmp_path)
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/", folder
    server.shutdown()


def status(page, lang: str, until: str = "ready") -> dict:
    found = page.evaluate(STATUS_JS, [lang, until])
    assert found, f"the service worker never reported {until!r} for {lang}"
    return found


def search(page, query: str) -> list[str]:
    page.focus(".md-search__input")
    page.fill(".md-search__input", query)
    page.keyboard.press("End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=10_000)
    return [urlsplit(h).path for h in page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a.md-search-result__link", "as => as.map(a => a.href)")]


def test_a_visited_page_reads_and_searches_offline(page, context, copy_site):
    url, _ = copy_site
    page.goto(url + PAGE)
    status(page, "en")  # the page, its figure, the shell and search are cached
    context.set_offline(True)
    response = page.goto(url + PAGE)
    assert response.status == 200
    styled = page.evaluate("""() => [getComputedStyle(document.querySelector('.md-header')).position,
        getComputedStyle(document.documentElement).getPropertyValue('--md-text-font')]""")
    assert styled[0] == "sticky" and "system-ui" in styled[1]  # Material's and the site's stylesheets
    assert page.locator(".hb-practice__toggle").is_visible()  # practice.js ran
    figure = page.locator("figure img").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=figure.element_handle())
    assert urlsplit(url).path + PAGE in search(page, "language drift")
    # a page never opened: the bilingual offline page, not the browser's error
    response = page.goto(url + "en/python/assert/")
    assert response.status == 503
    langs = page.eval_on_selector_all("[data-hb-offline-page] section[lang]", "s => s.map(x => x.lang)")
    assert langs == ["zh-Hans", "en"]
    assert page.locator("[data-hb-offline-page] a").first.get_attribute("href") == urlsplit(url).path


def test_saving_a_language_shows_size_and_progress_and_can_be_undone(page, context, copy_site):
    url, folder = copy_site
    (folder / "downloads" / "downloads.json").write_text(json.dumps(
        {"zh": {"file": "handbook-zh.pdf", "bytes": 2_170_000, "pages": 106, "built": "2026-11-26"}}))
    page.goto(url)
    pdf = page.locator(".hb-offline__pdf-link")
    pdf.wait_for(state="visible")
    assert pdf.get_attribute("href") == url + "downloads/handbook-zh.pdf"
    assert "2.2 MB" in page.locator(".hb-offline__pdf").inner_text() and "106" in pdf.locator("..").inner_text()
    save = page.locator("#offline-save")
    save.wait_for(state="visible")
    listing = json.loads((folder / "offline" / "zh.json").read_text(encoding="utf-8"))
    total = sum(size for size, _ in listing["files"].values())
    assert f"{total / 1e6:.1f} MB" in save.inner_text()
    page.evaluate("""() => { window.__messages = [];
        navigator.serviceWorker.addEventListener('message', e => window.__messages.push(e.data)); }""")
    save.click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=30_000)
    messages = page.evaluate("window.__messages")
    progress = [m for m in messages if m["type"] == "progress"]
    assert progress and progress[-1]["done"] == progress[-1]["files"] == len(listing["files"])
    assert messages[-1] == {"type": "saved", "lang": "zh", "files": len(listing["files"]), "bytes": total}
    assert page.locator(".hb-offline__status").inner_text().strip()
    # "remove" is a secondary action beside the status: not a filled button, on the status's line
    remove = page.locator("#offline-remove")
    assert "md-button--primary" not in (remove.get_attribute("class") or "")
    assert remove.evaluate("b => getComputedStyle(b).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    assert remove.evaluate("b => b.parentElement.contains(document.querySelector('.hb-offline__status'))")
    said, button = page.locator(".hb-offline__status").bounding_box(), remove.bounding_box()
    assert said["y"] <= button["y"] + button["height"] / 2 <= said["y"] + said["height"] + 8
    context.set_offline(True)
    for path in ("python/assert/", "deployment/deployment-forms/"):  # never opened
        assert page.goto(url + path).status == 200
    assert urlsplit(url).path + "python/lossless-images/" in search(page, "无损")
    context.set_offline(False)
    page.goto(url)
    page.locator("#offline-remove").click()
    save.wait_for(state="visible")
    assert not [name for name in page.evaluate("caches.keys()") if "-save-" in name]
    context.set_offline(True)
    assert page.goto(url + "python/assert/").status == 503  # read from the saved copy only


def test_a_new_deployment_takes_over_and_deletes_the_old_caches(page, context, copy_site):
    url, folder = copy_site
    page.goto(url + PAGE)
    old = status(page, "en")["build"]
    page.goto(url + "en/")
    page.locator("#offline-save").click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=30_000)
    # a new deployment: one page changed, the lists and the worker rewritten
    changed = folder / "en" / "python" / "assert" / "index.html"
    changed.write_text(changed.read_text(encoding="utf-8").replace("</h1>", " (v2)</h1>", 1), encoding="utf-8")
    new = offline.write(folder)
    assert new != old
    page.goto(url + PAGE)  # the next visit: the browser finds the new sw.js
    # (watched from the page: a worker busy answering messages would delay its successor)
    for _ in range(200):
        names = page.evaluate("caches.keys()")
        if names and not [name for name in names if old in name]:
            break
        page.wait_for_timeout(100)
    # the old caches are gone ("hb <scope> <build> <kind>", sw.js)
    assert names and all(name.split(" ")[2] == new for name in names), names
    assert status(page, "en", until="saved")["build"] == new  # the saved language moved to the new build
    context.set_offline(True)
    page.goto(url + "en/python/assert/")
    assert page.locator("h1").inner_text().endswith("(v2)")  # the saved copy has the new page
    assert page.goto(url + PAGE).status == 200


def test_printing_hides_controls_and_unfolds_answers(page, site_server):
    page.goto(site_server + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()  # practice mode folds the answer away
    assert page.locator("details:not([open])").count() > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => ({
        hidden: ['.md-header', '.md-sidebar--primary', '.hb-practice', '.md-footer']
            .map(s => getComputedStyle(document.querySelector(s)).display),
        answer: getComputedStyle(document.querySelector('.hb-answer')).display,
        closed: document.querySelectorAll('details:not([open])').length,
        url: getComputedStyle(document.querySelector('.md-typeset a[href^="http"]'), '::after').content })""")
    assert shown["hidden"] == ["none"] * 4
    assert shown["answer"] != "none" and shown["closed"] == 0
    assert "http" in shown["url"]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details:not([open])").count() > 0
    page.goto(site_server + "en/cram/deep-learning/")
    assert page.evaluate("getComputedStyle(document.querySelector('.hb-cram')).columnCount") == "2"
