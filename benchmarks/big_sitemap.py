"""Sitemaps at the protocol's limits, parsed as a stream.

    .venv/bin/python benchmarks/big_sitemap.py [--files 10] [--urls 50000]

A sitemap index of FILES gzip'd sitemaps with URLS entries each (50,000 is the protocol's
per-file limit), served from loopback; discovery reads them all. Reports time, URLs found
and the process's peak RSS (the server runs in the same process).
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.demo.server import DemoServer  # noqa: E402
from criticdb.scrapers.config import CrawlSettings, Site, Source  # noqa: E402
from criticdb.scrapers.discover import discover_site  # noqa: E402
from criticdb.scrapers.fetch import Fetcher  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--urls", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        with DemoServer({"big": (root, "http://big.invalid", 0)}) as server:
            origin = server.sites["big"].origin
            for f in range(args.files):
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                        'sitemap/0.9">' + "".join(
                            f"<url><loc>{origin}/reviews/{f}/film-{i:06d}/</loc>"
                            f"<lastmod>2024-03-01</lastmod></url>" for i in range(args.urls))
                        + "</urlset>").encode()
                (root / f"part{f}.xml.gz").write_bytes(gzip.compress(body))
            (root / "sitemap.xml").write_text(
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                'sitemap/0.9">' + "".join(f"<sitemap><loc>{origin}/part{f}.xml.gz</loc>"
                                          "</sitemap>" for f in range(args.files))
                + "</sitemapindex>")
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            site = Site("Big", origin + "/", (Source("sitemap", "/sitemap.xml"),), "^/reviews/")
            started = time.perf_counter()
            found = discover_site(site, Fetcher(CrawlSettings(delay_seconds=0.0), {site.host}))
            elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"index of {args.files} gzip'd sitemaps × {args.urls} URLs: {len(found.urls)} URLs in "
          f"{elapsed:.1f} s; peak RSS {peak:.0f} MB (before discovery {before:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
