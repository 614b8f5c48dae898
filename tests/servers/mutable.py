"""A review site that changes between runs: new, edited and deleted reviews, changing ETags,
and outages. Its state is the truth the soak test checks the warehouse against."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class SiteState:
    versions: dict[int, int] = field(default_factory=dict)  # review number -> version
    deleted: set[int] = field(default_factory=set)
    down: bool = False

    def live(self) -> list[int]:
        return sorted(set(self.versions) - self.deleted)

    @staticmethod
    def rating(n: int, version: int) -> int:
        return (n + version) % 4 + 1  # out of 4

    def apply_round(self, r: int) -> None:
        """Deterministic change for round r (0-based)."""
        self.down = r % 7 == 5
        self.versions[len(self.versions)] = 1  # one new review every round
        live = self.live()
        if r % 3 == 2 and live:
            n = live[r % len(live)]
            self.versions[n] += 1  # edited: new text, new rating, new ETag
        if r % 5 == 4 and len(live) > 2:
            self.deleted.add(live[(r * 7) % len(live)])


class MutableSite:
    def __init__(self) -> None:
        self.state = SiteState()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> MutableSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, n: int) -> bytes:
        v = self.state.versions[n]
        ld = {"@context": "https://schema.org", "@type": "Review",
              "author": {"@type": "Person", "name": f"Soak Critic {n % 3}"},
              "datePublished": "2024-01-01",
              "itemReviewed": {"@type": "Movie", "name": f"Soak Film {n}",
                               "dateCreated": str(1990 + n)},
              "reviewRating": {"@type": "Rating", "ratingValue": str(self.state.rating(n, v)),
                               "bestRating": "4", "worstRating": "0"},
              "reviewBody": f"Version {v} of the review of Soak Film {n}."}
        return (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script>"
                f"</head><body><h1>Soak Film {n}</h1><p>Version {v} of the review of Soak "
                f"Film {n}.</p></body></html>").encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def reply(self, status: int, body: bytes = b"", etag: str | None = None,
                      ctype: str = "text/html; charset=utf-8") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                state = site.state
                if state.down:
                    return self.reply(503, b"down for maintenance")
                if self.path == "/robots.txt":
                    return self.reply(200, b"User-agent: *\nAllow: /\n", ctype="text/plain")
                if self.path == "/sitemap.xml":
                    locs = "".join(f"<url><loc>{site.origin}/reviews/{n}/</loc></url>"
                                   for n in state.live())
                    return self.reply(200, ('<urlset xmlns="http://www.sitemaps.org/schemas/'
                                            f'sitemap/0.9">{locs}</urlset>').encode(),
                                      ctype="application/xml")
                parts = self.path.strip("/").split("/")
                if len(parts) == 2 and parts[0] == "reviews" and parts[1].isdigit():
                    n = int(parts[1])
                    if n in state.deleted:
                        return self.reply(410, b"gone")
                    if n in state.versions:
                        etag = f'"{n}-{state.versions[n]}"'
                        if self.headers.get("If-None-Match") == etag:
                            return self.reply(304, etag=etag)
                        return self.reply(200, site.page(n), etag=etag)
                return self.reply(404, b"not found")

        return Handler
