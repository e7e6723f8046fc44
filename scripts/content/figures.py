"""Figures: SVG files rendered from Python sources, never edited by hand.

Each module `figures/<name>.py` (files starting with `_` are shared helpers)
defines

* ``TARGET``: where the SVG goes, relative to a language folder, e.g.
  ``"deep-learning/img/attention-qkv.svg"``;
* ``LABELS``: the text drawn in the figure, one dict per language;
* ``render(lang) -> str``: the SVG text for that language, the same bytes on
  every run: seeded computations, pinned libraries, and no text measured with
  the machine's fonts (figures/_svg.py).

`make figures` (``python -m scripts.docs figures``) writes every figure for
every language to ``docs/<lang>/<TARGET>``; the rendered files are committed,
and `make check` ([figure-stale], scripts/check/rules/figures.py) reports one that no
longer matches its source.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from scripts.content.layout import DOCS, LANGS, ROOT, display

FIGURES = ROOT / "figures"


@dataclass(frozen=True)
class Figure:
    name: str
    source: Path
    module: ModuleType

    @property
    def target(self) -> str:
        return self.module.TARGET

    def output(self, docs: Path, lang: str) -> Path:
        return docs / lang / self.target

    def render(self, lang: str) -> str:
        return self.module.render(lang)


class FigureError(Exception):
    """A figure source that cannot be loaded or rendered; `line` is where, in `source`."""

    def __init__(self, source: Path, line: int, message: str):
        super().__init__(message)
        self.source, self.line = source, line


def sources(directory: Path = FIGURES) -> list[Path]:
    """The figure modules in a folder, sorted; helpers (`_*.py`) are not figures."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.py") if not p.name.startswith("_"))


def load(source: Path) -> Figure:
    """Import one figure module by its path. Raises FigureError, never anything else."""
    # A name unique to this file, so figure folders of several trees (the tests
    # build their own) never share a module in sys.modules.
    digest = hashlib.sha1(str(source.resolve()).encode()).hexdigest()[:10]
    name = f"_figure_{digest}_{source.stem}"
    try:
        spec = importlib.util.spec_from_file_location(name, source)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as exc:  # reported as a finding, not a crash
        sys.modules.pop(name, None)
        raise FigureError(source, _line_in(exc, source), f"cannot import: {_describe(exc)}") from exc
    target = getattr(module, "TARGET", None)
    if not isinstance(target, str) or not target.endswith(".svg") or target.startswith("/") or ".." in target:
        raise FigureError(source, 1, "TARGET must be a relative path ending in .svg, "
                                     "e.g. TARGET = \"<section>/img/<name>.svg\"")
    if not callable(getattr(module, "render", None)):
        raise FigureError(source, 1, "defines no `render(lang) -> str` function")
    return Figure(source.stem, source, module)


def render(figure: Figure, lang: str) -> str:
    """One figure in one language. Raises FigureError, never anything else."""
    try:
        svg = figure.render(lang)
    except (Exception, SystemExit) as exc:  # reported as a finding, not a crash
        raise FigureError(figure.source, _line_in(exc, figure.source),
                          f"render({lang!r}) failed: {_describe(exc)}") from exc
    if not isinstance(svg, str):
        raise FigureError(figure.source, 1, f"render({lang!r}) returned {type(svg).__name__}, not SVG text")
    return svg


def write_all(docs: Path = DOCS, directory: Path = FIGURES, langs=LANGS) -> int:
    """`make figures`: render every figure for every language into docs/. Exit status."""
    status = 0
    for source in sources(directory):
        try:
            figure = load(source)
            for lang in langs:
                svg = render(figure, lang).encode("utf-8")
                out = figure.output(docs, lang)
                if out.exists() and out.read_bytes() == svg:
                    state = "unchanged"
                else:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(svg)
                    state = "written"
                print(f"{display(out)}: {state} ({len(svg) / 1024:.1f} KB) from {display(source)}")
        except FigureError as exc:
            print(f"{display(exc.source)}:{exc.line}: [figure-stale] {exc}", file=sys.stderr)
            status = 1
    return status


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _line_in(exc: BaseException, source: Path) -> int:
    """The innermost traceback line that is in `source` (1 if none is)."""
    line, tb = 1, exc.__traceback__
    where = str(source.resolve())
    while tb is not None:
        if str(Path(tb.tb_frame.f_code.co_filename).resolve()) == where:
            line = tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, SyntaxError) and exc.filename and str(Path(exc.filename).resolve()) == where:
        line = exc.lineno or 1
    return line
