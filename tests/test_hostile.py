"""Hostile pages and environments: SSRF links, SQL in titles, full or read-only disks,
a corrupted archive, and fuzzed ratings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criticdb.common.records import ExtractedReview
from criticdb.demo import DEMO_CATALOGUE
from criticdb.demo.server import DemoServer
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import CrawlSettings, Site, Source
from criticdb.scrapers.crawl import crawl_site
from criticdb.transforms.catalogue import load_catalogue
from criticdb.transforms.errors import RatingError
from criticdb.transforms.normalise import ExtractionRow, normalise
from criticdb.transforms.ratings import to_score
from criticdb.warehouse.db import connect
from criticdb.warehouse.load import replace_entities
from tests.servers.faults import FaultServer

REPO = Path(__file__).resolve().parent.parent
SQL_TITLE = "'); DROP TABLE reviews; --"


def test_links_to_internal_addresses_are_never_fetched(tmp_path: Path) -> None:
    with FaultServer() as other:
        root = tmp_path / "site"
        (root / "list").mkdir(parents=True)
        (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        (root / "list" / "index.html").write_text(
            "<a href='http://169.254.169.254/latest/meta-data/'>a</a>"
            f"<a href='{other.origin}/good/1'>b</a><a href='file:///etc/passwd'>c</a>"
            "<a href='http://[::1]:22/'>d</a><a href='/r/ok'>e</a>")
        with DemoServer({"s": (root, "http://127.0.0.1:9", 0)}) as demo:
            origin = demo.sites["s"].origin
            site = Site("s", origin + "/", (Source("listing", "/list/", "a"),), ".")
            crawl = crawl_site(site, CrawlSettings(delay_seconds=0, retries=0),
                               RawArchive(tmp_path / "a"), {})
        assert other.log == []  # the other local server saw nothing
        reasons = sorted(r.reason for r in crawl.rejects if r.stage == "discover")
        assert reasons == ["private_address", "private_address", "private_address",
                           "scheme_not_allowed"]


def test_sql_in_scraped_values_stays_data(tmp_path: Path) -> None:
    record = ExtractedReview(url="https://x.example/r", film_title=SQL_TITLE, film_year=2020,
                             critic="Robert'); DROP TABLE critics; --", body_text=SQL_TITLE)
    entities = normalise([ExtractionRow(record.url, "Pub", "", "sha", record)],
                         load_catalogue(DEMO_CATALOGUE))
    con = connect(tmp_path / "w.duckdb")
    replace_entities(con, {t: getattr(entities, t) for t in
                           ("films", "critics", "publications", "reviews", "film_relations")})
    assert con.execute("SELECT title FROM films WHERE year = 2020").fetchall() == [(SQL_TITLE,)]
    assert con.execute("SELECT count(*) FROM reviews").fetchall() == [(1,)]
    con.close()


def test_no_sql_is_composed_from_values() -> None:
    """Grep-level: every f-string handed to execute() is marked as built from constants."""
    offenders = []
    for path in [*REPO.glob("flows/*.py"), *REPO.glob("scrapers/**/*.py"),
                 *REPO.glob("transforms/*.py"), *REPO.glob("warehouse/*.py"),
                 *REPO.glob("dashboards/*.py")]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"""execute\(\s*f["']|=\s*f["'](SELECT|INSERT|DELETE|UPDATE|CREATE)""",
                         line, re.I) and not re.search(r"noqa:.*S608", line):
                offenders.append(f"{path.relative_to(REPO)}:{n}")
    assert offenders == []


@given(st.text(max_size=12), st.sampled_from(["out_of_4", "out_of_5", "out_of_10", "letter",
                                              "stars", "binary", "range_-5_5", "", "bogus"]))
@settings(max_examples=300, deadline=None)
def test_rating_parser_only_ever_raises_rating_error(raw: str, scale: str) -> None:
    try:
        score = to_score(raw, scale)
    except RatingError:
        return
    assert 0 <= score <= 100


def _cli(args: list[str], env: dict) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "criticdb.flows.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300, cwd=REPO)


@pytest.fixture()
def tiny_mount(tmp_path: Path, demo_run):
    """A real tmpfs just big enough for the published warehouse, so the working copy cannot
    fit; needs mount rights (root here and in CI). Elsewhere the tests skip and say why."""
    point = tmp_path / "mnt"
    point.mkdir()
    size = os.path.getsize(demo_run.db.with_name("after_first.duckdb")) + 256 * 1024
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                        capture_output=True)
    if ok.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {ok.stderr.decode().strip()}")
    yield point
    subprocess.run(["umount", str(point)], check=False)


@pytest.mark.parametrize("fault", ["disk_full", "read_only"])
def test_storage_faults_fail_clearly_and_keep_the_published_warehouse(
        fault: str, prefect_server, demo_sites, demo_run, tiny_mount: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    published = demo_run.db.with_name("after_first.duckdb")
    db = tiny_mount / "criticdb.duckdb"
    shutil.copyfile(published, db)  # the mount has no room left for a working copy
    if fault == "read_only":
        subprocess.run(["mount", "-o", "remount,ro", str(tiny_mount)], check=True)
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    out = _cli(["run", "--sources", str(demo_sites.sources), "--db", str(db),
                "--archive-dir", str(tiny_mount.parent / "archive"),
                "--report-dir", str(tiny_mount.parent / "report")], env)
    assert out.returncode == 1, out.stderr[-2000:]
    assert str(tiny_mount) in out.stderr and "Traceback" not in out.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM reviews").fetchall() == [(64,)]
    con.close()
    assert sorted(p.name for p in tiny_mount.iterdir()) == ["criticdb.duckdb"]  # no debris


def test_a_corrupted_archive_file_is_a_reject_naming_it(prefect_server, demo_sites, demo_run,
                                                       tmp_path: Path) -> None:
    from criticdb.flows.pipeline import review_pipeline
    from criticdb.scrapers.archive import RawArchive

    archive = tmp_path / "archive"
    shutil.copytree(RawArchive.beside(demo_run.db), archive)
    victim = sorted(archive.rglob("*.gz"))[0]
    victim.write_bytes(b"not gzip at all")
    db = tmp_path / "w.duckdb"
    shutil.copyfile(demo_run.db, db)
    summary = review_pipeline(sources=str(demo_sites.sources), db=str(db),
                              report_dir=str(tmp_path / "r"), archive_dir=str(archive),
                              crawl=False)
    assert summary.counts["extracted"] == 63
    con = duckdb.connect(str(db), read_only=True)
    detail = con.execute("SELECT detail FROM rejects WHERE reason = 'archive_unreadable'"
                         ).fetchall()
    con.close()
    assert len(detail) == 1 and str(victim) in detail[0][0]


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_cannot_reach_beyond_loopback() -> None:
    """pytest-socket (pyproject addopts) blocks every connection that is not loopback."""
    import socket

    from pytest_socket import SocketConnectBlockedError

    with pytest.raises(SocketConnectBlockedError), \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
