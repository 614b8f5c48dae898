"""Build the shipped remake catalogue (transforms/data/remakes.csv) from its open source.

Source: Wikipedia's "List of film remakes" (A–M, N–Z) as scraped into
epfl-ada/ada-2024-project-madayam, data/remake/remakes.csv (columns original, original_year,
original_url, remake, remake_year, remake_url). Wikipedia text is CC BY-SA 4.0; the rows
keep that licence and say so. Bring the snapshot here first (the search tool's `fetch`), then:

    .venv/bin/python scripts/build_remake_catalogue.py \
        --git-dir /work/.mirror/epfl-ada+ada-2024-project-madayam/repo

Rules, so every row identifies both films: both titles and both years present, years in
1880–2100, the remake not older than the original, not the same film twice. A title ending
in its own year "(1997)" loses it; "X aka Y" keeps X. The English Wikipedia article of each
film (from the list's link, without a '#section' link, which names no film of its own) is
the row's id. Duplicates (same titles and years) are kept once.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
from urllib.parse import unquote

from criticdb.transforms.remake_catalogue import COLUMNS, SHIPPED_REMAKES
from criticdb.transforms.titles import normalise_title

SOURCE_REPO = "epfl-ada/ada-2024-project-madayam"
SOURCE_PATH = "data/remake/remakes.csv"
SOURCE_COMMIT = "918d2dca7866be788e53f6926c738fe23f12d1b7"
SOURCE = "wikipedia:List_of_film_remakes"
LICENCE = "CC BY-SA 4.0"
OWN_YEAR = re.compile(r"\s*\((\d{4})\)\s*$")


def _title(raw: str, year: int) -> str:
    title = raw.strip()
    m = OWN_YEAR.search(title)
    if m and int(m.group(1)) == year:
        title = title[:m.start()]
    return title.split(" aka ")[0].strip()


def _enwiki(url: str) -> str:
    url = url.strip()
    if not url.startswith("/wiki/") or "#" in url:
        return ""
    return "enwiki:" + unquote(url[len("/wiki/"):])


def build(text: str) -> tuple[list[dict[str, str]], dict[str, int]]:
    rows, seen, dropped = [], set(), {"missing_or_bad_year": 0, "remake_older": 0,
                                      "same_film": 0, "duplicate": 0, "missing_title": 0}
    for r in csv.DictReader(io.StringIO(text)):
        try:
            oy, ry = int(r["original_year"]), int(r["remake_year"])
        except ValueError:
            dropped["missing_or_bad_year"] += 1
            continue
        if not (1880 <= oy <= 2100 and 1880 <= ry <= 2100):
            dropped["missing_or_bad_year"] += 1
            continue
        ot, rt = _title(r["original"], oy), _title(r["remake"], ry)
        if not ot or not rt:
            dropped["missing_title"] += 1
            continue
        if ry < oy:
            dropped["remake_older"] += 1
            continue
        key = (normalise_title(rt), ry, normalise_title(ot), oy)
        if key[:2] == key[2:]:
            dropped["same_film"] += 1
            continue
        if key in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(key)
        rows.append({"remake_title": rt, "remake_year": str(ry), "original_title": ot,
                     "original_year": str(oy), "relation": "remake",
                     "remake_enwiki": _enwiki(r["remake_url"]),
                     "original_enwiki": _enwiki(r["original_url"]),
                     "remake_wikidata": "", "original_wikidata": "",
                     "remake_imdb": "", "original_imdb": "",
                     "source": SOURCE, "licence": LICENCE})
    rows.sort(key=lambda x: (normalise_title(x["original_title"]), int(x["original_year"]),
                             int(x["remake_year"]), normalise_title(x["remake_title"])))
    return rows, dropped


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir", required=True, help=f"fetched snapshot of {SOURCE_REPO}")
    ap.add_argument("--commit", default=SOURCE_COMMIT)
    ap.add_argument("--out", default=str(SHIPPED_REMAKES))
    args = ap.parse_args()
    text = subprocess.run(["git", "--git-dir", args.git_dir, "show",
                           f"{args.commit}:{SOURCE_PATH}"], check=True, capture_output=True,
                          text=True).stdout
    rows, dropped = build(text)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} relations written to {args.out}; dropped {dropped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
