"""schema.org in RDFa (via extruct), mapped onto the JSON-LD layer's review logic."""

from __future__ import annotations

from typing import Any

from extruct.rdfa import RDFaExtractor
from extruct.utils import parse_xmldom_html

from criticdb.scrapers.extract.jsonld import (
    ARTICLE_TYPES,
    FILM_TYPES,
    REVIEW_TYPES,
    review_fields,
)
from criticdb.scrapers.extract.page import ParsedPage

PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")


# //*[@typeof][@property or @vocab or ancestor::*[@vocab]], found through the attribute
TYPED_RDFA = "//@typeof/parent::*[@property or @vocab or ancestor::*[@vocab]]"

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


def _schema_rdfa(page: ParsedPage) -> bool:
    """RDFa that can say anything in schema.org: its vocabulary declared, or a schema: term
    (a prefix RDFa 1.1 predefines). Drupal's sioc/foaf RDFa says nothing the review layer
    reads, and most pages never write "schema" outside JSON-LD, so the text is asked first."""
    if "schema" not in page.text or not page.xpath(TYPED_RDFA):
        return False
    for el in page.xpath("//*[@vocab or @prefix or @typeof]"):
        declared = " ".join(el.get(a) or "" for a in ("vocab", "prefix", "typeof"))
        if "schema.org" in declared or "schema:" in declared:
            return True
    return "schema:" in page.text and bool(page.xpath("//*[contains(@property, 'schema:')]"))


# The only types `review_fields` reads: without one of them it returns nothing
READ_TYPES = REVIEW_TYPES | ARTICLE_TYPES | FILM_TYPES


def _types_read(page: ParsedPage) -> bool:
    """Whether some @typeof names a type the review layer reads ("schema:Review",
    "https://schema.org/BlogPosting", "Movie" under a vocab). In RDFa types come from
    @typeof; a page typing only its breadcrumbs ("BreadcrumbList", "ListItem", "WebPage")
    has nothing to give, and pyRdfa took 40-140 ms on each such page of the corpus."""
    for value in page.strings("//@typeof"):
        for token in value.split():
            if token.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1] in READ_TYPES:
                return True
    return False


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    if not _schema_rdfa(page) or not _types_read(page):
        return {}  # no schema.org in RDFa: skip building a second DOM, slow on big pages
    document = parse_xmldom_html(page.text.encode("utf-8"), encoding="utf-8")
    graph = RDFaExtractor().extract_items(document, page.url, expanded=False)
    nodes = graph.get("@graph", []) if isinstance(graph, dict) else []
    return review_fields(page, [_plain(n) for n in nodes if isinstance(n, dict)])
