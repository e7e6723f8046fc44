"""Self- and cross-attention inside one Transformer block of the Stable Diffusion U-Net.

As deep-learning/attention-mechanisms.md describes it (SD 1.x): the latent
feature map is flattened into n = h*w image tokens; self-attention takes Q, K
and V from those tokens (an n x n map); cross-attention takes Q from the image
tokens and K, V from the CLIP ViT-L/14 text encoder's 77 x 768 output (an
n x 77 map), so the output keeps the length of Q. Both are multi-head, 8 heads.
The numbers in the example line are those of SD 1.x at 512 x 512: a 64 x 64
latent and 320 channels in the first block.
"""

from __future__ import annotations

from itertools import pairwise

from figures._svg import BLUE, GRAY, MUTED, ORANGE, PURPLE, Canvas

TARGET = "deep-learning/img/sd-self-cross-attention.svg"

LABELS = {
    "en": {
        "title": "Self-attention and cross-attention in a Stable Diffusion U-Net block",
        "unet": "U-Net (denoiser)",
        "block": "one Transformer block (8 heads)",
        "features": "latent feature map h × w × c",
        "flatten": "flatten: n = h·w image tokens",
        "example": "SD 1.x: 64 × 64 × 320 → n = 4096",
        "self": "Self-attention",
        "self_qkv": "Q, K, V ← image tokens",
        "self_map": "attention map n × n",
        "cross": "Cross-attention",
        "cross_q": "Q ← image tokens",
        "cross_kv": "K, V ← text tokens",
        "cross_map": "attention map n × 77",
        "ffn": "Feed-forward",
        "reshape": "back to h × w × c",
        "prompt": ["prompt", "“a photo of a dog”"],
        "encoder": ["CLIP ViT-L/14", "text encoder"],
        "text": "77 × 768",
    },
    "zh": {
        "title": "Stable Diffusion U-Net 块中的自注意力与交叉注意力",
        "unet": "U-Net（去噪网络）",
        "block": "一个 Transformer 块（8 个头）",
        "features": "潜空间特征图 h × w × c",
        "flatten": "展平：n = h·w 个图像 token",
        "example": "SD 1.x：64 × 64 × 320 → n = 4096",
        "self": "自注意力",
        "self_qkv": "Q、K、V ← 图像 token",
        "self_map": "注意力图 n × n",
        "cross": "交叉注意力",
        "cross_q": "Q ← 图像 token",
        "cross_kv": "K、V ← 文本 token",
        "cross_map": "注意力图 n × 77",
        "ffn": "前馈网络",
        "reshape": "还原为 h × w × c",
        "prompt": ["提示词", "“a photo of a dog”"],
        "encoder": ["CLIP ViT-L/14", "文本编码器"],
        "text": "77 × 768",
    },
}

# The U-Net sketch: (x, top, height) of each stage, left (down) to right (up).
STAGES = [(214, 22, 76), (254, 32, 56), (294, 42, 36), (334, 52, 16),
          (394, 52, 16), (434, 42, 36), (474, 32, 56), (514, 22, 76)]


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 690, t["title"])
    small = c.small

    # A U-Net in outline; its first down stage (64 x 64 in SD 1.x) opens into the block below.
    for i, (x, y, h) in enumerate(STAGES):
        colors = ORANGE if i == 0 else GRAY
        c.rect(x, y, 28, h, fill=colors[0], stroke=colors[1], width=2.5 if i == 0 else 1.5, rx=4)
    for (x1, y1, h1), (x2, y2, h2) in pairwise(STAGES):
        c.arrow([(x1 + 29, y1 + h1 / 2), (x2 - 2, y2 + h2 / 2)], width=1.5)
    for i in range(3):  # skip connections across the U
        (x1, y1, _), (x2, _, _) = STAGES[i], STAGES[7 - i]
        c.arrow([(x1 + 30, y1 + 7), (x2 - 2, y1 + 7)], stroke="#94a3b8", width=1.5, dash="4 4")
    c.text(30, 66, t["unet"], size=small, anchor="start", fill=MUTED)

    top = 126
    c.line([(214, 98), (16, top)], stroke=ORANGE[1], width=1.5, dash="5 4")
    c.line([(242, 98), (544, top)], stroke=ORANGE[1], width=1.5, dash="5 4")
    c.rect(16, top, 528, 546, fill="none", stroke=ORANGE[1], width=2, rx=10)
    c.text(32, top + 32, t["block"], size=small, anchor="start", weight="bold", fill=ORANGE[1])

    mx = 176  # centre of the image-token stream
    c.text(36, top + 76, t["features"], size=small, anchor="start")
    c.text(36, top + 104, t["flatten"], size=small, anchor="start")
    c.text(36, top + 132, t["example"], size=small, anchor="start", fill=MUTED)
    c.arrow([(mx, top + 144), (mx, top + 166)])

    sy = top + 168  # self-attention: Q, K and V all from the image tokens
    c.box(36, sy, 280, 92, [t["self"], t["self_qkv"], t["self_map"]], colors=BLUE, size=small, heading=True)
    c.arrow([(mx, sy + 92), (mx, sy + 114)])
    cy = sy + 116  # cross-attention: Q from the image tokens, K and V from the text
    c.box(36, cy, 280, 118, [t["cross"], t["cross_q"], t["cross_kv"], t["cross_map"]], colors=PURPLE,
          size=small, heading=True)
    c.arrow([(mx, cy + 118), (mx, cy + 140)])
    fy = cy + 142
    c.box(36, fy, 280, 44, t["ffn"], colors=GRAY, size=small, heading=True)
    c.arrow([(mx, fy + 44), (mx, fy + 64)])
    c.text(mx, fy + 88, t["reshape"], size=small)

    tx = 440  # the text side
    c.box(340, sy - 4, 200, 64, t["prompt"], colors=GRAY, size=small)
    c.arrow([(tx, sy + 60), (tx, sy + 80)])
    c.box(340, sy + 82, 200, 64, t["encoder"], colors=GRAY, size=small)
    c.arrow([(tx, sy + 146), (tx, cy + 72), (318, cy + 72)], stroke=PURPLE[1], width=2.5)
    c.text(tx - 10, cy + 60, t["text"], size=small, anchor="end", fill=PURPLE[1], weight="bold")
    return c.svg()
