"""Main review text without navigation, comments or boilerplate (trafilatura)."""

from __future__ import annotations

from typing import Any

import trafilatura

from criticdb.scrapers.extract.page import ParsedPage


def fields(page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
    if partial.get("body_text"):
        return {}  # structured data already gave the body: skip the slowest step
    # A string, not page.doc: trafilatura prunes the tree it is given and later layers need it.
    text = trafilatura.extract(page.text, url=page.url, include_comments=False,
                               include_tables=False, favor_precision=True, deduplicate=False,
                               fast=True)  # fallbacks (readability, jusText) tripled the cost
    if not text:
        return {}
    paras = [p for p in (" ".join(line.split()) for line in text.split("\n")) if p]
    # Generic extractors keep headline, dek, credit and verdict lines at the edges of the
    # article; real body paragraphs end in sentence punctuation, those lines do not.
    while paras and not _is_sentence(paras[0]):
        paras.pop(0)
    while paras and not _is_sentence(paras[-1]):
        paras.pop()
    return {"body_text": "\n\n".join(paras)} if paras else {}


def _is_sentence(paragraph: str) -> bool:
    return paragraph.rstrip("\"'’”)»").endswith((".", "!", "?", "…"))
