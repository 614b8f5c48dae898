"""Cascade time against `trafilatura.extract` defaults, interleaved page by page.

    .venv/bin/python benchmarks/cascade_vs_trafilatura.py [--corpus benchmarks/.cache/corpus]
                                                          [--rounds 5]

`benchmarks/real_pages.py` times both over one pass each; on a noisy machine a pass can
drift by a few per cent between the two. Here each page is extracted by the cascade and then
by trafilatura (its default settings, on the decoded text, as real_pages.py calls it) before
the next page, for several rounds after a warm-up round, so drift falls on both alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from benchmarks.real_pages import manifest  # noqa: E402
from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402

OWN_CORPUS = ROOT / "benchmarks" / ".cache" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=OWN_CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not (args.corpus / "manifest.tsv").is_file():
        print(f"no corpus at {args.corpus}: rebuild it with benchmarks/corpus_rebuild.py")
        return 1
    pages = [((args.corpus / "pages" / k["file"]).read_bytes(), k["url"])
             for k in manifest(args.corpus)]
    for body, url in pages:  # warm-up: imports, compiled patterns, the title model
        extract_review(body, url)
        trafilatura.extract(body.decode("utf-8", "replace"), url=url)
    ours = theirs = 0.0
    for _ in range(args.rounds):
        for body, url in pages:
            started = time.perf_counter()
            extract_review(body, url)
            ours += time.perf_counter() - started
            text = body.decode("utf-8", "replace")
            started = time.perf_counter()
            trafilatura.extract(text, url=url)
            theirs += time.perf_counter() - started
    n = len(pages) * args.rounds
    print(f"{len(pages)} pages x {args.rounds} rounds: cascade {ours / n * 1000:.2f} ms, "
          f"trafilatura.extract defaults {theirs / n * 1000:.2f} ms a page "
          f"({ours / theirs:.3f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
