"""The bundled demo: five fictional review sites, their loopback server and their catalogue.

Production code never imports this package; `criticdb demo` and the tests do.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO_SOURCES = HERE / "sources.toml"
DEMO_CATALOGUE = HERE / "films.csv"
SITES_DIR = HERE / "sites"
