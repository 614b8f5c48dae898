"""Many polite hosts at once: is a crawl as fast as its slowest host's politeness allows?

    .venv/bin/python benchmarks/many_hosts.py [--hosts 200] [--pages 20] [--delay 1.0]

Each host is its own loopback server (distinct ports) with robots.txt, a sitemap and N
review pages; every host must be asked no faster than `delay`. The politeness bound is
(2 + N − 1) × delay: robots.txt, the sitemap, then the pages, one delay apart. Runs the
frontier (`scrapers/frontier.crawl_sites`) over the hosts split into the default number of
shards, shards in parallel as the flow's task runner runs them, and reports wall time
against the bound and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.demo.server import DemoServer  # noqa: E402
from criticdb.scrapers.archive import RawArchive  # noqa: E402
from criticdb.scrapers.config import load_sources  # noqa: E402
from criticdb.scrapers.frontier import crawl_sites, shards  # noqa: E402


def generate_site(root: Path, i: int, pages: int) -> tuple[Path, str]:
    """A tiny review site written with a placeholder origin the server rewrites."""
    origin = f"http://site{i}.invalid"
    d = root / f"site{i}"
    urls = []
    for p in range(pages):
        page = d / "reviews" / f"film-{p}"
        page.mkdir(parents=True)
        review = {"@context": "https://schema.org", "@type": "Review",
                  "itemReviewed": {"@type": "Movie", "name": f"Film {i}-{p}"},
                  "author": {"@type": "Person", "name": f"Critic {i}"}}
        (page / "index.html").write_text(
            f"<html><head><script type='application/ld+json'>{json.dumps(review)}</script>"
            f"</head><body><h1>Film {i}-{p}</h1><p>A film.</p></body></html>")
        urls.append(f"{origin}/reviews/film-{p}/")
    (d / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (d / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>")
    return d, origin


def sources_for(server: DemoServer, path: Path, delay: float, shard_count: int) -> Path:
    path.write_text(f"[crawl]\ndelay_seconds = {delay}\ncrawl_shards = {shard_count}\n" + "".join(
        f'[[sites]]\nname = "{n}"\nbase_url = "{s.origin}/"\nreview_pattern = "^/reviews/"\n'
        'sources = [{ kind = "sitemap", url = "/sitemap.xml" }]\n'
        for n, s in server.sites.items()))
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--old-layout", type=int, metavar="WORKERS",
                        help="emulate the pre-frontier flow: one crawl per site on a pool of "
                             "WORKERS threads (the flow had 8)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spec = {}
        for i in range(args.hosts):
            site_dir, origin = generate_site(root / "sites", i, args.pages)
            spec[f"S{i}"] = (site_dir, origin, 0)
        with DemoServer(spec) as server:
            cfg = load_sources(sources_for(server, root / "sources.toml", args.delay,
                                           args.shards))
            groups = shards(list(cfg.sites), cfg.crawl.crawl_shards)
            archive = RawArchive(root / "raw")
            started = time.monotonic()
            if args.old_layout:
                groups = [[s] for s in cfg.sites]
            workers = args.old_layout or len(groups)
            with ThreadPoolExecutor(max_workers=workers) as pool:
                crawls = [c for shard in pool.map(
                    lambda g: crawl_sites(g, cfg.crawl, archive, {}, "bench"), groups)
                    for c in shard]
            elapsed = time.monotonic() - started
    bound = (2 + args.pages - 1) * args.delay
    pages = sum(len(c.results) for c in crawls)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    layout = (f"old layout, {args.old_layout} workers" if args.old_layout
              else f"{len(groups)} shards")
    print(f"{args.hosts} hosts × {args.pages} pages, delay {args.delay} s, {layout}: "
          f"{pages} pages in {elapsed:.1f} s; politeness bound {bound:.1f} s "
          f"({elapsed / bound:.2f}× the bound); peak RSS {rss_mb:.0f} MB (servers included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
