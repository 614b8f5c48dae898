"""Text rules: headlines, years, ratings and remake phrases in prose."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from criticdb.scrapers.extract import main_text
from criticdb.scrapers.extract.cascade import extract_review
from criticdb.scrapers.extract.page import parse_page
from criticdb.scrapers.extract.rating_text import (
    LABELS,
    NEEDS,
    _label_positions,
    rating_alone,
    rating_in_text,
)
from criticdb.scrapers.extract.remake_phrases import remakes_in_text
from criticdb.scrapers.extract.text_rules import (
    title_from_headline,
    year_in_credits,
    year_in_fact_label,
    year_in_text,
)
from criticdb.transforms.critics import critic_names
from criticdb.transforms.ratings import to_score


@pytest.mark.parametrize(("headline", "title", "year"), [
    ("Film Review – Hard Hit", "Hard Hit", None),
    ("'Hard Hit' review: Busan traffic", "Hard Hit", None),
    ("Hard Hit (2021)", "Hard Hit", 2021),
    ("Hard Hit review – a lead foot", "Hard Hit", None),
    ("This week's releases: four films reviewed", None, None),
    # "review by" and "A review of": the critic's name is not part of the title
    ("Hard Hit (2021) review by Ana Lima", "Hard Hit", 2021),
    ("A review of Hard Hit (2021) by Ana Lima", "Hard Hit", 2021),
    ("A Review of Stand by Me", "Stand by Me", None),
    # a review label joined by a preposition, a label after a comma, a director's credit
    ("Crítica de 'Hard Hit' (2021)", "Hard Hit", 2021),
    ("Critique du film Hard Hit", "Hard Hit", None),
    ("Filmkritik zu „Hard Hit“", "Hard Hit", None),
    ("Recensione del film Hard Hit", "Hard Hit", None),
    ("Hard Hit, la recensione", "Hard Hit", None),
    ("Reseña: Hard Hit, de Kim Chang-ju", "Hard Hit", None),
    ("Crazy, Stupid, Love", "Crazy, Stupid, Love", None),
    # "– A Review." after the title; a bare Movie/Film ending a real title stays
    ("Hard Hit – A Review.", "Hard Hit", None),
    ("Hard Hit: my review", "Hard Hit", None),
    ("The Lego Movie", "The Lego Movie", None),
    ("Bee Movie", "Bee Movie", None),
    ("This Is Not a Film (2011)", "This Is Not a Film", 2011),
    ("Transformers, o filme", "Transformers", None),
    # a year after a preposition belongs to the title
    ("Gold Diggers of 1933", "Gold Diggers of 1933", None),
    ("Night Ferry 2021", "Night Ferry", 2021),
    # a sentence-shaped label before the title; "I watched it" after it (zh, ja)
    ("Thoughts on Night Ferry", "Night Ferry", None),
    ("My reaction to Night Ferry", "Night Ferry", None),
    ("Movie Analysis: Night Ferry", "Night Ferry", None),
    ("夜渡观后感", "夜渡", None),
    # a dateline glued to the title; a year still to come, "2001" or "9/11" are the title's
    ("Night Ferry, 8-9-02", "Night Ferry", None),
    ("20220608夜渡", "夜渡", None),
    ("[2019-09-15] Night Ferry", "Night Ferry", None),
    ("Blade Runner 2049", "Blade Runner 2049", None),
    ("Fahrenheit 9/11", "Fahrenheit 9/11", None),
    ("21/12/2018", "21/12/2018", None),
    ("说说夜渡吧~", "夜渡", None),  # "let's talk about", "moved by" before the title
    ("有感于夜渡", "夜渡", None),
    ("说说", "说说", None),  # the phrase alone names nothing to strip
    ("NIGHT FERRY を見た", "NIGHT FERRY", None),
    ("夜の渡し船観ました。", "夜の渡し船", None),
    # Korean: "finally watched X", the particle glued to the title
    ("드디어 밤배를 보다", "밤배", None),
    ("밤배를 봤다!", "밤배", None),
    # a bracketed label before the title (Chinese, Japanese), a bare "Review Film"/"Đánh giá
    # phim"/"รีวิว" label (Indonesian, Vietnamese, Thai write it before the title, no colon)
    ("【影评】夜渡", "夜渡", None),
    ("【映画レビュー】夜の渡し船", "夜の渡し船", None),
    ("Review Film Kapal Malam", "Kapal Malam", None),
    ("Đánh giá phim Chuyến phà đêm", "Chuyến phà đêm", None),
    ("รีวิว เรือข้ามฟากกลางคืน", "เรือข้ามฟากกลางคืน", None),
    ("[Review] Night Ferry", "Night Ferry", None),
    # a blog's numbered series before the title; a number in the title itself stays
    ("Movie Monday #12: Night Ferry", "Night Ferry", None),
    ("Sunday Classics No. 7 – Night Ferry", "Night Ferry", None),
    ("Night Ferry 2: my review", "Night Ferry 2", None),
    # the title's own article after "Review of" stays; "the film" after it is the label's
    ("Review of The Dark Knight", "The Dark Knight", None),
    ("Review of the film Night Ferry", "Night Ferry", None),
    ("Reseña de El laberinto del fauno", "El laberinto del fauno", None),
    # a review label with its qualifier; a credit or a country with the year in brackets
    ("Spoiler Review: Night Ferry", "Night Ferry", None),
    ("Mini Review: Night Ferry", "Night Ferry", None),
    ("Night Ferry: Spoiler-Free Review", "Night Ferry", None),
    ("Night Ferry – a quick review", "Night Ferry", None),
    ("Night Ferry (Ada Brook, 2019)", "Night Ferry", 2019),
    ("Night Ferry (Norway, 2019)", "Night Ferry", 2019),
    ("Crazy, Stupid, Love (2011)", "Crazy, Stupid, Love", 2011),
    # a database's inverted article ("Dark Knight, The") is turned round
    ("Dark Knight, The", "The Dark Knight", None),
    ("Dark Knight, The (2008)", "The Dark Knight", 2008),
    ("Vie en rose, La", "La Vie en rose", None),
    ("Crazy, Stupid, Love", "Crazy, Stupid, Love", None),
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
    # labels in other languages, other denominators, stars written out
    ("Mi valoración: 7/10. Para saber más…", "7", "out_of_10"),
    ("Bewertung: 3,5 von 5", "3.5", "out_of_5"),
    ("Note : 14/20", "14", "out_of_20"),
    ("Overall rating - 4.9/5.0", "4.9", "out_of_5"),
    ("Rating: B+", "B+", "letter"),
    ("Our rating: B +.", "B+", "letter"),
    ("it deserves 9 out of 10 points.", "9", "out_of_10"),
    ("3 stars (out of 5)", "3", "out_of_5"),
    ("Un 5 sobre 10, ni más ni menos.", "5", "out_of_10"),
    ("Body Heat (1981) ***½", "***½", "stars"),
    ("***1/2 out of ****", "***½", "out_of_4"),
    ("Rating: ** / *****", "**", "out_of_5"),
    ("We give it four and a half stars out of five.", "4.5", "out_of_5"),
    ("IMDb 8.6 / 10 · Rotten Tomatoes avg. rating 7.7 / 10 · mine: 9 out of 10", "9",
     "out_of_10"),
])
def test_ratings_in_text(text: str, raw: str, scale: str) -> None:
    assert rating_in_text(text) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize(("text", "found"), [
    # score labels of more languages: Italian, Russian, Korean, traditional Chinese, Dutch,
    # Turkish, with the scales the other languages' forms give them
    ("Valutazione: 7/10", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("Моя оценка: 8/10", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("Оценка 7 из 10.", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("평점: 8/10", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("個人評分：7.5/10", {"rating_raw": "7.5", "rating_scale": "out_of_10"}),
    ("我給它打8分。", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("Beoordeling: 4/5", {"rating_raw": "4", "rating_scale": "out_of_5"}),
    ("Puan: 8/10", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    # stars after a score label ("打分：4星"), as after a verb of giving ("给4星")
    ("打分：4星。", {"rating_raw": "4星", "rating_scale": "stars"}),
    # Japanese points are out of 100 ("評価：80点"), unless a 点満点 says otherwise
    ("評価：80点", {"rating_raw": "80", "rating_scale": "out_of_100"}),
    ("個人的な評価は70点です。", {"rating_raw": "70", "rating_scale": "out_of_100"}),
    ("採点：4点（5点満点）", {"rating_raw": "4", "rating_scale": "out_of_5"}),
    # a decimal after a label is read whole, or not at all ("Rating: 8" of "8.5" was a bug)
    ("Rating: 8.5", {"rating_raw": "8.5"}),
    ("Rating: 8.5 Director: Ana Lima", {}),
    # not ratings: Douban's, IMDb's or the audience's score, a runtime, a count of points
    ("豆瓣評分：8.1/10", {}),
    ("上映時間は120分、評価は賛否両論。", {}),
    ("IMDb 평점: 8.1/10", {}),
    ("В рейтинге 250 лучших фильмов", {}),
    ("네티즌 평점: 8.5/10", {}),
    ("みんなの評価：72点", {}),
    ("网友评分：8/10", {}),
    # Czech, Latin American Spanish, "Rated:" with its colon; an age rating is still none
    ("Hodnocení: 80 %", {"rating_raw": "80", "rating_scale": "out_of_100"}),
    ("Puntaje: 7/10", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("Rated: 4/5", {"rating_raw": "4", "rating_scale": "out_of_5"}),
    ("Rated: 3.5 stars", {"rating_raw": "3.5", "rating_scale": "stars"}),
    ("Rated R for violence.", {}),
    ("Rated: PG-13", {}),
    # Chinese recommendation indexes and "give points" labels, Japanese star counts, Korean
    # points after 평점, final scores in Spanish and Italian
    ("推荐指数：4星", {"rating_raw": "4星", "rating_scale": "stars"}),
    ("推荐指数：8/10", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("给分：7分", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("分数：7.5", {"rating_raw": "7.5", "rating_scale": "out_of_10"}),
    ("私の評価は★4つです。", {"rating_raw": "4", "rating_scale": "stars"}),
    ("星4つ", {"rating_raw": "4", "rating_scale": "stars"}),
    ("★3.5", {"rating_raw": "3.5", "rating_scale": "stars"}),
    ("내 평점은 8점", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("Puntuación final: 8", {"rating_raw": "8"}),
    ("Voto finale: 8", {"rating_raw": "8"}),
    ("네티즌 평점은 8점", {}),
    ("星4つのホテル", {}),
    ("★5 Editor's pick", {}),
    # popcorn buckets after a score label count as stars do; alone they are decoration
    ("Rating: 🍿🍿🍿🍿", {"rating_raw": "🍿🍿🍿🍿", "rating_scale": "stars"}),
    ("Grab the 🍿🍿 and enjoy", {}),
])
def test_score_labels_of_more_languages(text: str, found: dict) -> None:
    assert rating_in_text(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # halves written as "1/2" after a space, the newspaper way; "½" after a label's number
    ("3 1/2 out of 4 stars", {"rating_raw": "3.5", "rating_scale": "out_of_4"}),
    ("Rating: 3 1/2 out of 4 stars", {"rating_raw": "3.5", "rating_scale": "out_of_4"}),
    ("2 1/2 stars", {"rating_raw": "2.5", "rating_scale": "stars"}),
    ("(3 1/2 stars)", {"rating_raw": "3.5", "rating_scale": "stars"}),
    ("Rating: 3½ stars", {"rating_raw": "3.5", "rating_scale": "stars"}),
    ("Rating: 2 1/2", {"rating_raw": "2.5"}),
    ("Body Heat (1981) *** 1/2", {"rating_raw": "***½", "rating_scale": "stars"}),
    # other units, the scale in words, the scale after glyphs
    ("2½ popcorns (out of four)", {"rating_raw": "2.5", "rating_scale": "out_of_4"}),
    ("3 reels out of 5", {"rating_raw": "3", "rating_scale": "out_of_5"}),
    ("★★½ (out of four)", {"rating_raw": "★★½", "rating_scale": "out_of_4"}),
    ("★★★ out of 5", {"rating_raw": "★★★", "rating_scale": "out_of_5"}),
    # letter grades spelled out
    ("Grade: B-minus", {"rating_raw": "B-", "rating_scale": "letter"}),
    ("Grade: A plus", {"rating_raw": "A+", "rating_scale": "letter"}),
    # the article "A" opening a verdict's sentence is no grade; a grade before a sentence is
    ("Verdict: A strong, quiet film.", {}),
    ("Verdict\nA must-see for anyone who rides ferries.", {}),
    ("Rating: A solid night out.", {}),
    ("Verdict: A. Go see it.", {"rating_raw": "A", "rating_scale": "letter"}),
    ("Grade: A (see it twice)", {"rating_raw": "A", "rating_scale": "letter"}),
    ("Verdict: B+ for the cast, and the ferry.", {"rating_raw": "B+", "rating_scale": "letter"}),
    # still none: half of something, a fraction of a day
    # newspaper capsules: ASCII stars before the MPAA rating or before "(out of four)";
    # stars written out with their scale in words ("three and a half out of four stars" was
    # read as four stars)
    ("THE DARK KNIGHT *** 1/2 (PG-13)", {"rating_raw": "***½", "rating_scale": "stars"}),
    ('"Night Ferry" *** (out of four)', {"rating_raw": "***", "rating_scale": "out_of_4"}),
    ("Three and a half out of four stars.", {"rating_raw": "3.5", "rating_scale": "out_of_4"}),
    ("Two and a half stars (out of four)", {"rating_raw": "2.5", "rating_scale": "out_of_4"}),
    ("Night Ferry ** (R, 97 minutes)", {"rating_raw": "**", "rating_scale": "stars"}),
    ("See footnote * (R)", {}),
    ("He ate 1/2 of the popcorn.", {}),
    ("We met at 2 1/2 past noon.", {}),
])
def test_halves_units_and_spelled_grades(text: str, found: dict) -> None:
    assert rating_in_text(text) == found


@pytest.mark.parametrize(("body", "found"), [
    ("The ferry never docks.\n\n6/10", {"rating_raw": "6", "rating_scale": "out_of_10"}),
    ("The ferry never docks.\n\n7.5/10.", {"rating_raw": "7.5", "rating_scale": "out_of_10"}),
    ("The ferry never docks.\n\n82/100", {"rating_raw": "82", "rating_scale": "out_of_100"}),
    # a date alone, a fraction inside prose, a score out of a count that is no rating's scale
    ("The ferry never docks.\n\n6/12", {}),
    ("It ran 6/10 of its length in one car.", {}),
    ("6/10\n\nThe ferry never docks.\n\nMore text follows.", {}),
    # out of 5 or 4 only where no date can be meant: a half, a decimal or brackets
    ("The ferry never docks.\n\n(3/5)", {"rating_raw": "3", "rating_scale": "out_of_5"}),
    ("The ferry never docks.\n\n3.5/5", {"rating_raw": "3.5", "rating_scale": "out_of_5"}),
    ("The ferry never docks.\n\n2½/4", {"rating_raw": "2.5", "rating_scale": "out_of_4"}),
    ("The ferry never docks.\n\n3/5", {}),
    ("The ferry never docks.\n\n(6/12)", {}),
    # a list of films, each closed by its own score, gives no one film's rating
    ("Night Ferry\n\n10/10\n\nHard Hit\n\n7.5/10", {}),
])
def test_a_fraction_standing_alone_closes_the_review(body: str, found: dict) -> None:
    """'6/10' as a paragraph of its own at the review's end is its score (a date like '6/10'
    heads a post, it does not close one)."""
    assert rating_alone(body) == found


@pytest.mark.parametrize(("closing", "raw", "scale"), [
    ("<p>8/10</p>", "8", "out_of_10"),
    ("<p><strong>(3.5/5)</strong></p>", "3.5", "out_of_5"),
])
def test_a_score_line_closing_the_article_survives_the_edge_trim(closing: str, raw: str,
                                                                  scale: str) -> None:
    """The main-text step trims short non-sentences at the article's edges (bylines, credits);
    a bare score closing the review is the verdict, not metadata, and must reach the rules."""
    prose = ("<p>The film opens on a night ferry and never quite docks. The director keeps "
             "the camera low, and the cast plays each scene as a whisper.</p>"
             "<p>I liked it more than I expected, and the last reel earns its silence.</p>")
    page = (f"<html><head><title>Night Ferry review</title></head><body><h1>Night Ferry "
            f"review</h1><article>{prose}{closing}</article></body></html>").encode()
    record = extract_review(page, "https://blog.example/2024/05/night-ferry-review/")
    assert (record.rating_raw, record.rating_scale) == (raw, scale)


@pytest.mark.parametrize(("text", "found"), [
    ("Buena historia, bien llevada. Le doy un ocho.", {"rating_raw": "8"}),
    ("All told, I give it a 7.", {"rating_raw": "7"}),
    ("I would give this film 8/10.", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    ("Je lui donne 7 sur 10.", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    # the scale written out too: "seven out of ten" is how many blogs and columns put it
    ("All in all, I'd give it a seven out of ten.",
     {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("Le doy un siete sobre diez.", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("Rating: seven out of ten", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("Our verdict: three and a half out of five.",
     {"rating_raw": "3.5", "rating_scale": "out_of_5"}),
    ("Nota: ocho sobre 10.", {"rating_raw": "8", "rating_scale": "out_of_10"}),
    # a labelled number standing alone; a fraction marked as stars needs no label
    ("Voto: 7,5", {"rating_raw": "7.5"}),
    ("Stars: 3", {"rating_raw": "3", "rating_scale": "stars"}),
    ("Night Ferry 4/5 ★", {"rating_raw": "4", "rating_scale": "out_of_5"}),
    # not ratings: an age rating, a note, a lone decorative star
    ("Rating: 18+ for violence", {}),
    ("Note: 2 of the scenes were cut.", {}),
    ("★ Editor's pick", {}),
    ("I give it two thumbs up.", {}),
    ("I give it a try anyway.", {}),
])
def test_give_it_a_number(text: str, found: dict) -> None:
    """'I give it a 7' / 'Le doy un ocho': the critic's number; its scale is the
    normaliser's business (a bare 8 is scored only on a known or learned scale)."""
    assert rating_in_text(text) == found


