"""How well inferred scores track real ratings: k-fold cross-validation on rated reviews.

    .venv/bin/python benchmarks/inferred_score.py [--db criticdb.duckdb] [--folds 5]

Uses the rated reviews of a warehouse (default: the golden corpus, extracted and normalised
in memory). For each fold `train()` (which itself picks the lexicon or the text model by
cross-validation) learns from the other folds and predicts the held-out reviews; VADER alone
needs no training. Reports Spearman's rho against the real
score and the accuracy of the fresh/rotten call (score >= 60).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_reviews() -> list[tuple[str, float]]:
    from benchmarks.extraction_accuracy import CORPUS, page_for
    from criticdb.demo import DEMO_CATALOGUE
    from criticdb.scrapers.extract.cascade import extract_review
    from criticdb.transforms.catalogue import load_catalogue
    from criticdb.transforms.normalise import ExtractionRow, normalise

    rows = []
    for golden in sorted(CORPUS.glob("*/*.expected.json")):
        exp = json.loads(golden.read_text(encoding="utf-8"))
        record = extract_review(page_for(golden, exp).read_bytes(), exp["url"])
        rows.append(ExtractionRow(exp["url"], exp.get("publication", ""), "", "", record))
    reviews = normalise(rows, load_catalogue(DEMO_CATALOGUE)).reviews
    return [(r["body_text"], r["score"]) for r in reviews
            if r["score_source"] == "rating" and r["body_text"]]


def db_reviews(db: Path) -> list[tuple[str, float]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT body_text, score FROM reviews WHERE score_source = 'rating' "
                           "AND body_text IS NOT NULL ORDER BY review_id").fetchall()
    finally:
        con.close()


def main() -> None:
    from scipy.stats import spearmanr
    from sklearn.model_selection import KFold

    from criticdb.transforms.inferred_scores import lexicon_scores, train

    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path)
    p.add_argument("--folds", type=int, default=5)
    a = p.parse_args()
    data = db_reviews(a.db) if a.db else corpus_reviews()
    texts = [t for t, _ in data]
    truth = [s for _, s in data]
    predicted_text: list[float] = [0.0] * len(data)
    for train_idx, test_idx in KFold(a.folds, shuffle=True, random_state=0).split(texts):
        model = train([texts[i] for i in train_idx], [truth[i] for i in train_idx])
        for i, score in zip(test_idx, model.predict([texts[i] for i in test_idx]), strict=True):
            predicted_text[i] = score
    predicted_vader = [(c + 1) * 50 for c in lexicon_scores(texts)]
    print(f"{len(data)} rated reviews, {a.folds}-fold cross-validation")
    for name, pred in (("train() (CV-chosen)", predicted_text), ("vader alone", predicted_vader)):
        rho = spearmanr(truth, pred).statistic
        acc = sum((t >= 60) == (p_ >= 60) for t, p_ in zip(truth, pred, strict=True)) / len(truth)
        print(f"  {name:18s} Spearman rho {rho:5.2f}   fresh/rotten accuracy {acc:6.1%}")
    base = max(sum(t >= 60 for t in truth), sum(t < 60 for t in truth)) / len(truth)
    print(f"  majority-class baseline accuracy {base:6.1%}")


if __name__ == "__main__":
    main()
