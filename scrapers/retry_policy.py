"""When to try a fetch again, and how long to wait: exponential backoff with jitter, the
server's Retry-After honoured (capped), transient errors only.

Prefect's task retries follow the same rule through `retry_transient_only`: a crawl task is
retried for a transient failure (a timeout, a dropped connection), never for a terminal one
(a bad sources file, a disallowed page), which retrying cannot fix.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from criticdb.common.errors import TransientFetchError

MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class RetryPolicy:
    retries: int
    backoff_seconds: float

    def should_retry(self, exc: Exception, attempt: int) -> bool:
        return isinstance(exc, TransientFetchError) and attempt <= self.retries

    def wait_seconds(self, attempt: int, retry_after: float | None) -> float:
        wait = self.backoff_seconds * 2 ** (attempt - 1)
        if retry_after is not None:
            wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
        return wait + random.uniform(0, wait / 2)


def retry_transient_only(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry a task run only when it failed transiently."""
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:  # any other failure is not worth retrying
        return False
    return False
