"""Renders docs/schema.md from the live schema's COMMENT ON descriptions."""

from __future__ import annotations

import duckdb

HEADER = ("# Warehouse schema\n\nGenerated from a fresh warehouse by `criticdb schema-docs`; "
          "do not edit by hand (a test fails when this file is stale).\n")


def render(con: duckdb.DuckDBPyConnection) -> str:
    out = [HEADER]
    objects = con.execute(
        "SELECT table_name, 'table', comment FROM duckdb_tables() "
        "UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal "
        "ORDER BY 2, 1").fetchall()
    for name, kind, comment in objects:
        out.append(f"\n## `{name}` ({kind})\n\n{comment or ''}\n")
        out.append("\n| column | type | description |\n|---|---|---|\n")
        for col, dtype, ccomment in con.execute(
                "SELECT column_name, data_type, comment FROM duckdb_columns() "
                "WHERE table_name = ? ORDER BY column_index", [name]).fetchall():
            desc = (ccomment or "").replace("|", "\\|")
            out.append(f"| `{col}` | {dtype} | {desc} |\n")
    return "".join(out)