def test_no_rating_invented_from_dates_or_prose() -> None:
    assert rating_in_text("Released 24/7/2021, it ran 7/10 of its length in one car.") == {}
    assert rating_in_text("As noted above, the sequel is worse.") == {}
    assert rating_in_text("Three out of ten people walked out.") == {}
    assert rating_in_text("Its score: two out of three songs are reprises.") == {}
    assert rating_in_text("IMDb 8.6/10 and a Metacritic score: 71/100.") == {}


@pytest.mark.parametrize("text", [
    "Vollbild Bild 1 von 10 Die Lage blieb ruhig.",  # a gallery's counter
    "Page 2 out of 5 of the thread",
    "Trotzdem leben 25 von 30 Millionen Menschen in Armut.",  # a count of people
    "Some 3 out of 4 people agreed.",
])
def test_a_counter_or_a_count_of_things_is_no_rating(text: str) -> None:
    assert rating_in_text(text) == {}


def test_out_of_with_its_unit_or_a_plain_sentence_after_it_is_still_a_rating() -> None:
    assert rating_in_text("Note: 7 von 10 Punkten.") == {"rating_raw": "7",
                                                           "rating_scale": "out_of_10"}
    assert rating_in_text("I'd say 3 out of 4 for this one.") == {"rating_raw": "3",
                                                                  "rating_scale": "out_of_4"}


