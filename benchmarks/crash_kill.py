"""Kill the pipeline (SIGKILL) at many points, each on a fresh warehouse, then run it once
more: the warehouse must equal an uninterrupted run's, open after the kill, and completed
fetches must not be repeated (at most one in-flight page per host is fetched again).

    .venv/bin/python benchmarks/crash_kill.py

Runs against the demo sites on free loopback ports with one Prefect server for all runs.
tests/test_crash_safety.py runs 5 of these points in the suite.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import criticdb.flows  # noqa: E402,F401  (offline Prefect defaults)
from criticdb.demo.serve import server_spec  # noqa: E402
from criticdb.demo.server import DemoServer  # noqa: E402
from criticdb.scrapers.config import load_sources  # noqa: E402
from tests.conftest import DEMO_SOURCES, write_sources  # noqa: E402
from tests.crash_harness import killed, opens, run_cli, snapshot, subprocess_env  # noqa: E402

POINTS = [f"fetch:{n}" for n in (1, 5, 10, 20, 30, 40, 50, 60)] + [
    f"extract:{n}" for n in (1, 10, 30, 50, 64)] + ["load:1", "load:2", "publish:1"] + [
    f"report:{n}" for n in (1, 2, 3, 4, 5)]


def main() -> int:
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    cfg = load_sources(DEMO_SOURCES)
    spec = server_spec(cfg, any_port=True)
    with tempfile.TemporaryDirectory() as tmp, DemoServer(spec) as server, \
            prefect_test_harness(server_startup_timeout=120):
        tmp_path = Path(tmp)
        sources = write_sources({n: s.origin for n, s in server.sites.items()},
                                tmp_path / "sources.toml")
        env = subprocess_env(PREFECT_API_URL.value())
        (tmp_path / "clean").mkdir()
        run_cli(sources, tmp_path / "clean" / "w.duckdb", None, env)
        baseline = snapshot(tmp_path / "clean" / "w.duckdb")
        started = time.perf_counter()
        outcomes = []
        for i, point in enumerate(POINTS):
            db = tmp_path / f"crash{i}" / "w.duckdb"
            db.parent.mkdir()
            marks = {n: len(s.log) for n, s in server.sites.items()}
            was_killed = killed(run_cli(sources, db, point, env))
            opened = opens(db)
            run_cli(sources, db, None, env)
            bodies = [r.path for n, s in server.sites.items() for r in s.log[marks[n]:]
                      if r.status == 200 and r.path.count("/") >= 3 and "/page/" not in r.path
                      and not r.path.endswith((".txt", ".xml", "/feed/", "/reviews/"))]
            outcomes.append((point, was_killed, opened, snapshot(db) == baseline,
                             len(bodies) - len(set(bodies))))
    print(f"{len(POINTS)} kill points, each on a fresh warehouse, then a clean run "
          f"({time.perf_counter() - started:.0f} s):")
    for point, was_killed, opened, equal, repeated in outcomes:
        print(f"  {point:10s} killed={was_killed} opens={opened} equal_to_uninterrupted={equal}"
              f" bodies_fetched_twice={repeated}")
    hosts = len(server.sites)
    ok = all(k and o and e and r <= hosts for _, k, o, e, r in outcomes)
    print("all kill points passed" if ok else "SOME KILL POINTS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
