"""A local HTTP server that answers as Akismet's REST API documents (akismet.com/developers),
and an httpx client that sends the akismet library's requests to it instead of Akismet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import httpx

THANKS = "Thanks for making the web a better place."
VALID_KEY = "abc123def456"


@dataclass
class FakeAkismet:
    """What the server answers comment-check with ("true", "false", "discard"), or a failure
    ("status 500", "slow", "nonsense"); every request it received as (path, form fields)."""

    answer: str = "false"
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0


def _handler(state: FakeAkismet) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"] or 0)).decode()
            form = {name: values[0] for name, values in parse_qs(body).items()}
            state.requests.append((self.path, form))
            if state.answer == "slow":
                time.sleep(1.5)
            if state.answer == "status 500":
                self.reply(500, "Internal Server Error")
                return
            if state.answer == "nonsense":  # not Akismet's: a broken proxy in between, say
                self.reply(200, "<html>Bad gateway</html>")
                return
            key = form.get("key" if self.path.endswith("verify-key") else "api_key")
            if key != VALID_KEY:
                # Akismet answers an invalid key with "invalid" and a debug header.
                self.reply(
                    200,
                    "invalid",
                    {"X-akismet-debug-help": "We were unable to parse your blog URI"},
                )
            elif self.path == "/1.1/verify-key":
                self.reply(200, "valid")
            elif self.path == "/1.1/comment-check":
                if state.answer == "discard":
                    self.reply(200, "true", {"X-akismet-pro-tip": "discard"})
                else:
                    self.reply(200, state.answer)
            elif self.path in ("/1.1/submit-spam", "/1.1/submit-ham"):
                self.reply(200, THANKS)
            else:
                self.reply(404, "Not found")

        def reply(self, status: int, text: str, headers: dict[str, str] | None = None) -> None:
            payload = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

    return Handler


@contextmanager
def fake_akismet() -> Iterator[FakeAkismet]:
    state = FakeAkismet()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


class ToLocalServer(httpx.HTTPTransport):
    """Sends each request for https://rest.akismet.com to the local server, over plain HTTP."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert request.url.host == "rest.akismet.com"
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return super().handle_request(request)


def client_for(server: FakeAkismet, timeout: float = 1.0) -> httpx.Client:
    return httpx.Client(transport=ToLocalServer(server.port), timeout=timeout)
