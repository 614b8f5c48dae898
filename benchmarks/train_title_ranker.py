"""Train the title ranker (scrapers/extract/title_model.json) on real pages.

    .venv/bin/python benchmarks/train_title_ranker.py            # cross-validate, then write
    .venv/bin/python benchmarks/train_title_ranker.py --check    # cross-validate only

Training pages: the development folds of criticdb's own corpus (benchmarks/.cache/corpus,
rebuilt by benchmarks/corpus_rebuild.py; the frozen fold is never read here) and the shared
real pages (../shared/corpus/real-reviews). Every film review whose title no structured
layer gave contributes its candidates, labelled 1 where the candidate is the key's title.
Cross-validation leaves one group of sites out at a time (each development fold, the shared
pages) and compares the model's pick with the hand-weighted rules' on the left-out group;
C is chosen there. Deterministic: same pages, same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.real_pages import CORPUS, FOLDS, FROZEN_FOLD, fold_of, manifest, norm  # noqa: E402
from criticdb.scrapers.extract import title_ranker, titles  # noqa: E402
from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402

OWN_CORPUS = ROOT / "benchmarks" / ".cache" / "corpus"
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


def collect() -> list[dict]:
    """One entry per training page: its group, candidates' features and labels, and the
    hand rules' pick."""
    sources = [("shared", CORPUS, None)]
    if (OWN_CORPUS / "manifest.tsv").is_file():
        sources.append(("own", OWN_CORPUS, set(range(FOLDS)) - {FROZEN_FOLD}))
    pages = []
    for label, corpus, folds in sources:
        for key in manifest(corpus):
            if key["kind"] != "film_review" or not key["film_title"]:
                continue
            if folds is not None and fold_of(key) not in folds:
                continue  # the frozen fold stays unread
            titles.FEATURE_SINK = sink = []
            try:
                extract_review((corpus / "pages" / key["file"]).read_bytes(),
                                        key["url"])
            finally:
                titles.FEATURE_SINK = None
            if not sink:
                continue  # a structured layer named the film: no candidates were ranked
            entry = sink[-1]
            want = norm(key["film_title"])
            pages.append({
                "group": label if folds is None else f"fold{fold_of(key)}",
                "x": np.array([[f[n] for n in titles.FEATURES] for _, f in entry["candidates"]]),
                "y": np.array([norm(t) == want for t, _ in entry["candidates"]], dtype=int),
                "texts": [t for t, _ in entry["candidates"]],
                "hand_ok": norm(entry["hand"]) == want,
            })
    return pages


def fit(pages: list[dict], c: float) -> title_ranker.TitleModel:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([p["x"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000, random_state=0)
    lr.fit((x - mean) / scale, y)
    r = lambda v: tuple(round(float(a), 6) for a in v)  # noqa: E731
    return title_ranker.TitleModel(titles.FEATURES, r(mean), r(scale), r(lr.coef_[0]),
                                   round(float(lr.intercept_[0]), 6))


def picks_right(model: title_ranker.TitleModel, page: dict) -> bool:
    """Whether the model's pick is the key's title, ties to the longer text as
    `titles.choose` breaks them."""
    probs = [model.probability(dict(zip(titles.FEATURES, row, strict=True)))
             for row in page["x"].tolist()]
    best = max(range(len(probs)), key=lambda i: (probs[i], len(page["texts"][i])))
    return bool(page["y"][best])


def cross_validate(pages: list[dict]) -> float:
    groups = sorted({p["group"] for p in pages})
    hand = sum(p["hand_ok"] for p in pages)
    print(f"{len(pages)} pages ranked by candidates, groups {groups}; "
          f"{sum(p['y'].any() for p in pages)} have the right title among the candidates; "
          f"hand rules right on {hand}")
    best_c, best_right = C_GRID[0], -1
    for c in C_GRID:
        right, per_group = 0, []
        for g in groups:
            model = fit([p for p in pages if p["group"] != g], c)
            held = [p for p in pages if p["group"] == g]
            ok = sum(picks_right(model, p) for p in held)
            right += ok
            per_group.append(f"{g} {ok}/"
                             f"{sum(p['hand_ok'] for p in held)}/{len(held)}")
        print(f"  C={c:<5} model right on {right} (left-out group: model/hand/pages: "
              f"{', '.join(per_group)})")
        if right > best_right:
            best_c, best_right = c, right
    print(f"chosen C={best_c}: cross-validated {best_right}/{len(pages)} right, the hand "
          f"weights (set on these pages) {hand}/{len(pages)}")
    return best_c


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="cross-validate, write nothing")
    args = parser.parse_args()
    # features and the hand pick do not depend on the shipped model, so it is not loaded: a
    # model trained on another feature list (the reason to retrain) would refuse to load
    shipped, title_ranker.MODEL_PATH = title_ranker.MODEL_PATH, ROOT / "no-title-model.json"
    title_ranker.load.cache_clear()
    try:
        pages = collect()
    finally:
        title_ranker.MODEL_PATH = shipped
        title_ranker.load.cache_clear()
    c = cross_validate(pages)
    if args.check:
        return 0
    model = fit(pages, c)
    title_ranker.MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {title_ranker.MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
