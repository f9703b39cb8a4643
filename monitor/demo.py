"""The demo: follow-up coverage written for this project (sources/demo/), served over
HTTP on a free 127.0.0.1 port, so `monitor run --demo` runs the real path (HTTP fetch,
feedparser, trafilatura, store, digest) with no internet."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import tomllib
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import config
from .delivery import write_atomic
from .lock import run_lock
from .resources import data_dir

BASE_TOKEN = "http://demo.invalid"
PAGES = "demo-pages"  # local copies of the demo's articles, beside the digests
TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}


class SiteHandler(BaseHTTPRequestHandler):
    """Serves an in-memory site with ETag / Last-Modified and answers conditional GETs."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # otherwise each keep-alive response waits ~40 ms
    site: dict[str, tuple[bytes, str]] = {}
    modified = formatdate(1732838400, usegmt=True)  # 2024-11-29

    def do_GET(self):  # noqa: N802 (http.server's naming)
        page = self.site.get(self.path.split("?", 1)[0])
        if page is None:
            self._reply(404, b"not found", "text/plain")
            return
        body, ctype = page
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == self.modified):
            self._reply(304, b"", None, etag)
            return
        self._reply(200, body, ctype, etag)

    def _reply(self, status: int, body: bytes, ctype: str | None, etag: str | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", self.modified)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def load_site(folder: Path, base: str) -> dict[str, tuple[bytes, str]]:
    site = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in TYPES:
            body = path.read_bytes().replace(BASE_TOKEN.encode(), base.encode())
            site["/" + path.name] = (body, TYPES[path.suffix])
    return site


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client closing its keep-alive connection is not worth a traceback


DEMO_PORT = 47391  # fixed, so a rerun asks for the same feed URLs and gets 304s


@contextmanager
def serve(folder: Path, port: int = DEMO_PORT):
    """Serve folder on 127.0.0.1 (the given port, or a free one when it is taken)."""
    try:
        server = QuietServer(("127.0.0.1", port), SiteHandler)
    except OSError:
        server = QuietServer(("127.0.0.1", 0), SiteHandler)
    base = f"http://127.0.0.1:{server.server_port}"
    handler = type("DemoHandler", (SiteHandler,), {"site": load_site(folder, base)})
    server.RequestHandlerClass = handler
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def settings(base: str, state_dir: Path | None = None) -> config.Settings:
    """The demo config with its feeds pointed at the running server."""
    folder = data_dir("sources") / "demo"
    path = folder / "demo.toml"
    text = path.read_text(encoding="utf-8").replace(BASE_TOKEN, base)
    raw = tomllib.loads(text)
    raw.setdefault("entities", config.load().topic["entities"])  # the demo covers the shipped story
    if state_dir is not None:
        raw.setdefault("monitor", {})["state_dir"] = str(state_dir)
    elif not raw.get("monitor", {}).get("state_dir"):
        raw.setdefault("monitor", {})["state_dir"] = str(config.load().state_dir / "demo")
    return config.from_dict(raw, path)


def folder() -> Path:
    return data_dir("sources") / "demo"


def with_local_pages(settings: config.Settings, base: str) -> config.Settings:
    """Copy the demo's article pages beside the digests and link the digests to those
    copies: the demo's server, and every link to it, is gone once the run ends."""
    for path in sorted(folder().glob("*.html")):
        text = path.read_text(encoding="utf-8").replace(BASE_TOKEN + "/", "")
        write_atomic(settings.output_dir / PAGES / path.name, text)
    return dataclasses.replace(settings, links=((base + "/", PAGES + "/"),))


def reset(settings: config.Settings) -> bool:
    """Forget earlier demo runs (their state database) so the demo finds everything anew;
    True if there was one. Their digest files stay; the archive lists only new ones."""
    with run_lock(settings.state_dir):
        found = settings.db_path.exists()
        for suffix in ("", "-wal", "-shm"):
            settings.db_path.with_name(settings.db_path.name + suffix).unlink(missing_ok=True)
    return found
