"""Opens the warehouse file and brings its schema to the version this code knows."""

from __future__ import annotations

from pathlib import Path

import duckdb

from criticdb.common.errors import CriticdbError
from criticdb.warehouse.sql import migrations, sql, views


class WarehouseError(CriticdbError):
    """The warehouse file cannot be used; the message names the file and what to do."""


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open on the connection
    exists = con.execute("SELECT count(*) FROM duckdb_tables() "
                         "WHERE table_name = 'schema_migrations'").fetchall()
    if not exists[0][0]:
        return 0
    return int(con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0][0] or 0)


def migrate(con: duckdb.DuckDBPyConnection, path: Path | str = "") -> int:
    known = migrations()
    latest = known[-1][0] if known else 0
    current = schema_version(con)
    if current > latest:
        raise WarehouseError(f"{path} has schema version {current}, newer than this criticdb "
                             f"knows ({latest}); upgrade criticdb to use it")
    if current == 0:
        con.execute(sql("statements/create_schema_migrations"))
    for version, name in known:
        if version <= current:
            continue
        con.execute("BEGIN")
        con.execute(sql(name))
        con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
        con.execute("COMMIT")
    for view in views():
        con.execute(sql(view))
    return latest


def connect(path: Path | str, read_only: bool = False,
            sandboxed: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema migrated (writers) or checked (readers). `sandboxed`
    (with read_only): no file or network access from SQL either (COPY … TO, read_csv)."""
    if read_only and not str(path).startswith("md:") and not Path(path).is_file():
        raise WarehouseError(f"no warehouse at {path}; run `criticdb run` (or `criticdb demo`) "
                             "first, or pass --db")
    config = {"enable_external_access": False} if sandboxed else {}
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc
    except duckdb.Error as exc:
        raise WarehouseError(f"{path} is not a usable DuckDB file: {exc}") from exc
    if not read_only:
        migrate(con, path)
    return con
