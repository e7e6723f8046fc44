"""Grid, random and Bayesian (TPE) search on the same 2-D objective, same budget.

Computed, not drawn: three real Optuna studies (GridSampler, RandomSampler,
TPESampler with its default 10 random start-up trials, all seeded) maximise
one toy "validation score" of two hyperparameters, 25 trials each. The score
has low effective dimensionality, as in deep-learning/hyperparameter-optimization.md
(Bergstra and Bengio): it depends strongly on hyperparameter 1 and barely on
hyperparameter 2, so its level sets, drawn exactly as ellipses, are tall bands.
The tick marks under each panel are the distinct values of hyperparameter 1
that the method tried: 5 for the 5 x 5 grid, 25 for the others.

What the page's caption and alt text say about the runs comes from `summary()`
(run this file to print it). Under Optuna 5.0.0: no grid point lies within
+-0.08 of the best x = 0.6 (best score 0.45); random search has 6 of its 25
trials there (3 of its last 15, best 0.98); TPE has 9 of 25, 6 of them among
the 15 trials after its 10 random start-up trials (best 0.99). TPE
concentrates somewhat more than random search, not most of its later trials:
with twice the budget it would still be 16 of 40, so the caption states the
counts rather than a larger budget.
"""

from __future__ import annotations

import logging
import math
import warnings

from figures._svg import INK, MUTED, RED, Canvas

TARGET = "deep-learning/img/grid-random-bayes.svg"

LABELS = {
    "en": {
        "title": "Grid, random and Bayesian (TPE) search, 25 trials each, on a score that depends mostly on "
                 "hyperparameter 1",
        "panels": ["Grid search", "Random search", "Bayesian optimization (TPE)"],
        "best": "best {:.2f}",
        "x": "hyperparameter 1 (matters)",
        "y": "hyperparameter 2 (barely matters)",
        "shade": "validation score, low → high",
        "startup": "TPE's first 10 trials are random",
        "found": "best trial",
    },
    "zh": {
        "title": "网格搜索、随机搜索与贝叶斯优化（TPE）各试 25 次，得分主要取决于超参数 1",
        "panels": ["网格搜索", "随机搜索", "贝叶斯优化（TPE）"],
        "best": "最优 {:.2f}",
        "x": "超参数 1（影响大）",
        "y": "超参数 2（影响小）",
        "shade": "验证得分，由低到高",
        "startup": "TPE 的前 10 次为随机采样",
        "found": "最优的一次",
    },
}

# The toy score: a Gaussian bump, narrow along hyperparameter 1, wide along 2.
CENTRE = (0.6, 0.4)
SCALE = (0.08, 0.8)
BUDGET = 25
GRID = [0.1, 0.3, 0.5, 0.7, 0.9]
LEVELS = [0.1, 0.3, 0.5, 0.7, 0.9]
SHADES = ["#eef2ff", "#e0e7ff", "#c7d2fe", "#a5b4fc", "#818cf8"]


def score(x: float, y: float) -> float:
    return math.exp(-0.5 * (((x - CENTRE[0]) / SCALE[0]) ** 2 + ((y - CENTRE[1]) / SCALE[1]) ** 2))


