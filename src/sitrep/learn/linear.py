"""A multinomial logistic regression over hashed word features, in numpy.

Small on purpose: the features are the words and word pairs of a text, hashed into a
fixed space (so the model stores numbers, never the training text's words); training
is plain stochastic gradient descent with a fixed seed, so the same data gives the
same model on any machine. Only features seen in at least ``min_df`` training texts
keep a weight row, which keeps the shipped file small.
"""
from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

HASH_BITS = 20
_TOKEN = re.compile(r"[a-z]+|\d+")


def hashed_features(text: str) -> list[int]:
    """The distinct word and word-pair features of a text, hashed. Numbers are one
    word ("#"): counts vary, their presence is what carries meaning."""
    tokens = ["#" if t.isdigit() else t for t in _TOKEN.findall(text.lower())]
    grams = set(tokens) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
    size = 1 << HASH_BITS
    return sorted({zlib.crc32(g.encode("utf-8")) % size for g in grams})


@dataclass(frozen=True)
class SoftmaxModel:
    """Class weights for the hashed features that kept a row (``feature_ids`` sorted)."""

    classes: tuple[str, ...]
    feature_ids: np.ndarray = field(repr=False)     # int64, sorted
    weights: np.ndarray = field(repr=False)         # float32, (len(feature_ids), len(classes))
    bias: np.ndarray = field(repr=False)            # float32, (len(classes),)
    meta: dict = field(default_factory=dict, compare=False)

    def probabilities(self, text: str) -> np.ndarray:
        ids = np.asarray(hashed_features(text), dtype=np.int64)
        z = self.bias.astype(np.float64)
        if len(self.feature_ids) and len(ids):
            rows = np.searchsorted(self.feature_ids, ids)
            inside = rows < len(self.feature_ids)
            rows = rows[inside][self.feature_ids[rows[inside]] == ids[inside]]
            z = z + self.weights[rows].sum(axis=0, dtype=np.float64)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, text: str) -> tuple[str, float]:
        """The most likely class and its probability."""
        p = self.probabilities(text)
        best = int(np.argmax(p))
        return self.classes[best], float(p[best])

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(fh, feature_ids=self.feature_ids, weights=self.weights.astype(np.float16),
                                bias=self.bias, classes=np.array(json.dumps(list(self.classes))),
                                meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> "SoftmaxModel":
        with np.load(path, allow_pickle=False) as data:
            return cls(classes=tuple(json.loads(str(data["classes"]))), feature_ids=data["feature_ids"].astype(np.int64),
                       weights=data["weights"].astype(np.float32), bias=data["bias"].astype(np.float32),
                       meta=json.loads(str(data["meta"])))


def train_softmax(texts: Sequence[str], labels: Sequence[str], *, epochs: int = 30, rate: float = 0.5,
                  decay: float = 0.85, min_df: int = 2, seed: int = 0, meta: dict[str, Any] | None = None) -> SoftmaxModel:
    """Fit class weights by SGD on the log loss, visiting texts in a seeded order."""
    classes = tuple(sorted(set(labels)))
    index = {c: i for i, c in enumerate(classes)}
    hashed = [hashed_features(t) for t in texts]
    df: dict[int, int] = {}
    for ids in hashed:
        for f in ids:
            df[f] = df.get(f, 0) + 1
    kept = np.array(sorted(f for f, n in df.items() if n >= min_df), dtype=np.int64)
    row_of = {int(f): r for r, f in enumerate(kept)}
    rows = [np.array([row_of[f] for f in ids if f in row_of], dtype=np.int64) for ids in hashed]
    y = np.array([index[label] for label in labels])
    weights = np.zeros((len(kept), len(classes)))
    bias = np.zeros(len(classes))
    rng = np.random.RandomState(seed)
    for _ in range(epochs):
        for i in rng.permutation(len(rows)):
            r = rows[i]
            z = weights[r].sum(axis=0) + bias
            p = np.exp(z - z.max())
            p /= p.sum()
            p[y[i]] -= 1.0
            # a long text's many features share one step
            weights[r] -= rate * p / max(1.0, len(r)) ** 0.5
            bias -= rate * p * 0.1
        rate *= decay
    return SoftmaxModel(classes=classes, feature_ids=kept, weights=weights.astype(np.float32),
                        bias=bias.astype(np.float32), meta=dict(meta or {}))
