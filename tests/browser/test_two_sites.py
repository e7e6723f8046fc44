"""Two copies of the handbook on one origin, as GitHub Pages serves every
project site of an owner (tests/conftest.serve_sites: /a/ and /b/ on one port, each
with its own 404 page, max-age=600). A reader's progress, clearing it, the
unscoped keys of earlier versions, offline copies, the worker's clean-up
(also of earlier versions' unscoped caches) and the worker's registration:
each site reads, changes and deletes only its own."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from scripts.outputs import offline
from tests.browser.test_offline import status
from tests.browser.test_study import card
from tests.conftest import copy_sites, serve_sites

pytestmark = pytest.mark.browser

QUESTION = "python/assert/"
OTHER = "ai-painting/dreambooth/"
CACHE_NAMES_JS = "caches.keys()"
LEGACY_BUILD = "0123456789abcdef"


@pytest.fixture
def sites(built_site, tmp_path):
    """Two copies of the built site at /a/ and /b/ of one server; yields (origin URL, {site: folder})."""
    folders = copy_sites(built_site, tmp_path, ("a", "b"))
    server = serve_sites(tmp_path)
    yield f"http://127.0.0.1:{server.server_address[1]}/", folders
    server.shutdown()


def stored(page, key):
    raw = page.evaluate("k => localStorage.getItem(k)", key)
    return None if raw is None else json.loads(raw)


def mark_mastered(page, site, question):
    """Click "mastered" and wait until its Easy review is stored too (the scheduler
    loads on first use; the mark itself is stored at once)."""
    page.locator(".hb-practice__mastered").click()
    expect(page.locator(".hb-practice__mastered")).to_have_attribute("aria-pressed", "true")
    page.wait_for_function("([key, q]) => q in (JSON.parse(localStorage.getItem(key)) || {})",
                           arg=[f"/{site}/.hb.srs", question])


def progress(page, pattern):
    expect(page.locator(".hb-practice__progress")).to_have_text(re.compile(pattern))


def clear_progress(page, url):
    page.goto(url)
    page.locator("[data-action=clear]").click()  # asks first, in the page
    page.locator("[data-action=clear-yes]").click()
    expect(page.locator("[data-part=progress] .hb-study__message")).not_to_be_empty()


def test_progress_is_per_site_and_clearing_clears_one_site(page, sites, built_site):
    base, _ = sites
    total = len(json.loads((built_site / "questions.json").read_text(encoding="utf-8")))
    page.goto(base + "a/" + QUESTION)
    mark_mastered(page, "a", QUESTION)
    page.goto(base + "b/" + QUESTION)  # the same question on the other site: not mastered there
    expect(page.locator(".hb-practice__mastered")).to_have_attribute("aria-pressed", "false")
    for question in (QUESTION, OTHER):
        page.goto(base + "b/" + question)
        mark_mastered(page, "b", question)
    assert stored(page, "/a/.hb.mastered") == [QUESTION]
    assert stored(page, "/b/.hb.mastered") == [QUESTION, OTHER]
    assert set(stored(page, "/a/.hb.srs")) == {QUESTION} and set(stored(page, "/b/.hb.srs")) == {QUESTION, OTHER}
    assert not [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith("hb.")]

    clear_progress(page, base + "b/en/study/")
    assert stored(page, "/b/.hb.mastered") is None and stored(page, "/b/.hb.srs") is None
    page.goto(base + "a/")
    progress(page, rf"已掌握\s*1\s*/\s*{total}")  # the other site's progress is untouched
    page.goto(base + "b/")
    progress(page, rf"已掌握\s*0\s*/\s*{total}")


def test_unscoped_progress_is_copied_once_to_each_site_and_left_in_place(page, sites, built_site):
    base, _ = sites
    total = len(json.loads((built_site / "en" / "questions.json").read_text(encoding="utf-8")))
    old = {"hb.mastered": [QUESTION], "hb.srs": {QUESTION: card("2026-03-05T09:00:00.000Z")}, "hb.practice": True}
    page.goto(base + "a/offline.html")  # a page of the origin that runs none of the site's scripts
    page.evaluate("old => Object.entries(old).forEach(([k, v]) => localStorage.setItem(k, JSON.stringify(v)))", old)
    page.goto(base + "a/en/")
    progress(page, rf"^1 of {total}")
    assert page.locator(".hb-practice__toggle").get_attribute("aria-pressed") == "true"
    assert stored(page, "/a/.hb.srs") == old["hb.srs"]
    # clearing on site a clears a's copy; a does not copy the old keys again
    clear_progress(page, base + "a/en/study/")
    page.goto(base + "a/en/")
    progress(page, rf"^0 of {total}")
    page.reload()
    progress(page, rf"^0 of {total}")
    # the old keys are left as they were, and site b starts from them too
    assert {k: stored(page, k) for k in old} == old
    page.goto(base + "b/en/")
    progress(page, rf"^1 of {total}")
    assert stored(page, "/b/.hb.mastered") == [QUESTION]
    # a site never resets another site's value, even a damaged one
    page.evaluate("localStorage.setItem('/b/.hb.srs', '{not json')")
    page.goto(base + "a/en/study/")
    expect(page.locator("[data-part=progress] .hb-study__summary")).to_contain_text("Mastered: 0.")
    assert page.evaluate("localStorage.getItem('/b/.hb.srs')") == "{not json"


def test_offline_copies_and_the_workers_clean_up_stay_with_their_site(page, context, sites):
    base, folders = sites
    page.goto(base + "b/")
    page.locator("#offline-save").click()
    page.locator("#offline-remove").wait_for(state="visible", timeout=60_000)
    of_b = set(page.evaluate(CACHE_NAMES_JS))
    assert of_b and all(name.startswith("hb /b/ ") for name in of_b), of_b
    # site a's first visit: its worker installs and activates next to b's caches
    page.goto(base + "a/en/" + QUESTION)
    status(page, "en")
    names = set(page.evaluate(CACHE_NAMES_JS))
    assert of_b <= names  # nothing of b's was deleted
    assert not [name for name in names if name.startswith("hb /a/ ") and " save-" in name]  # nor saved for a
    page.goto(base + "b/")
    old_b = status(page, "zh", until="saved")["build"]
    context.set_offline(True)
    assert page.goto(base + "b/deployment/deployment-forms/").status == 200  # never opened: b's saved copy
    assert page.goto(base + "a/deployment/deployment-forms/").status == 503  # a saved nothing
    context.set_offline(False)

    # a new deployment of b: b's new worker deletes b's old caches, not a's
    of_a = {name for name in names if name.startswith("hb /a/ ")}
    changed = folders["b"] / "python" / "assert" / "index.html"
    changed.write_text(changed.read_text(encoding="utf-8").replace("</h1>", " (v2)</h1>", 1), encoding="utf-8")
    new_b = offline.write(folders["b"])
    page.goto(base + "b/" + QUESTION)
    for _ in range(200):
        names = set(page.evaluate(CACHE_NAMES_JS))
        if not [name for name in names if name.startswith(f"hb /b/ {old_b} ")] and f"hb /b/ {new_b} meta" in names:
            break
        page.wait_for_timeout(100)
    assert not [name for name in names if name.startswith(f"hb /b/ {old_b} ")], names
    assert of_a <= names, names
    assert status(page, "zh", until="saved")["build"] == new_b


def test_an_earlier_versions_shared_caches_are_taken_over_entry_by_entry(page, context, sites):
    """Caches named hb-<build>-<kind> (no scope) held both sites' entries."""
    base, _ = sites
    page.goto(base + "a/offline.html")  # no worker yet: set up what the earlier version left
    page.evaluate("""async ([base, build]) => {
      const meta = await caches.open(`hb-${build}-meta`);
      const saved = await caches.open(`hb-${build}-save-zh`);
      const page = await (await fetch(`${base}a/python/assert/`, {cache: "no-store"})).text();
      for (const site of ["a", "b"]) {
        await meta.put(`${base}${site}/offline/zh.json`, new Response("{}"));
        await saved.put(`${base}${site}/offline/zh.json`, new Response("{}"));  // each had saved Chinese
      }
      await saved.put(`${base}a/python/assert/`, new Response(page));
      await saved.put(`${base}a/python/lossless-images/`, new Response("a copy of another build"));
      await saved.put(`${base}b/python/assert/`, new Response("b's copy"));
    }""", [base, LEGACY_BUILD])
    page.goto(base + "a/")
    assert status(page, "zh", until="saved")["saved"]  # a's saved language came across, completed
    left = page.evaluate("""async build => {
      const out = {};
      for (const kind of ["meta", "save-zh"]) {
        const cache = await caches.open(`hb-${build}-${kind}`);
        out[kind] = (await cache.keys()).map(r => new URL(r.url).pathname).sort();
      }
      return out;
    }""", LEGACY_BUILD)
    # a's entries left the shared caches; b's stayed for b
    assert left == {"meta": ["/b/offline/zh.json"], "save-zh": ["/b/offline/zh.json", "/b/python/assert/"]}
    context.set_offline(True)
    page.goto(base + "a/python/lossless-images/")
    assert page.locator("h1").count() == 1  # the real page, downloaded: the stored bytes did not match


def test_one_worker_registration_per_site(page, built_site, tmp_path):
    """The 404 page registers the worker at the site root, not at "/handbook//"
    (as an earlier version did); such a registration is removed. The site is
    built for /handbook/, whose 404 page uses absolute addresses."""
    copy_sites(built_site, tmp_path, ("handbook",))
    server = serve_sites(tmp_path)
    base = f"http://127.0.0.1:{server.server_address[1]}/handbook/"
    scopes_js = "async () => (await navigator.serviceWorker.getRegistrations()).map(r => new URL(r.scope).pathname)"
    try:
        page.goto(base + "offline.html")
        page.evaluate("navigator.serviceWorker.register('sw.js', {scope: '/handbook//'}).then(r => r.scope)")
        assert page.evaluate(scopes_js) == ["/handbook//"]
        assert page.goto(base + "no/such/page/").status == 404
        for _ in range(150):
            if page.evaluate(scopes_js) == ["/handbook/"]:
                break
            page.wait_for_timeout(100)
        assert page.evaluate(scopes_js) == ["/handbook/"]
        page.goto(base + "en/" + QUESTION)
        status(page, "en")
        assert page.evaluate(scopes_js) == ["/handbook/"]
    finally:
        server.shutdown()
