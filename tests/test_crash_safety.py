"""SIGKILL at 5 points across fetch, extract, load, publish and report, then one clean run:
the warehouse equals an uninterrupted run's, always opens, and completed fetches are not
downloaded again. benchmarks/crash_kill.py runs many more points."""

from __future__ import annotations

from tests.crash_harness import killed, opens, run_cli, snapshot, subprocess_env

KILL_POINTS = ["fetch:12", "extract:20", "load:2", "publish:1", "report:2"]


def test_killed_runs_then_a_clean_run_equal_an_uninterrupted_one(prefect_server, demo_sites,
                                                                  demo_run, tmp_path) -> None:
    from prefect.settings import PREFECT_API_URL

    env = subprocess_env(PREFECT_API_URL.value())
    db = tmp_path / "crash.duckdb"
    marks = {n: len(s.log) for n, s in demo_sites.server.sites.items()}
    for point in KILL_POINTS:
        assert killed(run_cli(demo_sites.sources, db, point, env)), point
        assert opens(db), point
    run_cli(demo_sites.sources, db, None, env)
    assert snapshot(db) == snapshot(demo_run.db.with_name("after_first.duckdb"))
    bodies = [r.path for n, s in demo_sites.server.sites.items() for r in s.log[marks[n]:]
              if r.status == 200 and not r.path.endswith((".txt", ".xml", "/feed/"))
              and "/page/" not in r.path and r.path not in ("/reviews/", "/culture/film/")]
    refetched = len(bodies) - len(set(bodies))
    assert refetched <= len(demo_sites.server.sites)  # at most one in flight per host at the kill
    assert len(set(bodies)) == 64
