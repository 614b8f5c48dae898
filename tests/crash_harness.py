"""Runs `criticdb run` in a subprocess that SIGKILLs itself at a named point, then checks the
warehouse. Shared by the CI test (5 kill points) and benchmarks/crash_kill.py (20+)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

COMPARED = {"films": "*", "critics": "*", "publications": "*", "reviews": "*",
            "film_relations": "*", "extractions": "* EXCLUDE (extracted_run_id)",
            "pages": "* EXCLUDE (fetched_at, first_run_id, last_run_id, status)"}


def run_cli(sources: Path, db: Path, crash_at: str | None, env: dict[str, str]) -> int:
    env = dict(env)
    env.pop("CRITICDB_CRASH_AT", None)
    if crash_at:
        env["CRITICDB_CRASH_AT"] = crash_at
    out = subprocess.run([sys.executable, "-m", "criticdb.flows.cli", "run",
                          "--sources", str(sources),
                          "--db", str(db), "--report-dir", str(db.parent / "report")],
                         env=env, capture_output=True, text=True, timeout=600)
    if crash_at is None and out.returncode != 0:
        raise AssertionError(out.stderr[-3000:])
    return out.returncode


def killed(returncode: int) -> bool:
    return returncode == -signal.SIGKILL


def opens(db: Path) -> bool:
    if not db.exists():
        return True  # killed before the first snapshot was published
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute("SELECT count(*) FROM reviews").fetchall()
        return True
    finally:
        con.close()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()  # noqa: S608
                for t, cols in COMPARED.items()}
    finally:
        con.close()


def subprocess_env(api_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if api_url:
        env["PREFECT_API_URL"] = api_url  # reuse a running server: no start-up per run
    return env
