"""Main review text without navigation, comments or boilerplate (trafilatura), never empty
where the page has text.

trafilatura gets our own parsed tree: its own loader gives up on pages without an
<html>/<body> frame (a fifth of CleanEval's pages), which lxml's recovering parser reads fine.
Since 2.3 it copies a tree it is given before pruning it (the pinned lower bound; a test
checks the page's tree is left as it was), so no copy is made here. `favor_recall` with
`fast=True` beats trafilatura's default settings on CleanEval at two thirds of their time
(docs/benchmarks.md); when it still finds nothing, the body's text outside navigation,
headers, footers, sidebars, forms and comment areas is the body.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from criticdb.common.bylines import starts_with_byline
from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.rating_text import FRACTION_ALONE

BOILERPLATE = (
    "ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or "
    "ancestor::script or ancestor::style or ancestor::form or ancestor::noscript or "
    "ancestor::template or ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')"
    " or contains(@class, 'sidebar') or contains(@class, 'related') or contains(@class, "
    "'share') or contains(@class, 'menu') or contains(@class, 'author-bio')]")
MAX_EDGE_WORDS = 14
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def body_text(page: ParsedPage) -> str:
    text = trafilatura.extract(page.doc, url=page.url, include_comments=False, favor_recall=True,
                               fast=True, deduplicate=False)
    if text:
        return text
    parts = page.xpath(f"//body//text()[not({BOILERPLATE})]")
    return " ".join(" ".join(str(p) for p in parts).split())


def fields(page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
    if partial.get("body_text"):
        return {}  # structured data already gave the body: skip the slowest step
    paras = [p for p in (" ".join(line.split()) for line in body_text(page).split("\n")) if p]
    headings = {_key(h) for h in (partial.get("headline"), partial.get("og_title")) if h}
    headings |= {_key(el.text_content()) for el in page.xpath("//h1 | //title")[:4]}
    # Generic extractors keep the headline, a byline or a credit line at the article's edges;
    # those are metadata, not review text. Anything else stays.
    # indices, not list.pop(0): a page of 100,000 one-word lines made the trim quadratic
    start, end = 0, len(paras)
    while end - start > 1 and _is_edge_metadata(paras[start], headings):
        start += 1
    while end - start > 1 and _is_edge_metadata(paras[end - 1], headings):
        end -= 1
    paras = paras[start:end]
    return {"body_text": "\n\n".join(paras)} if paras else {}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_edge_metadata(paragraph: str, headings: set[str]) -> bool:
    key = _key(paragraph)
    if key in headings or any(key and key in h for h in headings):
        return True
    short = words_of(paragraph) <= MAX_EDGE_WORDS
    if short and FRACTION_ALONE.match(paragraph):
        return False  # "8/10" closing the review is its verdict, not a credit line
    return short and (starts_with_byline(paragraph) or not _is_sentence(paragraph))


def words_of(paragraph: str) -> int:
    """Words, counting Chinese and Japanese by characters (about two a word): they write no
    spaces, so a whole paragraph would otherwise be one 'word' and be cut as metadata."""
    cjk = len(CJK.findall(paragraph))
    return len(paragraph.split()) + cjk // 2


def _is_sentence(paragraph: str) -> bool:
    return paragraph.rstrip("\"'’”)»」』）").endswith((".", "!", "?", "…", "。", "！", "？",
                                                       "～", "~"))
