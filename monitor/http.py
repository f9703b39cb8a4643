"""All network I/O of the monitor: one guarded, bounded GET.

Every connection, including each redirect hop, is opened by GuardedConnection, which
resolves the host, refuses the whole answer if any address is not globally routable
(unless the host is allow-listed), and connects to the address it checked, so a DNS
answer cannot change between the check and the connect. Bodies are streamed and
decoded under a byte cap, so a gzip bomb stops at the cap, and a total deadline bounds
the whole exchange (requests' own timeout is per read).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as u3conn

from .errors import BlockedURL, FetchError, HTTPStatus, Timeout, TooLarge

logger = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}
# IPv6 ranges that carry an IPv4 address in their last 32 bits: judged by that address
EMBEDDED_V4 = (ipaddress.ip_network("64:ff9b::/96"),  # NAT64, well-known prefix
               ipaddress.ip_network("::ffff:0:0:0/96"))  # SIIT, IPv4-translated
# never public, though Python 3.11 calls them global: IPv4-compatible (deprecated, and
# ::127.0.0.1 reaches loopback on some stacks) and NAT64 for local use (RFC 8215)
NEVER_PUBLIC = (ipaddress.ip_network("::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


@dataclass(frozen=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int  # 200 or 304
    body: bytes = b""
    headers: dict = field(default_factory=dict)  # lower-case names

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def check_url(url: str) -> str:
    """Refuse what must never be fetched; return the host. Addresses are checked at connect."""
    if not isinstance(url, str) or not url:
        raise BlockedURL("empty URL")
    if "\\" in url or any(ord(c) < 33 for c in url):
        raise BlockedURL(f"malformed URL (backslash, space or control character): {url[:200]!r}")
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", a port out of range or not a number
        raise BlockedURL(f"malformed URL ({exc}): {url[:200]!r}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BlockedURL(f"scheme {parts.scheme or '(none)'!r} not allowed: {url[:200]}")
    if "@" in parts.netloc:
        raise BlockedURL(f"credentials in URL not allowed: {url[:200]}")
    if not host:
        raise BlockedURL(f"no host in URL: {url[:200]}")
    return host


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for globally routable addresses, looking inside IPv6 wrappers of IPv4."""
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in NEVER_PUBLIC):
            return False
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and any(ip in net for net in EMBEDDED_V4):
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
    return ip.is_global and not ip.is_multicast


def resolve_checked(host: str, port: int, allow_hosts: frozenset[str]) -> list[tuple[int, str]]:
    """Resolve host; refuse the whole answer if any address is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}") from None
    except UnicodeError as exc:  # an empty or over-long label: no retry will mend it
        raise BlockedURL(f"invalid host name {host[:100]!r}: {exc}") from None
    addrs = [(family, sockaddr[0]) for family, _, _, _, sockaddr in infos]
    if host.lower().strip("[]") not in allow_hosts:
        for _, addr in addrs:
            if not is_public(ipaddress.ip_address(addr.split("%")[0])):
                raise BlockedURL(f"{host} resolves to non-public address {addr}")
    return addrs


class _Watch:
    """The total deadline of one fetch, down at the socket: when it passes, every connection
    the fetch uses is shut down, which wakes a read blocked anywhere (status line, headers,
    endless 1xx answers, trailers, a TLS handshake) where requests' per-read timeout never
    trips on a server sending a byte at a time."""

    def __init__(self, seconds: float):
        self.expired = False
        self._conns: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def add(self, conn) -> None:
        with self._lock:
            self._conns.append(conn)

    def socket_opened(self, sock: socket.socket) -> None:
        if self.expired:  # it passed while connecting
            _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            for conn in self._conns:
                _shut(getattr(conn, "sock", None))

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock) -> None:
    if sock is not None:
        try:  # the plain socket's shutdown, also under TLS: SSLSocket's own would drop its state mid-read
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


_current = threading.local()  # .watch: the _Watch of the fetch this thread is running


def _guarded(base: type, allow_hosts: frozenset[str]) -> type:
    def _new_conn(self):
        last: Exception | None = None
        for _family, addr in resolve_checked(self._dns_host, self.port, allow_hosts):
            try:
                sock = u3conn.create_connection(
                    (addr, self.port), self.timeout,
                    source_address=self.source_address, socket_options=self.socket_options,
                )
                watch = getattr(_current, "watch", None)
                if watch is not None:
                    watch.socket_opened(sock)
                return sock
            except socket.timeout as exc:
                last = ConnectTimeoutError(self, f"connect to {self.host} ({addr}) timed out")
                last.__cause__ = exc
            except OSError as exc:
                last = NewConnectionError(self, f"cannot connect to {self.host} ({addr}): {exc}")
        raise last or NewConnectionError(self, f"no address for {self.host}")

    return type("Guarded" + base.__name__, (base,), {"_new_conn": _new_conn})


def _watched(base: type, conn_cls: type) -> type:
    """A pool that puts each connection it hands out under the current fetch's watch."""
    def _get_conn(self, timeout=None):
        conn = base._get_conn(self, timeout)
        watch = getattr(_current, "watch", None)
        if watch is not None:
            watch.add(conn)
        return conn

    return type("Guarded" + base.__name__, (base,), {"ConnectionCls": conn_cls, "_get_conn": _get_conn})


class GuardedAdapter(HTTPAdapter):
    def __init__(self, allow_hosts: frozenset[str], pool_size: int):
        self._pools = {
            "http": _watched(HTTPConnectionPool, _guarded(HTTPConnection, allow_hosts)),
            "https": _watched(HTTPSConnectionPool, _guarded(HTTPSConnection, allow_hosts)),
        }
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pools


