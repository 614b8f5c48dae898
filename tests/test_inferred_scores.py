"""Inferred scores: negation scope, a choice that falls back to the lexicon, and the learning
curve on real critics' excerpts (../shared/corpus/rt-reviews) with pinned floors."""

from __future__ import annotations

import random

import pytest

from benchmarks import inferred_real
from criticdb.transforms.inferred_scores import mark_negation, train


@pytest.mark.parametrize(("text", "marked"), [
    ("Not funny, but charming.", "not funny_NEG but charming"),
    ("It isn't scary at all. Still fun!", "it isn't scary_NEG at_NEG all_NEG still fun"),
    ("Never dull; never quite good", "never dull_NEG never quite_NEG good_NEG"),
    ("Ce n'est pas drôle", "ce n'est pas drôle"),  # English cues only: other text unmarked
])
def test_negation_scope_runs_to_the_next_punctuation(text: str, marked: str) -> None:
    assert mark_negation(text) == marked


def test_text_that_carries_no_signal_gets_the_lexicon() -> None:
    """Random words and random ratings: no text model can be clearly better, so the
    one-standard-error rule keeps the calibrated lexicon."""
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(400)]
    texts = [" ".join(rng.choices(vocab, k=25)) for _ in range(200)]
    scores = [rng.uniform(0, 100) for _ in texts]
    model = train(texts, scores)
    assert model.version.startswith("vader-3.3-calibrated") and model.cv_rmse is not None


@pytest.fixture(scope="module")
def split(rt_rows: list) -> tuple[list, list]:
    return inferred_real.split(rt_rows)


# Measured: 0.6734 at 30 (the lexicon, as VADER), 0.7855 at 3,000 and 0.8601 with all
# 27,695 (docs/scores.md). The floors for 3,000 and all sit just under, to absorb numeric
# differences between scikit-learn builds, not to hide a drop; at 30 the choice must be at
# least as good as the lexicon alone.
@pytest.mark.parametrize(("n", "floor"), [(30, None), (3000, 0.78), (0, 0.855)])
def test_learning_curve_on_real_reviews(split, n: int, floor: float | None) -> None:
    from sklearn.metrics import roc_auc_score

    from criticdb.transforms.inferred_scores import lexicon_scores

    rated, test = split
    labels, texts = [f for _, f in test], [t for t, _ in test]
    sample = rated[:n] if n else rated
    model = train([t for t, _ in sample], [s for _, s in sample])
    auc = roc_auc_score(labels, model.predict(texts))
    if floor is None:
        floor = roc_auc_score(labels, lexicon_scores(texts)) - 1e-9
    assert auc >= floor, (n, auc, model.version)
