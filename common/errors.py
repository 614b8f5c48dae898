"""Error types whose class says whether retrying can help."""

from __future__ import annotations


class CriticdbError(Exception):
    """Base of every error criticdb raises on purpose."""


class ConfigError(CriticdbError):
    """The sources file is missing, unreadable or inconsistent; the message names the key."""


class FetchError(CriticdbError):
    """A page could not be fetched; `reason` is a stable code stored in `rejects.reason`."""

    def __init__(self, url: str, reason: str, detail: str = "", status: int | None = None,
                 attempts: int = 1, retry_after: float | None = None) -> None:
        super().__init__(f"{reason}: {url}" + (f" ({detail})" if detail else ""))
        self.url = url
        self.reason = reason
        self.detail = detail
        self.status = status
        self.attempts = attempts
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)

    def after_attempts(self, attempts: int) -> FetchError:
        """The same error, recording how many attempts were made (a new object: an error
        already raised is never changed)."""
        return type(self)(self.url, self.reason, self.detail, self.status, attempts,
                          self.retry_after)


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection errors, 429 and 5xx."""


class TerminalFetchError(FetchError):
    """Retrying cannot help: robots.txt, 4xx, out of scope, too large, wrong content type."""


class ArchiveError(CriticdbError):
    """The raw archive is unreadable or corrupted; the message names the file."""


class CrawlFailed(CriticdbError):
    """No configured site could be read at all: the run is a failed run."""
