"""The rating normaliser on real critics' strings (../shared/corpus/rt-reviews): pinned floors."""

from __future__ import annotations

import pytest

from benchmarks import scores_real


@pytest.fixture(scope="module")
def report(rt_rows: list) -> scores_real.Report:
    return scores_real.evaluate(rt_rows)


def test_every_labelled_string_agrees_and_none_is_wrong(report: scores_real.Report) -> None:
    assert report.labelled > 40_000
    assert report.agree / report.labelled >= 0.995
    assert report.wrong == []


def test_bare_numbers_are_never_guessed(report: scores_real.Report) -> None:
    assert report.bare > 0 and report.bare_scored_unlearned == 0
    assert report.bare_learned / report.bare >= 0.6


def test_the_mapping_ranks_fresh_above_rotten_as_well_as_the_plain_fraction(
        report: scores_real.Report) -> None:
    assert report.auc >= report.auc_plain - 1e-9
    assert report.auc >= 0.97
