"""Link previews (scripts/build/social.py, overrides/partials/social.html,
scripts/outputs/cards.py): every page's Open Graph and Twitter tags, its feed
link, JSON-LD on questions, and every og:image a 1200×630 PNG in the site."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from scripts.build import social
from scripts.content import catalog
from scripts.content.layout import DOCS, LANGS, kind, lang_root, page_url
from scripts.outputs import cards
from tests.conftest import BUILD_URL
from tests.html import parse


def _meta(tree, name: str) -> list[str]:
    return [node.attributes.get("content") or "" for node in tree.css(f'meta[property="{name}"], meta[name="{name}"]')]


def _file(built_site, url: str):
    """The built file an absolute production URL names."""
    assert url.startswith(BUILD_URL), url
    path = built_site / urlsplit(url).path[len(urlsplit(BUILD_URL).path):]
    return path / "index.html" if url.endswith("/") else path


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_link_preview_tags(built_site, lang):
    from PIL import Image

    other = [social.OG_LOCALE[o] for o in LANGS if o != lang]
    images = set()
    for rel in catalog.load(DOCS / lang).ordered_paths():
        tree = parse(built_site / lang_root(lang) / page_url(rel) / "index.html")
        where = f"{lang}:{rel}"
        canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
        assert _meta(tree, "og:url") == [canonical], where
        assert canonical == BUILD_URL + lang_root(lang) + page_url(rel)
        description = tree.css_first('meta[name="description"]').attributes["content"]
        assert _meta(tree, "og:description") == [description], where
        h1 = tree.css_first("[data-pagefind-body] h1, .md-content h1")
        title = _meta(tree, "og:title")[0]
        assert title and (kind(rel) == "home" or title == h1.text(deep=True).replace("¶", "").strip()), where
        assert _meta(tree, "og:type") == ["website" if kind(rel) == "home" else "article"], where
        assert _meta(tree, "og:locale") == [social.OG_LOCALE[lang]], where
        assert _meta(tree, "og:locale:alternate") == other, where
        assert _meta(tree, "twitter:card") == ["summary_large_image"], where
        image = _meta(tree, "og:image")
        assert len(image) == 1, where
        assert image[0].startswith(BUILD_URL + lang_root(lang) + "assets/cards/"), where
        assert _file(built_site, image[0]).is_file(), f"{where}: {image[0]} is not in the site"
        images.add(image[0])
        feed = tree.css('link[rel="alternate"][type="application/atom+xml"]')
        assert len(feed) == 1, where
        target = (built_site / lang_root(lang) / page_url(rel) / feed[0].attributes["href"]).resolve()
        assert target == (built_site / lang_root(lang) / "feed/atom.xml").resolve() and target.is_file(), where
    for url in images:
        with Image.open(_file(built_site, url)) as card:
            assert (card.format, card.size) == ("PNG", social.CARD_SIZE), url


def test_cards_are_per_section_not_per_page(built_site):
    """The site grows by a card per section and top-level page, never per question."""
    for lang in LANGS:
        cat = catalog.load(DOCS / lang)
        folder = built_site / lang_root(lang) / "assets/cards"
        names = sorted(p.stem for p in folder.glob("*.png"))
        assert names == sorted({"home"} | {s.slug for s in cat.sections} | {p.slug for p in cat.pages})
        assert len({p.read_bytes() for p in folder.glob("*.png")}) == len(names), "two cards are identical"
        assert sum(p.stat().st_size for p in folder.glob("*.png")) < 50_000 * len(names)


def test_question_pages_describe_themselves_in_json_ld(built_site):
    for lang in LANGS:
        for q in catalog.load(DOCS / lang).questions():
            tree = parse(built_site / lang_root(lang) / q.url / "index.html")
            blocks = tree.css('script[type="application/ld+json"]')
            assert len(blocks) == 1, q.rel
            data = json.loads(blocks[0].text())
            assert data["@type"] == "TechArticle" and data["@context"] == "https://schema.org"
            assert data["headline"] == q.title
            assert data["url"] == BUILD_URL + lang_root(lang) + q.url
            assert data["inLanguage"].startswith(lang)
            assert "image" not in data and "description" not in data  # the page's og: and meta tags say those
            assert data["license"].startswith("https://creativecommons.org/licenses/by-sa/4.0")
            assert len(data["dateModified"]) == 10
        section = catalog.load(DOCS / lang).sections[0]
        assert not parse(built_site / lang_root(lang) / section.page.url / "index.html").css(
            'script[type="application/ld+json"]')


def test_card_lines_keep_words_whole_and_break_chinese_anywhere():
    face = cards.font("Bold", 60)
    english = cards.wrap("Discriminative versus generative models in practice", face, 500)
    assert len(english) > 1
    assert " ".join(english) == "Discriminative versus generative models in practice"
    title = "判别式模型和生成式模型的本质区别是什么，怎么选择？"
    chinese = cards.wrap(title, face, 400)
    assert len(chinese) > 1 and "".join(chinese) == title
    assert not any(line[0] in "，。？" for line in chinese)
    assert all(face.getlength(line) <= 400 + face.getlength("？") for line in chinese)


def test_without_the_cjk_font_cards_are_skipped_with_a_notice_and_fail_under_ci(tmp_path, monkeypatch):
    """A contributor's machine without Noto Sans CJK (fontconfig cannot find it)
    builds the site without cards and says so; under CI=true it is an error."""
    import shutil

    from scripts.outputs.site import build

    tools = tmp_path / "bin"  # git, but no fc-match
    tools.mkdir()
    (tools / "git").symlink_to(shutil.which("git"))
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.delenv("CI", raising=False)
    lines: list[str] = []
    assert build(tmp_path / "site", langs=("en",), echo=lines.append) == 0
    assert any("link-preview cards not drawn" in line and "fonts-noto-cjk" in line for line in lines), lines
    assert not (tmp_path / "site" / "assets" / "cards").exists()
    monkeypatch.setenv("CI", "true")
    lines.clear()
    assert build(tmp_path / "site2", langs=("en",), echo=lines.append) == 1
    assert any("[cards]" in line for line in lines), lines[-5:]