@pytest.mark.parametrize(("text", "found"), [
    ("Retribution is a remake of the Spanish film, Retribution (2015), set in Berlin.",
     [{"title": "Retribution", "year": 2015}]),
    ("Let Me In is based on the 2008 Swedish film Let the Right One In and keeps its snow.",
     [{"title": "Let the Right One In", "year": 2008}]),
    ("Nolan's reimagining of Insomnia (1997) moves to Alaska.",
     [{"title": "Insomnia", "year": 1997}]),
    ("It is based on the novel by John Ajvide Lindqvist.", []),
    ("It is the third remake of the Spanish thriller.", []),
    # possessive credits are not part of the title
    ("A remake of Howard Hawks's Scarface (1932) that trades Chicago for Miami.",
     [{"title": "Scarface", "year": 1932}]),
    ("Guadagnino remakes Dario Argento's Suspiria (1977) as a Cold War ballet.",
     [{"title": "Suspiria", "year": 1977}]),
    ("an American remake of Ocean's Eleven (1960) with a bigger vault",
     [{"title": "Ocean's Eleven", "year": 1960}]),
    ("The killings inspired the original film, The Town That Dreaded Sundown (1976), too.",
     [{"title": "The Town That Dreaded Sundown", "year": 1976}]),
    ("Es un remake de Plein soleil (1960) con menos sol.", [{"title": "Plein soleil",
                                                           "year": 1960}]),
    ("Die Neuverfilmung von Das Boot (1981) spielt an Land.", [{"title": "Das Boot",
                                                               "year": 1981}]),
    ("a remake of the film that everyone's parents remember fondly (1984)", []),
    # the year as a possessive, a descriptive noun, the word for film in Romance languages
    ("Pollack's remake of 1954's Sabrina keeps the Long Island estate.",
     [{"title": "Sabrina", "year": 1954}]),
    ("It is a remake of the 1982 classic The Thing, minus the dread.",
     [{"title": "The Thing", "year": 1982}]),
    ("Ce remake du film Les Diaboliques (1955) perd son venin.",
     [{"title": "Les Diaboliques", "year": 1955}]),
    ("É um remake do filme Carrie (1976) com celulares.", [{"title": "Carrie", "year": 1976}]),
    ("a remake of 1980's finest hits", []),
])
def test_remake_phrases(text: str, found: list[dict]) -> None:
    assert remakes_in_text(text) == found


