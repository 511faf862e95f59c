"""A small TCP proxy on loopback that misbehaves on demand, for the sync's fault tests.

Between the console and a real central server it can pass traffic, hold every answer back for a
while (a slow link: the console's timeout must fire), answer 500 to everything (a broken reverse
proxy), refuse connections (the server is away), or "poison": read each request and answer 500
to any whose body holds one of `poison` (say an event id: a server bug that one event trips),
passing the others through. Mode changes apply to new connections.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field

_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
    b'Content-Length: 50\r\nConnection: close\r\n\r\n{"code":"internal","message":"proxy says no....."}'
)


@dataclass
class FaultProxy:
    upstream_port: int
    mode: str = "pass"  # pass | delay | http500 | refuse | poison
    delay_s: float = 2.0
    port: int = 0
    requests_seen: int = 0
    poison: set[str] = field(default_factory=set)  # "poison" mode: 500 for bodies holding one
    poisoned: int = 0  # requests answered 500 in "poison" mode
    _server: socket.socket | None = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _closing: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> FaultProxy:
        self._listen()
        return self

    def _listen(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        self.port = server.getsockname()[1]
        server.listen(64)
        self._server = server
        thread = threading.Thread(target=self._accept_loop, args=(server,), daemon=True)
        thread.start()
        self._threads.append(thread)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_mode(self, mode: str) -> None:
        """Change behaviour; "refuse" closes the listening socket, leaving it reopens it."""
        if mode == "refuse" and self._server is not None:
            self._server.close()
            self._server = None
        elif mode != "refuse" and self._server is None:
            self._listen()
        self.mode = mode

    def close(self) -> None:
        self._closing.set()
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept_loop(self, server: socket.socket) -> None:
        while not self._closing.is_set():
            try:
                client, _ = server.accept()
            except OSError:
                return
            with self._lock:
                self.requests_seen += 1
            threading.Thread(target=self._handle, args=(client, self.mode), daemon=True).start()

    def _handle(self, client: socket.socket, mode: str) -> None:
        with contextlib.closing(client):
            if mode == "http500":
                _read_request(client)
                client.sendall(_500)
                return
            if mode == "poison":
                self._inspect(client)
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            except OSError:
                return
            with contextlib.closing(upstream):
                delay = self.delay_s if mode == "delay" else 0.0
                back = threading.Thread(
                    target=_pump, args=(upstream, client, delay, self._closing), daemon=True
                )
                back.start()
                _pump(client, upstream, 0.0, self._closing)
                back.join(timeout=self.delay_s + 10)

    def _inspect(self, client: socket.socket) -> None:
        """One request at a time over a kept-alive connection; poisoned ones get a 500."""
        client.settimeout(10)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        except OSError:
            return
        with contextlib.closing(upstream):
            client_buffer, upstream_buffer = bytearray(), bytearray()
            while not self._closing.is_set():
                request = _read_message(client, client_buffer)
                if request is None:
                    return
                if any(marker.encode() in request for marker in self.poison):
                    with self._lock:
                        self.poisoned += 1
                    client.sendall(_poisoned_500())
                    return
                upstream.sendall(request)
                response = _read_message(upstream, upstream_buffer)
                if response is None:
                    return
                client.sendall(response)


def _poisoned_500() -> bytes:
    body = b'{"code":"internal","message":"Internal Server Error"}'
    head = (
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes | None:
    """One HTTP/1.1 message (head and a Content-Length body) from `sock`; leftovers stay."""
    try:
        while b"\r\n\r\n" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            buffer += chunk
        end = buffer.index(b"\r\n\r\n") + 4
        length = 0
        for line in bytes(buffer[:end]).split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(buffer) < end + length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            buffer += chunk
    except OSError:
        return None
    message = bytes(buffer[: end + length])
    del buffer[: end + length]
    return message


def _pump(src: socket.socket, dst: socket.socket, delay: float, closing: threading.Event) -> None:
    """Copy bytes src -> dst; with a delay, hold each chunk back first (a slow network)."""
    src.settimeout(0.5)
    while not closing.is_set():
        try:
            chunk = src.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if not chunk:
            break
        if delay:
            time.sleep(delay)  # the fault being simulated, not a test waiting for something
        try:
            dst.sendall(chunk)
        except OSError:
            break
    with contextlib.suppress(OSError):
        dst.shutdown(socket.SHUT_WR)


def _read_request(client: socket.socket) -> None:
    """Consume one HTTP request (headers and a Content-Length body) before answering."""
    client.settimeout(5)
    data = b""
    with contextlib.suppress(OSError):
        while b"\r\n\r\n" not in data:
            chunk = client.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = client.recv(65536)
            if not chunk:
                return
            body += chunk
