"""Writes the offline HTML report (one self-contained index.html) from warehouse views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from warehouse.db import connect

CHART_WIDTH = 640
ROW_HEIGHT = 34


def _rows(con: duckdb.DuckDBPyConnection, view: str) -> list[dict[str, Any]]:
    cur = con.execute(f"SELECT * FROM {view}")  # noqa: S608 (view names are constants)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _x(score: float | None) -> float | None:
    return None if score is None else round(160 + score / 100 * (CHART_WIDTH - 200), 1)


def dumbbell(remakes: list[dict[str, Any]]) -> dict[str, Any]:
    """Coordinates for the original → remake chart; the template draws them as SVG."""
    rows = []
    for i, r in enumerate(remakes):
        rows.append({"y": 30 + i * ROW_HEIGHT, "label": f"{r['remake_title']} ({r['remake_year']})",
                     "x_original": _x(r["original_mean"]), "x_remake": _x(r["remake_mean"]),
                     "original": r["original_mean"], "remake": r["remake_mean"]})
    ticks = [{"x": _x(t), "label": t} for t in range(0, 101, 20)]
    return {"width": CHART_WIDTH, "height": 40 + len(rows) * ROW_HEIGHT, "rows": rows,
            "ticks": ticks}


def build_report(db: Path, out_dir: Path) -> Path:
    con = connect(db, read_only=True)
    try:
        overview = _rows(con, "warehouse_overview")[0]
        remakes = _rows(con, "remake_comparison")
        films = _rows(con, "film_scores")
        reviews = _rows(con, "review_list")
        rejects = _rows(con, "reject_summary")
    finally:
        con.close()
    diffs = [r["difference"] for r in remakes if r["difference"] is not None]
    by_film: dict[str, list[dict[str, Any]]] = {}
    for r in reviews:
        by_film.setdefault(r["film_id"], []).append(r)
    env = Environment(loader=PackageLoader("dashboards", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    html = env.get_template("report.html.j2").render(
        overview=overview, remakes=remakes, chart=dumbbell(remakes),
        mean_difference=round(sum(diffs) / len(diffs), 1) if diffs else None,
        films=sorted(films, key=lambda f: (f["year"] or 0, f["title"])),
        reviews_by_film=by_film, rejects=rejects,
        css=(Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8"),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    path.write_text(html, encoding="utf-8")
    return path.resolve()
