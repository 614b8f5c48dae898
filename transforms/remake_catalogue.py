"""The remake catalogue shipped with criticdb: real (remake, original) pairs from an open
source, matched to warehouse films by id first, then by normalised title + year (±1).

The file (`transforms/data/remakes.csv`, built by `scripts/build_remake_catalogue.py`, source
and licence in `transforms/data/README.md`) is read once per process, only when a run uses it,
and checked whole before any row is used: a malformed or hostile file raises one
`RemakeCatalogueError` naming the line, never a partial catalogue.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path

from criticdb.common.errors import ConfigError
from criticdb.transforms.film_identity import FilmResolver

SHIPPED_REMAKES = Path(__file__).with_name("data") / "remakes.csv"
COLUMNS = ("remake_title", "remake_year", "original_title", "original_year", "relation",
           "remake_enwiki", "original_enwiki", "remake_wikidata", "original_wikidata",
           "remake_imdb", "original_imdb", "source", "licence")
RELATIONS = ("remake", "same_source_adaptation")
MAX_BYTES = 20_000_000  # the shipped file is ~100 kB; anything this big is not a catalogue
MAX_FIELD = 500
YEARS = range(1880, 2101)
SOURCE = "remake_catalogue"  # film_relations.source of the pairs it names
CONFIDENCE = 0.95


class RemakeCatalogueError(ConfigError):
    """The remake catalogue file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class RemakeRow:
    line: int
    remake_title: str
    remake_year: int
    original_title: str
    original_year: int
    relation: str
    remake_ids: tuple[str, ...]
    original_ids: tuple[str, ...]
    source: str
    licence: str

    def as_dict(self) -> dict[str, object]:
        return {"remake_title": self.remake_title, "remake_year": self.remake_year,
                "original_title": self.original_title, "original_year": self.original_year,
                "relation": self.relation, "remake_ids": list(self.remake_ids),
                "original_ids": list(self.original_ids), "source": self.source,
                "licence": self.licence}


def _year(value: str, path: Path, line: int, column: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise RemakeCatalogueError(f"remake catalogue {path} line {line}: {column} "
                                   f"{value[:40]!r} is not a year") from None
    if year not in YEARS:
        raise RemakeCatalogueError(f"remake catalogue {path} line {line}: {column} {year} "
                                   f"is outside {YEARS.start}–{YEARS.stop - 1}")
    return year


def _rows(text: str, path: Path) -> list[RemakeRow]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    missing = set(COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise RemakeCatalogueError(f"remake catalogue {path} lacks columns {sorted(missing)}")
    rows = []
    try:
        for record in reader:
            line = reader.line_num
            if None in record or any(v is None for v in record.values()):
                raise RemakeCatalogueError(f"remake catalogue {path} line {line}: wrong "
                                           f"number of fields")
            r = {k: (v or "").strip() for k, v in record.items()}
            if any(len(v) > MAX_FIELD for v in r.values()):
                raise RemakeCatalogueError(f"remake catalogue {path} line {line}: a field "
                                           f"is longer than {MAX_FIELD} characters")
            if not r["remake_title"] or not r["original_title"]:
                raise RemakeCatalogueError(f"remake catalogue {path} line {line}: both "
                                           f"titles are required")
            ry = _year(r["remake_year"], path, line, "remake_year")
            oy = _year(r["original_year"], path, line, "original_year")
            if ry < oy:
                raise RemakeCatalogueError(f"remake catalogue {path} line {line}: the remake "
                                           f"({ry}) is older than its original ({oy})")
            if r["relation"] not in RELATIONS:
                raise RemakeCatalogueError(f"remake catalogue {path} line {line}: relation "
                                           f"{r['relation'][:40]!r} is not one of {RELATIONS}")
            rows.append(RemakeRow(
                line, r["remake_title"], ry, r["original_title"], oy, r["relation"],
                tuple(v for k in ("remake_enwiki", "remake_wikidata", "remake_imdb")
                      if (v := r[k])),
                tuple(v for k in ("original_enwiki", "original_wikidata", "original_imdb")
                      if (v := r[k])),
                r["source"], r["licence"]))
    except csv.Error as exc:
        raise RemakeCatalogueError(f"remake catalogue {path} line {reader.line_num}: "
                                   f"{exc}") from None
    return rows


@functools.lru_cache(maxsize=4)
def load_remakes(path: Path = SHIPPED_REMAKES) -> tuple[RemakeRow, ...]:
    """Every row, or an error: the whole file is checked before it is used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RemakeCatalogueError(f"remake catalogue {path} is {size} bytes; more than "
                                       f"{MAX_BYTES} is not a remake list")
        data = path.read_bytes()
    except OSError as exc:
        raise RemakeCatalogueError(f"remake catalogue {path} cannot be read: "
                                   f"{exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RemakeCatalogueError(f"remake catalogue {path} is not UTF-8 (byte "
                                   f"{exc.start})") from None
    if "\x00" in text:
        raise RemakeCatalogueError(f"remake catalogue {path} contains NUL bytes; not a CSV")
    return tuple(_rows(text, path))


def catalogue_pairs(rows: tuple[RemakeRow, ...], resolver: FilmResolver,
                    name: str = SHIPPED_REMAKES.name) -> dict[tuple[str, str], str]:
    """(remake film_id, original film_id) -> evidence, for rows whose two films are both
    already in the warehouse's resolver. A row never creates a film, a provisional film
    (no year) never matches, and a title + year that fits two films matches neither."""
    pairs: dict[tuple[str, str], str] = {}
    for row in rows:
        remake = resolver.lookup(row.remake_title, row.remake_year, row.remake_ids)
        original = resolver.lookup(row.original_title, row.original_year, row.original_ids)
        if remake and original and remake != original:
            pairs.setdefault((remake, original),
                             f"{name} line {row.line}: "
                             f"{row.remake_title} ({row.remake_year}) is a {row.relation} of "
                             f"{row.original_title} ({row.original_year}); {row.source}, "
                             f"{row.licence}")
    return pairs


def families(rows: tuple[RemakeRow, ...]) -> int:
    """Connected groups of films (an original, its remakes, their remakes: chains kept)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        a, b = find((r.remake_title, r.remake_year)), find((r.original_title, r.original_year))
        parent[a] = b
    return len({find(x) for x in list(parent)})


def render(rows: tuple[RemakeRow, ...], fmt: str) -> str:
    """The catalogue as CSV, JSON lines or an aligned table (`criticdb remakes`)."""
    if fmt == "json":
        return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in rows)
    head = ("remake_title", "remake_year", "original_title", "original_year", "relation",
            "remake_ids", "original_ids", "source", "licence")
    table = [[str(r.remake_title), str(r.remake_year), r.original_title,
              str(r.original_year), r.relation, " ".join(r.remake_ids),
              " ".join(r.original_ids), r.source, r.licence] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(head)
        w.writerows(table)
        return out.getvalue()
    shown = [list(head[:5])] + [t[:5] for t in table]
    widths = [min(40, max(len(x[i]) for x in shown)) for i in range(5)]
    lines = ("  ".join(c[:40].ljust(w) for c, w in zip(x, widths, strict=True)).rstrip()
             for x in shown)
    return "".join(line + "\n" for line in lines)
