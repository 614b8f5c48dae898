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
        try:
            status, body = self._get(f"{scheme}://{host_of(url)}/robots.txt")
        except FetchError:
            return Protego.parse("User-agent: *\nDisallow: /\n")
        if 400 <= status < 500:
            return None  # no robots.txt: everything allowed (RFC 9309 §2.3.1.3)
        if status >= 500:
            # robots.txt unreachable: assume everything is disallowed until it answers
            return Protego.parse("User-agent: *\nDisallow: /\n")
        return Protego.parse(body.decode("utf-8", errors="replace"))

    def allowed(self, url: str) -> bool:
        rules = self._rules_for(url)
        return True if rules is None else bool(rules.can_fetch(url, self._agent))

    def crawl_delay(self, url: str) -> float | None:
        rules = self._rules_for(url)
        delay = rules.crawl_delay(self._agent) if rules is not None else None
        return float(delay) if delay is not None else None
