"""Many hosts crawl at the speed politeness allows: all at once, each within its delay."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.many_hosts import generate_site
from criticdb.demo.server import DemoServer
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import load_sources
from criticdb.scrapers.frontier import crawl_sites, shards

HOSTS, PAGES, DELAY = 12, 3, 0.5


def test_twelve_hosts_finish_within_twice_the_politeness_bound(tmp_path: Path) -> None:
    spec = {}
    for i in range(HOSTS):
        root, origin = generate_site(tmp_path / "sites", i, PAGES)
        spec[f"S{i}"] = (root, origin, 0)
    with DemoServer(spec) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(f"[crawl]\ndelay_seconds = {DELAY}\ncrawl_shards = 1\n" + "".join(
            f'[[sites]]\nname = "{n}"\nbase_url = "{s.origin}/"\nreview_pattern = "^/reviews/"\n'
            'sources = [{ kind = "sitemap", url = "/sitemap.xml" }]\n'
            for n, s in server.sites.items()))
        cfg = load_sources(sources)
        started = time.monotonic()
        crawls = crawl_sites(list(cfg.sites), cfg.crawl, RawArchive(tmp_path / "raw"), {},
                             "run-1")
        elapsed = time.monotonic() - started
        logs = {name: [r.at for r in site.log] for name, site in server.sites.items()}
    assert sum(len(c.results) for c in crawls) == HOSTS * PAGES
    # robots.txt, the sitemap, then the pages: 2 + PAGES requests, DELAY apart per host
    bound = (2 + PAGES - 1) * DELAY
    assert elapsed < 2 * bound, f"{elapsed:.2f} s for a politeness bound of {bound:.2f} s"
    for times in logs.values():  # and no host was asked faster than its delay
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= DELAY * 0.9, gaps


def test_shards_are_stable_and_cover_every_host(tmp_path: Path) -> None:
    sources = tmp_path / "s.toml"
    sources.write_text("".join(
        f'[[sites]]\nname = "S{i}"\nbase_url = "https://h{i}.example/"\n'
        'review_pattern = "^/"\nsources = [{ kind = "urls", urls = ["/a"] }]\n'
        for i in range(20)))
    sites = list(load_sources(sources).sites)
    groups = shards(sites, 4)
    assert sorted(s.name for g in groups for s in g) == sorted(s.name for s in sites)
    assert len(groups) <= 4 and groups == shards(sites, 4)
