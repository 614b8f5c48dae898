"""Sitemaps by the protocol's limits: larger than a page may be, gzip'd, indexed, streamed."""

from __future__ import annotations

import gzip
from pathlib import Path

from criticdb.demo.server import DemoServer
from criticdb.scrapers.config import CrawlSettings, Site, Source
from criticdb.scrapers.discover import discover_site
from criticdb.scrapers.fetch import Fetcher

ORIGIN = "http://big.invalid"
N = 60_000  # over the 50,000 a single file may hold only in total, spread over two files


def _urlset(start: int, stop: int, origin: str = ORIGIN) -> bytes:
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{origin}/reviews/a-rather-long-film-title-number-{i:06d}/"
                      f"</loc><lastmod>2024-03-01</lastmod></url>" for i in range(start, stop))
            + "</urlset>").encode()


def _site_with_index(tmp_path: Path, *children: str) -> Path:
    """A site folder with robots.txt and a sitemap index listing `children` (paths)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{ORIGIN}/{c}</loc></sitemap>" for c in children)
        + "</sitemapindex>")
    return root


def test_a_big_gzipped_sitemap_index_is_read_past_the_page_cap(tmp_path: Path) -> None:
    root = _site_with_index(tmp_path, "part1.xml", "part2.xml.gz")
    first = _urlset(0, N // 2)
    assert len(first) > 3 * 1024 * 1024  # bigger than the page cap used below
    (root / "part1.xml").write_bytes(first)
    with DemoServer({"big": (root, ORIGIN, 0)}) as server:
        origin = server.sites["big"].origin
        # gzip'd bytes are not rewritten by the server: written with the real origin
        (root / "part2.xml.gz").write_bytes(gzip.compress(_urlset(N // 2, N, origin)))
        site = Site("Big", origin + "/", (Source("sitemap", "/sitemap.xml"),), "^/reviews/")
        settings = CrawlSettings(delay_seconds=0.0, max_body_bytes=3 * 1024 * 1024)
        found = discover_site(site, Fetcher(settings, {site.host}))
    assert found.rejects == []
    assert len(found.urls) == N and found.pages[found.urls[-1]] == "2024-03-01"


def test_one_broken_child_sitemap_loses_only_its_own_urls(tmp_path: Path) -> None:
    """Discovery streams entries as they are parsed: a child that 404s is a reject, and the
    URLs its siblings listed before it are still crawled."""
    root = _site_with_index(tmp_path, "part1.xml", "missing.xml")
    (root / "part1.xml").write_bytes(_urlset(0, 5))
    with DemoServer({"big": (root, ORIGIN, 0)}) as server:
        origin = server.sites["big"].origin
        site = Site("Big", origin + "/", (Source("sitemap", "/sitemap.xml"),), "^/reviews/")
        found = discover_site(site, Fetcher(CrawlSettings(delay_seconds=0.0), {site.host}))
    assert len(found.urls) == 5
    assert [(r.reason, r.url.rsplit("/", 1)[-1]) for r in found.rejects] == [
        ("http_404", "missing.xml")]
