"""Per-field extraction accuracy over the golden corpus (floors: extraction_gate.py).

    .venv/bin/python benchmarks/extraction_accuracy.py

Exact match after whitespace normalisation for every field but the body, which is scored as
token F1 against the expected body. A field whose expected value is empty counts as correct
only if extraction also returns nothing (so invented values lower the score). The floors
these scores must keep are in extraction_baseline.json, checked by extraction_gate.py.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "sites"
FIELDS = ("film_title", "film_year", "critic", "publication", "published", "rating_raw",
          "rating_scale", "remake_of")


def token_f1(expected: str, got: str) -> float:
    e, g = expected.split(), got.split()
    if not e or not g:
        return float(e == g)
    common = sum(min(e.count(t), g.count(t)) for t in set(e))
    if not common:
        return 0.0
    p, r = common / len(g), common / len(e)
    return 2 * p * r / (p + r)


def page_for(golden: Path, expected: dict) -> Path:
    if "page" in expected:
        return ROOT / expected["page"]
    return golden.with_name(golden.name.removesuffix(".expected.json") + ".html")


def _norm(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


def evaluate() -> tuple[dict[str, float], list[str], str, int]:
    goldens = sorted(CORPUS.glob("*/*.expected.json"))
    digest = hashlib.sha256()
    hits = dict.fromkeys(FIELDS, 0)
    f1s: list[float] = []
    rating_given = rating_right = 0
    misses: list[str] = []
    for golden in goldens:
        expected = json.loads(golden.read_text(encoding="utf-8"))
        body = page_for(golden, expected).read_bytes()
        digest.update(body + golden.read_bytes())
        got = extract_review(body, expected["url"]).to_dict()
        for field in FIELDS:
            want, have = expected.get(field), got.get(field)
            ok = (_norm(want) == _norm(have)) if want not in (None, "", []) else \
                have in (None, "", [])
            hits[field] += ok
            if not ok:
                misses.append(f"{golden.parent.name}/{golden.stem}: {field} expected "
                              f"{want!r}, got {have!r}")
        if expected.get("body_text"):
            f1s.append(token_f1(expected["body_text"], got.get("body_text") or ""))
        if got.get("rating_raw"):
            rating_given += 1
            rating_right += _norm(got["rating_raw"]) == _norm(expected.get("rating_raw"))
    scores = {f: hits[f] / len(goldens) for f in FIELDS}
    scores["body_f1"] = sum(f1s) / len(f1s)
    scores["rating_precision"] = rating_right / rating_given if rating_given else 1.0
    return scores, misses, digest.hexdigest()[:16], len(goldens)


def main() -> int:
    scores, misses, corpus_hash, n = evaluate()
    print(f"corpus: {n} pages, hash {corpus_hash}")
    for field, score in scores.items():
        print(f"  {field:18s} {score:6.1%}")
    for miss in misses:
        print("  miss:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
