"""Film identity on the demo corpus and on the hard cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticdb.demo import DEMO_CATALOGUE
from criticdb.scrapers.extract.cascade import extract_review
from criticdb.transforms.catalogue import load_catalogue
from criticdb.transforms.errors import UnresolvedFilm
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.normalise import ExtractionRow, normalise
from criticdb.transforms.titles import normalise_title

REPO = Path(__file__).resolve().parent.parent
# The demo generator's film keys → the warehouse film ids they must resolve to.
EXPECTED_FILM = {
    "desconocido": "el-desconocido-2015", "steig": "steig-nicht-aus-2018",
    "hardhit": "hard-hit-2021", "retribution": "retribution-2023",
    "infernal": "infernal-affairs-2002", "departed": "the-departed-2006",
    "lettheright": "let-the-right-one-in-2008", "letmein": "let-me-in-2010",
    "oldboy03": "oldboy-2003", "oldboy13": "oldboy-2013", "insomnia97": "insomnia-1997",
    "insomnia02": "insomnia-2002", "guilty18": "den-skyldige-2018",
    "guilty21": "the-guilty-2021", "parasite": "parasite-2019",
    "drivemycar": "drive-my-car-2021",
}


@pytest.fixture(scope="module")
def demo_entities() -> tuple[dict[str, str], object]:
    rows, truth = [], {}
    for golden in sorted((REPO / "tests/fixtures/sites").glob("*/demo-*.expected.json")):
        exp = json.loads(golden.read_text(encoding="utf-8"))
        record = extract_review((REPO / exp["page"]).read_bytes(), exp["url"])
        rows.append(ExtractionRow(exp["url"], exp["publication"], "", "sha", record))
        truth[exp["url"]] = exp["film_key"]
    return truth, normalise(rows, load_catalogue(DEMO_CATALOGUE))


def test_every_title_variant_resolves_to_the_right_film(demo_entities) -> None:
    truth, entities = demo_entities
    assert entities.rejects == []
    mapping = {r["url"]: r["film_id"] for r in entities.reviews}
    assert mapping == {url: EXPECTED_FILM[key] for url, key in truth.items()}


def test_variants_seen_become_aliases(demo_entities) -> None:
    _, entities = demo_entities
    films = {f["film_id"]: f for f in entities.films}
    assert "Don't Get Out" in films["steig-nicht-aus-2018"]["aliases"]
    assert "Retribution" in films["el-desconocido-2015"]["aliases"]


def test_retribution_2015_and_2023_are_two_films_in_one_family(demo_entities) -> None:
    _, entities = demo_entities
    remakes = {(r["film_id"], r["related_film_id"]) for r in entities.film_relations}
    assert ("retribution-2023", "el-desconocido-2015") in remakes
    assert ("hard-hit-2021", "el-desconocido-2015") in remakes
    sources = {r["source"] for r in entities.film_relations
               if r["film_id"] == "hard-hit-2021"}
    assert sources == {"catalogue", "review_text"}


def test_year_tolerance_and_ambiguity() -> None:
    resolver = FilmResolver(load_catalogue(DEMO_CATALOGUE))
    assert resolver.resolve("Retribution", 2016) == "el-desconocido-2015"  # festival ±1
    assert resolver.resolve("Retribution", 2023) == "retribution-2023"
    # two known films of the title and no date: provisional, never one of the two
    assert resolver.resolve("Retribution", None) == "retribution-year-unknown"
    film = resolver.films["retribution-year-unknown"]
    assert film.year is None and film.identity_source == "title_only"
    assert "el-desconocido-2015" in film.identity_note and "retribution-2023" in film.identity_note
    assert resolver.resolve("Hard Hit", None) == "hard-hit-2021"
    assert resolver.resolve("Whatever", 2020, {"imdb": "tt6751668"}) == "parasite-2019"
    assert resolver.resolve("A New Film", 2024) == "new-film-2024"
    assert resolver.resolve("Unknown Film", None) == "unknown-film-year-unknown"
    with pytest.raises(UnresolvedFilm):  # a remake's original must be a real film
        resolver.resolve("Other Unknown Film", None, allow_provisional=False)


def test_a_page_id_without_a_year_is_the_film_identity() -> None:
    resolver = FilmResolver([])
    first = resolver.resolve("Carrie", None, {"imdb": "tt1939659"}, review_year=2013)
    film = resolver.films[first]
    assert (first, film.year, film.imdb_id, film.identity_source) == (
        "carrie-tt1939659", None, "tt1939659", "page_ids")
    # the same id under another spelling is the same film; another id is another film
    assert resolver.resolve("CARRIE (remake)", None, {"imdb": "tt1939659"}) == first
    assert resolver.resolve("Carrie", None, {"imdb": "tt0074285"}) == "carrie-tt0074285"
    # a known film of the title that fits the review date still wins
    resolver.resolve("Looper", 2012)
    assert resolver.resolve("Looper", None, {"imdb": "tt1276104"}, review_year=2012) == \
        "looper-2012"


def test_title_only_review_resolved_by_its_date() -> None:
    resolver = FilmResolver(load_catalogue(DEMO_CATALOGUE))
    # 'Retribution' reviewed in 2023: only the 2023 film fits [review-3, review+1]
    assert resolver.resolve("Retribution", None, review_year=2023) == "retribution-2023"
    assert resolver.resolve("Retribution", None, review_year=2016) == "el-desconocido-2015"
    # a 2019 review fits both 2015 (4 years before: no) and 2023 (no): provisional
    assert resolver.resolve("Retribution", None, review_year=2019) == "retribution-year-unknown"
    # a re-release review decades later stays provisional rather than guessed
    assert resolver.resolve("Insomnia", None, review_year=2040) == "insomnia-year-unknown"


def _row(url: str, title: str, year: int | None, published: str | None,
         critic: str = "Jane Doe") -> ExtractionRow:
    from criticdb.common.records import ExtractedReview

    rec = ExtractedReview(url=url, film_title=title, film_year=year, critic=critic,
                          published=published)
    return ExtractionRow(url, "Pub", "", "sha", rec)


def test_later_evidence_resolves_a_title_only_review_and_years_never_merge() -> None:
    entities = normalise([
        _row("https://a.example/1", "Past Lives", None, "2023-06-02"),
        _row("https://z.example/2", "Past Lives", 2023, "2023-06-01", "Sam Roe"),
        _row("https://b.example/3", "Nosferatu", 1922, "2020-01-01"),
        _row("https://c.example/4", "Nosferatu", 2024, "2024-12-20", "Sam Roe"),
        _row("https://d.example/5", "Nosferatu", None, None, "Ann Lee"),
        _row("https://e.example/6", "Nosferatu", None, "2025-01-03", "Bo Kim"),
        _row("https://f.example/7", "Nobody Dated This", None, None),
    ], [])
    film_of = {r["url"]: r["film_id"] for r in entities.reviews}
    assert entities.rejects == [] and len(film_of) == 7
    assert film_of["https://a.example/1"] == "past-lives-2023"  # the other review's year
    assert film_of["https://e.example/6"] == "nosferatu-2024"  # the review's date decides
    assert film_of["https://d.example/5"] == "nosferatu-year-unknown"  # two fit, no date
    assert film_of["https://f.example/7"] == "nobody-dated-this-year-unknown"
    films = {f["film_id"]: f for f in entities.films}
    assert films["nosferatu-1922"]["year"] == 1922 and films["nosferatu-2024"]["year"] == 2024
    assert films["nosferatu-year-unknown"]["identity_source"] == "title_only"
    assert "matches 2 known film(s)" in films["nosferatu-year-unknown"]["identity_note"]
    assert films["past-lives-2023"]["identity_source"] == "title_year"


@pytest.mark.parametrize(("a", "b"), [
    ("El Desconocido", "el desconocido"), ("Steig. Nicht. Aus!", "Steig nicht aus"),
    ("Don't. Get. Out!", "Don't Get Out"), ("The Departed", "Departed"),
    ("Film Review – Hard Hit", "Hard Hit"), ("Låt den rätte komma in", "lat den ratte komma in"),
])
def test_title_normalisation_equates_variants(a: str, b: str) -> None:
    assert normalise_title(a) == normalise_title(b)


@given(st.text(max_size=60))
def test_normalised_titles_are_plain_words(title: str) -> None:
    out = normalise_title(title)
    assert out == " ".join(out.split())
    assert all(c.isalnum() or c in " _" for c in out)


def test_one_critic_across_publications_by_name_or_profile_link() -> None:
    def row(url: str, critic: str, profile: str | None, film: str) -> ExtractionRow:
        rec = ExtractedReview(url=url, film_title=film, film_year=2021, critic=critic,
                              critic_url=profile)
        return ExtractionRow(url, "Pub " + url[-1], "", "sha", rec)

    from criticdb.common.records import ExtractedReview

    entities = normalise([
        row("https://a.example/1", "Jane Doe", "https://janedoe.example/", "Hard Hit"),
        row("https://b.example/2", "J. Doe", "https://JaneDoe.example", "Drive My Car"),
        row("https://c.example/3", "JANE DOE", None, "Parasite"),
        row("https://d.example/4", "Sam Roe", "https://samroe.example/", "Hard Hit"),
    ], load_catalogue(DEMO_CATALOGUE))
    assert [(c["critic_id"], c["name"], c["profile_urls"]) for c in entities.critics] == [
        ("jane-doe", "Jane Doe", ["https://janedoe.example"]),
        ("sam-roe", "Sam Roe", ["https://samroe.example"])]
    assert sorted(r["critic_id"] for r in entities.reviews) == ["jane-doe"] * 3 + ["sam-roe"]
