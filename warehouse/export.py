"""Exports every warehouse table to Parquet or CSV files for other tools."""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv")


def export_tables(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table (<table>.parquet or <table>.csv); returns the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name"
    ).fetchall()]
    written = []
    for table in tables:
        path = out_dir / f"{table}.{fmt}"
        rel = con.table(table)
        if fmt == "parquet":
            rel.write_parquet(str(path))
        else:
            rel.write_csv(str(path), header=True)
        written.append(path)
    return written
