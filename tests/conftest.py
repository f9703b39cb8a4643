"""Shared fixtures: real loopback HTTP servers, settings pointing at temporary state."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from monitor import config, demo

FIXTURES = Path(__file__).parent / "fixtures"
DEVSET = FIXTURES / "devset"


class RecordingHandler(demo.SiteHandler):
    """The demo handler, plus a log of requested paths (and of those asked with validators)
    and paths told to fail."""

    requested: list[str] = []
    conditional: list[str] = []
    fail: dict[str, tuple[int, bytes]] = {}

    def do_GET(self):  # noqa: N802
        path = self.path.split("?", 1)[0]
        self.requested.append(path)
        if "If-None-Match" in self.headers or "If-Modified-Since" in self.headers:
            self.conditional.append(path)
        if path in self.fail:
            status, body = self.fail[path]
            self._reply(status, body, "text/html")
            return
        super().do_GET()


class Site:
    """A loopback HTTP server whose pages a test can change between requests."""

    def __init__(self):
        handler = type("TestHandler", (RecordingHandler,), {"site": {}, "requested": [], "conditional": [], "fail": {}})
        self.server = demo.QuietServer(("127.0.0.1", 0), handler)
        self.pages, self.requested, self.fail = handler.site, handler.requested, handler.fail
        self.conditional = handler.conditional
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def put(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> str:
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = (data.replace(demo.BASE_TOKEN.encode(), self.base.encode()), ctype)
        return self.base + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def demo_site():
    """The bundled demo coverage, served exactly as `monitor run --demo` serves it."""
    s = Site()
    s.pages.update(demo.load_site(demo.folder(), s.base))
    yield s
    s.close()


def make_settings(tmp_path: Path, feeds: list[str], **sections) -> config.Settings:
    raw = {
        "monitor": {"story": "Sora leak", "state_dir": str(tmp_path / "state")},
        "topic": {
            "item_terms": ["sora"], "anchors": ["sora"], "min_score": 0.67,
            "context": ["leak", "artist", "early access", "tester", "hugging face", "openai", "protest"],
        },
        "entities": config.load().topic["entities"],  # the shipped story's, as a copied config has them
        "fetch": {"allow_hosts": ["127.0.0.1"], "retries": 0, "timeout": 5.0, "deadline": 10.0},
        "feeds": [{"name": f"feed {i}", "url": u} for i, u in enumerate(feeds)],
    }
    for key, value in sections.items():
        raw.setdefault(key, {}).update(value)
    return config.from_dict(raw, tmp_path / "test.toml")


def run_pass(settings: config.Settings, send=None):
    """One pass of the pipeline over real HTTP with a real SQLite file, as `monitor run` does it."""
    from monitor.http import Fetcher
    from monitor.pipeline import run_once
    from monitor.store import Store

    store, fetch = Store(settings.db_path), Fetcher(settings.fetch)
    try:
        return run_once(settings, fetch=fetch, store=store, send=send)
    finally:
        fetch.close()
        store.close()


@pytest.fixture
def settings_for(tmp_path):
    return lambda feeds, **sections: make_settings(tmp_path, feeds, **sections)


class Inbox:
    """An aiosmtpd handler that keeps what it accepts, or answers DATA with `refuse`."""

    def __init__(self):
        self.messages = []
        self.refuse = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        self.messages.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    port = free_port()  # aiosmtpd's Controller cannot take port 0
    ctl = Controller(inbox, hostname="127.0.0.1", port=port)
    ctl.start()
    inbox.port = port
    yield inbox
    ctl.stop()
