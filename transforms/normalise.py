"""Extracted records → entity rows for the warehouse; deterministic, so loads are idempotent."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from criticdb.common.records import ExtractionRow
from criticdb.common.rejects import Reject
from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.critics import CriticIdentity, critic_names
from criticdb.transforms.errors import NormaliseError
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.inferred_scores import train
from criticdb.transforms.ratings import to_score
from criticdb.transforms.titles import slug
from criticdb.transforms.wikidata import FilmEnrichment

# Bump when normalisation logic changes: unchanged inputs then still rebuild the entities.
NORMALISE_VERSION = "3"  # 2: unsigned critics; 3: learned scales, model chosen by CV
PROSE_CONFIDENCE = 0.8
WIKIDATA_CONFIDENCE = 0.9


@dataclass
class Entities:
    films: list[dict[str, Any]] = field(default_factory=list)
    critics: list[dict[str, Any]] = field(default_factory=list)
    publications: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    film_relations: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.films)} films, {len(self.critics)} critics, {len(self.reviews)} "
                f"reviews, {len(self.film_relations)} remake relations")


def _date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def review_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def _relations(catalogue: list[CatalogueFilm], prose: dict[tuple[str, str], int]
               ) -> list[dict[str, Any]]:
    rows = [{"film_id": c.film_key, "related_film_id": c.remake_of, "relation": "remake_of",
             "source": "catalogue", "confidence": 1.0, "evidence_count": 1}
            for c in catalogue if c.remake_of]
    rows += [{"film_id": a, "related_film_id": b, "relation": "remake_of",
              "source": "review_text", "confidence": PROSE_CONFIDENCE, "evidence_count": n}
             for (a, b), n in sorted(prose.items())]
    return rows


BARE_NUMBER = re.compile(r"^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$")


def learned_scales(rows: list[ExtractionRow]) -> dict[str, str]:
    """Publication → the scale its bare-number ratings imply: a value above 5 can only be
    out of 10 (or more), above 10 out of 100. Ratings all at or below 5 stay unknown: /4
    and /5 publications both write them."""
    highest: dict[str, float] = {}
    for row in rows:
        rec = row.record
        if rec.rating_raw and not rec.rating_scale and BARE_NUMBER.match(rec.rating_raw):
            pub = rec.publication or row.site
            value = float(rec.rating_raw.replace(",", "."))
            highest[pub] = max(highest.get(pub, 0.0), value)
    return {pub: scale for pub, top in highest.items() if (scale := implied_scale(top))}


def implied_scale(highest: float) -> str | None:
    if 5 < highest <= 10:
        return "out_of_10"
    if 10 < highest <= 100:
        return "out_of_100"
    return None


def infer_missing_scores(reviews: list[dict[str, Any]]) -> None:
    """Fill score for reviews without a rating, flagged as inferred, from the rated ones."""
    rated = [r for r in reviews if r["score_source"] == "rating" and r["body_text"]]
    todo = [r for r in reviews if r["score"] is None and r["body_text"]]
    if not todo:
        return
    model = train([r["body_text"] for r in rated], [r["score"] for r in rated])
    for review, score in zip(todo, model.predict([r["body_text"] for r in todo]), strict=True):
        review.update(score=score, score_source="inferred", inferred_model=model.version,
                      inferred_error=model.cv_rmse)


def normalise(rows: list[ExtractionRow], catalogue: list[CatalogueFilm],
              enrichment: dict[str, FilmEnrichment] | None = None) -> Entities:
    resolver = FilmResolver(catalogue)
    enriched_remakes: dict[tuple[str, str], int] = {}
    for imdb_id in sorted(enrichment or {}):
        e = (enrichment or {})[imdb_id]
        film_id = resolver.enrich(imdb_id, e.wikidata_id, e.labels)
        for original_imdb in sorted(e.remake_of_imdb):
            original = resolver.film_for_ext(original_imdb)
            if film_id and original and original != film_id:
                enriched_remakes[(film_id, original)] = 1
    out = Entities()
    critics: dict[str, dict[str, Any]] = {}
    publications: dict[str, dict[str, Any]] = {}
    prose: dict[tuple[str, str], int] = {}
    seen_triples: dict[tuple[str, str, str], str] = {}
    identity = CriticIdentity()
    scales = learned_scales(rows)
    for row in rows:
        names = critic_names(row.record.critic or "")
        if names:
            identity.add(names[0], row.record.critic_url)
    for row in sorted(rows, key=lambda r: r.url):
        rec = row.record
        try:
            film_id = resolver.resolve(rec.film_title, rec.film_year, rec.film_ids)
        except NormaliseError as exc:
            out.rejects.append(Reject(row.url, "normalise", exc.reason, exc.detail))
            continue
        names = critic_names(rec.critic or "")
        resolver.note_alias(film_id, rec.film_title or "")
        pub_name = rec.publication or row.site
        pid = slug(pub_name)
        if names:
            cid, display, profile_urls = identity.resolve(names[0])
            critics.setdefault(cid, {"critic_id": cid, "name": display,
                                     "profile_urls": profile_urls, "unsigned": False})
        else:  # kept, never dropped: the publication's unsigned critic
            cid = f"unsigned-{pid}"
            critics.setdefault(cid, {"critic_id": cid, "name": f"Unsigned ({pub_name})",
                                     "profile_urls": [], "unsigned": True})
        publications.setdefault(pid, {"publication_id": pid, "name": pub_name,
                                      "site_url": row.site_url})
        triple = (cid, film_id, pid)
        if triple in seen_triples:
            first = seen_triples[triple]
            out.rejects.append(Reject(row.url, "normalise", "duplicate_review",
                                      f"same critic, film and publication as {first}"))
            continue
        seen_triples[triple] = row.url
        score = None
        scale, scale_source = rec.rating_scale, None
        if rec.rating_raw:
            scale_source = rec.source.get("rating_scale") == "sources_file" and \
                "sources_file" or "page"
            if not scale and pub_name in scales and BARE_NUMBER.match(rec.rating_raw):
                scale, scale_source = scales[pub_name], "learned"
            try:
                score = to_score(rec.rating_raw, scale)
            except NormaliseError as exc:
                out.rejects.append(Reject(row.url, "normalise", exc.reason, exc.detail))
        for mention in rec.remake_of:
            try:
                original = resolver.resolve(mention.get("title"), mention.get("year"))
            except NormaliseError as exc:
                out.rejects.append(Reject(row.url, "normalise", f"remake_{exc.reason}",
                                          exc.detail))
                continue
            if original != film_id:
                prose[(film_id, original)] = prose.get((film_id, original), 0) + 1
        out.reviews.append({
            "review_id": review_id(row.url), "url": row.url, "film_id": film_id,
            "critic_id": cid, "publication_id": pid, "published": _date(rec.published),
            "title_as_written": rec.film_title, "rating_raw": rec.rating_raw,
            "rating_scale": scale, "rating_scale_source": scale_source, "score": score,
            "score_source": "rating" if score is not None else None, "inferred_model": None,
            "inferred_error": None,
            "body_text": rec.body_text, "extraction_sources": json.dumps(rec.source,
                                                                         sort_keys=True),
            "confidence": rec.confidence, "content_sha256": row.content_sha256,
            "parser_version": rec.parser_version})
    infer_missing_scores(out.reviews)
    out.films = [{"film_id": f.film_id, "title": f.title, "year": f.year,
                  "director": f.director or None, "country": f.country or None,
                  "imdb_id": f.imdb_id or None, "wikidata_id": f.wikidata_id or None,
                  "aliases": sorted(f.aliases), "in_catalogue": f.in_catalogue}
                 for f in sorted(resolver.films.values(), key=lambda f: f.film_id)]
    out.critics = [critics[k] for k in sorted(critics)]
    out.publications = [publications[k] for k in sorted(publications)]
    out.film_relations = _relations(catalogue, prose) + [
        {"film_id": a, "related_film_id": b, "relation": "remake_of", "source": "wikidata",
         "confidence": WIKIDATA_CONFIDENCE, "evidence_count": 1}
        for (a, b) in sorted(enriched_remakes)]
    return out
