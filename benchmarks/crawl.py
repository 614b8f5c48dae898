"""Crawler throughput vs a bare threaded requests loop, on a generated loopback site.

    .venv/bin/python benchmarks/crawl.py [--pages 10000] [--concurrency 16] [--server nginx]
                                         [--rounds 3]

Generates N review pages (~50 KB each) plus a sitemap in a temp dir, serves them from a
separate process (the demo server: ETag + 304 support), then runs, each in its own process so
peak RSS is its own: (1) the bare loop: 16 threads doing GET + write to disk; (2) criticdb's
crawl_site with rate limits off and 16 concurrent requests (robots.txt, scope checks,
canonical link, gzip'd content-addressed archive); (3) the same crawl again with the stored
validators (all 304). (1) and (2) run `--rounds` times, alternating which goes first (the
disk write-back of one step lands on the next), each after flushing dirty pages; the ratio
reported is the median of the rounds', and each step's CPU time per page is printed beside its
throughput.

`--server nginx` serves the pages with Debian's nginx (`apt-get install nginx`; ETag and
Last-Modified on, 4 worker processes) instead of the single-process Python server, so the
server is not the bottleneck and the crawler's own ceiling shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PARA = ("The film moves with a confidence that makes its familiar premise feel new, and the "
        "lead performance holds every scene together even when the script falters. ")


def generate(root: Path, pages: int, origin: str) -> None:
    urls = []
    for i in range(pages):
        d = root / "reviews" / f"film-{i}"
        d.mkdir(parents=True)
        body = "".join(f"<p>{PARA * 3}</p>" for _ in range(100))  # ~50 KB, a typical page
        (d / "index.html").write_text(
            f"<html><head><title>Film {i} review | Bench</title><link rel='canonical' "
            f"href='{origin}/reviews/film-{i}/'></head><body><h1>Film {i} review</h1>"
            f"{body}</body></html>", encoding="utf-8")
        urls.append(f"{origin}/reviews/film-{i}/")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    head = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    (root / "sitemap.xml").write_text(head + "".join(
        f"<url><loc>{u}</loc><lastmod>2024-05-01</lastmod></url>" for u in urls) + "</urlset>")
    (root / "sitemap-no-lastmod.xml").write_text(
        head + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>")


def serve(root: str, port: int) -> None:
    from criticdb.demo.server import DemoServer

    with DemoServer({"bench": (Path(root), f"http://127.0.0.1:{port}", port)}):
        while True:
            time.sleep(3600)


# `user root`: the workers must read the temporary directory, which only its owner may.
NGINX_CONF = """daemon off; user root; worker_processes {workers}; pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; keepalive_requests 100000; etag on;
  types {{ text/html html; application/xml xml; text/plain txt; }}
  client_body_temp_path {prefix}/tmp; proxy_temp_path {prefix}/tmp;
  fastcgi_temp_path {prefix}/tmp; uwsgi_temp_path {prefix}/tmp; scgi_temp_path {prefix}/tmp;
  server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }} }}
