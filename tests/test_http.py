"""HTTP handling: unit tests with `responses`, guard and limits against a real loopback server."""

import gzip

import pytest
import requests
import responses

from monitor import config
from monitor.errors import BlockedURL, FetchError, HTTPStatus, TooLarge
from monitor.http import Fetcher, check_url, is_public

import ipaddress


def fetcher(**overrides):
    s = dict(config.DEFAULTS["fetch"], retries=1, **overrides)
    return Fetcher(s, sleep=lambda _s: None)


@responses.activate
def test_conditional_get_sends_validators_and_returns_304():
    responses.get("https://feeds.example.org/f", status=304, headers={"ETag": '"abc"'})
    res = fetcher()("https://feeds.example.org/f", etag='"abc"', modified="Fri, 29 Nov 2024 09:00:00 GMT")
    assert res.status == 304 and res.body == b""
    sent = responses.calls[0].request.headers
    assert sent["If-None-Match"] == '"abc"'
    assert sent["If-Modified-Since"] == "Fri, 29 Nov 2024 09:00:00 GMT"
    assert sent["User-Agent"].startswith("story-monitor/")


@responses.activate
def test_retries_a_503_then_succeeds():
    responses.get("https://feeds.example.org/f", status=503)
    responses.get("https://feeds.example.org/f", body=b"ok", headers={"ETag": '"e1"'})
    res = fetcher()("https://feeds.example.org/f")
    assert res.body == b"ok" and res.etag == '"e1"' and len(responses.calls) == 2


@responses.activate
def test_404_is_not_retried():
    responses.get("https://feeds.example.org/f", status=404)
    with pytest.raises(HTTPStatus) as err:
        fetcher()("https://feeds.example.org/f")
    assert err.value.status == 404 and len(responses.calls) == 1


@responses.activate
def test_declared_length_over_cap_is_refused():
    responses.get("https://ex.org/big", body=b"x" * 2000)
    with pytest.raises(TooLarge):
        fetcher(max_bytes=1000)("https://ex.org/big")


@responses.activate
def test_redirect_to_a_forbidden_scheme_is_refused():
    responses.get("https://ex.org/r", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(BlockedURL, match="scheme 'file'"):
        fetcher()("https://ex.org/r")


@responses.activate
def test_too_many_redirects():
    responses.get("https://ex.org/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        fetcher(max_redirects=3)("https://ex.org/loop")


@responses.activate
def test_connection_error_is_a_fetch_error_after_retries():
    responses.get("https://ex.org/down", body=requests.exceptions.ConnectionError("refused"))
    with pytest.raises(FetchError):
        fetcher()("https://ex.org/down")
    assert len(responses.calls) == 2


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "ftp://ex.org/x", "javascript:alert(1)", "data:text/html,hi",
    "http://ex.org\\@evil/", "http://user@ex.org/", "http:///nohost", "http://ex.org:99999/",
])
def test_check_url_refuses(url):
    with pytest.raises(BlockedURL):
        check_url(url)


@pytest.mark.parametrize("addr", ["127.0.0.1", "10.0.0.1", "100.64.0.1", "169.254.169.254", "::1",
                                  "::ffff:127.0.0.1", "2002:7f00:1::1", "64:ff9b::7f00:1", "0.0.0.0", "fe80::1",
                                  # before: public
                                  "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", "64:ff9b:1::7f00:1", "64:ff9b:1::808:808",
                                  "::ffff:0:7f00:1", "::ffff:0:a00:1"])
def test_non_public_addresses(addr):
    assert not is_public(ipaddress.ip_address(addr))


@pytest.mark.parametrize("addr", ["93.184.216.34", "2606:2800:220:1::1", "64:ff9b::5db8:d822", "::ffff:0:5db8:d822"])
def test_public_address(addr):
    assert is_public(ipaddress.ip_address(addr))


# --- against a real server on 127.0.0.1 ----------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0", "localhost",
                                  "[::ffff:127.0.0.1]", "[2002:7f00:1::1]", "[64:ff9b::7f00:1]", "[::1]",
                                  "[::127.0.0.1]", "[64:ff9b:1::7f00:1]", "[::ffff:0:7f00:1]"])
def test_loopback_is_refused_by_default(site, host):
    url = site.put("/a", "hello").replace("127.0.0.1", host)
    with pytest.raises(BlockedURL, match="non-public"):
        fetcher()(url)


def test_allowlisted_host_is_fetched_with_validators(site):
    url = site.put("/a", "hello")
    f = fetcher(allow_hosts=["127.0.0.1"])
    res = f(url)
    assert res.status == 200 and res.body == b"hello" and res.etag
    assert f(url, etag=res.etag).status == 304
    assert f(url, modified=res.last_modified).status == 304


def test_every_redirect_hop_is_checked(site):
    target = site.put("/target", "secret")
    # localhost is allowed, but its redirect to 127.0.0.1 (not allowed) must be refused
    import http.server

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *a):
            pass

    import threading
    srv = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with pytest.raises(BlockedURL):
            fetcher(allow_hosts=["localhost"])(f"http://localhost:{srv.server_port}/go")
    finally:
        srv.shutdown()
        srv.server_close()


def test_gzip_bomb_stops_at_the_cap(site):
    bomb = gzip.compress(b"\0" * 50_000_000)  # 50 MB inflated, ~50 KB on the wire
    import monitor.demo as demo_mod

    class Gz(demo_mod.SiteHandler):
        site = {"/bomb": (bomb, "text/html")}

        def _reply(self, status, body, ctype, etag=None):
            self.send_response(status)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    site.server.RequestHandlerClass = Gz
    with pytest.raises(TooLarge):
        fetcher(allow_hosts=["127.0.0.1"], max_bytes=1_000_000)(site.base + "/bomb")


def test_an_idna_error_is_permanent_not_retried(site):
    slept = []
    f = Fetcher(dict(config.DEFAULTS["fetch"], retries=3), sleep=slept.append)
    with pytest.raises(BlockedURL, match="IDNA"):  # full-width digits: no retry will mend them
        f(site.base.replace("127.0.0.1", "\uff11\uff12\uff17.0.0.1") + "/a")
    assert slept == []  # before: retried as if transient, then a plain FetchError
