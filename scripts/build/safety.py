"""What a page may contain, judged on its rendered HTML.

Content arrives in pull requests from strangers and is served from the
project's domain, so a page must not run code, send readers elsewhere on its
own or make their browser contact another host. Regular expressions over the
Markdown source miss what the browser sees (entities, case, whitespace inside
a scheme, tags split over lines, Markdown link syntax), so the rule is
applied to the HTML that Python-Markdown produced, parsed by an HTML5 parser
(lexbor, via selectolax) the way a browser parses it. The build hook
(scripts/hooks.py) and `make check` (scripts/check/rules/safety.py) both call
`scan`, so the two can never disagree.

Rule ids:
  unsafe-html   an element that runs code, embeds another document or changes
                the page's behaviour: script, iframe, frame, object, embed,
                applet, form, base, meta (refresh), link, style, noscript, template
  unsafe-event  an event-handler attribute (onerror=, onload=, ...)
  unsafe-url    a javascript:, vbscript: or data: URL in any attribute
  offsite-resource  an image, stylesheet or media file loaded from another host
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
                  "meta", "link", "style", "noscript", "template", "portal", "fencedframe"}
# Attributes whose value the browser fetches when the page loads.
FETCHING_ATTRS = {"src", "srcset", "poster", "data", "background", "href", "xlink:href", "imagesrcset"}
FETCHING_TAGS = {"img", "image", "picture", "source", "video", "audio", "track", "input", "svg", "use", "feimage"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers drop ASCII tab and newline anywhere in a URL and leading/trailing
# control characters and spaces (WHATWG URL standard), so "java\tscript:" runs.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    needle: str  # text to look for in the Markdown source to find the line


def _normal_url(value: str) -> str:
    return _URL_NOISE.sub("", html.unescape(value)).lower()


def _offsite(url: str) -> bool:
    url = _normal_url(url)
    return url.startswith(("http:", "https:", "//", "ftp:"))


def _urls(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def scan(page_html: str) -> list[Problem]:
    """Every problem in a page's content HTML, in document order."""
    problems: list[Problem] = []
    root = LexborHTMLParser(page_html).root
    if root is None:
        return problems
    for node in root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        if tag in FORBIDDEN_TAGS:
            what = "a meta refresh" if tag == "meta" and "refresh" in str(node.attributes).lower() else f"<{tag}>"
            problems.append(Problem("unsafe-html", f"{what} is not allowed in content; write Markdown",
                                    f"<{tag}"))
            continue
        for name, value in node.attributes.items():
            name = (name or "").lower()
            value = value or ""
            if name.startswith("on"):
                problems.append(Problem("unsafe-event", f"event handler {name}= is not allowed in content",
                                        f"{name}="))
                continue
            if any(_normal_url(url).startswith(BAD_SCHEMES) for url in _urls(name, value)):
                scheme = _normal_url(value).split(":")[0]
                problems.append(Problem("unsafe-url", f"a {scheme}: URL in {name}= is not allowed; "
                                        "link to a page or a file in this repository", value))
                continue
            fetched = (name in FETCHING_ATTRS and tag in FETCHING_TAGS) or name in ("poster", "background")
            if fetched and any(_offsite(url) for url in _urls(name, value)):
                problems.append(Problem("offsite-resource", f"<{tag} {name}=> loads '{value[:60]}' from another "
                                        "host, which tells it who reads the page; add the file to the repository",
                                        value))
            if name == "style" and any(_offsite(url) for url in _CSS_URL.findall(html.unescape(value))):
                problems.append(Problem("offsite-resource", "a style attribute loads a file from another host",
                                        value))
    return problems


def locate(lines: list[str], needle: str, start: int = 0) -> int:
    """1-based line of the Markdown source where `needle` (an HTML value as the
    browser sees it) was most likely written; `start + 1` if it cannot be found."""
    want = _normal_url(needle)[:40]
    if not want:
        return start + 1
    for index in range(start, len(lines)):
        if want in _normal_url(lines[index]):
            return index + 1
    # A value written across lines (a multi-line tag): join neighbours.
    for index in range(start, len(lines) - 1):
        if want in _normal_url(lines[index] + lines[index + 1]):
            return index + 1
    return start + 1
