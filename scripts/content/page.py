"""One Markdown page: front matter, headings, fences, links, math, short answer
and key points, each found once and, for the checks, with its line number.

The build reads pages through the catalog (scripts/content/catalog.py) and
the checks read them through their context; both get this class, so a page
means the same thing to both. Parsing is lazy: the build never pays for the
line numbers it does not ask for. Fences, headings and sections follow the
rules of scripts/content/markdown.py.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from scripts.content import markdown
from scripts.content.layout import page_url

try:  # libyaml's parser is many times faster than the pure-Python one
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as YamlLoader

LINK = re.compile(r"(?<!\\)!?\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)(?P<tex>[^$\n]+?)(?<![\s\\])\$(?!\$)")
BLOCK_ATTR_ID = re.compile(r"^\s+attrs:\s*\{[^}]*\bid:\s*([\w-]+)")
# What a page's front matter may hold, per kind of page (JSON Schema).
SCHEMA_FILE = Path(__file__).with_name("frontmatter.schema.json")
# Where the article series lives; `source.upstream` is a path in it.
UPSTREAM_REPO = "https://github.com/WeThinkIn/Interview-for-Algorithm-Engineer"
PREFIX_SETTING = re.compile(r"([\w-]+)=([\"'])(.*?)\2")


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str | None


@dataclass
class Fence:
    line: int  # line of the opening fence
    lang: str
    info: str
    body: str
    indent: int
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def body_line(self) -> int:
        return self.line + 1


@dataclass
class Link:
    line: int
    text: str
    target: str
    image: bool


@dataclass
class Math:
    line: int
    tex: str
    display: bool


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class Page:
    """One Markdown file. `rel` is its path relative to its language folder
    ("ai-painting/dreambooth.md"), when the caller knows it (the catalog does)."""

    def __init__(self, path: Path, text: str | None = None, rel: str | None = None):
        self.path = path
        self.text = read_text(path) if text is None else text
        self.lines = self.text.splitlines()
        self.rel = rel

    def __repr__(self) -> str:
        return f"Page({self.rel or self.path})"

    @cached_property
    def digest(self) -> str:
        """A hash of the page's text: what the check cache keys a page by
        (hashed once, however many checks look it up)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:32]

    # -- where it is served -------------------------------------------------
    @property
    def url(self) -> str:
        """URL relative to the language root ("ai-painting/dreambooth/")."""
        return page_url(self.rel)

    @property
    def slug(self) -> str:
        return Path(self.rel).stem

    @property
    def section(self) -> str:
        """The section folder of a question ("ai-painting")."""
        return Path(self.rel).parts[0]

    # -- front matter -------------------------------------------------------
    @cached_property
    def _front(self) -> tuple[dict, FrontMatterError | None, yaml.Node | None]:
        """(meta, error, YAML node). The block ends where body_start says the body begins."""
        if not self.lines or self.lines[0].strip() != "---":
            return {}, None, None
        if self.body_start == 0:
            return {}, FrontMatterError(1, "front matter is not closed with '---'"), None
        loader = YamlLoader("\n".join(self.lines[1:self.body_start - 1]))
        try:  # parsed once: the node tree gives each key's line, the data is built from it
            node = loader.get_single_node()
            meta = (loader.construct_document(node) if node is not None else None) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            return {}, FrontMatterError(line, f"invalid YAML in front matter: {problem}"), None
        finally:
            loader.dispose()
        if not isinstance(meta, dict):
            return {}, FrontMatterError(2, "front matter must be a mapping of keys to values"), None
        return meta, None, node

    @property
    def meta(self) -> dict:
        """The front matter ({} if there is none or it is invalid: the checks report that)."""
        return self._front[0]

    @property
    def front_matter_error(self) -> FrontMatterError | None:
        return self._front[1]

    @cached_property
    def body_start(self) -> int:
        """0-based index of the first line after the front matter. Found from the
        `---` lines alone: the checks that read only the body (code, links,
        figures) do not pay for parsing the YAML."""
        return body_start(self.lines)

    @cached_property
    def _meta_lines(self) -> dict[tuple, int]:
        node = self._front[2]
        return _node_lines(node, offset=2) if node is not None else {}

    def meta_line(self, *path: str | int) -> int:
        """Line of a front-matter value by its key path, e.g. ("source", "article") or
        ("tags", 1); the nearest existing parent's line if the path does not exist."""
        for length in range(len(path), 0, -1):
            if tuple(path[:length]) in self._meta_lines:
                return self._meta_lines[tuple(path[:length])]
        return 1

    @property
    def title(self) -> str:
        """The front-matter title, else the `# Title`, else the file name."""
        if self.meta.get("title"):
            return str(self.meta["title"])
        h1 = [h for h in self.headings if h.level == 1]
        return h1[0].text if h1 else Path(self.rel or self.path).stem

    @property
    def key_points(self) -> list[str]:
        return [p for p in self.meta.get("key_points") or [] if isinstance(p, str)]

    @property
    def tags(self) -> list[str]:
        return [t for t in self.meta.get("tags") or [] if isinstance(t, str)]

    # -- structure ----------------------------------------------------------
    @cached_property
    def _scan(self) -> tuple[list[Fence], list[tuple[int, str]]]:
        """Fences, and the prose lines (number, text) outside them."""
        blocks, prose = markdown.scan(self.lines, self.body_start)
        fences = []
        for block in blocks:
            indent = len(block.opener["indent"])
            body = [_dedent(line, indent) for line in block.body] if block.closed else block.body
            fences.append(_make_fence(block.start + 1, block.opener["info"], body, indent, unclosed=not block.closed))
        return fences, [(index + 1, line) for index, line in prose]

    @property
    def fences(self) -> list[Fence]:
        return self._scan[0]

    @property
    def prose(self) -> list[tuple[int, str]]:
        return self._scan[1]

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.prose:
            parsed = markdown.heading(line)
            if parsed:
                found.append(Heading(number, *parsed))
        return found

    @cached_property
    def short_answer(self) -> str:
        """The Markdown of the short answer (without its heading)."""
        return markdown.section(self.text, markdown.SHORT_ANSWER_ID)

    @cached_property
    def short_answer_end(self) -> int | None:
        """1-based line of the heading after the short answer (one past the end of the
        page if none follows); None if the page has no short answer."""
        span = markdown.section_span(self.lines, markdown.SHORT_ANSWER_ID)
        return span[1] + 1 if span else None

    @cached_property
    def anchor_ids(self) -> set[str]:
        """Ids a link may point at: explicit heading ids and block `attrs` ids."""
        ids = {h.id for h in self.headings if h.id}
        ids |= {m.group(1) for _, line in self.prose if (m := BLOCK_ATTR_ID.match(line))}
        return ids

    @cached_property
    def links(self) -> list[Link]:
        found = []
        for number, line in self.prose:
            for match in LINK.finditer(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)):
                found.append(Link(number, match["text"], match["target"], match.group(0).startswith("!")))
        return found

    @cached_property
    def math(self) -> list[Math]:
        found, block, start = [], None, 0
        for number, line in self.prose:
            stripped = line.strip()
            if block is not None:
                if stripped.endswith("$$"):
                    block.append(stripped[:-2])
                    found.append(Math(start, "\n".join(block), True))
                    block = None
                else:
                    block.append(line)
                continue
            if stripped.startswith("$$"):
                rest = stripped[2:]
                if rest.endswith("$$") and len(rest) >= 2:
                    found.append(Math(number, rest[:-2], True))
                else:
                    block, start = [rest], number
                continue
            text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
            found += [Math(number, m["tex"], False) for m in INLINE_MATH.finditer(text)]
            if text.count("$") - 2 * len(INLINE_MATH.findall(text)) == 1:
                found.append(Math(number, "$", False))  # a lone dollar: unbalanced
        if block is not None:
            found.append(Math(start, "$$", True))
        return found


