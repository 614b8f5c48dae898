"""Extraction speed: pages per second per core over the corpus inflated to ~100 KB pages,
and the share of time spent in each cascade step.

    .venv/bin/python benchmarks/extraction_speed.py [--rounds 5] [--size-kb 100]

Each corpus page gets ~100 KB of realistic boilerplate (navigation, a sidebar of links and
teasers, a comment thread) before </body>, as real review pages carry; one process, so the
figure is per core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extraction_accuracy import CORPUS, page_for  # noqa: E402
from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402

TEASER = ('<li class="teaser"><a href="/reviews/film-{i}/">Another film review number {i}</a>'
          "<p>A short teaser for a different review that sits in the sidebar of the page, "
          "with a few words about the plot and the cast.</p></li>\n")
COMMENT = ('<li class="comment"><div class="comment-author vcard"><span class="fn">Reader {i}'
           "</span></div><div class=\"comment-content\"><p>I saw this last week and mostly "
           "agree, although the ending did not work for me at all.</p></div></li>\n")


def inflate(body: bytes, size_kb: int) -> bytes:
    filler = []
    i = 0
    while sum(map(len, filler)) < size_kb * 1024 - len(body):
        filler.append(TEASER.format(i=i) if i % 3 else COMMENT.format(i=i))
        i += 1
    extra = ('<aside class="sidebar"><ul>' + "".join(filler) + "</ul></aside>").encode()
    return body.replace(b"</body>", extra + b"</body>") if b"</body>" in body else body + extra


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--size-kb", type=int, default=100)
    a = p.parse_args()
    import json

    pages = []
    for golden in sorted(CORPUS.glob("*/*.expected.json")):
        expected = json.loads(golden.read_text(encoding="utf-8"))
        pages.append((inflate(page_for(golden, expected).read_bytes(), a.size_kb),
                      expected["url"]))
    timings: dict[str, float] = {}
    extract_review(*pages[0])  # warm imports and caches
    started = time.perf_counter()
    for _ in range(a.rounds):
        for body, url in pages:
            extract_review(body, url, timings=timings)
    elapsed = time.perf_counter() - started
    n = len(pages) * a.rounds
    mean_kb = sum(len(b) for b, _ in pages) / len(pages) / 1024
    print(f"{n} extractions of {len(pages)} pages (mean {mean_kb:.0f} KB): "
          f"{n / elapsed:.1f} pages/s on one core")
    total = sum(timings.values())
    for step, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {step:10s} {seconds / total:6.1%}  {seconds / n * 1000:7.2f} ms/page")


if __name__ == "__main__":
    main()
