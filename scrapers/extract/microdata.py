"""schema.org microdata (via extruct): Review items with a Movie and a Rating."""

from __future__ import annotations

from typing import Any

from extruct.w3cmicrodata import MicrodataExtractor

from criticdb.scrapers.extract.dates import iso_date, year_of
from criticdb.scrapers.extract.ids import film_ids
from criticdb.scrapers.extract.page import ParsedPage, element_text
from criticdb.scrapers.extract.rating_fields import schema_rating


def _type(item: Any) -> str:
    t = item.get("type", "") if isinstance(item, dict) else ""
    t = t[0] if isinstance(t, list) and t else t
    return t.rsplit("/", 1)[-1] if isinstance(t, str) else ""


def _props(item: Any) -> dict[str, Any]:
    return item.get("properties", {}) if isinstance(item, dict) else {}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = _props(value).get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    items = MicrodataExtractor().extract_items(page.doc, page.url)
    review = next((i for i in items if _type(i) in ("Review", "CriticReview")), None)
    if review is None:
        return {}
    p = _props(review)
    out: dict[str, Any] = {}
    film = p.get("itemReviewed")
    if isinstance(film, dict):
        fp = _props(film)
        out["film_title"] = _name(fp.get("name"))
        out["film_year"] = year_of(fp.get("dateCreated")) or year_of(fp.get("datePublished"))
        out["film_ids"] = film_ids(fp.get("sameAs"))
    rating = p.get("reviewRating")
    if isinstance(rating, dict):
        rp = _props(rating)
        out.update(schema_rating(rp.get("ratingValue"), rp.get("bestRating"),
                                 rp.get("worstRating")))
    authors = p.get("author")
    names = [n for n in (_name(a) for a in (authors if isinstance(authors, list) else [authors]))
             if n]
    out["critic"] = ", ".join(names) if names else None
    first = authors[0] if isinstance(authors, list) and authors else authors
    url = _props(first).get("url") if isinstance(first, dict) else None
    out["critic_url"] = url if isinstance(url, str) and url.startswith("http") else None
    out["published"] = iso_date(p.get("datePublished"))
    out["publication"] = _name(p.get("publisher"))
    body = page.xpath('//*[@itemprop="reviewBody"]')
    out["body_text"] = element_text(body[0]) if body else None
    if isinstance(p.get("name"), str):
        out["headline"] = p["name"]
    return {k: v for k, v in out.items() if v}
