"""Long fuzzing of the extraction cascade and the rating parser (hypothesis).

    .venv/bin/python benchmarks/fuzz.py [--examples 20000]

The suite runs the same properties with a few hundred examples
(tests/test_extraction_bad_input.py, tests/test_hostile.py); this runs many more and prints
how many inputs were tried. Any uncaught exception or a run over the time bound fails.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402
from criticdb.transforms.errors import RatingError  # noqa: E402
from criticdb.transforms.ratings import to_score  # noqa: E402
from tests.test_extraction_bad_input import HTML_BITS  # noqa: E402

TIME_BOUND = 5.0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--examples", type=int, default=20_000)
    a = p.parse_args()
    counted = {"html": 0, "rating": 0}
    cfg = settings(max_examples=a.examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))

    @cfg
    @given(st.lists(st.one_of(HTML_BITS, st.text(max_size=30), st.binary(max_size=30)),
                    max_size=80))
    def html(parts: list) -> None:
        counted["html"] += 1
        body = b"".join(x if isinstance(x, bytes) else x.encode("utf-8", "replace")
                        for x in parts)
        started = time.monotonic()
        extract_review(body, "https://fuzz.example/r/")
        assert time.monotonic() - started < TIME_BOUND

    @cfg
    @given(st.text(max_size=16), st.text(max_size=12))
    def rating(raw: str, scale: str) -> None:
        counted["rating"] += 1
        try:
            assert 0 <= to_score(raw, scale) <= 100
        except RatingError:
            pass

    started = time.monotonic()
    html()
    rating()
    print(f"fuzzed {counted['html']} HTML documents and {counted['rating']} ratings in "
          f"{time.monotonic() - started:.0f} s: no uncaught exception, none over "
          f"{TIME_BOUND} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
