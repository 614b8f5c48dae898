"""Reads the sources TOML file into typed settings (documented in README, "Sources file")."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scrapers.errors import ConfigError

DEFAULT_USER_AGENT = "criticdb/0.1 (+https://github.com/criticdb/criticdb; film review research)"
SOURCE_KINDS = ("sitemap", "feed", "listing", "urls")


@dataclass(frozen=True)
class CrawlSettings:
    user_agent: str = DEFAULT_USER_AGENT
    delay_seconds: float = 1.0
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff_seconds: float = 0.5
    obey_robots: bool = True
    concurrent_requests_per_host: int = 1  # Scrapy's CONCURRENT_REQUESTS_PER_DOMAIN
    revisit_after_days: float = 7.0  # re-validate even when the sitemap lastmod says unchanged


@dataclass(frozen=True)
class EnrichSettings:
    wikidata: bool = False  # off by default: a run never calls Wikidata unless asked
    wikidata_endpoint: str = "https://query.wikidata.org/sparql"
    max_age_days: float = 30.0


@dataclass(frozen=True)
class Source:
    """One way of discovering a site's review pages."""

    kind: str
    url: str
    link_selector: str = "a"
    next_selector: str = ""
    max_pages: int = 50


@dataclass(frozen=True)
class Site:
    name: str
    base_url: str
    sources: tuple[Source, ...]
    review_pattern: str
    delay_seconds: float | None = None
    concurrency: int | None = None  # per-site override of concurrent_requests_per_host
    serve_from: Path | None = None  # demo only: a directory the built-in server publishes

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()


@dataclass(frozen=True)
class SourcesConfig:
    crawl: CrawlSettings
    sites: tuple[Site, ...]
    path: Path | None = None
    enrich: EnrichSettings = field(default_factory=EnrichSettings)


def _site(raw: dict, root: Path, index: int) -> Site:
    for key in ("name", "base_url", "review_pattern", "sources"):
        if key not in raw:
            raise ConfigError(f"sites[{index}] needs '{key}'")
    sources = []
    for j, src in enumerate(raw["sources"]):
        if src.get("kind") not in SOURCE_KINDS:
            raise ConfigError(f"sites[{index}].sources[{j}].kind must be one of {SOURCE_KINDS}")
        urls = src.get("urls") if src["kind"] == "urls" else None
        for url in urls or [src.get("url", "")]:
            if not url:
                raise ConfigError(f"sites[{index}].sources[{j}] needs 'url'")
            sources.append(Source(src["kind"], url, src.get("link_selector", "a"),
                                  src.get("next_selector", ""), int(src.get("max_pages", 50))))
    serve = raw.get("serve_from")
    return Site(raw["name"], raw["base_url"].rstrip("/") + "/", tuple(sources),
                raw["review_pattern"], raw.get("delay_seconds"), raw.get("concurrency"),
                (root / serve).resolve() if serve else None)


def load_sources(path: Path) -> SourcesConfig:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"sources file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"sources file {path} is not valid TOML: {exc}") from exc
    crawl_raw = raw.get("crawl", {})
    known = set(CrawlSettings.__dataclass_fields__)
    unknown = set(crawl_raw) - known
    if unknown:
        raise ConfigError(f"unknown [crawl] keys in {path}: {sorted(unknown)}")
    sites = tuple(_site(s, Path(path).parent, i) for i, s in enumerate(raw.get("sites", [])))
    if not sites:
        raise ConfigError(f"{path} defines no [[sites]]")
    names = [s.name for s in sites]
    if len(set(names)) != len(names):
        raise ConfigError(f"site names must be unique in {path}")
    enrich_raw = raw.get("enrich", {})
    unknown = set(enrich_raw) - set(EnrichSettings.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"unknown [enrich] keys in {path}: {sorted(unknown)}")
    return SourcesConfig(CrawlSettings(**crawl_raw), sites, Path(path),
                         EnrichSettings(**enrich_raw))
