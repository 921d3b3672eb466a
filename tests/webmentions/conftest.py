"""A real HTTP server on 127.0.0.1 that serves the source pages the tests write, and the
settings that let the verifier fetch from it (a loopback address is refused otherwise)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_django.fixtures import Settings

from crossing.web.comments import privacy


@dataclass
class Page:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    drip: float = 0.0  # seconds between pieces of 256 bytes: a slow source


class Sources:
    """Pages by path; `url(path)` is the address to send as a source."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def html(self, path: str, html: str, status: int = 200) -> str:
        self.pages[path] = Page(status=status, body=html.encode())
        return self.url(path)

    def page(self, path: str, page: Page) -> str:
        self.pages[path] = page
        return self.url(path)


@pytest.fixture
def sources() -> Iterator[Sources]:
    def handler_class(owner: Sources) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append((self.path, dict(self.headers)))
                page = owner.pages.get(self.path, Page(status=404, body=b"not here"))
                self.send_response(page.status)
                for name, value in page.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                if not page.drip:
                    self.wfile.write(page.body)
                    return
                for at in range(0, len(page.body), 256):
                    self.wfile.write(page.body[at : at + 256])
                    self.wfile.flush()
                    time.sleep(page.drip)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    owner = Sources(server)
    server.RequestHandlerClass = handler_class(owner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield owner
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def webmention_settings(settings: Settings) -> None:
    privacy.SCHEDULED.clear()  # purge jobs remembered from another test's database
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = True
    settings.CROSSING_WEBMENTION_RATE = 10_000  # the rate limit has its own test
    settings.CROSSING_WEBMENTION_TIMEOUT = 5
