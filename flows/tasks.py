"""Prefect tasks of the review pipeline: each wraps one plain function (remove the
decorator and the code still works) with the retry and caching rules of its stage."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from criticdb.dashboards.artifacts import FetchProgress
from criticdb.dashboards.report import build_report
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import CrawlSettings, EnrichSettings, Site
from criticdb.scrapers.crawl import SiteCrawl
from criticdb.scrapers.extract.site_rules import SiteRules
from criticdb.scrapers.extract_pages import ExtractBatch, extract_pages
from criticdb.scrapers.fetch import PriorIndex
from criticdb.scrapers.frontier import crawl_sites
from criticdb.scrapers.retry_policy import retry_transient_only
from criticdb.scrapers.wikidata import WikidataClient
from criticdb.transforms.normalise import normalise
from criticdb.transforms.wikidata import FilmEnrichment, parse_bindings


@task(name="crawl-shard", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5,
      retry_condition_fn=retry_transient_only)
def crawl_shard_task(sites: list[Site], settings: CrawlSettings, archive_root: str,
                     priors: dict[str, PriorIndex], run_id: str) -> list[SiteCrawl]:
    """Every host of one shard at once, each within its politeness slot (the frontier)."""
    return crawl_sites(sites, settings, RawArchive(Path(archive_root)), priors, run_id,
                       FetchProgress)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_task(items: list[tuple[str, str, str, str]], archive_root: str, run_id: str,
                 rules: dict[str, SiteRules]) -> ExtractBatch:
    return extract_pages(items, RawArchive(Path(archive_root)), run_id, rules)


@task(name="enrich-wikidata", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30,
      retry_condition_fn=retry_transient_only)
def enrich_task(settings: EnrichSettings, cache_dir: str, imdb_ids: list[str]
                ) -> dict[str, FilmEnrichment]:
    client = WikidataClient(Path(cache_dir), settings.wikidata_endpoint,
                            max_age_days=settings.max_age_days)
    return parse_bindings(client.films(imdb_ids))


normalise_task = task(normalise, name="normalise", cache_policy=NO_CACHE)
report_task = task(build_report, name="report", cache_policy=NO_CACHE)
