"""Scores for reviews that give no rating, learnt from the warehouse's own rated reviews.

Three candidates, chosen by k-fold cross-validation on the rated reviews (not by a fixed
count):

- the VADER lexicon, calibrated linearly onto the warehouse's 0–100 ratings;
- a ridge regression on word 1–2-grams, character 2–4-grams and the lexicon score together
  (it starts from the lexicon's knowledge and learns the warehouse's vocabulary on top);
- that ridge blended with a naive-Bayes-weighted logistic regression on the same words
  (NB-LR, Wang & Manning 2012): the two err differently, so their average ranks reviews
  better than either; the blend is calibrated onto 0–100 from out-of-fold predictions.

Words inside a negation's scope are marked before counting ("not funny" → not funny_NEG,
up to the next punctuation mark; Das & Chen 2001, Pang et al. 2002), so "not good" stops
counting as praise. The candidate with the lowest cross-validated error wins, so a small
warehouse never gets a text model worse than the lexicon it would replace. Its
cross-validated RMSE (points on the 0–100 scale) is stored beside every inferred score.
Deterministic for the same inputs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

MIN_FOR_CV = 10  # fewer rated reviews: the lexicon, uncalibrated, error unknown
CV_MAX = 1000  # cross-validate on a fixed sample of at most this many (keeps training fast)
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


POSITIVE = 60.0  # the label NB-LR learns: a rating of 60+ (film_scores' "% positive")
BLEND_MIN_PER_CLASS = 50  # NB-LR's word log-count ratios are noise below a few dozen
# reviews on each side of POSITIVE (at 30 rated reviews the blend ranked other films'
# reviews worse than the lexicon while CV on those 30 preferred it)
NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "nowhere",
                      "neither", "nor", "hardly", "barely", "scarcely", "cannot", "without"})
_TOKENS = re.compile(r"\w+(?:['’]\w+)*|[.,!?;:]")


def mark_negation(text: str) -> str:
    """Lower-cased tokens; each word after a negator, up to the next punctuation mark,
    gets a _NEG suffix ("isn't funny at all." → "isn't funny_NEG at_NEG all_NEG")."""
    out: list[str] = []
    negated = False
    for tok in _TOKENS.findall(text.lower()):
        if tok in ".,!?;:":
            negated = False
        elif tok in NEGATORS or tok.endswith(("n't", "n’t")):
            negated = True
            out.append(tok)
        else:
            out.append(f"{tok}_NEG" if negated else tok)
    return " ".join(out)


Predictor = Callable[[list[str], np.ndarray], tuple[np.ndarray, np.ndarray | None]]


def _fit_text(texts: list[str], compound: np.ndarray, scores: np.ndarray) -> Predictor:
    """Ridge (0–100) and, with both classes present, NB-LR (a decision value) on the same
    negation-marked words; the predictor returns both for a batch."""
    from scipy.sparse import csr_matrix, diags, hstack
    from sklearn.feature_extraction.text import (
        CountVectorizer,
        TfidfTransformer,
        TfidfVectorizer,
    )
    from sklearn.linear_model import LogisticRegression, Ridge

    words = CountVectorizer(ngram_range=(1, 2), binary=True, token_pattern=r"\S+",
                            lowercase=False)
    idf = TfidfTransformer(sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True,
                            min_df=2 if len(texts) > 200 else 1, max_features=200_000)
    counts = words.fit_transform([mark_negation(t) for t in texts])

    def ridge_features(batch_counts: object, batch_chars: object, comp: np.ndarray) -> object:
        return hstack([idf.transform(batch_counts), batch_chars,
                       csr_matrix(comp.reshape(-1, 1) * LEXICON_WEIGHT)]).tocsr()

    idf.fit(counts)  # each text is analysed once: the training matrices are reused below
    ridge = Ridge(alpha=RIDGE_ALPHA).fit(
        ridge_features(counts, chars.fit_transform(texts), compound), scores)
    positive = scores >= POSITIVE
    nb = None
    if min(positive.sum(), (~positive).sum()) >= BLEND_MIN_PER_CLASS:
        # log-count ratio of each word between positive and negative reviews (+1 smoothing)
        pos = np.asarray(counts[positive].sum(0)).ravel() + 1.0
        neg = np.asarray(counts[~positive].sum(0)).ravel() + 1.0
        weight = diags(np.log((pos / pos.sum()) / (neg / neg.sum())))
        nb = LogisticRegression(C=1.0, solver="liblinear").fit(counts @ weight, positive)

    def predict(batch: list[str], comp: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        batch_counts = words.transform([mark_negation(t) for t in batch])
        return (ridge.predict(ridge_features(batch_counts, chars.transform(batch), comp)),
                None if nb is None else nb.decision_function(batch_counts @ weight))

    return predict


@dataclass(frozen=True)
class _Blend:
    """z-scored average of ridge and NB-LR outputs, mapped linearly onto 0–100; the
    z-scores and the map come from out-of-fold predictions, never from training fits."""

    ridge_mean: float
    ridge_sd: float
    nb_mean: float
    nb_sd: float
    slope: float
    intercept: float

    @classmethod
    def fit(cls, ridge: np.ndarray, nb: np.ndarray, scores: np.ndarray) -> _Blend | None:
        if ridge.std() == 0 or nb.std() == 0:
            return None
        raw = 0.5 * (ridge - ridge.mean()) / ridge.std() + 0.5 * (nb - nb.mean()) / nb.std()
        if raw.std() == 0:
            return None
        slope, intercept = np.polyfit(raw, scores, 1)
        return cls(float(ridge.mean()), float(ridge.std()), float(nb.mean()),
                   float(nb.std()), float(slope), float(intercept))

    def __call__(self, ridge: np.ndarray, nb: np.ndarray) -> np.ndarray:
        raw = (0.5 * (ridge - self.ridge_mean) / self.ridge_sd
               + 0.5 * (nb - self.nb_mean) / self.nb_sd)
        return self.slope * raw + self.intercept


def _folds(n: int) -> list[np.ndarray]:
    order = np.random.default_rng(0).permutation(n)
    return [order[i::FOLDS] for i in range(FOLDS)]


def _cv(texts: list[str], compound: np.ndarray, scores: np.ndarray
        ) -> tuple[dict[str, float], _Blend | None]:
    """Each candidate's out-of-fold squared errors, and the blend's calibration."""
    n = len(texts)
    lexicon, ridge, nb = np.zeros(n), np.zeros(n), np.full(n, np.nan)
    for held in _folds(n):
        mask = np.ones(n, dtype=bool)
        mask[held] = False
        train_texts = [t for t, keep in zip(texts, mask, strict=True) if keep]
        lexicon[held] = _fit_lexicon(compound[mask], scores[mask])(compound[held])
        r, d = _fit_text(train_texts, compound[mask], scores[mask])(
            [texts[i] for i in held], compound[held])
        ridge[held] = r
        if d is not None:
            nb[held] = d

    def squared(pred: np.ndarray) -> np.ndarray:
        return (np.clip(pred, 0, 100) - scores) ** 2

    errors = {"lexicon": squared(lexicon), "text": squared(ridge)}
    blend = None if np.isnan(nb).any() else _Blend.fit(ridge, nb, scores)
    if blend is not None:
        errors["blend"] = squared(blend(ridge, nb))
    return errors, blend


def _within_one_se(simple: np.ndarray, complex_: np.ndarray) -> bool:
    """The one-standard-error rule (Breiman et al. 1984; Hastie et al., ESL 7.10): keep the
    simpler model unless the other's mean squared error is lower by more than one standard
    error of the paired differences."""
    diff = simple - complex_
    se = diff.std(ddof=1) / np.sqrt(len(diff)) if len(diff) > 1 else np.inf
    return bool(diff.mean() <= se)


def _choose(errors: dict[str, np.ndarray]) -> str:
    """Lexicon unless a text model is clearly better; then the ridge+NB-LR blend unless the
    ridge alone is clearly better. In every measurement the two text models' errors were
    within noise of each other while the blend ranked reviews better (docs/scores.md)."""
    text = "blend" if "blend" in errors and _within_one_se(errors["blend"], errors["text"]) \
        else "text"
    return "lexicon" if _within_one_se(errors["lexicon"], errors[text]) else text


def train(texts: Sequence[str], scores: Sequence[float]) -> ScoreModel:
    """The candidate cross-validation on these rated reviews chooses (see `_choose`)."""
    texts, y = list(texts), np.asarray(scores, dtype=float)
    compound = lexicon_scores(texts) if texts else np.array([])
    tag = f"n={len(texts)}:{_fingerprint(texts, list(y))}"
    if len(texts) < MIN_FOR_CV:
        lex = _fit_lexicon(compound, y) if len(texts) >= 2 else _fit_lexicon(compound, y[:0])
        return ScoreModel(f"vader-3.3-calibrated:{tag}",
                          lambda batch: lex(lexicon_scores(batch)), None)
    sample = np.sort(np.random.default_rng(1).permutation(len(texts))[:CV_MAX])
    errors, blend = _cv([texts[i] for i in sample], compound[sample], y[sample])
    best = _choose(errors)
    error = round(float(np.sqrt(errors[best].mean())), 2)
    if best == "lexicon":
        lex = _fit_lexicon(compound, y)
        return ScoreModel(f"vader-3.3-calibrated:{tag}",
                          lambda batch: lex(lexicon_scores(batch)), error)
    text = _fit_text(texts, compound, y)
    if best == "blend" and blend is not None:
        def blended(batch: list[str]) -> np.ndarray:
            ridge, nb = text(batch, lexicon_scores(batch))
            return ridge if nb is None else blend(ridge, nb)
        return ScoreModel(f"negation-ridge-nblr-blend-1:{tag}", blended, error)
    return ScoreModel(f"negation-tfidf-char-vader-ridge-3:{tag}",
                      lambda batch: text(batch, lexicon_scores(batch))[0], error)


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
