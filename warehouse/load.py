"""Bulk, idempotent loads from Python rows via Arrow batches; never row-by-row inserts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pyarrow as pa

from criticdb.common.crashpoints import crashpoint
from criticdb.common.rejects import Reject
from criticdb.warehouse.sql import sql

ENTITY_TABLES = ("films", "critics", "publications", "reviews", "film_relations")
ENTITY_KEYS = {"films": ("film_id",), "critics": ("critic_id",),
               "publications": ("publication_id",), "reviews": ("review_id",),
               "film_relations": ("film_id", "related_film_id", "relation", "source")}


def _batch(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> pa.Table:
    schema = con.table(table).limit(0).to_arrow_table().schema
    return pa.Table.from_pylist(rows, schema=schema)


def upsert_pages(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    con.register("batch", _batch(con, "pages", rows))
    try:
        con.execute(sql("statements/upsert_pages"))
    finally:
        con.unregister("batch")


def upsert_extractions(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    con.register("batch", _batch(con, "extractions", rows))
    try:
        con.execute("INSERT OR REPLACE INTO extractions BY NAME SELECT * FROM batch")
    finally:
        con.unregister("batch")


def upsert_rejects(con: duckdb.DuckDBPyConnection, rejects: list[Reject], run_id: str) -> None:
    if not rejects:
        return
    rows = [{"url": r.url, "stage": r.stage, "reason": r.reason, "detail": r.detail,
             "http_status": r.http_status, "attempts": r.attempts, "first_run_id": run_id,
             "last_run_id": run_id, "times_seen": 1} for r in rejects]
    con.register("batch", _batch(con, "rejects", rows))
    try:
        con.execute(sql("statements/upsert_rejects"), {"run_id": run_id})
    finally:
        con.unregister("batch")


def _sync_sql(table: str) -> tuple[str, str, str, str]:
    """Statements that make `table` equal to `batch` touching only rows that differ.

    Table and key names come from ENTITY_KEYS (constants), never from data.
    """
    keys = ENTITY_KEYS[table]
    match = " AND ".join(f"x.{k} IS NOT DISTINCT FROM {table}.{k}" for k in keys)
    diff = f"SELECT * FROM batch EXCEPT SELECT * FROM {table}"  # noqa: S608
    changed = f"CREATE OR REPLACE TEMP TABLE changed AS {diff}"  # noqa: S608
    delete = (f"DELETE FROM {table} WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE {match}) "  # noqa: S608
              f"OR EXISTS (SELECT 1 FROM changed AS x WHERE {match})")
    insert = f"INSERT INTO {table} SELECT * FROM changed"  # noqa: S608
    updated = (f"SELECT count(*) FROM changed AS c WHERE EXISTS (SELECT 1 FROM {table} "  # noqa: S608
               f"WHERE {match.replace('x.', 'c.')})")
    return changed, updated, delete, insert


def replace_entities(con: duckdb.DuckDBPyConnection,
                     tables: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    """Make every entity table equal to the freshly normalised rows, in one transaction.

    Entities are a deterministic function of all extractions and the catalogue, so this is
    idempotent; only rows that differ are deleted and re-inserted (an unchanged re-load
    writes nothing), and readers never see a mix of old and new rows. Returns, per table,
    how many rows were added, updated and removed.
    """
    batches = {t: _batch(con, t, tables[t]) for t in ENTITY_TABLES}
    changes: dict[str, dict[str, int]] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ENTITY_TABLES:
            con.register("batch", batches[table])
            before = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]  # noqa: S608
            if not before:  # first load: nothing to compare against
                con.execute(f"INSERT INTO {table} SELECT * FROM batch")  # noqa: S608
                changes[table] = {"added": batches[table].num_rows, "updated": 0, "removed": 0}
            else:
                changed, updated_sql, delete, insert = _sync_sql(table)
                con.execute(changed)
                n_changed = con.execute("SELECT count(*) FROM changed").fetchall()[0][0]
                updated = con.execute(updated_sql).fetchall()[0][0]
                con.execute(delete)
                after_delete = con.execute(
                    f"SELECT count(*) FROM {table}").fetchall()[0][0]  # noqa: S608
                con.execute(insert)
                changes[table] = {"added": n_changed - updated, "updated": updated,
                                  "removed": before - after_delete - updated}
            con.unregister("batch")
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
    con.register("batch", pa.table({"url": [u for u, _ in gone],
                                    "status": [s for _, s in gone]}))
    try:
        known = con.execute("SELECT count(*) FROM pages WHERE url IN (SELECT url FROM batch) "
                            "OR requested_url IN (SELECT url FROM batch)").fetchall()[0][0]
        con.execute(sql("statements/mark_gone"), {"run_id": run_id})
    finally:
        con.unregister("batch")
    return known


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None,
              sources_file: str) -> None:
    # a run still 'running' here died without finishing (killed, machine lost)
    con.execute("UPDATE runs SET status = 'abandoned', message = 'process ended before the "
                "run finished' WHERE status = 'running'")
    con.execute("INSERT INTO runs (run_id, flow_run_id, started_at, status, sources_file) "
                "VALUES (?, ?, ?, 'running', ?)",
                [run_id, flow_run_id, dt.datetime.now(dt.UTC), sources_file])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str,
               counts: dict[str, int], message: str | None = None,
               inputs_sha256: str | None = None) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, pages_discovered = ?, pages_fetched = ?, "
        "pages_not_modified = ?, pages_rejected = ?, pages_extracted = ?, pages_gone = ?, "
        "reviews_added = ?, reviews_updated = ?, reviews_removed = ?, "
        "reviews_total = (SELECT count(*) FROM reviews), message = ?, inputs_sha256 = ? "
        "WHERE run_id = ?",
        [dt.datetime.now(dt.UTC), status, counts.get("discovered", 0), counts.get("fetched", 0),
         counts.get("not_modified", 0), counts.get("rejected", 0), counts.get("extracted", 0),
         counts.get("gone", 0), counts.get("reviews_added", 0), counts.get("reviews_updated", 0),
         counts.get("reviews_removed", 0), message, inputs_sha256, run_id])
