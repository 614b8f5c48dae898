"""Text rules: headlines, years, ratings and remake phrases in prose."""

from __future__ import annotations

import pytest

from criticdb.scrapers.extract.rating_text import rating_in_text
from criticdb.scrapers.extract.text_rules import (
    remakes_in_text,
    title_from_headline,
    year_in_text,
)
from criticdb.transforms.critics import critic_names


@pytest.mark.parametrize(("headline", "title", "year"), [
    ("Film Review – Hard Hit", "Hard Hit", None),
    ("'Hard Hit' review: Busan traffic", "Hard Hit", None),
    ("Hard Hit (2021)", "Hard Hit", 2021),
    ("Hard Hit review – a lead foot", "Hard Hit", None),
    ("This week's releases: four films reviewed", None, None),
])
def test_titles_from_headlines(headline: str, title: str | None, year: int | None) -> None:
    assert title_from_headline(headline) == (title, year)


def test_year_only_next_to_the_title() -> None:
    text = "Like Parasite (2019), Drive My Car surprised everyone."
    assert year_in_text("Drive My Car", text) is None
    assert year_in_text("Parasite", text) == 2019


@pytest.mark.parametrize(("text", "raw", "scale"), [
    ("Our verdict: ★★★½", "★★★½", "stars"),
    ("Rating: 3.5/4", "3.5", "out_of_4"),
    ("3 out of 5 stars.", "3", "out_of_5"),
    ("Score: 7/10", "7", "out_of_10"),
    ("Grade: B+", "B+", "letter"),
    ("Average readers' score: 9.1/10. Verdict: 4/5", "4", "out_of_5"),
])
def test_ratings_in_text(text: str, raw: str, scale: str) -> None:
    assert rating_in_text(text) == {"rating_raw": raw, "rating_scale": scale}


def test_no_rating_invented_from_dates_or_prose() -> None:
    assert rating_in_text("Released 24/7/2021, it ran 7/10 of its length in one car.") == {}


@pytest.mark.parametrize(("text", "found"), [
    ("Retribution is a remake of the Spanish film, Retribution (2015), set in Berlin.",
     [{"title": "Retribution", "year": 2015}]),
    ("Let Me In is based on the 2008 Swedish film Let the Right One In and keeps its snow.",
     [{"title": "Let the Right One In", "year": 2008}]),
    ("Nolan's reimagining of Insomnia (1997) moves to Alaska.",
     [{"title": "Insomnia", "year": 1997}]),
    ("It is based on the novel by John Ajvide Lindqvist.", []),
    ("It is the third remake of the Spanish thriller.", []),
])
def test_remake_phrases(text: str, found: list[dict]) -> None:
    assert remakes_in_text(text) == found


@pytest.mark.parametrize(("byline", "names"), [
    ("By JANE DOE", ["Jane Doe"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("words by Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and Sam Roe", ["Jane Doe", "Sam Roe"]),
])
def test_bylines(byline: str, names: list[str]) -> None:
    assert critic_names(byline) == names
