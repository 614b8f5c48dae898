"""Serves the bundled demo sites from disk on 127.0.0.1, one port per site.

Each site is its own host for rate limits and robots.txt. Files are written with the demo
origin (e.g. http://127.0.0.1:8701); when a site runs on another port (tests pick free ports)
that origin is rewritten in bodies so absolute links stay on the right host. Supports ETag and
If-None-Match so conditional GET can be exercised, and logs every request for assertions.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml",
                 ".txt": "text/plain; charset=utf-8", ".gz": "application/gzip"}


@dataclass(frozen=True)
class LoggedRequest:
    at: float
    method: str
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class ServedSite:
    root: Path
    file_origin: str
    server: ThreadingHTTPServer
    log: list[LoggedRequest] = field(default_factory=list)

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> list[str]:
        return [r.path for r in self.log]


def _resolve(root: Path, url_path: str) -> Path | None:
    rel = unquote(urlsplit(url_path).path).lstrip("/")
    target = (root / rel).resolve()
    if root.resolve() not in target.parents and target != root.resolve():
        return None
    if target.is_dir():
        for index in ("index.html", "index.xml"):
            if (target / index).is_file():
                return target / index
        return None
    return target if target.is_file() else None


def _handler(site: ServedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = _resolve(site.root, self.path)
            status = 404
            if path is None:
                body, headers = b"not found", {"Content-Type": "text/plain"}
            else:
                body = path.read_bytes()
                if site.file_origin != site.origin:
                    body = body.replace(site.file_origin.encode(), site.origin.encode())
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                headers = {"Content-Type": CONTENT_TYPES.get(path.suffix, "text/html"),
                           "ETag": etag,
                           "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True)}
                status = 304 if self.headers.get("If-None-Match") == etag else 200
            site.log.append(LoggedRequest(time.time(), "GET", self.path, status,
                                          dict(self.headers.items())))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            payload = b"" if status == 304 else body
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # the request log above replaces stderr noise

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that hung up (a killed crawler, a timeout): nothing to report
        super().handle_error(request, client_address)


class DemoServer:
    """Context manager running one HTTP server thread per demo site."""

    def __init__(self, sites: dict[str, tuple[Path, str, int]]) -> None:
        # name -> (directory, origin the files were written with, port to bind; 0 = any)
        self._spec = sites
        self.sites: dict[str, ServedSite] = {}
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> DemoServer:
        for name, (root, file_origin, port) in self._spec.items():
            server = _Server(("127.0.0.1", port), BaseHTTPRequestHandler)
            site = ServedSite(Path(root), file_origin, server)
            server.RequestHandlerClass = _handler(site)
            self.sites[name] = site
            thread = threading.Thread(target=server.serve_forever, name=f"demo-{name}",
                                      daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        for site in self.sites.values():
            site.server.shutdown()
            site.server.server_close()
