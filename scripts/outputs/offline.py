"""Offline reading, the build's side: what the service worker needs to know.

The service worker (overrides/sw.js, hand-written) lives at the site root
and serves both languages, so this runs once the languages are merged
(scripts/outputs/site.py `assemble()` calls `write`). It writes:

* ``offline/<lang>.json``, one list per language: every file of that
  language with its size and a content hash, and which of them are the
  shell (stylesheets, scripts and data every page loads), the search files
  (what Pagefind's worker fetches) and each page's own files (its images,
  and the clean Markdown beside it that "copy as Markdown" fetches);
* ``sw.js``: overrides/sw.js with the build's version, a hash of those lists,
  so a deployment that changes any file changes the worker's bytes, which is
  how browsers notice an update; the worker names its caches by this version,
  keeps unchanged files across versions by comparing hashes, and deletes the
  old caches;
* ``offline.html``, the bilingual page shown for a page that is not saved
  when there is no network; ``manifest.webmanifest`` in each language root;
  ``downloads/downloads.json``, empty until `make pdf` and `make epub` list
  the books.

The home page's "offline and print" block, which offline.js brings to life,
is generated with the page (scripts/build/generate.py).
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from scripts.build.icons import SPRITE
from scripts.content import strings
from scripts.content.layout import DEFAULT_LANG, DOWNLOADS, LANG_TAGS, LANGS, MARKDOWN_FILE, ROOT, lang_root

SW_SOURCE = ROOT / "overrides" / "sw.js"
LISTS = "offline"
OFFLINE_PAGE = "offline.html"
MANIFEST = "manifest.webmanifest"
# What a reader's browser may need; anything else (source maps, sitemaps,
# downloads such as the PDF books) is never cached by the worker.
KINDS = {".html", ".css", ".js", ".json", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff2",
         ".webmanifest", ".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".md"}
SKIP = {"404.html", "sitemap.xml", "sw.js", OFFLINE_PAGE}
# Pagefind's own UI bundles: the site's search worker never loads them.
PAGEFIND_UI = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")
# Tags of a page that load a file every page of the language shares.
SHELL_TAGS = ('link[rel~="stylesheet"][href], link[rel~="icon"][href], link[rel~="manifest"][href], '
              'link[rel~="preload"][href]:not([as="font"]), link[rel~="modulepreload"][href], script[src]')
# A font a page preloads is that page's own file: only pages with a formula
# use the math font (overrides/main.html), the others never fetch it.
OWN_FONTS = 'link[rel~="preload"][as="font"][href]'

# Every page loads these, though no tag in the page names them.
RUNTIME = ("questions.json", "strings.json", "search/search_index.json", SPRITE)


def _digest(data: bytes) -> str:
    """A file's content hash: SHA-256, first 8 bytes in hex. The worker checks
    every file it stores against it with Web Crypto, which has no BLAKE2."""
    return hashlib.sha256(data).hexdigest()[:16]


def _files(site: Path, lang: str) -> list[Path]:
    base = site / lang_root(lang)
    others = {site / lang_root(other) for other in LANGS if other != lang and lang_root(other)}
    found = []
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if (not path.is_file() or path.suffix not in KINDS or path.name in SKIP
                or any(path.is_relative_to(other) for other in others)
                or rel.startswith((f"{LISTS}/", f"{DOWNLOADS}/", f"{lang_root(lang)}{DOWNLOADS}/"))
                or ("/pagefind/" in f"/{rel}" and path.name.startswith(PAGEFIND_UI))):
            continue
        found.append(path)
    return found


def _url(site: Path, path: Path) -> str:
    """The URL (relative to the site root) a file is requested by: pages by their folder."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if path.name == "index.html" else rel


def _local(site_rel_page: str, ref: str) -> str | None:
    """A reference in a page, resolved to a URL relative to the site root (None if elsewhere)."""
    base = "https://site.invalid/"
    absolute = urljoin(base + site_rel_page, ref)
    if not absolute.startswith(base):
        return None
    path = unquote(urlsplit(absolute).path[len("/"):])
    return path[: -len("index.html")] if path.endswith("index.html") else path


