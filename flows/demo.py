"""Serves the bundled demo sites while a run that names them crawls."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from urllib.parse import urlsplit

from scrapers.config import SourcesConfig
from scrapers.demo_server import DemoServer
from scrapers.errors import CriticdbError


@contextlib.contextmanager
def demo_sites(cfg: SourcesConfig) -> Iterator[None]:
    """Serve sites that have `serve_from` on the ports their base_url names; no-op otherwise."""
    spec = {s.name: (s.serve_from, s.base_url.rstrip("/"), urlsplit(s.base_url).port or 80)
            for s in cfg.sites if s.serve_from}
    if not spec:
        yield
        return
    try:
        server = DemoServer(spec).__enter__()
    except OSError as exc:
        raise CriticdbError(f"cannot start the demo sites on their ports ({exc}); "
                            "is another criticdb run serving them?") from exc
    try:
        yield
    finally:
        server.__exit__(None, None, None)
