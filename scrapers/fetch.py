"""The only module that talks HTTP: polite, bounded, retried, conditional fetches."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
import requests.adapters

from criticdb.common.errors import FetchError, TerminalFetchError, TransientFetchError
from criticdb.common.records import PriorFetch
from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.canonical import canonical_url
from criticdb.scrapers.config import CrawlSettings
from criticdb.scrapers.deadlines import WATCHDOG
from criticdb.scrapers.http_status import REDIRECTS, error_for
from criticdb.scrapers.rate_limit import HostRateLimiter
from criticdb.scrapers.retry_policy import RetryPolicy
from criticdb.scrapers.robots import RobotsCache
from criticdb.scrapers.urls import canonicalise, host_of, scope_violation

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml",
                  "application/rss+xml", "application/atom+xml", "text/plain",
                  "application/gzip", "application/x-gzip")  # gzip'd sitemaps


class PriorIndex:
    """Validators of earlier fetches by requested URL.

    A plain class on purpose: orchestrators walk dicts and dataclasses passed to tasks
    (Prefect inspects every element), which cost seconds for 10,000 pages.
    """

    def __init__(self, priors: dict[str, PriorFetch] | None = None) -> None:
        self._priors = dict(priors or {})

    def get(self, url: str) -> PriorFetch | None:
        return self._priors.get(url)

    def for_host(self, host: str) -> PriorIndex:
        return PriorIndex({u: p for u, p in self._priors.items()
                           if urlsplit(u).netloc.lower() == host})

    def urls(self) -> list[str]:
        return sorted(self._priors)

    def __len__(self) -> int:
        return len(self._priors)


@dataclass(frozen=True)
class FetchResult:
    url: str  # canonical: <link rel=canonical> when in scope, else the requested URL
    requested_url: str
    final_url: str
    status: int
    fetched_at: dt.datetime
    content_sha256: str | None
    content_type: str
    etag: str | None
    last_modified: str | None
    attempts: int
    elapsed_ms: int

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class _Response:
    status: int
    final_url: str
    headers: dict[str, str]
    body: bytes


def _connection_reason(exc: requests.ConnectionError) -> str:
    """A name that does not resolve and a port that refuses are different problems."""
    text = str(exc)
    if any(k in text for k in ("NameResolutionError", "Name or service not known",
                               "getaddrinfo failed", "nodename nor servname",
                               "Temporary failure in name resolution")):
        return "dns_failure"
    if "Connection refused" in text or "ConnectionRefusedError" in text:
        return "connection_refused"
    return "connection_error"


class Fetcher:
    def __init__(self, settings: CrawlSettings, allowed_hosts: set[str],
                 archive: RawArchive | None = None,
                 limiter: HostRateLimiter | None = None,
                 connections: threading.Semaphore | None = None) -> None:
        """`connections`: shared by every host of a crawl, it bounds requests in flight."""
        self.settings = settings
        self.connections = connections
        self.allowed_hosts = allowed_hosts
        self.archive = archive
        self.limiter = limiter or HostRateLimiter(settings.delay_seconds)
        self.session = requests.Session()
        pool = max(settings.concurrent_requests_per_host, 1)
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, requests.adapters.HTTPAdapter(
                pool_connections=4, pool_maxsize=pool, max_retries=0))
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.trust_env = False  # proxies from the environment must not reroute a crawl
        self.robots = RobotsCache(settings.user_agent, self._get_robots)

    def _get_robots(self, url: str) -> tuple[int, bytes]:
        try:
            resp = self._request(url, {})
        except TerminalFetchError as exc:
            if exc.status is not None:
                return exc.status, b""
            raise
        return resp.status, resp.body

    def check_robots(self, url: str) -> None:
        if not self.settings.obey_robots:
            return
        if not self.robots.allowed(url):
            failure = self.robots.failure(url)
            if failure is not None:  # robots.txt could not be read: say why, not "disallowed"
                raise TerminalFetchError(url, failure.reason if failure.reason in (
                    "dns_failure", "connection_refused") else "robots_unreachable",
                    failure.detail or failure.reason, failure.status)
            raise TerminalFetchError(url, "robots_disallowed")
        delay = self.robots.crawl_delay(url)
        if delay:
            self.limiter.set_delay(host_of(url), delay)

    def get_document(self, url: str, max_bytes: int | None = None) -> tuple[str, bytes]:
        """Fetch a discovery document (sitemap, feed, listing): final URL and body.
        `max_bytes` replaces the page body cap (sitemaps have their own, larger limit)."""
        self.check_robots(url)
        resp, _ = self._with_retries(url, {}, max_bytes)
        return resp.final_url, resp.body

    def fetch_page(self, url: str, prior: PriorFetch | None = None) -> FetchResult:
        """Fetch a review page into the archive; a 304 stores nothing and keeps the old hash."""
        self.check_robots(url)
        headers = {}
        if prior and prior.etag:
            headers["If-None-Match"] = prior.etag
        if prior and prior.last_modified:
            headers["If-Modified-Since"] = prior.last_modified
        started = time.monotonic()
        resp, attempts = self._with_retries(url, headers)
        sha = prior.content_sha256 if resp.status == 304 and prior else None
        canonical = prior.url if resp.status == 304 and prior else None
        if resp.status != 304:
            canonical = canonical_url(resp.body, resp.final_url, self.allowed_hosts)
            if self.archive is not None:
                sha = self.archive.put(resp.body, {
                    "url": canonical or url, "requested_url": url, "final_url": resp.final_url,
                    "status": resp.status, "headers": resp.headers,
                    "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        return FetchResult(
            url=canonical or url, requested_url=url, final_url=resp.final_url,
            status=resp.status,
            fetched_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            content_sha256=sha, content_type=resp.headers.get("content-type", ""),
            etag=resp.headers.get("etag") or (prior.etag if prior else None),
            last_modified=resp.headers.get("last-modified")
            or (prior.last_modified if prior else None),
            attempts=attempts, elapsed_ms=int((time.monotonic() - started) * 1000))

    def _with_retries(self, url: str, headers: dict[str, str],
                      max_bytes: int | None = None) -> tuple[_Response, int]:
        policy = RetryPolicy(self.settings.retries, self.settings.backoff_seconds)
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._request(url, headers, max_bytes), attempt
            except FetchError as exc:
                if not policy.should_retry(exc, attempt):
                    raise exc.after_attempts(attempt) from exc
                time.sleep(policy.wait_seconds(attempt, exc.retry_after))

    def _request(self, url: str, headers: dict[str, str],
                 max_bytes: int | None = None) -> _Response:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            violation = scope_violation(current, self.allowed_hosts)
            if violation:
                reason = violation if current == url else "redirect_out_of_scope"
                raise TerminalFetchError(url, reason, current)
            self.limiter.wait(host_of(current))
            try:
                if self.connections is None:
                    resp = self._once(current, headers, max_bytes)
                else:
                    with self.connections:
                        resp = self._once(current, headers, max_bytes)
            finally:
                self.limiter.release(host_of(current))
            if resp.status in REDIRECTS and "location" in resp.headers:
                current = canonicalise(resp.headers["location"], base=current)
                continue
            return resp
        raise TerminalFetchError(url, "too_many_redirects", current)

    def _once(self, url: str, headers: dict[str, str], max_bytes: int | None = None
              ) -> _Response:
        s = self.settings
        try:
            with self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                  timeout=(s.connect_timeout, s.read_timeout)) as r:
                hdrs = {k.lower(): v for k, v in r.headers.items()}
                if (error := error_for(url, r.status_code, hdrs)) is not None:
                    raise error
                if 300 <= r.status_code < 400:  # 304, or a redirect the caller follows
                    return _Response(r.status_code, url, hdrs, b"")
                ctype = hdrs.get("content-type", "").split(";")[0].strip().lower()
                if ctype and ctype not in ACCEPTED_TYPES:
                    raise TerminalFetchError(url, "unsupported_content_type", ctype,
                                             status=r.status_code)
                body = self._read_body(url, r, max_bytes or self.settings.max_body_bytes)
                return _Response(r.status_code, url, hdrs, body)
        except requests.Timeout as exc:
            raise TransientFetchError(url, "timeout", str(exc)) from exc
        except requests.exceptions.ContentDecodingError as exc:
            raise TerminalFetchError(url, "bad_content_encoding", str(exc)) from exc
        except requests.exceptions.ChunkedEncodingError as exc:
            raise TransientFetchError(url, "truncated_body", str(exc)) from exc
        except requests.ConnectionError as exc:
            raise TransientFetchError(url, _connection_reason(exc), str(exc)[:300]) from exc

    def _read_body(self, url: str, r: requests.Response, limit: int) -> bytes:
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise TerminalFetchError(url, "body_too_large", f"content-length {declared}",
                                     status=r.status_code)
        # A server dripping one byte at a time never trips the socket timeout, so the
        # watchdog cuts the response when the whole-body budget is spent.

        def expire() -> None:
            # close() alone does not wake a thread blocked in recv(); shutdown() does.
            sock = getattr(getattr(r.raw, "connection", None), "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            r.close()

        deadline = WATCHDOG.arm(self.settings.read_timeout, expire)
        chunks: list[bytes] = []
        size = 0
        try:
            # iter_content decompresses as it goes, so a gzip bomb is cut at `limit` too.
            for chunk in r.iter_content(65536):
                size += len(chunk)
                if size > limit:
                    raise TerminalFetchError(url, "body_too_large", f"over {limit} bytes",
                                             status=r.status_code)
                chunks.append(chunk)
        except (requests.RequestException, OSError, AttributeError, ValueError) as exc:
            if deadline.fired:
                raise TransientFetchError(url, "timeout", "body not complete within "
                                          f"{self.settings.read_timeout}s") from exc
            raise
        finally:
            deadline.cancel()
        if deadline.fired:
            raise TransientFetchError(url, "timeout", "body not complete within "
                                      f"{self.settings.read_timeout}s")
        return b"".join(chunks)
