"""A real SMTP server for the tests (aiosmtpd), which counts what it was given by
Message-ID and can refuse every message, or be stopped and started again."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from email import message_from_bytes
from typing import Any

from aiosmtpd.controller import Controller

PORTS = range(9300, 9400)  # this suite's share of ports (the outbox's)


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


class MailServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.received: Counter[str] = Counter()
        self.subjects: list[str] = []
        self.refuse: str | None = None  # an SMTP reply such as "550 …" to give instead
        self.lock = threading.Lock()
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return self.refuse
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.received[str(message["Message-ID"])] += 1
            self.subjects.append(str(message["Subject"]))
        return "250 OK"

    def start(self) -> MailServer:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def delivered(self) -> int:
        with self.lock:
            return sum(self.received.values())

    def distinct(self) -> int:
        with self.lock:
            return len(self.received)
