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
])
def test_documented_examples(raw: str, scale: str, score: float) -> None:
    assert to_score(raw, scale) == score


@pytest.mark.parametrize(("raw", "scale", "reason"), [
    ("6", "out_of_5", "rating_out_of_range"),
    ("-1", "out_of_5", "rating_unparseable"),
    ("A++++", "letter", "rating_not_a_letter_grade"),
    ("great", "out_of_10", "rating_unparseable"),
    ("", "out_of_10", "rating_empty"),
    ("3", "out_of_0", "rating_scale_invalid"),
    ("3", "furlongs", "rating_scale_unknown"),
])
def test_nonsense_is_rejected_not_clamped(raw: str, scale: str, reason: str) -> None:
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
