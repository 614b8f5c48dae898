"""Reads the sources TOML file into typed settings (documented in README, "Sources file")."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cssselect import SelectorError

from criticdb.common.errors import ConfigError
from criticdb.scrapers.extract.site_rules import SELECTOR_FIELDS, SiteRules, compile_selector

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
    max_connections: int = 64  # requests in flight across all hosts of a crawl shard
    crawl_shards: int = 4  # Prefect crawl tasks; every host of a shard crawls at once
    sitemap_max_depth: int = 3  # how deep sitemap indexes of indexes are followed
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
    rules: SiteRules = field(default_factory=SiteRules)  # selectors, default critic, scale

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()


@dataclass(frozen=True)
class SourcesConfig:
    crawl: CrawlSettings
    sites: tuple[Site, ...]
    path: Path | None = None
    enrich: EnrichSettings = field(default_factory=EnrichSettings)
    catalogue: Path | None = None  # a film catalogue CSV; none means no seed films
    shipped_catalogue: bool = True  # the shipped remake catalogue; `catalogue = false`: off


SITE_KEYS = ("name", "base_url", "review_pattern", "sources", "delay_seconds", "concurrency",
             "critic", "rating_scale", "rating_map", "extract")
NUMBER = r"-?\d+(?:\.\d+)?"
RATING_SCALE = re.compile(rf"^(?:out_of_{NUMBER}|letter|stars|range_{NUMBER}_{NUMBER})$")
SOURCE_KEYS = ("kind", "url", "urls", "link_selector", "next_selector", "max_pages")
TOP_KEYS = ("crawl", "enrich", "sites", "catalogue")


def _check_keys(found: object, known: tuple[str, ...] | set[str], where: str,
                path: Path | None = None) -> None:
    """Unknown keys are typos far more often than intent: name them, with a guess."""
    if not isinstance(found, dict):
        raise ConfigError(f"{where} must be a table" + (f" in {path}" if path else ""))
    for key in found:
        if key not in known:
            guess = difflib.get_close_matches(key, list(known), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else f"; known keys: {sorted(known)}"
            raise ConfigError(f"unknown key '{key}' in {where}" +
                              (f" of {path}" if path else "") + hint)


def _site(raw: dict, index: int) -> Site:
    _check_keys(raw, SITE_KEYS, f"sites[{index}]")
    for key in ("name", "base_url", "review_pattern", "sources"):
        if key not in raw:
            raise ConfigError(f"sites[{index}] needs '{key}'")
    sources = []
    for j, src in enumerate(raw["sources"]):
        _check_keys(src, SOURCE_KEYS, f"sites[{index}].sources[{j}]")
        if src.get("kind") not in SOURCE_KINDS:
            raise ConfigError(f"sites[{index}].sources[{j}].kind must be one of {SOURCE_KINDS}")
        urls = src.get("urls") if src["kind"] == "urls" else None
        for url in urls or [src.get("url", "")]:
            if not url:
                raise ConfigError(f"sites[{index}].sources[{j}] needs 'url'")
            sources.append(Source(src["kind"], url, src.get("link_selector", "a"),
                                  src.get("next_selector", ""), int(src.get("max_pages", 50))))
    base = urlsplit(str(raw["base_url"]))
    if base.scheme not in ("http", "https") or not base.netloc:
        raise ConfigError(f"sites[{index}].base_url {raw['base_url']!r} must be an http(s) URL "
                          "with a host, e.g. 'https://reviews.example/'")
    try:
        re.compile(raw["review_pattern"])
    except (re.error, TypeError) as exc:
        raise ConfigError(f"sites[{index}].review_pattern {raw['review_pattern']!r} is not a "
                          f"valid regular expression: {exc}") from exc
    return Site(raw["name"], raw["base_url"].rstrip("/") + "/", tuple(sources),
                raw["review_pattern"], raw.get("delay_seconds"), raw.get("concurrency"),
                _rules(raw, index))


def _rules(raw: dict, index: int) -> SiteRules:
    where = f"sites[{index}]"
    critic = raw.get("critic")
    if critic is not None and (not isinstance(critic, str) or not critic.strip()):
        raise ConfigError(f"{where}.critic must be a name")
    scale = raw.get("rating_scale")
    if scale is not None and not (isinstance(scale, str) and RATING_SCALE.match(scale)):
        raise ConfigError(f"{where}.rating_scale {scale!r} is not one of out_of_N, letter, "
                          "stars, range_W_B (e.g. 'out_of_10')")
    rating_map = raw.get("rating_map", {})
    if not isinstance(rating_map, dict):
        raise ConfigError(f"{where}.rating_map must be a table of rating = score (0-100)")
    for text, score in rating_map.items():
        if (not text.strip() or isinstance(score, bool) or not isinstance(score, int | float)
                or not 0 <= score <= 100):
            raise ConfigError(f"{where}.rating_map: {text!r} = {score!r}: each rating as the "
                              "site writes it needs a score from 0 to 100")
    selectors = raw.get("extract", {})
    _check_keys(selectors, SELECTOR_FIELDS, f"{where}.extract")
    for field_name, css in selectors.items():
        try:
            compile_selector(css)
        except (SelectorError, TypeError) as exc:
            raise ConfigError(f"{where}.extract.{field_name}: {css!r} is not a CSS selector "
                              f"({exc})") from exc
    return SiteRules(tuple(selectors.items()), critic.strip() if critic else None, scale,
                     tuple((" ".join(k.split()), float(v)) for k, v in rating_map.items()))


def load_sources(path: Path) -> SourcesConfig:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"sources file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"sources file {path} is not valid TOML: {exc}") from exc
    _check_keys(raw, TOP_KEYS, "the top level", path)
    crawl_raw = raw.get("crawl", {})
    _check_keys(crawl_raw, set(CrawlSettings.__dataclass_fields__), "[crawl]", path)
    sites = tuple(_site(s, i) for i, s in enumerate(raw.get("sites", [])))
    if not sites:
        raise ConfigError(f"{path} defines no [[sites]]")
    names = [s.name for s in sites]
    if len(set(names)) != len(names):
        raise ConfigError(f"site names must be unique in {path}")
    enrich_raw = raw.get("enrich", {})
    _check_keys(enrich_raw, set(EnrichSettings.__dataclass_fields__), "[enrich]", path)
    catalogue = raw.get("catalogue")
    if catalogue is not None and not isinstance(catalogue, (str, bool)):
        raise ConfigError(f"'catalogue' in {path} must be a file name (a string), or false "
                          f"to turn off the catalogue shipped with criticdb")
    shipped = catalogue is not False
    catalogue = catalogue if isinstance(catalogue, str) else None
    catalogue_path = (Path(path).parent / catalogue).resolve() if catalogue else None
    if catalogue_path is not None and not catalogue_path.is_file():
        raise ConfigError(f"catalogue file not found: {catalogue_path} (named in {path})")
    return SourcesConfig(CrawlSettings(**crawl_raw), sites, Path(path),
                         EnrichSettings(**enrich_raw), catalogue_path, shipped)
