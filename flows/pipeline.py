"""The `review_pipeline` Prefect flow: discover → fetch → extract → normalise → load →
aggregate → report. Tasks wrap plain functions; the flow only moves data between them."""

from __future__ import annotations

import contextvars
import hashlib
import html
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import CriticdbError, FetchError
from criticdb.common.records import PARSER_VERSION, ExtractedReview
from criticdb.common.rejects import Reject
from criticdb.dashboards.report import build_report
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import (
    CrawlSettings,
    EnrichSettings,
    Site,
    SourcesConfig,
    load_sources,
)
from criticdb.scrapers.crawl import SiteCrawl, crawl_site
from criticdb.scrapers.extract.site_rules import SiteRules
from criticdb.scrapers.extract_pages import ExtractBatch, extract_pages
from criticdb.scrapers.fetch import PriorIndex
from criticdb.scrapers.journal import FetchJournal, read_journals
from criticdb.scrapers.wikidata import WikidataClient
from criticdb.transforms.catalogue import CatalogueFilm, load_catalogue
from criticdb.transforms.normalise import NORMALISE_VERSION, Entities, ExtractionRow, normalise
from criticdb.transforms.wikidata import FilmEnrichment, parse_bindings
from criticdb.warehouse import load, read
from criticdb.warehouse.checks import run_checks
from criticdb.warehouse.db import connect
from criticdb.warehouse.publish import open_working_copy, publish

EXTRACT_BATCH_MIN, EXTRACT_BATCH_MAX = 25, 500  # pages per extract task


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    db: str
    report: str
    counts: dict[str, int]
    remakes: list[dict[str, Any]]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0


def default_archive(db: Path) -> Path:
    return db.with_name(db.stem + ".raw")


class FetchProgress:
    """A Prefect progress artifact per site, updated at most every few seconds."""

    EVERY_SECONDS = 3.0
    MIN_PAGES = 50  # small crawls finish before a progress bar would help

    def __init__(self, site: str) -> None:
        self.site = site
        self.artifact_id = None
        self.last = 0.0
        # fetch threads have no Prefect context: run artifact calls in the task's own
        self.context = contextvars.copy_context()
        self.lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_PAGES:
            return
        with self.lock:
            now = time.monotonic()
            if done < total and now - self.last < self.EVERY_SECONDS:
                return
            self.last = now
            self.context.run(self._publish, round(100.0 * done / total, 1),
                             f"Fetching {self.site}: {done} of {total} pages")

    def _publish(self, pct: float, description: str) -> None:
        if self.artifact_id is None:
            self.artifact_id = create_progress_artifact(pct, description=description)
        else:
            update_progress_artifact(self.artifact_id, pct, description=description)


