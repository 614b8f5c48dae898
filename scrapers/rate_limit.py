"""Per-host request spacing: one host is never hit faster than its delay, hosts run in parallel."""

from __future__ import annotations

import threading
import time


class HostRateLimiter:
    def __init__(self, default_delay: float) -> None:
        self._default = default_delay
        self._delays: dict[str, float] = {}
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = max(seconds, self._delays.get(host, 0.0))

    def release(self, host: str) -> None:
        """A request to `host` finished: the next may start no sooner than one delay later.

        Spacing from the end of a response (not only from its start) keeps the gap the
        server sees at least the delay, even when a slow response arrived late.
        """
        with self._lock:
            after = time.monotonic() + self._delays.get(host, self._default)
            self._next_slot[host] = max(self._next_slot.get(host, 0.0), after)

    def wait(self, host: str) -> None:
        """Block until `host` may be requested again, reserving the slot atomically."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self._delays.get(host, self._default)
        if slot > now:
            time.sleep(slot - now)
