"""The analyst's mistakes get one line and a non-zero exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE = """[[sites]]
name = "S"
base_url = "{base}"
review_pattern = '{pattern}'
sources = [{{ kind = "urls", urls = ["/a"] }}]
"""


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CRITICDB_SOURCES"}
    return subprocess.run([sys.executable, "-m", "criticdb.flows.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, env=env)


def one_line(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 1, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from criticdb.warehouse.db import connect

    path = tmp_path_factory.mktemp("w") / "w.duckdb"
    connect(path).close()
    return path


def test_sql_mistakes(db: Path, tmp_path: Path) -> None:
    assert one_line(cli("sql", "", "--db", str(db), cwd=tmp_path)) == \
        'criticdb: error: empty query; try: criticdb sql "select count(*) from reviews"'
    line = one_line(cli("sql", f"COPY reviews TO '{tmp_path}/x.csv'", "--db", str(db),
                        cwd=tmp_path))
    assert line.startswith("criticdb: database error: Permission Error") and \
        not (tmp_path / "x.csv").exists()
    assert one_line(cli("sql", "select 1", "--db", str(tmp_path / "none.duckdb"),
                        cwd=tmp_path)).startswith("criticdb: error: no warehouse at ")


def test_sql_formats(db: Path, tmp_path: Path) -> None:
    out = cli("sql", "select 'a\nb' as t, [1, 2] as l", "--db", str(db), "--format", "csv",
              cwd=tmp_path)
    assert out.stdout.splitlines() == ["t,l", '"a', 'b","[1, 2]"']
    out = cli("sql", "select 'a\nb' as t", "--db", str(db), cwd=tmp_path)
    assert "a ⏎ b" in out.stdout
    out = cli("sql", "select 1 as n", "--db", str(db), "--format", "markdown", cwd=tmp_path)
    assert out.stdout.splitlines()[:3] == ["| n |", "|---|", "| 1 |"]


def test_extract_mistakes(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blob.html").write_bytes(b"\x00\x01\x02" * 100)
    url = "https://x.example/r/"
    assert one_line(cli("extract", "missing.html", "--url", url, cwd=tmp_path)) == \
        "criticdb: error: no such file: missing.html"
    assert one_line(cli("extract", ".", "--url", url, cwd=tmp_path)) == \
        "criticdb: error: . is a directory; give one saved HTML page"
    assert one_line(cli("extract", "empty.html", "--url", url, cwd=tmp_path)) == \
        "criticdb: error: empty.html is empty; nothing to extract"
    assert one_line(cli("extract", "blob.html", "--url", url, cwd=tmp_path)) == \
        "criticdb: error: blob.html is not HTML (binary content)"


def test_export_into_an_existing_file(db: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    assert one_line(cli("export", "taken", "--db", str(db), cwd=tmp_path)) == (
        "criticdb: error: taken exists and is not a directory; name a directory to write "
        "the files into")


def test_export_writes_views_too(db: Path, tmp_path: Path) -> None:
    out = cli("export", "out", "--db", str(db), "--format", "csv", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert {"reviews.csv", "remake_comparison.csv", "film_scores.csv"} <= {
        p.name for p in (tmp_path / "out").iterdir()}


@pytest.mark.parametrize(("base", "pattern", "message"), [
    ("https://r.example/", "^/(reviews/", "review_pattern '^/(reviews/' is not a valid regular "
                                          "expression: missing ), unterminated subpattern"),
    ("htp:/r.example", "^/", "base_url 'htp:/r.example' must be an http(s) URL with a host"),
    ("ftp://r.example/", "^/", "base_url 'ftp://r.example/' must be an http(s) URL"),
])
def test_sources_file_is_checked_before_anything_starts(tmp_path: Path, base: str,
                                                        pattern: str, message: str) -> None:
    (tmp_path / "s.toml").write_text(SITE.format(base=base, pattern=pattern))
    line = one_line(cli("run", "--sources", "s.toml", cwd=tmp_path))
    assert message in line
    assert not list(tmp_path.glob("*.work")) and not list(tmp_path.glob("*.duckdb*"))


def test_run_without_sources_names_the_fix(tmp_path: Path) -> None:
    assert one_line(cli("run", cwd=tmp_path)) == (
        "criticdb: error: no sources file: pass --sources FILE or set CRITICDB_SOURCES "
        "(`criticdb demo` runs the bundled demo sites)")


def test_a_second_run_on_a_busy_warehouse_says_so(tmp_path: Path) -> None:
    (tmp_path / "s.toml").write_text(SITE.format(base="http://127.0.0.1:9/", pattern="^/"))
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / "criticdb.duckdb.lock").write_text(str(holder.pid))
        assert one_line(cli("run", "--sources", "s.toml", cwd=tmp_path)) == (
            f"criticdb: error: another run is writing this warehouse "
            f"{tmp_path / 'criticdb.duckdb'} (pid {holder.pid}); wait for it to finish")
    finally:
        holder.kill()


def test_unreachable_sites_fail_the_run_with_their_reason(tmp_path: Path,
                                                          prefect_server: None) -> None:
    """A closed port is `connection_refused`, not robots_disallowed; a run in which every
    site failed is a failed run (exit 1, runs.status = failed)."""
    import socket

    import duckdb
    from prefect.settings import PREFECT_API_URL

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "s.toml").write_text("[crawl]\nretries = 0\n" + SITE.format(
        base=f"http://127.0.0.1:{port}/", pattern="^/"))
    env_out = subprocess.run(
        [sys.executable, "-m", "criticdb.flows.cli", "run", "--sources", "s.toml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()})
    assert env_out.returncode == 1, env_out.stdout + env_out.stderr
    assert "every site failed (connection_refused)" in env_out.stderr
    con = duckdb.connect(str(tmp_path / "criticdb.duckdb"), read_only=True)
    assert con.execute("SELECT status, sites_total, sites_failed FROM runs").fetchall() == [
        ("failed", 1, 1)]
    assert con.execute("SELECT reason FROM rejects").fetchall() == [("connection_refused",)]


def test_schedule_without_a_server_says_what_to_start(tmp_path: Path) -> None:
    (tmp_path / "s.toml").write_text(SITE.format(base="https://r.example/", pattern="^/"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    out = subprocess.run([sys.executable, "-m", "criticdb.flows.cli", "schedule", "--sources",
                          "s.toml"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env=env)
    assert one_line(out) == (
        "criticdb: error: criticdb schedule needs a running Prefect server: start one with "
        "`.venv/bin/prefect server start`, then export PREFECT_API_URL=http://127.0.0.1:4200/api"
        " and run this again")
