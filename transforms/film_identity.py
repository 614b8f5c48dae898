"""One film per real film: ids first, then normalised title or alias + year (±1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.errors import UnresolvedFilm
from criticdb.transforms.titles import normalise_title, slug

YEAR_TOLERANCE = 1  # festival premiere vs release year


@dataclass
class Film:
    film_id: str
    title: str
    year: int | None
    director: str = ""
    country: str = ""
    imdb_id: str = ""
    wikidata_id: str = ""
    aliases: set[str] = field(default_factory=set)
    in_catalogue: bool = False


class FilmResolver:
    """Resolves (title, year, ids) to a film id; films not in the catalogue are created
    from title + year, and ambiguity is an error, never a guess."""

    def __init__(self, catalogue: list[CatalogueFilm]) -> None:
        self.films: dict[str, Film] = {}
        self._by_title: dict[str, set[str]] = {}
        self._by_ext: dict[str, str] = {}
        for c in catalogue:
            film = Film(c.film_key, c.title, c.year, c.director, c.country, c.imdb_id,
                        c.wikidata_id, set(c.aliases), True)
            self._add(film, [c.title, *c.aliases])

    def _add(self, film: Film, titles: list[str]) -> None:
        self.films[film.film_id] = film
        for t in titles:
            self._by_title.setdefault(normalise_title(t), set()).add(film.film_id)
        for ext in (film.imdb_id, film.wikidata_id):
            if ext:
                self._by_ext[ext] = film.film_id

    def resolve(self, title: str | None, year: int | None,
                ids: dict[str, str] | None = None) -> str:
        for ext in (ids or {}).values():
            if ext in self._by_ext:
                return self._by_ext[ext]
        if not title:
            raise UnresolvedFilm("no_film_title")
        candidates = [self.films[i] for i in self._by_title.get(normalise_title(title), ())]
        if year is not None:
            near = [f for f in candidates
                    if f.year is not None and abs(f.year - year) <= YEAR_TOLERANCE]
            exact = [f for f in near if f.year == year]
            chosen = exact if len(exact) == 1 else near
            if len(chosen) == 1:
                return chosen[0].film_id
            if len(chosen) > 1:
                raise UnresolvedFilm("ambiguous_film", f"{title!r} ({year}) matches "
                                     f"{sorted(f.film_id for f in chosen)}")
            film_id = f"{slug(title)}-{year}"
            if film_id not in self.films:
                self._add(Film(film_id, title, year, imdb_id=(ids or {}).get("imdb", ""),
                               wikidata_id=(ids or {}).get("wikidata", "")), [title])
            return film_id
        if len(candidates) == 1:
            return candidates[0].film_id
        if candidates:
            raise UnresolvedFilm("ambiguous_film", f"{title!r} without a year matches "
                                 f"{sorted(f.film_id for f in candidates)}")
        raise UnresolvedFilm("film_year_unknown", f"{title!r} is not in the catalogue and "
                             "no year was found")

    def film_for_ext(self, ext_id: str) -> str | None:
        return self._by_ext.get(ext_id)

    def enrich(self, imdb_id: str, wikidata_id: str, labels: set[str]) -> str | None:
        """Add Wikidata's id and labels to the film with this IMDb id, if we know it."""
        film_id = self._by_ext.get(imdb_id)
        if film_id is None:
            return None
        film = self.films[film_id]
        if wikidata_id and not film.wikidata_id:
            film.wikidata_id = wikidata_id
            self._by_ext[wikidata_id] = film_id
        for label in labels:
            self.note_alias(film_id, label)
            self._by_title.setdefault(normalise_title(label), set()).add(film_id)
        return film_id

    def note_alias(self, film_id: str, title: str) -> None:
        film = self.films[film_id]
        if normalise_title(title) != normalise_title(film.title):
            film.aliases.add(title)
