"""Extracted records → entity rows for the warehouse; deterministic, so loads are idempotent.

Orchestration only: film identity (film_identity), critics (critics), scores
(review_scores, inferred_scores), row shapes (entity_rows) and outside film facts
(enrichment) each live in their own module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from criticdb.common.records import ExtractionRow
from criticdb.common.rejects import Reject
from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.critics import CriticIdentity, critic_names
from criticdb.transforms.enrichment import CatalogueEnricher, Enricher, WikidataEnricher
from criticdb.transforms.entity_rows import (
    PROSE_CONFIDENCE,
    film_rows,
    relation_rows,
    review_id,
    review_row,
)
from criticdb.transforms.errors import NormaliseError
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.inferred_scores import fill_inferred
from criticdb.transforms.remake_catalogue import CONFIDENCE as REMAKES_CONFIDENCE
from criticdb.transforms.remake_catalogue import SOURCE as REMAKES_SOURCE
from criticdb.transforms.remake_catalogue import RemakeRow, catalogue_pairs
from criticdb.transforms.review_scores import learned_scales, review_score
from criticdb.transforms.titles import slug
from criticdb.transforms.wikidata import FilmEnrichment

__all__ = ["NORMALISE_VERSION", "Entities", "ExtractionRow", "normalise", "review_id"]

# Bump when normalisation logic changes: unchanged inputs then still rebuild the entities.
NORMALISE_VERSION = "5"  # 2: unsigned critics; 3: learned scales, CV; 4: title-only films;
# 5: the shipped remake catalogue, relation evidence, films identified by a page id alone


@dataclass
class Entities:
    films: list[dict[str, Any]] = field(default_factory=list)
    critics: list[dict[str, Any]] = field(default_factory=list)
    publications: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    film_relations: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    dropped: list[Reject] = field(default_factory=list)  # rejects that kept a review out

    def summary(self) -> str:
        return (f"{len(self.films)} films, {len(self.critics)} critics, {len(self.reviews)} "
                f"reviews, {len(self.film_relations)} remake relations")


def _critic(identity: CriticIdentity, byline: str | None, pub_id: str, pub_name: str
            ) -> dict[str, Any]:
    """The review's critic; a page without a byline is kept, credited to its publication's
    unsigned critic (critic-level views leave those out)."""
    names = critic_names(byline or "")
    if not names:
        return {"critic_id": f"unsigned-{pub_id}", "name": f"Unsigned ({pub_name})",
                "profile_urls": [], "unsigned": True}
    cid, display, profile_urls = identity.resolve(names[0])
    return {"critic_id": cid, "name": display, "profile_urls": profile_urls, "unsigned": False}


def _year(iso: str | None) -> int | None:
    """The review's year from its ISO date, for title-only films."""
    try:
        return int(iso[:4]) if iso and len(iso) >= 4 else None
    except ValueError:
        return None


def normalise(rows: list[ExtractionRow], catalogue: list[CatalogueFilm],
              enrichment: dict[str, FilmEnrichment] | None = None,
              remakes: tuple[RemakeRow, ...] = ()) -> Entities:
    resolver = FilmResolver(catalogue)
    enrichers: list[Enricher] = [CatalogueEnricher(catalogue)]
    if enrichment:
        enrichers.append(WikidataEnricher(enrichment))
    claimed = {e.source: e.remake_pairs(resolver) for e in enrichers}
    out = Entities()
    critics: dict[str, dict[str, Any]] = {}
    publications: dict[str, dict[str, Any]] = {}
    prose: dict[tuple[str, str], int] = {}
    prose_evidence: dict[tuple[str, str], str] = {}
    seen: dict[tuple[str, str, str], str] = {}
    identity = CriticIdentity()
    for row in rows:
        if names := critic_names(row.record.critic or ""):
            identity.add(names[0], row.record.critic_url)
    scales = learned_scales(rows)
    ordered = sorted(rows, key=lambda r: r.url)
    for row in ordered:  # films named with a year first: they are evidence for the
        rec = row.record  # reviews of the same title that state none (never provisional)
        if rec.film_title and rec.film_year is not None:
            try:
                resolver.resolve(rec.film_title, rec.film_year, rec.film_ids)
            except NormaliseError:
                pass  # the main pass records it
    for row in ordered:
        rec = row.record
        try:
            film_id = resolver.resolve(rec.film_title, rec.film_year, rec.film_ids,
                                       review_year=_year(rec.published))
        except NormaliseError as exc:
            out.dropped.append(Reject(row.url, "normalise", exc.reason, exc.detail))
            continue
        resolver.note_alias(film_id, rec.film_title or "")
        pub_name = rec.publication or row.site
        pid = slug(pub_name)
        critic = _critic(identity, rec.critic, pid, pub_name)
        critics.setdefault(critic["critic_id"], critic)
        publications.setdefault(pid, {"publication_id": pid, "name": pub_name,
                                      "site_url": row.site_url})
        key = (critic["critic_id"], film_id, pid)
        if key in seen:
            out.dropped.append(Reject(row.url, "normalise", "duplicate_review",
                                      f"same critic, film and publication as {seen[key]}"))
            continue
        seen[key] = row.url
        scored = review_score(rec, pub_name, scales)
        if scored.error is not None:
            out.rejects.append(Reject(row.url, "normalise", scored.error.reason,
                                      scored.error.detail))
        for mention in rec.remake_of:
            try:
                original = resolver.resolve(mention.get("title"), mention.get("year"),
                                            allow_provisional=False)
            except NormaliseError as exc:
                out.rejects.append(Reject(row.url, "normalise", f"remake_{exc.reason}",
                                          exc.detail))
                continue
            if original != film_id:
                prose[(film_id, original)] = prose.get((film_id, original), 0) + 1
                prose_evidence.setdefault((film_id, original), f"{row.url} calls it a "
                                          f"remake of {mention.get('title')}"
                                          + (f" ({mention['year']})" if mention.get("year")
                                             else ""))
        out.reviews.append(review_row(row, film_id, critic["critic_id"], pid, scored))
    fill_inferred(out.reviews)
    out.rejects = out.dropped + out.rejects
    out.films = film_rows(resolver)
    out.critics = [critics[k] for k in sorted(critics)]
    out.publications = [publications[k] for k in sorted(publications)]
    out.film_relations = relation_rows("review_text", PROSE_CONFIDENCE, prose, prose_evidence)
    for enricher in enrichers:
        out.film_relations += relation_rows(enricher.source, enricher.confidence,
                                            dict.fromkeys(claimed[enricher.source], 1),
                                            enricher.evidence)
    if remakes:  # after the reviews: a catalogue row only links films the warehouse has
        shipped = catalogue_pairs(remakes, resolver)
        out.film_relations += relation_rows(REMAKES_SOURCE, REMAKES_CONFIDENCE,
                                            dict.fromkeys(shipped, 1), shipped)
    return out
