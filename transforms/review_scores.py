"""A review's 0–100 score from its rating, with the scale's provenance.

A bare number is read on the scale its publication's other bare ratings imply (a value above
5 can only be out of 10, above 10 out of 100); see docs/scores.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from criticdb.common.records import ExtractedReview, ExtractionRow
from criticdb.transforms.errors import RatingError
from criticdb.transforms.ratings import to_score

BARE_NUMBER = re.compile(r"^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$")


@dataclass(frozen=True)
class ReviewScore:
    score: float | None
    scale: str | None
    scale_source: str | None  # page | sources_file | learned
    error: RatingError | None = None


def implied_scale(highest: float) -> str | None:
    if 5 < highest <= 10:
        return "out_of_10"
    if 10 < highest <= 100:
        return "out_of_100"
    return None


def learned_scales(rows: list[ExtractionRow]) -> dict[str, str]:
    """Publication → the scale its bare-number ratings imply. Ratings all at or below 5
    stay unknown: /4 and /5 publications both write them."""
    highest: dict[str, float] = {}
    for row in rows:
        rec = row.record
        if rec.rating_raw and not rec.rating_scale and BARE_NUMBER.match(rec.rating_raw):
            pub = rec.publication or row.site
            highest[pub] = max(highest.get(pub, 0.0), float(rec.rating_raw.replace(",", ".")))
    return {pub: scale for pub, top in highest.items() if (scale := implied_scale(top))}


def review_score(rec: ExtractedReview, publication: str, scales: dict[str, str]) -> ReviewScore:
    if not rec.rating_raw:
        return ReviewScore(None, rec.rating_scale, None)
    if rec.rating_scale == "site_map" and rec.rating_value is not None:
        return ReviewScore(rec.rating_value, "site_map", "sources_file")
    scale = rec.rating_scale
    source = "sources_file" if rec.source.get("rating_scale") == "sources_file" else "page"
    if not scale and publication in scales and BARE_NUMBER.match(rec.rating_raw):
        scale, source = scales[publication], "learned"
    try:
        return ReviewScore(to_score(rec.rating_raw, scale), scale, source)
    except RatingError as exc:
        return ReviewScore(None, scale, source, exc)