"""


def start_server(kind: str, site: Path, port: int, work: Path, workers: int = 4
                 ) -> subprocess.Popen:
    if kind == "nginx":
        (work / "tmp").mkdir(parents=True, exist_ok=True)
        conf = work / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=work, port=port, root=site, workers=workers))
        return subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)])
    return subprocess.Popen([sys.executable, __file__, "--port", str(port), "--child", "serve",
                             str(site)])


def bare(origin: str, pages: int, concurrency: int, out: Path) -> dict:
    import requests
    import requests.adapters

    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=concurrency))

    def get(i: int) -> None:
        r = session.get(f"{origin}/reviews/film-{i}/", timeout=(5, 15))
        (out / f"{i}.html").write_bytes(r.content)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(get, range(pages)))
    return {"seconds": time.perf_counter() - started}


def crawler(origin: str, concurrency: int, archive_dir: Path, priors_file: Path | None,
            sitemap: str = "/sitemap-no-lastmod.xml") -> dict:
    from criticdb.common.records import PriorFetch
    from criticdb.scrapers.archive import RawArchive
    from criticdb.scrapers.config import CrawlSettings, Site, Source
    from criticdb.scrapers.crawl import crawl_site

    site = Site("bench", origin + "/", (Source("sitemap", sitemap),), r"^/reviews/")
    settings = CrawlSettings(delay_seconds=0.0, concurrent_requests_per_host=concurrency)
    priors = {}
    if priors_file:
        priors = {k: PriorFetch(*v[:4], dt.datetime.fromisoformat(v[4]))
                  for k, v in json.loads(priors_file.read_text()).items()}
    started = time.perf_counter()
    result = crawl_site(site, settings, RawArchive(archive_dir), priors)
    seconds = time.perf_counter() - started
    if not priors_file:
        (archive_dir / "priors.json").write_text(json.dumps(
            {r.requested_url: [r.url, r.etag, r.last_modified, r.content_sha256,
                               r.fetched_at.isoformat()]
             for r in result.results}))
    return {"seconds": seconds, "fetched": sum(r.status == 200 for r in result.results),
            "not_modified": sum(r.status == 304 for r in result.results),
            "unchanged_by_lastmod": result.unchanged_by_lastmod, "rejects": len(result.rejects)}


def settle() -> None:
    """Flush dirty pages before a timed step: otherwise the kernel writes back the previous
    step's output (the generated site, the bare loop's 500 MB) during the next one, and
    whichever client runs second pays for the first."""
    os.sync()
    time.sleep(1.0)


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"benchmark step {args[-3:]} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--pages", type=int, default=10_000)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--port", type=int, default=8790)
    p.add_argument("--child", nargs="*")
    p.add_argument("--server", choices=("python", "nginx"), default="python")
    p.add_argument("--nginx-workers", type=int, default=4,
                   help="nginx worker processes (on 2 cores, 1 leaves the client a core)")
    p.add_argument("--rounds", type=int, default=3,
                   help="bare loop and crawler runs, alternating which goes first; the "
                        "ratio reported is the median of the rounds'")
    a = p.parse_args()
    if a.child:
        if a.child[0] == "serve":
            serve(a.child[1], a.port)
        kind, origin, work = a.child[:3]
        if kind == "bare":
            result = bare(origin, a.pages, a.concurrency, Path(work))
        elif kind == "crawl":
            result = crawler(origin, a.concurrency, Path(work), None)
        else:
            result = crawler(origin, a.concurrency, Path(work), Path(work) / "priors.json",
                             "/sitemap.xml" if kind == "recrawl-lastmod" else
                             "/sitemap-no-lastmod.xml")
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_rss_mb"] = usage.ru_maxrss / 1024
        result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
        print(json.dumps(result))
        return
    origin = f"http://127.0.0.1:{a.port}"
    steps = ["--pages", str(a.pages), "--concurrency", str(a.concurrency), "--child"]
    with tempfile.TemporaryDirectory() as tmp:
        site, bare_out, archive = Path(tmp) / "site", Path(tmp) / "bare", Path(tmp) / "archive"
        generate(site, a.pages, origin)
        server = start_server(a.server, site, a.port, Path(tmp) / "server", a.nginx_workers)
        bares, crawls = [], []
        try:
            time.sleep(1.5)
            for round_ in range(a.rounds):
                # odd rounds run the crawler first, so neither client always runs second
                for kind in (("bare", "crawl") if round_ % 2 == 0 else ("crawl", "bare")):
                    shutil.rmtree(bare_out, ignore_errors=True)  # 500 MB not written back
                    shutil.rmtree(archive, ignore_errors=True)  # later
                    (bare_out if kind == "bare" else archive).mkdir()
                    settle()
                    res = _child([*steps, kind, origin, str(bare_out if kind == "bare"
                                                            else archive)])
                    (bares if kind == "bare" else crawls).append(res)
            # the crawl's archive is the last step's in even-length runs: crawl once more
            if a.rounds % 2 == 0:
                shutil.rmtree(archive, ignore_errors=True)
                archive.mkdir()
                _child([*steps, "crawl", origin, str(archive)])
            settle()
            r = _child([*steps, "recrawl", origin, str(archive)])
            m = _child([*steps, "recrawl-lastmod", origin, str(archive)])
        finally:
            server.terminate()
    print(f"{a.pages} pages, {a.concurrency} concurrent requests, rate limits off, "
          f"{a.server} server" + (f" ({a.nginx_workers} workers)" if a.server == "nginx" else "")
          + f", {a.rounds} round(s)")
    ratios = [b["seconds"] / c["seconds"] for b, c in zip(bares, crawls, strict=True)]
    rows = [*((f"bare requests loop #{i + 1}", b) for i, b in enumerate(bares)),
            *((f"criticdb crawl #{i + 1}", c) for i, c in enumerate(crawls)),
            ("re-crawl, 304s only", r), ("re-crawl, sitemap lastmod", m)]
    for name, res in rows:
        print(f"{name:26s} {a.pages / res['seconds']:8.0f} pages/s  {res['seconds']:7.2f} s  "
              f"CPU {res['cpu_seconds'] / a.pages * 1e6:5.0f} µs/page  "
              f"peak RSS {res['peak_rss_mb']:6.0f} MB")
    c = crawls[-1]
    print(f"crawler / bare throughput per round: {', '.join(f'{x:.0%}' for x in ratios)}; "
          f"median {statistics.median(ratios):.0%}; "
          f"re-crawl speed-up: {c['seconds'] / r['seconds']:.1f}x with 304s, "
          f"{c['seconds'] / m['seconds']:.0f}x with sitemap lastmod; crawl fetched "
          f"{c['fetched']}, 304s {r['not_modified']}, skipped by lastmod "
          f"{m['unchanged_by_lastmod']}")

if __name__ == "__main__":
    main()
