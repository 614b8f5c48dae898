"""Every rating form onto one documented 0–100 scale (see docs/scores.md).

Numeric scales map linearly from zero: value / best × 100, so 3/5 stars = 60 and
3.5/4 = 87.5 (Metacritic's "stars × 20" on /5). A schema.org worstRating of 0 or 1 is
read as "the lowest mark awardable", not as the zero point; any other worstRating
(e.g. −5…5) maps linearly from worst to best. Letter grades use Metacritic's table.
"""

from __future__ import annotations

import re

from criticdb.transforms.errors import RatingError

LETTER_SCORES: dict[str, float] = {
    "A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
    "C-": 42, "D+": 33, "D": 25, "D-": 16, "F": 0,
}
WORD_SCORES: dict[str, float] = {"fresh": 100, "recommended": 100, "rotten": 0,
                                 "not recommended": 0}
OUT_OF = re.compile(r"^out_of_(\d+(?:\.\d+)?)$")
RANGE = re.compile(r"^range_(-?\d+(?:\.\d+)?)_(-?\d+(?:\.\d+)?)$")
NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(½)?\s*(?:/\s*\d+(?:\.\d+)?)?\s*$")
GLYPHS = re.compile(r"^(★*)(½?)(☆*)$")
DEFAULT_STAR_SCALE = 5.0


def _value(raw: str) -> tuple[float, float | None]:
    """Numeric value of a raw rating and, for glyph strings with empties, their scale."""
    text = raw.strip().replace(",", ".")
    if m := GLYPHS.match(text.replace(" ", "")):
        if m[1] or m[2]:
            value = len(m[1]) + (0.5 if m[2] else 0.0)
            total = value + len(m[3]) + (0.5 if m[2] else 0.0)
            return value, (total if m[3] else None)
    if m := NUMBER.match(text):
        return float(m[1]) + (0.5 if m[2] else 0.0), None
    raise RatingError("rating_unparseable", repr(raw))


def to_score(raw: str, scale: str | None) -> float:
    """0–100 score for a rating, or RatingError with a reason code."""
    if not raw or not raw.strip():
        raise RatingError("rating_empty")
    scale = (scale or "").strip()
    if scale == "letter":
        grade = raw.strip().upper().replace("−", "-").replace("–", "-")
        if grade not in LETTER_SCORES:
            raise RatingError("rating_not_a_letter_grade", repr(raw))
        return LETTER_SCORES[grade]
    if scale == "binary":
        word = raw.strip().lower()
        if word not in WORD_SCORES:
            raise RatingError("rating_not_a_verdict_word", repr(raw))
        return WORD_SCORES[word]
    value, glyph_scale = _value(raw)
    worst = 0.0
    if m := OUT_OF.match(scale):
        best = float(m[1])
    elif m := RANGE.match(scale):
        worst, best = float(m[1]), float(m[2])
    elif scale in ("stars", ""):
        best = glyph_scale or DEFAULT_STAR_SCALE
    else:
        raise RatingError("rating_scale_unknown", repr(scale))
    if best <= worst:
        raise RatingError("rating_scale_invalid", repr(scale))
    if not worst <= value <= best:
        raise RatingError("rating_out_of_range", f"{raw!r} on {scale}")
    return round((value - worst) / (best - worst) * 100, 2)
