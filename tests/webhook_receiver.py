"""A real local HTTP server (``http.server``) that takes webhook POSTs, for the webhook tests.

It keeps each request's headers and raw body in ``received``, and answers 204, or 503 while
``fail_next`` is above zero (each such answer counts it down), so retries can be tested.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver(ThreadingHTTPServer):
    def __init__(self, path: str = "/hook") -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.path = path
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.fail_next = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.path}"


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.server.fail_next:
            self.server.fail_next -= 1
            self.send_response(503)
            self.end_headers()
            return
        self.server.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def running_receiver(path: str = "/hook") -> Iterator[Receiver]:
    server = Receiver(path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
