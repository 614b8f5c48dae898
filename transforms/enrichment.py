"""Sources of film facts beyond the pages, behind one interface: the catalogue CSV and
Wikidata both add what they know to the film resolver and name remake pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.wikidata import FilmEnrichment

WIKIDATA_CONFIDENCE = 0.9


class Enricher(Protocol):
    source: str  # film_relations.source of the pairs it names
    confidence: float
    evidence: str  # film_relations.evidence: what its pairs rest on

    def remake_pairs(self, resolver: FilmResolver) -> list[tuple[str, str]]:
        """(remake film_id, original film_id) pairs; may add ids and titles to `resolver`."""
        ...


@dataclass(frozen=True)
class CatalogueEnricher:
    """The catalogue's films are the resolver's seed; its remake_of column names pairs."""

    films: list[CatalogueFilm]
    source: str = "catalogue"
    confidence: float = 1.0
    evidence: str = "the sources file's catalogue CSV (remake_of column)"

    def remake_pairs(self, resolver: FilmResolver) -> list[tuple[str, str]]:
        return [(c.film_key, c.remake_of) for c in self.films if c.remake_of]


@dataclass(frozen=True)
class WikidataEnricher:
    """Wikidata ids and labels onto films found by IMDb id; P144/P4969 links as pairs."""

    enrichment: dict[str, FilmEnrichment]
    source: str = "wikidata"
    confidence: float = WIKIDATA_CONFIDENCE
    evidence: str = "Wikidata P144 (based on) / P4969 (derivative work), found by IMDb id"

    def remake_pairs(self, resolver: FilmResolver) -> list[tuple[str, str]]:
        pairs = set()
        for imdb_id in sorted(self.enrichment):
            e = self.enrichment[imdb_id]
            film_id = resolver.enrich(imdb_id, e.wikidata_id, e.labels)
            for original_imdb in sorted(e.remake_of_imdb):
                original = resolver.film_for_ext(original_imdb)
                if film_id and original and original != film_id:
                    pairs.add((film_id, original))
        return sorted(pairs)
