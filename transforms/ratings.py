"""Every rating form onto one documented 0–100 scale (see docs/scores.md).

A rating string is read for what it states: a denominator ("3/4", "7 out of 10 points",
"2.5/4 stars") is the scale, whatever the caller believes; a caller's scale that contradicts
it is a `rating_scale_conflict`, not a silent guess. Numeric scales map linearly from zero
(value / best × 100: 3/5 = 60, Metacritic's "stars × 20"); a schema.org range with another
worstRating maps linearly from worst to best. Letter grades use Metacritic's table (with
F+ = 8 and F− = 0, our documented choice). A bare number ("8", "3.5") has no score unless
the scale is known (the page, the sources file, or the publication's other ratings):
`rating_scale_unknown`. Star glyphs, ASCII stars, star emoji, Chinese star counts ("三星半")
and star words without a stated total are read as out of 5, the common convention for stars.
"""

from __future__ import annotations

import re
from functools import lru_cache

from criticdb.transforms.errors import RatingError

LETTER_SCORES: dict[str, float] = {
    "A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
    "C-": 42, "D+": 33, "D": 25, "D-": 16, "F+": 8, "F": 0, "F-": 0,
}
WORD_SCORES: dict[str, float] = {"fresh": 100, "recommended": 100, "rotten": 0,
                                 "not recommended": 0}
