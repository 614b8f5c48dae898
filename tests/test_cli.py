"""The criticdb console script, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def criticdb(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "criticdb.flows.cli", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=120)


def test_extract_prints_the_review_as_json() -> None:
    page = "demo/sites/marquee/reviews/hard-hit-2021/index.html"
    out = criticdb("extract", page, "--url", "http://127.0.0.1:8702/reviews/hard-hit-2021/")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["film_title"] == "Hard Hit" and record["film_year"] == 2021
    assert record["critic"] == "Harriet Lindqvist"
    assert record["rating_raw"] == "3" and record["score_0_100"] == 75.0
    assert record["remake_of"] == [{"title": "El desconocido", "year": 2015}]
    for key in ("publication", "published", "body_text"):
        assert record[key]


def test_sql_answers_read_only(demo_run) -> None:
    out = criticdb("sql", "select count(*) as n from reviews", "--db", str(demo_run.db))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[2].strip() == "64"
    out = criticdb("sql", "delete from reviews", "--db", str(demo_run.db))
    assert out.returncode == 1 and "read-only" in out.stderr.lower()


def test_missing_sources_file_is_a_clear_error(tmp_path) -> None:
    out = criticdb("run", "--sources", str(tmp_path / "nope.toml"), "--db",
                   str(tmp_path / "x.duckdb"))
    assert out.returncode == 1
    assert "sources file not found" in out.stderr and "Traceback" not in out.stderr


def test_export_writes_every_table(demo_run, tmp_path) -> None:
    import duckdb

    for fmt in ("parquet", "csv"):
        out = criticdb("export", str(tmp_path / fmt), "--format", fmt, "--db", str(demo_run.db))
        assert out.returncode == 0, out.stderr
        files = {Path(p).name for p in out.stdout.split()}
        assert {f"reviews.{fmt}", f"films.{fmt}", f"film_relations.{fmt}"} <= files
    rows = duckdb.read_parquet(str(tmp_path / "parquet" / "reviews.parquet")).fetchall()
    assert len(rows) == 64