def searches() -> list[list[tuple[float, float, float]]]:
    """(x, y, score) of every trial of the three studies, in trial order."""
    import optuna

    samplers = [
        optuna.samplers.GridSampler({"x": GRID, "y": GRID}, seed=0),
        optuna.samplers.RandomSampler(seed=0),
        optuna.samplers.TPESampler(seed=0),
    ]
    level = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(logging.WARNING)
    try:
        runs = []
        for sampler in samplers:
            study = optuna.create_study(direction="maximize", sampler=sampler)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                study.optimize(lambda trial: score(trial.suggest_float("x", 0, 1), trial.suggest_float("y", 0, 1)),
                               n_trials=BUDGET)
            runs.append([(t.params["x"], t.params["y"], t.value) for t in study.trials])
        return runs
    finally:
        optuna.logging.set_verbosity(level)


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 690, t["title"])
    small = c.small
    x0, width, height = 64, 472, 96
    clip = c.clip("plot", 0, 0, width, height)
    runs = searches()

    for k, (name, trials) in enumerate(zip(t["panels"], runs)):
        top = 20 + k * 168
        c.text(x0, top + 24, name, size=small, anchor="start", weight="bold")
        best = max(trials, key=lambda trial: trial[2])
        c.text(x0 + width, top + 24, t["best"].format(best[2]), size=small, anchor="end", fill=MUTED)
        py = top + 38

        def px(x, y, _py=py):
            return x0 + x * width, _py + (1 - y) * height

        # The score's level sets, lightest (lowest) first, clipped to the unit square.
        c.raw(f'<g transform="translate({x0} {py})"><g {clip}>')
        c.rect(0, 0, width, height, fill="#f8fafc", stroke="none", rx=0)
        for level, shade in zip(LEVELS, SHADES):
            r = math.sqrt(-2 * math.log(level))
            c.ellipse(CENTRE[0] * width, (1 - CENTRE[1]) * height, r * SCALE[0] * width, r * SCALE[1] * height,
                      fill=shade, stroke="#6366f1", width=0.8)
        c.raw("</g></g>")
        c.rect(x0, py, width, height, stroke=MUTED, width=1.5, rx=0)
        for tick, label in ((0, "0"), (1, "1")):
            c.text(x0 - 8, py + (1 - tick) * height + 7, label, size=small, anchor="end", fill=MUTED)

        # Trials; TPE's random start-up trials hollow.
        for i, (x, y, _) in enumerate(trials):
            sx, sy = px(x, y)
            hollow = k == 2 and i < 10
            c.circle(sx, sy, 5, fill="#ffffff" if hollow else INK, stroke=INK, width=1.8)
        bx, by = px(best[0], best[1])
        c.circle(bx, by, 10, stroke=RED[1], width=2.5)
        # The distinct values of hyperparameter 1 that were tried, as ticks under the axis.
        for x in sorted({round(trial[0], 4) for trial in trials}):
            c.line([(x0 + x * width, py + height + 3), (x0 + x * width, py + height + 15)], stroke=INK, width=1.5)

    bottom = 20 + 3 * 168 - 10
    for tick, label in ((0, "0"), (0.5, "0.5"), (1, "1")):
        c.text(x0 + tick * width, bottom + 16, label, size=small, fill=MUTED,
               anchor={0: "start", 1: "end"}.get(tick, "middle"))
    c.text(x0 + width / 2, bottom + 44, t["x"], size=small)
    c.text(26, 20 + 38 + 1.5 * 168, t["y"], size=small, rotate=-90)
    # Legend.
    ly = bottom + 84
    for i, shade in enumerate(["#f8fafc"] + SHADES):  # the bands, lowest first
        c.rect(x0 + i * 22, ly - 14, 22, 18, fill=shade, stroke="#6366f1", width=0.8, rx=0)
    c.text(x0 + 6 * 22 + 12, ly, t["shade"], size=small, anchor="start")
    c.circle(x0 + 66, ly + 30, 5, fill="#ffffff", stroke=INK, width=1.8)
    c.text(x0 + 6 * 22 + 12, ly + 36, t["startup"], size=small, anchor="start")
    c.circle(x0 + 66, ly + 66, 10, stroke=RED[1], width=2.5)
    c.text(x0 + 6 * 22 + 12, ly + 72, t["found"], size=small, anchor="start")
    return c.svg()


NEAR = SCALE[0]  # "near the best value": within one band half-width of x = 0.6
STARTUP = 10  # TPESampler's default n_startup_trials


def summary() -> list[dict]:
    """Per panel: distinct x values, best score, and trials within NEAR of the best x (all, after STARTUP)."""
    rows = []
    for run in searches():
        near = [abs(x - CENTRE[0]) <= NEAR for x, _, _ in run]
        rows.append({"distinct_x": len({round(x, 4) for x, _, _ in run}), "best": round(max(s for *_, s in run), 2),
                     "near": sum(near), "near_after_startup": sum(near[STARTUP:]), "after_startup": len(near[STARTUP:])})
    return rows


if __name__ == "__main__":  # the numbers the caption and alt text quote
    for name, row in zip(LABELS["en"]["panels"], summary()):
        print(name, row)
