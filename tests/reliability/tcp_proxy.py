"""A TCP proxy the test controls, standing between the service and PostgreSQL.

It lets a test take the database away without touching the real server: `drop()` cuts every open
connection, `refuse()` also stops listening (new connections are refused), `silence()` accepts new
connections but never answers, and `restore()` forwards again on the same port.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

ACCEPT_POLL = 0.1


class TcpProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.port = 0
        self._silent = False
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> TcpProxy:
        self._listen()
        return self

    def drop(self) -> None:
        """Cut every connection now, as a database restart or a network fault would."""
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            _close(sock)

    def refuse(self) -> None:
        """Stop listening and cut everything: new connections are refused at once."""
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()  # the accept loop polls, notices, and ends
        self.drop()

    def silence(self) -> None:
        """Cut everything, then accept new connections without ever answering (a dead host)."""
        self._silent = True
        self.drop()

    def restore(self) -> None:
        if self._silent:
            self.drop()  # the connections accepted in silence were never answered
        self._silent = False
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self.refuse()

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.settimeout(ACCEPT_POLL)
        self.port = listener.getsockname()[1]
        with self._lock:
            self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True).start()

    def _accept_loop(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._listener is not listener:  # refused while this one was being accepted
                _close(client)
                return
            client.settimeout(None)
            self._track(client)
            if not self._silent:
                self._connect_upstream(client)

    def _connect_upstream(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            self._forget(client)
            return
        upstream.settimeout(None)
        self._track(upstream)
        for source, target in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            self._forget(source)
            self._forget(target)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.add(sock)

    def _forget(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)
        _close(sock)


def _close(sock: socket.socket) -> None:
    """shutdown() wakes a thread blocked in recv() on this socket; close() alone would not."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


@contextmanager
def tcp_proxy(upstream: tuple[str, int]) -> Iterator[TcpProxy]:
    proxy = TcpProxy(upstream).start()
    try:
        yield proxy
    finally:
        proxy.close()
