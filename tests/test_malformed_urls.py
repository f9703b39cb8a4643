"""Malformed URLs from anywhere (feed list, item link, redirect Location, `monitor check`)
are that source's or that item's error, never the run's: against real servers on 127.0.0.1."""

import socket
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from monitor import config
from monitor.errors import BlockedURL, MonitorError
from monitor.http import Fetcher

from hostile_server import RawServer
from test_pipeline import run

BAD = "http://[::1/x"
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{t}</guid>"
                   f"<description>{t}: Sora leaked by artists on Hugging Face, OpenAI said.</description></item>"
                   for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


class Redirector(RawServer):
    """Answers every request with a 302 to whatever `location` holds (raw bytes, unchecked)."""

    location = b"/"

    def _handle(self, conn):
        try:
            while b"\r\n\r\n" not in conn.recv(65536):
                pass
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + self.location + b"\r\nContent-Length: 0\r\n"
                         b"Connection: close\r\n\r\n")
        except OSError:
            pass
        finally:
            conn.close()


@pytest.fixture
def loopback_only(monkeypatch):
    """Arbitrary hosts must not reach a real resolver: only loopback names resolve."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def fetcher(**overrides):
    opts = dict(config.DEFAULTS["fetch"], retries=0, timeout=2.0, deadline=3.0, allow_hosts=["127.0.0.1"])
    return Fetcher({**opts, **overrides}, sleep=lambda _s: None)


@pytest.mark.parametrize("url", [BAD, "http://[v1.x]/", "http://[::1]x/", "http://a..b/", "http://ex.org:65536/",
                                 "http://\uff11\uff12\uff17.0.0.1/", "http://\udcff/"])
def test_malformed_urls_are_blocked_not_raised(url):
    with pytest.raises(BlockedURL, match="malformed|invalid host"):
        fetcher()(url)


def test_a_bad_item_link_or_feed_url_fails_alone(site, settings_for):
    good = site.put("/a.html", "<html><body><article><p>OpenAI confirmed the leaked Sora tool was authentic, "
                               "the artists on Hugging Face said after the protest.</p></article></body></html>")
    feed = site.put("/f.xml", rss(("Sora leak one", BAD), ("Sora leak two", good)), "application/rss+xml")
    settings = settings_for([BAD, feed])
    report = run(settings)  # before: ValueError: Invalid IPv6 URL, the whole run lost
    assert report.feeds_polled == 2 and report.items_new == 2 and report.articles_read == 2
    errors = dict(report.errors)
    assert "the URL is malformed" in errors[BAD]  # the feed URL: that source's error
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT origin FROM articles WHERE url=?", (BAD,)).fetchone()[0] == "summary"
    assert db.execute("SELECT failures FROM feeds WHERE url=?", (BAD,)).fetchone()[0] == 1
    again = run(settings)  # permanent: the bad item is not retried, nothing comes back as new
    assert again.items_new == 0 and again.articles_read == 0


def test_a_bad_redirect_location_is_that_items_error():
    srv = Redirector()
    srv.location = b"http://[::1/x"
    try:
        with pytest.raises(BlockedURL, match="malformed"):
            fetcher()(f"http://127.0.0.1:{srv.port}/go")
    finally:
        srv.close()


@FAST
@given(st.text(max_size=80))
def test_any_item_link_ends_in_a_monitor_error_or_a_fetch(loopback_only, link):
    try:
        fetcher(timeout=0.5, deadline=1.0)(link)
    except MonitorError:
        pass


@pytest.fixture(scope="module")
def redirector():
    srv = Redirector()
    yield srv
    srv.close()


@FAST
@given(st.one_of(st.text(max_size=80), st.text(max_size=40).map(lambda s: "http://" + s),
                 st.text(max_size=40).map(lambda s: "//[" + s)))
def test_any_location_header_ends_in_a_monitor_error(loopback_only, redirector, location):
    redirector.location = location.encode("utf-8", "surrogatepass")
    try:
        fetcher(timeout=0.5, deadline=1.0, max_redirects=2)(f"http://127.0.0.1:{redirector.port}/go")
    except MonitorError:
        pass


def test_monitor_check_on_a_malformed_url_is_one_line():
    from test_cli import monitor

    out = monitor("check", BAD)
    assert out.returncode == 1 and out.stderr.strip() == "monitor: malformed URL (Invalid IPv6 URL): 'http://[::1/x'"