@pytest.mark.parametrize(("byline", "names"), [
    ("By JANE DOE", ["Jane Doe"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("words by Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and Sam Roe", ["Jane Doe", "Sam Roe"]),
    ("Por Ana Ruiz y Luis Gil", ["Ana Ruiz", "Luis Gil"]),
    ("Von Uwe Scholz", ["Uwe Scholz"]),
    ("Reviewed by Arwin Bagaslao · 2026-01-03", ["Arwin Bagaslao"]),
    ("Posted on May 28, 2024 by Jane Doe", ["Jane Doe"]),
    # a byline in capitals names two people, and an initial is not a conjunction
    ("BY JANE DOE AND SAM ROE", ["Jane Doe", "Sam Roe"]),
    ("By Jo Y. Park", ["Jo Y. Park"]),
    # Chinese and Japanese author labels, with a space or a full-width colon
    ("作者 Jo Park", ["Jo Park"]),
    ("文章作者：夜航", ["夜航"]),
    ("投稿者: Jo Park", ["Jo Park"]),
    # a shouted name run into the paper's name; the paper after a comma; initials kept
    ("By AL ALEXANDERThe Patriot Ledger", ["Al Alexander"]),
    ("By Jane Doe, The Daily Example", ["Jane Doe"]),
    ("By Roger J. Ebert", ["Roger J. Ebert"]),
    ("By JOHN McCARTHY", ["JOHN McCARTHY"]),
    # newspapers' bylines of 2007-2014: the paper or the role after a comma, a date after
    # the name, the paper and the role run in, "From Friday's paper" after a line break
    ("By Claudia Puig, USA TODAY", ["Claudia Puig"]),
    ("Mick LaSalle, Chronicle Movie Critic", ["Mick LaSalle"]),
    ("Reviewed by Kenneth Turan, Los Angeles Times Film Critic", ["Kenneth Turan"]),
    ("Ty Burr, Globe Staff | July 17, 2008", ["Ty Burr"]),
    ("Roger Ebert July 16, 2008", ["Roger Ebert"]),
    ("By Ann Hornaday Washington Post Staff Writer Friday, July 18, 2008", ["Ann Hornaday"]),
    ("By A. O. Scott New York Times Film Critic", ["A. O. Scott"]),
    ("By Rick Groen From Friday's Globe and Mail", ["Rick Groen"]),
    ("Film review by Xan Brooks", ["Xan Brooks"]),
    # the next line run in after a line break lost to the text: its first words end the name
    ("By JANE Q. DOE Special to the Daily Example", ["Jane Q. Doe"]),
    ("By STEPHEN HOLDEN Published: July 18, 2008", ["Stephen Holden"]),
    # two critics with a comma still are two
    ("By Ana Lima, Jo Park", ["Ana Lima", "Jo Park"]),
])
def test_bylines(byline: str, names: list[str]) -> None:
    assert critic_names(byline) == names


@pytest.mark.parametrize("label", [
    "rating", "Score", "grade", "verdict", "stars", "Puntuación", "valoración", "calificación",
    "nota final", "Note", "Bewertung", "Wertung", "voto", "giudizio", "avaliação", "cote",
    "betyg", "karakter", "arvosana", "ocena", "punteggio", "Overall", "note finale",
])
def test_every_rating_label_is_scanned(label: str) -> None:
    """The label scan's first-letter lookahead is derived from LABEL: adding a label that
    starts with a new letter must not make it invisible."""
    assert rating_in_text(f"All told. {label}: 7/10") == {"rating_raw": "7",
                                                          "rating_scale": "out_of_10"}


@pytest.mark.parametrize("text", [
    "Rating: 3.5 stars", "We give it four stars.", "Our verdict: ★★★½", "Rating: 3.5/4",
    "Grade: B+", "Body Heat (1981) ***½", "We give it four and a half stars out of five.",
    "Rating: seven out of ten", "3 stars (out of 5)", "***1/2 out of ****",
])
def test_what_extraction_reads_the_normaliser_scores(text: str) -> None:
    """Every rating the text rules return with a scale has a score: a form one side writes
    and the other cannot read loses the review's score silently."""
    found = rating_in_text(text)
    assert found and 0 <= to_score(found["rating_raw"], found["rating_scale"]) <= 100


@pytest.mark.parametrize(("head", "critic"), [
    ('<meta property="og:title" content="A review of Hard Hit (2021) by Ana Lima">', "Ana Lima"),
    ("<title>Hard Hit (2021) review by Ana Lima • Film Diary</title>", "Ana Lima"),
    ("<title>Stand by Me review</title>", None),
    ("<title>A Review of Stand by Me</title>", None),
])
def test_a_byline_written_into_the_headline(head: str, critic: str | None) -> None:
    """Letterboxd-style titles and group blogs put 'review by <name>' in the headline."""
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert extract_review(page, "https://diary.example/ana/film/hard-hit/").critic == critic


def test_the_fuller_visible_name_wins_over_a_shortened_structured_one() -> None:
    """JSON-LD carries 'Ana Lima', the page's author meta the full 'Ana Sofia Lima'."""
    ld = '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Hard Hit", '
    ld += '"author": {"@type": "Person", "name": "Ana Lima"}}'
    head = (f'<title>Hard Hit</title><script type="application/ld+json">{ld}</script>'
            '<meta name="author" content="Ana Sofia Lima">')
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = f"<html><head>{head}</head><body><h1>Hard Hit</h1>{body}</body></html>".encode()
    assert extract_review(page, "https://diary.example/hard-hit/").critic == "Ana Sofia Lima"


@pytest.mark.parametrize(("line", "critic"), [
    # Chinese bylines: "文/", "文：", "撰文："; labels with a colon in other languages
    ("<p>文/夜航</p>", "夜航"),
    ("<p>文：李四</p>", "李四"),
    ("<p>撰文：王五</p>", "王五"),
    ("<p>Text: Anna Berg</p>", "Anna Berg"),
    ("<p>Tekst: Jan de Vries</p>", "Jan de Vries"),
    ("<p>Reviewer: Jane Doe</p>", "Jane Doe"),
    ("<p>Critique par Jeanne Dupont</p>", "Jeanne Dupont"),
    # WordPress's date line with the author's archive link in it
    ('<div class="meta">Posted on May 3, 2024 by <a href="/author/jane/">Jane Doe</a></div>',
     "Jane Doe"),
    # theme classes that hold "author"/"byline" inside a longer token (BEM, camel case)
    ('<div class="c-byline"><span class="c-byline__author">Jane Doe</span></div>', "Jane Doe"),
    ('<div class="article__author"><a href="/people/jane-doe">Jane Doe</a></div>', "Jane Doe"),
    ('<span class="by-author">by Jane Doe</span>', "Jane Doe"),
    ('<div class="authorName">Jane Doe</div>', "Jane Doe"),
    # a link to the author's archive page, the URL convention of WordPress and newspapers
    ('<a href="/author/jane-doe/">Jane Doe</a>', "Jane Doe"),
    ('<p><a href="/profile/jane-doe">Jane Doe</a> <time>May 3, 2024</time></p>', "Jane Doe"),
    # a name with its role after a comma or a bar, a line of its own
    ("<p>Jane Doe, Staff Writer</p>", "Jane Doe"),
    ("<p>Jane Doe | Film Critic</p>", "Jane Doe"),
    # blog themes: a date before "by", a date after the name on its next line, "Words:",
    # the hyphenated "by-line" class
    ('<div class="blog-post-meta">May 3, 2024 by <a href="#">Jane Doe</a></div>', "Jane Doe"),
    ('<div class="post-meta"><time>2024-05-03</time> by <a href="/about/">Jane Doe</a></div>',
     "Jane Doe"),
    ('<div class="post-byline">Jane Doe<br>3 May 2024</div>', "Jane Doe"),
    ('<div class="post-byline">Jane Doe 2024-05-03</div>', "Jane Doe"),
    ('<div class="article-meta">Words: Jane Doe</div>', "Jane Doe"),
    ('<span class="by-line">Jane Doe</span>', "Jane Doe"),
    ("<p>Words matter less than pictures here.</p>", None),
    # the author's box and a listing of authors are no byline
    ('<div class="author-bio"><p>Jane Doe writes about film and ferries for a living, and '
     'has done so for years.</p></div>', None),
    ('<ul class="widget_authors"><li><a href="/author/jane/">Jane Doe</a></li>'
     '<li><a href="/author/sam/">Sam Roe</a></li></ul>', None),
    # none: a label without its colon is prose, a text's first words are no byline
    ("<p>Text messages kept arriving during the film.</p>", None),
    ("<p>文学改编的电影总是难拍。</p>", None),
])
def test_byline_labels_of_more_conventions(line: str, critic: str | None) -> None:
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = (f"<html><head><title>Hard Hit</title></head><body><h1>Hard Hit</h1>{line}"
            f"<article>{body}</article></body></html>").encode()
    assert extract_review(page, "https://paper.example/2024/05/hard-hit/").critic == critic


@pytest.mark.parametrize(("head", "critic"), [
    # news sites' and Dublin Core's author metas; the paper's name after a comma comes off
    ('<meta name="byl" content="By Jane Doe">', "Jane Doe"),
    ('<meta name="parsely-author" content="Jane Doe">', "Jane Doe"),
    ('<meta name="sailthru.author" content="Jane Doe">', "Jane Doe"),
    ('<meta name="dc.creator" content="Jane Doe">', "Jane Doe"),
    ('<meta name="DC.creator" content="Doe, Jane">', "Jane Doe"),
    ('<meta name="author" content="Jane Doe, The Daily Example">', "Jane Doe"),
    # schema.org's author typed as an organisation is the publication, not a critic
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
     '"NewsArticle", "headline": "Hard Hit", "author": {"@type": "Organization", "name": '
     '"The Daily Example"}}</script>', None),
])
def test_author_metas_of_news_sites_and_organisation_authors(head: str, critic: str | None
                                                             ) -> None:
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = (f"<html><head><title>Hard Hit</title>{head}</head><body><h1>Hard Hit</h1>"
            f"<article>{body}</article></body></html>").encode()
    assert extract_review(page, "https://paper.example/2024/05/hard-hit/").critic == critic


@pytest.mark.parametrize(("meta", "critic"), [
    ("nightferry", "nightferry"),  # a Hugo theme's owner handle, the page's only signature
    ("reeldiary", None),  # the site's own account (its host) is a publication, not a critic
])
def test_an_author_handle_in_meta_signs_a_personal_blog(meta: str, critic: str | None) -> None:
    head = f'<title>Hard Hit</title><meta name="author" content="{meta}">'
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = f"<html><head>{head}</head><body><h1>Hard Hit</h1>{body}</body></html>".encode()
    assert extract_review(page, "https://reeldiary.example/hard-hit/").critic == critic


@pytest.mark.parametrize(("meta", "title", "url", "critic"), [
    # a personal-hosting subdomain is its owner's: the handle there is a person's
    ("nightferry", "Hard Hit", "https://nightferry.github.io/hard-hit/", "nightferry"),
    # a site named as the handle's ("nightferry's blog") is that person's
    ("reeldiary", "Hard Hit - reeldiary's blog", "https://reeldiary.example/hard-hit/",
     "reeldiary"),
    # a capitalised name that is only part of the address (Igloo on beigloo.example)
    ("Igloo", "Hard Hit | Ice House", "https://beigloo.example/hard-hit/", "Igloo"),
    # the site's whole name (og:site_name or the whole title) is the publication's
    ("ReelDiary", "ReelDiary", "https://reeldiary.example/hard-hit/", None),
    ("reeldiary", "Hard Hit | Reel Diary", "https://reeldiary.example/hard-hit/", None),
])
def test_a_site_named_after_its_owner_is_signed_by_them(meta: str, title: str, url: str,
                                                         critic: str | None) -> None:
    head = f'<title>{title}</title><meta name="author" content="{meta}">'
    body = "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
    page = f"<html><head>{head}</head><body><h1>Hard Hit</h1>{body}</body></html>".encode()
    assert extract_review(page, url).critic == critic


@pytest.mark.parametrize(("byline", "title", "critic"), [
    ("By nightferry / <time>2017-07-30</time>", "Hard Hit", "nightferry"),  # a handle
    ("Written by tn.", "Hard Hit - cahiers of tn", "tn"),  # two letters inside the title
    ("By Me", "Hard Hit", None),  # a pronoun is nobody's name
])
def test_a_handle_after_by_signs_the_review(byline: str, title: str, critic: str | None
                                            ) -> None:
    body = ("<h1>Hard Hit</h1><div class='post-meta'><div>" + byline + "</div></div><article>"
            + "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
            + "</article>")
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()
    assert extract_review(page, "https://films.example/hard-hit/").critic == critic


def test_a_cjk_sentence_is_not_a_name() -> None:
    """Chinese writes no spaces, so a slogan is one 'word': too many characters for a name."""
    slogan = "我们相信所以看到，并不是我们看到所以相信"
    head = f'<title>夜渡</title><meta name="author" content="{slogan}">'
    body = "<p>这部电影讲的是一艘夜里的渡轮，镜头很慢，我很喜欢这部电影。</p>" * 3
    page = f"<html><head>{head}</head><body><h1>夜渡</h1>{body}</body></html>".encode()
    assert extract_review(page, "https://films.example/night-ferry/").critic is None


def test_a_review_signed_at_its_end_in_a_plain_content_block() -> None:
    """Themes without entry-content/article: the last paragraph '-<em>Name</em>' signs it."""
    body = ("<div class='content'><h1>Hard Hit – A Review.</h1>"
            + "<p>The film keeps the camera low and the cast plays every scene quietly.</p>" * 3
            + "<p>-<em>Ana Sofia Lima</em></p></div>")
    page = f"<html><head><title>Hard Hit – A Review - Club</title></head><body>{body}</body></html>"
    record = extract_review(page.encode(), "https://club.example/posts/hard-hit-a-review/")
    assert (record.film_title, record.critic) == ("Hard Hit", "Ana Sofia Lima")


@pytest.mark.parametrize(("text", "year"), [
    ("IMDb 7.0/10 Rotten Tomatoes 78% Year 2003 Rated PG", 2003),
    ("Release year: 1995", 1995),
    ("Jahr: 2014", 2014),
    ("later that year 2011 the sequel came", None),
    ("set in the year 2049 on a dying Earth", None),
])
def test_a_year_labelled_in_a_fact_box(text: str, year: int | None) -> None:
    assert year_in_fact_label(text) == year


def _page(head: str, body: str) -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_subtitled_title_after_the_site_name_stays_whole() -> None:
    """'Site | Title: Subtitle': the body names the whole film, the slug only its subtitle."""
    body = ("<h1>Jo Park</h1><article><p>I went to see Night Ferry: Low Tide with my son. "
            "Night Ferry: Low Tide keeps the camera low and the cast plays every scene "
            "quietly; the film is slow and I liked it.</p></article>")
    page = _page("<title>Jo Park | Night Ferry: Low Tide</title>", body)
    assert extract_review(page, "https://jopark.example/blog/low-tide/").film_title == \
        "Night Ferry: Low Tide"


def test_a_quoted_title_in_a_question_headline() -> None:
    body = ("<article><p>Night Ferry is a film about waiting. The director keeps the camera "
            "low and the cast plays every scene quietly.</p></article>")
    page = _page("<title>Why you should watch 'Night Ferry'?</title>",
                 "<h1>Why you should watch 'Night Ferry'?</h1>" + body)
    assert extract_review(page, "https://blog.example/why-watch-night-ferry/").film_title == \
        "Night Ferry"


def test_a_theme_credit_in_the_footer_is_not_the_critic() -> None:
    body = ("<h1>Night Ferry</h1><article><p>The film keeps the camera low and the cast "
            "plays every scene quietly.</p></article><footer><p>Copyright © Ana's Blog 2025 "
            "<a href='https://themes.example/clean'>Clean Hugo Theme</a> by "
            "<a href='https://themes.example'>Huabing Zhao</a></p></footer>")
    page = _page("<title>Night Ferry</title>", body)
    assert extract_review(page, "https://ana.example/night-ferry/").critic is None


@pytest.mark.parametrize(("footer", "critic"), [
    ("<footer><p>Copyright © 2023 - Ana Sofia Lima</p></footer>", "Ana Sofia Lima"),
    ("<footer>© Ana Lima 2009-2016. Powered by Hugo</footer>", "Ana Lima"),
    ("<footer>copyright © 2006-Present Ana Lima</footer>", "Ana Lima"),
    ("<div class='footer'>© 2016 • The Outsider's Journey</div>", None),
    ("<footer>Copyright © Ana's Blog 2025</footer>", None),
])
def test_a_personal_site_signed_only_in_its_copyright_line(footer: str, critic: str | None
                                                           ) -> None:
    body = ("<h1>Night Ferry</h1><article><p>The film keeps the camera low and the cast "
            "plays every scene quietly.</p></article>" + footer)
    page = _page("<title>Night Ferry</title>", body)
    assert extract_review(page, "https://ana.example/night-ferry/").critic == critic


@pytest.mark.parametrize(("extra_head", "extra_body", "critic"), [
    # OpenGraph's article:author holding a name (the spec wants a profile URL there)
    ('<meta property="article:author" content="Ana Sofia Lima">', "", "Ana Sofia Lima"),
    ('<meta property="article:author" content="https://social.example/ana">', "", None),
    # a theme's author box labels the owner's picture with the name
    ("", "<div class='authorbox'><img alt='Ana Lima avatar' src='/a.png'></div>", "Ana Lima"),
    ("", "<div class='comments'><img alt='Avatar of Jo Park' src='/j.png'></div>", None),
    # a copyright line in the sidebar signs the site as a footer's would
    ("", "<div class='sidebar'><p>My name is Ana. © 2005-2015 Ana Lima, CC BY-SA.</p></div>",
     "Ana Lima"),
    # ... also after a long "about me" in front of it
    ("", "<div class='sidebar-item'><p>" + "I write about ferries and films. " * 20 +
     "</p><p>© 2005-2015 Ana Lima, CC BY-SA.</p></div>", "Ana Lima"),
    # microformats2: the entry's p-author h-card, its p-name or its own bracketed text
    ("", "<a class='p-author h-card' href='/'>[Ana Lima]</a>", "Ana Lima"),
    ("", "<span class='p-author h-card'><img src='/a.png'><span class='p-name'>Ana Lima"
     "</span></span>", "Ana Lima"),
    ("", "<div class='comments'><span class='p-author h-card'>Jo Park</span></div>", None),
])
def test_a_personal_site_signed_in_its_meta_avatar_or_sidebar(extra_head: str, extra_body: str,
                                                             critic: str | None) -> None:
    body = ("<h1>Night Ferry</h1><article><p>The film keeps the camera low and the cast "
            "plays every scene quietly.</p></article>" + extra_body)
    page = _page("<title>Night Ferry</title>" + extra_head, body)
    assert extract_review(page, "https://ana.example/night-ferry/").critic == critic


def test_cjk_paragraphs_are_review_text_not_edge_metadata() -> None:
    paras = "".join(f"<p>这部电影讲的是一艘夜里的渡轮，第{i}段写得很慢，我很喜欢。</p>"
                    for i in range(4))
    page = parse_page(_page("<title>夜渡</title>", f"<h1>夜渡</h1><article>{paras}</article>"),
                      "https://blog.example/posts/1234.html")
    assert main_text.fields(page, {})["body_text"].count("渡轮") == 4


def test_a_cjk_title_marked_in_the_text_when_the_headline_names_none() -> None:
    paras = ("<p>今日观影：《夜渡》。</p><p>《夜渡》讲的是一艘夜里的渡轮，导演把镜头放得很低，"
             "演员演得很安静，我很喜欢这部电影。</p>")
    page = _page("<title>他是谁</title>", f"<h1>他是谁</h1><article>{paras}</article>")
    assert extract_review(page, "https://blog.example/posts/1234.html").film_title == "夜渡"


def test_a_credit_year_is_not_taken_from_the_related_posts_after_it() -> None:
    text = ("Directed by Frances Marion, a restored print. Related content Gold Diggers of "
            "1933 Before moving pictures")
    assert year_in_credits(text) is None
    assert year_in_credits("Director: Edgar Wright. Starring: Simon Pegg. 2007.") == 2007


@pytest.mark.parametrize(("head", "title"), [
    # the Japanese 『』 and the Chinese 《》 mark the work inside a sentence headline; a
    # title that looks like a year stays a title when it is marked
    ("鈴木監督の『夜の渡し船』を観た", "夜の渡し船"),
    ("《1917》— 我在里面看到了战争", "1917"),
])
def test_a_bracketed_work_in_a_cjk_headline(head: str, title: str) -> None:
    inner = title
    paras = (f"<p>昨天看了{inner}，导演把镜头放得很低，演员演得很安静。</p>"
             f"<p>{inner}讲的是一艘夜里的渡轮，我很喜欢这部电影，{inner}值得再看。</p>")
    page = _page(f"<title>{head}</title>", f"<h1>{head}</h1><article>{paras}</article>")
    assert extract_review(page, "https://blog.example/posts/1234.html").film_title == title


def test_a_cjk_headline_the_text_repeats_without_word_breaks() -> None:
    """Chinese runs words together: the body's '看完夜渡以后' names 夜渡 though no space or
    punctuation bounds it, and the slug runs the title into its date."""
    paras = ("<p>看完夜渡以后我一直在想那艘船。</p><p>导演把镜头放得很低，夜渡的演员演得很安静，"
             "我很喜欢这部电影。</p>")
    page = _page("<title>夜渡 | 小站</title>", f"<h1>夜渡</h1><article>{paras}</article>")
    assert extract_review(page, "https://blog.example/posts/20220206夜渡/").film_title == "夜渡"


def test_a_colon_subtitle_the_slug_spells_stays_whole() -> None:
    """'Night Ferry: Low Tide': the body says 'Night Ferry' alone more often (the first film),
    but the slug spells the subtitle too and the body names the whole."""
    body = ("<article><p>Night Ferry: Low Tide picks up where Night Ferry stopped. Night "
            "Ferry was slow; the sequel is slower, and I liked that Night Ferry fans get the "
            "same harbour. Night Ferry, Night Ferry, everyone says.</p></article>")
    page = _page("<title>Movie Review - Night Ferry: Low Tide - Ana Lima</title>",
                 "<h1>Movie Review - Night Ferry: Low Tide</h1>" + body)
    url = "https://ana.example/post/2022-06-07-night-ferry-low-tide-review/"
    assert extract_review(page, url).film_title == "Night Ferry: Low Tide"


def test_a_long_title_the_body_repeats_whole_is_not_cut_to_one_of_its_words() -> None:
    # the capitalised runs of a long headline are candidates only where the body names them
    # on their own, not inside the whole title it repeats
    body = ("<article><p>The Good, the Bad and the Ugly runs three hours. I saw The Good, the "
            "Bad and the Ugly twice and the film never drags.</p></article>")
    page = _page("<title>The Good, the Bad and the Ugly review</title>", body)
    assert extract_review(page, "https://ana.example/good-bad-ugly/").film_title == \
        "The Good, the Bad and the Ugly"


def test_a_title_before_a_comma_and_a_sentence() -> None:
    body = ("<article><p>Night Ferry is slow. I rented Night Ferry on a Sunday and the "
            "film never woke up.</p></article>")
    page = _page("<title>Night Ferry, one of the slowest films ever made</title>",
                 "<h1>Night Ferry, one of the slowest films ever made</h1>" + body)
    assert extract_review(page, "https://ana.example/night-ferry-slowest/").film_title == \
        "Night Ferry"


@pytest.mark.parametrize(("text", "raw", "scale"), [
    ("个人评分 6.5/10", "6.5", "out_of_10"),
    ("总评：满分10分，我给6.1分（豆瓣评分8.6分）", "6.1", "out_of_10"),  # not Douban
    ("满分5分，我给4分", "4", "out_of_5"),
    ("完全展现出观众对巨兽对决的期望-值8.5分", "8.5", "out_of_10"),
    ("for me it was, is and always be a 10/10 movie", "10", "out_of_10"),
    ("skip the trailer, because it was a 6/10.", "6", "out_of_10"),
])
def test_chinese_points_and_a_verbs_fraction_are_the_critics_rating(text: str, raw: str,
                                                                     scale: str) -> None:
    assert rating_in_text(text) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize(("text", "found"), [
    # forms a probe of common conventions found unread: "and a half" after a spelled-out
    # count of stars, "Overall:", a percentage after a label, the scale in brackets, the
    # French "note finale", Japanese "10点満点中7点", a bare score after Chinese 评分
    ("I give it three and a half stars out of five.",
     {"rating_raw": "3.5", "rating_scale": "out_of_5"}),
    ("Overall: 9/10", {"rating_raw": "9", "rating_scale": "out_of_10"}),
    ("Score: 72%", {"rating_raw": "72", "rating_scale": "out_of_100"}),
    ("Rating: 2.5 (out of 4)", {"rating_raw": "2.5", "rating_scale": "out_of_4"}),
    ("Note finale : 14/20", {"rating_raw": "14", "rating_scale": "out_of_20"}),
    ("10点満点中7点", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    ("评分：8.5", {"rating_raw": "8.5", "rating_scale": "out_of_10"}),
    ("个人评分：7。剧情一般", {"rating_raw": "7", "rating_scale": "out_of_10"}),
    # still none: prose after "overall", a share of something, Douban's bare score, a count
    ("Overall, 3 of the 4 segments work.", {}),
    ("Overall: 72% of the film is set at sea.", {}),
    ("豆瓣评分：8.9", {}),
    ("评分人数：12345", {}),
])
def test_more_written_forms_of_a_rating(text: str, found: dict) -> None:
    assert rating_in_text(text) == found


@pytest.mark.parametrize(("text", "raw", "scale"), [
    ("这部电影，我真的很喜欢。10分。 Previous", "10", "out_of_10"),  # points as a sentence
    ("剧情一般。7.5分！", "7.5", "out_of_10"),
    ("片子不怎么样，我想了想给打三星左右，一来演员好", "三星", "stars"),  # given stars
    ("最后给四星半。", "四星半", "stars"),
    ("主观评分 🌟🌟🌟⭐ 2025-Movie", "🌟🌟🌟⭐", "stars"),  # emoji stars after a label
    ("Rating: ⭐️⭐️⭐️⭐️", "⭐⭐⭐⭐", "stars"),
])
def test_chinese_stars_standalone_points_and_emoji_stars_are_ratings(text: str, raw: str,
                                                                     scale: str) -> None:
    assert rating_in_text(text) == {"rating_raw": raw, "rating_scale": scale}


@pytest.mark.parametrize("text", [
    "电影时长90分钟。", "数学考了60分。", "我买了三星手机。", "这家五星级酒店", "给三星打电话",
    "看了90分。", "豆瓣给了四颗星。", "⭐ Editor's pick", "Thanks 🌟🌟 everyone", "第10分。",
    "豆瓣评分 🌟🌟🌟",
])
def test_minutes_marks_samsung_and_decorative_emoji_are_no_rating(text: str) -> None:
    assert rating_in_text(text) == {}


@pytest.mark.parametrize("text", ["豆瓣评分8.6分", "这部片的价值8分钱", "page 6/10 of the thread"])
def test_an_aggregators_points_and_a_page_count_are_no_rating(text: str) -> None:
    assert rating_in_text(text) == {}


TOKENS = ["I", "give", "GIVE", "it", "this movie", "a", "7", "3.5", "½", "/", "10", "4", "out",
          "OUT", "of", "sobre", "von", "sur", "su", "★", "☆", "*", "**", "stars", "Star", "was",
          "four", "Le", "doy", "pongo", "daría", "je lui donne", "Ich gebe ihm", "gli do",
          "dou-lhe", "ocho", "diez", "评分", "个人", "打分", "总评", "我给", "值", "分", "满分",
          ":", "and a half", "-", "(1979)", "\n", "星", "给", "三", "⭐", "🌟", "。"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join))
def test_the_cheap_test_before_a_scan_never_skips_a_match(text: str) -> None:
    # a pattern scanned only where its needed strings occur must never match without them
    for pattern, needed in NEEDS.items():
        if pattern.search(text):
            assert any(w in text.lower() for w in needed), (pattern.pattern[:40], text)


@pytest.mark.parametrize("text", ["Four Star", "I GIVE it a 7", "Le doy un ocho", "3 OUT of 4",
                                  "7/10 Stars", "It Was a 6/10", "我给6分", "个人评分 6.5/10",
                                  "★★☆", "** out of ****", "Je lui donne 7"])
def test_known_matches_hold_their_needed_strings(text: str) -> None:
    matched = [p for p in NEEDS if p.search(text)]
    assert matched, text
    for pattern in matched:
        assert any(w in text.lower() for w in NEEDS[pattern]), (pattern.pattern[:40], text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Rating", "rating:", "SCORE", "underscore", "_note", "Nota",
                                 "nota  final", "Bewertung", "ÓCENA", "İ", "x", "7/10", "é",
                                 "puntuación", "grade", "2", "-", "\n", ""]),
                max_size=12).map(" ".join))
