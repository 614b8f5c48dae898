"""Fetches one site's discovered pages into the archive, turning failures into rejects."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import CrawlFailed, FetchError
from criticdb.common.records import PriorFetch
from criticdb.common.rejects import Reject
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import CrawlSettings, Site
from criticdb.scrapers.discover import discover_site
from criticdb.scrapers.fetch import Fetcher, FetchResult, PriorIndex
from criticdb.scrapers.journal import FetchJournal


@dataclass
class SiteCrawl:
    site: str
    discovered: int = 0
    unchanged_by_lastmod: int = 0  # skipped without a request: sitemap says not modified
    results: list[FetchResult] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """What this site's crawl did, in the run summary's terms: a 304 and a page the
        sitemap's lastmod let us skip are both "not modified"."""
        fetched = sum(1 for r in self.results if r.status != 304)
        return {"discovered": self.discovered, "fetched": fetched,
                "not_modified": len(self.results) - fetched + self.unchanged_by_lastmod,
                "rejected": len(self.rejects)}

    @property
    def failed(self) -> bool:
        """Nothing could be read from the site: every request it needed failed (nothing
        fetched, nothing known unchanged, and errors to say why)."""
        return not self.results and not self.unchanged_by_lastmod and bool(self.rejects)


GONE_STATUSES = (404, 410)


def gone_pages(crawls: list[SiteCrawl]) -> list[tuple[str, int]]:
    """Pages that now answer 404/410: marked gone in the warehouse, their reviews removed."""
    return [(r.url, r.http_status) for c in crawls for r in c.rejects
            if r.stage == "fetch" and r.http_status in GONE_STATUSES]


def crawl_counts(crawls: list[SiteCrawl]) -> tuple[int, int, int]:
    """(discovered, fetched with a body, not modified), summed over the sites."""
    counts = [c.counts for c in crawls]

    def total(key: str) -> int:
        return sum(c[key] for c in counts)

    return total("discovered"), total("fetched"), total("not_modified")


def fail_if_no_site_was_read(crawls: list[SiteCrawl]) -> None:
    """A run in which every site failed is a failed run, not an empty success."""
    if crawls and all(c.failed for c in crawls):
        reasons = sorted({r.reason for c in crawls for r in c.rejects})
        raise CrawlFailed(f"every site failed ({', '.join(reasons)}); nothing was crawled; "
                          "the reasons are in the view last_run_rejects")


def site_settings(site: Site, settings: CrawlSettings) -> CrawlSettings:
    out = settings
    if site.delay_seconds is not None:
        out = replace(out, delay_seconds=site.delay_seconds)
    if site.concurrency is not None:
        out = replace(out, concurrent_requests_per_host=site.concurrency)
    return out


def unchanged_since_fetch(lastmod: str | None, prior: PriorFetch | None,
                          settings: CrawlSettings) -> bool:
    """True when the sitemap's lastmod predates our last fetch, which is recent enough.

    Saves even the conditional request; pages are still re-validated every
    `revisit_after_days`, because sitemaps are not always kept up to date.
    """
    if not lastmod or prior is None or prior.fetched_at is None:
        return False
    try:
        modified = dt.datetime.fromisoformat(lastmod.replace("Z", "+00:00"))
    except ValueError:
        return False
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=dt.UTC)
    fetched = prior.fetched_at if prior.fetched_at.tzinfo else prior.fetched_at.replace(
        tzinfo=dt.UTC)
    age = dt.datetime.now(dt.UTC) - fetched
    return modified < fetched and age < dt.timedelta(days=settings.revisit_after_days)


def crawl_site(site: Site, settings: CrawlSettings, archive: RawArchive,
               priors: PriorIndex | dict[str, PriorFetch],
               journal: FetchJournal | None = None,
               progress: Callable[[int, int], None] | None = None,
               connections: threading.Semaphore | None = None) -> SiteCrawl:
    """Discover, then fetch every review URL of one site within its politeness limits.

    With a journal, every stored fetch is recorded durably as soon as it completes;
    `progress(done, total)` is called after each page (from the fetching threads)."""
    settings = site_settings(site, settings)
    fetcher = Fetcher(settings, {site.host}, archive, connections=connections)
    found = discover_site(site, fetcher)
    out = SiteCrawl(site.name, discovered=len(found.pages), rejects=list(found.rejects))

    done = [0]
    done_lock = threading.Lock()

    def tick() -> None:
        if progress is not None:
            with done_lock:
                done[0] += 1
                n = done[0]
            progress(n, len(todo))

    def fetch(url: str) -> FetchResult | Reject:
        try:
            result = fetcher.fetch_page(url, priors.get(url))
        except FetchError as exc:
            tick()
            return Reject.from_fetch_error("fetch", exc)
        tick()
        if journal is not None and result.status != 304:
            journal.append(result)
        crashpoint("fetch")
        return result

    todo = [u for u, lastmod in found.pages.items()
            if not unchanged_since_fetch(lastmod or None, priors.get(u), settings)]
    out.unchanged_by_lastmod = len(found.pages) - len(todo)
    if not found.rejects and isinstance(priors, PriorIndex):
        # Pages we hold that discovery no longer lists may have been deleted: a conditional
        # GET costs one small request and tells (404/410 marks them gone).
        todo += [u for u in priors.urls() if u not in found.pages]
    workers = max(1, settings.concurrent_requests_per_host)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
        outcomes = list(pool.map(fetch, todo))
    seen: set[str] = set()
    for outcome in outcomes:
        if isinstance(outcome, Reject):
            out.rejects.append(outcome)
        elif outcome.url not in seen:  # two links, one canonical page: keep the first
            seen.add(outcome.url)
            out.results.append(outcome)
    return out
