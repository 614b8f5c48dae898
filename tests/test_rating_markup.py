"""Ratings the markup shows: rating boxes, star icon rows, star pictures (pages written
here)."""

from __future__ import annotations

import pytest

from criticdb.scrapers.extract.cascade import extract_review
from criticdb.scrapers.extract.page import parse_page
from criticdb.scrapers.extract.rating_markup import rating_in_markup

BODY = ("<p>The film opens on a night ferry and never quite docks. The director keeps the "
        "camera low, and the cast plays every scene as a stage whisper.</p>") * 3


def icons(*classes: str) -> str:
    return "".join(f'<i class="{c}"></i> ' for c in classes)


def found(markup: str) -> dict[str, str]:
    html = (f"<html><body><article><h1>Night Ferry review</h1>{markup}{BODY}</article>"
            f"</body></html>")
    return rating_in_markup(parse_page(html.encode(), "https://blog.example/night-ferry/"))


@pytest.mark.parametrize(("markup", "raw", "scale"), [
    # Font Awesome 4: full, half, empty
    ('<div class="review-stars">' + icons("fa fa-star", "fa fa-star", "fa fa-star",
                                          "fa fa-star-half-o", "fa fa-star-o") + "</div>",
     "★★★½☆", "out_of_5"),
    # Font Awesome 6: an outline star is an empty one
    ('<p class="score">Our rating: ' + icons("fa-solid fa-star", "fa-solid fa-star",
                                             "fa-regular fa-star", "fa-regular fa-star")
     + "</p>", "★★☆☆", "out_of_4"),
    # sprite classes with no empty stars: stars out of 5, the glyphs' convention
    ('<span class="star-rating">' + icons("icon-star-full", "icon-star-full",
                                          "icon-star-full", "icon-star-half") + "</span>",
     "★★★½", "stars"),
    # Bootstrap Icons
    ("<div>" + icons("bi bi-star-fill", "bi bi-star-fill", "bi bi-star-fill",
                     "bi bi-star-fill", "bi bi-star") + "</div>", "★★★★☆", "out_of_5"),
])
def test_a_row_of_star_icons_is_the_rating(markup: str, raw: str, scale: str) -> None:
    assert found(markup) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize(("markup", "raw", "scale"), [
    # a state class marks the lit stars among plain ones ("fa fa-star checked", the
    # tutorial convention; "star filled" on SVG icons); the plain ones are the empty stars
    ('<div class="rating">' + icons(*["fa fa-star checked"] * 3, "fa fa-star", "fa fa-star")
     + "</div>", "★★★☆☆", "out_of_5"),
    ('<div class="stars">' + "".join('<svg class="star filled"></svg>' for _ in range(4))
     + '<svg class="star"></svg></div>', "★★★★☆", "out_of_5"),
    ('<div>' + icons("star active", "star active", "star half", "star", "star")
     + "</div>", "★★½☆☆", "out_of_5"),
])
def test_lit_stars_marked_by_a_state_class(markup: str, raw: str, scale: str) -> None:
    assert found(markup) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize(("markup", "raw", "scale"), [
    # a row of star pictures: full, half and empty ones told apart by their names
    ("<p>" + '<img src="/img/star.png">' * 3 + '<img src="/img/halfstar.png"></p>', "3.5",
     "stars"),
    ("<p>" + '<img src="/i/star_on.gif">' * 2 + '<img src="/i/star_off.gif">' * 3 + "</p>",
     "2", "out_of_5"),
    # a picture named by its value inside a folder of stars, or after "rating"
    ('<p><img src="/images/stars/3.5.png"></p>', "3.5", "stars"),
    ('<p><img src="/img/rating-4-5.gif" alt=""></p>', "4.5", "stars"),
])
def test_star_pictures_in_a_row_or_named_by_folder(markup: str, raw: str, scale: str) -> None:
    assert found(markup) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize("markup", [
    # one icon: a favourite or a social link, not a rating
    '<a href="https://anilist.example/me" aria-label="list"><i class="fa-solid fa-star"></i></a>',
    '<span class="badge">' + icons("icon icon-star") + "Editors' pick</span>",
    # readers' votes and an aggregate, however drawn
    '<div class="user-rating">' + icons(*["fa fa-star"] * 4, "fa fa-star-o") + "</div>",
    "<p>Readers: " + icons(*["fa fa-star"] * 3, "fa fa-star-o", "fa fa-star-o") + "</p>",
    # a related-reviews sidebar with its own stars
    '<aside><ul><li>Low Tide ' + icons(*["fa fa-star"] * 4, "fa fa-star-o") + "</li></ul></aside>",
    # stars that are links (a rate-this widget) and an unrated row
    '<span>' + "".join('<a href="#"><i class="fa fa-star"></i></a>' for _ in range(5))
    + "</span>",
    "<div>" + icons(*["fa fa-star-o"] * 5) + "</div>",
    # plain stars with no state class say nothing; two pictures of a star are decoration
    "<div>" + icons(*["star"] * 5) + "</div>",
    "<p>" + '<img src="/img/star.png">' * 2 + "</p>",
])
def test_star_icons_that_are_not_the_critics_rating(markup: str) -> None:
    assert found(markup) == {}