NUMBER_WORDS = {"zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
DEFAULT_STAR_SCALE = 5.0

OUT_OF = re.compile(r"^out_of_(\d+(?:\.\d+)?)$")
RANGE = re.compile(r"^range_(-?\d+(?:\.\d+)?)_(-?\d+(?:\.\d+)?)$")
LABEL = re.compile(r"^\s*(?:our\s+|my\s+|final\s+)?(?:rating|score|grade|verdict|note|"
                   r"stars)\s*[:\-–—=]?\s*", re.I)
LETTER = re.compile(r"^([A-F])\s*([+\-−–]?)$", re.I)
# a value: "3", "3.5", "3,5", "3½", "3 1/2", "3-1/2"
VALUE = r"(?P<v>\d{1,3}(?:[.,]\d{1,2})?)(?P<h>\s*½|[\s\-]+1/2)?"
UNIT = r"(?:stars?|points?|pts\.?|puntos|punkte|étoiles|estrellas)"
FRACTION = re.compile(rf"^{VALUE}\s*(?:{UNIT}\s*)?(?:/|out\s+of|of|sobre|von|sur|su)\s*"
                      rf"(?P<b>\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*(?:{UNIT})?\.?$", re.I)
BARE = re.compile(rf"^{VALUE}\s*(?P<stars>{UNIT})?\.?$", re.I)
GLYPHS = re.compile(r"^(★*)(½?)(☆*)$")
ASCII = re.compile(r"^(\*{1,5})\s*(½|1/2)?$")
# star or popcorn emoji ("🌟🌟🌟⭐", "🍿🍿🍿") and Chinese star counts ("三星", "四星半", "两颗星")
EMOJI = re.compile(r"^(?:[⭐🌟🍿]\ufe0f?){1,10}$")
CJK_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
CJK_STARS = re.compile(r"^([一二两三四五]|\d)颗?星(半)?$")
WORDS = re.compile(r"^(?P<w>zero|no|one|two|three|four|five|six|seven|eight|nine|ten)"
                   r"(?P<h>\s+and\s+a\s+half)?[\s-]+stars?"
                   r"(?:\s+(?:out\s+)?of\s+(?P<b>\w+))?\.?$", re.I)


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _read(raw: str) -> tuple[str, float, float | None]:
    """(kind, value, stated best): kind is letter | binary | number | stars."""
    text = " ".join(raw.replace("−", "-").split())
    if text.lower() in WORD_SCORES:
        return "binary", WORD_SCORES[text.lower()], None
    text = LABEL.sub("", text)
    if m := LETTER.match(text):
        grade = m[1].upper() + ("-" if m[2] in "−–-" and m[2] else m[2])
        if grade not in LETTER_SCORES:
            raise RatingError("rating_not_a_letter_grade", repr(raw))
        return "letter", LETTER_SCORES[grade], None
    if m := FRACTION.match(text):
        return "number", _num(m["v"]) + (0.5 if m["h"] else 0.0), _num(m["b"])
    if m := BARE.match(text):
        return ("stars" if m["stars"] else "number"), _num(m["v"]) + (0.5 if m["h"] else 0), None
    if (m := GLYPHS.match(text.replace(" ", ""))) and (m[1] or m[2]):
        value = len(m[1]) + (0.5 if m[2] else 0.0)
        return "stars", value, (value + len(m[3]) + (0.5 if m[2] and m[3] else 0.0)
                                if m[3] else None)
    if EMOJI.match(text):
        return "stars", float(len(text.replace("\ufe0f", ""))), None
    if m := CJK_STARS.match(text.replace(" ", "")):
        return "stars", float(CJK_NUMBERS.get(m[1]) or int(m[1])) + (0.5 if m[2] else 0.0), None
    if m := ASCII.match(text):
        return "stars", len(m[1]) + (0.5 if m[2] else 0.0), None
    if m := WORDS.match(text):
        best = NUMBER_WORDS.get((m["b"] or "").lower()) if m["b"] else None
        if m["b"] and best is None:
            raise RatingError("rating_unparseable", repr(raw))
        return "stars", NUMBER_WORDS[m["w"].lower()] + (0.5 if m["h"] else 0.0), best
    raise RatingError("rating_unparseable", repr(raw))


def _scale_bounds(scale: str) -> tuple[float, float] | None:
    if m := OUT_OF.match(scale):
        return 0.0, float(m[1])
    if m := RANGE.match(scale):
        return float(m[1]), float(m[2])
    return None


@lru_cache(maxsize=65536)
def to_score(raw: str, scale: str | None = None) -> float:
    """0–100 score for a rating, or RatingError with a reason code."""
    if not raw or not raw.strip():
        raise RatingError("rating_empty")
    scale = (scale or "").strip()
    try:
        kind, value, stated = _read(raw)
    except RatingError:
        if scale == "letter":
            raise RatingError("rating_not_a_letter_grade", repr(raw)) from None
        raise
    if kind == "binary":
        return value
    if kind == "letter":
        if scale not in ("", "letter"):
            raise RatingError("rating_scale_conflict", f"{raw!r} is a letter grade, not {scale}")
        return value
    if scale == "letter":
        raise RatingError("rating_not_a_letter_grade", repr(raw))
    if scale == "binary":
        raise RatingError("rating_not_a_verdict_word", repr(raw))
    bounds = _scale_bounds(scale) if scale not in ("", "stars", "unknown") else None
    if scale not in ("", "stars", "unknown") and bounds is None:
        raise RatingError("rating_scale_unknown", repr(scale))
    if stated is not None:
        if bounds is not None and bounds[0] == 0 and bounds[1] != stated:
            raise RatingError("rating_scale_conflict",
                              f"{raw!r} states /{stated:g}, the scale given is {scale}")
        worst, best = 0.0, stated
    elif bounds is not None:
        worst, best = bounds
    elif kind == "stars" or scale == "stars":
        # "3.5" on the `stars` scale: extraction read "3.5 stars" / "four stars" and kept
        # the number; stars without a total are out of 5
        worst, best = 0.0, DEFAULT_STAR_SCALE
    else:
        raise RatingError("rating_scale_unknown", f"{raw!r} states no scale")
    if best <= worst:
        raise RatingError("rating_scale_invalid", f"{raw!r} on {scale or 'its own scale'}")
    if not worst <= value <= best:
        raise RatingError("rating_out_of_range", f"{raw!r} on {scale or f'/{best:g}'}")
    return round((value - worst) / (best - worst) * 100, 2)
