"""Warehouse rows for films, reviews and remake relations, built from resolved entities."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from criticdb.common.records import ExtractionRow
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.review_scores import ReviewScore

PROSE_CONFIDENCE = 0.8


def review_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def _date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def review_row(row: ExtractionRow, film_id: str, critic_id: str, publication_id: str,
               scored: ReviewScore) -> dict[str, Any]:
    rec = row.record
    return {
        "review_id": review_id(row.url), "url": row.url, "film_id": film_id,
        "critic_id": critic_id, "publication_id": publication_id,
        "published": _date(rec.published), "title_as_written": rec.film_title,
        "rating_raw": rec.rating_raw, "rating_scale": scored.scale,
        "rating_scale_source": scored.scale_source, "score": scored.score,
        "score_source": "rating" if scored.score is not None else None,
        "inferred_model": None, "inferred_error": None, "body_text": rec.body_text,
        "extraction_sources": json.dumps(rec.source, sort_keys=True),
        "confidence": rec.confidence, "content_sha256": row.content_sha256,
        "parser_version": rec.parser_version}


def film_rows(resolver: FilmResolver) -> list[dict[str, Any]]:
    return [{"film_id": f.film_id, "title": f.title, "year": f.year,
             "director": f.director or None, "country": f.country or None,
             "imdb_id": f.imdb_id or None, "wikidata_id": f.wikidata_id or None,
             "aliases": sorted(f.aliases), "in_catalogue": f.in_catalogue,
             "identity_source": f.identity_source, "identity_note": f.identity_note or None}
            for f in sorted(resolver.films.values(), key=lambda f: f.film_id)]


def relation_rows(source: str, confidence: float, pairs: dict[tuple[str, str], int],
                  evidence: dict[tuple[str, str], str] | str = "") -> list[dict[str, Any]]:
    """One row per (remake, original) a source claims, with how often it claimed it and
    what it rests on (one evidence text per pair, or one for the whole source)."""
    return [{"film_id": a, "related_film_id": b, "relation": "remake_of", "source": source,
             "confidence": confidence, "evidence_count": n,
             "evidence": (evidence.get((a, b), "") if isinstance(evidence, dict) else evidence)
             or None} for (a, b), n in sorted(pairs.items())]
