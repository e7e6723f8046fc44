"""An offline copy is exactly the deployed build (overrides/sw.js), on a
server that sends `Cache-Control: max-age=600` like GitHub Pages, so the
browser's HTTP cache answers with old files for ten minutes after a
deployment: a save after such a visit stores the new build; a later
deployment keeps what still matches and replaces what changed; carried-over
files are checked by their bytes, not by the lists; a save that runs out of
space (Chromium's DevTools protocol lowers the origin's quota) is rolled
back and says what to do, in the reader's language; and what a save the
browser cut short left behind can be removed."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.build.bundle import BUNDLES
from scripts.content import strings
from scripts.outputs import offline
from tests.browser.test_offline import status
from tests.conftest import SUBPATH, copy_sites, serve_sites

pytestmark = pytest.mark.browser

PAGE = "en/python/assert/"
OTHER = "en/python/lossless-images/"
SCRIPT = "en/" + BUNDLES["extra_javascript"]


@pytest.fixture
def cached_site(built_site, tmp_path):
    """A private copy of the built site at /handbook/, served with max-age=600; yields (url, folder)."""
    folder = copy_sites(built_site, tmp_path, (SUBPATH,))[SUBPATH]
    server = serve_sites(tmp_path)
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/", folder
    server.shutdown()


def deploy(folder, changes: dict[str, tuple[str, str]]) -> str:
    """Change files of the site (path: (old text, new text)) and rewrite the
    worker and its lists, as a deployment does; returns the new build."""
    for rel, (old, new) in changes.items():
        path = folder / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, rel
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return offline.write(folder)


def wait_for_build(page, lang: str, build: str, until: str = "ready") -> dict:
    """Wait until `build`'s worker has taken over (its caches alone remain),
    watching the caches: a worker kept busy answering messages would delay
    its successor. Then its status."""
    for _ in range(300):
        builds = {name.split(" ")[2] for name in page.evaluate("caches.keys()") if name.startswith(f"hb /{SUBPATH}/ ")}
        if builds == {build}:
            break
        page.wait_for_timeout(100)
    found = status(page, lang, until)
    assert found["build"] == build, f"build {build} never took over"
    return found


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_a_save_after_an_http_cached_visit_stores_the_deployed_build(page, context, cached_site):
    url, folder = cached_site
    page.goto(url + PAGE)
    status(page, "en")
    page.goto(url + "en/")
    new = deploy(folder, {PAGE + "index.html": ("</h1>", " (v2)</h1>", ), SCRIPT: ("})();", "})();\nwindow.__hbBuild = 2;")})
    page.goto(url + PAGE)
    assert not heading(page).endswith("(v2)")  # the browser's HTTP cache answered with the old page
    wait_for_build(page, "en", new)
    page.goto(url + "en/")
    page.locator("#offline-save").click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=60_000)
    context.set_offline(True)
    page.goto(url + PAGE)
    assert heading(page).endswith("(v2)") and page.evaluate("window.__hbBuild") == 2  # the new page and script
    context.set_offline(False)

    # a later deployment changes another page: the saved copy keeps the first, replaces the second
    newer = deploy(folder, {OTHER + "index.html": ("</h1>", " (v3)</h1>")})
    page.goto(url + "en/")
    wait_for_build(page, "en", newer, until="saved")
    context.set_offline(True)
    page.goto(url + PAGE)
    assert heading(page).endswith("(v2)") and page.evaluate("window.__hbBuild") == 2
    page.goto(url + OTHER)
    assert heading(page).endswith("(v3)")


def test_carried_over_files_are_checked_by_their_bytes(page, context, cached_site):
    url, folder = cached_site
    page.goto(url + "en/")
    page.locator("#offline-save").click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=60_000)
    old = status(page, "en", until="saved")["build"]
    # a stored copy that no longer matches its list (a disk error, an old bug)
    page.evaluate("""async ([name, address]) => {
      const cache = await caches.open(name);
      await cache.put(address, new Response("<!doctype html><h1>damaged copy</h1>", {headers: {"Content-Type": "text/html"}}));
    }""", [f"hb /{SUBPATH}/ {old} save-en", url + OTHER])
    new = deploy(folder, {PAGE + "index.html": ("</h1>", " (v2)</h1>")})  # OTHER itself did not change
    page.goto(url + PAGE)
    wait_for_build(page, "en", new, until="saved")
    context.set_offline(True)
    page.goto(url + OTHER)
    assert heading(page) != "damaged copy" and page.locator(".hb-practice").count() == 1


def test_a_save_that_runs_out_of_space_is_rolled_back_and_says_what_to_do(page, cached_site):
    url, _ = cached_site
    text = strings.in_language("zh")["offline"]
    page.goto(url)
    status(page, "zh")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    cdp = page.context.new_cdp_session(page)
    usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": usage + 300_000})
    page.locator("#offline-save").click()
    expect(page.locator(".hb-offline__status")).to_have_text(text["failed_quota"], timeout=60_000)
    expect(page.locator("#offline-save")).to_be_visible()
    expect(page.locator("#offline-remove")).to_be_hidden()
    assert not [name for name in page.evaluate("caches.keys()") if " save-" in name]  # rolled back
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin})  # the reader freed some space
    page.locator("#offline-save").click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=60_000)
    assert status(page, "zh", until="saved")["saved"]


def test_what_a_save_cut_short_left_can_be_removed(page, cached_site):
    url, _ = cached_site
    text = strings.in_language("en")["offline"]
    page.goto(url + "en/")
    build = status(page, "en")["build"]
    # the browser stopped the worker half-way through a save: files, and no list marking it complete
    page.evaluate("""async ([name, address]) => {
      const cache = await caches.open(name);
      await cache.put(address, await fetch(address));
    }""", [f"hb /{SUBPATH}/ {build} save-en", url + PAGE])
    page.reload()
    expect(page.locator("#offline-remove")).to_be_visible()
    expect(page.locator("#offline-save")).to_be_visible()
    expect(page.locator(".hb-offline__status")).to_have_text(text["partial"])
    page.locator("#offline-remove").click()
    expect(page.locator(".hb-offline__status")).to_have_text(text["removed"])
    expect(page.locator("#offline-remove")).to_be_hidden()
    assert not [name for name in page.evaluate("caches.keys()") if " save-" in name]
