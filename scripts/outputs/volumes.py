"""Books that scale: one file while it fits, volumes once it would not.

A PDF or EPUB book above MAX_BYTES is hard to download on a phone and slow
to open on an e-reader (the PDF book passes 10 MB near 80 questions,
benchmarks/README.md). So `make pdf` and `make epub` make the whole book
first while it can fit, and otherwise one volume per section; a section that
is itself too large is cut into parts of consecutive questions. The errata
page is a volume of its own. A link to a page in another volume points at the
published site (scripts/outputs/book.py's Linker only knows its own pages).

`plan` takes the format's own way to make a volume and measure it (an EPUB
is made in memory in a second; a PDF is printed, which takes minutes at
1,500 questions), and optionally an estimate of a volume's size, which lets
a format skip making a book or a section it already knows will not fit: it
goes straight to the parts.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from scripts.outputs.book import Entry

MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Volume:
    slug: str  # "" for the whole book; a section's slug, "<slug>-2" for a part, "errata"
    title: str  # "" for the whole book
    entries: list[Entry] = field(default_factory=list)

    @property
    def questions(self) -> int:
        return sum(entry.kind == "question" for entry in self.entries)


@dataclass
class Made:
    """A volume as made: its bytes and whatever else the format reports (pages)."""

    volume: Volume
    data: bytes
    info: dict = field(default_factory=dict)


def whole(entries: list[Entry]) -> Volume:
    return Volume("", "", list(entries))


def by_section(entries: list[Entry]) -> list[Volume]:
    """A volume per section (its index page and questions), then one for the other pages."""
    volumes: list[Volume] = []
    rest = Volume("", "", [])
    for entry in entries:
        if entry.kind == "section":
            volumes.append(Volume(entry.url.strip("/"), entry.title, [entry]))
        elif entry.kind == "question" and volumes:
            volumes[-1].entries.append(entry)
        else:
            rest.entries.append(entry)
    if rest.entries:
        first = rest.entries[0]
        rest.slug, rest.title = first.url.strip("/").replace("/", "-"), first.title
        volumes.append(rest)
    return volumes


def parts(volume: Volume, count: int, label: str) -> list[Volume]:
    """A section's volume cut into `count` parts of consecutive questions; the
    section's own page opens the first. `label` formats a part's title
    ("{section} ({n})")."""
    head = [e for e in volume.entries if e.kind != "question"]
    questions = [e for e in volume.entries if e.kind == "question"]
    size = math.ceil(len(questions) / count)
    chunks = [questions[i:i + size] for i in range(0, len(questions), size)]
    return [Volume(f"{volume.slug}-{n}", label.format(section=volume.title, n=n), (head if n == 1 else []) + chunk)
            for n, chunk in enumerate(chunks, 1)]


def plan(entries: list[Entry], make: Callable[[Volume], Made], label: str, limit: int = MAX_BYTES,
         estimate: Callable[[Volume], int] | None = None) -> list[Made]:
    """The whole book if it fits in `limit` bytes, else volumes that do (as far as
    cutting a section into single questions can make them fit)."""
    def far_over(volume: Volume) -> int | None:
        size = estimate(volume) if estimate is not None else None
        return size if size is not None and size > 2 * limit else None

    book = whole(entries)
    if far_over(book) is None:
        made = make(book)
        if len(made.data) <= limit:
            return [made]
    found = []
    for volume in by_section(entries):
        size = far_over(volume) if volume.questions > 1 else None
        if size is None:
            made = make(volume)
            if len(made.data) <= limit or volume.questions <= 1:
                found.append(made)
                continue
            size = len(made.data)
        count = min(volume.questions, math.ceil(size / (0.9 * limit)))
        found += [make(part) for part in parts(volume, count, label)]
    return found
