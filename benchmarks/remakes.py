"""The shipped remake catalogue, measured: its size, against an independent list, on the demo
and the shared real pages, and what it costs normalise.

    .venv/bin/python benchmarks/remakes.py [--independent LIST.csv] [--repeat 30]

--independent names a second remake list (columns remake_title, remake_year, original_title,
original_year) from another origin than the catalogue's (Wikipedia's List of film remakes).
Precision counts the catalogue's pairs whose two films the other list also knows; a pair
matches when both titles are equal after normalise_title and both years within ±1. Without
one, `--independent demo` uses the demo catalogue (written here from public facts; a sanity
check, not the public list issue #22 asks for).

On the demo pages and the shared real pages the script runs normalise with and without the
catalogue: the relations it derives are listed, a relation is wrong when the demo catalogue
names another original for that remake, and the cost is the median extra normalise time.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from criticdb.common.records import ExtractionRow  # noqa: E402
from criticdb.demo import DEMO_CATALOGUE  # noqa: E402
from criticdb.scrapers.extract.cascade import extract_review  # noqa: E402
from criticdb.scrapers.extract_pages import reject_reason  # noqa: E402
from criticdb.transforms.catalogue import load_catalogue  # noqa: E402
from criticdb.transforms.normalise import normalise  # noqa: E402
from criticdb.transforms.remake_catalogue import (  # noqa: E402
    SOURCE,
    families,
    load_remakes,
)
from criticdb.transforms.titles import normalise_title  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "real-reviews"
Pair = tuple[str, int, str, int]


def _pairs_from_csv(path: Path) -> list[Pair]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [(normalise_title(r["remake_title"]), int(r["remake_year"]),
                 normalise_title(r["original_title"]), int(r["original_year"]))
                for r in csv.DictReader(fh)]


def _demo_pairs() -> list[Pair]:
    films = {f.film_key: f for f in load_catalogue(DEMO_CATALOGUE)}
    return [(normalise_title(f.title), f.year, normalise_title(films[f.remake_of].title),
             films[f.remake_of].year) for f in films.values() if f.remake_of]


def _same(a: Pair, b: Pair) -> bool:
    return (a[0] == b[0] and abs(a[1] - b[1]) <= 1 and a[2] == b[2] and abs(a[3] - b[3]) <= 1)


def against(catalogue: list[Pair], other: list[Pair]) -> dict[str, object]:
    """Precision on pairs whose films both lists know; recall of the other list."""
    def known(films: set[tuple[str, int]], t: str, y: int) -> bool:
        return any(t == ft and abs(y - fy) <= 1 for ft, fy in films)

    other_films = {(p[0], p[1]) for p in other} | {(p[2], p[3]) for p in other}
    both = [p for p in catalogue if known(other_films, p[0], p[1])
            and known(other_films, p[2], p[3])]
    confirmed = [p for p in both if any(_same(p, q) for q in other)]
    found = [q for q in other if any(_same(p, q) for p in catalogue)]
    return {"pairs_both_know": len(both), "confirmed": len(confirmed),
            "precision": round(len(confirmed) / len(both), 3) if both else None,
            "other_list_pairs": len(other), "found_in_catalogue": len(found),
            "recall": round(len(found) / len(other), 3) if other else None,
            "unconfirmed": [p for p in both if p not in confirmed][:10]}


def demo_rows() -> list[ExtractionRow]:
    rows = []
    for golden in sorted((ROOT / "tests/fixtures/sites").glob("*/demo-*.expected.json")):
        exp = json.loads(golden.read_text(encoding="utf-8"))
        record = extract_review((ROOT / exp["page"]).read_bytes(), exp["url"])
        rows.append(ExtractionRow(exp["url"], exp["publication"], "", "sha", record))
    return rows


def real_rows(corpus: Path = REAL) -> list[ExtractionRow]:
    if not (corpus / "manifest.tsv").is_file():
        return []
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        keys = list(csv.DictReader(fh, delimiter="\t"))
    rows = []
    for k in keys:
        rec = extract_review((corpus / "pages" / k["file"]).read_bytes(), k["url"])
        if reject_reason(rec) is None:
            rows.append(ExtractionRow(k["url"], k["site"], "", "", rec))
    return rows


Named = tuple[frozenset[str], int | None]


def derived(rows: list[ExtractionRow], catalogue: list) -> list[tuple[Named, Named]]:
    """The catalogue's relations as (names, year) of each film: ids differ with and without
    the demo catalogue, the films do not."""
    ents = normalise(rows, catalogue, None, load_remakes())
    films = {f["film_id"]: (frozenset(normalise_title(t) for t in [f["title"], *f["aliases"]]),
                            f["year"]) for f in ents.films}
    return [(films[r["film_id"]], films[r["related_film_id"]])
            for r in ents.film_relations if r["source"] == SOURCE]


def wrong_on_demo(relations: list[tuple[Named, Named]]) -> list[tuple[Named, Named]]:
    """Relations no demo catalogue pair confirms (same film by a shared name, year ±1)."""
    films = {f.film_key: f for f in load_catalogue(DEMO_CATALOGUE)}

    def named(key: str) -> Named:
        f = films[key]
        return frozenset(normalise_title(t) for t in [f.title, *f.aliases]), f.year

    truth = [(named(k), named(f.remake_of)) for k, f in films.items() if f.remake_of]

    def same(a: Named, b: Named) -> bool:
        return bool(a[0] & b[0]) and a[1] is not None and b[1] is not None and abs(
            a[1] - b[1]) <= 1

    return [r for r in relations if not any(same(r[0], t[0]) and same(r[1], t[1])
                                            for t in truth)]


def _show(relations: list[tuple[Named, Named]]) -> str:
    return "; ".join(f"{min(a[0])} ({a[1]}) -> {min(b[0])} ({b[1]})" for a, b in relations)


def cost(rows: list[ExtractionRow], catalogue: list, repeat: int) -> dict[str, float]:
    """Median normalise seconds without and with the catalogue (loaded once beforehand, as
    a run does: the file is read and checked once per process)."""
    load_remakes.cache_clear()
    t0 = time.perf_counter()
    remakes = load_remakes()
    first_load = time.perf_counter() - t0
    off, on = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        normalise(rows, catalogue, None, ())
        off.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        normalise(rows, catalogue, None, remakes)
        on.append(time.perf_counter() - t0)
    m_off, m_on = statistics.median(off), statistics.median(on)
    return {"normalise_s_without": round(m_off, 5), "normalise_s_with": round(m_on, 5),
            "overhead": round(m_on / m_off - 1, 4), "first_load_s": round(first_load, 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--independent", help="a second remake list CSV, or 'demo'")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    rows = load_remakes()
    films = {(r.remake_title, r.remake_year) for r in rows} | {
        (r.original_title, r.original_year) for r in rows}
    chained = {(r.remake_title, r.remake_year) for r in rows} & {
        (r.original_title, r.original_year) for r in rows}
    print(f"catalogue: {len(rows)} relations, {len(films)} films, {families(rows)} families, "
          f"{len(chained)} films both a remake and remade (chains)")
    catalogue_pairs = [(normalise_title(r.remake_title), r.remake_year,
                        normalise_title(r.original_title), r.original_year) for r in rows]
    if args.independent:
        other = _demo_pairs() if args.independent == "demo" else _pairs_from_csv(
            Path(args.independent))
        print(f"against {args.independent}: {against(catalogue_pairs, other)}")
    else:
        print("against an independent public list: not measured (none given; see --help)")
    demo_catalogue = load_catalogue(DEMO_CATALOGUE)
    drows, rrows = demo_rows(), real_rows()
    d = derived(drows, demo_catalogue)
    print(f"demo pages ({len(drows)}): {len(d)} relations from the catalogue, "
          f"{len(wrong_on_demo(d))} wrong")
    d = derived(drows, [])
    print(f"demo pages, no demo catalogue: {len(d)} relations from the catalogue, "
          f"{len(wrong_on_demo(d))} wrong: {_show(d)}")
    r = derived(rrows, [])
    print(f"shared real pages ({len(rrows)} kept): {len(r)} relations from the catalogue"
          + (f": {_show(r)}" if r else " (no original and remake both reviewed there)"))
    print(f"normalise cost, demo + real pages ({len(drows) + len(rrows)} rows, median of "
          f"{args.repeat}): {cost(drows + rrows, [], args.repeat)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
