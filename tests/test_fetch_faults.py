"""The fetcher against a misbehaving server: every fault gets its recorded outcome and the
good pages of the same crawl still land."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import CrawlSettings, Site, Source
from criticdb.scrapers.crawl import crawl_site
from criticdb.scrapers.extract.page import decode_html
from tests.servers.faults import FaultServer

SETTINGS = CrawlSettings(delay_seconds=0.0, connect_timeout=1.0, read_timeout=1.0,
                         retries=2, backoff_seconds=0.01, concurrent_requests_per_host=4)
EXPECTED_REJECTS = {
    "/always-500": ("http_500", 3), "/rate-limited": ("http_429", 3),
    "/missing": ("http_404", 1), "/slow": ("timeout", 3), "/drip": ("timeout", 3),
    "/reset": ("connection_error", 3), "/truncated": ("truncated_body", 3),
    "/loop": ("too_many_redirects", 1), "/offsite": ("redirect_out_of_scope", 1),
    "/huge": ("body_too_large", 1), "/bomb": ("body_too_large", 1),
    "/pdf": ("unsupported_content_type", 1), "/private/page": ("robots_disallowed", 1),
}
GOOD = ["/good/1", "/good/2", "/flaky", "/latin1-labelled-utf8", "/utf8-labelled-latin1"]


def _site(server: FaultServer, paths: list[str], **kw: object) -> Site:
    return Site("faults", server.origin + "/",
                tuple(Source("urls", server.origin + p) for p in paths), ".", **kw)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory):
    with FaultServer() as server, FaultServer() as other:
        server.other_origin = other.origin
        archive = RawArchive(tmp_path_factory.mktemp("archive"))
        started = time.monotonic()
        result = crawl_site(_site(server, GOOD + list(EXPECTED_REJECTS)), SETTINGS, archive, {})
        yield result, server, other, archive, time.monotonic() - started


def test_each_fault_is_recorded_with_its_reason(crawl) -> None:
    result, server, *_ = crawl
    got = {r.url.removeprefix(server.origin): (r.reason, r.attempts) for r in result.rejects}
    assert got == EXPECTED_REJECTS


def test_good_pages_of_the_same_crawl_land(crawl) -> None:
    result, server, _, archive, _ = crawl
    landed = {r.url.removeprefix(server.origin): r for r in result.results}
    assert sorted(landed) == sorted(GOOD)
    assert landed["/flaky"].attempts == 3
    for r in landed.values():
        assert archive.get(r.content_sha256)


def test_charset_is_never_mojibake(crawl) -> None:
    result, server, _, archive, _ = crawl
    for r in result.results:
        if "labelled" in r.url:
            text = decode_html(archive.get(r.content_sha256), r.content_type)
            assert "Café crème, naïve résumé" in text, r.url


def test_limits_hold_and_nothing_out_of_scope_is_requested(crawl) -> None:
    result, server, other, _, elapsed = crawl
    assert other.log == []
    assert server.hits("/private/page") == 0
    assert server.hits("/missing") == 1  # 4xx is never retried
    assert elapsed < 30


def test_conditional_get_costs_no_body(tmp_path: Path) -> None:
    from criticdb.common.records import PriorFetch
    from criticdb.demo.server import DemoServer
    from criticdb.scrapers.fetch import Fetcher

    root = Path(__file__).resolve().parent.parent / "demo" / "sites" / "marquee"
    with DemoServer({"m": (root, "http://127.0.0.1:8702", 0)}) as demo:
        site = demo.sites["m"]
        archive = RawArchive(tmp_path)
        fetcher = Fetcher(SETTINGS, {site.origin.split("//")[1]}, archive)
        url = site.origin + "/reviews/hard-hit-2021/"
        first = fetcher.fetch_page(url)
        prior = PriorFetch(first.url, first.etag, first.last_modified, first.content_sha256)
        again = fetcher.fetch_page(url, prior)
    assert again.status == 304 and again.content_sha256 == first.content_sha256
    assert site.log[-1].headers.get("If-None-Match") == first.etag
    assert len(list(tmp_path.rglob("*.gz"))) == 1


def _crawl_hosts(n_hosts: int, pages_per_host: int, delay: float) -> tuple[float, list]:
    servers = [FaultServer().__enter__() for _ in range(n_hosts)]
    try:
        settings = CrawlSettings(delay_seconds=delay, retries=0)
        sites = [_site(s, [f"/good/{i}" for i in range(pages_per_host)]) for s in servers]
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=n_hosts) as pool:
            list(pool.map(lambda site: crawl_site(site, settings, RawArchive(Path("/tmp") /
                                                   "criticdb-rl-test"), {}), sites))
        return time.monotonic() - started, [s.log for s in servers]
    finally:
        for s in servers:
            s.__exit__()


def test_rate_limit_per_host_and_hosts_in_parallel() -> None:
    delay = 0.15
    one_host, _ = _crawl_hosts(1, 10, delay)
    five_hosts, logs = _crawl_hosts(5, 2, delay)
    for log in logs:
        times = sorted(t for t, _ in log)
        assert all(b - a >= delay * 0.95 for a, b in zip(times, times[1:], strict=False))
    spans = [(min(t for t, _ in log), max(t for t, _ in log)) for log in logs]
    assert max(s for s, _ in spans) < min(e for _, e in spans)  # hosts overlap in time
    # Ideal ratio ~3 (12 vs 4 spaced requests); crawling the hosts one after another would
    # give ~0.6. 2.0 leaves room for fixed start-up costs on a busy machine (2.47 was seen
    # once at a 2.5 threshold), and still fails if hosts are not crawled in parallel.
    assert one_host / five_hosts > 2.0, (one_host, five_hosts)


def test_the_archive_keeps_response_headers_beside_each_body(tmp_path: Path) -> None:
    from criticdb.demo.server import DemoServer
    from criticdb.scrapers.archive import RawArchive
    from criticdb.scrapers.config import CrawlSettings
    from criticdb.scrapers.fetch import Fetcher

    root = Path(__file__).resolve().parent.parent / "demo" / "sites" / "marquee"
    with DemoServer({"m": (root, "http://127.0.0.1:8702", 0)}) as server:
        origin = server.sites["m"].origin
        archive = RawArchive(tmp_path / "raw")
        fetcher = Fetcher(CrawlSettings(delay_seconds=0.0), {origin.split("//")[1]}, archive)
        result = fetcher.fetch_page(f"{origin}/reviews/hard-hit-2021/")
    meta = archive.meta(result.content_sha256)
    assert meta["status"] == 200 and meta["headers"]["etag"] == result.etag
    assert meta["requested_url"] == f"{origin}/reviews/hard-hit-2021/"
