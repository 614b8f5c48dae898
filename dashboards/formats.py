"""How the report writes each kind of figure, the same way on every page.

Scores and means on 0–100: one decimal. Differences (remake − original, deviations): one
decimal with a sign and a true minus. Percentages: whole numbers with "%". Counts: integers.
A 95% CI: two differences joined by "to" that never wrap. A rating: as written, with its
scale when the page gave a bare number ("3/4", "7/10"). Missing: an en dash."""

from __future__ import annotations

import re

from markupsafe import Markup

MISSING = "–"


def score(value: float | None) -> str:
    return MISSING if value is None else f"{value:.1f}"


def signed(value: float | None) -> str:
    if value is None:
        return MISSING
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text.replace("-", "−")


def pct(value: float | None) -> str:
    return MISSING if value is None else f"{value:.0f}%"


def ci(low: float | None, high: float | None) -> Markup:
    if low is None or high is None:
        return Markup(MISSING)
    return Markup('<span class="ci-range">{} to {}</span>').format(signed(low), signed(high))


_BARE_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_OUT_OF = re.compile(r"out_of_(\d+)")
_RANGE = re.compile(r"range_(-?\d+(?:\.\d+)?)_(-?\d+(?:\.\d+)?)")


def rating(raw: str | None, scale: str | None) -> str:
    """'3' on out_of_4 → '3/4'; '-2' on range_-4_4 → '-2 (−4 to 4)'; 'B+', '★★★½' and
    '3.5/4' already say their scale and are shown as written."""
    if not raw:
        return "no rating"
    text = raw.strip()
    if _BARE_NUMBER.fullmatch(text) and (m := _OUT_OF.fullmatch(scale or "")):
        return f"{text}/{m[1]}"
    if (m := _RANGE.fullmatch(scale or "")) and not re.search(r"[/a-z]", text, re.I):
        return f"{text} ({m[1].replace('-', '−')} to {m[2]})"
    return text


FILTERS = {"score": score, "signed": signed, "pct": pct, "rating": rating}
GLOBALS = {"ci": ci}
