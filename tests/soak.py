"""Soak: many scheduled-like runs against a site that changes between them.

    .venv/bin/python -m tests.soak [--runs 50]

tests/test_soak.py runs a bounded version of the same loop in the suite.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import duckdb

import criticdb.flows  # noqa: F401  (offline Prefect defaults, before Prefect is imported)
from tests.servers.mutable import MutableSite


def sources_file(origin: str, path: Path) -> Path:
    path.write_text(f'[crawl]\nretries = 0\n\n[[sites]]\nname = "Soak Site"\nbase_url = '
                    f'"{origin}/"\ndelay_seconds = 0.0\nreview_pattern = \'^/reviews/\'\n'
                    'sources = [{ kind = "sitemap", url = "/sitemap.xml" }]\n',
                    encoding="utf-8")
    return path


def soak(runs: int, tmp: Path) -> dict:
    from criticdb.common.errors import CrawlFailed
    from criticdb.flows.pipeline import review_pipeline

    db = tmp / "soak.duckdb"
    statuses = []
    with MutableSite() as site:
        sources = sources_file(site.origin, tmp / "sources.toml")
        for r in range(runs):
            site.state.apply_round(r)
            if r == runs - 1:
                site.state.down = False  # the last run sees the final state
            try:
                summary = review_pipeline(sources=str(sources), db=str(db),
                                          report_dir=str(tmp / "report"))
            except CrawlFailed:  # the site is down: a failed run that keeps the warehouse
                statuses.append({"failed": 1})
                continue
            statuses.append(summary.counts)
        state = site.state
    con = duckdb.connect(str(db), read_only=True)
    try:
        reviews = con.execute("SELECT f.title, r.body_text, r.rating_raw, r.score "
                              "FROM reviews AS r JOIN films AS f USING (film_id)").fetchall()
        dupes = con.execute("SELECT (SELECT count(*) - count(DISTINCT film_id) FROM films), "
                            "(SELECT count(*) - count(DISTINCT name) FROM critics), "
                            "(SELECT count(*) - count(DISTINCT url) FROM reviews)").fetchall()[0]
        gone = con.execute("SELECT url FROM pages WHERE status IN (404, 410)").fetchall()
        runs_ok = con.execute("SELECT status, count(*) FROM runs GROUP BY ALL").fetchall()
    finally:
        con.close()
    return {"state": state, "reviews": reviews, "dupes": dupes, "gone": {u for (u,) in gone},
            "runs": dict(runs_ok), "counts": statuses}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=50)
    a = p.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120):
        out = soak(a.runs, Path(tmp))
    s = out["state"]
    print(f"{a.runs} runs: {len(s.versions)} reviews published, {len(s.deleted)} deleted, "
          f"{sum(v > 1 for v in s.versions.values())} edited; warehouse holds "
          f"{len(out['reviews'])} reviews, {len(out['gone'])} pages marked gone; duplicates "
          f"(films, critics, reviews) {out['dupes']}; runs by status {out['runs']}")


if __name__ == "__main__":
    main()
