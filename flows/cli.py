"""`criticdb` command line: demo, run, reparse, schedule, report, sql, export, extract,
schema-docs."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from criticdb.common.errors import ConfigError, CriticdbError
from criticdb.dashboards.run_text import summary_line
from criticdb.dashboards.table_text import FORMATS
from criticdb.scrapers.config import load_sources

DEFAULT_DB = "criticdb.duckdb"


def _stop_temporary_prefect_server() -> None:
    """Flush Prefect's log and event workers, then stop the temporary API server now.

    Otherwise Prefect stops it at interpreter exit, after our summary, and a server killed
    while events are still arriving logs "Error flushing events" tracebacks on a good run.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.server.api.server import SubprocessASGIServer

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)
    server = SubprocessASGIServer()
    if server.server_process is not None:
        time.sleep(1.0)  # two recorder flush intervals: the server writes what it received
    server.stop()  # no-op when a real Prefect server is configured


def _preflight(db: str, archive_dir: str | None) -> None:
    """Storage problems (full or read-only disk) as one clear message before the run starts."""
    if db.startswith("md:"):
        return
    from criticdb.scrapers.archive import RawArchive
    from criticdb.warehouse.publish import PublishError, check_lock, open_working_copy

    db_path = Path(db).resolve()
    check_lock(db_path)  # before Prefect starts: one line, no traceback
    open_working_copy(db_path)
    archive = Path(archive_dir) if archive_dir else RawArchive.beside(db_path)
    probe = archive / ".write-test"
    try:
        archive.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise PublishError(f"cannot write to the raw archive {archive}: {exc}") from exc


def _sources(args: argparse.Namespace) -> Path:
    """--sources, else $CRITICDB_SOURCES: production runs never fall back to the demo."""
    given = args.sources or os.environ.get("CRITICDB_SOURCES")
    if not given:
        raise ConfigError("no sources file: pass --sources FILE or set CRITICDB_SOURCES "
                          "(`criticdb demo` runs the bundled demo sites)")
    path = Path(given)
    load_sources(path)  # a bad sources file fails here, before Prefect starts
    return path


SOME_SITES_FAILED = 3  # exit code: the run completed, but some sites could not be read


def _print_summary(summary: object, verb: str) -> int:
    """The run's one summary line (the same counts as the runs table); the exit code."""
    c = summary.counts  # type: ignore[attr-defined]
    failed = c.get("sites_failed", 0)
    print("\n" + summary_line(verb, summary.run_id, c,  # type: ignore[attr-defined]
                              summary.rejects_by_reason))  # type: ignore[attr-defined]
    if summary.dropped_warning:  # type: ignore[attr-defined]
        print(summary.dropped_warning)  # type: ignore[attr-defined]
    print(f"DuckDB warehouse: {summary.db}")  # type: ignore[attr-defined]
    print(f"Report:           {summary.report}")  # type: ignore[attr-defined]
    return SOME_SITES_FAILED if failed else 0


