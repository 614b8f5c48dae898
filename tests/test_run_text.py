"""One vocabulary for what a run did: per-site lines, the closing line, the runs table and
the report say the same counts with the same words; long crawls report progress."""

from __future__ import annotations

import datetime as dt
import re

import duckdb

from criticdb.common.rejects import Reject
from criticdb.dashboards.artifacts import FetchProgress, progress_line
from criticdb.dashboards.run_text import TERMS, counts_phrase, site_lines, summary_line
from criticdb.scrapers.crawl import SiteCrawl, crawl_counts
from criticdb.scrapers.fetch import FetchResult


def _said(text: str) -> dict[str, int]:
    """The counts a line states, read back through the shared vocabulary."""
    return {key: int(m.group(1)) for key, words in TERMS
            if (m := re.search(rf"(\d+) {words}\b", text))}


def _result(url: str, status: int) -> FetchResult:
    return FetchResult(url, url, url, status, dt.datetime.now(dt.UTC), None, "text/html",
                       None, None, 1, 5)


def test_site_lines_add_up_to_the_run_counts() -> None:
    crawls = [
        SiteCrawl("A", discovered=6, unchanged_by_lastmod=2,
                  results=[_result("http://a/1", 200), _result("http://a/2", 304)],
                  rejects=[Reject("http://a/3", "fetch", "robots_disallowed"),
                           Reject("http://a/4", "fetch", "http_404")]),
        SiteCrawl("B", discovered=3, results=[_result("http://b/1", 200)],
                  rejects=[Reject("http://b/2", "fetch", "robots_disallowed")] * 2),
    ]
    lines = site_lines(crawls)
    assert lines[0] == ("A: 6 discovered, 1 fetched, 3 not modified (2 skipped per sitemap "
                        "lastmod), 2 rejected (http_404 1, robots_disallowed 1)")
    discovered, fetched, not_modified = crawl_counts(crawls)
    total = {k: sum(_said(line)[k] for line in lines) for k in ("discovered", "fetched",
                                                                  "not_modified", "rejected")}
    assert total == {"discovered": discovered, "fetched": fetched,
                     "not_modified": not_modified, "rejected": 4}


def test_summary_line_names_failed_sites_and_reasons() -> None:
    line = summary_line("run", "r1", {"discovered": 4, "fetched": 0, "not_modified": 0,
                                      "rejected": 2, "extracted": 0, "sites": 2,
                                      "sites_failed": 1}, {"host_unreachable": 2})
    assert line == ("criticdb run r1 completed: 4 discovered, 0 fetched, 0 not modified, "
                    "2 rejected (host_unreachable 2), 0 extracted; 1 of 2 sites failed "
                    "(see last_run_rejects)")
    assert counts_phrase({"rejected": 0}, {}) == "0 rejected"


def test_runs_report_and_summary_agree(demo_run) -> None:
    """The closing line, the runs table and the report's 'Last run' give the same numbers;
    a no-op re-run says why it still rejects (robots.txt)."""
    second = demo_run.second
    line = summary_line("run", second.run_id, second.counts, second.rejects_by_reason)
    assert "5 rejected (robots_disallowed 5)" in line
    con = duckdb.connect(str(demo_run.db), read_only=True)
    try:
        row = con.execute("SELECT pages_discovered, pages_fetched, pages_not_modified, "
                          "pages_rejected, pages_extracted, reviews_loaded FROM runs "
                          "WHERE run_id = ?",
                          [second.run_id]).fetchone()
    finally:
        con.close()
    assert _said(line) == dict(zip(("discovered", "fetched", "not_modified", "rejected",
                                    "extracted", "loaded"), row, strict=True))
    assert row[5] == 64  # a no-op re-run still says what the warehouse holds
    html = (demo_run.report_dir / "index.html").read_text("utf-8")
    shown = {k: int(v) for k, v in re.findall(
        r'data-metric="last_run_(\w+)">(\d+)<', html)}
    assert shown == {"fetched": row[1], "not_modified": row[2], "rejected": row[3]}


def test_a_run_that_loses_reviews_at_normalise_says_so() -> None:
    from criticdb.dashboards.run_text import dropped_line

    dropped = [Reject(f"http://a/{i}", "normalise", r) for i, r in
               enumerate(["ambiguous_film"] * 3 + ["duplicate_review"] * 2)]
    assert dropped_line(50, dropped[:5]) is None  # 5 of 50 is a tenth, not more
    assert dropped_line(20, dropped) == ("5 of 20 extracted reviews did not reach the warehouse "
                                         "(ambiguous_film 3, duplicate_review 2); see "
                                         "last_run_rejects")
    assert dropped_line(0, []) is None


def test_progress_line_gives_queue_rate_and_eta() -> None:
    assert progress_line("Site", 120, 1000, 60.0) == (
        "Site: 120 of 1000 pages fetched, 880 queued, 2.0 pages/s, about 7 min 20 s left")
    assert progress_line("Site", 0, 10, 0.0) == "Site: 0 of 10 pages fetched, 10 queued"


def test_long_crawls_log_progress_small_ones_stay_quiet() -> None:
    lines: list[str] = []

    class Quick(FetchProgress):
        LOG_EVERY_SECONDS = 0.0  # every page: stands in for a crawl that takes minutes
        MIN_PAGES = 10**9  # no Prefect artifact outside a flow

    progress = Quick("Site", log=lines.append)
    for done in range(1, 4):
        progress(done, 3)
    assert lines[0] == "Site: 1 of 3 pages fetched, 2 queued"  # no rate yet, no ETA
    assert len(lines) == 2 and lines[1].startswith("Site: 2 of 3 pages fetched, 1 queued, ")
    quiet: list[str] = []
    slow = FetchProgress("Site", log=quiet.append)  # 10 s interval: a fast crawl says nothing
    slow.MIN_PAGES = 10**9
    for done in range(1, 4):
        slow(done, 3)
    assert quiet == []
