"""Task runners: threads on one machine, or a Dask cluster through prefect-dask."""

from __future__ import annotations

from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner

RUNNERS = ("threads", "dask")


def make_task_runner(kind: str = "threads", address: str | None = None,
                     workers: int = 2) -> Any:
    """`dask` with an address joins that scheduler; without one it starts a local cluster of
    `workers` processes. Only crawl and extract tasks run there; DuckDB stays in the flow."""
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=8)
    if kind != "dask":
        raise ValueError(f"task runner must be one of {RUNNERS}, not {kind!r}")
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "processes": True,
                                          "threads_per_worker": 2,
                                          "dashboard_address": None})