@contextlib.contextmanager
def _shared_prefect_api(task_runner: str) -> Iterator[None]:
    """Dask worker processes must report to the flow's Prefect API. Without a configured
    server each process would start a temporary one of its own (port clashes, "Reactive
    triggers not started"); so the CLI starts the one temporary server first and hands its
    URL to the workers through the environment they inherit."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if task_runner != "dask" or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _run_pipeline(args: argparse.Namespace, sources: Path, serving: object = None) -> int:
    from criticdb.flows.pipeline import review_pipeline
    from criticdb.flows.runners import make_task_runner

    _preflight(args.db, args.archive_dir)
    flow = review_pipeline.with_options(
        task_runner=make_task_runner(args.task_runner, args.dask_address, args.dask_workers))
    with serving or contextlib.nullcontext(), _shared_prefect_api(args.task_runner):
        try:
            summary = flow(sources=str(sources), db=args.db, report_dir=args.report_dir,
                           archive_dir=args.archive_dir, full_refresh=args.full_refresh)
        finally:
            _stop_temporary_prefect_server()
    return _print_summary(summary, "run")


def cmd_run(args: argparse.Namespace) -> int:
    return _run_pipeline(args, _sources(args))


def cmd_demo(args: argparse.Namespace) -> int:
    """The bundled demo sites, served on 127.0.0.1:8701–8705 for the length of the run."""
    from criticdb.demo import DEMO_SOURCES
    from criticdb.demo.serve import demo_sites

    return _run_pipeline(args, DEMO_SOURCES, demo_sites(load_sources(DEMO_SOURCES)))


def cmd_schedule(args: argparse.Namespace) -> int:
    """One-machine scheduling: serve the flow on a cron schedule from this process."""
    from prefect.settings import PREFECT_API_URL

    from criticdb.flows.pipeline import review_pipeline

    sources = str(_sources(args).resolve())
    if not PREFECT_API_URL.value():
        # flow.serve needs a server that outlives this command; a temporary one cannot hold
        # a schedule (Prefect says "Cannot schedule flows on an ephemeral server" and waits)
        raise ConfigError("criticdb schedule needs a running Prefect server: start one with "
                          "`.venv/bin/prefect server start`, then export "
                          "PREFECT_API_URL=http://127.0.0.1:4200/api and run this again")
    print(f"Serving review_pipeline on cron {args.cron!r} (UTC), one run at a time; open the "
          "Prefect UI to watch runs. Ctrl+C stops.")
    review_pipeline.serve(
        name=args.name, cron=args.cron, global_limit=1,  # never two runs on one warehouse
        parameters={"sources": sources, "db": str(Path(args.db).resolve()),
                    "report_dir": str(Path(args.report_dir).resolve())})
    return 0


def cmd_reparse(args: argparse.Namespace) -> int:
    from criticdb.flows.pipeline import review_pipeline

    sources = _sources(args)
    try:
        summary = review_pipeline(sources=str(sources), db=args.db,
                                  report_dir=args.report_dir, archive_dir=args.archive_dir,
                                  crawl=False)
    finally:
        _stop_temporary_prefect_server()
    print(f"\ncriticdb reparse {summary.run_id}: {summary.counts.get('extracted', 0)} archived "
          "pages extracted again, no network used")
    print(f"DuckDB warehouse: {summary.db}")
    print(f"Report:           {summary.report}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from criticdb.dashboards.report import build_report

    print(build_report(Path(args.db), Path(args.out)))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    """A read-only, sandboxed connection: no writes, no file or network access from SQL."""
    from criticdb.dashboards.table_text import render
    from criticdb.warehouse.db import connect

    if not args.query.strip():
        raise ConfigError('empty query; try: criticdb sql "select count(*) from reviews"')
    con = connect(Path(args.db), read_only=True, sandboxed=True)
    try:
        cur = con.execute(args.query)
        names = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    finally:
        con.close()
    print(render(names, rows, args.format))
    return 0


def _page_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ConfigError(f"no such file: {path}")
    if path.is_dir():
        raise ConfigError(f"{path} is a directory; give one saved HTML page")
    body = path.read_bytes()
    if not body.strip():
        raise ConfigError(f"{path} is empty; nothing to extract")
    if b"\x00" in body[:4096] and b"<" not in body[:4096]:
        raise ConfigError(f"{path} is not HTML (binary content)")
    return body


def cmd_extract(args: argparse.Namespace) -> int:
    from criticdb.scrapers.extract.cascade import extract_review
    from criticdb.scrapers.extract_pages import reject_reason
    from criticdb.transforms.errors import RatingError
    from criticdb.transforms.ratings import to_score

    review = extract_review(_page_bytes(Path(args.page)), args.url)
    record = review.to_dict()
    record["reject_reason"] = reject_reason(review)
    try:
        record["score_0_100"] = (to_score(record["rating_raw"], record["rating_scale"])
                                 if record["rating_raw"] else None)
    except RatingError as exc:
        record["score_0_100"] = None
        record["warnings"].append(f"rating rejected: {exc}")
    print(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from criticdb.warehouse.db import connect
    from criticdb.warehouse.export import export_tables

    con = connect(args.db, read_only=True)
    try:
        for path in export_tables(con, Path(args.out_dir), args.format):
            print(path)
    finally:
        con.close()
    return 0


def cmd_remakes(args: argparse.Namespace) -> int:
    """The remake catalogue shipped with criticdb (or another file in its format)."""
    from criticdb.transforms.remake_catalogue import SHIPPED_REMAKES, load_remakes, render

    rows = load_remakes(Path(args.file) if args.file else SHIPPED_REMAKES)
    sys.stdout.write(render(rows, args.format))
    return 0


def cmd_schema_docs(args: argparse.Namespace) -> int:
    import tempfile

    from criticdb.warehouse.db import connect
    from criticdb.warehouse.schema_docs import render

    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "schema.duckdb")
        text = render(con)
        con.close()
    Path(args.out).write_text(text, encoding="utf-8")
    print(args.out)
    return 0


EXAMPLES = """examples:
  criticdb demo                                  # the bundled demo sites, offline
  criticdb run --sources sources.toml            # your own sites
  criticdb sql "select * from remake_comparison" --format markdown
  criticdb extract page.html --url https://example.org/reviews/heat/
  criticdb export out/ --format csv
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="criticdb", description=__doc__, epilog=EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="crawl the sources, load the warehouse, write the report")
    run.add_argument("--sources", help="sources TOML (default: $CRITICDB_SOURCES)")
    demo = sub.add_parser("demo", help="run the pipeline on the bundled demo sites (offline)")
    for cmd in (run, demo):
        cmd.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
        cmd.add_argument("--report-dir", default="report",
                         help="report directory (default: %(default)s)")
        cmd.add_argument("--archive-dir", help="raw page archive (default: <db>.raw/ beside it)")
        cmd.add_argument("--full-refresh", action="store_true",
                         help="re-extract every archived page")
        cmd.add_argument("--task-runner", choices=("threads", "dask"), default="threads",
                         help="where crawl and extract tasks run (default: threads)")
        cmd.add_argument("--dask-address", help="scheduler address (tcp://host:8786); default: "
                         "a local cluster")
        cmd.add_argument("--dask-workers", type=int, default=2,
                         help="worker processes of the local Dask cluster (default: 2)")
    run.set_defaults(func=cmd_run)
    demo.set_defaults(func=cmd_demo)
    sch = sub.add_parser("schedule", help="run the pipeline on a cron schedule (flow.serve)")
    sch.add_argument("--cron", default="0 3 * * *",
                     help="cron expression, in UTC (default: %(default)s)")
    sch.add_argument("--name", default="criticdb-scheduled",
                     help="deployment name (default: %(default)s)")
    sch.add_argument("--sources", help="sources TOML (default: $CRITICDB_SOURCES)")
    sch.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    sch.add_argument("--report-dir", default="report",
                     help="report directory (default: %(default)s)")
    sch.set_defaults(func=cmd_schedule)
    rp = sub.add_parser("reparse", help="re-extract every archived page; no network")
    rp.add_argument("--sources", help="sources TOML naming the sites (default: "
                    "$CRITICDB_SOURCES)")
    rp.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    rp.add_argument("--report-dir", default="report",
                    help="report directory (default: %(default)s)")
    rp.add_argument("--archive-dir", help="raw page archive (default: <db>.raw/ beside it)")
    rp.set_defaults(func=cmd_reparse)
    rep = sub.add_parser("report", help="write the HTML report from the warehouse")
    rep.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    rep.add_argument("--out", default="report",
                     help="directory for the HTML pages (default: %(default)s)")
    rep.set_defaults(func=cmd_report)
    q = sub.add_parser("sql", help="run a read-only SQL query and print the result")
    q.add_argument("query", help="one SQL statement; tables and views: see docs/schema.md")
    q.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    q.add_argument("--format", choices=FORMATS, default="table",
                   help="output: aligned table, CSV, JSON lines or Markdown "
                        "(default: %(default)s)")
    q.set_defaults(func=cmd_sql)
    ex = sub.add_parser("extract", help="extract one saved page and print it as JSON")
    ex.add_argument("page", help="a saved HTML page")
    ex.add_argument("--url", required=True, help="the URL the page was fetched from")
    ex.set_defaults(func=cmd_extract)
    exp = sub.add_parser("export", help="write every table and view as Parquet or CSV files")
    exp.add_argument("out_dir", help="directory for one file per table and view")
    exp.add_argument("--format", choices=("parquet", "csv"), default="parquet",
                     help="file format; CSV writes list columns as JSON (default: %(default)s)")
    exp.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    exp.set_defaults(func=cmd_export)
    rem = sub.add_parser("remakes", help="print the remake catalogue shipped with criticdb")
    rem.add_argument("--format", choices=("table", "csv", "json"), default="table",
                     help="aligned table, CSV or JSON lines (default: %(default)s)")
    rem.add_argument("--file", help="a remake catalogue in the same format (default: the "
                     "shipped one)")
    rem.set_defaults(func=cmd_remakes)
    docs = sub.add_parser("schema-docs", help="regenerate docs/schema.md from the schema")
    docs.add_argument("--out", default="docs/schema.md",
                      help="Markdown file to write (default: %(default)s)")
    docs.set_defaults(func=cmd_schema_docs)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except CriticdbError as exc:
        print(f"criticdb: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            print(f"criticdb: database error: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
