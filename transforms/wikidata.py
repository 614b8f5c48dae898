"""Wikidata SPARQL JSON bindings → film enrichments (ids, labels, remake links); pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from criticdb.common.records import ExtractionRow
from criticdb.transforms.catalogue import CatalogueFilm


@dataclass
class FilmEnrichment:
    imdb_id: str
    wikidata_id: str = ""
    labels: set[str] = field(default_factory=set)
    remake_of_imdb: set[str] = field(default_factory=set)


def _value(binding: dict[str, Any], name: str) -> str:
    cell = binding.get(name)
    return str(cell.get("value", "")) if isinstance(cell, dict) else ""


def parse_bindings(bindings: list[dict[str, Any]]) -> dict[str, FilmEnrichment]:
    """Keyed by IMDb id; malformed bindings are skipped, never guessed."""
    out: dict[str, FilmEnrichment] = {}
    for b in bindings:
        imdb = _value(b, "imdb")
        film_uri = _value(b, "film")
        if not imdb or "/entity/Q" not in film_uri:
            continue
        e = out.setdefault(imdb, FilmEnrichment(imdb))
        e.wikidata_id = e.wikidata_id or film_uri.rsplit("/", 1)[1]
        if label := _value(b, "label").strip():
            e.labels.add(label)
        if (orig := _value(b, "origImdb")) and orig != imdb:
            e.remake_of_imdb.add(orig)
    return out


def imdb_ids_to_enrich(catalogue: list[CatalogueFilm], rows: list[ExtractionRow]) -> list[str]:
    """Every IMDb id the catalogue or the pages name: what Wikidata is asked about."""
    return [c.imdb_id for c in catalogue if c.imdb_id] + [
        r.record.film_ids["imdb"] for r in rows if "imdb" in r.record.film_ids]
