"""What a run shows in Prefect: per-site fetch progress, a run summary and the remake table.

Everything here runs inside a Prefect flow or task (artifacts need its context); text that
comes from scraped pages is escaped before it reaches Markdown.
"""

from __future__ import annotations

import contextvars
import html
import threading
import time
from collections.abc import Callable
from typing import Any

from prefect import get_run_logger
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from criticdb.dashboards.run_text import counts_phrase


def progress_line(site: str, done: int, total: int, elapsed: float) -> str:
    """'Site: 120 of 1000 pages fetched, 880 queued, 2.0 pages/s, about 7 min 20 s left'."""
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"{site}: {done} of {total} pages fetched, {total - done} queued"
    if rate > 0:
        left = round((total - done) / rate)
        eta = f"{left // 60} min {left % 60} s" if left >= 60 else f"{left} s"
        line += f", {rate:.1f} pages/s, about {eta} left"
    return line


class FetchProgress:
    """Per site: a Prefect progress artifact for long crawls, and a progress log line every
    LOG_EVERY_SECONDS once fetching takes that long (the run's logger prints it on the
    terminal and sends it to the Prefect API, so a long crawl is never silent)."""

    EVERY_SECONDS = 3.0
    LOG_EVERY_SECONDS = 10.0
    MIN_PAGES = 50  # small crawls finish before a progress bar would help

    def __init__(self, site: str, log: Callable[[str], None] | None = None) -> None:
        self.site = site
        self.artifact_id = None
        self.last = 0.0
        self.started: float | None = None
        self.last_log: float | None = None
        self.log = log
        # fetch threads have no Prefect context: run artifact calls in the task's own
        self.context = contextvars.copy_context()
        self.lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        with self.lock:
            now = time.monotonic()
            if self.started is None:  # the first page: time starts at the crawl's first fetch
                self.started = self.last_log = now
            if now - self.last_log >= self.LOG_EVERY_SECONDS and done < total:
                self.last_log = now
                line = progress_line(self.site, done, total, now - self.started)
                self.context.run(self._log, line)
            if total < self.MIN_PAGES:
                return
            if done < total and now - self.last < self.EVERY_SECONDS:
                return
            self.last = now
            self.context.run(self._publish, round(100.0 * done / total, 1),
                             f"Fetching {self.site}: {done} of {total} pages")

    def _log(self, line: str) -> None:
        if self.log is not None:
            self.log(line)
        else:
            get_run_logger().info(line)

    def _publish(self, pct: float, description: str) -> None:
        if self.artifact_id is None:
            self.artifact_id = create_progress_artifact(pct, description=description)
        else:
            update_progress_artifact(self.artifact_id, pct, description=description)


def _md(value: object) -> str:
    """Markdown table cell text: film titles can come from scraped pages."""
    return html.escape(str(value)).replace("|", "\\|").replace("\n", " ")


def remake_markdown(remakes: list[dict[str, Any]]) -> str:
    lines = ["| Original | Remake | Original mean (n) | Remake mean (n) | Difference |",
             "|---|---|---|---|---|"]
    for r in remakes:
        lines.append(f"| {_md(r['original_title'])} ({r['original_year']}) | "
                     f"{_md(r['remake_title'])} ({r['remake_year']}) | {r['original_mean']} "
                     f"({r['original_n']}) | {r['remake_mean']} ({r['remake_n']}) | "
                     f"{r['difference']} |")
    return "\n".join(lines)


def publish_run_artifacts(counts: dict[str, int], by_reason: dict[str, int],
                          remakes: list[dict[str, Any]]) -> None:
    create_table_artifact(
        key="remake-comparison",
        table=[{k: (str(v) if isinstance(v, list) else v) for k, v in r.items()}
               for r in remakes],
        description="remake_comparison after this run (ratings only)")
    create_markdown_artifact(
        key="review-pipeline-summary",
        markdown=f"# criticdb run\n\n{_md(counts_phrase(counts, by_reason))}\n\n"
                 f"## Remakes vs originals\n\n{remake_markdown(remakes)}\n",
        description="Run counts and the remake comparison")

