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
