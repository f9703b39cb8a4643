"""Email through a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import email.policy
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor import delivery
from monitor.errors import DeliveryError
from monitor.http import Fetcher
from monitor.pipeline import run_once
from monitor.store import Store

from conftest import free_port
from hostile_server import RawServer


def email_settings(port):
    return {"enabled": True, "host": "127.0.0.1", "port": port, "security": "plain", "username": "",
            "password_env": "", "from": "Monitor <monitor@example.org>", "to": ["a@example.org", "b@example.org"],
            "reply_to": "desk@example.org", "timeout": 5.0}


def run(settings):
    store, fetch = Store(settings.db_path), Fetcher(settings.fetch)
    try:
        return run_once(settings, fetch=fetch, store=store, send=delivery.send)
    finally:
        fetch.close()
        store.close()


def test_digest_is_mailed_with_both_parts(smtp, demo_site, settings_for):
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(smtp.port))
    run(settings)
    assert len(smtp.messages) == 1
    env = smtp.messages[0]
    assert env.rcpt_tos == ["a@example.org", "b@example.org"]
    raw = env.content.decode()
    assert "Subject: Sora leak: 1 contradiction, 1 update" in raw
    assert "Reply-To: desk@example.org" in raw
    assert "multipart/alternative" in raw and "text/plain" in raw and "text/html" in raw
    assert "Message-ID: <digest-1-" in raw
    run(settings)  # unchanged inputs: nothing more is sent
    assert len(smtp.messages) == 1


def pending(settings):
    db = sqlite3.connect(settings.db_path)
    try:
        return db.execute("SELECT count(*) FROM findings f JOIN digests d ON d.id=f.digest_id "
                          "WHERE d.sent_at IS NULL").fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("answer", ["421 closing, too busy", "451 try again later", "550 mailbox unavailable"])
def test_smtp_refusal_keeps_findings_pending_then_sends_once(smtp, demo_site, settings_for, answer):
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(smtp.port))
    smtp.refuse = answer
    with pytest.raises(DeliveryError, match=answer[:3]):
        run(settings)
    assert smtp.messages == [] and pending(settings) > 0
    smtp.refuse = None
    run(settings)
    run(settings)
    assert len(smtp.messages) == 1 and pending(settings) == 0
    assert "Message-ID: <digest-1-" in smtp.messages[0].content.decode()


class ScriptedSMTP(RawServer):
    """A raw SMTP peer on 127.0.0.1 that misbehaves on purpose: never greets, or takes the
    whole message after DATA and then drops the connection without an answer."""

    def __init__(self, mode):
        self.mode, self.received = mode, []
        super().__init__()

    def _handle(self, conn):
        with conn:
            if self.mode == "silent":
                conn.recv(1)  # hold the connection open without a greeting until the client gives up
                return
            f = conn.makefile("rb")
            conn.sendall(b"220 scripted ESMTP\r\n")
            for line in f:
                cmd = line.strip().upper()
                if cmd == b"DATA":
                    conn.sendall(b"354 go on\r\n")
                    self.received.append(b"".join(iter(f.readline, b".\r\n")))
                    return  # the message is in; hang up before saying 250
                conn.sendall(b"250 ok\r\n")


@pytest.mark.parametrize("mode", ["silent", "drop-after-data"])
def test_broken_smtp_peer_loses_nothing(smtp, demo_site, settings_for, mode):
    peer = ScriptedSMTP(mode)
    try:
        settings = settings_for([demo_site.base + "/wire.xml"], email={**email_settings(peer.port), "timeout": 1.0})
        started = time.monotonic()
        with pytest.raises(DeliveryError, match="SMTP 127.0.0.1"):
            run(settings)
        assert time.monotonic() - started < 10  # the reply timeout, not a hang
        assert pending(settings) > 0
    finally:
        peer.close()
    # the real server comes back: the same digest goes out once, with the Message-ID it had
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(smtp.port))
    run(settings)
    run(settings)
    assert len(smtp.messages) == 1 and pending(settings) == 0
    sent = smtp.messages[0].content.decode()
    if mode == "drop-after-data":  # the documented resend: the first copy may have arrived
        first = peer.received[0].decode()
        msg_id = next(line for line in first.splitlines() if line.startswith("Message-ID:"))
        assert msg_id in sent


def test_hostile_story_name_and_titles_stay_out_of_headers(smtp, site, settings_for):
    hostile = "Sora\r\nBcc: victim@example.org\r\nX-Evil: =?utf-8?b?QmNjOiB4?="
    feed = site.put("/f.xml", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        '<title>Sora leak &lt;script&gt;alert(1)&lt;/script&gt;&#13;&#10;Bcc: x@evil.example</title>'
        '<link>http://demo.invalid/a.html</link><guid>a</guid>'
        '<description>Sora</description></item></channel></rss>'), "application/rss+xml")
    site.put("/a.html", "<html><head><title>Sora =?utf-8?q?=0D=0ABcc:_x?=</title></head><body><article><p>"
                        "OpenAI confirmed the leaked Sora tool was authentic, the artists on Hugging Face said "
                        "after the protest.</p></article></body></html>")
    settings = settings_for([feed], email=email_settings(smtp.port), monitor={"story": hostile})
    run(settings)
    assert len(smtp.messages) == 1
    env = smtp.messages[0]
    assert env.rcpt_tos == ["a@example.org", "b@example.org"]
    msg = email.message_from_bytes(env.content, policy=email.policy.default)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "\n" not in msg["Subject"] and "=?" not in str(msg["Subject"])
    assert str(msg["Subject"]).strip().startswith("Sora Bcc: victim@example.org X-Evil:")
    html = msg.get_body(("html",)).get_content()
    assert "<script>alert(1)" not in html


def test_test_email_command_sends_one_message(smtp, tmp_path):
    cfg = tmp_path / "m.toml"
    cfg.write_text(f"""[monitor]\nstate_dir = "{tmp_path}"\n[email]\nenabled = true\nhost = "127.0.0.1"\n"""
                   f"""port = {smtp.port}\nsecurity = "plain"\nto = ["a@example.org"]\n""")
    monitor = str(Path(sys.executable).with_name("monitor"))
    out = subprocess.run([monitor, "--config", str(cfg), "test-email"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "sent a test message to a@example.org" in out.stdout
    assert len(smtp.messages) == 1 and b"Subject: story-monitor: test message" in smtp.messages[0].content


def test_smtp_down_is_a_delivery_error(demo_site, settings_for):
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(free_port()))
    with pytest.raises(DeliveryError, match="SMTP 127.0.0.1"):
        run(settings)
