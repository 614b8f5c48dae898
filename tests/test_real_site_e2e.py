"""The shared real pages served on loopback as sites, through the default pipeline (real
Prefect flow run, real DuckDB file): what a user pointing criticdb at them gets."""

from __future__ import annotations

import os

import pytest

from benchmarks import real_site


@pytest.fixture(scope="module")
def real_run(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (real_site.CORPUS / "manifest.tsv").is_file():
        if os.environ.get("CI") == "true":
            raise FileNotFoundError(f"real-page corpus missing at {real_site.CORPUS}")
        pytest.skip(f"real-page corpus not found at {real_site.CORPUS}")
    return real_site.run(real_site.CORPUS, tmp_path_factory.mktemp("real") / "real.duckdb")


def test_film_reviews_reach_the_warehouse_and_negatives_do_not(real_run) -> None:
    missing = [k["file"] for k in real_run["reviews"]
               if k["served_path"] not in real_run["loaded"]]
    assert len(real_run["reviews_loaded"]) >= 49, missing
    assert real_run["negatives_loaded"] == []


def test_every_loaded_film_is_resolved_or_flagged_provisional(real_run) -> None:
    for film_id, year, source in real_run["loaded"].values():
        if source == "title_only":  # provisional: no year, named so
            assert year is None and film_id.endswith("-year-unknown"), (film_id, year)
        elif year is None:  # else a year, or a page id standing in for a missing year
            assert source == "page_ids", (film_id, source)


def test_the_run_counts_what_it_loaded(real_run) -> None:
    counts = real_run["summary"].counts
    assert counts["loaded"] == len(real_run["loaded"])
    assert counts["loaded"] <= counts["extracted"] <= len(real_run["reviews"]) + len(
        real_run["negatives"])


def test_the_report_names_provisional_films_without_a_made_up_year(real_run) -> None:
    films = (real_run["report_dir"] / "films.html").read_text("utf-8")
    assert "(None)" not in films
    if any(year is None for _, year, _ in real_run["loaded"].values()):
        assert "(year unknown)" in films
