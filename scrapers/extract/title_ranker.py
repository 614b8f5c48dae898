"""A small logistic model that ranks title candidates, trained on real pages.

The candidates and their evidence come from `titles` (headline parts, marked names, the
slug, the body); hand-set weights fitted the pages they were written from, so the weights
are learned instead, on the development folds of `benchmarks/corpus` plus the shared real
pages, by `benchmarks/train_title_ranker.py`. The model is one JSON file of standardising
means and scales, coefficients and an intercept: loading it needs no scikit-learn, and
scoring is a dot product, so extraction stays deterministic and fast.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("title_model.json")


class TitleModelError(ValueError):
    """The model file does not match the features this code computes: retrain it."""


@dataclass(frozen=True)
class TitleModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(
            w * (values[name] - m) / s
            for name, m, s, w in zip(self.features, self.mean, self.scale, self.coef,
                                     strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"features": self.features, "mean": self.mean, "scale": self.scale,
                           "coef": self.coef, "intercept": self.intercept}, indent=1) + "\n"


def from_json(text: str, expected: tuple[str, ...]) -> TitleModel:
    data = json.loads(text)
    model = TitleModel(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                       tuple(data["coef"]), float(data["intercept"]))
    if model.features != expected:
        raise TitleModelError(
            f"{MODEL_PATH.name} was trained on features {sorted(set(model.features))}, the code "
            f"computes {sorted(set(expected))}: run benchmarks/train_title_ranker.py")
    return model


@lru_cache(maxsize=1)
def load(expected: tuple[str, ...]) -> TitleModel | None:
    """The shipped model, or None where none is shipped (hand weights then decide)."""
    if not MODEL_PATH.is_file():
        return None
    return from_json(MODEL_PATH.read_text(encoding="utf-8"), expected)
