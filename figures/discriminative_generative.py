"""A discriminative decision boundary next to generative class densities.

Computed from the scikit-learn example of machine-learning/discriminative-vs-generative.md,
with the same data (seed 0: 40 "anime" images around (0.8, 0.7), 60 "photo"
images around (0.4, 0.3), features colour saturation and edge sharpness) and
the same models. Left: LogisticRegression models P(y | x) directly; its
iso-probability lines are parallel straight lines. Right: GaussianNB models
P(x | y) P(y); the rings are level sets of each class's joint density (axis-
aligned ellipses, exact), and the boundary is where the two joint densities
are equal. The marked point is the page's x_new = (0.6, 0.5) with each model's
P(photo | x).
"""

from __future__ import annotations

import math

import numpy as np

from figures._svg import BLUE, INK, MUTED, ORANGE, Canvas, num

TARGET = "machine-learning/img/discriminative-vs-generative.svg"

LABELS = {
    "en": {
        "title": "Logistic regression's decision boundary next to Gaussian naive Bayes' class densities",
        "left": ["Discriminative", "learns P(y | x)"],
        "right": ["Generative", "learns P(x | y) P(y)"],
        "x": "colour saturation",
        "y": "edge sharpness",
        "anime": "anime (40)",
        "photo": "photo (60)",
        "boundary": "decision boundary",
        "point": "x = (0.6, 0.5)",
        "numbers": "numbers: P(photo | x); rings: P(x | y) P(y)",
    },
    "zh": {
        "title": "逻辑回归的决策边界与高斯朴素贝叶斯的类条件密度对照",
        "left": ["判别式", "学习 P(y | x)"],
        "right": ["生成式", "学习 P(x | y) P(y)"],
        "x": "色彩饱和度",
        "y": "边缘锐利度",
        "anime": "二次元（40）",
        "photo": "写实（60）",
        "boundary": "决策边界",
        "point": "x = (0.6, 0.5)",
        "numbers": "数字为 P(photo | x)；圆环为 P(x | y) P(y) 等高线",
    },
}

LIMITS = (0.0, 1.1)
X_NEW = (0.6, 0.5)


