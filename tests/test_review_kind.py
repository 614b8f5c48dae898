"""Is this a film review? Small pages written here, one per rule in review_kind.py."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criticdb.scrapers.extract import review_kind
from criticdb.scrapers.extract.cascade import extract_review
from criticdb.scrapers.extract_pages import reject_reason

FILM_BODY = ("<p>The film opens on a night ferry and never quite docks. The director keeps "
             "the camera low, and the cast plays every scene as if the movie were a stage "
             "whisper. I liked it more than I expected.</p>") * 3


def page(title: str, body: str = FILM_BODY, head: str = "", h1: str | None = None) -> bytes:
    return (f"<html><head><title>{title}</title>{head}</head><body><h1>{h1 or title}</h1>"
            f"<article>{body}</article></body></html>").encode()


def ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_a_plain_film_review_is_kept() -> None:
    record = extract_review(page("Night Ferry review – a slow crossing"),
                            "https://blog.example/2024/05/night-ferry-review/")
    assert record.kind == "film_review" and reject_reason(record) is None
    assert record.film_title == "Night Ferry"


@pytest.mark.parametrize(("item_type", "evidence"), [
    ("TVSeries", "tv"), ("VideoGame", "game"), ("MusicAlbum", "music"), ("Book", "book"),
])
def test_structured_review_of_another_kind_is_rejected(item_type: str, evidence: str) -> None:
    head = ld({"@context": "https://schema.org", "@type": "Review",
               "itemReviewed": {"@type": item_type, "name": "Night Ferry"},
               "author": {"@type": "Person", "name": "Ada Brook"}})
    record = extract_review(page("Night Ferry", head=head), "https://mag.example/night-ferry/")
    assert reject_reason(record) == "not_film_review"
    assert any(evidence in e for e in record.kind_evidence)


def test_og_type_of_an_album_is_rejected() -> None:
    head = '<meta property="og:type" content="music.album">'
    record = extract_review(page("Night Ferry", head=head), "https://mag.example/night-ferry/")
    assert reject_reason(record) == "not_film_review"


@pytest.mark.parametrize("headline", [
    "Night Ferry – Season 2 review",       # TV seasons
    "Night Ferry 1x04: The Harbour",        # episode numbering
    "Album of the Week: Night Ferry",       # music
    "Night Ferry (book)",                   # books
    "Night Ferry on PS5 review",            # games
    "Theater review: Night Ferry",          # theatre
    "Box Office: Night Ferry sails past the competition",
    "Interview: the makers of Night Ferry",
    "2023 in Movies",                       # a year recap
    "7 things about Night Ferry you missed",
    # this session: the platform after "review", newspapers' book and stage formats,
    # a new series, podcasts, hands-on product pieces
    "Night Ferry review (PS5): a slow crossing",
    "Night Ferry review – Switch",
    "Night Ferry by Jo Park review – a slow crossing",
    "Night Ferry, Southbank Centre, review: a slow crossing",
    "Night Ferry at the Old Vic review",
    "Night Ferry review: Apple TV+'s new limited series",
    "Night Ferry podcast review",
    "Night Ferry e-reader hands-on",
    # a review label, a preposition and what is reviewed, in the corpus's Romance languages
    "Crítica da série Night Ferry",
    "Critique du livre Night Ferry",
    "Recensione del disco Night Ferry",
    "Crítica de la obra Night Ferry",
    "Critique du jeu Night Ferry",
    "Night Ferry (série Netflix) : critique",
    "Serienkritik: Night Ferry",
    # course adverts for film-making classes, a year's results in Russian
    "夜航学院-【线上课程】零基础学剪辑",
    "21天电影感训练营（第3期）",
    "Night Ferry School: an online course in editing",
    "Кино. Итоги 2019 года",
    # photography: film in the camera's sense; a periodical's numbered issue or class cohort
    "Night Ferry Mono 100 film stock thoughts",
    "Harbour C-41 development times",
    "Shooting Portra 400 on a night ferry",
    "夜航电影私塾-21天Vlog全能班（第5期）",
    "第1期|开始想有些计划了",
    "Night Ferry Weekly, issue #12",
])
def test_headline_cues(headline: str) -> None:
    record = extract_review(page(headline), "https://blog.example/post/")
    assert reject_reason(record) in ("not_film_review", "no_film_identified")
    assert record.kind == "not_film_review", record.kind_evidence


def test_round_up_of_several_quoted_titles() -> None:
    record = extract_review(page("This week: «Night Ferry», «Low Tide», «The Pier»"),
                            "https://paper.example/culture/this-week/")
    assert record.kind == "not_film_review"


def test_tv_vocabulary_in_a_tv_section() -> None:
    body = ("<p>The second season stretches its episodes thin; the finale of the series "
            "rushes what the first episodes set up. Season three is confirmed.</p>")
    record = extract_review(page("Night Ferry", body=body),
                            "https://paper.example/tv/night-ferry/")
    assert record.kind == "not_film_review"


def test_an_interview_asks_its_guest() -> None:
    qa = "".join(f"<p>What did you want the ferry to mean, question {i}?</p>"
                 f"<p>I wanted it to feel like a film about waiting. The director in me "
                 f"kept cutting scenes.</p>" for i in range(5))
    record = extract_review(page("Making Night Ferry", body=qa),
                            "https://mag.example/features/making-night-ferry/")
    assert record.kind == "not_film_review"
    assert any("interview" in e for e in record.kind_evidence)


def test_rhetorical_questions_do_not_make_an_interview() -> None:
    body = FILM_BODY + "".join(f"<p>Why does the ferry never dock, scene {i}?</p>"
                               for i in range(5))
    record = extract_review(page("Night Ferry review", body=body),
                            "https://blog.example/night-ferry-review/")
    assert record.kind == "film_review"


def test_a_fact_sheet_without_review_is_a_database_page() -> None:
    body = ("<p>Director: Ada Brook</p><p>Genre: Drama</p><p>Runtime: 101 min</p>"
            "<p>Release Date: 3 May 2024</p><p>Cast: Sam Roe, Lee Park</p>"
            "<p>Plot: A ferry crosses at night and a family waits on board.</p>")
    record = extract_review(page("Night Ferry - 2024", body=body),
                            "https://catalogue.example/movies/night_ferry_2024/")
    assert record.kind == "not_film_review"


def test_a_trailer_and_a_release_to_come_is_an_announcement() -> None:
    body = ("<p>Here is the first trailer for Night Ferry, a film by Ada Brook.</p>"
            "<p>It will be released in cinemas on 12 December.</p>")
    record = extract_review(page("Night Ferry", body=body),
                            "https://blog.example/2024/10/night-ferry/")
    assert record.kind == "not_film_review"


def test_a_review_mentioning_the_trailer_is_still_a_review() -> None:
    body = FILM_BODY + "<p>I had only seen the trailer once before the screening.</p>"
    record = extract_review(page("Kino: Night Ferry", body=body),
                            "https://blog.example/posts/kino-night-ferry/")
    assert record.kind == "film_review"


def test_strong_evidence_rejects_before_the_text_is_read() -> None:
    """og:type says TV: the text layers are skipped (no body, no text timing), and the verdict
    is the one the full judgement gives."""
    from criticdb.scrapers.extract import review_kind
    from criticdb.scrapers.extract.page import parse_page

    body = page("Night Ferry, season 2", head='<meta property="og:type" content="video.tv_show">')
    timings: dict[str, float] = {}
    record = extract_review(body, "https://tv.example/night-ferry-s2/", timings=timings)
    assert record.kind == "not_film_review" and record.body_text is None
    assert "main_text" not in timings and "text" not in timings
    parsed = parse_page(body, "https://tv.example/night-ferry-s2/")
    assert review_kind.judge(parsed, {}, "").evidence == record.kind_evidence


@pytest.mark.parametrize("headline", [
    "Drive My Car review",  # film titles end in any noun
    "The Grand Budapest Hotel review",
    "Stand by Me review",  # one capitalised word after "by" is not an author
    "Crazy, Stupid, Love review",  # commas but no venue
    "Night at the Museum review",  # "at the" but no venue
    "Night Ferry review: a bait and switch",  # a word, not the console
    "Review of The Game",  # Fincher's film, not a video game
    "Crítica de la película Night Ferry",
])
def test_film_headlines_that_look_like_other_kinds(headline: str) -> None:
    record = extract_review(page(headline), "https://blog.example/post/")
    assert record.kind == "film_review", record.kind_evidence


def _ld_page(obj: dict) -> bytes:
    return page("Night Ferry", head=ld(obj))


def test_a_film_node_carrying_its_one_review() -> None:
    """`Movie.review` as film-page plugins write it: the review of that film."""
    record = extract_review(_ld_page({
        "@context": "https://schema.org", "@type": "Movie", "name": "Night Ferry",
        "dateCreated": "2021-01-01", "review": {
            "@type": "Review", "author": {"@type": "Person", "name": "Ana Lima"},
            "reviewRating": {"@type": "Rating", "ratingValue": 3, "bestRating": 4}}}),
        "https://blog.example/night-ferry/")
    assert (record.film_title, record.film_year, record.critic) == ("Night Ferry", 2021,
                                                                    "Ana Lima")
    assert (record.rating_raw, record.rating_scale) == ("3", "out_of_4")


def test_a_film_node_with_many_reviews_is_readers() -> None:
    reviews = [{"@type": "Review", "author": {"@type": "Person", "name": f"Reader {i}"},
                "reviewRating": {"ratingValue": i, "bestRating": 5}} for i in (2, 4)]
    record = extract_review(_ld_page({"@context": "https://schema.org", "@type": "Movie",
                                      "name": "Night Ferry", "review": reviews}),
                            "https://blog.example/night-ferry/")
    assert record.critic is None and record.rating_raw is None


def test_a_rating_value_with_its_scale_in_the_string() -> None:
    record = extract_review(_ld_page({
        "@context": "https://schema.org", "@type": "Review",
        "itemReviewed": {"@type": "Movie", "name": "Night Ferry"},
        "reviewRating": {"@type": "Rating", "ratingValue": "4.5/5"}}),
        "https://blog.example/night-ferry/")
    assert (record.rating_raw, record.rating_scale) == ("4.5", "out_of_5")


def test_a_page_with_no_film_word_and_no_review_cue_is_not_a_film_review() -> None:
    body = ("<p>The council met on Tuesday to discuss the harbour budget. Members argued "
            "about the ferry timetable and the cost of new lights on the pier.</p>") * 3
    record = extract_review(page("Harbour budget argued late", body=body),
                            "https://paper.example/local/harbour-budget/")
    assert record.kind == "not_film_review"
    assert any("no film vocabulary, no review cue" in e for e in record.kind_evidence)


def test_the_same_page_called_a_review_stays_uncertain_not_rejected() -> None:
    body = ("<p>The harbour lights glow all night and the ferry arrives late again; the "
            "crossing is long and the ending quiet.</p>") * 3
    record = extract_review(page("Night Ferry review", body=body),
                            "https://blog.example/night-ferry-review/")
    assert record.kind != "not_film_review"


@pytest.mark.parametrize("word", ["电影", "映画", "영화"])
def test_cjk_film_words_count_inside_running_text(word: str) -> None:
    # CJK scripts put no spaces between words, so the film word sits inside a longer run
    body = f"<p>这是一部关于渡轮的{word}，夜色很美，结局很安静，我很喜欢这个故事。</p>" * 3
    record = extract_review(page("夜渡", body=body), "https://blog.example/posts/1234.html")
    assert record.kind != "not_film_review"
    assert any(e.startswith("body words: film ") and not e.startswith("body words: film 0")
               for e in record.kind_evidence)


@pytest.mark.parametrize("headline", ["His Best Films of 2014", "My favorite movies of the year",
                                      "Best movies of all time"])
def test_year_lists_and_favourites_are_not_reviews(headline: str) -> None:
    record = extract_review(page(headline), "https://blog.example/2014/12/best-films/")
    assert record.kind == "not_film_review"


def test_one_film_called_the_best_of_the_year_is_a_review() -> None:
    # a verdict on one film, not a year's list ("Best films of 2014" above, "named best film")
    body = ("<p>Night Ferry is the film I keep returning to. The director keeps the camera "
            "low; I saw Night Ferry twice and the cast plays every scene as a whisper.</p>")
    record = extract_review(page("Why Night Ferry is the best film of the year", body=body),
                            "https://blog.example/2014/12/why-night-ferry/")
    assert record.kind == "film_review" and record.film_title == "Night Ferry"
    news = extract_review(page("Night Ferry named best film of the year"),
                          "https://paper.example/2014/12/night-ferry-named/")
    assert news.kind == "not_film_review"


def test_a_post_tagged_film_review_about_its_songs_stays_a_review() -> None:
    songs = ("<p>The film is its songs: every track, the band, the singer and the lyrics; the "
             "album of the soundtrack is better than the chorus of any other tour.</p>") * 2
    body = songs + "<p>Tags: <a href='/tags/film-review/'>Film Review</a></p>"
    record = extract_review(page("Night Ferry", body=body), "https://blog.example/posts/nf/")
    assert record.kind != "not_film_review"


def test_a_show_filed_under_film_reviews_is_still_a_tv_review() -> None:
    """The film-section exemption is for a film's songs; a series whose episodes and seasons
    outnumber the film words is television, wherever the blog files it."""
    show = ("<p>The second season finally finds its feet: the first episodes drag, but the "
            "finale and the two episodes before it make the series worth it, and the "
            "showrunner promises a third season.</p>") * 2
    body = show + ("<p>Unlike the film it came from, it takes its time.</p>"
                   "<p>Tags: <a href='/tags/film-review/'>Film Review</a></p>")
    record = extract_review(page("Night Ferry", body=body), "https://blog.example/posts/nf/")
    assert record.kind == "not_film_review"


def test_a_franchise_film_naming_its_series_stays_a_review() -> None:
    body = FILM_BODY + ("<p>It is the third film of the series, and the series shows its "
                        "age.</p><p>Tags: <a href='/tags/film-review/'>Film Review</a></p>")
    record = extract_review(page("Night Ferry 3", body=body), "https://blog.example/posts/nf3/")
    assert record.kind == "film_review"


FEATURE_BODY = ("<p>The harbour authority counted more ferries this spring than in any year "
                "since the bridge opened. One skipper keeps a logbook going back decades, and "
                "a short film about her route played at the town hall last week.</p>"
                "<p>The council will vote on new berths in June.</p>")


def test_one_passing_film_word_and_no_review_cue_is_not_a_film_review() -> None:
    record = extract_review(page("The Ferries Are Back", FEATURE_BODY),
                            "https://news.example/2024/05/ferries-are-back/")
    assert record.kind == "not_film_review"
    assert "no film vocabulary, no review cue" in record.kind_evidence


def test_a_headline_naming_the_medium_keeps_a_short_review() -> None:
    body = ("<p>Night Ferry is a quiet crossing with a great ending; the two leads never "
            "raise their voices, and the last scene stays with you.</p>")
    record = extract_review(page("Night Ferry – great film", body),
                            "https://blog.example/2024/05/night-ferry-great/")
    assert record.kind != "not_film_review"


def test_a_chinese_tv_review_names_its_episodes_and_seasons() -> None:
    """"这部剧", "第3集", "第二季": a series review, though it never says 电视剧."""
    body = ("<p>这部剧的第一季很好看，第3集的结尾让我等不及看下一集。</p>"
            "<p>第二季换了导演，这部剧的节奏慢了很多，但我还是追完了。</p>") * 2
    record = extract_review(page("夜渡", body=body), "https://blog.example/posts/ye-du.html")
    assert record.kind == "not_film_review"


def test_a_chinese_film_review_calling_the_film_a_show_once_stays_a_review() -> None:
    body = ("<p>这部电影讲的是一艘夜里的渡轮，导演把镜头放得很低。</p>"
            "<p>这部剧情片的结局很安静，这部剧我会再看一遍。</p>") * 2
    record = extract_review(page("夜渡", body=body), "https://blog.example/posts/ye-du.html")
    assert record.kind != "not_film_review"


def test_a_review_url_with_not_one_film_word_is_not_a_film_review() -> None:
    """Only the URL says "review" and nothing names a film: a frying pan's review."""
    body = ("<p>The pan heats evenly and the handle stays cool; after a month of daily use "
            "the coating is still smooth and the steak browns well.</p>") * 3
    record = extract_review(page("Three months with a cast-iron pan", body=body),
                            "https://blog.example/2024/cast-iron-pan-review/")
    assert record.kind == "not_film_review"
    assert "no film vocabulary at all" in record.kind_evidence


