"""A page or record that could not be handled: stored as a row, never raised out of a run."""

from __future__ import annotations

from dataclasses import dataclass

from criticdb.common.errors import FetchError


@dataclass(frozen=True)
class Reject:
    url: str
    stage: str  # discover | fetch | extract | normalise | load
    reason: str  # a stable code, e.g. robots_disallowed, http_404, no_film_title
    detail: str = ""
    http_status: int | None = None
    attempts: int = 0

    @classmethod
    def from_fetch_error(cls, stage: str, exc: FetchError) -> Reject:
        return cls(exc.url, stage, exc.reason, exc.detail[:500], exc.status, exc.attempts)