def test_the_cascade_scores_an_icon_row() -> None:
    html = ('<html><body><article class="hentry"><h1 class="entry-title">Night Ferry review'
            '</h1><div class="entry-content"><div class="verdict">'
            + icons("fa fa-star", "fa fa-star", "fa fa-star", "fa fa-star-o", "fa fa-star-o")
            + f"</div>{BODY}</div></article></body></html>")
    record = extract_review(html.encode(), "https://blog.example/night-ferry-review/")
    assert (record.rating_raw, record.rating_scale) == ("★★★☆☆", "out_of_5")


def test_rows_that_disagree_give_no_rating() -> None:
    """Sub-scores (story, acting) or other films' stars: the critic's own is not knowable."""
    rows = ("<p>Story " + icons(*["fa fa-star"] * 4, "fa fa-star-o") + "</p><p>Acting "
            + icons(*["fa fa-star"] * 2, *["fa fa-star-o"] * 3) + "</p>")
    assert found(rows) == {}
    same = "<div>" + icons(*["fa fa-star"] * 4, "fa fa-star-o") + "</div>"
    assert found(same + same) == {"rating_raw": "★★★★☆", "rating_scale": "out_of_5"}


@pytest.mark.parametrize(("src", "raw", "scale"), [
    ("/images/ratings/3.5-stars.png", "3.5", "stars"),
    ("/img/stars_4.gif", "4", "stars"),
    ("https://cdn.example/uploads/35stars.jpg?v=2", "3.5", "stars"),
    ("/r/3-of-5-stars.png", "3", "out_of_5"),
    ("/r/star_2_5.png", "2.5", "stars"),
])
def test_a_star_picture_named_by_its_rating(src: str, raw: str, scale: str) -> None:
    assert found(f'<p><img src="{src}"></p>') == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize("src", [
    "/award5star5star.gif",  # a site award
    "/img/rockstar4.png", "/img/star-wars-3.jpg", "/img/star-3d.png",  # other words
    "/img/top-5-stars.png", "/img/user-4-stars.png", "/img/7-stars.png",
])
def test_pictures_whose_names_are_not_a_rating(src: str) -> None:
    assert found(f'<p><img src="{src}"></p>') == {}


def test_a_star_picture_in_a_sidebar_is_another_films() -> None:
    assert found('<div class="sidebar"><img src="/r/4-stars.png"></div>') == {}


@pytest.mark.parametrize(("markup", "expected"), [
    ('<div class="grade">B-</div>', {"rating_raw": "B-", "rating_scale": "letter"}),
    ('<div class="review-score"><span class="score-value">7.5</span><span>/10</span></div>',
     {"rating_raw": "7.5", "rating_scale": "out_of_10"}),
    ('<p class="rating-box"><span id="verdict">3/4</span></p>',
     {"rating_raw": "3", "rating_scale": "out_of_4"}),
    # a number alone: its scale is the site's or learned from the publication's others
    ('<span class="post-rating">8</span>', {"rating_raw": "8"}),
])
def test_a_box_classed_as_the_rating(markup: str, expected: dict[str, str]) -> None:
    assert found(markup) == expected


@pytest.mark.parametrize("markup", [
    '<div class="user-rating">8.2</div>',  # readers'
    '<div class="average-score">7.9</div>',
    '<aside><span class="rating">4/5</span></aside>',  # another film's, in a sidebar
    '<div class="score">Our team scored a late winner in the second half.</div>',  # prose
    # sub-scores that disagree
    '<span class="rating">7</span><span class="rating">9</span>',
    '<span class="score">1999</span>',  # four digits: a year or a count, not a rating
])
def test_boxes_that_are_not_the_critics_rating(markup: str) -> None:
    assert found(markup) == {}


@pytest.mark.parametrize(("markup", "expected"), [
    # a bar of stars filled to a width (WooCommerce-style themes): percent of the scale
    ('<div class="star-rating"><span style="width:70%"></span></div>',
     {"rating_raw": "70", "rating_scale": "out_of_100"}),
    ('<div class="review-rating"><div class="stars-fill" style="width: 90%;"></div></div>',
     {"rating_raw": "90", "rating_scale": "out_of_100"}),
    # the value in a data attribute of a stars element: stars out of 5
    ('<span class="stars" data-rating="3.5"></span>',
     {"rating_raw": "3.5", "rating_scale": "stars"}),
    ('<div class="post-rating" data-score="8"></div>', {"rating_raw": "8"}),
])
def test_a_rating_drawn_by_width_or_held_in_a_data_attribute(markup: str,
                                                             expected: dict[str, str]) -> None:
    assert found(markup) == expected


@pytest.mark.parametrize("markup", [
    # readers' bars, a progress bar, a bar with its own text, a nonsense value
    '<div class="user-rating star-rating"><span style="width:70%"></span></div>',
    '<div class="progress"><span style="width:70%"></span></div>',
    '<div class="star-rating"><span style="width:120%"></span></div>',
    '<aside class="sidebar"><span class="stars" data-rating="4"></span></aside>',
    '<span class="stars" data-rating="4.5.1"></span>',
])
def test_bars_and_attributes_that_are_not_the_critics_rating(markup: str) -> None:
    assert found(markup) == {}
