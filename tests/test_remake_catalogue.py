"""The remake catalogue shipped with criticdb: the file itself, how strictly it is read, and
how its rows link warehouse films (by id, else title + year, never creating one)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from criticdb.scrapers.config import load_sources
from criticdb.transforms.catalogue import CatalogueFilm
from criticdb.transforms.film_identity import FilmResolver
from criticdb.transforms.remake_catalogue import (
    COLUMNS,
    SHIPPED_REMAKES,
    RemakeCatalogueError,
    catalogue_pairs,
    families,
    load_remakes,
)

HEADER = ",".join(COLUMNS)


def _row(remake: str = "Oldboy", ry: str = "2013", original: str = "Oldboy", oy: str = "2003",
         relation: str = "remake", remake_imdb: str = "", original_imdb: str = "") -> str:
    return ",".join([remake, ry, original, oy, relation, "", "", "", "", remake_imdb,
                     original_imdb, "test", "CC0"])


def _write(tmp_path: Path, text: str | bytes, name: str = "r.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def test_the_shipped_file_is_real_checked_and_keeps_chains() -> None:
    rows = load_remakes()
    assert len(rows) >= 700
    assert all(r.remake_year >= r.original_year for r in rows)
    assert all(r.licence == "CC BY-SA 4.0" and r.source for r in rows)
    keys = {(r.remake_title, r.remake_year, r.original_title, r.original_year) for r in rows}
    assert len(keys) == len(rows)  # de-duplicated
    assert ("The Departed", 2006, "Infernal Affairs", 2002) in keys
    remakes = {(r.remake_title, r.remake_year) for r in rows}
    originals = {(r.original_title, r.original_year) for r in rows}
    assert remakes & originals  # chains: a remake that was remade again
    assert families(rows) < len(remakes | originals)


@pytest.mark.parametrize(("text", "message"), [
    ("a,b\n1,2\n", "lacks columns"),
    (HEADER + "\n" + _row(ry="20x3") + "\n", "line 2: remake_year '20x3' is not a year"),
    (HEADER + "\n" + _row() + "\n" + _row(ry="1990") + "\n", "line 3: the remake (1990) is older"),
    (HEADER + "\n" + _row(oy="1066") + "\n", "outside 1880"),
    (HEADER + "\n" + _row(relation="sequel") + "\n", "relation 'sequel'"),
    (HEADER + "\n" + _row(remake="") + "\n", "both titles are required"),
    (HEADER + "\n" + _row() + ",extra\n", "wrong number of fields"),
    (HEADER + "\n" + _row()[:-4] + "\n", "wrong number of fields"),
    (HEADER + "\n" + _row(remake='"Oldboy') + "\n", "line"),
    (HEADER + "\n" + _row(remake="x" * 600) + "\n", "longer than 500"),
    (HEADER + "\n" + _row() + "\x00\n", "NUL bytes"),
])
def test_a_malformed_file_is_one_error_naming_the_line(tmp_path, text, message) -> None:
    with pytest.raises(RemakeCatalogueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_remakes(_write(tmp_path, text))


def test_bytes_that_are_not_utf8_are_refused(tmp_path) -> None:
    with pytest.raises(RemakeCatalogueError, match="not UTF-8"):
        load_remakes(_write(tmp_path, (HEADER + "\n" + _row(remake="Caf\xe9")).encode("latin-1")))


def test_a_missing_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(RemakeCatalogueError, match="cannot be read"):
        load_remakes(tmp_path / "absent.csv")


def _resolver(*films: tuple[str, str, int | None]) -> FilmResolver:
    r = FilmResolver([])
    for title, _key, year in films:
        if year is None:
            r.resolve(title, None, review_year=2020)
        else:
            r.resolve(title, year)
    return r


def test_rows_link_only_films_the_warehouse_has_by_title_and_year(tmp_path) -> None:
    rows = load_remakes(_write(tmp_path, HEADER + "\n" + "\n".join([
        _row(), _row("Cape Fear", "1991", "Cape Fear", "1962"),
        _row("The Ring", "2002", "Ring", "1998")]) + "\n"))
    resolver = _resolver(("Oldboy", "", 2003), ("Oldboy", "", 2014),  # 2014: festival ±1
                         ("Cape Fear", "", 1991))
    before = set(resolver.films)
    pairs = catalogue_pairs(rows, resolver)
    assert set(pairs) == {("oldboy-2014", "oldboy-2003")}
    assert "line 2" in pairs[("oldboy-2014", "oldboy-2003")]
    assert set(resolver.films) == before  # Cape Fear 1962 and the Ring films were not created


def test_a_provisional_or_ambiguous_film_never_gets_a_relation(tmp_path) -> None:
    rows = load_remakes(_write(tmp_path, HEADER + "\n" + _row() + "\n"))
    provisional = _resolver(("Oldboy", "", None), ("Oldboy", "", 2003))
    assert catalogue_pairs(rows, provisional) == {}  # the remake side has no year
    ambiguous = _resolver(("Oldboy", "", 2003), ("Oldboy", "", 2012), ("Oldboy", "", 2014))
    assert catalogue_pairs(rows, ambiguous) == {}  # 2012 and 2014 both fit 2013 ± 1


def test_ids_match_before_titles(tmp_path) -> None:
    rows = load_remakes(_write(tmp_path, HEADER + "\n" + _row(
        "Old Boy US", "2013", "Oldboy", "2003", remake_imdb="tt1321511") + "\n"))
    resolver = FilmResolver([CatalogueFilm("oldboy-us", "Oldboy", 2013, imdb_id="tt1321511"),
                             CatalogueFilm("oldboy-kr", "Oldboy", 2003)])
    assert set(catalogue_pairs(rows, resolver)) == {("oldboy-us", "oldboy-kr")}


def test_catalogue_false_turns_the_shipped_catalogue_off(tmp_path) -> None:
    base = '[[sites]]\nname = "s"\nbase_url = "http://127.0.0.1:1/"\n' \
           'review_pattern = "/r/"\nsources = [{kind = "urls", urls = ["http://127.0.0.1:1/r/1"]}]\n'
    on = _write(tmp_path, base, "on.toml")
    off = _write(tmp_path, "catalogue = false\n" + base, "off.toml")
    assert load_sources(on).shipped_catalogue is True
    assert load_sources(off).shipped_catalogue is False and load_sources(off).catalogue is None


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "criticdb.flows.cli", *args],
                          capture_output=True, text=True, timeout=120)


def test_criticdb_remakes_prints_every_row_in_each_format() -> None:
    n = len(load_remakes(SHIPPED_REMAKES))
    as_csv = list(csv.reader(io.StringIO(_cli("remakes", "--format", "csv").stdout)))
    assert as_csv[0][:4] == ["remake_title", "remake_year", "original_title", "original_year"]
    assert len(as_csv) == n + 1
    as_json = [json.loads(x) for x in _cli("remakes", "--format", "json").stdout.splitlines()]
    assert len(as_json) == n and {"remake_title", "original_year"} <= set(as_json[0])
    table = _cli("remakes").stdout.splitlines()
    assert table[0].split()[:4] == ["remake_title", "remake_year", "original_title",
                                    "original_year"]


def test_criticdb_remakes_on_a_bad_file_is_one_line(tmp_path) -> None:
    out = _cli("remakes", "--file", str(_write(tmp_path, HEADER + "\n" + _row(oy="x") + "\n")))
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip().count("\n") == 0 and "line 2" in out.stderr
