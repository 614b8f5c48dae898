"""Append-only journal of completed fetches, so a killed run loses no fetched page.

Each fetch that stored a body is appended (and fsync'd) as one JSON line before the crawl
moves on; the next run folds any journal left behind into the `pages` table before it
crawls, so a page whose fetch completed is never downloaded again with a full body.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path

from criticdb.scrapers.fetch import FetchResult


class FetchJournal:
    def __init__(self, directory: Path, run_id: str, site: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() else "_" for c in site)
        self.path = directory / f"{run_id}.{safe}.jsonl"
        self.site = site
        self._lock = threading.Lock()

    def append(self, result: FetchResult) -> None:
        line = json.dumps({"site": self.site, **asdict(result),
                           "fetched_at": result.fetched_at.isoformat()}) + "\n"
        with self._lock, open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())


def read_journals(directory: Path) -> list[tuple[Path, list[tuple[str, FetchResult]]]]:
    """Every journal file with its (site, result) entries; a torn last line is skipped."""
    out = []
    for path in sorted(directory.glob("*.jsonl")) if directory.exists() else []:
        entries = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                raw = json.loads(line)
            except json.JSONDecodeError:
                continue  # the process died mid-write: that fetch is simply done again
            site = raw.pop("site")
            raw["fetched_at"] = dt.datetime.fromisoformat(raw["fetched_at"])
            entries.append((site, FetchResult(**raw)))
        out.append((path, entries))
    return out
