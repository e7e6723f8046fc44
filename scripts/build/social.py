"""What a page's <head> says about it when it is shared or followed.

A question link pasted into Slack, Discord, Telegram, X or a blog is shown
from the page's Open Graph and Twitter tags: title, description, canonical
address, language, and a preview image. `head()` gathers them for
overrides/partials/social.html, with the feed's address (autodiscovery), the
clean Markdown copy of a question (the "copy as Markdown" button) and, for
questions, JSON-LD.

Preview images ("cards", scripts/outputs/cards.py) exist per top-level item,
not per page: the home page, each section (its questions share its card) and
each other page. The site's size then grows with the number of sections, not
of questions (README, Decisions).

JSON-LD: a question page is an edited article that answers one interview
question, so it is a schema.org `TechArticle` (headline, description,
language, license, date modified, proficiency level, keywords). `QAPage` is
meant for forum pages where users post answers, and `FAQPage` for pages of
several questions; neither describes these pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.content.layout import CARDS, FEED, LANGS, MARKDOWN_FILE, page_url

OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}
BCP47 = {"zh": "zh-CN", "en": "en"}
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
CARD_SIZE = (1200, 630)


def card_key(rel: str) -> str:
    """Which card a page shows: "home", its section's slug, or the page's own name
    (the cram sheet's section pages share the cram sheet's card)."""
    return "home" if rel == "index.md" else Path(Path(rel).parts[0]).stem


def card_url(key: str) -> str:
    """A card's URL relative to the language root."""
    return f"{CARDS}/{key}.png"


def card_titles(catalog, site_name: str) -> dict[str, str]:
    """Every card of a language: key -> the title it shows under the handbook's name."""
    titles = {"home": site_name}
    titles |= {section.slug: section.title for section in catalog.sections}
    titles |= {card_key(page.rel): page.title for page in catalog.pages}
    return titles


def jsonld(data: dict) -> str:
    """JSON for a <script type="application/ld+json">: nothing in it can close the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def head(*, rel: str, page_kind: str, title: str, description: str, language_url: str, lang: str,
         site_name: str, titles: dict[str, str], text: dict, meta: dict, modified: str | None) -> dict:
    """The values of one page's sharing tags (every URL absolute)."""
    share = text["share"]
    url = language_url + page_url(rel)
    key = card_key(rel)
    info = {
        "title": site_name if page_kind == "home" else title,
        "description": description,
        "url": url,
        "type": "website" if page_kind == "home" else "article",
        "site_name": site_name,
        "locale": OG_LOCALE[lang],
        "alternates": [OG_LOCALE[other] for other in LANGS if other != lang],
        "image": language_url + card_url(key),
        "image_alt": (share["card_alt"].format(site=site_name, title=titles.get(key, title))
                      if key != "home" else site_name),
        "width": CARD_SIZE[0], "height": CARD_SIZE[1],
        "feed": FEED,  # relative to the language root: see overrides/partials/social.html
        "feed_title": share["feed_title"].format(site=site_name),
        "markdown": None,
        "jsonld": None,
    }
    if page_kind == "question":  # the copy button's file, beside the page (its labels: strings.json)
        info["markdown"] = MARKDOWN_FILE
    if page_kind == "question":
        level = meta.get("level")
        # What a search engine cannot read elsewhere on the page: the description is the
        # page's <meta name="description">, the image its og:image, the site its og:site_name;
        # at thousands of pages every repeated byte counts (benchmarks/README.md, site size).
        data = {"@context": "https://schema.org", "@type": "TechArticle", "headline": title,
                "inLanguage": BCP47[lang], "url": url, "license": LICENSE_URL,
                "keywords": [text.get("tags", {}).get(tag, tag) for tag in meta.get("tags") or []]}
        if level:
            data["proficiencyLevel"] = text.get("levels", {}).get(level, level)
        if modified:
            data["dateModified"] = modified
        info["jsonld"] = jsonld(data)
    return info
