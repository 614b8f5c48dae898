"""External film ids (IMDb, Wikidata) from sameAs links and URLs."""

from __future__ import annotations

import re

IMDB = re.compile(r"imdb\.com/title/(tt\d{7,9})")
WIKIDATA = re.compile(r"wikidata\.org/(?:wiki|entity)/(Q\d+)")


def film_ids(links: object) -> dict[str, str]:
    values = links if isinstance(links, list) else [links]
    ids: dict[str, str] = {}
    for v in values:
        if not isinstance(v, str):
            continue
        if m := IMDB.search(v):
            ids.setdefault("imdb", m[1])
        if m := WIKIDATA.search(v):
            ids.setdefault("wikidata", m[1])
    return ids
