"""A benchmark corpus with real vocabulary, for `make bench`.

The older corpus (scripts/dev/bench/corpus.py, `_question`) writes every page from the
same 40 terms, so every query matches every page: a worst case for speed that
hides how search ranks, and how fast it is, on real text. This one is built
so that a typical query term is on a few dozen pages of 1,500, as in a real
collection of interview questions:

* the prose is real: each page takes sentences from one of the handbook's
  own question pages (docs/<lang>/; page i from source i mod 14), so words
  and characters keep their real frequencies and a real page's terms are on
  about one page in 14, not on all of them (drawn from every source at once,
  every real term would be on nearly every page again);
* the domain terms are a bilingual list of about 2,500 (60 heads such as
  注意力机制 / attention mechanism, and modifier + head compounds such as
  稀疏注意力机制 / sparse attention mechanism), drawn with a Zipf-Mandelbrot
  law: each page has three topic terms, named in its title (one or two),
  in a heading and in several sentences, and a few incidental mentions;
* pages keep the project's structure (front matter, headings with ids,
  formulas, code, cross-links), so the build and the search run as on the
  real site.

Term k is the same concept in both languages, and page i has the same topics
in both, so the two languages have the same shape. `queries(lang)` picks the
benchmark's queries from the vocabulary by rank (frequent to rare), plus the
real site's kinds of queries (a mixed Latin + Chinese query, an identifier).
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from scripts.content.layout import DOCS
from scripts.dev.bench.corpus import SECTIONS, front_matter

# Heads: the real queries first (the most frequent ranks), then the
# rest of a deep-learning interview's vocabulary.
HEADS = [
    ("注意力机制", "attention mechanism"), ("梯度消失", "vanishing gradient"), ("反向传播", "backpropagation"),
    ("正则化", "regularization"), ("损失函数", "loss function"), ("扩散模型", "diffusion model"),
    ("知识蒸馏", "knowledge distillation"), ("量化", "quantization"), ("剪枝", "pruning"),
    ("过拟合", "overfitting"), ("欠拟合", "underfitting"), ("批归一化", "batch normalization"),
    ("层归一化", "layer normalization"), ("残差连接", "residual connection"), ("卷积", "convolution"),
    ("池化", "pooling"), ("激活函数", "activation function"), ("学习率", "learning rate"),
    ("优化器", "optimizer"), ("权重衰减", "weight decay"), ("数据增强", "data augmentation"),
    ("交叉验证", "cross-validation"), ("超参数", "hyperparameter"), ("编码器", "encoder"),
    ("解码器", "decoder"), ("词嵌入", "word embedding"), ("位置编码", "positional encoding"),
    ("自注意力", "self-attention"), ("交叉注意力", "cross-attention"), ("多头注意力", "multi-head attention"),
    ("生成对抗网络", "generative adversarial network"), ("变分自编码器", "variational autoencoder"),
    ("对比学习", "contrastive learning"), ("强化学习", "reinforcement learning"),
    ("迁移学习", "transfer learning"), ("微调", "fine-tuning"), ("低秩分解", "low-rank factorization"),
    ("混合精度", "mixed precision"), ("梯度裁剪", "gradient clipping"), ("早停", "early stopping"),
    ("随机失活", "dropout"), ("特征金字塔", "feature pyramid"), ("目标检测", "object detection"),
    ("语义分割", "semantic segmentation"), ("采样器", "sampler"), ("噪声调度", "noise schedule"),
    ("文本编码器", "text encoder"), ("潜空间", "latent space"), ("分词器", "tokenizer"),
    ("束搜索", "beam search"), ("推理加速", "inference acceleration"), ("模型并行", "model parallelism"),
    ("数据并行", "data parallelism"), ("显存优化", "memory optimization"), ("特征选择", "feature selection"),
    ("决策树", "decision tree"), ("支持向量机", "support vector machine"), ("逻辑回归", "logistic regression"),
    ("朴素贝叶斯", "naive Bayes"), ("主成分分析", "principal component analysis"),
]
MODIFIERS = [
    ("稀疏", "sparse"), ("分层", "hierarchical"), ("条件", "conditional"), ("自适应", "adaptive"),
    ("动态", "dynamic"), ("局部", "local"), ("全局", "global"), ("线性", "linear"), ("非线性", "nonlinear"),
    ("双向", "bidirectional"), ("因果", "causal"), ("分组", "grouped"), ("渐进式", "progressive"),
    ("多尺度", "multiscale"), ("轻量级", "lightweight"), ("端到端", "end-to-end"), ("离线", "offline"),
    ("在线", "online"), ("联邦", "federated"), ("增量", "incremental"), ("对称", "symmetric"),
    ("非对称", "asymmetric"), ("混合", "hybrid"), ("结构化", "structured"), ("非结构化", "unstructured"),
    ("可微", "differentiable"), ("随机", "stochastic"), ("确定性", "deterministic"), ("分布式", "distributed"),
    ("鲁棒", "robust"), ("贝叶斯", "Bayesian"), ("无监督", "unsupervised"), ("半监督", "semi-supervised"),
    ("自监督", "self-supervised"), ("多模态", "multimodal"), ("时序", "temporal"), ("空间", "spatial"),
    ("通道", "channel-wise"), ("跨层", "cross-layer"), ("量化感知", "quantization-aware"),
]
# Zipf-Mandelbrot: the weight of rank r is 1 / (r + SHIFT) ** EXPONENT. A
# head holds every rank HEAD_EVERY (heads are common words, and every
# compound of a head holds it too). At N = 1,500 a head is then on 150 to 300
# pages (the "hundreds of matches" case), a compound on 5 to 90.
EXPONENT, SHIFT, HEAD_EVERY = 1.0, 20, 6
TOPICS, INCIDENTAL, FILLER = 3, 2, 18

TITLES = {
    "zh": ["什么是{a}？", "{a}和{b}有什么区别？", "为什么{a}能缓解{b}？", "如何理解{a}？", "{a}在{b}中起什么作用？",
           "面试中如何回答{a}的原理？"],
    "en": ["What is {a}?", "How do {a} and {b} differ?", "Why does {a} help with {b}?", "How should you explain {a}?",
           "What role does {a} play in {b}?", "How do you explain how {a} works in an interview?"],
}
HEADINGS = {"zh": ("简答", "{a}的原理", "公式", "代码", "面试追问"),
            "en": ("Short answer", "How {a} works", "Formula", "Code", "Follow-up questions")}
MENTIONS = {
    "zh": ["{a}常和{b}一起被问到。", "面试官常问{a}与{b}的区别。", "{a}的核心思想可以用{b}来类比。",
           "理解{a}之前，最好先弄清{b}。", "很多实现会把{a}放在{b}之后。", "{a}能缓解{b}带来的问题。",
           "回答{a}时，可以顺带提一句{b}。"],
    "en": ["{a} is often asked about together with {b}.", "Interviewers like to ask how {a} differs from {b}.",
           "The idea behind {a} can be compared with {b}.", "Before {a}, make sure you understand {b}.",
           "Many implementations apply {a} after {b}.", "{a} can ease the problems that {b} brings.",
           "When you explain {a}, mention {b} as well."],
}
# Characters that would turn a harvested sentence into Markdown or HTML
# syntax (links, math, emphasis, tables, admonitions) or leave half of it.
_UNSAFE = re.compile(r"[$<>{}\[\]|\\*_#`~^]|///|https?:")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE = {"zh": re.compile(r"(?<=[。！？])"), "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z])")}


def vocabulary() -> list[tuple[str, str]]:
    """Every term as (zh, en): the heads, then every modifier + head compound."""
    compounds = [(m_zh + h_zh, f"{m_en} {h_en}") for m_zh, m_en in MODIFIERS for h_zh, h_en in HEADS]
    return HEADS + compounds


@cache
def ranked(seed: int = 0) -> tuple[tuple[str, str], ...]:
    """The vocabulary in frequency order: the heads in their order, one every
    HEAD_EVERY ranks, between the compounds shuffled."""
    compounds = vocabulary()[len(HEADS):]
    random.Random(seed).shuffle(compounds)
    order: list[tuple[str, str]] = []
    for k, head in enumerate(HEADS):
        order += [head, *compounds[k * (HEAD_EVERY - 1):(k + 1) * (HEAD_EVERY - 1)]]
    return tuple(order + compounds[len(HEADS) * (HEAD_EVERY - 1):])


@cache
def sentences(lang: str, docs: Path = DOCS) -> tuple[tuple[str, ...], ...]:
    """Plain sentences of each of the handbook's question pages in one
    language: no front matter, code, formulas, tables, admonitions, headings
    or links."""
    return tuple(_sentences(path, lang) for path in sorted((docs / lang).glob("*/*.md")) if path.name != "index.md")


def _sentences(path: Path, lang: str) -> tuple[str, ...]:
    found: list[str] = []
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    text = re.sub(r"^```.*?^```|^\$\$.*?^\$\$|^///.*?^///", "", text, flags=re.DOTALL | re.MULTILINE)
    for line in text.splitlines():
        line = _LINK.sub(r"\1", line.strip())
        line = re.sub(r"^(?:[-+] |\d+\. )", "", line)
        if not line or line[0] in "#|:!" or line.startswith(("    ", "type:", "attrs:")):
            continue
        for sentence in _SENTENCE[lang].split(line):
            sentence = sentence.strip()
            if 12 <= len(sentence) <= 220 and not _UNSAFE.search(sentence):
                found.append(sentence)
    return tuple(dict.fromkeys(found))


class Corpus:
    """N question pages per language; page i has the same topics in both."""

    def __init__(self, n: int, seed: int = 0):
        self.n = n
        self.terms = ranked(seed)
        weights = [1 / (rank + SHIFT) ** EXPONENT for rank in range(1, len(self.terms) + 1)]
        rng = random.Random(seed)
        self.topics = [self._draw(rng, weights, TOPICS) for _ in range(n)]
        self.incidental = [self._draw(rng, weights, INCIDENTAL) for _ in range(n)]
        self.title_kind = [rng.randrange(len(TITLES["zh"])) for _ in range(n)]

    def _draw(self, rng: random.Random, weights: list[float], k: int) -> list[int]:
        picked: list[int] = []
        while len(picked) < k:
            index = rng.choices(range(len(self.terms)), weights)[0]
            if index not in picked:
                picked.append(index)
        return picked

    def term(self, index: int, lang: str) -> str:
        return self.terms[index][0 if lang == "zh" else 1]

    def title(self, i: int, lang: str) -> str:
        a, b = (self.term(t, lang) for t in self.topics[i][:2])
        text = TITLES[lang][self.title_kind[i]].format(a=a, b=b)
        return text[0].upper() + text[1:]

    def parts(self, i: int, lang: str) -> dict:
        """The text of page i: title, headings, and the sentences of each section."""
        rng = random.Random(f"{i}-{lang}")
        sources = sentences(lang)
        pool = sources[i % len(sources)]
        topics = [self.term(t, lang) for t in self.topics[i]]
        others = [self.term(t, lang) for t in self.incidental[i]]

        def mention(a: str, b: str) -> str:
            text = rng.choice(MENTIONS[lang]).format(a=a, b=b)
            return text[0].upper() + text[1:]

        mentions = [mention(a, rng.choice([b for b in topics + others if b != a])) for a in topics * 2 + others]
        filler = rng.sample(pool, min(FILLER, len(pool)))
        prose = filler + mentions
        rng.shuffle(prose)
        cut = [0, 3, 12, 15, len(prose)]
        return {
            "title": self.title(i, lang),
            "headings": [h.format(a=topics[-1]) for h in HEADINGS[lang]],
            "sections": [prose[cut[k]:cut[k + 1]] for k in range(4)],
            "key_points": [mention(topics[k % TOPICS], others[k % INCIDENTAL]) for k in range(4)],
            "description": mention(topics[0], topics[1]),
        }

    def page(self, i: int, lang: str) -> tuple[str, str]:
        """Page i as (section, Markdown), with the old corpus's structure."""
        zh = lang == "zh"
        p = self.parts(i, lang)
        section = SECTIONS[i % len(SECTIONS)]
        other = (i * 7 + 3) % self.n
        link = f"../{SECTIONS[other % len(SECTIONS)]}/q{other:05d}.md#short-answer"
        joiner = "" if zh else " "
        prose = [joiner.join(sentences) for sentences in p["sections"]]
        h = p["headings"]
        body = front_matter(i, p["title"], p["description"], p["key_points"]) + f"""
# {p["title"]}

## {h[0]} {{ #short-answer }}

{prose[0]}

## {h[1]} {{ #details }}

{prose[1]} [{'相关问题' if zh else 'Related question'}]({link})

## {h[2]} {{ #formula }}

$$
P(y \\mid x) = \\frac{{P(x \\mid y)\\,P(y)}}{{\\sum_{{k}} P(x \\mid k)\\,P(k)}}
$$

{prose[2]}

## {h[3]} {{ #code }}

```python
def score_{i}(x, weight=0.5):
    # {'加权求和' if zh else 'weighted sum'}
    return sum(weight * v for v in x)


print(score_{i}([1, 2, 3]))
#> 3.0
```

## {h[4]} {{ #follow-ups }}

{chr(10).join("- " + s for s in p["sections"][3])}
"""
        return section, body

    def queries(self, lang: str) -> list[str]:
        """About 30 queries: the 12 most frequent heads (the issue's six among
        them: on hundreds of pages each), compounds from frequent to rare on a
        logarithmic grid of ranks (each the title of some page), one mixed
        Latin and Chinese query, one identifier from the corpus code."""
        heads = set(HEADS)
        in_titles = {t for topic in self.topics for t in topic[:2]}
        compounds = [k for k in sorted(in_titles) if self.terms[k] not in heads]
        # On a logarithmic grid of ranks: as many frequent as rare ones.
        grid = sorted({round(len(compounds) ** (k / 16)) - 1 for k in range(1, 17)})
        picks = [h[0 if lang == "zh" else 1] for h in HEADS[:12]]
        picks += [self.term(compounds[k], lang) for k in grid]
        picks += ["LoRA 低秩" if lang == "zh" else "LoRA low-rank", f"score_{min(7, self.n - 1)}"]
        return picks


__all__ = ["HEADS", "MODIFIERS", "Corpus", "ranked", "sentences", "vocabulary"]
