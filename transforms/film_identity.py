"""One film per real film: ids first, then normalised title or alias + year (±1); a review
that names a film by title only is resolved by its date, else kept on a provisional film."""

from __future__ import annotations

from dataclasses import dataclass, field

from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.errors import UnresolvedFilm
from criticdb.transforms.titles import normalise_title, slug

YEAR_TOLERANCE = 1  # festival premiere vs release year
# A dated review of a title-only film: the film came out at most 3 years before the review
# (late releases abroad, home video) or 1 year after it (festival reviews). Re-release
# reviews of old films fall outside on purpose: they stay provisional rather than guessed.
REVIEW_YEARS_BEFORE, REVIEW_YEARS_AFTER = 3, 1
PROVISIONAL_SUFFIX = "year-unknown"

# films.identity_source: how a film's identity was established
CATALOGUE, PAGE_IDS, TITLE_YEAR, TITLE_ONLY = "catalogue", "page_ids", "title_year", "title_only"


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
    identity_source: str = TITLE_YEAR
    identity_note: str = ""


class FilmResolver:
    """Resolves (title, year, ids, review date) to a film id; films not in the catalogue are
    created from title + year, or provisionally from the title alone. Two films of one title
    with different known years are never merged, and ambiguity is never guessed."""

    def __init__(self, catalogue: list[CatalogueFilm]) -> None:
        self.films: dict[str, Film] = {}
        self._by_title: dict[str, set[str]] = {}
        self._by_ext: dict[str, str] = {}
        for c in catalogue:
            film = Film(c.film_key, c.title, c.year, c.director, c.country, c.imdb_id,
                        c.wikidata_id, set(c.aliases), True, CATALOGUE)
            self._add(film, [c.title, *c.aliases])

    def _add(self, film: Film, titles: list[str]) -> None:
        self.films[film.film_id] = film
        for t in titles:
            self._by_title.setdefault(normalise_title(t), set()).add(film.film_id)
        for ext in (film.imdb_id, film.wikidata_id):
            if ext:
                self._by_ext[ext] = film.film_id

    def _known(self, title: str) -> list[Film]:
        """Films of this title with a known year (provisional ones are not evidence)."""
        return [self.films[i] for i in sorted(self._by_title.get(normalise_title(title), ()))
                if self.films[i].year is not None]

    def resolve(self, title: str | None, year: int | None,
                ids: dict[str, str] | None = None, review_year: int | None = None,
                allow_provisional: bool = True) -> str:
        for ext in (ids or {}).values():
            if ext in self._by_ext:
                return self._by_ext[ext]
        if not title:
            raise UnresolvedFilm("no_film_title")
        candidates = self._known(title)
        if year is not None:
            near = [f for f in candidates if abs(f.year - year) <= YEAR_TOLERANCE]  # type: ignore[operator]
            exact = [f for f in near if f.year == year]
            chosen = exact if len(exact) == 1 else near
            if len(chosen) == 1:
                return chosen[0].film_id
            if len(chosen) > 1:
                raise UnresolvedFilm("ambiguous_film", f"{title!r} ({year}) matches "
                                     f"{sorted(f.film_id for f in chosen)}")
            film_id = f"{slug(title)}-{year}"
            if film_id not in self.films:
                source = PAGE_IDS if ids else TITLE_YEAR
                self._add(Film(film_id, title, year, imdb_id=(ids or {}).get("imdb", ""),
                               wikidata_id=(ids or {}).get("wikidata", ""),
                               identity_source=source), [title])
            return film_id
        return self._resolve_title_only(title, candidates, review_year, allow_provisional,
                                        ids or {})

    def _resolve_title_only(self, title: str, candidates: list[Film],
                            review_year: int | None, allow_provisional: bool,
                            ids: dict[str, str]) -> str:
        if review_year is not None:
            fits = [f for f in candidates if review_year - REVIEW_YEARS_BEFORE
                    <= f.year <= review_year + REVIEW_YEARS_AFTER]  # type: ignore[operator]
            if len(fits) == 1:
                return fits[0].film_id
        elif len(candidates) == 1:
            return candidates[0].film_id  # the only film of that title anyone named
        if not allow_provisional:  # e.g. a remake's original: a relation needs a real film
            raise UnresolvedFilm("ambiguous_film" if candidates else "film_year_unknown",
                                 f"{title!r} without a year matches "
                                 f"{sorted(f.film_id for f in candidates)}")
        if ext := ids.get("imdb") or ids.get("wikidata"):
            return self._by_page_id(title, ids, ext)
        film_id = f"{slug(title)}-{PROVISIONAL_SUFFIX}"
        film = self.films.get(film_id)
        if film is None:
            film = Film(film_id, title, None, identity_source=TITLE_ONLY)
            self._add(film, [title])
        if candidates:
            known = ", ".join(f"{f.film_id}" for f in candidates)
            when = f"a review of {review_year}" if review_year else "an undated review"
            film.identity_note = (f"title matches {len(candidates)} known film(s) ({known}); "
                                  f"none fits {when} alone")
        elif not film.identity_note:
            film.identity_note = "no year on the page and no known film of this title"
        return film_id

    def _by_page_id(self, title: str, ids: dict[str, str], ext: str) -> str:
        """A page that names its film by an IMDb/Wikidata id but prints no year: the id is
        the identity (one film however its title is spelt), the year stays unknown until
        the catalogue or Wikidata gives it."""
        film_id = f"{slug(title)}-{ext.lower()}"
        if film_id not in self.films:
            film = Film(film_id, title, None, imdb_id=ids.get("imdb", ""),
                        wikidata_id=ids.get("wikidata", ""), identity_source=PAGE_IDS,
                        identity_note=f"no year on the page; identified by its id {ext}")
            self._add(film, [title])
        return film_id

    def lookup(self, title: str, year: int, ids: tuple[str, ...] = ()) -> str | None:
        """The one known film with one of these ids, else of this title and year (±1,
        an exact year preferred); None when there is none or more than one. Never creates
        a film and never matches a provisional one."""
        for ext in ids:
            if ext in self._by_ext:
                return self._by_ext[ext]
        near = [f for f in self._known(title) if abs(f.year - year) <= YEAR_TOLERANCE]  # type: ignore[operator]
        exact = [f for f in near if f.year == year]
        chosen = exact if len(exact) == 1 else near
        return chosen[0].film_id if len(chosen) == 1 else None

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
