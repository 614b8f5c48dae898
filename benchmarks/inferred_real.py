"""Learning curve of inferred scores on real critics' excerpts (Rotten Tomatoes data).

    .venv/bin/python benchmarks/inferred_real.py [--sizes 30,300,3000,0]

Reviews are split by film (a hash of the film id: one film in five is held out). criticdb's
`train()` sees N rated reviews of the training films (their rating strings normalised to
0–100; N = 0 means all) and scores every held-out review's excerpt; the figure is ROC AUC of
that score against the Fresh/Rotten label, beside VADER's compound score alone. Also
reports which model cross-validation chose, its CV error, and the training time.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scores_real import DataMissing, ours, read_rows  # noqa: E402
from criticdb.transforms.inferred_scores import lexicon_scores, train  # noqa: E402


def held_out(film_id: str) -> bool:
    return int(hashlib.sha256(film_id.encode()).hexdigest(), 16) % 5 == 0


def split(rows: list[dict]) -> tuple[list[tuple[str, float]], list[tuple[str, bool]]]:
    """(rated training reviews in a fixed shuffled order, held-out (text, fresh) pairs)."""
    rated = [(r["review"], s) for r in rows if not held_out(r["id"]) and r["review"]
             and (s := ours(r["rating"].strip())) is not None]
    test = [(r["review"], r["fresh"] == "fresh") for r in rows
            if held_out(r["id"]) and r["review"]]
    random.Random(0).shuffle(rated)
    return rated, test


def main() -> int:
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="30,300,3000,0")
    args = parser.parse_args()
    try:
        rows = read_rows()
    except DataMissing as exc:
        print(f"skipped: {exc}")
        return 0
    rated, test = split(rows)
    texts = [t for t, _ in test]
    labels = [f for _, f in test]
    lexicon_auc = roc_auc_score(labels, lexicon_scores(texts))
    print(f"{len(rated)} rated training reviews, {len(test)} held-out reviews of other films")
    print(f"VADER alone: AUC {lexicon_auc:.4f}")
    print("| N | AUC | model chosen | CV RMSE | training s |")
    print("|---|---|---|---|---|")
    for n in (int(x) for x in args.sizes.split(",")):
        sample = rated[:n] if n else rated
        started = time.perf_counter()
        model = train([t for t, _ in sample], [s for _, s in sample])
        seconds = time.perf_counter() - started
        auc = roc_auc_score(labels, model.predict(texts))
        print(f"| {len(sample)} | {auc:.4f} | {model.version.split(':')[0]} | "
              f"{model.cv_rmse} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
