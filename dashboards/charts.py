"""Geometry for the report's inline SVG charts; templates draw it, Jinja escapes every label."""

from __future__ import annotations

from typing import Any

WIDTH = 640
LEFT = 235  # room for labels
RIGHT = 24
ROW = 34


def x_of(score: float | None) -> float | None:
    return None if score is None else round(LEFT + score / 100 * (WIDTH - LEFT - RIGHT), 1)


def ticks() -> list[dict[str, Any]]:
    return [{"x": x_of(t), "label": t} for t in range(0, 101, 20)]


def dumbbell(remakes: list[dict[str, Any]]) -> dict[str, Any]:
    """Original → remake mean per pair, with the remake side's 95% CI of the difference."""
    rows = []
    for i, r in enumerate(remakes):
        lo, hi = r.get("difference_ci_low"), r.get("difference_ci_high")
        om = r["original_mean"]
        rows.append({
            "y": 34 + i * ROW,
            "label": f"{r['remake_title']} ({r['remake_year']})",
            "sub": f"vs {r['original_title']} ({r['original_year']})",
            "x_original": x_of(om), "x_remake": x_of(r["remake_mean"]),
            "x_ci_low": x_of(max(0.0, om + lo)) if om is not None and lo is not None else None,
            "x_ci_high": x_of(min(100.0, om + hi)) if om is not None and hi is not None else None,
            "original": om, "remake": r["remake_mean"],
            "n": f"n={r['original_n']}/{r['remake_n']}"})
    return {"width": WIDTH, "height": 44 + len(rows) * ROW, "rows": rows, "ticks": ticks()}


def strip(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    """One dot per scored review on a 0–100 axis; inferred scores are drawn hollow."""
    dots = []
    seen: dict[float, int] = {}
    for r in reviews:
        if r["score"] is None:
            continue
        x = x_of(r["score"])
        stack = seen[x] = seen.get(x, 0) + 1
        dots.append({"x": x, "y": 30 - (stack - 1) * 9, "score": r["score"],
                     "inferred": r["score_source"] == "inferred", "critic": r["critic"]})
    return {"width": WIDTH, "height": 52, "dots": dots, "ticks": ticks()}


def deviation_bars(critics: list[dict[str, Any]]) -> dict[str, Any]:
    """Horizontal bars of each critic's mean deviation from consensus, centred on zero."""
    span = max([abs(c["mean_deviation"] or 0) for c in critics] + [10.0])
    mid = LEFT + (WIDTH - LEFT - RIGHT) / 2
    half = (WIDTH - LEFT - RIGHT) / 2
    bars = []
    for i, c in enumerate(critics):
        d = c["mean_deviation"] or 0.0
        w = abs(d) / span * half
        bars.append({"y": 16 + i * 26, "label": c["name"], "value": d,
                     "x": round(mid - w if d < 0 else mid, 1), "w": round(w, 1),
                     "negative": d < 0})
    return {"width": WIDTH, "height": 30 + len(bars) * 26, "mid": mid, "bars": bars}
