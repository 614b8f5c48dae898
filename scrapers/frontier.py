"""The crawl frontier: every host of a shard crawled at once, each within its own slot.

Scrapy's downloader model: a slot per host holds that host's politeness (delay, robots
Crawl-delay, concurrency; `HostRateLimiter` and each site's fetch pool), and one bounded pool
of connections serves all slots together, so a crawl's wall time is set by its slowest
host's politeness rather than by a worker count. Here each host's queue (discovery, then its
pages) runs on its own thread, mostly asleep between polite requests; a shared semaphore
caps the requests in flight across hosts at `max_connections`.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import CrawlSettings, Site
from criticdb.scrapers.crawl import SiteCrawl, crawl_site
from criticdb.scrapers.fetch import PriorIndex
from criticdb.scrapers.journal import FetchJournal

ProgressFactory = Callable[[str], Callable[[int, int], None] | None]


def shards(sites: list[Site], n: int) -> list[list[Site]]:
    """Hosts split into at most `n` stable shards (one Prefect task each; Dask spreads
    them over workers). A host always lands in the same shard."""
    n = max(1, min(n, len(sites)))
    out: list[list[Site]] = [[] for _ in range(n)]
    for site in sites:
        out[zlib.crc32(site.host.encode()) % n].append(site)
    return [s for s in out if s]


def crawl_sites(sites: list[Site], settings: CrawlSettings, archive: RawArchive,
                priors: dict[str, PriorIndex], run_id: str,
                progress: ProgressFactory | None = None) -> list[SiteCrawl]:
    """Crawl every site at once, each in its own politeness slot; results in site order."""
    connections = threading.BoundedSemaphore(max(1, settings.max_connections))
    journal_dir = Path(archive.journal_dir)
    # made here, in the caller's thread: progress reporters capture its (Prefect) context
    reporters = {s.name: progress(s.name) if progress else None for s in sites}

    def one(site: Site) -> SiteCrawl:
        return crawl_site(site, settings, archive, priors.get(site.host, PriorIndex({})),
                          FetchJournal(journal_dir, run_id, site.name), reporters[site.name],
                          connections)

    if not sites:
        return []
    with ThreadPoolExecutor(max_workers=len(sites), thread_name_prefix="host") as pool:
        return list(pool.map(one, sites))
