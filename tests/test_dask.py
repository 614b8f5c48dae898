"""The demo pipeline on a local Dask cluster of 2 worker processes gives exactly the warehouse
of the default threaded run."""

from __future__ import annotations

from tests.crash_harness import snapshot


def test_dask_run_equals_threaded_run(prefect_server, demo_sites, demo_run, tmp_path) -> None:
    from criticdb.flows.pipeline import review_pipeline
    from criticdb.flows.runners import make_task_runner

    flow = review_pipeline.with_options(task_runner=make_task_runner("dask", workers=2))
    db = tmp_path / "dask.duckdb"
    summary = flow(sources=str(demo_sites.sources), db=str(db),
                   report_dir=str(tmp_path / "report"))
    assert summary.counts["extracted"] == 64
    assert snapshot(db) == snapshot(demo_run.db.with_name("after_first.duckdb"))


def test_cli_dask_run_shares_one_prefect_server_and_prints_no_error(tmp_path) -> None:
    """From the command line, without a configured Prefect server: the CLI starts one
    temporary server and the Dask workers report to it (no server per worker)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    out = subprocess.run([sys.executable, "-m", "criticdb.flows.cli", "demo", "--task-runner",
                          "dask", "--dask-workers", "2", "--db", str(tmp_path / "w.duckdb"),
                          "--report-dir", str(tmp_path / "report")], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-3000:]
    assert "64 extracted" in out.stdout
    assert "ERROR" not in text and "Traceback" not in text, text[-3000:]