def fit():
    """The page's data and models, exactly as its scikit-learn example builds them."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB

    rng = np.random.default_rng(0)
    anime = rng.normal([0.8, 0.7], 0.1, size=(40, 2))
    photo = rng.normal([0.4, 0.3], 0.1, size=(60, 2))
    X = np.vstack([anime, photo])
    y = np.array([0] * 40 + [1] * 60)  # 0 = anime, 1 = photo
    return X, y, GaussianNB().fit(X, y), LogisticRegression().fit(X, y)


def _clip_line(w, b, level):
    """The segment of w.x + b = level inside the square LIMITS^2 (None if it misses)."""
    lo, hi = LIMITS
    points = []
    for x in (lo, hi):  # crossings of the left and right edges
        if abs(w[1]) > 1e-12:
            y = (level - b - w[0] * x) / w[1]
            if lo <= y <= hi:
                points.append((x, y))
    for y in (lo, hi):  # crossings of the bottom and top edges
        if abs(w[0]) > 1e-12:
            x = (level - b - w[1] * y) / w[0]
            if lo < x < hi:
                points.append((x, y))
    points = sorted(set(points))
    return (points[0], points[-1]) if len(points) >= 2 else None


def _bayes_boundary(gnb, steps=160):
    """Points where the two classes' joint densities P(x | y) P(y) are equal, inside the square.

    log P(x, y=1) - log P(x, y=0) is a sum of one quadratic per feature (naive
    Bayes), so for each value of feature 1 the boundary's feature 2 solves a
    quadratic equation."""
    m, v, prior = gnb.theta_, gnb.var_, gnb.class_prior_
    a = -0.5 / v[1] + 0.5 / v[0]
    bq = m[1] / v[1] - m[0] / v[0]
    const = (-0.5 * (m[1] ** 2 / v[1] - m[0] ** 2 / v[0]) - 0.5 * np.log(v[1] / v[0])).sum() \
        + math.log(prior[1] / prior[0])
    lo, hi = LIMITS
    points = []
    for x1 in np.linspace(lo, hi, steps):
        c0 = a[0] * x1 ** 2 + bq[0] * x1 + const
        if abs(a[1]) < 1e-12:
            roots = [-c0 / bq[1]]
        else:
            disc = bq[1] ** 2 - 4 * a[1] * c0
            if disc < 0:
                continue
            roots = [(-bq[1] + s * math.sqrt(disc)) / (2 * a[1]) for s in (1, -1)]
        inside = [r for r in roots if lo <= r <= hi]
        if inside:
            points.append((x1, min(inside, key=lambda r: abs(r - 0.5))))
    return points


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 500, t["title"])
    small = c.small
    X, y, gnb, lr = fit()
    size, top = 224, 84
    panels = [(62, "left"), (318, "right")]
    lo, hi = LIMITS
    colours = {0: BLUE[1], 1: ORANGE[1]}
    post_lr = lr.predict_proba([X_NEW])[0, 1]
    post_nb = gnb.predict_proba([X_NEW])[0, 1]

    for k, (x0, key) in enumerate(panels):
        def px(p, _x0=x0):
            return _x0 + (p[0] - lo) / (hi - lo) * size, top + (hi - p[1]) / (hi - lo) * size

        c.lines(x0 + size / 2, 40, t[key], size=small, heading=True)
        clip = c.clip(f"panel{k}", x0, top, size, size)
        c.rect(x0, top, size, size, fill="#f8fafc", stroke="none", rx=0)
        c.raw(f"<g {clip}>")
        labels = []
        if key == "left":  # P(photo | x) = sigma(w.x + b): straight iso-probability lines
            w, b = lr.coef_[0], lr.intercept_[0]
            for p, dash in ((0.1, "6 5"), (0.9, "6 5"), (0.5, None)):
                segment = _clip_line(w, b, math.log(p / (1 - p)))
                if segment:
                    c.line([px(q) for q in segment], stroke=INK, width=2.5 if dash is None else 1.5, dash=dash)
                    ex, ey = px(max(segment, key=lambda q: q[1]))  # label the line where it leaves the top
                    labels.append((ex + 4, ey + 22, f"{p:.1f}"))
        else:  # joint density rings per class, then the boundary where they are equal
            peaks = gnb.class_prior_ / (2 * np.pi * np.sqrt(gnb.var_.prod(axis=1)))
            for cls in (0, 1):
                for level in (0.15, 0.45, 0.8):
                    r = math.sqrt(-2 * math.log(level * peaks.min() / peaks[cls]))
                    cx, cy = px(gnb.theta_[cls])
                    rx, ry = (r * np.sqrt(gnb.var_[cls]) / (hi - lo) * size)
                    c.ellipse(cx, cy, rx, ry, fill=colours[cls], stroke=colours[cls], width=1.5,
                              opacity=0.14 if level > 0.5 else 0.08)
                    c.ellipse(cx, cy, rx, ry, stroke=colours[cls], width=1.5)
            c.line([px(q) for q in _bayes_boundary(gnb)], stroke=INK, width=2.5)
        for cls in (0, 1):
            for point in X[y == cls]:
                sx, sy = px(point)
                c.circle(sx, sy, 3.2, fill=colours[cls], stroke="#ffffff", width=0.8, opacity=0.85)
        c.raw("</g>")
        for lx, ly, text in labels:
            c.text(lx, ly, text, size=small, anchor="start", weight="bold")
        c.rect(x0, top, size, size, stroke=MUTED, width=1.5, rx=0)
        # The page's new sample, with this model's posterior for "photo".
        sx, sy = px(X_NEW)
        c.path(f"M{num(sx)} {num(sy - 9)} L{num(sx + 9)} {num(sy)} L{num(sx)} {num(sy + 9)} L{num(sx - 9)} {num(sy)} z",
               fill="#facc15", stroke=INK, width=2)
        c.text(sx + 10, sy + 28, f"{post_lr if key == 'left' else post_nb:.2f}", size=small, anchor="start",
               weight="bold")
        for tick in (0.2, 0.6, 1.0):
            tx, ty = px((tick, lo))
            c.text(tx, ty + 24, f"{tick:.1f}", size=small, fill=MUTED)
            if k == 0:
                tx, ty = px((lo, tick))
                c.text(tx - 6, ty + 7, f"{tick:.1f}", size=small, anchor="end", fill=MUTED)
        c.text(x0 + size / 2, top + size + 52, t["x"], size=small)
    c.text(18, top + size / 2, t["y"], size=small, rotate=-90)

    # Legend.
    ly = top + size + 92
    c.circle(72, ly - 6, 6, fill=colours[0], stroke="#ffffff", width=0.8)
    c.text(86, ly, t["anime"], size=small, anchor="start")
    c.circle(318, ly - 6, 6, fill=colours[1], stroke="#ffffff", width=0.8)
    c.text(332, ly, t["photo"], size=small, anchor="start")
    c.line([(58, ly + 30), (86, ly + 30)], stroke=INK, width=2.5)
    c.text(96, ly + 36, t["boundary"], size=small, anchor="start")
    c.path(f"M318 {ly + 21} L327 {ly + 30} L318 {ly + 39} L309 {ly + 30} z", fill="#facc15", stroke=INK, width=2)
    c.text(332, ly + 36, t["point"], size=small, anchor="start")
    c.text(58, ly + 72, t["numbers"], size=small, anchor="start", fill=MUTED)
    return c.svg()
