"""Fetches one site's discovered pages into the archive, turning failures into rejects."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from scrapers.archive import RawArchive
from scrapers.config import CrawlSettings, Site
from scrapers.discover import discover_site
from scrapers.errors import FetchError
from scrapers.fetch import Fetcher, FetchResult, PriorFetch
from scrapers.rejects import Reject


@dataclass
class SiteCrawl:
    site: str
    discovered: int = 0
    results: list[FetchResult] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def site_settings(site: Site, settings: CrawlSettings) -> CrawlSettings:
    out = settings
    if site.delay_seconds is not None:
        out = replace(out, delay_seconds=site.delay_seconds)
    if site.concurrency is not None:
        out = replace(out, concurrent_requests_per_host=site.concurrency)
    return out


def crawl_site(site: Site, settings: CrawlSettings, archive: RawArchive,
               priors: dict[str, PriorFetch]) -> SiteCrawl:
    """Discover, then fetch every review URL of one site within its politeness limits."""
    settings = site_settings(site, settings)
    fetcher = Fetcher(settings, {site.host}, archive)
    found = discover_site(site, fetcher)
    out = SiteCrawl(site.name, discovered=len(found.urls), rejects=list(found.rejects))

    def fetch(url: str) -> FetchResult | Reject:
        try:
            return fetcher.fetch_page(url, priors.get(url))
        except FetchError as exc:
            return Reject.from_fetch_error("fetch", exc)

    workers = max(1, settings.concurrent_requests_per_host)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
        outcomes = list(pool.map(fetch, found.urls))
    seen: set[str] = set()
    for outcome in outcomes:
        if isinstance(outcome, Reject):
            out.rejects.append(outcome)
        elif outcome.url not in seen:  # two links, one canonical page: keep the first
            seen.add(outcome.url)
            out.results.append(outcome)
    return out
