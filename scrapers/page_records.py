"""Fetch results as the rows the warehouse's `pages` table keeps (typed, not tuples)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.fetch import FetchResult


@dataclass(frozen=True)
class PageRecord:
    """One fetched URL as the warehouse's `pages` table keeps it."""

    url: str
    requested_url: str
    site: str
    final_url: str
    status: int
    fetched_at: dt.datetime
    content_sha256: str | None
    archive_path: str | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    attempts: int
    first_run_id: str
    last_run_id: str



def page_records(site: str, results: list[FetchResult], archive: RawArchive,
                 run_id: str) -> list[PageRecord]:
    return [PageRecord(r.url, r.requested_url, site, r.final_url, r.status, r.fetched_at,
                       r.content_sha256, archive.relative_path(r.content_sha256),
                       r.content_type, r.etag, r.last_modified, r.attempts, run_id, run_id)
            for r in results]
