"""The learned title ranker: the shipped weights match the code's features, a stale file
says how to fix it, and the ranker, not the hand weights, picks among credible candidates."""

from __future__ import annotations

import json

import pytest

from criticdb.scrapers.extract import title_ranker, titles
from criticdb.scrapers.extract.cascade import extract_review


def test_the_shipped_model_matches_the_features_the_code_computes() -> None:
    model = title_ranker.load(titles.FEATURES)
    assert model is not None
    assert model.features == titles.FEATURES
    assert all(s > 0 for s in model.scale)
    assert 0.0 < model.probability(dict.fromkeys(titles.FEATURES, 0.0)) < 1.0


def test_a_model_trained_on_other_features_is_refused_with_the_command_to_fix_it() -> None:
    data = json.loads(title_ranker.MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1] + ["a_feature_this_code_does_not_compute"]
    with pytest.raises(title_ranker.TitleModelError, match="train_title_ranker.py"):
        title_ranker.from_json(json.dumps(data), titles.FEATURES)


def test_probability_follows_the_sign_of_each_learned_weight() -> None:
    model = title_ranker.load(titles.FEATURES)
    assert model is not None
    base = dict.fromkeys(titles.FEATURES, 0.0)
    for name, weight in zip(model.features, model.coef, strict=True):
        if weight:
            raised = {**base, name: 1.0}
            assert (model.probability(raised) > model.probability(base)) == (weight > 0), name


def _page(headline: str, body: str, slug: str) -> tuple[bytes, str]:
    html = (f"<html><head><title>{headline} | Reel Notes</title></head><body><article>"
            f"<h1>{headline}</h1><p>{body}</p></article></body></html>")
    return html.encode(), f"https://reelnotes.example/2024/{slug}/"


def test_every_page_with_a_choice_records_its_candidates_for_training() -> None:
    body = ("Heat is long and patient. Heat gives its two leads one scene together, and "
            "Heat makes that scene the whole film. I liked it more the second time.")
    html, url = _page("Movie Monday #12: Heat", body, "movie-monday-12-heat")
    titles.FEATURE_SINK = sink = []
    try:
        record = extract_review(html, url)
    finally:
        titles.FEATURE_SINK = None
    assert record.film_title == "Heat"  # the series label is not the title
    texts = [text for text, _ in sink[-1]["candidates"]]
    assert "Heat" in texts
    assert all(set(row) == set(titles.FEATURES) for _, row in sink[-1]["candidates"])


def test_without_the_model_file_the_hand_weights_decide(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path) -> None:
    monkeypatch.setattr(title_ranker, "MODEL_PATH", tmp_path / "absent.json")
    title_ranker.load.cache_clear()
    try:
        body = "Arrival listens before it speaks. Arrival is the year's best film."
        html, url = _page("Arrival – a quiet first contact", body, "arrival")
        assert extract_review(html, url).film_title == "Arrival"
    finally:
        title_ranker.load.cache_clear()


@pytest.mark.parametrize(("headline", "title"), [
    ("THIS IS IT を見てきた", "THIS IS IT"),   # a review label around stop words only
    ("This Is It review", "This Is It"),
    ("My review", None),                       # a lone pronoun is still no title
])
def test_stop_words_are_a_title_only_where_a_review_label_says_so(headline: str,
                                                                   title: str | None) -> None:
    body = ("<p>Michael Jackson rehearses for the shows he never gave; the film is the "
            "rehearsal, and This Is It is better for it.</p>") * 2
    html = f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{body}"
    record = extract_review(f"{html}</body></html>".encode(), "https://blog.example/p/1/")
    assert record.film_title == title


