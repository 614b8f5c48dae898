"""Wikidata SPARQL client (off by default): film labels, ids and remake links, cached on disk.

Only IMDb ids that match `tt` + digits are ever put into a query. Responses are cached by
query hash for `max_age_days`, so scheduled runs ask Wikidata at most once per period.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

import requests

from criticdb.common.errors import TerminalFetchError, TransientFetchError
from criticdb.scrapers.config import DEFAULT_USER_AGENT
from criticdb.scrapers.http_status import error_for

ENDPOINT = "https://query.wikidata.org/sparql"
IMDB_ID = re.compile(r"^tt\d{7,9}$")
BATCH = 50
# Films (P31 Q11424) with their labels, and what they remake: P144 "based on" (alias
# "remake of") from the remake's side, P4969 "derivative work" from the original's side.
QUERY = """SELECT ?film ?imdb ?label ?orig ?origImdb WHERE {
  VALUES ?imdb { %s }
  ?film wdt:P345 ?imdb ; wdt:P31 wd:Q11424 .
  OPTIONAL { ?film rdfs:label ?label . }
  OPTIONAL {
    { ?film wdt:P144 ?orig . } UNION { ?orig wdt:P4969 ?film . }
    ?orig wdt:P31 wd:Q11424 ; wdt:P345 ?origImdb .
  }
}"""


def build_query(imdb_ids: list[str]) -> str:
    ids = sorted({i for i in imdb_ids if IMDB_ID.match(i)})
    return QUERY % " ".join(f'"{i}"' for i in ids)


class WikidataClient:
    def __init__(self, cache_dir: Path, endpoint: str = ENDPOINT,
                 user_agent: str = DEFAULT_USER_AGENT, max_age_days: float = 30.0,
                 timeout: float = 30.0) -> None:
        self.cache_dir = Path(cache_dir)
        self.endpoint = endpoint
        self.max_age = max_age_days * 86400
        self.timeout = timeout
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers.update({"User-Agent": user_agent,
                                     "Accept": "application/sparql-results+json"})

    def _cached(self, key: str) -> dict[str, Any] | None:
        path = self.cache_dir / f"{key}.json"
        if path.exists() and time.time() - path.stat().st_mtime < self.max_age:
            return json.loads(path.read_text(encoding="utf-8"))
        return None

    def query(self, sparql: str) -> dict[str, Any]:
        key = hashlib.sha256(f"{self.endpoint}\n{sparql}".encode()).hexdigest()
        if (hit := self._cached(key)) is not None:
            return hit
        try:
            resp = self.session.get(self.endpoint, params={"query": sparql, "format": "json"},
                                    timeout=self.timeout)
        except requests.RequestException as exc:
            raise TransientFetchError(self.endpoint, "wikidata_unreachable", str(exc)) from exc
        headers = {k.lower(): v for k, v in resp.headers.items()}
        if (error := error_for(self.endpoint, resp.status_code, headers)) is not None:
            raise error
        if resp.status_code != 200:
            raise TerminalFetchError(self.endpoint, f"http_{resp.status_code}",
                                     status=resp.status_code)
        try:
            data = resp.json()
        except ValueError as exc:
            raise TerminalFetchError(self.endpoint, "wikidata_bad_json", str(exc)) from exc
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        (self.cache_dir / f"{key}.json").write_text(json.dumps(data), encoding="utf-8")
        return data

    def films(self, imdb_ids: list[str]) -> list[dict[str, Any]]:
        """SPARQL JSON bindings for the films with these IMDb ids, in batches."""
        ids = sorted({i for i in imdb_ids if IMDB_ID.match(i)})
        bindings: list[dict[str, Any]] = []
        for start in range(0, len(ids), BATCH):
            data = self.query(build_query(ids[start:start + BATCH]))
            bindings += data.get("results", {}).get("bindings", [])
        return bindings
