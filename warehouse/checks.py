"""Data tests as SQL: each file in warehouse/checks/ must return zero rows."""

from __future__ import annotations

import duckdb

from criticdb.common.errors import CriticdbError
from criticdb.warehouse.sql import HERE, sql


class CheckFailed(CriticdbError):
    """A data test returned rows; the message names the check and shows a few of them."""


def check_names() -> list[str]:
    return [p.stem for p in sorted((HERE / "checks").glob("*.sql"))]


def run_checks(con: duckdb.DuckDBPyConnection) -> None:
    failures = []
    for name in check_names():
        rows = con.execute(sql(f"checks/{name}")).fetchall()
        if rows:
            failures.append(f"{name}: {len(rows)} rows, e.g. {rows[:3]}")
    if failures:
        raise CheckFailed("warehouse checks failed: " + "; ".join(failures))