def test_label_positions_are_those_of_the_case_blind_scan(text: str) -> None:
    assert _label_positions(text) == [m.start() for m in LABELS.finditer(text)]


@pytest.mark.parametrize(("headline", "slug", "body", "title"), [
    # the slug spells the whole; the part after the dash is a name the body repeats
    ("Review: Star Wars - The Force Awakens", "review-star-wars-the-force-awakens",
     "Star Wars is back: The Force Awakens brings the old crew and a new droid.",
     "Star Wars - The Force Awakens"),
    # the body names neither the part nor the whole: the slug's whole spelling decides
    ("Three Billboards Outside Ebbing, Missouri", "three-billboards-outside-ebbing-missouri",
     "A mother rents space on a country road to shame the police.",
     "Three Billboards Outside Ebbing, Missouri"),
    # a verdict after the colon is no subtitle: the body names the film, never the verdict
    ("Hard Hit: A Triumph", "hard-hit-a-triumph",
     "Hard Hit keeps its camera low. Hard Hit never lets its driver rest.", "Hard Hit"),
])
def test_a_subtitle_the_slug_spells_stays_with_its_title(headline: str, slug: str, body: str,
                                                         title: str) -> None:
    page = (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
            f"<p>{body} The story moves at an easy pace and the actors hold the screen.</p>"
            "</body></html>").encode()
    assert extract_review(page, f"https://diary.example/{slug}/").film_title == title


