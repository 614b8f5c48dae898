"""A loopback HTTP server that misbehaves on purpose, one path per fault, with a request log."""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = b"<html><head><title>ok</title></head><body><p>A good page.</p></body></html>"
LATIN1_PAGE = "<html><body><p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9.</p></body></html>"


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients hanging up on purpose (size and time limits) are the test


class FaultServer:
    def __init__(self) -> None:
        self.log: list[tuple[float, str]] = []
        self.counters: dict[str, int] = {}
        self.other_origin = ""  # a second host for out-of-scope redirects
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def hits(self, path: str) -> int:
        return sum(1 for _, p in self.log if p == path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                     extra: dict[str, str] | None = None, length: int | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802, C901 (one branch per fault is the point)
                path = self.path
                server.log.append((time.time(), path))
                n = server.counters[path] = server.counters.get(path, 0) + 1
                if path == "/robots.txt":
                    self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif path.startswith("/good/"):
                    self.send(200, GOOD, extra={"ETag": '"v1"'})
                elif path == "/flaky":  # 503 twice, then fine
                    if n <= 2:
                        self.send(503, b"busy", extra={"Retry-After": "0"})
                    else:
                        self.send(200, GOOD)
                elif path == "/always-500":
                    self.send(500, b"broken")
                elif path == "/rate-limited":
                    self.send(429, b"slow down", extra={"Retry-After": "0"})
                elif path == "/missing":
                    self.send(404, b"gone")
                elif path == "/slow":
                    time.sleep(3)
                    self.send(200, GOOD)
                elif path == "/drip":  # one byte at a time, forever slower than the budget
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    try:
                        for _ in range(100):
                            self.wfile.write(b"x")
                            self.wfile.flush()
                            time.sleep(0.1)
                    except OSError:
                        return
                elif path == "/reset":
                    self.connection.shutdown(2)
                    self.connection.close()
                elif path == "/truncated":
                    self.send(200, GOOD[:20], length=len(GOOD))
                    self.close_connection = True
                elif path == "/loop":
                    self.send(302, b"", extra={"Location": "/loop2"})
                elif path == "/loop2":
                    self.send(302, b"", extra={"Location": "/loop"})
                elif path == "/offsite":
                    self.send(302, b"", extra={"Location": f"{server.other_origin}/good/x"})
                elif path == "/huge":  # 20 MiB, streamed, no Content-Length
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<p>" + b"a" * 65530 + b"</p>"
                    try:
                        for _ in range(20 * 16):
                            self.wfile.write(chunk)
                    except OSError:
                        return
                    self.close_connection = True
                elif path == "/bomb":  # 64 KB on the wire, 64 MiB when inflated
                    self.send(200, BOMB, extra={"Content-Encoding": "gzip"})
                elif path == "/latin1-labelled-utf8":
                    self.send(200, LATIN1_PAGE.encode("latin-1"))
                elif path == "/utf8-labelled-latin1":
                    self.send(200, LATIN1_PAGE.encode("utf-8"), "text/html; charset=iso-8859-1")
                elif path == "/pdf":
                    self.send(200, b"%PDF-1.4", "application/pdf")
                elif path == "/private/page":
                    self.send(200, GOOD)
                else:
                    self.send(404, b"no such fault")

        return Handler


BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
