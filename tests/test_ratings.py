"""The 0–100 score mapping: documented examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticdb.transforms.errors import RatingError
from criticdb.transforms.ratings import LETTER_SCORES, to_score


@pytest.mark.parametrize(("raw", "scale", "score"), [
    ("3.5", "out_of_4", 87.5),
    ("4", "out_of_5", 80.0),
    ("★★★☆☆", "out_of_5", 60.0),
    ("★★★½", "stars", 70.0),
    ("★★★½☆", "stars", 70.0),
    ("7", "out_of_10", 70.0),
    ("7/10", "out_of_10", 70.0),
    ("3½", "out_of_4", 87.5),
    ("B+", "letter", 83.0),
    ("b-", "letter", 67.0),
    ("F", "letter", 0.0),
    ("85", "out_of_100", 85.0),
    ("0", "range_-5_5", 50.0),
    ("fresh", "binary", 100.0),
    # a stated denominator is the scale, whatever the caller passes
    ("3/4", None, 75.0), ("2.5/4", None, 62.5), ("5/10", None, 50.0), ("4/10", "", 40.0),
    ("3/4", "stars", 75.0), ("1/2", None, 50.0), ("5/6", None, 83.33), ("6/8", None, 75.0),
    ("14/20", None, 70.0), ("85/100", None, 85.0), ("3½/4", None, 87.5), ("4.9/5.0", None, 98.0),
    ("4 out of 5 stars", None, 80.0), ("9 out of 10 points", None, 90.0),
    ("3 stars out of 4", None, 75.0), ("Rating: 7/10", None, 70.0),
    # letters with or without a label, spaced, and the documented F+/F−
    ("B+", None, 83.0), ("Rating: B+", None, 83.0), ("B +", None, 83.0), ("A+", None, 100.0),
    ("F+", None, 8.0), ("F-", None, 0.0), ("C−", None, 42.0),
    # stars without a total are out of 5; words and ASCII stars too
    ("***", None, 60.0), ("***½", None, 70.0), ("**1/2", None, 50.0), ("four stars", None, 80.0),
    ("three and a half stars", None, 70.0), ("two stars out of four", None, 50.0),
    ("3 stars", None, 60.0),
    # a bare number with the site's scale
    ("8", "out_of_10", 80.0), ("3 1/2", "out_of_4", 87.5),
    # a number extraction read as stars ("Rating: 3.5 stars", "four stars")
    ("3.5", "stars", 70.0), ("4", "stars", 80.0),
    # star emoji and Chinese star counts, out of 5 like other stars without a total
    ("🌟🌟🌟⭐", "stars", 80.0), ("⭐️⭐️⭐️", "stars", 60.0), ("三星", "stars", 60.0),
    ("四星半", "stars", 90.0), ("两颗星", "stars", 40.0), ("5星", "stars", 100.0),
])
def test_documented_examples(raw: str, scale: str | None, score: float) -> None:
    assert to_score(raw, scale) == score


@pytest.mark.parametrize(("raw", "scale", "reason"), [
    ("6", "out_of_5", "rating_out_of_range"),
    ("-1", "out_of_5", "rating_unparseable"),
    ("A++++", "letter", "rating_not_a_letter_grade"),
    ("great", "out_of_10", "rating_unparseable"),
    ("", "out_of_10", "rating_empty"),
    ("3", "out_of_0", "rating_scale_invalid"),
    ("3", "furlongs", "rating_scale_unknown"),
    # bare numbers say nothing about their scale
    ("8", None, "rating_scale_unknown"), ("3.5", "", "rating_scale_unknown"),
    ("3 1/2", None, "rating_scale_unknown"),
    # a caller's scale that contradicts the string
    ("3/4", "out_of_10", "rating_scale_conflict"), ("B+", "out_of_10", "rating_scale_conflict"),
    ("5/4", None, "rating_out_of_range"), ("R", None, "rating_unparseable"),
    ("1-5", None, "rating_unparseable"),
])
def test_nonsense_is_rejected_not_clamped(raw: str, scale: str | None, reason: str) -> None:
    with pytest.raises(RatingError) as err:
        to_score(raw, scale)
    assert err.value.reason == reason


@given(best=st.sampled_from([4, 5, 10, 100]), a=st.floats(0, 1), b=st.floats(0, 1))
def test_monotonic_and_bounded_within_a_scale(best: int, a: float, b: float) -> None:
    lo, hi = sorted((round(a * best, 1), round(b * best, 1)))
    s_lo, s_hi = to_score(str(lo), f"out_of_{best}"), to_score(str(hi), f"out_of_{best}")
    assert 0 <= s_lo <= s_hi <= 100


@given(st.sampled_from(sorted(LETTER_SCORES)))
def test_letter_table_round_trip(grade: str) -> None:
    assert to_score(grade, "letter") == LETTER_SCORES[grade]
    assert to_score(grade.lower(), "letter") == LETTER_SCORES[grade]


def test_letters_are_ordered() -> None:
    order = ["F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"]
    scores = [LETTER_SCORES[g] for g in order]
    assert scores == sorted(scores)


@given(full=st.integers(0, 5), half=st.booleans())
def test_glyph_count_matches_number(full: int, half: bool) -> None:
    if full == 0 and not half:
        return
    glyphs = "★" * full + ("½" if half else "")
    number = str(full + (0.5 if half else 0))
    assert to_score(glyphs, "out_of_5" if full + half <= 5 else "out_of_10") == \
        to_score(number, "out_of_5" if full + half <= 5 else "out_of_10")


@given(best=st.integers(2, 100), frac=st.floats(0, 1))
def test_any_stated_denominator_is_its_scale(best: int, frac: float) -> None:
    value = round(frac * best, 1)
    assert to_score(f"{value:g}/{best}") == round(value / best * 100, 2)
    assert to_score(f"{value:g} out of {best}") == to_score(f"{value:g}/{best}")


def _row(url: str, pub: str, raw: str, scale: str | None = None):
    from criticdb.common.records import ExtractedReview
    from criticdb.transforms.normalise import ExtractionRow

    record = ExtractedReview(url=url, film_title=f"Film {url[-1]}", film_year=2001,
                             critic="Ana Ruiz", publication=pub, rating_raw=raw,
                             rating_scale=scale, source={"rating_raw": "text"})
    return ExtractionRow(url, pub, "", "", record)


def test_bare_numbers_take_the_scale_their_publication_implies() -> None:
    from criticdb.transforms.normalise import normalise

    rows = [_row("https://a.example/1", "Tens", "8"), _row("https://a.example/2", "Tens", "3"),
            _row("https://b.example/3", "Fives", "4"), _row("https://c.example/4", "Stated",
                                                            "3", "out_of_4")]
    out = normalise(rows, [])
    by_url = {r["url"]: r for r in out.reviews}
    assert (by_url["https://a.example/1"]["score"], by_url["https://a.example/2"]["score"]) == \
        (80.0, 30.0)
    assert by_url["https://a.example/2"]["rating_scale_source"] == "learned"
    assert by_url["https://b.example/3"]["score"] is None  # 4 of what? unknown, not guessed
    assert [r.reason for r in out.rejects] == ["rating_scale_unknown"]
    assert by_url["https://c.example/4"]["rating_scale_source"] == "page"
