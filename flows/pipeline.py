"""The `review_pipeline` Prefect flow: crawl → extract → normalise → load → report. Wiring
only: every rule lives in the module that owns it; tasks (flows/tasks.py) wrap functions."""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, unmapped
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import CriticdbError, FetchError
from criticdb.common.records import PARSER_VERSION
from criticdb.common.rejects import Reject
from criticdb.dashboards.artifacts import publish_run_artifacts
from criticdb.dashboards.run_text import dropped_line, reasons, site_lines
from criticdb.flows import tasks
from criticdb.flows.run_state import RunState, RunSummary
from criticdb.scrapers import journal
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import load_sources
from criticdb.scrapers.crawl import crawl_counts, fail_if_no_site_was_read, gone_pages
from criticdb.scrapers.fetch import PriorIndex
from criticdb.scrapers.frontier import shards
from criticdb.scrapers.page_records import page_records
from criticdb.transforms.catalogue import load_catalogue
from criticdb.transforms.normalise import NORMALISE_VERSION
from criticdb.transforms.remake_catalogue import SHIPPED_REMAKES, RemakeRow, load_remakes
from criticdb.transforms.wikidata import imdb_ids_to_enrich
from criticdb.warehouse import load, read, runs
from criticdb.warehouse.checks import run_checks
from criticdb.warehouse.publish import Snapshot

EXTRACT_BATCH_MIN, EXTRACT_BATCH_MAX = 25, 500  # pages per extract task


def _crawl(run: RunState) -> None:
    journal.recover(run.archive, run.run_id, lambda recs: load.upsert_pages(
        run.con, [asdict(r) for r in recs]))  # fetches a killed run completed
    priors = PriorIndex(read.prior_fetches(run.con))
    groups = shards(list(run.cfg.sites), run.cfg.crawl.crawl_shards)
    crawls = [c for shard in tasks.crawl_shard_task.map(
        groups, unmapped(run.cfg.crawl), unmapped(str(run.archive.root)),
        [{s.host: priors.for_host(s.host) for s in g} for g in groups],
        unmapped(run.run_id)).result() for c in shard]
    records = [r for c in crawls for r in page_records(c.site, c.results, run.archive,
                                                       run.run_id)]
    load.upsert_pages(run.con, [asdict(r) for r in records])  # raw before parsed
    run.counts.gone = load.mark_gone(run.con, gone_pages(crawls), run.run_id)
    crashpoint("load")
    journal.discard(run.archive, run.run_id)  # recorded in pages now
    run.rejects += [r for c in crawls for r in c.rejects]
    run.counts.discovered, run.counts.fetched, run.counts.not_modified = crawl_counts(crawls)
    run.counts.sites, run.counts.sites_failed = len(crawls), sum(c.failed for c in crawls)
    for line in site_lines(crawls):
        get_run_logger().info(line)
    fail_if_no_site_was_read(crawls)


