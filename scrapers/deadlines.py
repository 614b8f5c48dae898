"""Whole-body time budgets for every fetch, enforced by one watchdog thread.

A server dripping a byte at a time never trips a socket timeout, so each body read gets a
deadline at which it is cut. A `threading.Timer` per request did this at the cost of a new
thread per page (clone, stack mmap, futexes: measurable kernel time at hundreds of pages a
second); one thread with a heap of deadlines does the same for every fetch of the process.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import threading
import time
from collections.abc import Callable


class Deadline:
    """A scheduled cut; `cancel()` when the body arrived in time."""

    __slots__ = ("action", "fired")

    def __init__(self, action: Callable[[], None]) -> None:
        self.action: Callable[[], None] | None = action  # None once cancelled
        self.fired = False  # set by the watchdog thread before it cuts (a plain flag: an
        # Event per fetch held a Condition and a lock for the deadline's whole lifetime)

    def cancel(self) -> None:
        self.action = None  # the entry waits in the heap till its time: hold no response


class Watchdog:
    """Runs each armed action at its deadline unless it was cancelled first."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, action: Callable[[], None]) -> Deadline:
        deadline = Deadline(action)
        at = time.monotonic() + seconds
        with self._wake:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="fetch-deadlines",
                                                daemon=True)
                self._thread.start()
            earliest = not self._heap or at < self._heap[0][0]
            heapq.heappush(self._heap, (at, next(self._order), deadline))
            if earliest:  # the thread sleeps until the old earliest: wake it to re-plan
                self._wake.notify()
        return deadline

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][2].action is None:
                    heapq.heappop(self._heap)  # answered in time: drop without waiting
                if not self._heap:
                    self._wake.wait()
                    continue
                at, _, deadline = self._heap[0]
                now = time.monotonic()
                if at > now:
                    self._wake.wait(at - now)
                    continue
                heapq.heappop(self._heap)
            action = deadline.action
            if action is not None:
                deadline.fired = True  # before the cut: the reader's error must see it
                with contextlib.suppress(Exception):  # one failed cut must not stop the rest
                    action()


WATCHDOG = Watchdog()
