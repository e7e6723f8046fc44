"""The compression pipeline of deployment/model-compression.md ("Combining the two").

The page's typical pipeline, in its order: pick a lightweight architecture as
the student, distill it from a large model, apply structured pruning and
fine-tune, quantize to INT8 (PTQ first, QAT if accuracy falls short), then
export with an inference engine (TensorRT, NCNN, TFLite). The bands show the
article's front-end/back-end split by time; the page's second convention (by
how much the structure changes) puts these same steps on the same sides.
FP32 -> INT8 is 4 bytes -> 1 byte per weight, as the page's quantization example prints.
"""

from __future__ import annotations

from figures._svg import BLUE, GREEN, INK, ORANGE, PURPLE, Canvas

TARGET = "deployment/img/compression-pipeline.svg"

LABELS = {
    "en": {
        "title": "A typical compression pipeline, split into front end and back end",
        "front": "Front end: design and training",
        "back": "Back end: after training",
        "steps": [
            ["Teacher", "a large, accurate model"],
            ["Distil a lightweight student", "it learns the teacher's", "soft targets (temperature T)"],
            ["Structured pruning", "drop whole filters, channels", "or heads; then fine-tune"],
            ["Quantize to INT8", "PTQ first, QAT if accuracy", "falls short; 4× fewer bytes"],
            ["Export with an inference", "engine: TensorRT, NCNN,", "TFLite → phone, IoT, car"],
        ],
    },
    "zh": {
        "title": "典型的模型压缩流水线及其前端、后端划分",
        "front": "前端压缩：设计与训练阶段",
        "back": "后端压缩：训练之后",
        "steps": [
            ["教师模型", "大而准的模型"],
            ["蒸馏出轻量学生模型", "学生学习教师的软标签", "（温度 T）"],
            ["结构化剪枝", "整体去掉滤波器、通道或", "注意力头，再微调"],
            ["INT8 量化", "先 PTQ，不达标再做 QAT", "字节数减为 1/4"],
            ["用推理引擎导出部署", "TensorRT、NCNN、TFLite", "→ 手机、IoT 设备、车载"],
        ],
    },
}

# The small network drawn beside each step: nodes per layer, and which nodes are pruned.
NETWORKS = [
    ([5, 5, 5, 3], set()),
    ([3, 3, 2], set()),
    ([3, 3, 2], {(1, 1)}),
    ([3, 3, 2], {(1, 1)}),
]


def network(c: Canvas, cx: float, cy: float, layers, pruned, colors, *, quantized=False):
    """Layers of nodes joined layer to layer; pruned nodes are hollow and unconnected."""
    fill, stroke = colors
    gap_x = 22 if len(layers) > 3 else 26
    xs = [cx + (i - (len(layers) - 1) / 2) * gap_x for i in range(len(layers))]
    nodes = []
    for i, count in enumerate(layers):
        gap_y = 12 if count > 3 else 16
        nodes.append([(xs[i], cy + (j - (count - 1) / 2) * gap_y) for j in range(count)])
    for i in range(len(layers) - 1):
        for a, pa in enumerate(nodes[i]):
            for b, pb in enumerate(nodes[i + 1]):
                if (i, a) in pruned or (i + 1, b) in pruned:
                    continue
                c.line([pa, pb], stroke=stroke, width=2.2 if quantized else 1, opacity=0.7)
    for i, layer in enumerate(nodes):
        for j, (x, y) in enumerate(layer):
            if (i, j) in pruned:
                c.circle(x, y, 4.5, fill="#ffffff", stroke=stroke, width=1.2, dash="2 2")
            elif quantized:
                c.rect(x - 4.5, y - 4.5, 9, 9, fill=stroke, stroke="none", rx=0)
            else:
                c.circle(x, y, 4.5, fill=fill, stroke=stroke, width=1.5)


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 556, t["title"])
    small = c.small
    icon_x, text_x = 76, 150
    row = 84

    bands = [(t["front"], BLUE, 20, 3), (t["back"], ORANGE, 20 + 40 + 3 * row + 16, 2)]
    centres = []
    for label, colors, top, rows in bands:
        height = 40 + rows * row
        c.rect(14, top, 532, height, fill=colors[0], stroke=colors[1], width=1.5, rx=10, opacity=0.9)
        c.text(30, top + 28, label, size=small, anchor="start", weight="bold", fill=colors[1])
        centres += [top + 40 + (i + 0.5) * row for i in range(rows)]

    for i, (cy, lines) in enumerate(zip(centres, t["steps"])):
        c.lines(text_x, cy, lines, size=small, anchor="start", heading=True, leading=1.25)
        if i < len(NETWORKS):
            layers, pruned = NETWORKS[i]
            c.rect(icon_x - 52, cy - 36, 104, 72, fill="#ffffff", stroke="#cbd5e1", width=1, rx=8)
            network(c, icon_x, cy, layers, pruned, PURPLE if i == 0 else GREEN, quantized=i == 3)
        else:  # export: a phone
            c.rect(icon_x - 20, cy - 34, 40, 68, fill="#ffffff", stroke=INK, width=2, rx=7)
            c.rect(icon_x - 14, cy - 26, 28, 46, fill=GREEN[0], stroke=GREEN[1], width=1, rx=2)
            c.circle(icon_x, cy + 27, 2.5, fill=INK, stroke="none")
        if i < len(centres) - 1:
            c.arrow([(icon_x, cy + 37), (icon_x, centres[i + 1] - 38)], stroke=INK, width=2)
    return c.svg()
