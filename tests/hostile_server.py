"""A raw HTTP/1.1 server on 127.0.0.1 that misbehaves on demand, one way per path: lies
about lengths, cuts bodies, drips, resets, and serves compression bombs."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from functools import cache

BOMB_INFLATED = 400 * 2**20  # a ~400 KB body that inflates to 400 MB


@cache
def deflate_bomb() -> bytes:
    z = zlib.compressobj(9)
    chunk = b"\0" * 2**20
    return b"".join(z.compress(chunk) for _ in range(BOMB_INFLATED // 2**20)) + z.flush()


@cache
def gzip_of(data: bytes) -> bytes:
    return gzip.compress(data, 9)


class RawServer:
    """A TCP server on 127.0.0.1: each connection goes to self._handle in a thread of its own."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        # shutdown wakes the thread blocked in accept(); a bare close() leaves that call holding
        # the listening socket, which then takes connections meant for a later server's port
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket):
        raise NotImplementedError


def request_path(conn: socket.socket) -> str | None:
    """Read an HTTP request's head; its path, or None when the client hangs up first."""
    request = b""
    while b"\r\n\r\n" not in request:
        data = conn.recv(4096)
        if not data:
            return None
        request += data
    return request.split(b" ", 2)[1].decode()


class HostileServer(RawServer):
    def _handle(self, conn: socket.socket):
        try:
            path = request_path(conn)
            if path is None:
                return
            getattr(self, "do_" + path.strip("/").split("?")[0].replace("-", "_"), self._not_found)(conn, path)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    @staticmethod
    def _head(conn, *headers: str, status: str = "200 OK"):
        conn.sendall((f"HTTP/1.1 {status}\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode())

    @staticmethod
    def _not_found(conn, _path):
        conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")

    def do_wrong_length(self, conn, _):  # promises 100 KB, sends 100 bytes, hangs up
        self._head(conn, "Content-Type: text/html", "Content-Length: 100000")
        conn.sendall(b"<p>" + b"x" * 97)

    def do_cut_chunked(self, conn, _):  # a chunked body that stops midway
        self._head(conn, "Content-Type: text/html", "Transfer-Encoding: chunked")
        conn.sendall(b"10\r\n<p>hello world</\r\n400\r\n" + b"y" * 100)

    def do_drip(self, conn, _):  # one byte every 0.2 s, forever: each read is quick, the whole is not
        self._head(conn, "Content-Type: text/html", "Content-Length: 1000000")
        for _ in range(600):
            conn.sendall(b"x")
            time.sleep(0.2)

    def do_reset(self, conn, _):  # RST instead of an answer
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def do_deflate_bomb(self, conn, _):
        body = deflate_bomb()
        self._head(conn, "Content-Type: text/html", "Content-Encoding: deflate", f"Content-Length: {len(body)}")
        conn.sendall(body)

    def do_chained(self, conn, _):  # gzip over deflate over 400 MB of zeros
        body = gzip_of(deflate_bomb())
        self._head(conn, "Content-Type: text/html", "Content-Encoding: deflate, gzip", f"Content-Length: {len(body)}")
        conn.sendall(body)

    def do_huge(self, conn, _):  # no length, 20 MB of text until the client gives up
        self._head(conn, "Content-Type: text/html", "Connection: close")
        for _ in range(20):
            conn.sendall(b"a" * 2**20)