def body_start(lines: list[str]) -> int:
    """0-based index of the first line after a page's front matter (0 if it has none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def read_text(path: Path) -> str:
    """A page's text as MkDocs reads it: UTF-8, a leading byte-order mark dropped.

    Raises SourceError (with the line of the first bad byte) for other encodings,
    so the checks report the file instead of crashing."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


class SourceError(ValueError):
    """A file the checks cannot read as a page."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _node_lines(node, offset: int, path: tuple = ()) -> dict[tuple, int]:
    """Map every key path of a YAML node tree to its 1-based line in the page."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = path + (key.value,)
            lines[sub] = key.start_mark.line + offset
            lines.update(_node_lines(value, offset, sub))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = path + (index,)
            lines[sub] = item.start_mark.line + offset
            lines.update(_node_lines(item, offset, sub))
    return lines


def _dedent(line: str, indent: int) -> str:
    """Remove the fence's own indentation (fences nested in lists or blocks)."""
    return line[indent:] if line[:indent].strip() == "" else line.lstrip()


def _make_fence(line: int, info: str, body: list[str], indent: int, unclosed: bool = False) -> Fence:
    lang, settings = "", {}
    if info.startswith("{"):
        inner = info.strip("{} ")
        classes = [t[1:] for t in inner.split() if t.startswith(".")]
        lang = classes[0] if classes else ""
    else:
        lang = info.split()[0] if info.split() else ""
    settings = {k: v for k, _, v in PREFIX_SETTING.findall(info)}
    if unclosed:
        settings["_unclosed"] = "1"
    return Fence(line, lang.lower(), info, "\n".join(body) + ("\n" if body else ""), indent, settings)
