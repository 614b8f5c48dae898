"""Hostile and broken pages: extraction returns a record (maybe empty, with warnings) in
bounded time and never raises."""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criticdb.scrapers.extract.cascade import extract_review

URL = "https://example.org/reviews/x/"
TIME_LIMIT = 10.0


def _nested(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"deep" + b"</div>" * depth + b"</body></html>"


def _jsonld(obj: object) -> bytes:
    return (b'<html><head><script type="application/ld+json">' + json.dumps(obj).encode()
            + b"</script></head><body><h1>Hard Hit (2021)</h1></body></html>")


CASES = {
    "empty": b"",
    "binary": os.urandom(4096),
    "nul bytes": b"<html><body><h1>Hard\x00 Hit</h1>\x00\x00</body></html>",
    "invalid utf-8": b"<html><body><h1>\xff\xfe Hard Hit (2021)</h1><p>\xc3\x28</p></body></html>",
    "truncated": b"<html><head><title>Film Review - Oldboy</title></head><body><div class=\"en",
    "one 1 MB line": b"<html><body><p>" + b"word " * 200_000 + b"</p></body></html>",
    "10,000 levels": _nested(10_000),
    "100k links": b"<html><body>" + b"<a href='/x'>x</a>" * 100_000 + b"</body></html>",
    "jsonld wrong types": _jsonld({"@type": "Review", "itemReviewed": 42, "author": [None, 3],
                                   "reviewRating": {"ratingValue": {"x": 1}},
                                   "datePublished": ["2020"]}),
    "jsonld self reference": _jsonld({"@graph": [{"@id": "a", "@type": "Review",
                                                 "itemReviewed": {"@id": "a"},
                                                 "author": {"@id": "a"}}]}),
    "jsonld 10 MB": _jsonld({"@type": "Article", "headline": "x" * 10_000_000}),
    "jsonld deep nesting": b'<script type="application/ld+json">' + b"[" * 100_000
    + b"]" * 100_000 + b"</script>",
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_returns_a_record_in_time(name: str) -> None:
    started = time.monotonic()
    record = extract_review(CASES[name], URL)
    assert time.monotonic() - started < TIME_LIMIT
    assert record.url == URL
    assert record.rating_raw is None or record.film_title


def test_nonsense_json_ld_is_reported_not_raised() -> None:
    record = extract_review(CASES["jsonld deep nesting"], URL)
    assert any(w.startswith("jsonld") for w in record.warnings)


HTML_BITS = st.sampled_from([
    "<html>", "<body>", "<h1>", "</h1>", "<p>", "</p>", "<div class='entry-content'>",
    "</div>", "Film Review – Hard Hit", "(2021)", "Grade: B+", "★★★½", "7/10",
    "a remake of El desconocido (2015)", "<script type='application/ld+json'>",
    '{"@type":"Review","reviewRating":{"ratingValue":"x"}}', "</script>", "<time datetime=",
    "'2021-13-45'>", "By ", "Jane Doe", "&amp;", "&#x0;", "<!--", "-->", "<![CDATA[", "]]>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=20)), max_size=40))
def test_generated_html_never_raises(parts: list[str]) -> None:
    record = extract_review("".join(parts).encode("utf-8", "surrogatepass"), URL)
    assert record.url == URL
    if record.film_year is not None:
        assert 1870 <= record.film_year <= 2100


def test_a_commenter_is_never_the_critic() -> None:
    html = (b"<html><body><article class='hentry'><h1 class='entry-title'>Film Review - Oldboy"
            b"</h1><div class='entry-content'><p>Oldboy (2003) is fierce.</p></div></article>"
            b"<section id='comments' class='comments-area'><div class='comment-author vcard'>"
            b"<span class='fn'>Reader Joe</span></div></section></body></html>")
    assert extract_review(html, URL).critic is None
