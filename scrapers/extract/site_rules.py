"""Per-site fixes from the sources file, the first layer of the cascade: CSS selectors for
the fields a site's markup hides, a default critic for single-critic sites and the site's
rating scale. The fix a user reaches for when one site is extracted wrong, without code.

    [[sites]]
    critic = "Jane Doe"            # when no byline is found on a page
    rating_scale = "out_of_10"     # what bare numbers ("8") mean on this site
    [sites.rating_map]             # the site's own symbols, as written → score 0–100
    "-★★★★" = 15                   # e.g. minus stars for "so bad it's good"
    [sites.extract]
    title = "h1.film-title"
    critic = ".byline a"
    rating = ".score"
    date = "time.published"
    body = "div.review-text"
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dateparser
from lxml.cssselect import CSSSelector

from criticdb.scrapers.extract.dates import iso_date
from criticdb.scrapers.extract.page import ParsedPage, element_text
from criticdb.scrapers.extract.rating_text import rating_in_text

SELECTOR_FIELDS = ("title", "year", "critic", "rating", "date", "body")


@dataclass(frozen=True)
class SiteRules:
    selectors: tuple[tuple[str, str], ...] = ()  # (field, CSS selector)
    critic: str | None = None
    rating_scale: str | None = None
    rating_map: tuple[tuple[str, float], ...] = ()  # (rating as written, score 0–100)

    @property
    def empty(self) -> bool:
        return not (self.selectors or self.critic or self.rating_scale or self.rating_map)

    def mapped(self, raw: str | None) -> float | None:
        """The site's own meaning of a rating string, whitespace-insensitive."""
        if not raw or not self.rating_map:
            return None
        key = " ".join(raw.split())
        return next((score for text, score in self.rating_map if text == key), None)


def compile_selector(css: str) -> CSSSelector:
    """Raises cssselect.SelectorError on a bad selector (checked when the sources file loads)."""
    return CSSSelector(css, translator="html")


def _first_text(page: ParsedPage, css: str) -> tuple[Any, str] | None:
    for el in compile_selector(css)(page.doc):
        text = " ".join(el.text_content().split())
        if text:
            return el, text
        for attr in ("content", "datetime", "title", "alt", "aria-label"):
            if value := (el.get(attr) or "").strip():
                return el, value
    return None


def _prose_date(text: str) -> str | None:
    parsed = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def fields(page: ParsedPage, rules: SiteRules) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field, css in rules.selectors:
        found = _first_text(page, css)
        if found is None:
            page.cache.setdefault("warnings", []).append(
                f"sources file selector for {field} ({css}) matched nothing")
            continue
        el, text = found
        if field == "title":
            out["film_title"] = text
        elif field == "year" and text[:4].isdigit():
            out["film_year"] = int(text[:4])
        elif field == "critic":
            out["critic"] = text
        elif field == "date":
            out["published"] = iso_date(el.get("datetime") or text) or _prose_date(text)
        elif field == "body":
            out["body_text"] = element_text(el)
        elif field == "rating":
            if rules.mapped(text) is not None:  # the site's own symbols come first
                out["rating_raw"] = " ".join(text.split())
                continue
            stated = rating_in_text(f"Rating: {text}")  # "3.5/5", "B+", "★★★"
            out.update(stated or {"rating_raw": text, "rating_scale": rules.rating_scale})
    return {k: v for k, v in out.items() if v}
