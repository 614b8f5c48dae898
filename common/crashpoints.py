"""Fault injection for crash-safety tests: SIGKILL this process at a named point.

No-op unless CRITICDB_CRASH_AT is set to "<point>:<n>" (kill on the n-th time the point is
reached). Points: fetch (a page stored), extract (a page extracted), load (between load
steps), publish (half-way through copying the snapshot), report (between pages).
"""

from __future__ import annotations

import os
import signal
import threading

_hits: dict[str, int] = {}
_lock = threading.Lock()


def crashpoint(name: str) -> None:
    spec = os.environ.get("CRITICDB_CRASH_AT")
    if not spec:
        return
    point, _, n = spec.partition(":")
    if point != name:
        return
    with _lock:
        _hits[name] = _hits.get(name, 0) + 1
        if _hits[name] == int(n or 1):
            os.kill(os.getpid(), signal.SIGKILL)
