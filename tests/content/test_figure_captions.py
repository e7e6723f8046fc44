"""Figure captions and alt text say what the computed figure shows.

The search-strategies figure is computed by real, seeded Optuna runs
(figures/hpo_search.py); its caption and alt text quote numbers from them.
They are recomputed here and must appear in both languages, so a change to
the figure (a library upgrade, a new seed) cannot leave the text behind."""

from __future__ import annotations

import pytest

from scripts.content.figures import FIGURES, load
from scripts.content.layout import DOCS

PAGE = "deep-learning/hyperparameter-optimization.md"


@pytest.fixture(scope="module")
def panels() -> dict:
    grid, random, tpe = load(FIGURES / "hpo_search.py").module.summary()
    return {"grid": grid, "random": random, "tpe": tpe}


def test_the_search_figure_text_quotes_the_runs(panels):
    grid, random, tpe = panels["grid"], panels["random"], panels["tpe"]
    expected = {
        "en": [f"{grid['distinct_x']} columns", f"best score is {grid['best']:.2f}",
               f"{random['near']} of its {random['distinct_x']} within", f"best {random['best']:.2f}",
               f"{tpe['near_after_startup']} of the {tpe['after_startup']} after them", f"best {tpe['best']:.2f}",
               f"{tpe['near_after_startup']} of its last {tpe['after_startup']} trials",
               f"{random['near_after_startup']} of random search's last {random['after_startup']}"],
        "zh": [f"排成 {grid['distinct_x']} 列", f"最高分 {grid['best']:.2f}",
               f"25 个中有 {random['near']} 个", f"最高分 {random['best']:.2f}",
               f"之后的 {tpe['after_startup']} 次中有 {tpe['near_after_startup']} 次", f"最高分 {tpe['best']:.2f}",
               f"后 {tpe['after_startup']} 次中有 {tpe['near_after_startup']} 次",
               f"随机搜索的后 {random['after_startup']} 次只有 {random['near_after_startup']} 次"],
    }
    assert grid["near"] == 0  # the text says no grid point is near the optimum
    for lang, phrases in expected.items():
        text = (DOCS / lang / PAGE).read_text(encoding="utf-8")
        missing = [phrase for phrase in phrases if phrase not in text]
        assert not missing, f"{lang}: the figure's text does not say {missing} (figures/hpo_search.py computes it)"