REMAKE_FRAGMENTS = ["a remake of ", "A REMAKE OF ", "remakes ", "remade ", "is remaking ",
                    "the original, ", "The Original film ", "based on the 2008 Swedish film ",
                    "remake of 1954's ", "Neuverfilmung von ", "nueva versión de ",
                    "Nouvelle version de ", "Sabrina ", "Let the Right One In", "(1976)",
                    "(1954) ", "the ", "Film ", "'s ", ". ", "\n", "Ocean's Eleven ",
                    "Suspiria (1977)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REMAKE_FRAGMENTS), max_size=10))
@example(["remade ", "Sabrina ", "(1954) "])
@example(["is remaking ", "Suspiria (1977)"])
@example(["A REMAKE OF ", "Sabrina ", "(1954) "])
@example(["nueva versión de ", "Sabrina ", "(1954) "])
@example(["The Original film ", "Sabrina ", "(1954) "])
@example(["based on the 2008 Swedish film ", "Let the Right One In"])
@example(["remake of 1954's ", "Sabrina "])
@example(["the original, ", "Sabrina ", "(1954) "])
@example(["Nouvelle version de ", "Sabrina ", "(1954) "])
def test_remake_cues_skip_only_scans_that_cannot_match(parts: list[str]) -> None:
    """The substring pre-check changes no answer: every pattern scanned unconditionally
    finds the same relations."""
    from criticdb.scrapers.extract import remake_phrases as rp

    text = "".join(parts)
    full: list[dict] = []
    for pattern in (*rp.PATTERNS, rp.BASED_ON, rp.YEAR_POSSESSIVE):
        for m in pattern.finditer(text):
            item = {"title": rp._title(m["t"]), "year": int(m["y"])}
            if item["title"] and item not in full:
                full.append(item)
    assert remakes_in_text(text) == full


LED_FRAGMENTS = ["Directed by ", "director ", "Dir. ", "Regie: ", "réalisateur ", "D: ",
                 "Michael Mann ", "Year: ", "Released ", "Année : ", "Jahr 2014 ", "1995 ",
                 "3 out of 4 ", "7/10 ", "4/5 stars ", "it was a ", "gets ", "8/10",
                 "three stars ", "four-star ", "out of five ", "I'd give it ", "le doy un ",
                 "7 ", "x", " ", ".", "İs ", "ſ", "3½ sur 5", "\n", "(2019)", "deserves a ",
                 "rated "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LED_FRAGMENTS), max_size=14))
