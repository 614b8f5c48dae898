"""Append-only journal of completed fetches, so a killed run loses no fetched page.

Each fetch that stored a body is appended (and fsync'd) as one JSON line before the crawl
moves on; the next run folds any journal left behind into the `pages` table before it
crawls, so a page whose fetch completed is never downloaded again with a full body. An
entry counts only if its body is intact in the archive (bodies are not fsync'd one by one;
after a power loss a page whose body was lost is simply fetched again).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.fetch import FetchResult
from criticdb.scrapers.page_records import PageRecord, page_records


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


def recover(archive: RawArchive, run_id: str, store: Callable[[list[PageRecord]], None]) -> int:
    """Hand fetches a killed run completed but never recorded to `store`, then drop their
    journal files; returns how many were recovered. Runs before crawling again."""
    recovered = 0
    for path, entries in read_journals(archive.journal_dir):
        records = [rec for site, result in entries if archive.intact(result.content_sha256)
                   for rec in page_records(site, [result], archive, run_id)]
        store(records)
        recovered += len(records)
        path.unlink()
    return recovered


def discard(archive: RawArchive, run_id: str) -> None:
    """This run's journal files, once their fetches are recorded in `pages`."""
    for path in archive.journal_dir.glob(f"{run_id}.*.jsonl"):
        path.unlink()
