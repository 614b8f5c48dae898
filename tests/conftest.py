"""Shared fixtures: one Prefect test server per session, demo sites on loopback, one demo run."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import criticdb.flows  # noqa: F401  (sets offline Prefect defaults before Prefect is imported)
from criticdb.demo import DEMO_CATALOGUE, DEMO_SOURCES
from criticdb.demo.serve import server_spec
from criticdb.demo.server import DemoServer
from criticdb.scrapers.config import load_sources

REPO = Path(__file__).resolve().parent.parent

# Tests never reach beyond loopback (pytest-socket's --allow-hosts in pyproject.toml): no
# proxies, no Prefect Cloud.
for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
    os.environ.pop(var, None)




@pytest.fixture(scope="session")
def rt_rows() -> list:
    """The shared corpus's Rotten Tomatoes rows; a contributor's clone without ../shared
    skips, CI (CI=true) must have them."""
    from benchmarks import scores_real

    try:
        return scores_real.read_rows()
    except scores_real.DataMissing as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@dataclass
class DemoSites:
    server: DemoServer
    sources: Path  # a sources file pointing at the running sites

    def requested_paths(self, site: str) -> list[str]:
        return self.server.sites[site].paths()


def write_sources(origins: dict[str, str], path: Path, delay: float = 0.0) -> Path:
    """The demo sources file with each site's base_url moved to where it runs now."""
    text = DEMO_SOURCES.read_text(encoding="utf-8")
    cfg = load_sources(DEMO_SOURCES)
    for site in cfg.sites:
        text = text.replace(f'base_url = "{site.base_url}"', f'base_url = "{origins[site.name]}/"')
    text = text.replace("delay_seconds = 0.02", f"delay_seconds = {delay}")
    text = text.replace('catalogue = "films.csv"', f'catalogue = "{DEMO_CATALOGUE}"')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_sites() -> Iterator[DemoSites]:
    cfg = load_sources(DEMO_SOURCES)
    spec = server_spec(cfg, any_port=True)
    with DemoServer(spec) as server, tempfile.TemporaryDirectory() as tmp:
        origins = {name: site.origin for name, site in server.sites.items()}
        yield DemoSites(server, write_sources(origins, Path(tmp) / "sources.toml"))


@dataclass
class DemoRun:
    db: Path
    report_dir: Path
    summary: object
    second: object
    second_run_requests: list  # the demo servers' log entries made by the second run


@pytest.fixture(scope="session")
def demo_run(prefect_server: None, demo_sites: DemoSites,
             tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """The demo pipeline run twice into one warehouse; the snapshot after run one is kept."""
    from criticdb.flows.pipeline import review_pipeline

    tmp = tmp_path_factory.mktemp("demo_run")
    db = tmp / "criticdb.duckdb"
    first = review_pipeline(sources=str(demo_sites.sources), db=str(db),
                            report_dir=str(tmp / "report"))
    snapshot = tmp / "after_first.duckdb"
    snapshot.write_bytes(db.read_bytes())
    marks = {name: len(site.log) for name, site in demo_sites.server.sites.items()}
    second = review_pipeline(sources=str(demo_sites.sources), db=str(db),
                             report_dir=str(tmp / "report"))
    requests = [r for name, site in demo_sites.server.sites.items()
                for r in site.log[marks[name]:]]
    return DemoRun(db, tmp / "report", first, second, requests)