@pytest.mark.parametrize(("headline", "body_name", "title"), [
    # a director's credit without a comma is a candidate beside the whole headline
    ("Det umuliges kunst av Elsa Kvamme", "Det umuliges kunst", "Det umuliges kunst"),
    ("Stand by Me", "Stand by Me", "Stand by Me"),
])
def test_a_credit_without_its_comma(headline: str, body_name: str, title: str) -> None:
    body = (f"<p>{body_name} is a film about a long walk; the director keeps the camera "
            f"low, and {body_name} never hurries.</p>") * 2
    html = (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{body}"
            "</body></html>")
    slug = body_name.lower().replace(" ", "-")
    record = extract_review(html.encode(), f"https://blog.example/{slug}/")
    assert record.film_title == title


def test_an_american_comma_inside_the_quotes_is_not_the_titles() -> None:
    headline = "Review: In 'Night Ferry,' a Crossing That Never Ends"
    body = "<p>Night Ferry keeps the camera low; the film never docks.</p>" * 2
    html = (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{body}"
            "</body></html>")
    record = extract_review(html.encode(), "https://paper.example/2019/05/night-ferry-review/")
    assert record.film_title == "Night Ferry"


@pytest.mark.parametrize(("headline", "body_name", "slug", "title"), [
    # the title after "about" / "on" closing a sentence headline, its article capitalised
    ("What's So Great About the Cloverfield Paradox?", "The Cloverfield Paradox",
     "cloverfield-paradox-film", "The Cloverfield Paradox"),
    ("A Brief Rant About Everything Everywhere All at Once",
     "Everything Everywhere All at Once",
     "a-brief-rant-about-everything-everywhere-all-at-once",
     "Everything Everywhere All at Once"),
    # the capitalised title, then the headline's lower-case verb
    ("The Game Plan has Game", "The Game Plan", "the-game-plan-has-game", "The Game Plan"),
    ("Night Ferry is the best film of the spring", "Night Ferry",
     "night-ferry-is-the-best-film-of-the-spring", "Night Ferry"),
    # a name exclaimed, then a sentence about it; a title with its own "!" stays whole
    ("Night Ferry ! and the sea at night", "Night Ferry", "night-ferry-and-the-sea-at-night",
     "Night Ferry"),
    ("Mamma Mia! Here We Go Again", "Mamma Mia! Here We Go Again",
     "mamma-mia-here-we-go-again", "Mamma Mia! Here We Go Again"),
    # title-case sentence headlines: the verb capitalised too
    ("Night Ferry Is Worth Your Time", "Night Ferry", "night-ferry-is-worth-your-time",
     "Night Ferry"),
    ("Is Night Ferry Worth Watching?", "Night Ferry", "is-night-ferry-worth-watching",
     "Night Ferry"),
    ("Why Night Ferry Is the Best Film of 2019", "Night Ferry",
     "why-night-ferry-is-the-best-film", "Night Ferry"),
    ("Love Is Strange", "Love Is Strange", "love-is-strange", "Love Is Strange"),
    ("How Green Was My Valley", "How Green Was My Valley", "how-green-was-my-valley",
     "How Green Was My Valley"),
])
def test_a_title_inside_a_sentence_headline(headline: str, body_name: str, slug: str,
                                             title: str) -> None:
    body = (f"I went in cold. {body_name} keeps its camera low and its cast quiet, and the "
            "director trusts the long take. The ending lands softly.")
    html, url = _page(headline, body, slug)
    assert extract_review(html, url).film_title == title


def test_the_segment_after_a_leading_review_label_is_the_title() -> None:
    """'Movie Review - The Dark Knight - Showdown in Gotham Town - NYTimes.com' (the old
    newspaper <title>): the label names the next segment, not the <h1>'s sentence."""
    body = ("In The Dark Knight, the ferry never docks. The director keeps the camera low, "
            "and the cast plays every scene as a whisper.")
    html = ("<html><head><title>Movie Review - The Dark Knight - Showdown in Gotham Town - "
            "NYTimes.com</title></head><body><article><h1>Showdown in Gotham Town</h1>"
            f"<p>{body}</p></article></body></html>").encode()
    url = "https://paper.example/2008/07/18/movies/18knight.html"
    assert extract_review(html, url).film_title == "The Dark Knight"
