"""Writes the offline HTML report (self-contained pages, inline CSS and SVG) from the views."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from criticdb.common.crashpoints import crashpoint
from criticdb.dashboards import charts, formats
from criticdb.warehouse import read
from criticdb.warehouse.db import connect

PAGES = {"index.html": "Overview", "remakes.html": "Remakes", "films.html": "Films",
         "critics.html": "Critics", "quality.html": "Data quality"}
FILMS_SHOWN = 300  # most-reviewed films get a section; the rest are in film_scores
VIEWS = ("warehouse_overview", "remake_comparison", "remake_summary", "remake_families",
         "film_scores", "review_list", "critic_leanings", "remake_bias", "reject_summary",
         "last_run_rejects", "site_pages", "extraction_sources", "recent_rejects")


def _safe_url(url: str) -> str | None:
    """Only http(s) links reach the page: a scraped javascript: URL stays text."""
    return url if url.lower().startswith(("http://", "https://")) else None


def load(db: Path) -> dict[str, list[dict[str, Any]]]:
    con = connect(db, read_only=True)
    try:
        return {view: read.view_rows(con, view) for view in VIEWS}
    finally:
        con.close()


def context(data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    shown = sorted(data["film_scores"], key=lambda f: (-f["n_reviews"], f["title"]))
    films = sorted(shown[:FILMS_SHOWN], key=lambda f: (f["year"] or 0, f["title"]))
    ranked = [f for f in films if f["n_rated"] >= 2 and f["mean_rated"] is not None]
    ranked.sort(key=lambda f: (-f["mean_rated"], f["title"]))
    by_film: dict[str, list[dict[str, Any]]] = {}
    shown_ids = {f["film_id"] for f in films}
    for r in data["review_list"]:
        if r["film_id"] in shown_ids:
            by_film.setdefault(r["film_id"], []).append(dict(r, link=_safe_url(r["url"])))
    volume: dict[str, int] = {}
    for r in data["review_list"]:
        volume[r["critic"]] = volume.get(r["critic"], 0) + 1
    families: dict[str, list[dict[str, Any]]] = {}
    for f in data["remake_families"]:
        families.setdefault(f["family_id"], []).append(f)
    sources: dict[str, dict[str, int]] = {}
    for s in data["extraction_sources"]:
        sources.setdefault(s["field"], {})[s["layer"]] = s["n"]
    return {
        "overview": data["warehouse_overview"][0],
        "last_run_rejects": data["last_run_rejects"],
        "top_films": ranked[:5], "bottom_films": ranked[-5:][::-1],
        "summary": (data["remake_summary"] or [None])[0],
        "remakes": data["remake_comparison"],
        "dumbbell": charts.dumbbell(both_rated := [
            r for r in data["remake_comparison"]
            if r["original_mean"] is not None and r["remake_mean"] is not None]),
        "difference": charts.difference(both_rated),
        "families": list(families.values()),
        "films": films,
        "films_not_shown": max(0, len(shown) - FILMS_SHOWN),
        "reviews_by_film": by_film,
        "strips": {fid: charts.strip(revs) for fid, revs in by_film.items()},
        "critics": data["critic_leanings"],
        "critic_volume": volume,
        "critic_bars": charts.deviation_bars(data["critic_leanings"]),
        "remake_bias": [b for b in data["remake_bias"] if b["n_pairs"]],  # 0-pair total row
        "rejects": data["reject_summary"],
        "recent_rejects": [{**r, "href": _safe_url(r["url"])} for r in data["recent_rejects"]],
        "site_pages": data["site_pages"],
        "sources": sources,
        "layers": sorted({s["layer"] for s in data["extraction_sources"]}),
    }


def build_report(db: Path, out_dir: Path) -> Path:
    """Write every page to out_dir and return the path of index.html."""
    env = Environment(loader=PackageLoader("criticdb.dashboards", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters.update(formats.FILTERS)
    env.globals.update(formats.GLOBALS)
    ctx = context(load(db))
    ctx.update(pages=PAGES, generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
               css=(Path(__file__).parent / "templates" / "report.css").read_text("utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for filename, title in PAGES.items():
        template = env.get_template(filename.replace(".html", ".html.j2"))
        html = template.render(ctx, current=filename, title=title)
        tmp = out_dir / f".{filename}.tmp"
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, out_dir / filename)  # a reader never opens half a page
        crashpoint("report")
    return (out_dir / "index.html").resolve()
