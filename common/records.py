"""Records that cross stages: what extraction produces, what an earlier fetch left behind.

They live here, not in scrapers/, so transforms and the warehouse depend on plain types
rather than on the crawler (and on `requests`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

PARSER_VERSION = "1"
FIELDS = ("film_title", "film_year", "film_ids", "original_title", "critic", "critic_url",
          "publication",
          "published", "rating_raw", "rating_scale", "rating_value", "body_text", "remake_of")


@dataclass
class ExtractedReview:
    url: str
    film_title: str | None = None
    film_year: int | None = None
    film_ids: dict[str, str] = field(default_factory=dict)  # imdb: tt…, wikidata: Q…
    original_title: str | None = None
    critic: str | None = None
    critic_url: str | None = None  # the critic's profile link, when the page gives one
    publication: str | None = None
    published: str | None = None  # ISO date
    rating_raw: str | None = None
    rating_scale: str | None = None  # out_of_N | range_W_B | letter | site_map
    rating_value: float | None = None  # 0–100 from the site's declared rating_map
    body_text: str | None = None
    remake_of: list[dict[str, Any]] = field(default_factory=list)  # [{title, year}]
    source: dict[str, str] = field(default_factory=dict)  # field -> layer that gave it
    confidence: float = 0.0
    # is this page a film review? film_review | not_film_review | uncertain, and why
    kind: str = "film_review"
    kind_evidence: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parser_version: str = PARSER_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PriorFetch:
    """Validators of the last stored fetch of a URL, read back from the warehouse."""

    url: str  # the canonical URL the page was stored under
    etag: str | None
    last_modified: str | None
    content_sha256: str | None
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True)
class ExtractionRow:
    """An extracted review with the page facts normalisation needs."""

    url: str
    site: str  # publication name from the sources file, used when the page names none
    site_url: str
    content_sha256: str
    record: ExtractedReview
