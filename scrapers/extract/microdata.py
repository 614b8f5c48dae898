"""schema.org microdata, read through extruct's uniform JSON-LD shape and the JSON-LD layer's
review logic (one schema.org mapping for JSON-LD, microdata and RDFa)."""

from __future__ import annotations

from typing import Any

import extruct

from criticdb.scrapers.extract.jsonld import review_fields
from criticdb.scrapers.extract.page import ParsedPage, element_text


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    if not page.xpath("//@itemscope/.."):  # the elements of //*[@itemscope], found faster
        return {}
    if not any("Review" in str(t) for t in page.xpath("//@itemtype")):
        # an item's @type is its itemtype's last segment, so no itemtype naming a
        # (Critic)Review means no review item: extruct's walk (2.5 ms a page) is skipped
        return {}
    # extruct's uniform, JSON-LD-shaped view of microdata ('@type', plain property keys),
    # from our parsed tree: no second parse
    nodes = extruct.extract(page.doc, base_url=page.url, syntaxes=["microdata"], uniform=True,
                            schema_context="https://schema.org")["microdata"]
    if not any(n.get("@type") in ("Review", "CriticReview") for n in nodes
               if isinstance(n, dict)):
        return {}
    out = review_fields(page, [n for n in nodes if isinstance(n, dict)])
    # the marked-up element keeps paragraph breaks that the flattened property loses
    body = page.xpath('//*[@itemprop="reviewBody"]')
    if body and (text := element_text(body[0])):
        out["body_text"] = text
    review = next(n for n in nodes if isinstance(n, dict)
                  and n.get("@type") in ("Review", "CriticReview"))
    if isinstance(review.get("name"), str):
        out["headline"] = review["name"]
    return out
