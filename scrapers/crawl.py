"""Fetches one site's discovered pages into the archive, turning failures into rejects."""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapers.archive import RawArchive
from scrapers.config import CrawlSettings, Site
from scrapers.discover import Discovery, discover_site
from scrapers.errors import FetchError
from scrapers.fetch import Fetcher, FetchResult, PriorFetch
from scrapers.rejects import Reject


@dataclass
class SiteCrawl:
    site: str
    discovered: int = 0
    results: list[FetchResult] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def fetcher_for(site: Site, settings: CrawlSettings, archive: RawArchive | None) -> Fetcher:
    fetcher = Fetcher(settings, {site.host}, archive)
    if site.delay_seconds is not None:
        fetcher.limiter = type(fetcher.limiter)(site.delay_seconds)
    return fetcher


def crawl_site(site: Site, settings: CrawlSettings, archive: RawArchive,
               priors: dict[str, PriorFetch]) -> SiteCrawl:
    """Discover, then fetch every review URL of one site, one request at a time."""
    fetcher = fetcher_for(site, settings, archive)
    found: Discovery = discover_site(site, fetcher)
    out = SiteCrawl(site.name, discovered=len(found.urls), rejects=list(found.rejects))
    for url in found.urls:
        try:
            out.results.append(fetcher.fetch_page(url, priors.get(url)))
        except FetchError as exc:
            out.rejects.append(Reject.from_fetch_error("fetch", exc))
    return out
