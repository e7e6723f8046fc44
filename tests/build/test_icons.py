"""Material's icons come from one sprite per language (scripts/build/icons.py):
no page but the 404 page draws an icon inline, and every icon a page uses
resolves to a symbol of its language's sprite."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from scripts.build.icons import SPRITE
from scripts.content.layout import LANGS, lang_root
from tests.conftest import page_paths
from tests.html import parse


def test_pages_use_their_languages_sprite_and_every_icon_resolves(built_site):
    symbols = {lang: {node.attributes["id"] for node in parse(built_site / lang_root(lang) / SPRITE).css("symbol")}
               for lang in LANGS}
    for path in page_paths():
        page = parse(built_site / path / "index.html")
        assert not page.css('svg[viewBox="0 0 24 24"] > path'), f"{path}: an icon drawn inline"
        uses = page.css("use")
        assert uses, path
        lang = next(lang for lang in reversed(LANGS) if path.startswith(lang_root(lang)))
        for use in uses:
            target = urljoin("https://site.invalid/" + path, use.attributes["xlink:href"])
            address, fragment = target.split("#")
            assert urlsplit(address).path == "/" + lang_root(lang) + SPRITE, (path, target)
            assert fragment in symbols[lang], (path, fragment)


def test_the_404_page_keeps_its_icons_inline(built_site):
    page = parse(built_site / "404.html")
    assert page.css('svg[viewBox="0 0 24 24"] > path') and not page.css("use")
