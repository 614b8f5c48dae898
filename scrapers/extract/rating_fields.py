"""schema.org Rating values (JSON-LD or microdata) to rating_raw and rating_scale."""

from __future__ import annotations

from typing import Any


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def schema_rating(value: Any, best: Any, worst: Any) -> dict[str, str]:
    """Empty when ratingValue is absent or not a number; the scale is never guessed here."""
    if isinstance(value, str) and value.count("/") == 1 and best is None:
        value, best = value.split("/")  # "4.5/5": some plugins write the scale in the value
    v = _number(value)
    if v is None:
        return {}
    b = _number(best)
    w = _number(worst)
    b = 5.0 if b is None else b  # schema.org defaults: bestRating 5, worstRating 1
    w = 1.0 if w is None else w
    # A worstRating between 0 and 1 (0, ½ star, 1) is the lowest mark awardable, not the
    # zero of the scale: ★½ of 5 is 30 whether a theme declares worstRating 0, 0.5 or 1.
    scale = f"out_of_{_fmt(b)}" if 0.0 <= w <= 1.0 else f"range_{_fmt(w)}_{_fmt(b)}"
    return {"rating_raw": _fmt(v), "rating_scale": scale}
