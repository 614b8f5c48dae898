"""robots.txt per host (protego), fetched once per crawl through the polite fetcher."""

from __future__ import annotations

import threading
from collections.abc import Callable

from protego import Protego

from criticdb.common.errors import FetchError
from criticdb.scrapers.urls import host_of

# Fetches robots.txt: returns (status, body) or raises FetchError.
RobotsGetter = Callable[[str], tuple[int, bytes]]


class RobotsCache:
    def __init__(self, user_agent: str, getter: RobotsGetter) -> None:
        self._agent = user_agent
        self._get = getter
        self._rules: dict[str, Protego | None] = {}
        self._failures: dict[str, FetchError] = {}  # why a host's robots.txt is unknown
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _rules_for(self, url: str) -> Protego | None:
        host = host_of(url)
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            if host not in self._rules:
                self._rules[host] = self._load(url)
            return self._rules[host]

    def _load(self, url: str) -> Protego | None:
        scheme = url.split("://", 1)[0]
        robots_url = f"{scheme}://{host_of(url)}/robots.txt"
        try:
            status, body = self._get(robots_url)
        except FetchError as exc:
            self._failures[host_of(url)] = exc
            return Protego.parse("User-agent: *\nDisallow: /\n")
        if 400 <= status < 500:
            return None  # no robots.txt: everything allowed (RFC 9309 §2.3.1.3)
        if status >= 500:
            # robots.txt unreachable: assume everything is disallowed until it answers
            self._failures[host_of(url)] = FetchError(robots_url, f"http_{status}",
                                                      f"robots.txt answered {status}", status)
            return Protego.parse("User-agent: *\nDisallow: /\n")
        return Protego.parse(body.decode("utf-8", errors="replace"))

    def failure(self, url: str) -> FetchError | None:
        """Why the host's robots.txt could not be read, if it could not."""
        self._rules_for(url)
        return self._failures.get(host_of(url))

    def allowed(self, url: str) -> bool:
        rules = self._rules_for(url)
        return True if rules is None else bool(rules.can_fetch(url, self._agent))

    def crawl_delay(self, url: str) -> float | None:
        rules = self._rules_for(url)
        delay = rules.crawl_delay(self._agent) if rules is not None else None
        return float(delay) if delay is not None else None
