"""Run bookkeeping: one `runs` row per pipeline run, opened at the start, closed with counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import duckdb

from criticdb.warehouse.sql import sql


@dataclass
class RunCounts:
    """What a run did; the same names in logs, the runs table and the CLI summary."""

    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    rejected: int = 0
    extracted: int = 0
    loaded: int = 0  # reviews in the warehouse after the run
    gone: int = 0
    reviews_added: int = 0
    reviews_updated: int = 0
    reviews_removed: int = 0
    sites: int = 0
    sites_failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None,
              sources_file: str) -> None:
    con.execute(sql("statements/start_run"),
                {"run_id": run_id, "flow_run_id": flow_run_id,
                 "started_at": dt.datetime.now(dt.UTC), "sources_file": sources_file})


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: RunCounts,
               message: str | None = None, inputs_sha256: str | None = None) -> None:
    con.execute(sql("statements/finish_run"),
                {**counts.as_dict(), "finished_at": dt.datetime.now(dt.UTC), "status": status,
                 "message": message, "inputs_sha256": inputs_sha256, "run_id": run_id})
