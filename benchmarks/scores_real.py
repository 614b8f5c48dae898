"""The rating normaliser on real critics' rating strings (Rotten Tomatoes data).

    .venv/bin/python benchmarks/scores_real.py

Reads ../shared/corpus/rt-reviews/rt.reviews.tsv.gz in place (never copied here). For every
labelled string (a stated fraction "x/y" or a letter grade) the expected score is the
fraction of the scale (x / y × 100) or Metacritic's letter table; the normaliser must agree
exactly (±0.01) and may refuse (out of range, unknown letters) but never give another
number. Bare numbers ("8") have no stated scale: reported separately, with what a learned
publication scale recovers. ROC AUC of the score against Fresh/Rotten is an outside check,
beside the plain fraction; µs per string are measured cold (distinct strings, cache
cleared) and over all strings.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.transforms.errors import RatingError  # noqa: E402
from criticdb.transforms.ratings import LETTER_SCORES, to_score  # noqa: E402
from criticdb.transforms.review_scores import implied_scale  # noqa: E402

DATA = ROOT.parent / "shared" / "corpus" / "rt-reviews" / "rt.reviews.tsv.gz"
FRACTION = re.compile(r"^(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
BARE = re.compile(r"^\d+(?:\.\d+)?$")
LETTER_ORDER = ["F-", "F", "F+", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A",
                "A+"]


class DataMissing(RuntimeError):
    """../shared/corpus/rt-reviews is not beside this checkout."""


def read_rows(path: Path = DATA) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataMissing(f"Rotten Tomatoes data not found at {path}")
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def expected(raw: str) -> float | None:
    if m := FRACTION.match(raw):
        value, best = float(m[1]), float(m[2])
        return round(value / best * 100, 2) if best > 0 and value <= best else None
    return LETTER_SCORES.get(raw)


def plain(raw: str) -> float | None:
    if m := FRACTION.match(raw):
        return float(m[1]) / float(m[2]) if float(m[2]) else None
    return LETTER_ORDER.index(raw) / (len(LETTER_ORDER) - 1) if raw in LETTER_ORDER else None


def ours(raw: str, scale: str | None = None) -> float | None:
    try:
        return to_score(raw, scale)
    except RatingError:
        return None


@dataclass
class Report:
    labelled: int = 0
    scored: int = 0
    agree: int = 0
    wrong: list[str] = field(default_factory=list)
    refused: int = 0
    bare: int = 0
    bare_scored_unlearned: int = 0
    bare_learned: int = 0
    auc: float = 0.0
    auc_plain: float = 0.0
    us_cold: float = 0.0
    us_all: float = 0.0
    n_strings: int = 0


def evaluate(rows: list[dict[str, str]]) -> Report:
    from sklearn.metrics import roc_auc_score

    rep = Report()
    scores, plains, fresh = [], [], []
    highest: dict[str, float] = defaultdict(float)
    for row in rows:
        raw = row["rating"].strip()
        if BARE.match(raw):
            highest[row["publisher"]] = max(highest[row["publisher"]], float(raw))
    for row in rows:
        raw = row["rating"].strip()
        if not raw:
            continue
        if BARE.match(raw):
            rep.bare += 1
            rep.bare_scored_unlearned += ours(raw) is not None
            rep.bare_learned += ours(raw, implied_scale(highest[row["publisher"]])) is not None
            continue
        want = expected(raw)
        if want is None and not FRACTION.match(raw):
            continue  # neither a fraction nor a letter: "R", "1-5"
        rep.labelled += 1
        got = ours(raw)
        if got is None:
            rep.refused += 1
            continue
        rep.scored += 1
        if want is not None and abs(got - want) < 0.01:
            rep.agree += 1
            scores.append(got)
            plains.append(plain(raw))
            fresh.append(row["fresh"] == "fresh")
        else:
            rep.wrong.append(f"{raw!r}: got {got}, expected {want}")
    rep.auc = roc_auc_score(fresh, scores)
    rep.auc_plain = roc_auc_score(fresh, plains)
    strings = [r["rating"].strip() for r in rows if r["rating"].strip()]
    distinct = sorted(set(strings))
    to_score.cache_clear()
    started = time.perf_counter()
    for raw in distinct:
        ours(raw)
    rep.us_cold = (time.perf_counter() - started) / len(distinct) * 1e6
    started = time.perf_counter()
    for raw in strings:
        ours(raw)
    rep.us_all = (time.perf_counter() - started) / len(strings) * 1e6
    rep.n_strings = len(strings)
    return rep


def main() -> int:
    try:
        rows = read_rows()
    except DataMissing as exc:
        print(f"skipped: {exc}")
        return 0
    rep = evaluate(rows)
    print(f"{len(rows)} reviews, {rep.n_strings} rating strings")
    print(f"labelled strings (x/y or a letter): {rep.labelled}; scored {rep.scored} "
          f"({rep.scored / rep.labelled:.2%}), refused {rep.refused} (out of range or not a "
          f"grade); agreement {rep.agree / rep.labelled:.2%} of all labelled, "
          f"{rep.agree / max(1, rep.scored):.2%} of scored; wrong {len(rep.wrong)}")
    print(f"bare numbers: {rep.bare}; scored without a scale: {rep.bare_scored_unlearned}; "
          f"with the publication's learned scale: {rep.bare_learned} "
          f"({rep.bare_learned / max(1, rep.bare):.1%})")
    print(f"ROC AUC vs Fresh/Rotten: criticdb {rep.auc:.4f}, plain fraction {rep.auc_plain:.4f}")
    print(f"µs per string: cold {rep.us_cold:.2f} (distinct strings, cache cleared), "
          f"all strings {rep.us_all:.2f}")
    for wrong in rep.wrong[:20]:
        print("  wrong:", wrong)
    return 0


if __name__ == "__main__":
    sys.exit(main())
