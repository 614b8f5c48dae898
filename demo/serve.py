"""Serves the bundled demo sites on the loopback ports their sources file names."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from criticdb.common.errors import CriticdbError
from criticdb.demo import SITES_DIR
from criticdb.demo.server import DemoServer
from criticdb.scrapers.config import SourcesConfig

# The demo sources file names each site; its pages live in demo/sites/<dir>.
SITE_DIRS = {
    "The Night Reel": "nightreel",
    "Marquee Ledger": "marquee",
    "Gradebook Pictures": "gradebook",
    "The Harbour Courier": "courier",
    "Frame Rate": "framerate",
}


def server_spec(cfg: SourcesConfig, any_port: bool = False) -> dict[str, tuple[Path, str, int]]:
    """name -> (directory, origin the pages were written with, port); port 0 with any_port."""
    spec = {}
    for site in cfg.sites:
        if site.name not in SITE_DIRS:
            raise CriticdbError(f"{site.name!r} is not a bundled demo site; known: "
                                f"{sorted(SITE_DIRS)}")
        port = 0 if any_port else (urlsplit(site.base_url).port or 80)
        spec[site.name] = (SITES_DIR / SITE_DIRS[site.name], site.base_url.rstrip("/"), port)
    return spec


@contextlib.contextmanager
def demo_sites(cfg: SourcesConfig) -> Iterator[DemoServer]:
    try:
        server = DemoServer(server_spec(cfg)).__enter__()
    except OSError as exc:
        raise CriticdbError(f"cannot start the demo sites on their ports ({exc}); "
                            "is another criticdb demo serving them?") from exc
    try:
        yield server
    finally:
        server.__exit__(None, None, None)