@pytest.mark.parametrize(("title", "url"), [
    # "critical" holds the letters of "crítica", "Regierungskritik" those of "Kritik":
    # neither calls the page a review
    ("Two hurt, one critical after harbour crash", "https://paper.example/local/crash/"),
    ("Winter issue: Regierungskritik and rugby", "https://paper.example/local/winter/"),
])
def test_review_words_inside_other_words_are_no_review_cue(title: str, url: str) -> None:
    body = ("<p>The council met on Tuesday to discuss the harbour budget. Members argued "
            "about the ferry timetable and the cost of new lights on the pier.</p>") * 3
    assert extract_review(page(title, body=body), url).kind == "not_film_review"


@pytest.mark.parametrize("title", ["Night Ferry: Filmkritik", "Night Ferry moviereview",
                                   "Night Ferry – críticas"])
def test_review_words_joined_to_a_film_word_or_plural_still_count(title: str) -> None:
    body = ("<p>The harbour lights glow all night and the ferry arrives late again; the "
            "crossing is long and the ending quiet.</p>") * 3
    assert extract_review(page(title, body=body), "https://blog.example/p/1/").kind != \
        "not_film_review"


FILMS = ["Vertigo (1958)", "Rear Window (1954)", "Psycho (1960)", "The Birds (1963)",
         "Notorious (1946)", "Rebecca (1940)", "Marnie (1964)", "Rope (1948)",
         "Frenzy (1972)", "Spellbound (1945)", "Topaz (1969)", "Saboteur (1942)"]


