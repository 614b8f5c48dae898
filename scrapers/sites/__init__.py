"""Site adapters: one small class per site that overrides only what the generic cascade gets wrong.

Adding a site is one module here (a SiteAdapter subclass naming its hosts) plus golden
fixtures under tests/fixtures/sites/<module>/; the registry below finds it, and refuses a host
claimed twice. The demo sites need none: the generic cascade reads them.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from criticdb.scrapers.extract.page import ParsedPage


class SiteAdapter:
    """Base: returns no fields, so every field falls through to the generic layers."""

    hosts: tuple[str, ...] = ()

    def fields(self, page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
        return {}


def _registry() -> dict[str, type[SiteAdapter]]:
    """Host → adapter for every SiteAdapter subclass in this package's modules."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    registry: dict[str, type[SiteAdapter]] = {}
    for adapter in SiteAdapter.__subclasses__():
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
