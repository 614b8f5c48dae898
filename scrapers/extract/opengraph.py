"""OpenGraph and article:* meta tags: publication, date and a fallback headline."""

from __future__ import annotations

from typing import Any

from criticdb.scrapers.extract.dates import iso_date
from criticdb.scrapers.extract.page import ParsedPage


def _meta(page: ParsedPage, prop: str) -> str | None:
    values = page.meta_content(("property", prop), ("name", prop))
    return values[0].strip() if values and values[0].strip() else None


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    out = {
        "publication": _meta(page, "og:site_name"),
        "published": iso_date(_meta(page, "article:published_time")),
        "og_title": _meta(page, "og:title"),
    }
    return {k: v for k, v in out.items() if v}
