"""Bylines to critic names: 'By JANE DOE', 'Jane Doe, Staff Writer', 'words by Jane Doe'."""

from __future__ import annotations

from criticdb.common.bylines import names_in
from criticdb.transforms.titles import slug


def critic_names(byline: str) -> list[str]:
    """One display name per author in a byline, in title case when shouted in capitals."""
    return names_in(byline)


def critic_id(name: str) -> str:
    return slug(name)


class CriticIdentity:
    """One critic across publications: bylines that normalise to the same name are one
    person, and so are different spellings ("Jane Doe", "J. Doe") that share a profile link.
    The id comes from the name used most often (ties: alphabetical), so it is stable."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._names: dict[str, dict[str, int]] = {}  # name key -> display name -> count
        self._urls: dict[str, set[str]] = {}

    def _find(self, key: str) -> str:
        self._parent.setdefault(key, key)
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def add(self, name: str, profile_url: str | None) -> None:
        key = critic_id(name)
        counts = self._names.setdefault(key, {})
        counts[name] = counts.get(name, 0) + 1
        self._find(key)
        if profile_url:
            url = profile_url.rstrip("/").lower()
            self._urls.setdefault(key, set()).add(url)
            self._union(key, f"url:{url}")

    def resolve(self, name: str) -> tuple[str, str, list[str]]:
        """(critic_id, display name, profile URLs) of the person behind this byline name."""
        root = self._find(critic_id(name))
        members = [k for k in self._names if self._find(k) == root]
        totals: dict[str, int] = {}
        for k in members:
            for display, n in self._names[k].items():
                totals[display] = totals.get(display, 0) + n
        display = sorted(totals, key=lambda d: (-totals[d], d))[0]
        urls = sorted({u for k in members for u in self._urls.get(k, set())})
        return critic_id(display), display, urls