@example(["Directed by ", "Michael Mann ", "1995 "])
@example(["Year: ", "1995 "])
@example(["Regie: ", "Michael Mann ", "(2019)"])
@example(["3 out of 4 "])
@example(["4/5 stars "])
@example(["it was a ", "8/10"])
@example(["deserves a ", "7/10 "])
@example(["three stars ", "out of five "])
@example(["I'd give it ", "7 "])
def test_patterns_led_by_a_lookahead_match_as_without_it(parts: list[str]) -> None:
    """The leading lookahead of first characters only speeds a pattern up: every match is
    the one the pattern without it finds."""
    import re

    from criticdb.scrapers.extract import rating_text, text_rules

    text = "".join(parts)
    led = [text_rules.CREDITS_CUE, text_rules.YEAR_LABEL, rating_text.OUT_OF,
           rating_text.FRACTION_STARS, rating_text.VERB_FRACTION, rating_text.WORD_STARS,
           rating_text.GIVE]
    for pattern in led:
        lead = re.match(r"\(\?=(?:\\d|\[[^\]]+\])\)", pattern.pattern)
        assert lead, pattern.pattern[:40]
        plain = re.compile(pattern.pattern[lead.end():], pattern.flags)
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], pattern.pattern[:40]


@pytest.mark.parametrize(("closing", "critic"), [
    # a bold Chinese line with the review going on after it is a heading ("Finally")
    ("<p><strong>最后</strong></p><p>我更希望大家能以看一部电影的心态去看它。</p>", None),
    ("<p>我更希望大家能以看一部电影的心态去看它。</p><p><strong>夜航</strong></p>", "夜航"),
    # an English signature may have a line after it
    ("<p><strong>Ana Lima</strong></p><p>May 2, 2024</p>", "Ana Lima"),
])
def test_a_bold_heading_is_not_a_signature(closing: str, critic: str | None) -> None:
    body = ("<h1>夜渡</h1><article><p>这部电影的导演把镜头放得很低，演员们把每一场戏都演得很安静，"
            "整部片子像一次没有靠岸的航行。</p>" + closing + "</article>")
    page = _page("<title>夜渡</title>", body)
    assert extract_review(page, "https://blog.example/night-ferry/").critic == critic


