"""Body text on CleanEval, side by side with trafilatura's default settings.

    .venv/bin/python benchmarks/body_text.py [--limit N]

CleanEval (../shared/corpus/cleaneval, as kept in trafilatura's evaluation folder): real
pages from 2007 and their hand-cleaned main text. Metric: bag-of-words F1 (lower-cased
\\w+ tokens, multiset overlap) between the gold text (markers <p>/<h>/<l> and the URL line
removed) and the extracted text, averaged over pages; an empty extraction scores 0 where the
gold has text. Both sides read the same bytes: criticdb decodes and parses them as the
cascade does, trafilatura.extract gets the decoded text with its defaults.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.scrapers.extract import main_text  # noqa: E402
from criticdb.scrapers.extract.main_text import body_text  # noqa: E402
from criticdb.scrapers.extract.page import decode_html, parse_page  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cleaneval"
MARKERS = re.compile(r"<[phl]>")


class CorpusMissing(RuntimeError):
    """../shared/corpus is not beside this checkout."""


def tokens(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def bow_f1(gold: str, got: str | None) -> float:
    g, p = tokens(gold), tokens(got)
    if not g or not p:
        return float(not g and not p)
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def gold_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("URL:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return MARKERS.sub(" ", text)


@dataclass
class Result:
    pages: int = 0
    f1: float = 0.0
    f1_trimmed: float = 0.0  # after the layer trims headline/byline lines at the edges
    empty: int = 0
    seconds: float = 0.0
    f1_trafilatura: float = 0.0
    empty_trafilatura: int = 0
    seconds_trafilatura: float = 0.0
    corpus_hash: str = ""


def page_files(corpus: Path, limit: int | None) -> list[Path]:
    if not (corpus / "pages").is_dir():
        raise CorpusMissing(f"CleanEval corpus not found at {corpus}")
    files = sorted((corpus / "pages").glob("*.html"), key=lambda p: int(p.stem))
    return files[:limit] if limit else files


def evaluate(corpus: Path = CORPUS, limit: int | None = None,
             compare_trafilatura: bool = False) -> Result:
    import trafilatura

    res = Result()
    digest = hashlib.sha256()
    for path in page_files(corpus, limit):
        raw = path.read_bytes()
        gold = gold_text(corpus / "gold" / f"{path.stem}.txt")
        digest.update(raw + gold.encode())
        res.pages += 1
        started = time.perf_counter()
        page = parse_page(raw, "http://cleaneval.invalid/")
        got = body_text(page)
        res.seconds += time.perf_counter() - started
        res.f1 += bow_f1(gold, got)
        res.f1_trimmed += bow_f1(gold, main_text.fields(page, {}).get("body_text"))
        res.empty += not got
        if compare_trafilatura:
            started = time.perf_counter()
            theirs = trafilatura.extract(decode_html(raw))
            res.seconds_trafilatura += time.perf_counter() - started
            res.f1_trafilatura += bow_f1(gold, theirs)
            res.empty_trafilatura += not theirs
    res.f1 /= max(1, res.pages)
    res.f1_trimmed /= max(1, res.pages)
    res.f1_trafilatura /= max(1, res.pages)
    res.corpus_hash = digest.hexdigest()[:16]
    return res


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, help="only the first N pages (by number)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    try:
        res = evaluate(args.corpus, args.limit, compare_trafilatura=True)
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    ms = 1000 / max(1, res.pages)
    print(f"CleanEval: {res.pages} pages, hash {res.corpus_hash}; bag-of-words F1")
    print(f"  criticdb body layer      F1 {res.f1:.3f}  empty {res.empty:3d}  "
          f"{res.seconds * ms:.1f} ms/page (parse + extract)")
    print(f"    after edge trimming    F1 {res.f1_trimmed:.3f}  (CleanEval's gold keeps "
          "headings; reviews' edges are headline and byline lines)")
    print(f"  trafilatura.extract()    F1 {res.f1_trafilatura:.3f}  empty "
          f"{res.empty_trafilatura:3d}  {res.seconds_trafilatura * ms:.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
