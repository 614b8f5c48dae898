"""Scores for reviews that give no rating, learnt from the warehouse's own rated reviews.

With at least MIN_TRAINING rated reviews: TF-IDF (word 1–2-grams) + ridge regression on the
0–100 score. With fewer: VADER's lexicon compound score mapped linearly onto 0–100. Both are
deterministic for the same inputs, so re-runs store the same inferred scores. Every inferred
score is stored with score_source = 'inferred' and the model version that produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

MIN_TRAINING = 30
RIDGE_ALPHA = 1.0


@dataclass(frozen=True)
class ScoreModel:
    version: str
    _predict: object  # callable(list[str]) -> list[float]

    def predict(self, texts: Sequence[str]) -> list[float]:
        raw = self._predict(list(texts))  # type: ignore[operator]
        # A model estimate, not a rating: bounding it to the scale is correct here.
        return [round(min(100.0, max(0.0, float(v))), 2) for v in raw]


def _fingerprint(texts: Sequence[str], scores: Sequence[float]) -> str:
    digest = hashlib.sha256()
    for text, score in zip(texts, scores, strict=True):
        digest.update(f"{score:.2f}\x00{text}\x01".encode())
    return digest.hexdigest()[:10]


def lexicon_model() -> ScoreModel:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()

    def predict(texts: list[str]) -> list[float]:
        return [(analyzer.polarity_scores(t)["compound"] + 1) * 50 for t in texts]

    return ScoreModel("vader-3.3", predict)


def text_model(texts: Sequence[str], scores: Sequence[float]) -> ScoreModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, strip_accents="unicode"),
        Ridge(alpha=RIDGE_ALPHA))
    model.fit(list(texts), list(scores))
    return ScoreModel(f"tfidf-ridge-1:n={len(texts)}:{_fingerprint(texts, scores)}",
                      model.predict)


def train(texts: Sequence[str], scores: Sequence[float]) -> ScoreModel:
    """The text model when there is enough rated text to learn from, else the lexicon."""
    if len(texts) < MIN_TRAINING:
        return lexicon_model()
    return text_model(texts, scores)
