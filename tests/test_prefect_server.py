"""The production path against a real Prefect server: `prefect deploy --all` registers the
deployment from prefect.yaml, a run is triggered, a process worker executes it, and the
warehouse is updated. Server, pool and worker all run on 127.0.0.1 with their own
PREFECT_HOME."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
PREFECT = [sys.executable, "-m", "prefect"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def prefect_env(tmp_path: Path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"),
               PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_UI_ENABLED="false",
               PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY="false",
               CRITICDB_HOME=str(REPO))
    server = subprocess.Popen([*PREFECT, "server", "start", "--host", "127.0.0.1", "--port",
                               str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                if requests.get(f"http://127.0.0.1:{port}/api/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("Prefect server did not start")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=30)


def _prefect(env: dict, *args: str, timeout: int = 180) -> str:
    out = subprocess.run([*PREFECT, *args], env=env, cwd=REPO, capture_output=True,
                         text=True, timeout=timeout)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def test_deployment_runs_on_a_process_worker(prefect_env, demo_sites, tmp_path) -> None:
    db = tmp_path / "scheduled.duckdb"
    params = {"sources": str(demo_sites.sources), "db": str(db),
              "report_dir": str(tmp_path / "report")}
    _prefect(prefect_env, "work-pool", "create", "criticdb", "--type", "process")
    _prefect(prefect_env, "--no-prompt", "deploy", "--all", "--params", json.dumps(params))
    listing = _prefect(prefect_env, "deployment", "ls")
    assert "review_pipeline/nightly" in listing
    # a scheduled run never overlaps the previous one: Prefect's own deployment limit
    inspect = _prefect(prefect_env, "deployment", "inspect", "review_pipeline/nightly")
    assert "'limit': 1" in inspect or "'concurrency_limit': 1" in inspect, inspect
    _prefect(prefect_env, "deployment", "run", "review_pipeline/nightly")
    _prefect(prefect_env, "worker", "start", "--pool", "criticdb", "--run-once", timeout=300)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM reviews").fetchall() == [(64,)]
        assert con.execute("SELECT status, flow_run_id IS NOT NULL FROM runs").fetchall() == [
            ("completed", True)]
    finally:
        con.close()
