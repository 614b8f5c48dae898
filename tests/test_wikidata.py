"""The Wikidata client against a loopback server replaying SPARQL JSON (Q-ids in the fixture
are synthetic; the response format is the real one)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from criticdb.common.errors import TransientFetchError
from criticdb.demo import DEMO_CATALOGUE
from criticdb.scrapers.wikidata import WikidataClient, build_query
from criticdb.transforms.catalogue import load_catalogue
from criticdb.transforms.normalise import normalise
from criticdb.transforms.wikidata import parse_bindings

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "let-me-in.sparql.json"


@pytest.fixture()
def sparql_server():
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            query = parse_qs(urlsplit(self.path).query)
            seen.append(query.get("query", [""])[0])
            status, body = (200, FIXTURE.read_bytes()) if "tt1228987" in seen[-1] else (503, b"")
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", seen
    server.shutdown()


def test_query_only_carries_valid_imdb_ids() -> None:
    query = build_query(["tt1228987", '"} ; DROP', "tt1139797"])
    assert '"tt1139797" "tt1228987"' in query and "DROP" not in query


def test_client_caches_and_enrichment_links_films(sparql_server, tmp_path) -> None:
    endpoint, seen = sparql_server
    client = WikidataClient(tmp_path, endpoint)
    bindings = client.films(["tt1228987", "tt1139797"])
    assert client.films(["tt1228987", "tt1139797"]) == bindings
    assert len(seen) == 1  # the second call came from the cache
    enrichment = parse_bindings(bindings)
    assert set(enrichment) == {"tt1228987", "tt1139797"}
    assert enrichment["tt1228987"].remake_of_imdb == {"tt1139797"}
    entities = normalise([], load_catalogue(DEMO_CATALOGUE), enrichment)
    films = {f["film_id"]: f for f in entities.films}
    assert films["let-the-right-one-in-2008"]["wikidata_id"] == "Q900002"
    assert "So finster die Nacht" in films["let-the-right-one-in-2008"]["aliases"]
    assert {"film_id": "let-me-in-2010", "related_film_id": "let-the-right-one-in-2008",
            "relation": "remake_of", "source": "wikidata", "confidence": 0.9,
            "evidence_count": 1, "evidence": "Wikidata P144 (based on) / P4969 (derivative "
            "work), found by IMDb id"} in entities.film_relations


def test_server_errors_are_transient(sparql_server, tmp_path) -> None:
    endpoint, _ = sparql_server
    with pytest.raises(TransientFetchError):
        WikidataClient(tmp_path, endpoint).films(["tt0119375"])