@pytest.mark.parametrize("author", ["Ana's Blog", "Ana Lima's Website", "夜航的博客"])
def test_a_site_named_as_its_owners_is_not_the_critic(author: str) -> None:
    head = ('<title>Night Ferry</title><script type="application/ld+json">{"@context": '
            '"https://schema.org", "@type": "BlogPosting", "headline": "Night Ferry", '
            f'"author": {{"@type": "Person", "name": "{author}"}}}}</script>')
    body = ("<h1>Night Ferry</h1><article><p>The film keeps the camera low and the cast "
            "plays every scene quietly.</p></article>")
    assert extract_review(_page(head, body), "https://ana.example/night-ferry/").critic is None


def test_a_weekday_in_the_author_box_is_no_critic() -> None:
    """'<p class="author"><span class="date">Wednesday, Aug 28, 2013</span></p>': the date
    cut from the box leaves a weekday, not a name; the author meta names the critic."""
    page = (b"<html><head><title>Night Ferry</title><meta property='article:author' "
            b"content='Ana Sofia Lima'></head><body><article><h1>Night Ferry</h1>"
            b"<p class='author'><span class='date'>Wednesday, Aug 28, 2013</span></p>"
            b"<p>Night Ferry keeps the camera low; the film never docks.</p></article>"
            b"</body></html>")
    assert extract_review(page, "https://films.example/night-ferry/").critic == "Ana Sofia Lima"
