"""End-to-end pipeline cost on a generated 10,000-page corpus over 5 loopback hosts.

    .venv/bin/python benchmarks/pipeline.py [--pages 10000] [--task-runner threads|dask]

Rate limits off, 4 concurrent requests per host; reports the flow process's peak RSS.
Runs the Prefect flow against a temporary Prefect server started once beforehand (its
start-up is reported separately), then runs it again with nothing changed. Orchestration
is measured, not guessed: a flow of N trivial tasks in the same process gives Prefect's
cost per task run, times the task runs the pipeline made, plus the cost of an empty flow
run.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import criticdb.flows  # noqa: E402,F401  (offline Prefect defaults)

HOSTS = 5
BODY = ("<p>The film keeps its nerve for most of its running time, and the central "
        "performance is quietly excellent even when the script leans on coincidence.</p>") * 6


def generate(root: Path, pages: int, port0: int) -> tuple[str, dict]:
    """The sources file and the DemoServer spec that serves the generated sites."""
    sites, spec = [], {}
    for h in range(HOSTS):
        site = root / f"site{h}"
        origin = f"http://127.0.0.1:{port0 + h}"
        urls = []
        for i in range(h, pages, HOSTS):
            d = site / "reviews" / f"film-{i}"
            d.mkdir(parents=True)
            ld = {"@context": "https://schema.org", "@type": "Review",
                  "author": {"@type": "Person", "name": f"Critic {i % 40}"},
                  "datePublished": "2024-03-01",
                  "itemReviewed": {"@type": "Movie", "name": f"Bench Film {i}",
                                   "dateCreated": str(1960 + i % 60)},
                  "reviewRating": {"@type": "Rating", "ratingValue": str(1 + i % 4),
                                   "bestRating": "4", "worstRating": "0"},
                  "reviewBody": "A short body."}
            (d / "index.html").write_text(
                f"<html><head><title>Bench Film {i} review</title><script type='application/"
                f"ld+json'>{json.dumps(ld)}</script></head><body><h1>Bench Film {i}</h1>{BODY}"
                "</body></html>", encoding="utf-8")
            urls.append(f"{origin}/reviews/film-{i}/")
        spec[f"Bench {h}"] = (site, origin, port0 + h)
        (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        (site / "sitemap.xml").write_text(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{u}</loc><lastmod>2024-03-01</lastmod></url>" for u in urls)
            + "</urlset>")
        sites.append(f'[[sites]]\nname = "Bench {h}"\nbase_url = "{origin}/"\n'
                     'delay_seconds = 0.0\nconcurrency = 4\n'
                     "review_pattern = '^/reviews/'\n"
                     'sources = [{ kind = "sitemap", url = "/sitemap.xml" }]\n')
    sources = root / "sources.toml"
    sources.write_text("[crawl]\nretries = 1\n\n" + "\n".join(sites), encoding="utf-8")
    return str(sources), spec


def per_task_cost(n: int = 200) -> tuple[float, float]:
    """Seconds of Prefect orchestration per task run, and per empty flow run."""
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    @task(cache_policy=NO_CACHE)
    def noop(x: int) -> int:
        return x

    @flow
    def empty() -> None:
        return None

    @flow
    def many() -> None:
        noop.map(range(n)).result()

    empty()  # warm
    t = time.perf_counter()
    empty()
    flow_cost = time.perf_counter() - t
    t = time.perf_counter()
    many()
    return (time.perf_counter() - t - flow_cost) / n, flow_cost


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--pages", type=int, default=10_000)
    p.add_argument("--port", type=int, default=8810)
    p.add_argument("--task-runner", default="threads", choices=("threads", "dask"))
    p.add_argument("--dask-workers", type=int, default=2)
    a = p.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    from criticdb.demo.server import DemoServer
    from criticdb.flows.pipeline import EXTRACT_BATCH_MAX, EXTRACT_BATCH_MIN, review_pipeline
    from criticdb.flows.runners import make_task_runner

    with tempfile.TemporaryDirectory() as tmp:
        sources, spec = generate(Path(tmp), a.pages, a.port)
        t = time.perf_counter()
        with prefect_test_harness(server_startup_timeout=120), DemoServer(spec):
            startup = time.perf_counter() - t
            flow = review_pipeline.with_options(
                task_runner=make_task_runner(a.task_runner, workers=a.dask_workers))
            runs = []
            peaks: list[float] = []  # the flow's process (the loopback sites' threads too)
            for _ in range(2):
                t = time.perf_counter()
                s = flow(sources=sources, db=f"{tmp}/bench.duckdb", report_dir=f"{tmp}/rep")
                runs.append((time.perf_counter() - t, s))
                peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            task_cost, flow_cost = per_task_cost()
    (first, s1), (second, s2) = runs
    n = s1.counts["extracted"]
    batch = min(EXTRACT_BATCH_MAX, max(EXTRACT_BATCH_MIN, n // 16 + 1))
    n_tasks = HOSTS + -(-n // batch) + 2  # crawl per host, extract batches, normalise, report
    orchestration = n_tasks * task_cost + flow_cost
    runner = a.task_runner + (f" ({a.dask_workers} workers)" if a.task_runner == "dask" else "")
    print(f"{a.pages} pages on {HOSTS} hosts, task runner {runner}; temporary Prefect "
          f"server start-up {startup:.1f} s (not counted below)")
    print(f"first run:  {first:7.2f} s  counts {s1.counts}")
    print(f"  stages: {s1.stage_seconds}")
    print(f"no-change re-run: {second:6.2f} s ({second / first:.1%} of the first run)  "
          f"counts {s2.counts}")
    print(f"  stages: {s2.stage_seconds}")
    print(f"peak RSS of the flow's process: {peaks[0]:.0f} MB after the first run, "
          f"{peaks[1]:.0f} MB after the re-run (the Prefect server is another process)")
    print(f"orchestration: {n_tasks} task runs × {task_cost * 1000:.1f} ms + flow run "
          f"{flow_cost:.2f} s = {orchestration:.2f} s, {orchestration / first:.1%} of the "
          "first run")


if __name__ == "__main__":
    main()
