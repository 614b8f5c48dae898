"""Geometry for the report's inline SVG charts; templates draw it, Jinja escapes every label.

Every chart has a titled axis with ticks, and nothing is cut silently: a value or interval
beyond the axis is drawn to its edge with an arrow and flagged, its full range in the tooltip
and the table beside the chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

WIDTH = 640
LEFT = 235  # room for labels
RIGHT = 24
ROW = 34
TITLE_ROOM = 30  # below the last row: the axis title


@dataclass(frozen=True)
class Axis:
    """A horizontal value axis from lo to hi over the plot area, with a title."""

    lo: float
    hi: float
    title: str
    step: float

    def x(self, value: float) -> float:
        inside = min(self.hi, max(self.lo, value))
        return round(LEFT + (inside - self.lo) / (self.hi - self.lo) * (WIDTH - LEFT - RIGHT), 1)

    def clipped(self, value: float) -> bool:
        return value < self.lo or value > self.hi

    def ticks(self) -> list[dict[str, Any]]:
        n = round((self.hi - self.lo) / self.step)
        values = [self.lo + i * self.step for i in range(n + 1)]
        return [{"x": self.x(v), "label": _tick(v, self.lo < 0)} for v in values]

    def frame(self, height: float) -> dict[str, Any]:
        """What every chart template needs to draw the axis: ticks, gridlines, title."""
        return {"width": WIDTH, "height": height + TITLE_ROOM, "ticks": self.ticks(),
                "grid_bottom": height - 4, "title": self.title,
                "title_x": round(LEFT + (WIDTH - LEFT - RIGHT) / 2, 1),
                "title_y": height + TITLE_ROOM - 8,
                "zero_x": self.x(0) if self.lo < 0 < self.hi else None}


def _tick(value: float, signed: bool) -> str:
    text = f"{value:+g}" if signed and value else f"{value:g}"
    return text.replace("-", "−")


SCORE_AXIS = Axis(0, 100, "Score, 0–100", 20)


NICE_SPANS = (10, 20, 30, 40, 50, 60, 80, 100)


def symmetric_axis(values: list[float], title: str) -> Axis:
    """−span…+span around zero, span the smallest round number that holds every |value|, at
    most 100: differences of 0–100 scores lie within ±100; only an interval can reach
    further, and that is drawn to the edge with an arrow."""
    biggest = max([abs(v) for v in values] + [0.0])
    span = next((s for s in NICE_SPANS if biggest <= s), NICE_SPANS[-1])
    return Axis(-span, span, title, span / 2)


def _pair_row(i: int, r: dict[str, Any]) -> dict[str, Any]:
    """Where a film pair's row sits and how it is labelled, the same in both remake charts."""
    return {"y": 34 + i * ROW, "label": f"{r['remake_title']} ({r['remake_year']})",
            "sub": f"vs {r['original_title']} ({r['original_year']})"}


def dumbbell(remakes: list[dict[str, Any]]) -> dict[str, Any]:
    """Original → remake mean rating per film pair, on the 0–100 score axis."""
    axis = Axis(0, 100, "Mean rating of the film, 0–100 (ratings only)", 20)
    rows = []
    for i, r in enumerate(remakes):
        rows.append({
            **_pair_row(i, r),
            "x_original": axis.x(r["original_mean"]), "x_remake": axis.x(r["remake_mean"]),
            "original": r["original_mean"], "remake": r["remake_mean"],
            "n": f"n={r['original_n']}/{r['remake_n']}"})
    return {**axis.frame(44 + len(rows) * ROW), "rows": rows}


def difference(remakes: list[dict[str, Any]]) -> dict[str, Any]:
    """Remake − original per film pair with its 95% CI, on its own axis centred on zero."""
    values = [v for r in remakes for v in (r["difference"], r.get("difference_ci_low"),
                                           r.get("difference_ci_high")) if v is not None]
    axis = symmetric_axis(values, "Remake − original, points (bar: 95% CI)")
    rows = []
    for i, r in enumerate(remakes):
        lo, hi, d = r.get("difference_ci_low"), r.get("difference_ci_high"), r["difference"]
        has_ci = lo is not None and hi is not None
        rows.append({
            **_pair_row(i, r),
            "x": axis.x(d), "value": d, "lower": d < 0,
            "x_ci_low": axis.x(lo) if has_ci else None,
            "x_ci_high": axis.x(hi) if has_ci else None,
            "ci_low": lo, "ci_high": hi,
            "cut_low": has_ci and axis.clipped(lo), "cut_high": has_ci and axis.clipped(hi),
            "few": bool(r.get("too_few_reviews"))})
    frame = axis.frame(44 + len(rows) * ROW)
    return {**frame, "rows": rows, "any_cut": any(r["cut_low"] or r["cut_high"] for r in rows),
            "span": axis.hi}


def strip(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    """One dot per scored review on a 0–100 axis; inferred scores are drawn hollow."""
    dots = []
    seen: dict[float, int] = {}
    for r in reviews:
        if r["score"] is None:
            continue
        x = SCORE_AXIS.x(r["score"])
        stack = seen[x] = seen.get(x, 0) + 1
        dots.append({"x": x, "y": 30 - (stack - 1) * 9, "score": r["score"],
                     "inferred": r["score_source"] == "inferred", "critic": r["critic"]})
    return {**SCORE_AXIS.frame(52), "dots": dots}


def deviation_bars(critics: list[dict[str, Any]]) -> dict[str, Any]:
    """Each critic's mean deviation from the other critics, on an axis centred on zero."""
    axis = symmetric_axis([c["mean_deviation"] or 0.0 for c in critics],
                          "Points vs the other critics' mean (left: harsher, right: kinder)")
    bars = []
    for i, c in enumerate(critics):
        d = c["mean_deviation"] or 0.0
        x0, x1 = sorted((axis.x(0), axis.x(d)))
        bars.append({"y": 24 + i * 26, "label": c["name"], "value": d,
                     "x": x0, "w": round(x1 - x0, 1), "negative": d < 0})
    return {**axis.frame(38 + len(bars) * 26), "bars": bars}
