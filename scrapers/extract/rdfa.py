"""schema.org in RDFa (via extruct), mapped onto the JSON-LD layer's review logic."""

from __future__ import annotations

from typing import Any

from extruct.rdfa import RDFaExtractor
from extruct.utils import parse_xmldom_html

from criticdb.scrapers.extract.jsonld import review_fields
from criticdb.scrapers.extract.page import ParsedPage

PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")


def _plain(value: Any) -> Any:
    """extruct's compact RDFa JSON-LD ('schema:name', {'@value': …}) to plain schema.org keys."""
    if isinstance(value, list):
        out = [_plain(v) for v in value]
        return out[0] if len(out) == 1 else out
    if isinstance(value, dict):
        if "@value" in value:
            return value["@value"]
        plain = {}
        for key, v in value.items():
            for prefix in PREFIXES:
                if key.startswith(prefix):
                    key = key[len(prefix):]
            plain[key] = _plain(v)
        return plain
    return value


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    if not page.xpath("//*[@typeof][@property or @vocab or ancestor::*[@vocab]]"):
        return {}  # no RDFa: skip building a second DOM
    document = parse_xmldom_html(page.text.encode("utf-8"), encoding="utf-8")
    graph = RDFaExtractor().extract_items(document, page.url, expanded=False)
    nodes = graph.get("@graph", []) if isinstance(graph, dict) else []
    return review_fields(page, [_plain(n) for n in nodes if isinstance(n, dict)])
