"""Markup conventions: hAtom/WordPress classes, <time datetime>, rel=author and bylines."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from criticdb.scrapers.extract.dates import iso_date
from criticdb.scrapers.extract.page import ParsedPage, element_text

BYLINE = re.compile(r"^\s*(?:by|words by|review by|written by)\s+(.+?)\s*(?:[,•·|–—]|$)",
                    re.I)
NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þa-z][\w'’.-]+){0,3}$")


def _cls(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _classes(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def _in_comments(el: Any) -> bool:
    """Commenters carry hCards too; their names must never become the critic."""
    return any("comment" in (a.get("class") or "") or a.get("id") == "comments"
               for a in [el, *el.iterancestors()])


def _author_cards(page: ParsedPage) -> list[Any]:
    return [v for v in page.by_class("vcard") if not _in_comments(v)]


def _critic(page: ParsedPage) -> str | None:
    for card in _author_cards(page):
        names = [el for el in card.iter() if isinstance(el.tag, str) and "fn" in _classes(el)]
        if (text := _text(names[0] if names else card)) and (names or "author" in _classes(card)):
            return text
    rel = next((t for a in page.xpath('//a[@rel="author"]') if (t := _text(a))), None)
    if rel and NAME.match(rel):
        return rel
    for el in page.by_class("byline"):
        m = BYLINE.match(_text(el))
        if m and NAME.match(m[1]):
            return m[1]
    return None


def _critic_url(page: ParsedPage) -> str | None:
    hrefs = [a.get("href") for card in _author_cards(page) for a in card.iter("a")
             if "url" in _classes(a) and a.get("href")]
    hrefs += page.xpath('//a[@rel="author"]/@href')
    return urljoin(page.url, hrefs[0].strip()) if hrefs and hrefs[0].strip() else None


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"critic": _critic(page), "critic_url": _critic_url(page)}
    out["headline"] = next((t for el in page.by_class("entry-title") if (t := _text(el))), None)
    dates = page.xpath(f'//time[{_cls("published")}]/@datetime | //time[@datetime]/@datetime'
                       f' | //abbr[{_cls("published")}]/@title')
    out["published"] = next((d for d in map(iso_date, dates) if d), None)
    content = page.by_class("entry-content")
    out["body_text"] = element_text(content[0]) if content else None
    return {k: v for k, v in out.items() if v}
