"""The HTML report: right numbers, escaped scraped text, and a real browser's view of it."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from criticdb.dashboards.formats import signed
from criticdb.dashboards.report import PAGES, build_report
from criticdb.warehouse.db import connect
from criticdb.warehouse.load import replace_entities

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE_TITLE = "<script>window.__pwned = 1</script>Evil Film"
HOSTILE_CRITIC = '"><img src=x onerror="window.__pwned = 2">'
HOSTILE_URL = "javascript:window.__pwned = 3"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(path: Path) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split()), parser.hrefs


def q(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_page_exists_and_links_to_the_others(demo_run) -> None:
    for page in PAGES:
        _, hrefs = page_text(demo_run.report_dir / page)
        assert set(PAGES) <= set(hrefs), page


def test_report_numbers_match_the_warehouse(demo_run) -> None:
    html = (demo_run.report_dir / "index.html").read_text(encoding="utf-8")
    for metric, sql in (("reviews", "SELECT count(*) FROM reviews"),
                        ("rated_reviews", "SELECT count(*) FROM reviews WHERE score_source = "
                                          "'rating'"),
                        ("inferred_reviews", "SELECT count(*) FROM reviews WHERE score_source "
                                             "= 'inferred'")):
        assert re.search(rf'data-metric="{metric}">{q(demo_run.db, sql)[0][0]}<', html), metric
    text, _ = page_text(demo_run.report_dir / "remakes.html")
    for original, remake, diff, lo, hi in q(demo_run.db, "SELECT original_title, remake_title, "
                                            "difference, difference_ci_low, "
                                            "difference_ci_high FROM remake_comparison"):
        assert original in text and remake in text and signed(diff) in text
        if lo is not None:
            assert f"{signed(lo)} to {signed(hi)}" in text
    mean, low, high = q(demo_run.db, "SELECT mean_difference, ci_low, ci_high "
                        "FROM remake_summary")[0]
    assert f"{abs(mean):.1f} points lower" in text
    assert f"95% CI {signed(low)} to {signed(high)}" in text
    films, _ = page_text(demo_run.report_dir / "films.html")
    for title, year, mean_rated in q(demo_run.db, "SELECT title, year, mean_rated "
                                     "FROM film_scores"):
        assert f"{title} ({year})" in films and f"{mean_rated:.1f}" in films
    assert films.count("inferred") >= 12


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    con = connect(tmp / "w.duckdb")
    films = [{"film_id": "evil-2020", "title": HOSTILE_TITLE, "year": 2020, "in_catalogue": False},
             {"film_id": "orig-2000", "title": "Original <b>bold</b>", "year": 2000,
              "in_catalogue": False}]
    reviews = [{"review_id": f"r{i}", "url": url, "film_id": film, "critic_id": "c",
                "publication_id": "p", "score": score, "score_source": "rating",
                "title_as_written": HOSTILE_TITLE, "rating_raw": "<i>5</i>"}
               for i, (url, film, score) in enumerate([
                   (HOSTILE_URL, "evil-2020", 50.0), ("https://x.example/a", "orig-2000", 80.0)])]
    replace_entities(con, {
        "films": films, "critics": [{"critic_id": "c", "name": HOSTILE_CRITIC}],
        "publications": [{"publication_id": "p", "name": "<marquee>Pub</marquee>"}],
        "reviews": reviews,
        "film_relations": [{"film_id": "evil-2020", "related_film_id": "orig-2000",
                            "relation": "remake_of", "source": "review_text",
                            "confidence": 0.8, "evidence_count": 1}]})
    con.close()
    build_report(tmp / "w.duckdb", tmp / "report")
    return tmp / "report"


def test_scraped_markup_is_escaped_in_every_page(hostile_report: Path) -> None:
    for page in PAGES:
        html = (hostile_report / page).read_text(encoding="utf-8")
        assert "<script>window" not in html and "<img src=x" not in html, page
        assert 'href="javascript:' not in html.lower(), page
        assert "<marquee>" not in html, page
    text, _ = page_text(hostile_report / "films.html")
    assert HOSTILE_TITLE in text and HOSTILE_CRITIC in text


def _browser():
    if not CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run must install it")
        pytest.skip("chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api


# The smallest on-screen size of chart text: font size in chart units × the chart's scale.
LABEL_PX = """() => Math.min(1e9, ...[...document.querySelectorAll('svg.chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0).flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(
      t => parseFloat(getComputedStyle(t).fontSize) * scale); }))"""
# Tables wider than the window with no scrolling container around them are cut off.
CLIPPED = """() => [...document.querySelectorAll('table')].filter(t => {
  if (t.getBoundingClientRect().right <= window.innerWidth + 1) return false;
  for (let el = t.parentElement; el; el = el.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) return false; }
  return true; }).length"""

# Every chart names what its axis measures.
UNTITLED = """() => [...document.querySelectorAll('svg.chart')]
  .filter(svg => !svg.querySelector('text.axis-title')?.textContent.trim()).length"""
# A confidence interval is read as one figure: its text never breaks over two lines.
WRAPPED = """() => [...document.querySelectorAll('.ci-range')]
  .filter(el => el.getClientRects().length > 1).length"""


def _open(sync_api, url: str, width: int, shot: Path | None = None) -> dict:
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors: list[str] = []
        failed: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.goto(url)
        result = {"errors": errors, "failed": failed,
                  "pwned": page.evaluate("() => window.__pwned === undefined ? null : "
                                         "window.__pwned"),
                  "visible": {sel: page.locator(sel).first.is_visible() for sel in (
                      "#remake-headline", "header.top nav", "[data-metric=reviews]")},
                  "overflow": page.evaluate("() => document.documentElement.scrollWidth > "
                                            "window.innerWidth + 1"),
                  "label_px": page.evaluate(LABEL_PX), "clipped_tables": page.evaluate(CLIPPED),
                  "untitled_charts": page.evaluate(UNTITLED), "wrapped_cis": page.evaluate(WRAPPED)}
        if shot:
            page.screenshot(path=str(shot), full_page=False)
        browser.close()
    return result


@pytest.mark.parametrize("width", [1280, 390])
def test_report_in_a_real_browser(demo_run, width: int) -> None:
    sync_api = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-{width}.png"
    result = _open(sync_api, (demo_run.report_dir / "index.html").as_uri(), width, shot)
    assert result["errors"] == [] and result["failed"] == []
    assert all(result["visible"].values()), result["visible"]
    assert not result["overflow"], "page is wider than the viewport"
    assert shot.stat().st_size < 500_000
    for name in ("remakes.html", "critics.html", "films.html", "quality.html"):
        other = _open(sync_api, (demo_run.report_dir / name).as_uri(), width)
        assert other["errors"] == [] and other["failed"] == [], name
        assert not other["overflow"], f"{name} is wider than the viewport"
        # phones too: chart labels stay readable, wide tables scroll inside their card
        assert other["clipped_tables"] == 0, name
        assert other["untitled_charts"] == 0 and other["wrapped_cis"] == 0, name
        if name != "quality.html":
            assert other["label_px"] >= 11, (name, other["label_px"])


def test_hostile_report_executes_nothing(hostile_report: Path) -> None:
    sync_api = _browser()
    for page in PAGES:
        result = _open(sync_api, (hostile_report / page).as_uri(), 1280)
        assert result["pwned"] is None, page
        assert result["failed"] == [], page


def test_quality_page_lists_the_latest_rejects_with_links(demo_run) -> None:
    """The demo's robots.txt-disallowed pages, one row each with the reason and a link."""
    page = (demo_run.report_dir / "quality.html").read_text(encoding="utf-8")
    section = page.split('id="recent-reject-table"', 1)[1].split("</table>", 1)[0]
    assert section.count("<tr>") - 1 == 5  # header row + the 5 disallowed pages
    assert section.count("robots_disallowed") == 5 and section.count('<a href="http') == 5


def test_empty_blocks_say_why_they_are_empty(tmp_path: Path) -> None:
    """A warehouse with no ratings: every block explains what would fill it."""
    from criticdb.dashboards.report import build_report
    from criticdb.warehouse.db import connect

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    build_report(db, tmp_path / "report")
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert index.count("films are ranked once at least two critics have rated them") == 2
    assert "No remake pair has ratings on both sides yet" in index
    remakes = (tmp_path / "report" / "remakes.html").read_text(encoding="utf-8")
    assert "Nothing to draw yet" in remakes
    critics = (tmp_path / "report" / "critics.html").read_text(encoding="utf-8")
    assert "No critic can be compared yet" in critics
    assert "No critic has rated both an original and its remake yet" in critics
