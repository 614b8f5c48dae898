"""Analysis views on a small warehouse whose right answers are worked out by hand."""

from __future__ import annotations

import math

import pytest

from criticdb.warehouse.db import connect
from criticdb.warehouse.load import replace_entities


def _review(film: str, critic: str, score: float, source: str = "rating") -> dict:
    return {"review_id": f"{film}-{critic}", "url": f"https://x.example/{film}/{critic}",
            "film_id": film, "critic_id": critic, "publication_id": "p", "score": score,
            "score_source": source, "inferred_model": "m" if source == "inferred" else None}


@pytest.fixture()
def con(tmp_path):
    con = connect(tmp_path / "views.duckdb")
    films = [{"film_id": f, "title": f.upper(), "year": y, "in_catalogue": True}
             for f, y in (("o", 2000), ("r1", 2010), ("r2", 2020), ("x", 1990))]
    replace_entities(con, {
        "films": films,
        "critics": [{"critic_id": c, "name": c.upper()} for c in "abc"],
        "publications": [{"publication_id": "p", "name": "P"}],
        "reviews": [_review("o", "a", 80), _review("o", "b", 90), _review("o", "c", 70),
                    _review("r1", "a", 60), _review("r1", "b", 70),
                    _review("r1", "c", 40, "inferred"), _review("r2", "a", 50)],
        "film_relations": [
            {"film_id": "r1", "related_film_id": "o", "relation": "remake_of",
             "source": "catalogue", "confidence": 1.0, "evidence_count": 1},
            {"film_id": "r1", "related_film_id": "x", "relation": "remake_of",
             "source": "review_text", "confidence": 0.8, "evidence_count": 1},
            {"film_id": "r2", "related_film_id": "r1", "relation": "remake_of",
             "source": "catalogue", "confidence": 1.0, "evidence_count": 1}],
    })
    yield con
    con.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_film_scores_with_and_without_inferred(con) -> None:
    assert rows(con, "SELECT n_reviews, n_rated, mean_rated, median_rated, stddev_rated, "
                "pct_positive_rated FROM film_scores WHERE film_id = 'o'") == [
        (3, 3, 80.0, 80.0, 10.0, 100.0)]
    assert rows(con, "SELECT n_rated, mean_rated, n_scored, mean_all, pct_positive_all "
                "FROM film_scores WHERE film_id = 'r1'") == [(2, 65.0, 3, 56.67, 66.7)]


def test_remake_comparison_welch_ci_and_paired_difference(con) -> None:
    got = rows(con, "SELECT original_n, original_mean, remake_n, remake_mean, difference, "
               "difference_ci_low, difference_ci_high, n_paired_critics, paired_difference, "
               "difference_incl_inferred, too_few_reviews FROM remake_comparison "
               "WHERE original_id = 'o' AND remake_id = 'r1'")
    se = math.sqrt(100 / 3 + 50 / 2)  # variances 100 (n=3) and 50 (n=2)
    half = 4.303 * se  # Welch df = 2.88 → t(2) = 4.303
    assert got == [(3, 80.0, 2, 65.0, -15.0, round(-15 - half, 2), round(-15 + half, 2),
                    2, -20.0, -23.33, True)]
    one_rating = rows(con, "SELECT difference_ci_low, paired_difference FROM remake_comparison "
                      "WHERE original_id = 'r1' AND remake_id = 'r2'")
    assert one_rating == [(None, -10.0)]


def test_remake_families_follow_remakes_of_remakes(con) -> None:
    assert rows(con, "SELECT film_id, generation, n_rated, mean_rated FROM remake_families "
                "WHERE family_id = 'o'") == [("o", 0, 3, 80.0), ("r1", 1, 2, 65.0),
                                             ("r2", 2, 1, 50.0)]


def test_critic_leanings_leave_one_out(con) -> None:
    assert rows(con, "SELECT critic_id, n_compared, mean_deviation, pct_agreement, leaning "
                "FROM critic_leanings ORDER BY critic_id") == [
        ("a", 2, -5.0, 100.0, "harsher"), ("b", 2, 12.5, 100.0, "kinder"),
        ("c", 1, -15.0, 100.0, "harsher")]


def test_remake_bias_overall_and_per_critic(con) -> None:
    assert rows(con, "SELECT critic_id, n_pairs, mean_difference, pct_remake_lower "
                "FROM remake_bias ORDER BY critic_id NULLS FIRST") == [
        (None, 3, -16.67, 100.0), ("a", 2, -15.0, 100.0), ("b", 1, -20.0, 100.0)]


def test_relation_conflicts_keep_every_claim(con) -> None:
    assert rows(con, "SELECT film_id, related_film_id, source FROM relation_conflicts "
                "ORDER BY ALL") == [
        ("r1", "o", "catalogue"), ("r1", "x", "review_text")]
