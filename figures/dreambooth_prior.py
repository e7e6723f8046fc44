"""One DreamBooth training step with class-specific prior preservation.

As ai-painting/dreambooth.md describes it: before training, the frozen original
model generates class images x_pr from the class prompt c_pr ("a dog"); every
batch holds subject images (prompt c = "a [V] dog") and class images; the VAE
stays frozen, the U-Net is trained (the text encoder only optionally); the
prediction is split in two halves and the loss is the noise-prediction form
||eps - eps_theta(z_t, t, c)||^2 + lambda ||eps' - eps_theta(z'_t', t', c_pr)||^2,
lambda = 1, as in the diffusers implementation the page shows.
"""

from __future__ import annotations

from figures._svg import BLUE, GREEN, MUTED, ORANGE, RED, Canvas

TARGET = "ai-painting/img/dreambooth-prior-preservation.svg"

LABELS = {
    "en": {
        "title": "A DreamBooth training step with prior preservation",
        "frozen": ["original model (frozen)", "run before training"],
        "subject": ["subject images x", "3–5 photos"],
        "class": ["class images x_{pr}", "200–300, generated"],
        "c": "c = “a [V] dog”",
        "c_pr": "c_{pr} = “a dog”",
        "batch_subject": "subject half",
        "batch_class": "class half",
        "batch": "one batch",
        "noise": ["VAE encoder (frozen), add noise", "ε, ε′ at random timesteps t, t′"],
        "unet": ["U-Net ε_{θ}", "trained"],
        "encoder": ["text encoder", "frozen or trained"],
        "instance": ["instance loss", "‖ε − ε_{θ}(z_{t}, t, c)‖²"],
        "prior": ["prior-preservation loss", "‖ε′ − ε_{θ}(z′_{t′}, t′, c_{pr})‖²"],
        "split": "split the prediction in two halves",
        "total": "L = instance loss + λ · prior loss,  λ = 1",
        "update": "update θ",
    },
    "zh": {
        "title": "带先验保持的 DreamBooth 训练步骤",
        "frozen": ["原模型（冻结）", "训练开始前运行一次"],
        "subject": ["主体图像 x", "3～5 张照片"],
        "class": ["类别图像 x_{pr}", "原模型生成 200～300 张"],
        "c": "c = “a [V] dog”",
        "c_pr": "c_{pr} = “a dog”",
        "batch_subject": "主体样本",
        "batch_class": "类别样本",
        "batch": "同一个 batch",
        "noise": ["VAE 编码（冻结）后加噪", "ε、ε′，随机时间步 t、t′"],
        "unet": ["U-Net ε_{θ}", "参与训练"],
        "encoder": ["文本编码器", "冻结或一起训练"],
        "instance": ["主体损失", "‖ε − ε_{θ}(z_{t}, t, c)‖²"],
        "prior": ["先验保持损失", "‖ε′ − ε_{θ}(z′_{t′}, t′, c_{pr})‖²"],
        "split": "预测结果按前后两半拆开",
        "total": "L = 主体损失 + λ · 先验保持损失，λ = 1",
        "update": "更新 θ",
    },
}

FROZEN = ("#f1f5f9", "#475569")


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 640, t["title"])
    small = c.small
    left, right = 144, 408  # column centres

    # Inputs: the subject photos, and the class images the frozen model made.
    c.box(280, 20, 256, 62, t["frozen"], colors=FROZEN, size=small, dash="7 5")
    c.arrow([(right, 82), (right, 104)])
    c.box(24, 106, 240, 62, t["subject"], colors=BLUE, size=small, heading=True)
    c.box(280, 106, 256, 62, t["class"], colors=GREEN, size=small, heading=True)
    c.text(left, 196, t["c"], size=small, fill=BLUE[1], weight="bold")
    c.text(right, 196, t["c_pr"], size=small, fill=GREEN[1], weight="bold")

    # One batch: the two kinds side by side.
    c.arrow([(left, 206), (left, 228)])
    c.arrow([(right, 206), (right, 228)])
    c.rect(24, 230, 248, 40, fill=BLUE[0], stroke=BLUE[1], rx=0)
    c.rect(272, 230, 264, 40, fill=GREEN[0], stroke=GREEN[1], rx=0)
    c.text(left, 257, t["batch_subject"], size=small)
    c.text(right, 257, t["batch_class"], size=small)
    c.text(280, 294, t["batch"], size=small, fill=MUTED)

    c.arrow([(280, 302), (280, 318)])
    c.box(24, 320, 512, 62, t["noise"], colors=FROZEN, size=small)
    c.arrow([(226, 382), (226, 404)])
    c.box(126, 406, 200, 62, t["unet"], colors=ORANGE, size=small, heading=True)
    c.box(344, 406, 192, 62, t["encoder"], colors=FROZEN, size=small)
    c.arrow([(344, 437), (328, 437)])

    # The prediction is split; each half has its own loss.
    c.text(280, 494, t["split"], size=small, fill=MUTED)
    c.line([(226, 468), (226, 476)])
    c.arrow([(144, 504), (144, 522)])
    c.arrow([(408, 504), (408, 522)])
    c.line([(144, 504), (408, 504)])
    c.box(24, 524, 240, 66, t["instance"], colors=BLUE, size=small)
    c.box(280, 524, 256, 66, t["prior"], colors=GREEN, size=small)
    c.text(280, 620, t["total"], size=small, weight="bold", fill=RED[1])
    # Backpropagation closes the loop into the U-Net only.
    c.arrow([(22, 612), (12, 612), (12, 437), (124, 437)], stroke=RED[1], width=2.5)
    c.text(20, 428, t["update"], size=small, anchor="start", fill=RED[1], weight="bold")
    return c.svg()
