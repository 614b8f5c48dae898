"""Schema: migrations, documentation comments, version refusal."""

from __future__ import annotations

import duckdb
import pytest

from criticdb.warehouse.db import WarehouseError, connect, schema_version
from criticdb.warehouse.sql import migrations


def test_every_table_and_column_is_documented(tmp_path) -> None:
    con = connect(tmp_path / "w.duckdb")
    missing_tables = con.execute("SELECT table_name FROM duckdb_tables() "
                                 "WHERE comment IS NULL OR comment = ''").fetchall()
    # every column of every table and view: analysts read them in duckdb_columns()
    missing_cols = con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                               "WHERE NOT internal AND (comment IS NULL OR comment = '') "
                               "AND (table_name IN (SELECT table_name FROM duckdb_tables()) OR "
                               "table_name IN (SELECT view_name FROM duckdb_views() "
                               "WHERE NOT internal))").fetchall()
    views = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                        "AND (comment IS NULL OR comment = '')").fetchall()
    assert (missing_tables, missing_cols, views) == ([], [], [])
    for t in ("films", "critics", "publications", "reviews", "film_relations", "pages", "runs",
              "rejects"):
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
                           [t]).fetchone() == (1,)


def test_reopening_is_a_no_op_and_newer_files_are_refused(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path)
    assert schema_version(con) == migrations()[-1][0]
    con.execute("INSERT INTO schema_migrations (version) VALUES (999)")
    con.close()
    with pytest.raises(WarehouseError, match="newer than this criticdb knows"):
        connect(path)


def test_score_outside_scale_is_refused_by_the_schema(tmp_path) -> None:
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO reviews (review_id, url, film_id, critic_id, publication_id, "
                    "score) VALUES ('r', 'u', 'f', 'c', 'p', 101)")


def test_schema_docs_are_current(tmp_path) -> None:
    from pathlib import Path

    from criticdb.warehouse.schema_docs import render

    con = connect(tmp_path / "w.duckdb")
    committed = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text(
        encoding="utf-8")
    assert render(con) == committed, "docs/schema.md is stale: run `criticdb schema-docs`"


def test_entity_load_touches_only_what_changed(tmp_path) -> None:
    from criticdb.warehouse.load import replace_entities

    con = connect(tmp_path / "w.duckdb")
    base = {"films": [{"film_id": f, "title": f, "year": 2000, "in_catalogue": False}
                      for f in ("a", "b", "c")],
            "critics": [], "publications": [], "reviews": [], "film_relations": []}
    replace_entities(con, base)
    replace_entities(con, base)
    assert con.execute("SELECT count(*) FROM films").fetchall() == [(3,)]
    changed = dict(base, films=[{"film_id": "a", "title": "A!", "year": 2000,
                                 "in_catalogue": False},
                                {"film_id": "c", "title": "c", "year": 2000,
                                 "in_catalogue": False},
                                {"film_id": "d", "title": "d", "year": None,
                                 "in_catalogue": True}])
    assert replace_entities(con, changed)["films"] == {"added": 1, "updated": 1, "removed": 1}
    assert con.execute("SELECT film_id, title, year FROM films ORDER BY film_id").fetchall() == [
        ("a", "A!", 2000), ("c", "c", 2000), ("d", "d", None)]


def test_a_version_1_file_is_upgraded_in_place(tmp_path) -> None:
    from criticdb.warehouse.sql import sql

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(sql("statements/create_schema_migrations"))
    con.execute(sql("migrations/001_init"))
    con.execute("INSERT INTO schema_migrations (version) VALUES (1)")
    con.execute("INSERT INTO pages (url, site, status, fetched_at, first_run_id, last_run_id) "
                "VALUES ('https://x.example/a', 's', 200, now(), 'r', 'r')")
    con.close()
    con = connect(path)
    assert schema_version(con) == migrations()[-1][0]
    assert con.execute("SELECT url, requested_url FROM pages").fetchall() == [
        ("https://x.example/a", "https://x.example/a")]
    assert con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'reviews' "
                       "AND column_name = 'inferred_model'").fetchall() == [(1,)]


def test_checks_catch_a_duplicate_review(tmp_path) -> None:
    from criticdb.warehouse.checks import CheckFailed, run_checks

    con = connect(tmp_path / "w.duckdb")
    run_checks(con)
    for rid in ("r1", "r2"):
        con.execute("INSERT INTO reviews (review_id, url, film_id, critic_id, publication_id) "
                    "VALUES (?, ?, 'f', 'c', 'p')", [rid, f"https://x.example/{rid}"])
    with pytest.raises(CheckFailed, match="reviews_unique_triple"):
        run_checks(con)


def test_views_declare_every_view_they_read() -> None:
    """A view reading another view must say so on its `-- depends:` line (the load order is
    a topological sort of those lines), and no view orders its own rows."""
    import re

    from criticdb.warehouse.sql import HERE, view_dependencies

    graph = view_dependencies()
    for name, declared in graph.items():
        text = (HERE / "views" / f"{name}.sql").read_text(encoding="utf-8")
        body = text.split("\n", 1)[1]
        read = {v for v in graph if v != name and re.search(rf"\b(?:FROM|JOIN)\s+{v}\b", body)}
        assert read == declared, name
        assert not re.search(r"SELECT \* FROM final\s+ORDER BY", body), name


def test_t_table_matches_scipy(tmp_path) -> None:
    from scipy.stats import t

    con = connect(tmp_path / "w.duckdb")
    for df, quantile in con.execute("SELECT df, t FROM t_quantiles_95").fetchall():
        assert float(quantile) == pytest.approx(float(t.ppf(0.975, df)), abs=0.0015), df
