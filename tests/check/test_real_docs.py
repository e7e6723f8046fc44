"""The real docs/ passes every content check with zero findings.

Code execution is covered by tests/content/test_docs.py and by `make check`; here the
checks run with --no-run so a failure points at one rule.
"""

from __future__ import annotations

import pytest

from scripts.check import CHECKS, run
from scripts.check.context import Context
from scripts.content.layout import DOCS, ROOT


@pytest.fixture(scope="module")
def context() -> Context:
    return Context(docs=DOCS, root=ROOT, run_code=False, config_file=ROOT / "mkdocs.yml")


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_real_docs_pass(context, name):
    findings = [f for f in run(context, [name]) if f.severity == "error"]
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_errata_page_lists_every_correction_exactly_once(context, lang):
    defined = {}
    for path, page in context.pages.items():
        rel = path.relative_to(DOCS / lang) if path.is_relative_to(DOCS / lang) else None
        if rel is None or rel.name == "errata.md":
            continue
        for anchor in page.anchor_ids:
            if anchor.startswith("erratum-"):
                defined[anchor] = rel.as_posix()
    errata = context.page(DOCS / lang / "errata.md")
    linked = [link.target for link in errata.links if "#erratum-" in link.target]
    assert len(defined) >= 40
    assert sorted(linked) == sorted(f"{page}#{anchor}" for anchor, page in defined.items())
