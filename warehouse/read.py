"""Reads from the warehouse: what the flow needs (prior fetches, pending extractions) and
the views in the order their readers show them."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import duckdb

from criticdb.common.records import ExtractedReview, ExtractionRow, PriorFetch
from criticdb.warehouse.sql import sql


def prior_fetches(con: duckdb.DuckDBPyConnection) -> dict[str, PriorFetch]:
    """Validators of the last fetch, keyed by the URL discovery will request again."""
    rows = con.execute(sql("statements/prior_fetches")).fetchall()
    return {requested: PriorFetch(url, etag, last_modified, sha, fetched_at)
            for requested, url, etag, last_modified, sha, fetched_at in rows}


def pages_to_extract(con: duckdb.DuckDBPyConnection, parser_version: str,
                     full_refresh: bool = False) -> list[tuple[str, str, str]]:
    if full_refresh:
        return [tuple(r) for r in con.execute(sql("statements/pages_all")).fetchall()]
    return [tuple(r) for r in con.execute(sql("statements/pages_to_extract"),
                                          {"parser_version": parser_version}).fetchall()]


def live_extractions_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute(sql("statements/live_extractions_fingerprint")).fetchall()[0][0]


def last_inputs_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute(sql("statements/last_inputs_fingerprint")).fetchall()
    return rows[0][0] if rows else None


def all_extractions(con: duckdb.DuckDBPyConnection) -> list[ExtractionRow]:
    """Every live extraction, its stored JSON decoded back into the record."""
    return [ExtractionRow(url, site, site_url, sha, ExtractedReview(**json.loads(record)))
            for url, site, site_url, sha, record
            in con.execute(sql("statements/all_extractions")).fetchall()]


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, catalogue: bytes,
                       normalise_version: str) -> str:
    """What entities are a pure function of: live extractions, the catalogue and the
    normalisation code's version. Unchanged since the last run: nothing to rebuild."""
    digest = hashlib.sha256(catalogue)
    digest.update(f"{normalise_version}|{live_extractions_fingerprint(con)}".encode())
    return digest.hexdigest()


def review_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(sql("statements/count_reviews")).fetchall()[0][0]


def view_rows(con: duckdb.DuckDBPyConnection, view: str) -> list[dict[str, Any]]:
    """A view as dicts, in the order its reader query (warehouse/queries/<view>.sql) gives."""
    cur = con.execute(sql(f"queries/{view}"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
