"""Golden files: every fixture page extracts to its checked-in expected JSON.

Expected values come from the demo generator's inputs (the truth each page encodes), not
from extractor output. A field absent or empty in the expectation must come back empty;
the per-field source is part of the golden, so a silent fall-through fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.extraction_accuracy import page_for as _page
from benchmarks.extraction_accuracy import token_f1
from criticdb.scrapers.extract.cascade import extract_review

REPO = Path(__file__).resolve().parent.parent
GOLDEN = sorted((REPO / "tests" / "fixtures" / "sites").glob("*/*.expected.json"))
EXACT_FIELDS = ("film_title", "film_year", "critic", "publication", "published", "rating_raw",
                "rating_scale", "remake_of")
MIN_BODY_F1 = 0.9


def test_corpus_is_present() -> None:
    assert len(GOLDEN) >= 40
    assert len({p.parent.name for p in GOLDEN}) >= 12


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page_matches_golden(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    got = extract_review(_page(golden, expected).read_bytes(), expected["url"]).to_dict()
    for field in EXACT_FIELDS:
        want = expected.get(field)
        if want in (None, "", []):
            assert got[field] in (None, "", []), f"{field} invented: {got[field]!r}"
        else:
            assert got[field] == want, field
    if expected.get("body_text"):
        assert token_f1(expected["body_text"], got["body_text"] or "") >= MIN_BODY_F1
    else:
        assert not got["body_text"], "body invented"
    for field, layer in expected["source"].items():
        assert got["source"].get(field) == layer, f"{field} came from {got['source'].get(field)}"


def test_extraction_is_pure() -> None:
    expected = json.loads(GOLDEN[0].read_text(encoding="utf-8"))
    body = _page(GOLDEN[0], expected).read_bytes()
    assert extract_review(body, expected["url"]) == extract_review(body, expected["url"])


def test_every_adapter_is_registered_once_and_has_fixtures() -> None:
    from criticdb.scrapers.sites import ADAPTERS

    sites_dir = REPO / "scrapers" / "sites"
    modules = {p.stem for p in sites_dir.glob("*.py") if p.stem != "__init__"}
    registered = {cls.__module__.rsplit(".", 1)[1] for cls in ADAPTERS.values()}
    assert registered == modules
    for module in modules:
        assert list((REPO / "tests" / "fixtures" / "sites" / module).glob("*.expected.json"))