@task(name="crawl-site", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def crawl_task(site: Site, settings: CrawlSettings, archive_root: str,
               priors: PriorIndex, run_id: str) -> SiteCrawl:
    archive = RawArchive(Path(archive_root))
    journal = FetchJournal(_journal_dir(archive), run_id, site.name)
    return crawl_site(site, settings, archive, priors, journal, FetchProgress(site.name))


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_task(items: list[tuple[str, str, str, str]], archive_root: str,
                 run_id: str, rules: dict[str, SiteRules]) -> ExtractBatch:
    return extract_pages(items, RawArchive(Path(archive_root)), run_id, rules)


@task(name="enrich-wikidata", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30)
def enrich_task(settings: EnrichSettings, cache_dir: str, imdb_ids: list[str]
                ) -> dict[str, FilmEnrichment]:
    client = WikidataClient(Path(cache_dir), settings.wikidata_endpoint,
                            max_age_days=settings.max_age_days)
    return parse_bindings(client.films(imdb_ids))


@task(name="normalise", cache_policy=NO_CACHE)
def normalise_task(rows: list[ExtractionRow], catalogue: list[CatalogueFilm],
                   enrichment: dict[str, FilmEnrichment] | None = None) -> Entities:
    return normalise(rows, catalogue, enrichment)


@task(name="report", cache_policy=NO_CACHE)
def report_task(db: str, report_dir: str) -> str:
    return str(build_report(Path(db), Path(report_dir)))


def _page_rows(crawl: SiteCrawl, archive: RawArchive, run_id: str) -> list[dict[str, Any]]:
    return [{"url": r.url, "requested_url": r.requested_url, "site": crawl.site,
             "final_url": r.final_url, "status": r.status,
             "fetched_at": r.fetched_at, "content_sha256": r.content_sha256,
             "archive_path": str(archive.path_for(r.content_sha256).relative_to(archive.root))
             if r.content_sha256 else None,
             "content_type": r.content_type, "etag": r.etag, "last_modified": r.last_modified,
             "attempts": r.attempts, "first_run_id": run_id, "last_run_id": run_id}
            for r in crawl.results]


def _md(value: object) -> str:
    """Markdown table cell text: film titles can come from scraped pages."""
    return html.escape(str(value)).replace("|", "\\|").replace("\n", " ")


def _remake_markdown(remakes: list[dict[str, Any]]) -> str:
    lines = ["| Original | Remake | Original mean (n) | Remake mean (n) | Difference |",
             "|---|---|---|---|---|"]
    for r in remakes:
        lines.append(f"| {_md(r['original_title'])} ({r['original_year']}) | "
                     f"{_md(r['remake_title'])} ({r['remake_year']}) | {r['original_mean']} "
                     f"({r['original_n']}) | {r['remake_mean']} ({r['remake_n']}) | "
                     f"{r['difference']} |")
    return "\n".join(lines)


@dataclass
class _Run:
    """What one run carries between its stages."""

    cfg: SourcesConfig
    con: Any
    archive: RawArchive
    run_id: str
    counts: dict[str, int] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@contextmanager
def _stage(run: _Run, name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        run.seconds[name] = round(run.seconds.get(name, 0.0) + time.perf_counter() - started, 3)


def _journal_dir(archive: RawArchive) -> Path:
    return archive.root / "journal"


def _recover_journals(run: _Run) -> None:
    """Index fetches a killed run completed but never recorded, before crawling again."""
    for path, entries in read_journals(_journal_dir(run.archive)):
        rows = [row for site, result in entries
                for row in _page_rows(SiteCrawl(site, results=[result]), run.archive,
                                      run.run_id)]
        load.upsert_pages(run.con, rows)
        path.unlink()


def _crawl(run: _Run) -> None:
    logger = get_run_logger()
    priors = PriorIndex(read.prior_fetches(run.con))
    sites = list(run.cfg.sites)
    crawls = crawl_task.map(sites, unmapped(run.cfg.crawl), unmapped(str(run.archive.root)),
                            [priors.for_host(s.host) for s in sites],
                            unmapped(run.run_id)).result()
    page_rows = [row for c in crawls for row in _page_rows(c, run.archive, run.run_id)]
    load.upsert_pages(run.con, page_rows)  # raw before parsed: pages are indexed first
    gone = [(r.url, r.http_status) for c in crawls for r in c.rejects
            if r.stage == "fetch" and r.http_status in (404, 410)]
    run.counts["gone"] = load.mark_gone(run.con, gone, run.run_id)
    crashpoint("load")
    for path in _journal_dir(run.archive).glob(f"{run.run_id}.*.jsonl"):
        path.unlink()  # recorded in pages now
    run.rejects += [r for c in crawls for r in c.rejects]
    run.counts.update(
        discovered=sum(c.discovered for c in crawls),
        fetched=sum(1 for r in page_rows if r["status"] != 304),
        not_modified=sum(1 for r in page_rows if r["status"] == 304)
        + sum(c.unchanged_by_lastmod for c in crawls),
        rejected=len(run.rejects))
    for c in crawls:
        logger.info("%s: %d discovered, %d fetched, %d not modified (304), %d unchanged "
                    "per sitemap lastmod, %d rejected", c.site, c.discovered,
                    sum(1 for r in c.results if r.status != 304),
                    sum(1 for r in c.results if r.status == 304), c.unchanged_by_lastmod,
                    len(c.rejects))


def _extract(run: _Run, full_refresh: bool) -> None:
    site_urls = {s.name: s.base_url for s in run.cfg.sites}
    todo = [(url, site, site_urls.get(site, ""), sha)
            for url, site, sha in read.pages_to_extract(run.con, PARSER_VERSION, full_refresh)]
    # ~16 batches keep every worker busy; bounds keep per-task orchestration (~10 ms) small
    size = min(EXTRACT_BATCH_MAX, max(EXTRACT_BATCH_MIN, len(todo) // 16 + 1))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    rules = {s.name: s.rules for s in run.cfg.sites if not s.rules.empty}
    extracted = extract_task.map(batches, unmapped(str(run.archive.root)),
                                 unmapped(run.run_id), unmapped(rules)).result() if batches else []
    load.upsert_extractions(run.con, [row for b in extracted for row in b.rows])
    run.rejects += [r for b in extracted for r in b.rejects]
    run.counts["extracted"] = sum(len(b.rows) for b in extracted)
    get_run_logger().info("extract: %d pages extracted, %d rejected", run.counts["extracted"],
                          sum(len(b.rejects) for b in extracted))


def _inputs_fingerprint(run: _Run, catalogue: Path | None) -> str:
    digest = hashlib.sha256(catalogue.read_bytes() if catalogue else b"")
    digest.update(f"{NORMALISE_VERSION}|{read.live_extractions_fingerprint(run.con)}".encode())
    return digest.hexdigest()


def _remake_rows(run: _Run) -> list[dict[str, Any]]:
    return read.view_rows(run.con, "remake_comparison")


def _normalise_and_load(run: _Run, catalogue_path: Path | None, db_path: Path) -> None:
    catalogue = load_catalogue(catalogue_path) if catalogue_path else []
    rows = [ExtractionRow(url, site, site_url, sha, ExtractedReview(**json.loads(record)))
            for url, site, site_url, sha, record in read.all_extractions(run.con)]
    enrichment = None
    if run.cfg.enrich.wikidata:
        ids = [c.imdb_id for c in catalogue if c.imdb_id] + [
            r.record.film_ids["imdb"] for r in rows if "imdb" in r.record.film_ids]
        try:
            enrichment = enrich_task(run.cfg.enrich, str(db_path.with_name(
                db_path.stem + ".cache") / "wikidata"), ids)
        except FetchError as exc:  # enrichment is optional: the run goes on without it
            run.rejects.append(Reject.from_fetch_error("enrich", exc))
    entities = normalise_task(rows, catalogue, enrichment)
    changes = load.replace_entities(run.con,
                                    {t: getattr(entities, t) for t in load.ENTITY_TABLES})
    run.counts.update({f"reviews_{k}": v for k, v in changes["reviews"].items()})
    run_checks(run.con)
    run.rejects += entities.rejects
    load.upsert_rejects(run.con, run.rejects, run.run_id)
    get_run_logger().info("load: %d films, %d critics, %d reviews (%d added, %d updated, %d "
                          "removed), %d remake relations", len(entities.films),
                          len(entities.critics), len(entities.reviews),
                          changes["reviews"]["added"], changes["reviews"]["updated"],
                          changes["reviews"]["removed"], len(entities.film_relations))


@flow(name="review_pipeline", task_runner=ThreadPoolTaskRunner(max_workers=8))
def review_pipeline(sources: str, db: str = "criticdb.duckdb",
                    report_dir: str = "report", archive_dir: str | None = None,
                    full_refresh: bool = False,
                    catalogue: str | None = None, crawl: bool = True) -> RunSummary:
    """One run. `crawl=False` is `criticdb reparse`: no network, every archived page is
    extracted again (implies full_refresh). `catalogue` overrides the sources file's."""
    started = time.perf_counter()
    cfg = load_sources(Path(sources))
    catalogue_path = Path(catalogue) if catalogue else cfg.catalogue
    remote = db.startswith("md:")  # MotherDuck: the service handles concurrent readers
    db_path = Path(db).resolve() if not remote else Path(db.split(":", 1)[1] or "criticdb")
    archive = RawArchive(Path(archive_dir) if archive_dir else default_archive(db_path))
    ctx = get_run_context()
    flow_run_id = str(ctx.flow_run.id) if getattr(ctx, "flow_run", None) else None
    work_path = open_working_copy(db_path) if not remote else db
    run = _Run(cfg, connect(work_path), archive, flow_run_id or str(uuid.uuid4()))
    try:
        load.start_run(run.con, run.run_id, flow_run_id, str(sources))
        if crawl:
            with _stage(run, "crawl"):
                _recover_journals(run)
                _crawl(run)
        with _stage(run, "extract"):
            _extract(run, full_refresh or not crawl)
        with _stage(run, "normalise+load"):
            inputs = _inputs_fingerprint(run, catalogue_path)
            if (full_refresh or cfg.enrich.wikidata
                    or inputs != read.last_inputs_fingerprint(run.con)):
                _normalise_and_load(run, catalogue_path, db_path)
            else:  # entities are a pure function of these inputs: nothing to rebuild
                load.upsert_rejects(run.con, run.rejects, run.run_id)
                get_run_logger().info("load: inputs unchanged since the last run; entities kept")
            remakes = _remake_rows(run)
        load.finish_run(run.con, run.run_id, "completed", run.counts, inputs_sha256=inputs)
    except (CriticdbError, OSError) as exc:
        load.finish_run(run.con, run.run_id, "failed", run.counts,
                        f"{type(exc).__name__}: {exc}")
        run.con.close()
        if not remote:
            publish(work_path, db_path)  # readers see the failed run and the work kept so far
        raise
    run.con.close()
    with _stage(run, "publish"):
        if not remote:
            publish(work_path, db_path)
    with _stage(run, "report"):
        report = report_task(db if remote else str(db_path), report_dir)
        create_table_artifact(
            key="remake-comparison",
            table=[{k: (str(v) if isinstance(v, list) else v) for k, v in r.items()}
                   for r in remakes],
            description="remake_comparison after this run (ratings only)")
        create_markdown_artifact(
            key="review-pipeline-summary",
            markdown=f"# criticdb run\n\n{json.dumps(run.counts)}\n\n"
                     f"## Remakes vs originals\n\n{_remake_markdown(remakes)}\n",
            description="Run counts and the remake comparison")
    total = time.perf_counter() - started
    get_run_logger().info("stages: %s; total %.2f s", ", ".join(
        f"{k} {v:.2f} s" for k, v in run.seconds.items()), total)
    return RunSummary(run.run_id, str(db_path), report, run.counts, remakes, run.seconds,
                      round(total, 3))
