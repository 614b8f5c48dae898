"""Bulk, idempotent loads from Python rows via Arrow batches; never row-by-row inserts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

from criticdb.common.crashpoints import crashpoint
from criticdb.common.rejects import Reject
from criticdb.warehouse.sql import named, sql

ENTITY_TABLES = ("films", "critics", "publications", "reviews", "film_relations")
ENTITY_KEYS = {"films": ("film_id",), "critics": ("critic_id",),
               "publications": ("publication_id",), "reviews": ("review_id",),
               "film_relations": ("film_id", "related_film_id", "relation", "source")}


def _batch(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> pa.Table:
    schema = con.table(table).limit(0).to_arrow_table().schema
    return pa.Table.from_pylist(rows, schema=schema)


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, batch: pa.Table) -> Iterator[None]:
    """`batch` visible to the statements for the length of the block."""
    con.register("batch", batch)
    try:
        yield
    finally:
        con.unregister("batch")


def upsert_pages(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    if rows:
        with _registered(con, _batch(con, "pages", rows)):
            con.execute(sql("statements/upsert_pages"))


def upsert_extractions(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    if rows:
        with _registered(con, _batch(con, "extractions", rows)):
            con.execute(sql("statements/upsert_extractions"))


def upsert_rejects(con: duckdb.DuckDBPyConnection, rejects: list[Reject], run_id: str) -> None:
    if not rejects:
        return
    rows = [{"url": r.url, "stage": r.stage, "reason": r.reason, "detail": r.detail,
             "http_status": r.http_status, "attempts": r.attempts, "first_run_id": run_id,
             "last_run_id": run_id, "times_seen": 1} for r in rejects]
    with _registered(con, _batch(con, "rejects", rows)):
        con.execute(sql("statements/upsert_rejects"), {"run_id": run_id})


def _one(con: duckdb.DuckDBPyConnection, statement: str) -> int:
    return con.execute(statement).fetchall()[0][0]


def _sync(con: duckdb.DuckDBPyConnection, table: str, batch: pa.Table) -> dict[str, int]:
    """Make `table` equal to `batch` touching only rows that differ (statements in
    warehouse/statements/sync_<table>.sql); returns rows added, updated and removed."""
    stmt = named(f"statements/sync_{table}")
    with _registered(con, batch):
        before = _one(con, stmt["count"])
        if not before:  # first load: nothing to compare against
            con.execute(stmt["first_load"])
            return {"added": batch.num_rows, "updated": 0, "removed": 0}
        con.execute(stmt["changed"])
        n_changed = _one(con, stmt["n_changed"])
        updated = _one(con, stmt["updated"])
        con.execute(stmt["delete"])
        after_delete = _one(con, stmt["count"])
        con.execute(stmt["insert"])
    return {"added": n_changed - updated, "updated": updated,
            "removed": before - after_delete - updated}


def replace_entities(con: duckdb.DuckDBPyConnection,
                     tables: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    """Make every entity table equal to the freshly normalised rows, in one transaction.

    Entities are a deterministic function of all extractions and the catalogue, so this is
    idempotent; only rows that differ are deleted and re-inserted (an unchanged re-load
    writes nothing), and readers never see a mix of old and new rows. Returns, per table,
    how many rows were added, updated and removed.
    """
    batches = {t: _batch(con, t, tables[t]) for t in ENTITY_TABLES}
    con.execute("BEGIN TRANSACTION")
    try:
        changes = {table: _sync(con, table, batches[table]) for table in ENTITY_TABLES}
        con.execute("DROP TABLE IF EXISTS changed")
        crashpoint("load")  # all entity rows written, transaction not yet committed
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    return changes


def mark_gone(con: duckdb.DuckDBPyConnection, gone: list[tuple[str, int]], run_id: str) -> int:
    """Mark known pages that now answer 404/410; returns how many were known."""
    if not gone:
        return 0
    batch = pa.table({"url": [u for u, _ in gone], "status": [s for _, s in gone]})
    with _registered(con, batch):
        known = _one(con, sql("statements/known_gone"))
        con.execute(sql("statements/mark_gone"), {"run_id": run_id})
    return known
