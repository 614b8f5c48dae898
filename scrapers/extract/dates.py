"""Date strings from markup and structured data to ISO dates."""

from __future__ import annotations

import datetime as dt
import re

ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
YEAR_ONLY = re.compile(r"^\s*(\d{4})\b")


def iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    m = ISO_PREFIX.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def year_of(value: object) -> int | None:
    if isinstance(value, int) and 1870 <= value <= 2100:
        return value
    if isinstance(value, str):
        m = YEAR_ONLY.match(value)
        if m and 1870 <= int(m[1]) <= 2100:
            return int(m[1])
    return None
