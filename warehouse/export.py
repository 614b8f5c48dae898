"""Exports every warehouse table and analysis view to Parquet or CSV files for other tools.

Parquet keeps list columns as lists; CSV, which has no lists, gets them as JSON text.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from criticdb.common.errors import CriticdbError

FORMATS = ("parquet", "csv")


class ExportError(CriticdbError):
    """The export target cannot be used; the message names it."""


def export_tables(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table and view (<name>.parquet or <name>.csv); returns the paths."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {FORMATS}, not {fmt!r}")
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} exists and is not a directory; name a directory to "
                          "write the files into")
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal UNION ALL "
        "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()]
    written = []
    for name in names:
        path = out_dir / f"{name}.{fmt}"
        rel = con.table(name)
        if fmt == "parquet":
            rel.write_parquet(str(path))
        else:
            lists = [c for c, t in zip(rel.columns, rel.types, strict=True)
                     if str(t).endswith("[]")]
            if lists:
                rel = rel.project(", ".join(
                    f"to_json({duckdb.ColumnExpression(c)}) AS {duckdb.ColumnExpression(c)}"
                    if c in lists else str(duckdb.ColumnExpression(c)) for c in rel.columns))
            rel.write_csv(str(path), header=True)
        written.append(path)
    return written
