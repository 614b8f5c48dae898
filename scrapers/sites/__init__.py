"""Site adapters: one small class per site that overrides only what the generic cascade gets wrong.

Register an adapter here, keyed by host (netloc), and add golden fixtures under
tests/fixtures/sites/<site>/. The demo sites need none: the generic cascade reads them.
"""

from __future__ import annotations

from typing import Any

from scrapers.extract.page import ParsedPage


class SiteAdapter:
    """Base: returns no fields, so every field falls through to the generic layers."""

    hosts: tuple[str, ...] = ()

    def fields(self, page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
        return {}


def _registry() -> dict[str, type[SiteAdapter]]:
    from scrapers.sites.reelnotes import ReelNotes

    adapters: list[type[SiteAdapter]] = [ReelNotes]
    registry: dict[str, type[SiteAdapter]] = {}
    for adapter in adapters:
        for host in adapter.hosts:
            if host in registry:
                raise ValueError(f"host {host} registered by {registry[host].__name__} and "
                                 f"{adapter.__name__}")
            registry[host] = adapter
    return registry


ADAPTERS: dict[str, type[SiteAdapter]] = _registry()


def adapter_for(host: str) -> SiteAdapter | None:
    cls = ADAPTERS.get(host.lower())
    return cls() if cls else None
