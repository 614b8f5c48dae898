"""What one pipeline run carries between its stages, and what it returns."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from criticdb.common.rejects import Reject
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.config import SourcesConfig
from criticdb.warehouse import load, runs


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    db: str
    report: str
    counts: dict[str, int]
    remakes: list[dict[str, Any]]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    dropped_warning: str | None = None  # normalise kept >10% of extracted reviews out


@dataclass
class RunState:
    """What one run carries between its stages."""

    cfg: SourcesConfig
    con: Any
    archive: RawArchive
    run_id: str
    counts: runs.RunCounts = field(default_factory=runs.RunCounts)
    rejects: list[Reject] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    dropped_warning: str | None = None

    def record_rejects(self) -> None:
        """Everything this run could not use, stored with its reason; counted once."""
        load.upsert_rejects(self.con, self.rejects, self.run_id)
        self.counts.rejected = len(self.rejects)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0.0) + time.perf_counter()
                                       - started, 3)
