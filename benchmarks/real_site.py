"""The shared real pages served from 127.0.0.1 as sites, the way a user would crawl them.

    .venv/bin/python benchmarks/real_site.py [--corpus ../shared/corpus/real-reviews] [--db D]

Each page is served at /<site>/<its own URL's path and query>, so the slug the extractor
sees is the page's real one; each site of the answer key is one `[[sites]]` entry with a
`urls` source listing its pages (delay 0). The pages are read in place, never copied. The
pipeline run is the default one (`review_pipeline`, real DuckDB, real Prefect flow run);
`tests/test_real_site_e2e.py` asserts on it and this script prints what reached the tables.
"""

from __future__ import annotations

import argparse
import csv
import http.server
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real-reviews"


def served_paths(corpus: Path) -> tuple[dict[str, Path], dict[str, list[str]], list[dict]]:
    """(path → page file, site → its paths, manifest rows with their served path)."""
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        keys = list(csv.DictReader(fh, delimiter="\t"))
    files: dict[str, Path] = {}
    by_site: dict[str, list[str]] = {}
    for key in keys:
        site = re.sub(r"[^a-z0-9.-]+", "-", key["site"].lower()).strip("-") or "site"
        parts = urlsplit(key["url"])
        path = f"/{site}" + quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        if parts.query:
            path += "?" + parts.query
        while path in files:  # two pages claiming one URL: keep both, distinguishably
            path += "x" if "?" in path else "?copy"
        files[path] = corpus / "pages" / key["file"]
        by_site.setdefault(site, []).append(path)
        key["served_path"] = path
    return files, by_site, keys


class _Handler(http.server.BaseHTTPRequestHandler):
    files: dict[str, Path] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        page = self.files.get(self.path)
        if page is None:
            self.send_error(404)
            return
        body = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(corpus: Path = CORPUS) -> Iterator[tuple[str, dict[str, list[str]], list[dict]]]:
    """Serve the corpus on a free loopback port: (origin, site → paths, manifest rows)."""
    files, by_site, keys = served_paths(corpus)
    handler = type("Handler", (_Handler,), {"files": files})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", by_site, keys
    finally:
        server.shutdown()
        server.server_close()


def write_sources(origin: str, by_site: dict[str, list[str]], path: Path) -> Path:
    lines = ["[crawl]", "delay_seconds = 0.0", "retries = 0", ""]
    for site, paths in sorted(by_site.items()):
        urls = ", ".join(f'"{p}"' for p in paths)
        lines += ["[[sites]]", f'name = "{site}"', f'base_url = "{origin}/{site}/"',
                  f"review_pattern = '^/{re.escape(site)}/'",
                  f'sources = [{{ kind = "urls", urls = [{urls}] }}]', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run(corpus: Path, db: Path) -> dict[str, object]:
    """Run the default pipeline over the served corpus; what reached the warehouse."""
    import duckdb

    from criticdb.flows.pipeline import review_pipeline

    with serve(corpus) as (origin, by_site, keys), tempfile.TemporaryDirectory() as tmp:
        sources = write_sources(origin, by_site, Path(tmp) / "sources.toml")
        summary = review_pipeline(sources=str(sources), db=str(db),
                                  report_dir=str(db.parent / "report"))
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = {urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else ""):
                  (fid, year, src) for u, fid, year, src in con.execute(
                      "SELECT coalesce(p.requested_url, r.url), r.film_id, f.year, "
                      "f.identity_source FROM reviews r JOIN films f USING (film_id) "
                      "LEFT JOIN pages p ON p.url = r.url").fetchall()}
        rejects = con.execute("SELECT url, stage, reason, detail FROM rejects").fetchall()
    finally:
        con.close()
    reviews = [k for k in keys if k["kind"] == "film_review"]
    negatives = [k for k in keys if k["kind"] != "film_review"]
    return {"summary": summary, "report_dir": db.parent / "report", "reviews": reviews,
            "negatives": negatives, "loaded": loaded, "rejects": rejects,
            "reviews_loaded": [k for k in reviews if k["served_path"] in loaded],
            "negatives_loaded": [k for k in negatives if k["served_path"] in loaded]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    if not (args.corpus / "manifest.tsv").is_file():
        print(f"skipped: real-page corpus not found at {args.corpus}")
        return 0
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        out = run(args.corpus, args.db or Path(tmp) / "real.duckdb")
        reviews, loaded = out["reviews"], out["loaded"]
        print(f"film reviews loaded: {len(out['reviews_loaded'])}/{len(reviews)}; "
              f"negatives loaded: {len(out['negatives_loaded'])}/{len(out['negatives'])}")
        resolved = [k for k in out["reviews_loaded"] if loaded[k["served_path"]][1]]
        print(f"loaded reviews with a resolved film year: {len(resolved)}/"
              f"{len(out['reviews_loaded'])}")
        for k in reviews:
            if k["served_path"] not in loaded:
                why = [r for r in out["rejects"] if r[0].endswith(k["served_path"])]
                print(f"  not loaded: {k['file']}: {why}")
        for k in out["negatives_loaded"]:
            print(f"  negative loaded: {k['file']} ({k['kind']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