def test_line_after_line_of_dated_films_is_a_list() -> None:
    body = FILM_BODY + "".join(f"<p>{film}</p>" for film in FILMS) + FILM_BODY
    record = extract_review(page("What to watch this winter", body=body),
                            "https://blog.example/winter-watchlist/")
    assert record.kind == "not_film_review"
    assert any("(a list)" in e for e in record.kind_evidence)


def test_a_review_naming_a_few_dated_films_is_still_a_review() -> None:
    body = FILM_BODY + "".join(f"<p>It recalls {film}.</p>" for film in FILMS[:6])
    record = extract_review(page("Night Ferry review", body=body),
                            "https://blog.example/night-ferry-review/")
    assert record.kind == "film_review"


FOLD_WORDS = ["Film", "MOVIES", "Season", "episodes", "Album", "GAMEPLAY", "Director:",
              "Genre :", "runtime:", "Kino", "Fernsehserie", "Réalisateur:", "add to Cart",
              "фильм", "ФИЛЬМЫ", "Staffel", " ", ", ", "\n", "x", "Regie:", "prose"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FOLD_WORDS), max_size=25))
def test_folded_scans_count_as_the_case_blind_ones(parts: list[str]) -> None:
    """The body scans match lower-cased text case-sensitively for speed: same matches as
    the case-blind patterns they stand for."""
    text = "".join(parts)
    assert [m.lastgroup for m in review_kind._BODY_FOLDED.finditer(text.lower())] == \
        [m.lastgroup for m in review_kind._BODY.finditer(text)]
    assert review_kind._FACT_LABELS_FOLDED.findall(text.lower()) == \
        [m.lower() for m in review_kind.FACT_LABELS.findall(text)]
    assert len(review_kind._FACT_LABELS_FOLDED.sub("", text.lower()).split()) == \
        len(review_kind.FACT_LABELS.sub("", text).split())


