"""Every Python example in the handbook runs, and prints what the page says.

The Pydantic way: pytest-examples finds each ```python block in docs/ and
checks its output against the `#>` lines under each print call. The same
blocks are also run by `make check` (scripts/check/rules/code.py), which adds time
limits and path:line reports; this test is the independent oracle.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from scripts.content.layout import ROOT

DOCS = ROOT / "docs"
EXAMPLES = [ex for ex in find_examples(str(DOCS)) if ex.prefix_settings().get("test") != "skip"]


def test_the_handbook_has_python_examples():
    assert len(EXAMPLES) >= 6
    assert {Path(ex.path).parts[-3] for ex in EXAMPLES} >= {"zh", "en"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda ex: f"{Path(ex.path).relative_to(DOCS)}:{ex.start_line}")
def test_example_runs_and_prints_what_the_page_says(example: CodeExample, eval_example: EvalExample,
                                                      tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples write files (images, ...) into their working directory
    eval_example.set_config(line_length=120)
    if eval_example.update_examples:  # pytest --update-examples rewrites the #> lines in place
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)
