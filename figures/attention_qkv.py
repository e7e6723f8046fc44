"""Scaled dot-product attention (left) and multi-head attention (right).

Follows the formulas of deep-learning/attention-mechanisms.md: softmax(QK^T / sqrt(d_k)) V,
and MultiHead = Concat(head_1, ..., head_h) W^O with head_i = Attention(QW_i^Q, KW_i^K, VW_i^V).
The attention-weight matrix in the middle is computed, not drawn: a seeded
random Q (n = 4) and K (m = 6) pushed through the same formula, so every row
really sums to 1.
"""

from __future__ import annotations

import numpy as np

from figures._svg import BLUE, GRAY, GREEN, MUTED, ORANGE, PURPLE, Canvas

TARGET = "deep-learning/img/attention-qkv.svg"

LABELS = {
    "en": {
        "title": "Scaled dot-product attention and multi-head attention",
        "left": ["Scaled dot-product", "attention"],
        "right": ["Multi-head", "attention"],
        "scores": "QK^{T} / √d_{k}",
        "mask": "mask (optional)",
        "weights": ["weights A: n × m,", "each row sums to 1"],
        "apply": "A · V",
        "out_left": "output: n × d_{v}",
        "heads": ["scaled dot-product", "attention, h heads"],
        "concat": "Concat(head_{1} … head_{h})",
        "out_right": "output: n × d_{model}",
        "base": ["Transformer-base: h = 8,", "d_{k} = d_{v} = 512 / 8 = 64"],
    },
    "zh": {
        "title": "缩放点积注意力与多头注意力",
        "left": ["缩放点积注意力"],
        "right": ["多头注意力"],
        "scores": "QK^{T} / √d_{k}",
        "mask": "掩码（可选）",
        "weights": ["权重 A：n × m，", "每行之和为 1"],
        "apply": "A · V",
        "out_left": "输出：n × d_{v}",
        "heads": ["缩放点积注意力", "共 h 个头"],
        "concat": "Concat(head_{1} … head_{h})",
        "out_right": "输出：n × d_{model}",
        "base": ["Transformer-base：h = 8，", "d_{k} = d_{v} = 512 / 8 = 64"],
    },
}

N_QUERIES, N_KEYS, D_K = 4, 6, 8


def attention_weights(seed: int = 0) -> np.ndarray:
    """softmax(QK^T / sqrt(d_k)) for a small random Q and K: an n x m matrix."""
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((N_QUERIES, D_K))
    k = rng.standard_normal((N_KEYS, D_K))
    scores = q @ k.T / np.sqrt(D_K)
    scores -= scores.max(axis=1, keepdims=True)
    weights = np.exp(scores)
    return weights / weights.sum(axis=1, keepdims=True)


def _mix(weight: float) -> str:
    """White to the attention blue, by weight in [0, 1]."""
    lo, hi = np.array([255, 255, 255]), np.array([37, 99, 235])
    r, g, b = np.round(lo + (hi - lo) * weight).astype(int)
    return f"#{r:02x}{g:02x}{b:02x}"


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 700, t["title"])
    small = c.small

    # Column titles.
    for cx, key in ((146, "left"), (414, "right")):
        c.lines(cx, 44, t[key], weight="bold")
    c.line([(280, 24), (280, 676)], stroke="#d1d5db", width=1.5, dash="6 6")

    # Inputs Q, K, V in both columns, each with its shape in the left column.
    top = 92
    shapes = {"Q": "n × d_{k}", "K": "m × d_{k}", "V": "m × d_{v}"}
    for offset in (0, 268):
        for i, name in enumerate("QKV"):
            x = 26 + offset + i * 90
            c.box(x, top, 60, 42, name, colors=BLUE, weight="bold")
            if offset == 0:
                c.text(x + 30, top + 66, shapes[name], size=small, fill=MUTED)

    # Left: scores, mask, softmax weights, weights times V.
    c.arrow([(56, top + 76), (76, 188)])
    c.arrow([(146, top + 76), (146, 188)])
    c.box(26, 190, 174, 46, t["scores"], colors=ORANGE)
    c.arrow([(113, 236), (113, 258)])
    c.box(26, 260, 174, 42, t["mask"], colors=GRAY, dash="6 5", size=small)
    c.arrow([(113, 302), (113, 324)])
    c.box(26, 326, 174, 42, "softmax", colors=ORANGE)

    weights = attention_weights()
    cell = 20
    gx, gy = 113 - N_KEYS * cell / 2, 392
    c.arrow([(113, 368), (113, gy - 4)])
    for i in range(N_QUERIES):
        for j in range(N_KEYS):
            c.rect(gx + j * cell, gy + i * cell, cell, cell, fill=_mix(weights[i, j] / weights.max()),
                   stroke="#93c5fd", width=1, rx=0)
    c.rect(gx, gy, N_KEYS * cell, N_QUERIES * cell, stroke=BLUE[1], width=2, rx=0)
    c.lines(113, gy + N_QUERIES * cell + 40, t["weights"], size=small, fill=MUTED)
    wy = gy + N_QUERIES * cell + 74
    c.arrow([(113, wy - 6), (113, wy + 18)])
    c.box(26, wy + 20, 174, 44, t["apply"], colors=ORANGE)
    # V runs down the right edge of the column into A . V.
    c.arrow([(236, top + 76), (236, wy + 42), (202, wy + 42)])
    c.arrow([(113, wy + 64), (113, wy + 88)])
    c.text(113, wy + 116, t["out_left"], size=small)

    # Right: per-head projections, h stacked attention heads, concat, W^O.
    for i, name in enumerate("QKV"):
        x = 294 + i * 90
        c.arrow([(x + 30, top + 42), (x + 30, 186)])
        for layer in (2, 1, 0):
            c.rect(x + layer * 5, 188 - layer * 5, 60, 42, fill=GREEN[0], stroke=GREEN[1], rx=6)
        c.text(x + 30, 216, f"W_{{i}}^{{{name}}}")
    for i in range(3):
        x = 324 + i * 90
        c.arrow([(x, 230), (414 + (i - 1) * 30, 268)])
    for layer in (2, 1, 0):
        c.rect(296 + layer * 6, 274 - layer * 6, 236, 64, fill=ORANGE[0], stroke=ORANGE[1], rx=8)
    c.lines(414, 306, t["heads"], size=small)
    c.arrow([(414, 338), (414, 366)])
    # The h head outputs side by side, then concatenated.
    colors = ["#2563eb", "#c2410c", "#15803d", "#6d28d9", "#0f766e", "#b91c1c", "#a16207", "#475569"]
    for i, color in enumerate(colors):
        c.rect(318 + i * 24, 368, 24, 22, fill=color, stroke="#ffffff", width=1.5, rx=0, opacity=0.85)
    c.text(414, 418, t["concat"], size=small)
    c.arrow([(414, 428), (414, 452)])
    c.box(354, 454, 120, 44, "W^{O}", colors=PURPLE, weight="bold")
    c.arrow([(414, 498), (414, 522)])
    c.text(414, 550, t["out_right"], size=small)
    c.lines(414, 620, t["base"], size=small, fill=MUTED)
    return c.svg()