@pytest.mark.parametrize("headline", [
    "Films watched in 2022",
    "Movies about Tokyo",
    "Summer movies, part 2",
    "Las mejores películas del verano",
    "影单（2020年）",
    "年度十佳",
    # reviews of several films, a list of them: one headline of one part
    "Lockdown Movie Reviews Part 3",
    "Movie List for a Rainy Week",
])
def test_a_headline_about_films_in_the_plural_is_a_list(headline: str) -> None:
    record = extract_review(page(headline), "https://blog.example/2024/05/list/")
    assert reject_reason(record) == "not_film_review"
    assert any("plural" in e for e in record.kind_evidence)


@pytest.mark.parametrize(("title", "h1"), [
    # one film called one of many; a site's section in <title> is not the page's headline
    ("Night Ferry, one of the worst movies ever made", None),
    ("Night Ferry review | Movies | The Daily Example", "Night Ferry review"),
    ("At the Movies: Night Ferry", None),  # the review column's name
    # a site named for its reviews after (or before) the film's title is one review
    ("Night Ferry | Ada's Movie Reviews", None),
    ("Film reviews: Night Ferry", None),
    # titles that only look like a photography post or a numbered issue
    ("Night Ferry Vol. 2 review", None),
    ("The Photographer review – a slow crossing", None),
    ("Night Ferry: the issue of trust", None),
])
def test_one_film_among_movies_or_a_movies_section_stays_a_review(title: str,
                                                                  h1: str | None) -> None:
    record = extract_review(page(title, h1=h1), "https://blog.example/2024/05/night-ferry/")
    assert reject_reason(record) is None and record.kind == "film_review"


