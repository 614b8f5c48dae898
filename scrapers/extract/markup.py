"""Markup conventions: hAtom/WordPress classes, <time datetime>, rel=author and bylines."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from scrapers.extract.dates import iso_date
from scrapers.extract.page import ParsedPage, element_text

BYLINE = re.compile(r"^\s*(?:by|words by|review by|written by)\s+(.+?)\s*(?:[,•·|–—]|$)",
                    re.I)
NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þa-z][\w'’.-]+){0,3}$")


def _cls(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def _first_text(page: ParsedPage, expr: str) -> str | None:
    for el in page.xpath(expr):
        text = " ".join(el.text_content().split())
        if text:
            return text
    return None


def _critic(page: ParsedPage) -> str | None:
    vcard = _first_text(page, f'//*[{_cls("vcard")}]//*[{_cls("fn")}]') or _first_text(
        page, f'//*[{_cls("author")} and {_cls("vcard")}]')
    if vcard:
        return vcard
    rel = _first_text(page, '//a[@rel="author"]')
    if rel and NAME.match(rel):
        return rel
    for el in page.xpath(f'//*[{_cls("byline")}]'):
        m = BYLINE.match(" ".join(el.text_content().split()))
        if m and NAME.match(m[1]):
            return m[1]
    return None


def _critic_url(page: ParsedPage) -> str | None:
    hrefs = page.xpath(f'//*[{_cls("vcard")}]//a[{_cls("url")}]/@href | //a[@rel="author"]/@href')
    return urljoin(page.url, hrefs[0].strip()) if hrefs and hrefs[0].strip() else None


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"critic": _critic(page), "critic_url": _critic_url(page)}
    title = _first_text(page, f'//*[{_cls("hentry")}]//*[{_cls("entry-title")}]'
                              f' | //*[{_cls("entry-title")}]')
    out["headline"] = title
    dates = page.xpath(f'//time[{_cls("published")}]/@datetime | //time[@datetime]/@datetime'
                       f' | //abbr[{_cls("published")}]/@title')
    out["published"] = next((d for d in map(iso_date, dates) if d), None)
    content = page.xpath(f'//*[{_cls("entry-content")}]')
    out["body_text"] = element_text(content[0]) if content else None
    return {k: v for k, v in out.items() if v}
