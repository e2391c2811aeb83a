"""An averaged multiclass perceptron over string features (numpy; no training library needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np
import orjson


def _indexed(
    instances: Sequence[tuple[Sequence[str], str]], classes: Sequence[str]
) -> tuple[dict[str, int], list[np.ndarray], list[int], np.ndarray]:
    """Feature names numbered in order of appearance, each instance's feature ids and class index, zero weights."""
    index = {c: k for k, c in enumerate(classes)}
    vocab: dict[str, int] = {}
    xs = [np.fromiter((vocab.setdefault(f, len(vocab)) for f in feats), dtype=np.int64) for feats, _ in instances]
    ys = [index[y] for _, y in instances]
    return vocab, xs, ys, np.zeros((max(len(vocab), 1), len(classes)), dtype=np.float64)


def check_cancel(cancelled: Callable[[], bool] | None) -> None:
    """``TrainingCancelled`` once ``cancelled()`` (a training's look at Cancel; None: never)."""
    if cancelled is not None and cancelled():
        from annotator.errors import TrainingCancelled

        raise TrainingCancelled()


VISITS_BETWEEN_LOOKS = 256  # instances an epoch visits between two looks at Cancel (a few ms of CPU)


def _visits(
    xs: list[np.ndarray], ys: list[int], epochs: int, seed: int, cancelled: Callable[[], bool] | None
) -> Iterator[tuple[np.ndarray, int]]:
    """Each instance with features (its feature ids, its class index), in a new shuffled order each epoch (seeded);
    ``TrainingCancelled`` once ``cancelled()``, looked at every ``VISITS_BETWEEN_LOOKS`` instances (at the start of
    an epoch only, the argument classifier's epoch on twelve news articles was 0.3-0.5 s of CPU without a look,
    session 43)."""
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for k, i in enumerate(rng.permutation(len(xs))):
            if k % VISITS_BETWEEN_LOOKS == 0:
                check_cancel(cancelled)
            if len(xs[i]):
                yield xs[i], ys[i]


class Perceptron:
    """Weights per (feature, class); features not seen in training are ignored."""

    def __init__(self, classes: Sequence[str], features: dict[str, int], weights: np.ndarray) -> None:
        self.classes = list(classes)
        self.features = features
        self.weights = weights

    @classmethod
    def train(
        cls,
        instances: Sequence[tuple[Sequence[str], str]],
        classes: Sequence[str],
        epochs: int = 10,
        seed: int = 0,
        cancelled: Callable[[], bool] | None = None,
    ) -> "Perceptron":
        """Train on (features, class) pairs; the averaged weights are kept."""
        vocab, xs, ys, w = _indexed(instances, classes)
        u = np.zeros_like(w)  # each update times the step it happened at: the average is w - u / steps
        step = 1
        for x, y in _visits(xs, ys, epochs, seed, cancelled):
            guess = int(w[x].sum(0).argmax())
            if guess != y:
                w[x, y] += 1.0
                w[x, guess] -= 1.0
                u[x, y] += step
                u[x, guess] -= step
            step += 1
        return cls(classes, vocab, (w - u / step).astype(np.float32))

    def scores(self, feats: Sequence[str]) -> np.ndarray:
        idx = [self.features[f] for f in feats if f in self.features]
        if not idx:
            return np.zeros(len(self.classes), dtype=np.float32)
        return self.weights[idx].sum(0)

    def save(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / f"{name}.npy", self.weights, allow_pickle=False)
        names = [""] * len(self.features)
        for f, k in self.features.items():
            names[k] = f
        (folder / f"{name}.json").write_bytes(orjson.dumps({"classes": self.classes, "features": names}))

    @classmethod
    def load(cls, folder: Path, name: str) -> "Perceptron":
        meta = orjson.loads((folder / f"{name}.json").read_bytes())
        weights = np.load(folder / f"{name}.npy", allow_pickle=False)
        return cls(meta["classes"], {f: k for k, f in enumerate(meta["features"])}, weights)


def softmax(scores: np.ndarray) -> np.ndarray:
    z = np.exp(scores - scores.max())
    return z / z.sum()


class LogLinear(Perceptron):
    """Multinomial logistic regression over the same string features, trained by SGD (AdaGrad steps, L2);
    its scores are log-probabilities up to a constant, so ``probabilities`` gives calibrated-enough values
    to threshold (the annotators' data is noisy: a word marked in one place is often unmarked in the next)."""

    @classmethod
    def train(
        cls,
        instances: Sequence[tuple[Sequence[str], str]],
        classes: Sequence[str],
        epochs: int = 10,
        seed: int = 0,
        cancelled: Callable[[], bool] | None = None,
        rate: float = 0.2,
        l2: float = 1e-4,
    ) -> "LogLinear":
        vocab, xs, ys, w = _indexed(instances, classes)
        g2 = np.full_like(w, 1e-6)
        for x, y in _visits(xs, ys, epochs, seed, cancelled):
            p = softmax(w[x].sum(0))
            p[y] -= 1.0
            grad = p[None, :] + l2 * w[x]
            g2[x] += grad * grad
            w[x] -= rate * grad / np.sqrt(g2[x])
        return cls(classes, vocab, w.astype(np.float32))

    def probabilities(self, feats: Sequence[str]) -> np.ndarray:
        return softmax(self.scores(feats))
