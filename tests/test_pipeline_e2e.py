"""End to end: the Prefect flow over the demo sites on loopback into a real DuckDB file."""

from __future__ import annotations

import re

import duckdb
import pytest

ENTITY_TABLES = ("films", "critics", "publications", "reviews", "film_relations", "pages",
                 "extractions", "rejects")


def q(db, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_counts(demo_run) -> None:
    c = demo_run.summary.counts
    assert c["discovered"] == 69  # 64 reviews + one robots-disallowed page per site
    assert c["fetched"] == 64 and c["extracted"] == 64 and c["rejected"] == 5
    assert q(demo_run.db, "SELECT count(*) FROM reviews")[0][0] == 64
    assert q(demo_run.db, "SELECT count(*) FROM films")[0][0] == 16
    assert q(demo_run.db, "SELECT count(*) FROM critics")[0][0] == 9
    assert q(demo_run.db, "SELECT count(*) FROM publications")[0][0] == 5
    assert q(demo_run.db, "SELECT score_source, count(*) FROM reviews GROUP BY ALL "
             "ORDER BY ALL") == [("inferred", 12), ("rating", 52)]
    models = q(demo_run.db, "SELECT DISTINCT inferred_model, inferred_error FROM reviews "
               "WHERE score_source = 'inferred'")
    # one model, chosen by cross-validation on the 52 rated reviews, with its error
    assert len(models) == 1 and ":n=52:" in models[0][0] and 0 < models[0][1] < 50


def test_disallowed_pages_never_requested(demo_run, demo_sites) -> None:
    disallowed = {"The Night Reel": "/drafts/", "Marquee Ledger": "/preview/",
                  "Gradebook Pictures": "/staff/", "The Harbour Courier": "/embargoed/",
                  "Frame Rate": "/members/"}
    for site, prefix in disallowed.items():
        paths = demo_sites.requested_paths(site)
        assert "/robots.txt" in paths
        assert not [p for p in paths if p.startswith(prefix)], site
    reasons = q(demo_run.db, "SELECT reason, count(*) FROM rejects GROUP BY ALL")
    assert reasons == [("robots_disallowed", 5)]


@pytest.mark.parametrize(("film_id", "n", "mean"), [
    ("parasite-2019", 3, 100.0),          # 4/4, A+, 5/5
    ("el-desconocido-2015", 4, 82.63),    # 3.5/4, B+, 4/5, 8/10 (+1 unrated)
    ("oldboy-2013", 3, 34.17),            # 1.5/4, D, 2/5 (+1 unrated)
    ("retribution-2023", 4, 44.25),       # 2/4, C-, 2/5, 4.5/10
])
def test_film_mean_scores(demo_run, film_id: str, n: int, mean: float) -> None:
    assert q(demo_run.db, "SELECT n_rated, mean_rated FROM film_scores WHERE film_id = ?",
             [film_id]) == [(n, mean)]


def test_remake_comparison(demo_run) -> None:
    rows = q(demo_run.db, "SELECT original_title, original_year, remake_title, remake_year, "
             "original_mean, remake_mean, difference, relation_sources FROM remake_comparison")
    assert len(rows) == 8
    by_remake = {(r[2], r[3]): r for r in rows}
    departed = by_remake[("The Departed", 2006)]
    assert departed[:2] == ("Infernal Affairs", 2002)
    assert departed[4:7] == (98.33, 87.13, -11.21)
    # Tom Achterberg rated both: 5/5 then 4/5
    assert q(demo_run.db, "SELECT n_paired_critics, paired_difference, difference_ci_low < "
             "difference AND difference < difference_ci_high, too_few_reviews "
             "FROM remake_comparison WHERE remake_id = 'the-departed-2006'") == [
        (1, -20.0, True, False)]
    retribution = by_remake[("Retribution", 2023)]
    assert retribution[:2] == ("El desconocido", 2015)
    assert retribution[7] == ["catalogue", "remake_catalogue", "review_text"]
    family = q(demo_run.db, "SELECT title, year, generation FROM remake_families "
               "WHERE family_id = 'el-desconocido-2015' ORDER BY year, title")
    assert family == [("El desconocido", 2015, 0), ("Steig. Nicht. Aus!", 2018, 1),
                      ("Hard Hit", 2021, 1), ("Retribution", 2023, 1)]


def test_second_run_changes_nothing(demo_run) -> None:
    # run two downloads no review body: 304s, or no request at all where the sitemap's
    # lastmod says the page is older than our copy (the 26 sitemap-listed pages)
    pages = [r for r in demo_run.second_run_requests
             if not r.path.endswith((".txt", ".xml", "/feed/", "/reviews/", "/culture/film/",
                                     "/page/2/", "/page/3/"))]
    assert [r.path for r in pages if r.status != 304] == []
    assert len(pages) == 64 - 26
    second = demo_run.second.counts
    assert second["fetched"] == 0 and second["not_modified"] == 64
    assert second["extracted"] == 0
    snapshot = demo_run.db.with_name("after_first.duckdb")
    for table in ENTITY_TABLES:
        cols = "* EXCLUDE (last_run_id, fetched_at, status)" if table == "pages" else (
            "* EXCLUDE (last_run_id, times_seen)" if table == "rejects" else "*")
        query = f"SELECT {cols} FROM {table} ORDER BY ALL"  # noqa: S608 (constant names)
        assert q(snapshot, query) == q(demo_run.db, query), table
    runs = q(demo_run.db, "SELECT status, reviews_added, reviews_updated, reviews_removed, "
             "flow_run_id IS NOT NULL FROM runs ORDER BY started_at")
    assert runs == [("completed", 64, 0, 0, True), ("completed", 0, 0, 0, True)]


def test_reparse_uses_the_archive_only(demo_run, demo_sites, tmp_path) -> None:
    from criticdb.flows.pipeline import review_pipeline
    from criticdb.scrapers.archive import RawArchive

    db = tmp_path / "copy.duckdb"
    db.write_bytes(demo_run.db.read_bytes())
    before = sum(len(s.log) for s in demo_sites.server.sites.values())
    summary = review_pipeline(sources=str(demo_sites.sources), db=str(db),
                              report_dir=str(tmp_path / "report"),
                              archive_dir=str(RawArchive.beside(demo_run.db)), crawl=False)
    assert sum(len(s.log) for s in demo_sites.server.sites.values()) == before
    assert summary.counts["extracted"] == 64
    query = "SELECT * EXCLUDE (extracted_run_id) FROM extractions ORDER BY url"
    assert q(db, query) == q(demo_run.db, query)
    assert q(db, "SELECT * FROM reviews ORDER BY url") == q(demo_run.db,
                                                             "SELECT * FROM reviews ORDER BY url")


def test_a_failed_stage_marks_the_run_and_keeps_committed_work(demo_sites, prefect_server,
                                                               tmp_path) -> None:
    from criticdb.common.errors import ConfigError
    from criticdb.flows.pipeline import review_pipeline

    bad_catalogue = tmp_path / "films.csv"
    bad_catalogue.write_text("film_key,title\nx,Broken\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with pytest.raises(ConfigError):
        review_pipeline(sources=str(demo_sites.sources), db=str(db),
                        report_dir=str(tmp_path / "r"), catalogue=str(bad_catalogue))
    status, message = q(db, "SELECT status, message FROM runs")[0]
    assert status == "failed" and "lacks columns" in message
    assert q(db, "SELECT count(*) FROM pages")[0][0] == 64  # fetched pages stay indexed
    assert q(db, "SELECT count(*) FROM extractions")[0][0] == 64


def test_the_shipped_remake_catalogue_links_demo_films_with_its_evidence(demo_run) -> None:
    rows = q(demo_run.db, "SELECT film_id, related_film_id, evidence FROM film_relations "
             "WHERE source = 'remake_catalogue' ORDER BY film_id")
    catalogue = dict(q(demo_run.db, "SELECT film_id, related_film_id FROM film_relations "
                       "WHERE source = 'catalogue'"))
    assert len(rows) >= 5
    for film_id, original, evidence in rows:
        assert catalogue[film_id] == original  # never a pair the demo's facts deny
        assert "remakes.csv line" in evidence and "CC BY-SA 4.0" in evidence
    assert q(demo_run.db, "SELECT count(*) FROM relation_conflicts") == [(0,)]


def test_catalogue_false_turns_off_every_catalogue(demo_sites, prefect_server, tmp_path) -> None:
    """`catalogue = false`: neither the demo's CSV nor the shipped remake catalogue; the
    reviews' own words still name remakes."""
    from criticdb.flows.pipeline import review_pipeline

    text = demo_sites.sources.read_text(encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(re.sub(r'^catalogue = .*$', "catalogue = false", text, flags=re.M),
                       encoding="utf-8")
    db = tmp_path / "w.duckdb"
    review_pipeline(sources=str(sources), db=str(db), report_dir=str(tmp_path / "r"))
    by_source = dict(q(db, "SELECT source, count(*) FROM film_relations GROUP BY source"))
    assert set(by_source) == {"review_text"} and by_source["review_text"] >= 6
    assert q(db, "SELECT count(*) FROM films WHERE in_catalogue")[0][0] == 0
