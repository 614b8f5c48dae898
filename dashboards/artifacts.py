"""What a run shows in Prefect: per-site fetch progress, a run summary and the remake table.

Everything here runs inside a Prefect flow or task (artifacts need its context); text that
comes from scraped pages is escaped before it reaches Markdown.
"""

from __future__ import annotations

import contextvars
import html
import json
import threading
import time
from typing import Any

from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)


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


def publish_run_artifacts(counts: dict[str, int], remakes: list[dict[str, Any]]) -> None:
    create_table_artifact(
        key="remake-comparison",
        table=[{k: (str(v) if isinstance(v, list) else v) for k, v in r.items()}
               for r in remakes],
        description="remake_comparison after this run (ratings only)")
    create_markdown_artifact(
        key="review-pipeline-summary",
        markdown=f"# criticdb run\n\n{json.dumps(counts)}\n\n"
                 f"## Remakes vs originals\n\n{remake_markdown(remakes)}\n",
        description="Run counts and the remake comparison")


def crawl_lines(crawls: list[Any]) -> list[str]:
    """One log line per site, in the run summary's vocabulary."""
    return [f"{c.site}: {c.discovered} discovered, "
            f"{sum(1 for r in c.results if r.status != 304)} fetched, "
            f"{sum(1 for r in c.results if r.status == 304) + c.unchanged_by_lastmod} not "
            f"modified ({c.unchanged_by_lastmod} of them skipped per sitemap lastmod), "
            f"{len(c.rejects)} rejected" for c in crawls]
