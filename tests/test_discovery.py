"""Discovery: sitemaps (index, nested, gzip), feeds, listings, canonical URLs, scope, XML bombs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from criticdb.demo.server import DemoServer
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.canonical import canonical_url
from criticdb.scrapers.config import CrawlSettings, Site, Source
from criticdb.scrapers.crawl import crawl_site
from criticdb.scrapers.discover import discover_site
from criticdb.scrapers.fetch import Fetcher
from criticdb.scrapers.urls import canonicalise, scope_violation

SETTINGS = CrawlSettings(delay_seconds=0.0, retries=0, read_timeout=2.0)
ORIGIN = "http://127.0.0.1:9999"  # files are written with this origin; the server rewrites it
SM = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset><url><loc>&lol3;</loc></url></urlset>"""
XXE = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>&x;</loc></url></urlset>"""


def _write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


@pytest.fixture()
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for i in range(1, 5):
        _write(root, f"r/{i}/index.html", f"<html><head><link rel='canonical' href='{ORIGIN}"
               f"/r/{i}/'></head><body><p>review {i}</p></body></html>")
    _write(root, "robots.txt", "User-agent: *\nDisallow: /hidden/\n")
    _write(root, "sitemap.xml", f'<?xml version="1.0"?><sitemapindex {SM}>'
           f"<sitemap><loc>{ORIGIN}/sm-a.xml</loc></sitemap>"
           f"<sitemap><loc>{ORIGIN}/sm-b.xml.gz</loc></sitemap></sitemapindex>")
    _write(root, "sm-a.xml", f'<urlset {SM}><url><loc>{ORIGIN}/r/1/</loc>'
           f"<lastmod>2024-01-01</lastmod></url><url><loc>{ORIGIN}/r/1/?utm_source=x#top"
           f"</loc></url><url><loc>http://169.254.169.254/latest/</loc></url>"
           f"<url><loc>file:///etc/passwd</loc></url><url><loc>http://127.0.0.1:1/r/9/"
           f"</loc></url><url><loc>{ORIGIN}/about/</loc></url></urlset>")
    _write(root, "atom.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
           f'<link href="{ORIGIN}/r/3/"/></entry></feed>')
    _write(root, "list/index.html", "<a class='x' href='/r/4/'>4</a><a class='next' "
           "href='/list/page/2/'>next</a>")
    _write(root, "list/page/2/index.html", f"<a class='x' href='{ORIGIN}/r/1/'>1</a>"
           "<a class='x' href='http://evil.example/r/5/'>5</a>")
    _write(root, "bomb.xml", BILLION_LAUGHS)
    _write(root, "xxe.xml", XXE)
    return root


def _site(origin: str, *sources: Source) -> Site:
    return Site("t", origin + "/", sources, r"^/r/\d+/$")


def test_every_source_kind_and_scope(site_root: Path) -> None:
    with DemoServer({"t": (site_root, ORIGIN, 0)}) as demo:
        origin = demo.sites["t"].origin
        # compressed bytes cannot be origin-rewritten by the server: written for this port
        _write(site_root, "sm-b.xml.gz", gzip.compress(
            f'<urlset {SM}><url><loc>{origin}/r/2/</loc></url></urlset>'.encode()))
        site = _site(origin, Source("sitemap", "/sitemap.xml"), Source("feed", "/atom.xml"),
                     Source("listing", "/list/", "a.x", "a.next"),
                     Source("urls", "/r/2/#frag"))
        found = discover_site(site, Fetcher(SETTINGS, {site.host}))
    assert found.urls == [f"{origin}/r/{i}/" for i in (1, 2, 3, 4)]
    reasons = {r.url: r.reason for r in found.rejects}
    assert reasons == {"http://169.254.169.254/latest/": "private_address",
                       "file:///etc/passwd": "scheme_not_allowed",
                       "http://127.0.0.1:1/r/9/": "private_address",
                       "http://evil.example/r/5/": "host_out_of_scope"}


@pytest.mark.parametrize("doc", ["/bomb.xml", "/xxe.xml"])
def test_xml_entity_attacks_are_rejected(site_root: Path, doc: str) -> None:
    with DemoServer({"t": (site_root, ORIGIN, 0)}) as demo:
        site = _site(demo.sites["t"].origin, Source("sitemap", doc))
        found = discover_site(site, Fetcher(SETTINGS, {site.host}))
    assert found.urls == []
    assert [r.reason for r in found.rejects] == ["xml_rejected"]


def test_canonical_link_decides_the_page_url(site_root: Path, tmp_path: Path) -> None:
    _write(site_root, "r/1/print/index.html",
           f"<html><head><link href='{ORIGIN}/r/1/' rel=\"canonical\"></head></html>")
    with DemoServer({"t": (site_root, ORIGIN, 0)}) as demo:
        origin = demo.sites["t"].origin
        site = Site("t", origin + "/", (Source("urls", "/r/1/print/"), Source("urls", "/r/1/")),
                    r"^/r/")
        crawl = crawl_site(site, SETTINGS, RawArchive(tmp_path / "a"), {})
    assert [(r.url, r.requested_url) for r in crawl.results] == [
        (f"{origin}/r/1/", f"{origin}/r/1/print/")]


@pytest.mark.parametrize(("raw", "canonical"), [
    ("HTTP://Example.COM:80/a/b?utm_source=x&b=2&a=1#frag", "http://example.com/a/b?a=1&b=2"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com:8443/x?fbclid=1", "https://example.com:8443/x"),
])
def test_canonicalise(raw: str, canonical: str) -> None:
    assert canonicalise(raw) == canonical


def test_canonical_url_ignores_foreign_hosts() -> None:
    body = b"<link rel=canonical href='https://other.example/x'>"
    assert canonical_url(body, "https://a.example/y", {"a.example"}) is None
    assert scope_violation("ftp://a.example/x", {"a.example"}) == "scheme_not_allowed"


def test_only_a_canonical_link_in_the_head_counts() -> None:
    head = b"<html><head><link rel='canonical' href='/real/'></head><body>"
    assert canonical_url(head + b"</body>", "https://a.example/y", {"a.example"}) == (
        "https://a.example/real/")
    in_body = b"<html><head></head><body><link rel=canonical href='/elsewhere/'></body>"
    assert canonical_url(in_body, "https://a.example/y", {"a.example"}) is None


def test_a_review_pattern_matching_nothing_says_what_was_seen(demo_sites) -> None:
    from dataclasses import replace

    from criticdb.scrapers.config import CrawlSettings, load_sources
    from criticdb.scrapers.discover import discover_site
    from criticdb.scrapers.fetch import Fetcher

    site = replace(load_sources(demo_sites.sources).sites[3], review_pattern="^/typo/")
    found = discover_site(site, Fetcher(CrawlSettings(delay_seconds=0.0), {site.host}))
    assert found.urls == []
    (reject,) = [r for r in found.rejects if r.reason == "review_pattern_matched_none"]
    assert reject.detail.endswith("0 matched review_pattern '^/typo/'")
    assert " sitemap URLs" in reject.detail
