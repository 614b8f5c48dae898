"""HTTP status codes to criticdb's error types: what may be retried and what may not.

Shared by page fetching and the Wikidata client, so both read 429/5xx as transient (with the
server's Retry-After) and every other 4xx as terminal.
"""

from __future__ import annotations

import datetime as dt
import email.utils

from criticdb.common.errors import FetchError, TerminalFetchError, TransientFetchError

REDIRECTS = (301, 302, 303, 307, 308)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait: delta-seconds or an HTTP-date (any of RFC 9110's three formats)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def error_for(url: str, status: int, headers: dict[str, str]) -> FetchError | None:
    """The error a response status means, or None for a usable response (2xx, 3xx, 304).
    `headers` are lower-cased."""
    if status == 429 or status >= 500:
        return TransientFetchError(url, f"http_{status}", status=status,
                                   retry_after=retry_after_seconds(headers.get("retry-after")))
    if status >= 400:
        return TerminalFetchError(url, f"http_{status}", status=status)
    return None
