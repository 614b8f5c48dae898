"""Reel Notes: star ratings exist only as a CSS class (`rated-7` = 3.5 of 5 stars)."""

from __future__ import annotations

import re
from typing import Any

from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.sites import SiteAdapter

RATED = re.compile(r"\brated-(\d{1,2})\b")


class ReelNotes(SiteAdapter):
    hosts = ("reelnotes.example",)

    def fields(self, page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
        # The star badge is drawn by CSS from a class; no text or alt carries it.
        for cls in page.xpath('//*[contains(concat(" ", @class, " "), " rating ")]/@class'):
            if m := RATED.search(cls):
                half_stars = int(m[1])
                value = half_stars / 2
                raw = str(int(value)) if value == int(value) else str(value)
                return {"rating_raw": raw, "rating_scale": "out_of_5"}
        return {}