class Fetcher:
    """fetch(url, etag, modified) with caps, timeouts, retries and the address guard."""

    def __init__(self, fetch_settings: dict, sleep=time.sleep):
        self.timeout = float(fetch_settings["timeout"])
        self.deadline = float(fetch_settings["deadline"])
        self.max_bytes = int(fetch_settings["max_bytes"])
        self.max_redirects = int(fetch_settings["max_redirects"])
        self.retries = int(fetch_settings["retries"])
        self.source_deadline = float(fetch_settings["source_deadline"])  # one URL, all its tries
        self.allow_hosts = frozenset(h.lower() for h in fetch_settings["allow_hosts"])
        self._sleep = sleep
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment
        self.session.headers["User-Agent"] = fetch_settings["user_agent"]
        adapter = GuardedAdapter(self.allow_hosts, max(4, int(fetch_settings["workers"])))
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def __call__(self, url: str, etag: str | None = None, modified: str | None = None) -> FetchResult:
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                return self._once(url, etag, modified)
            except HTTPStatus as exc:
                if exc.status not in RETRY_STATUS:
                    raise
                error: FetchError = exc
            except Timeout as exc:
                error = exc
            except _Transient as exc:
                error = FetchError(str(exc))
            attempt += 1
            pause = min(8.0, 0.5 * 2**attempt)
            # another try only if it can run its whole deadline within the source's
            if attempt > self.retries or time.monotonic() - started + pause + self.deadline > self.source_deadline:
                raise error from None
            self._sleep(pause)

    def _once(self, url: str, etag: str | None, modified: str | None) -> FetchResult:
        _current.watch = watch = _Watch(self.deadline)
        try:
            result = self._exchange(url, etag, modified)
        except (_Transient, Timeout):
            if not watch.expired:
                raise
            result = None
        finally:
            watch.cancel()
            _current.watch = None
        if watch.expired:  # a cut-off exchange can even look complete: headers or trailers ended by EOF
            raise Timeout(f"deadline of {self.deadline:g}s passed fetching {url}")
        return result

    def _exchange(self, url: str, etag: str | None, modified: str | None) -> FetchResult:
        start = time.monotonic()
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        for _hop in range(self.max_redirects + 1):
            check_url(url)
            remaining = self.deadline - (time.monotonic() - start)
            if remaining <= 0:
                raise Timeout(f"deadline of {self.deadline:g}s passed fetching {url}")
            try:
                resp = self.session.get(
                    url, headers=headers, stream=True, allow_redirects=False,
                    timeout=(min(self.timeout, remaining), min(self.timeout, remaining)),
                )
            except requests.exceptions.Timeout:
                raise Timeout(f"timed out after {self.timeout:g}s: {url}") from None
            except ValueError as exc:
                # requests' InvalidURL (IDNA errors such as full-width digits too) is a
                # ValueError, and requests parses a redirect's Location even with
                # allow_redirects=False: all permanent
                raise BlockedURL(f"malformed URL or redirect ({exc}): {url[:200]!r}") from None
            except requests.exceptions.RequestException as exc:
                cause = _root_cause(exc)
                if isinstance(cause, FetchError):
                    raise cause from None
                raise _Transient(f"{type(cause).__name__}: {cause} ({url})") from None
            with resp:
                if resp.is_redirect:
                    location = resp.headers.get("location", "")
                    try:
                        url = urljoin(url, location)
                    except ValueError as exc:
                        raise BlockedURL(f"malformed redirect from {url} ({exc}): {location[:200]!r}") from None
                    continue
                if resp.status_code == 304:
                    resp.raw.read()  # no body (http.client reads none after a 304), but now the connection is reused
                    return FetchResult(url=url, status=304, headers=_lower(resp.headers))
                if resp.status_code >= 400:
                    raise HTTPStatus(resp.status_code, url)
                body = self._read(resp, url, start)
                return FetchResult(url=url, status=resp.status_code, body=body, headers=_lower(resp.headers))
        raise FetchError(f"more than {self.max_redirects} redirects from {url}")

    def _read(self, resp: requests.Response, url: str, start: float) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLarge(f"{url} declares {declared} bytes, cap is {self.max_bytes}")
        chunks, size = [], 0
        try:
            # read1 returns what one socket read brings: a server dripping a byte at a time
            # meets the deadline check below instead of filling a 64 KB buffer for hours
            while chunk := resp.raw.read1(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    raise TooLarge(f"{url} body exceeds the cap of {self.max_bytes} bytes")
                if time.monotonic() - start > self.deadline:
                    raise Timeout(f"deadline of {self.deadline:g}s passed reading {url}")
                chunks.append(chunk)
        except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
            raise Timeout(f"read timed out after {self.timeout:g}s: {url}") from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise _Transient(f"body of {url} unreadable: {_root_cause(exc)}") from None
        return b"".join(chunks)


class _Transient(FetchError):
    """A connection-level failure worth another try."""


def _lower(headers) -> dict:
    return {k.lower(): v for k, v in headers.items()}


def _root_cause(exc: BaseException) -> BaseException:
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        nxt = exc.__cause__ or exc.__context__ or (exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None)
        if nxt is None:
            break
        if isinstance(nxt, FetchError):
            return nxt
        reason = getattr(nxt, "reason", None)
        exc = reason if isinstance(reason, BaseException) else nxt
    return exc
