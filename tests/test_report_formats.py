"""One way to write each kind of figure, and charts that title their axes and never cut an
interval silently."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticdb.dashboards import charts, formats


def test_each_kind_of_figure_has_one_format() -> None:
    assert formats.score(76.666) == "76.7" and formats.score(100) == "100.0"
    assert formats.signed(-8.83) == "−8.8" and formats.signed(4) == "+4.0"
    assert formats.signed(-0.04) == "0.0" and formats.signed(None) == "–"
    assert formats.pct(85.71) == "86%"
    assert str(formats.ci(-81.85, 64.19)) == '<span class="ci-range">−81.8 to +64.2</span>'


@pytest.mark.parametrize(("raw", "scale", "shown"), [
    ("3", "out_of_4", "3/4"), ("3.5", "out_of_4", "3.5/4"), ("7", "out_of_10", "7/10"),
    ("3.5/4", "out_of_4", "3.5/4"), ("B+", "letter", "B+"), ("★★★½", "stars", "★★★½"),
    ("-2", "range_-4_4", "-2 (−4 to 4)"), ("4 out of 5", "out_of_5", "4 out of 5"),
    (None, None, "no rating"), ("8", None, "8"),  # no known scale: shown as written
])
def test_ratings_are_shown_with_their_scale(raw, scale, shown) -> None:
    assert formats.rating(raw, scale) == shown


@given(st.floats(-1000, 1000, allow_nan=False))
def test_signed_has_one_decimal_and_a_true_minus(value: float) -> None:
    text = formats.signed(value)
    assert "-" not in text and len(text.split(".")[1]) == 1


def _pair(diff: float, lo: float | None, hi: float | None, **extra) -> dict:
    return {"remake_title": "R", "remake_year": 2020, "original_title": "O",
            "original_year": 1990, "original_mean": 60.0, "remake_mean": 60.0 + diff,
            "original_n": 3, "remake_n": 3, "difference": diff, "difference_ci_low": lo,
            "difference_ci_high": hi, **extra}


def test_difference_axis_holds_every_interval_it_can() -> None:
    chart = charts.difference([_pair(-26.0, -38.0, -13.9), _pair(-8.8, -81.9, 64.2)])
    assert chart["ticks"][0]["label"] == "−100" and chart["ticks"][-1]["label"] == "+100"
    assert not chart["any_cut"] and chart["title"].startswith("Remake − original")
    small = charts.difference([_pair(-6.0, -9.5, -2.5)])
    assert [t["label"] for t in small["ticks"]] == ["−10", "−5", "0", "+5", "+10"]


def test_an_interval_past_the_axis_is_flagged_not_cut_silently() -> None:
    chart = charts.difference([_pair(-70.0, -140.0, -5.0)])  # a 2-vs-2 pair can do this
    row = chart["rows"][0]
    assert chart["any_cut"] and row["cut_low"] and not row["cut_high"]
    assert row["x_ci_low"] == charts.LEFT  # drawn to the axis' edge, with an arrow there


def test_every_chart_titles_its_axis() -> None:
    reviews = [{"score": 50.0, "score_source": "rating", "critic": "c"}]
    critics = [{"name": "c", "mean_deviation": -3.0}]
    for chart in (charts.dumbbell([_pair(-5.0, None, None)]), charts.strip(reviews),
                  charts.deviation_bars(critics), charts.difference([_pair(1.0, -2, 4)])):
        assert chart["title"] and chart["height"] > chart["title_y"] > chart["grid_bottom"]
