"""The fetch deadline covers the whole exchange, not only the body: a loopback server that
drips its status line or headers, sends 1xx answers forever, or never ends its trailers."""

import socket
import time

import pytest

from monitor import config
from monitor.errors import Timeout
from monitor.http import Fetcher

from hostile_server import RawServer, request_path

LIMITS = dict(retries=0, timeout=1.0, deadline=2.0, allow_hosts=["127.0.0.1"])


class Stalling(RawServer):
    """Each path keeps a client busy with bytes that each come well within the read timeout."""

    STREAMS = {  # path: (what comes first, what then comes every 0.1 s)
        "/drip-status": (b"", b"H"),  # a status line that never ends
        "/drip-headers": (b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a"),
        "/endless-100": (b"", b"HTTP/1.1 100 Continue\r\n\r\n"),
        "/endless-trailers": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n",
                              b"X-Trailer: more\r\n"),
    }

    def _handle(self, conn: socket.socket):
        try:
            path = request_path(conn)
            if path is None:
                return
            if path not in self.STREAMS:
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                return
            first, then = self.STREAMS[path]
            conn.sendall(first)
            for _ in range(300):  # 30 s at most, far past the deadline
                conn.sendall(then)
                time.sleep(0.1)
        except OSError:
            pass
        finally:
            conn.close()


@pytest.fixture
def stalling():
    srv = Stalling()
    yield srv
    srv.close()


@pytest.mark.parametrize("path", ["/drip-status", "/drip-headers", "/endless-100", "/endless-trailers"])
def test_the_deadline_covers_status_headers_1xx_and_trailers(stalling, path):
    fetch = Fetcher(dict(config.DEFAULTS["fetch"], **LIMITS))
    started = time.monotonic()
    with pytest.raises(Timeout, match="deadline of 2s"):
        fetch(stalling.base + path)  # before: held until the server stopped (30 s here), timeout never tripped
    assert time.monotonic() - started < LIMITS["deadline"] + 1.0
