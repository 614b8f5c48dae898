"""Runs the extraction cascade over archived pages: bytes from disk, never the network."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import ArchiveError
from criticdb.common.rejects import Reject
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.extract.cascade import extract_review

MIN_CONFIDENCE = 0.3  # below this the page is probably not a review at all


@dataclass
class ExtractBatch:
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def extract_pages(items: list[tuple[str, str, str, str]], archive: RawArchive,
                  run_id: str) -> ExtractBatch:
    """items: (url, site name, site url, content sha256). One bad page never stops the batch."""
    out = ExtractBatch()
    for url, site, site_url, sha in items:
        try:
            body = archive.get(sha)
        except ArchiveError as exc:
            out.rejects.append(Reject(url, "extract", "archive_unreadable", str(exc)))
            continue
        record = extract_review(body, url)
        crashpoint("extract")
        if not record.film_title or record.confidence < MIN_CONFIDENCE:
            reason = "no_film_title" if not record.film_title else "low_confidence"
            out.rejects.append(Reject(url, "extract", reason,
                                      f"confidence {record.confidence}; "
                                      f"warnings: {record.warnings[:3]}"))
            continue
        out.rows.append({"url": url, "site": site, "site_url": site_url,
                         "content_sha256": sha, "parser_version": record.parser_version,
                         "record_json": json.dumps(record.to_dict(), ensure_ascii=False),
                         "confidence": record.confidence, "extracted_run_id": run_id})
    return out
