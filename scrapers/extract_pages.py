"""Runs the extraction cascade over archived pages: bytes from disk, never the network."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import ArchiveError
from criticdb.common.records import ExtractedReview
from criticdb.common.rejects import Reject
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.extract.cascade import extract_review
from criticdb.scrapers.extract.site_rules import SiteRules


@dataclass
class ExtractBatch:
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def reject_reason(record: ExtractedReview) -> str | None:
    """Only two things lose a page: it is not a film review, or it names no film. Low
    confidence is kept as a column (reports can filter on it), never a reason to drop."""
    if record.kind == "not_film_review":
        return "not_film_review"
    if not record.film_title:
        return "no_film_identified"
    return None


def extract_pages(items: list[tuple[str, str, str, str]], archive: RawArchive,
                  run_id: str, rules: dict[str, SiteRules] | None = None) -> ExtractBatch:
    """items: (url, site name, site url, content sha256); rules: each site's fixes from the
    sources file. One bad page never stops the batch."""
    out = ExtractBatch()
    for url, site, site_url, sha in items:
        try:
            body = archive.get(sha)
        except ArchiveError as exc:
            out.rejects.append(Reject(url, "extract", "archive_unreadable", str(exc)))
            continue
        record = extract_review(body, url, rules=(rules or {}).get(site))
        crashpoint("extract")
        reason = reject_reason(record)
        if reason is not None:
            evidence = "; ".join(record.kind_evidence[:6]) or f"warnings: {record.warnings[:3]}"
            out.rejects.append(Reject(url, "extract", reason, evidence[:500]))
            continue
        out.rows.append({"url": url, "site": site, "site_url": site_url,
                         "content_sha256": sha, "parser_version": record.parser_version,
                         "record_json": json.dumps(record.to_dict(), ensure_ascii=False),
                         "confidence": record.confidence, "extracted_run_id": run_id})
    return out