def _extract(run: RunState, full_refresh: bool) -> None:
    site_urls = {s.name: s.base_url for s in run.cfg.sites}
    todo = [(url, site, site_urls.get(site, ""), sha)
            for url, site, sha in read.pages_to_extract(run.con, PARSER_VERSION, full_refresh)]
    # ~16 batches keep every worker busy; bounds keep per-task orchestration (~10 ms) small
    size = min(EXTRACT_BATCH_MAX, max(EXTRACT_BATCH_MIN, len(todo) // 16 + 1))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    rules = {s.name: s.rules for s in run.cfg.sites if not s.rules.empty}
    extracted = tasks.extract_task.map(batches, unmapped(str(run.archive.root)),
                                 unmapped(run.run_id), unmapped(rules)).result() if batches else []
    load.upsert_extractions(run.con, [row for b in extracted for row in b.rows])
    run.rejects += [r for b in extracted for r in b.rejects]
    run.counts.extracted = sum(len(b.rows) for b in extracted)
    get_run_logger().info("extract: %d pages extracted, %d rejected", run.counts.extracted,
                          sum(len(b.rejects) for b in extracted))


def _normalise_and_load(run: RunState, catalogue_path: Path | None, db_path: Path,
                        remakes: tuple[RemakeRow, ...]) -> None:
    catalogue = load_catalogue(catalogue_path) if catalogue_path else []
    rows = read.all_extractions(run.con)
    enrichment = None
    if run.cfg.enrich.wikidata:
        try:  # enrichment is optional: the run goes on without it
            enrichment = tasks.enrich_task(run.cfg.enrich, str(db_path.with_name(
                db_path.stem + ".cache") / "wikidata"), imdb_ids_to_enrich(catalogue, rows))
        except FetchError as exc:
            run.rejects.append(Reject.from_fetch_error("enrich", exc))
    entities = tasks.normalise_task(rows, catalogue, enrichment, remakes)
    changes = load.replace_entities(run.con, {t: getattr(entities, t)
                                              for t in load.ENTITY_TABLES})["reviews"]
    run.counts.reviews_added, run.counts.reviews_updated, run.counts.reviews_removed = (
        changes["added"], changes["updated"], changes["removed"])
    run_checks(run.con)
    run.rejects += entities.rejects
    get_run_logger().info("load: %s; reviews %s", entities.summary(), changes)
    if line := dropped_line(len(rows), entities.dropped):
        get_run_logger().warning(line)
        run.dropped_warning = line


@flow(name="review_pipeline", task_runner=ThreadPoolTaskRunner(max_workers=8))
def review_pipeline(sources: str, db: str = "criticdb.duckdb", report_dir: str = "report",
                    archive_dir: str | None = None, full_refresh: bool = False,
                    catalogue: str | None = None, crawl: bool = True) -> RunSummary:
    """One run. `crawl=False` is `criticdb reparse`: no network, every archived page is
    extracted again (implies full_refresh). `catalogue` overrides the sources file's."""
    started = time.perf_counter()
    cfg = load_sources(Path(sources))
    catalogue_path = Path(catalogue) if catalogue else cfg.catalogue
    # checked whole before the run starts: a bad file stops it with one line, never half-used
    remakes = load_remakes() if cfg.shipped_catalogue else ()
    snapshot = Snapshot(db)
    archive = RawArchive(Path(archive_dir) if archive_dir else RawArchive.beside(snapshot.path))
    flow_run_id = str(ctx.flow_run.id) if getattr(ctx := get_run_context(), "flow_run",
                                                  None) else None
    run = RunState(cfg, snapshot.open(), archive, flow_run_id or str(uuid.uuid4()))
    try:
        runs.start_run(run.con, run.run_id, flow_run_id, str(sources))
        if crawl:
            with run.stage("crawl"):
                _crawl(run)
        with run.stage("extract"):
            _extract(run, full_refresh or not crawl)
        with run.stage("normalise+load"):
            inputs = read.inputs_fingerprint(
                run.con, (catalogue_path.read_bytes() if catalogue_path else b"")
                + (SHIPPED_REMAKES.read_bytes() if remakes else b""), NORMALISE_VERSION)
            if full_refresh or cfg.enrich.wikidata or inputs != read.last_inputs_fingerprint(
                    run.con):
                _normalise_and_load(run, catalogue_path, snapshot.path, remakes)
            else:  # entities are a pure function of these inputs: nothing to rebuild
                get_run_logger().info("load: inputs unchanged since the last run; entities kept")
            run.record_rejects()
            run.counts.loaded = read.review_count(run.con)
            remakes = read.view_rows(run.con, "remake_comparison")
        runs.finish_run(run.con, run.run_id, "completed", run.counts, inputs_sha256=inputs)
    except (CriticdbError, OSError) as exc:
        run.record_rejects()  # what failed, for the analyst
        runs.finish_run(run.con, run.run_id, "failed", run.counts, f"{type(exc).__name__}: {exc}")
        run.con.close()
        snapshot.publish()  # readers see the failed run and the work kept so far
        raise
    run.con.close()
    with run.stage("publish"):
        snapshot.publish()
    with run.stage("report"):
        report = str(tasks.report_task(Path(snapshot.readable), Path(report_dir)))
        by_reason = reasons(run.rejects)
        publish_run_artifacts(run.counts.as_dict(), by_reason, remakes)
    total = time.perf_counter() - started
    get_run_logger().info("stages: %s; total %.2f s", ", ".join(
        f"{k} {v:.2f} s" for k, v in run.seconds.items()), total)
    return RunSummary(run.run_id, str(snapshot.path), report, run.counts.as_dict(), remakes,
                      run.seconds, round(total, 3), by_reason, run.dropped_warning)
