"""Safety: content from strangers' pull requests is served from the project's domain.

Rule ids:
  unsafe-html   raw <script>, <iframe>, <object>, <embed>, <form>, <style>, <base> or <meta> in a page
  unsafe-event  an inline event handler such as onerror= or onclick=
  unsafe-url    a javascript:, vbscript: or data: URL in a link
  offsite-image an image loaded from another host (it would track readers)
"""

from __future__ import annotations

import re

from scripts.check.context import Context
from scripts.findings import Finding

TAG = re.compile(r"<\s*(script|iframe|object|embed|form|style|base|meta|link)\b", re.I)
EVENT = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I)
HTML_IMG = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//", re.I)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def check(ctx: Context):
    for path, page in ctx.pages.items():
        shown = ctx.show(path)
        for number, raw in page.prose:
            line = CODE_SPAN.sub("", raw)
            if match := TAG.search(line):
                yield Finding(shown, number, "unsafe-html", f"raw <{match[1].lower()}> is not allowed in content")
            if EVENT.search(line):
                yield Finding(shown, number, "unsafe-event", "inline event handlers (on...=) are not allowed")
            if HTML_URL.search(line):
                yield Finding(shown, number, "unsafe-url", "javascript:, vbscript: and data: URLs are not allowed")
            if HTML_IMG.search(line):
                yield Finding(shown, number, "offsite-image", "images must be files in this repository")
        for link in page.links:
            if BAD_SCHEME.match(link.target):
                yield Finding(shown, link.line, "unsafe-url", f"'{link.target[:40]}': script and data URLs are not allowed")
            elif link.image and re.match(r"^(?:https?:)?//", link.target):
                yield Finding(shown, link.line, "offsite-image", f"image '{link.target[:60]}' is loaded from another host; "
                                                                 "add the file to the repository")