def test_a_blog_named_for_films_in_its_h1_keeps_its_reviews() -> None:
    html = (b'<html><head><title>Night Ferry review</title></head><body><header><h1>'
            b'<a href="/">Movies I Love</a></h1></header><article><h2>Night Ferry review</h2>'
            + FILM_BODY.encode() + b'</article></body></html>')
    record = extract_review(html, "https://moviesilove.example/2024/05/night-ferry/")
    assert reject_reason(record) is None and record.kind == "film_review"


def test_a_film_typed_page_with_a_plural_headline_stays_a_review() -> None:
    head = ld({"@context": "https://schema.org", "@type": "Review",
               "itemReviewed": {"@type": "Movie", "name": "Night Ferry"},
               "author": {"@type": "Person", "name": "Ada Brook"}})
    record = extract_review(page("Night Ferry and the movies of the sea", head=head),
                            "https://mag.example/night-ferry/")
    assert reject_reason(record) is None and record.film_title == "Night Ferry"


@pytest.mark.parametrize(("body", "kept"), [
    ("<p>Roll 25</p>", False),                         # a photo post, a placeholder
    ("<p>Coming soon.</p>", False),
    ("<p>Loved it. ★★★★</p>", True),                    # a rating says what it is
    ("<p>一如既往的丧，从头到尾都很丧。</p>", True),      # a short review of a few sentences
    ("<p>The ferry never docks, and neither does the plot. Two hours adrift.</p>", True),
])
def test_a_post_of_three_words_and_no_rating_is_no_review(body: str, kept: bool) -> None:
    record = extract_review(page("Night Ferry", body=body, head=ld({
        "@context": "https://schema.org", "@type": "BlogPosting", "headline": "Night Ferry",
        "articleBody": " ".join(body.replace("<p>", "").replace("</p>", "").split())})),
        "https://blog.example/film/night-ferry/")
    assert (reject_reason(record) != "not_film_review") == kept, record.kind_evidence


def test_a_program_listing_makes_a_programming_post() -> None:
    code = "\n".join(f"ratings[{i}] = fetch_rating(film_ids[{i}])  # the film's score"
                     for i in range(24))
    body = FILM_BODY + f"<pre><code>{code}</code></pre>"
    record = extract_review(page("Scraping film ratings with Python", body=body),
                            "https://blog.example/film/scraping-ratings/")
    assert reject_reason(record) == "not_film_review"
    assert any("program listing" in e for e in record.kind_evidence)


def test_a_few_preformatted_lines_in_a_review_are_no_program() -> None:
    verse = "\n".join(["The ferry leaves at nine,", "the harbour lights go out,",
                       "and no one on the deck", "remembers what it was about."])
    record = extract_review(page("Night Ferry review", body=FILM_BODY + f"<pre>{verse}</pre>"),
                            "https://blog.example/film/night-ferry-review/")
    assert record.kind == "film_review"
