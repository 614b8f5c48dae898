"""Bulk load speed: 1,000,000 synthetic reviews (with films, critics, relations) into an
empty warehouse, then the same rows again (the idempotent re-load), against a row-by-row
executemany baseline measured in the same run; then every analysis view over the result.

    .venv/bin/python benchmarks/load.py [--reviews 1000000] [--baseline-rows 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.warehouse.db import connect  # noqa: E402
from criticdb.warehouse.load import replace_entities  # noqa: E402

ANALYSIS_VIEWS = ("film_scores", "remake_comparison", "remake_families", "critic_leanings",
                  "remake_bias", "remake_summary", "relation_conflicts", "extraction_sources")


def synthetic(n_reviews: int, seed: int = 0) -> dict[str, list[dict]]:
    rnd = random.Random(seed)
    n_films, n_critics, n_pubs = max(n_reviews // 10, 10), max(n_reviews // 100, 5), 100
    films = [{"film_id": f"f{i}", "title": f"Film {i}", "year": 1950 + i % 75,
              "in_catalogue": False, "aliases": []} for i in range(n_films)]
    critics = [{"critic_id": f"c{i}", "name": f"Critic {i}"} for i in range(n_critics)]
    pubs = [{"publication_id": f"p{i}", "name": f"Pub {i}"} for i in range(n_pubs)]
    relations = [{"film_id": f"f{i}", "related_film_id": f"f{i - 1}", "relation": "remake_of",
                  "source": "catalogue", "confidence": 1.0, "evidence_count": 1}
                 for i in range(1, n_films, 20)]
    reviews = []
    seen = set()
    while len(reviews) < n_reviews:
        f, c, p = rnd.randrange(n_films), rnd.randrange(n_critics), rnd.randrange(n_pubs)
        if (f, c, p) in seen:
            continue
        seen.add((f, c, p))
        i = len(reviews)
        rated = rnd.random() < 0.8
        reviews.append({
            "review_id": f"r{i:08d}", "url": f"https://site{p}.example/reviews/{i}",
            "film_id": f"f{f}", "critic_id": f"c{c}", "publication_id": f"p{p}",
            "rating_raw": "3.5" if rated else None, "rating_scale": "out_of_4" if rated else None,
            "score": round(rnd.uniform(0, 100), 2),
            "score_source": "rating" if rated else "inferred",
            "body_text": "A short synthetic review body with a handful of words in it.",
            "extraction_sources": '{"critic": "jsonld", "film_title": "jsonld"}',
            "confidence": 0.9})
    return {"films": films, "critics": critics, "publications": pubs, "reviews": reviews,
            "film_relations": relations}


def baseline(db: Path, rows: list[dict]) -> float:
    con = connect(db)
    cols = list(rows[0])
    placeholders = ", ".join("?" for _ in cols)
    sql = f"INSERT INTO reviews ({', '.join(cols)}) VALUES ({placeholders})"  # noqa: S608
    started = time.perf_counter()
    con.executemany(sql, [[r[c] for c in cols] for r in rows])
    seconds = time.perf_counter() - started
    con.close()
    return len(rows) / seconds


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--reviews", type=int, default=1_000_000)
    p.add_argument("--baseline-rows", type=int, default=20_000)
    a = p.parse_args()
    t = time.perf_counter()
    data = synthetic(a.reviews)
    print(f"generated {a.reviews:,} reviews, {len(data['films']):,} films, "
          f"{len(data['critics']):,} critics in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        con = connect(db)
        t = time.perf_counter()
        replace_entities(con, data)
        first = time.perf_counter() - t
        t = time.perf_counter()
        replace_entities(con, data)
        again = time.perf_counter() - t
        n = con.execute("SELECT count(*) FROM reviews").fetchone()[0]
        assert n == a.reviews, n
        timings = {}
        for view in ANALYSIS_VIEWS:
            t = time.perf_counter()
            con.execute(f"CREATE OR REPLACE TEMP TABLE bench_{view} AS "  # noqa: S608
                        f"SELECT * FROM {view}")
            timings[view] = time.perf_counter() - t
        con.close()
        base_rate = baseline(Path(tmp) / "baseline.duckdb", data["reviews"][:a.baseline_rows])
    print(f"first load: {first:6.2f} s  {a.reviews / first:10,.0f} reviews/s")
    print(f"re-load:    {again:6.2f} s  {a.reviews / again:10,.0f} reviews/s "
          f"({again / first:.2f}x the first load)")
    print(f"row-by-row executemany baseline ({a.baseline_rows:,} rows): "
          f"{base_rate:10,.0f} reviews/s")
    total = sum(timings.values())
    print(f"analysis views over {a.reviews:,} reviews: {total:.2f} s in all")
    for view, seconds in timings.items():
        print(f"  {view:20s} {seconds:6.3f} s")


if __name__ == "__main__":
    main()