def language_list(site: Path, lang: str) -> dict:
    """Everything the worker needs to know about one language."""
    files = {_url(site, p): [p.stat().st_size, _digest(p.read_bytes())] for p in _files(site, lang)}
    root = lang_root(lang)
    shell, pages = set(), {}
    for url in files:
        if not url.endswith("/") and url != root:
            continue
        tree = LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))
        refs = [node.attrs.get("href") or node.attrs.get("src") or "" for node in tree.css(SHELL_TAGS)]
        config = tree.css_first("script#__config")  # Material's settings name the search worker
        if config is not None:
            refs.append(str(json.loads(config.text() or "{}").get("search") or ""))
        shell |= {target for target in (_local(url, ref) for ref in refs if ref) if target in files}
        own = [_local(url, img.attrs.get("src") or "") for img in tree.css("img[src]")]
        own += [_local(url, link.attrs.get("href") or "") for link in tree.css(OWN_FONTS)]
        # The page's clean Markdown (scripts/outputs/llms.py), which "copy as Markdown" fetches.
        own.append(url + MARKDOWN_FILE)
        own = sorted({target for target in own if target in files})
        if own:
            pages[url] = own
    shell |= {root + name for name in RUNTIME if root + name in files}
    search = sorted(url for url in files if url.startswith(f"{root}pagefind/"))
    return {"lang": lang, "root": root, "files": files, "shell": sorted(shell), "search": search, "pages": pages}


def offline_page() -> str:
    """The bilingual page the worker shows for an unsaved page without a network.
    Self-contained (inline style), since it must work with nothing else cached;
    the worker fills in the site's address for the links."""
    table = strings.load()["offline"]
    sections = []
    for lang, tag in LANG_TAGS.items():
        t = {key: value[lang] for key, value in table.items() if isinstance(value, dict) and lang in value}
        sections.append(f'<section lang="{tag}"><h1>{html.escape(t["offline_title"])}</h1>'
                        f'<p>{html.escape(t["offline_text"])}</p>'
                        f'<p><a href="__HB_SCOPE__{lang_root(lang)}">{html.escape(t["offline_home"])}</a></p>'
                        "</section>")
    return ('<!doctype html><html lang="zh"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(table["offline_title"]["zh"])} · {html.escape(table["offline_title"]["en"])}</title>'
            "<style>body{margin:0;font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans CJK SC',"
            "'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2937;background:#fff}"
            "main{max-width:36rem;margin:10vh auto;padding:0 1.2rem}h1{font-size:1.4rem;margin:0 0 .4rem}"
            "section+section{margin-top:2rem;padding-top:1.2rem;border-top:1px solid #e5e7eb}"
            "a{color:#3f51b5}@media (prefers-color-scheme:dark){body{background:#1e2129;color:#e2e4e9}"
            "section+section{border-color:#3a3f4b}a{color:#8c9eff}}</style></head>"
            f'<body><main data-hb-offline-page>{"".join(sections)}</main></body></html>')


def manifest(site: Path, lang: str) -> dict:
    """The web app manifest of one language (name and description from its home page)."""
    home = LexborHTMLParser((site / lang_root(lang) / "index.html").read_text(encoding="utf-8"))
    for node in home.css("a.headerlink"):
        node.decompose()
    title = home.css_first("[data-pagefind-body] h1")
    description = home.css_first('meta[name="description"]')
    text = strings.in_language(lang)["offline"]
    return {"name": title.text(deep=True).strip() if title else text["app_short_name"],
            "short_name": text["app_short_name"], "lang": lang,
            "description": (description.attrs.get("content") or "") if description else "",
            "start_url": "./", "scope": "../" if lang_root(lang) else "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": "#3f51b5",
            "icons": [{"src": "assets/images/icon.svg", "sizes": "any", "type": "image/svg+xml"}]}


def write(site: Path, langs: tuple[str, ...] = LANGS) -> str | None:
    """Write the worker, its lists, the offline page and the manifests into a
    merged site; returns the build's version. A build without the default
    language (`build --lang en`) has another language at its root, where the
    pages do not look for a worker: nothing is written."""
    if DEFAULT_LANG not in langs:
        return None
    (site / LISTS).mkdir(exist_ok=True)
    (site / DOWNLOADS).mkdir(exist_ok=True)
    downloads = site / DOWNLOADS / "downloads.json"
    if not downloads.exists():
        downloads.write_text("{}", encoding="utf-8")
    for lang in langs:
        (site / lang_root(lang) / MANIFEST).write_text(
            json.dumps(manifest(site, lang), ensure_ascii=False, indent=1), encoding="utf-8")
    page = offline_page()
    (site / OFFLINE_PAGE).write_text(page, encoding="utf-8")
    lists = {lang: language_list(site, lang) for lang in langs}
    source = SW_SOURCE.read_text(encoding="utf-8")
    version = _digest(json.dumps([lists, page, source], sort_keys=True).encode())
    for lang, listing in lists.items():
        (site / LISTS / f"{lang}.json").write_text(
            json.dumps({"build": version, **listing}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    worker = source.replace('"__HB_BUILD__"', json.dumps(version)).replace(
        '"__HB_LANGS__"', json.dumps({lang: lang_root(lang) for lang in langs}))
    (site / "sw.js").write_text(worker, encoding="utf-8")
    return version
