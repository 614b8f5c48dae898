"""Date strings from markup and structured data to ISO dates."""

from __future__ import annotations

import datetime as dt
import re

from htmldate.extractors import try_date_expr

ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
YEAR_ONLY = re.compile(r"^\s*(\d{4})\b")


def iso_date(value: object) -> str | None:
    """The date of an ISO 8601 string, if it is one a page could have been published on:
    site generators print their zero date for posts without one (Hugo's
    `0001-01-01T00:00:00Z`), and a date years ahead is a template's placeholder."""
    if not isinstance(value, str):
        return None
    m = ISO_PREFIX.match(value)
    if not m:
        return None
    try:
        date = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if not 1870 <= date.year or date > dt.date.today() + dt.timedelta(days=2):
        return None
    return date.isoformat()


def year_of(value: object) -> int | None:
    if isinstance(value, int) and 1870 <= value <= 2100:
        return value
    if isinstance(value, str):
        m = YEAR_ONLY.match(value)
        if m and 1870 <= int(m[1]) <= 2100:
            return int(m[1])
    return None


# "8 de dezembro de 2016", "3 di marzo 2019": Romance-language dates join their parts with
# "de"/"del"/"di"; without them htmldate's fast patterns read the rest (English, French,
# German month names, numeric forms) without loading dateparser (a second on first use).
ROMANCE_OF = re.compile(r"(?<=\w)\s+(?:de|del|di)\s+(?=\w)", re.I)
MIN_DATE = dt.datetime(1990, 1, 1)


def written_date(text: object) -> str | None:
    """An ISO date from a short written date ('May 28, 2024', '28 mai 2024', '3/4/2021'),
    or None: for a <time> element whose datetime attribute is not ISO 8601 (themes print
    their display format there)."""
    if not isinstance(text, str) or not (text := " ".join(text.split())) or len(text) > 60:
        return None
    latest = dt.datetime.now() + dt.timedelta(days=2)
    for candidate in dict.fromkeys((text, ROMANCE_OF.sub(" ", text))):
        try:
            found = try_date_expr(candidate, "%Y-%m-%d", False, MIN_DATE, latest)
        except (ValueError, TypeError, OverflowError):
            continue
        if found:
            return found
    return None


def month_first(lang: str | None) -> bool:
    """Pages in US English write numeric dates month first (3/4/2021 is 4 March); the rest
    of the world, and htmldate, read them day first. `lang` is the page's declared locale
    (`<html lang>`, `og:locale`): WordPress, for one, prints `en-US` by default."""
    return (lang or "").strip().lower().replace("_", "-") == "en-us"


def in_locale(iso: str | None, text: str, month_first_page: bool) -> str | None:
    """`iso` as the page meant it: on a month-first page, a date htmldate read day first
    from an ambiguous numeric date in `text` (both parts 12 or less) has them swapped."""
    if not iso or not month_first_page:
        return iso
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if month > 12 or day > 12 or month == day:
        return iso
    written = rf"(?<![\d/.-])0?{day}([/.-])0?{month}\1(?:{year}|{year % 100:02d})(?![\d/.-])"
    if not re.search(written, text):
        return iso  # not read from a numeric date (ISO markup, "March 4, 2021")
    return dt.date(year, day, month).isoformat()
