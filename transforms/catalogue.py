"""The film catalogue seed file: known films, their aliases, ids and remake links.

CSV columns (documented in README, "Films, critics, aliases and remakes"): film_key, title,
year, director, country, imdb_id, wikidata_id, aliases ('|'-separated), remake_of (film_key
of the original).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from criticdb.common.errors import ConfigError

DEFAULT_CATALOGUE = Path(__file__).with_name("data") / "films.csv"
COLUMNS = ("film_key", "title", "year", "director", "country", "imdb_id", "wikidata_id",
           "aliases", "remake_of")


@dataclass(frozen=True)
class CatalogueFilm:
    film_key: str
    title: str
    year: int
    director: str = ""
    country: str = ""
    imdb_id: str = ""
    wikidata_id: str = ""
    aliases: tuple[str, ...] = ()
    remake_of: str = ""


def load_catalogue(path: Path = DEFAULT_CATALOGUE) -> list[CatalogueFilm]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ConfigError(f"catalogue {path} lacks columns {sorted(missing)}")
        films = []
        for line, row in enumerate(reader, start=2):
            try:
                year = int(row["year"])
            except ValueError as exc:
                raise ConfigError(f"catalogue {path} line {line}: year {row['year']!r}") from exc
            films.append(CatalogueFilm(
                row["film_key"].strip(), row["title"].strip(), year, row["director"].strip(),
                row["country"].strip(), row["imdb_id"].strip(), row["wikidata_id"].strip(),
                tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                row["remake_of"].strip()))
    keys = [f.film_key for f in films]
    if len(keys) != len(set(keys)):
        raise ConfigError(f"catalogue {path} has duplicate film_key values")
    known = set(keys)
    for f in films:
        if f.remake_of and f.remake_of not in known:
            raise ConfigError(f"catalogue {path}: {f.film_key} remakes unknown {f.remake_of}")
    return films
