"""The site under a strict Content-Security-Policy, as hosts and corporate
proxies add one: no inline script runs, yet practice, grading, the study page,
search, the palette and offline reading all work, and the only things the
policy blocks are the data: icons in Material's stylesheet (README,
Decisions). Material's storage helpers and palette snippet run from files
(hb-core.js, palette.js): a damaged theme value is reset instead of breaking
every page, and the palette is one choice for both languages."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import search, status
from tests.conftest import ROOT, SUBPATH, copy_sites, page_paths, serve_sites
from tests.html import parse

pytestmark = pytest.mark.browser

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'"
WATCH_JS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push({directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile}));"""
SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"


@pytest.fixture
def csp_site(built_site, tmp_path):
    """The built site at /handbook/, every response sent with the policy."""
    copy_sites(built_site, tmp_path, (SUBPATH,))
    server = serve_sites(tmp_path, headers={"Content-Security-Policy": CSP})
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()


def test_no_page_has_an_inline_script(built_site):
    for path in page_paths() + ["404.html"]:
        page = parse(built_site / path / "index.html" if not path.endswith(".html") else built_site / path)
        # Data blocks (JSON for Material's settings, JSON-LD for search engines) are
        # not scripts: a browser never runs them, and a CSP does not apply to them.
        inline = [node.html[:80] for node in page.css("script") if "src" not in node.attributes
                  and node.attributes.get("type") not in ("application/json", "application/ld+json")]
        assert not inline, (path, inline)
        assert not [node for node in page.css("*") if any(name.startswith("on") for name in node.attributes)], path


def test_everything_works_under_a_strict_policy(page, context, csp_site, built_site):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    context.add_init_script(WATCH_JS)
    page.goto(csp_site + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()
    page.locator(".hb-practice__reveal").click()
    page.keyboard.press("3")  # the scheduler loads (a script of the site) and the grade is saved
    expect(page.locator(".hb-grade__status")).to_contain_text("Next review")
    scheme = page.evaluate(SCHEME_JS)
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        if page.evaluate(SCHEME_JS) != scheme:
            break
    changed = page.evaluate(SCHEME_JS)
    assert changed != scheme
    page.reload()
    assert page.evaluate(SCHEME_JS) == changed
    assert "/handbook/en/python/assert/" in search(page, "assert")
    assert status(page, "en")["ready"]  # the offline worker runs under the policy too
    page.goto(csp_site + "en/study/")
    expect(page.locator(".hb-study--ready")).to_have_count(1)
    page.locator("[data-part=review] form > button").click()
    expect(page.locator("[data-part=review] .hb-study__stage h3")).to_be_focused()
    violations = page.evaluate("window.__violations")
    assert not errors, errors
    # what the policy blocks: icons drawn from data: URLs, nothing else; the
    # site's stylesheets draw none, Material's do (README, Decisions)
    assert violations and all(v["directive"] == "img-src" and v["blocked"] == "data" for v in violations), violations
    assert not [path for path in (ROOT / "overrides" / "assets" / "stylesheets").glob("*.css")
                if re.search(r"url\(\s*['\"]?data:", path.read_text(encoding="utf-8"))]
    material = next((built_site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert re.search(r"url\(\s*['\"]?data:image/svg", material)


def test_damaged_theme_values_are_reset(page, site_server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for value in ("{not json", '{"index": "x", "color": 5}', '{"index": 0, "color": {"scheme": {"x": 1}}}'):
        page.goto(site_server + "offline.html")  # a page of the origin without the site's scripts
        page.evaluate("v => localStorage.setItem('/handbook/.__palette', v)", value)
        page.goto(site_server + "en/")
        assert search(page, "assert"), value  # Material's bundle ran to the end
        stored = page.evaluate("localStorage.getItem('/handbook/.__palette')")  # reset, or Material's own again
        assert stored is None or json.loads(stored)["color"]["scheme"] in ("default", "slate"), value
    assert not errors, errors


def test_the_palette_is_one_choice_for_both_languages(page, site_server):
    page.emulate_media(color_scheme="light")
    page.goto(site_server)
    for _ in range(3):
        if page.evaluate(SCHEME_JS) == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(SCHEME_JS) == "slate"
    page.goto(site_server + "en/python/assert/")
    assert page.evaluate(SCHEME_JS) == "slate"
    keys = [k for k in page.evaluate("Object.keys(localStorage)") if k.endswith(".__palette")]
    assert keys == ["/handbook/.__palette"]
    # a palette chosen in English before, under the language's own key, is kept
    page.goto(site_server + "offline.html")
    dark = page.evaluate("localStorage.getItem('/handbook/.__palette')")
    page.evaluate("v => { localStorage.clear(); localStorage.setItem('/handbook/en/.__palette', v); }", dark)
    page.goto(site_server + "en/")
    assert page.evaluate(SCHEME_JS) == "slate"
    page.goto(site_server)
    assert page.evaluate(SCHEME_JS) == "slate"
