"""A real second process holds the warehouse open during a full run: the run succeeds and
the reader only ever sees complete snapshots."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

READER = textwrap.dedent("""
    import json, sys, time, duckdb
    db, stop = sys.argv[1], sys.argv[2]
    con = duckdb.connect(db, read_only=True)   # held open for the whole run
    seen = []
    import os
    while not os.path.exists(stop):
        seen.append(con.execute(
            "SELECT (SELECT count(*) FROM reviews), (SELECT count(*) FROM films), "
            "(SELECT count(*) FROM runs WHERE status = 'completed')").fetchone())
        time.sleep(0.05)
    con.close()  # DuckDB shares one instance per path in a process: close, then reconnect
    fresh = duckdb.connect(db, read_only=True).execute(
        "SELECT count(*) FROM runs WHERE status = 'completed'").fetchone()
    print(json.dumps({"seen": sorted(set(seen)), "fresh": fresh}))
""")


def test_reader_held_open_never_blocks_or_sees_half_a_run(prefect_server, demo_sites,
                                                           tmp_path) -> None:
    from criticdb.flows.pipeline import review_pipeline

    db = tmp_path / "w.duckdb"
    review_pipeline(sources=str(demo_sites.sources), db=str(db),
                    report_dir=str(tmp_path / "report"))
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    time.sleep(1.0)  # the reader has the file open before the run starts
    summary = review_pipeline(sources=str(demo_sites.sources), db=str(db),
                              report_dir=str(tmp_path / "report"), full_refresh=True)
    stop.touch()
    out, _ = reader.communicate(timeout=60)
    result = json.loads(out)
    assert summary.counts["extracted"] == 64
    assert result["seen"] == [[64, 16, 1]]  # the reader's snapshot: complete, unchanged
    assert result["fresh"] == [2]  # a new connection sees the second run
