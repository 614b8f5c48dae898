"""The extraction gate: per-field floors and pinned corpus hashes that a change must keep.

    .venv/bin/python benchmarks/extraction_gate.py              # check (exit 1 on a miss)
    .venv/bin/python benchmarks/extraction_gate.py --update     # raise floors, re-pin hashes
    .venv/bin/python benchmarks/extraction_gate.py --update --allow-lower   # say so, loudly

Corpora: the golden demo/archetype pages (tests/fixtures/sites), the real saved review
pages and CleanEval (both in ../shared/corpus), and criticdb's own corpus where
benchmarks/corpus_rebuild.py has rebuilt it: its frozen fold and its development folds,
pinned apart (benchmarks/corpus/README.md). Floors live in extraction_baseline.json,
not in code. A corpus whose hash differs from the pinned one fails the check: scores on a
different corpus are not comparable, so changing a corpus means re-pinning on purpose.
`--update` moves floors up to today's scores and refuses to move any down unless
`--allow-lower` is given. A shared corpus that is absent is skipped with a message, except
under CI=true, where it must be present; the own corpus is a local cache and is skipped
wherever it has not been rebuilt.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE = Path(__file__).with_name("extraction_baseline.json")
TOLERANCE = 1e-9


def golden() -> tuple[dict[str, float], str]:
    from benchmarks.extraction_accuracy import evaluate

    scores, _misses, corpus_hash, _n = evaluate()
    return scores, corpus_hash


def real_pages() -> tuple[dict[str, float], str]:
    from benchmarks.real_pages import evaluate

    res = evaluate()
    return res.scores(), res.corpus_hash


def own_fold(frozen: bool) -> Callable[[], tuple[dict[str, float], str]]:
    """criticdb's own corpus (benchmarks/corpus_rebuild.py), the frozen fold or the others;
    a local cache, so absent in CI and skipped there until the pages join ../shared."""
    def measure_fold() -> tuple[dict[str, float], str]:
        from benchmarks.real_pages import FOLDS, FROZEN_FOLD, OWN_CORPUS, evaluate

        folds = {FROZEN_FOLD} if frozen else set(range(FOLDS)) - {FROZEN_FOLD}
        res = evaluate(OWN_CORPUS, folds=folds)
        return res.scores(), res.corpus_hash
    return measure_fold


def cleaneval() -> tuple[dict[str, float], str]:
    from benchmarks.body_text import evaluate

    res = evaluate()
    return {"body_f1": res.f1, "never_empty": 1.0 - res.empty / max(1, res.pages)}, \
        res.corpus_hash


CORPORA: dict[str, Callable[[], tuple[dict[str, float], str]]] = {
    "golden": golden, "real_pages": real_pages, "cleaneval": cleaneval,
    "own_frozen_fold": own_fold(True), "own_development_folds": own_fold(False)}
SHARED = {"real_pages", "cleaneval"}


def measure(names: list[str]) -> dict[str, dict]:
    from benchmarks.body_text import CorpusMissing as CleanEvalMissing
    from benchmarks.real_pages import CorpusMissing as RealMissing

    out = {}
    for name in names:
        try:
            scores, corpus_hash = CORPORA[name]()
        except (RealMissing, CleanEvalMissing) as exc:
            out[name] = {"missing": str(exc)}
            continue
        out[name] = {"hash": corpus_hash, "scores": scores}
    return out


def floor_of(score: float) -> float:
    return math.floor(score * 1000) / 1000  # floors in tenths of a percent, never above


def check(baseline: dict, measured: dict) -> list[str]:
    problems = []
    for name, got in measured.items():
        pinned = baseline.get(name)
        if "missing" in got:
            if os.environ.get("CI") == "true" and name in SHARED:
                problems.append(f"{name}: {got['missing']} (required under CI=true)")
            else:
                print(f"{name}: skipped, {got['missing']}")
            continue
        if pinned is None:
            problems.append(f"{name}: no baseline; run with --update to pin it")
            continue
        if got["hash"] != pinned["hash"]:
            problems.append(f"{name}: corpus hash {got['hash']} != pinned {pinned['hash']}; "
                            "the corpus changed, re-pin with --update if that is intended")
        for field, floor in pinned["floors"].items():
            score = got["scores"].get(field)
            mark = "ok" if score is not None and score + TOLERANCE >= floor else "BELOW"
            print(f"{name:11s} {field:20s} {score if score is not None else float('nan'):7.3f}"
                  f"  floor {floor:.3f}  {mark}")
            if mark != "ok":
                problems.append(f"{name}: {field} {score} below its floor {floor}")
    return problems


def update(baseline: dict, measured: dict, allow_lower: bool) -> tuple[dict, list[str]]:
    lowered = []
    new = dict(baseline)
    for name, got in measured.items():
        if "missing" in got:
            print(f"{name}: not updated, {got['missing']}")
            continue
        old = baseline.get(name, {}).get("floors", {})
        floors = {}
        for field, score in got["scores"].items():
            floor = floor_of(score)
            if field in old and floor < old[field] - TOLERANCE:
                lowered.append(f"{name}: {field} {old[field]:.3f} -> {floor:.3f}")
                if not allow_lower:
                    floor = old[field]
            floors[field] = max(floor, old.get(field, 0.0)) if not allow_lower else floor
        new[name] = {"hash": got["hash"], "floors": floors}
    return new, lowered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--update", action="store_true", help="raise floors, re-pin hashes")
    parser.add_argument("--allow-lower", action="store_true",
                        help="with --update: accept lower floors (say why in the commit)")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA),
                        help="only these corpora (default: all)")
    args = parser.parse_args(argv)
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) \
        if args.baseline.is_file() else {}
    measured = measure(args.corpus or sorted(CORPORA))
    if args.update:
        new, lowered = update(baseline, measured, args.allow_lower)
        if lowered and not args.allow_lower:
            print("refusing to lower floors (pass --allow-lower to accept):", *lowered,
                  sep="\n  ")
            return 2
        args.baseline.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n",
                                 encoding="utf-8")
        print(f"baseline written: {args.baseline}" + (f"; lowered: {lowered}" if lowered else ""))
        return 0
    problems = check(baseline, measured)
    for problem in problems:
        print("FAIL", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
