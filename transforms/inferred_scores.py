"""Scores for reviews that give no rating, learnt from the warehouse's own rated reviews.

Two candidates, chosen by k-fold cross-validation on the rated reviews (not by a fixed
count): the VADER lexicon, calibrated linearly onto the warehouse's 0–100 ratings, and a
ridge regression on word 1–2-grams, character 2–4-grams and the lexicon score together (so
it starts from the lexicon's knowledge and learns the warehouse's vocabulary on top). The
one with the lower cross-validated error wins, so a small warehouse never gets a text model
that is worse than the lexicon it would replace. Its cross-validated RMSE (points on the
0–100 scale) is stored beside every inferred score. Deterministic for the same inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

MIN_FOR_CV = 10  # fewer rated reviews: the lexicon, uncalibrated, error unknown
CV_MAX = 2000  # cross-validate on a fixed sample of at most this many (keeps training fast)
FOLDS = 5
RIDGE_ALPHA = 3.0
LEXICON_WEIGHT = 3.0  # scale of the lexicon column beside TF-IDF features


@dataclass(frozen=True)
class ScoreModel:
    version: str
    _predict: Callable[[list[str]], Sequence[float]]
    cv_rmse: float | None = None  # cross-validated error of this model on the rated reviews

    def predict(self, texts: Sequence[str]) -> list[float]:
        raw = self._predict(list(texts))
        # A model estimate, not a rating: bounding it to the scale is correct here.
        return [round(min(100.0, max(0.0, float(v))), 2) for v in raw]


def _fingerprint(texts: Sequence[str], scores: Sequence[float]) -> str:
    digest = hashlib.sha256()
    for text, score in zip(texts, scores, strict=True):
        digest.update(f"{score:.2f}\x00{text}\x01".encode())
    return digest.hexdigest()[:10]


def lexicon_scores(texts: Sequence[str]) -> np.ndarray:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return np.array([analyzer.polarity_scores(t)["compound"] for t in texts])


def _fit_lexicon(compound: np.ndarray, scores: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """Least-squares line from compound (−1…1) to the warehouse's ratings."""
    if len(scores) < 2 or np.ptp(compound) == 0:
        return lambda c: (c + 1) * 50
    slope, intercept = np.polyfit(compound, scores, 1)
    return lambda c: slope * c + intercept


def _fit_text(texts: list[str], compound: np.ndarray, scores: np.ndarray
              ) -> Callable[[list[str], np.ndarray], np.ndarray]:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge

    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True,
                            min_df=2 if len(texts) > 200 else 1, max_features=200_000)

    def features(batch: list[str], comp: np.ndarray, fit: bool = False) -> object:
        if fit:
            words.fit(batch)
            chars.fit(batch)
        return hstack([words.transform(batch), chars.transform(batch),
                       csr_matrix(comp.reshape(-1, 1) * LEXICON_WEIGHT)]).tocsr()

    model = Ridge(alpha=RIDGE_ALPHA).fit(features(texts, compound, fit=True), scores)
    return lambda batch, comp: model.predict(features(batch, comp))


def _folds(n: int) -> list[np.ndarray]:
    order = np.random.default_rng(0).permutation(n)
    return [order[i::FOLDS] for i in range(FOLDS)]


def _cv_rmse(texts: list[str], compound: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    errors: dict[str, list[float]] = {"lexicon": [], "text": []}
    for held in _folds(len(texts)):
        mask = np.ones(len(texts), dtype=bool)
        mask[held] = False
        train_texts = [t for t, keep in zip(texts, mask, strict=True) if keep]
        held_texts = [texts[i] for i in held]
        lex = _fit_lexicon(compound[mask], scores[mask])
        errors["lexicon"] += list((np.clip(lex(compound[held]), 0, 100) - scores[held]) ** 2)
        text = _fit_text(train_texts, compound[mask], scores[mask])
        errors["text"] += list((np.clip(text(held_texts, compound[held]), 0, 100)
                                - scores[held]) ** 2)
    return {name: float(np.sqrt(np.mean(errs))) for name, errs in errors.items()}


def train(texts: Sequence[str], scores: Sequence[float]) -> ScoreModel:
    """The candidate with the lower cross-validated error on these rated reviews."""
    texts, y = list(texts), np.asarray(scores, dtype=float)
    compound = lexicon_scores(texts) if texts else np.array([])
    tag = f"n={len(texts)}:{_fingerprint(texts, list(y))}"
    if len(texts) < MIN_FOR_CV:
        lex = _fit_lexicon(compound, y) if len(texts) >= 2 else _fit_lexicon(compound, y[:0])
        return ScoreModel(f"vader-3.3-calibrated:{tag}",
                          lambda batch: lex(lexicon_scores(batch)), None)
    sample = np.sort(np.random.default_rng(1).permutation(len(texts))[:CV_MAX])
    cv = _cv_rmse([texts[i] for i in sample], compound[sample], y[sample])
    if cv["lexicon"] <= cv["text"]:
        lex = _fit_lexicon(compound, y)
        return ScoreModel(f"vader-3.3-calibrated:{tag}",
                          lambda batch: lex(lexicon_scores(batch)), round(cv["lexicon"], 2))
    text = _fit_text(texts, compound, y)
    return ScoreModel(f"tfidf-char-vader-ridge-2:{tag}",
                      lambda batch: text(batch, lexicon_scores(batch)), round(cv["text"], 2))


def fill_inferred(reviews: list[dict]) -> None:
    """Score reviews without a rating from their text, flagged as inferred, with the
    model's version and cross-validated error; trained on the reviews that have ratings."""
    rated = [r for r in reviews if r["score_source"] == "rating" and r["body_text"]]
    todo = [r for r in reviews if r["score"] is None and r["body_text"]]
    if not todo:
        return
    model = train([r["body_text"] for r in rated], [r["score"] for r in rated])
    for review, score in zip(todo, model.predict([r["body_text"] for r in todo]), strict=True):
        review.update(score=score, score_source="inferred", inferred_model=model.version,
                      inferred_error=model.cv_rmse)
