"""Email through a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import email.policy
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
                          "WHERE d.sent_at IS NULL AND d.failed IS NULL").fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("answer", ["421 closing, too busy", "451 try again later"])
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
    """A raw SMTP peer on 127.0.0.1 that misbehaves on purpose: never greets; takes the
    whole message after DATA and then drops the connection without an answer; answers QUIT
    with an error after accepting the message; or answers EHLO with an endless reply."""

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
                if cmd.startswith(b"EHLO") and self.mode == "endless-ehlo":
                    try:
                        while True:  # each line well within the reply timeout, the reply never ends
                            conn.sendall(b"250-still going\r\n")
                            time.sleep(0.05)
                    except OSError:  # the client gave up
                        return
                if cmd == b"DATA":
                    conn.sendall(b"354 go on\r\n")
                    self.received.append(b"".join(iter(f.readline, b".\r\n")))
                    if self.mode == "drop-after-data":
                        return  # the message is in; hang up before saying 250
                if cmd == b"QUIT" and self.mode.startswith("quit-"):
                    conn.sendall(self.mode[5:].encode() + b" not now\r\n")
                    return
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


@pytest.mark.parametrize("mode", ["quit-500", "quit-421"])
def test_an_error_answer_to_quit_does_not_undo_the_250(demo_site, settings_for, mode):
    peer = ScriptedSMTP(mode)
    try:
        settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(peer.port))
        run(settings)  # before: DeliveryError, the digest left pending and mailed again every run
        run(settings)
        assert len(peer.received) == 1 and pending(settings) == 0
    finally:
        peer.close()


def test_an_endless_reply_ends_at_the_session_deadline(demo_site, settings_for):
    peer = ScriptedSMTP("endless-ehlo")
    try:
        settings = settings_for([demo_site.base + "/wire.xml"],
                                email={**email_settings(peer.port), "timeout": 1.0, "deadline": 1.5})
        started = time.monotonic()
        with pytest.raises(DeliveryError, match=r"longer than email.deadline \(1.5s\)"):
            run(settings)  # before: held as long as the server kept talking (150 s with timeout 30)
        assert time.monotonic() - started < 5
        assert pending(settings) > 0
    finally:
        peer.close()


class Picky:
    """An aiosmtpd handler that refuses for good the first digest (Message-ID <digest-1-...>)."""

    def __init__(self, answer):
        self.answer, self.messages = answer, []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        if msg["Message-ID"].startswith("<digest-1-"):
            return self.answer
        self.messages.append(msg)
        return "250 OK"


@pytest.mark.parametrize("answer", ["552 5.3.4 message size exceeds fixed limit", "554 5.7.1 rejected"])
def test_a_digest_refused_for_good_never_holds_back_the_next(site, settings_for, answer):
    from aiosmtpd.controller import Controller

    inbox, port = Picky(answer), free_port()
    ctl = Controller(inbox, hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        settings = settings_for([site.put("/f.xml", feed_of(1), "application/rss+xml")], email=email_settings(port))
        first = run(settings)
        assert "1 refused for good" in first.delivered  # no exception: the run completes, exit 0
        (alert,) = inbox.messages
        assert "could not be mailed" in alert["Subject"] and answer in alert.get_body(("plain",)).get_content()
        db = sqlite3.connect(settings.db_path)
        failed, html_path = db.execute("SELECT failed, html_path FROM digests WHERE id=1").fetchone()
        assert answer in failed and Path(html_path).exists()
        assert db.execute("SELECT count(*) FROM findings WHERE digest_id=1").fetchone()[0] > 0  # kept

        site.put("/f.xml", feed_of(1).replace(b"</channel>", LATER_ITEM + b"</channel>"), "application/rss+xml")
        run(settings)  # before: digest 1 offered again, refused again, exit 3: digest 2 never sent
        run(settings)
        sent = [m["Message-ID"] for m in inbox.messages[1:]]
        assert sent == [db.execute("SELECT message_id FROM digests WHERE id=2").fetchone()[0]]
        assert pending(settings) == 0
    finally:
        ctl.stop()


LATER_ITEM = (b"<item><title>Sora leak: an audit</title><guid>later</guid><description>OpenAI said it has hired an "
              b"outside firm to audit every early-access account in the Sora artist program.</description></item>")


def feed_of(n: int, link: str = "ftp://demo.invalid/{i}") -> bytes:
    """n items, each read from its feed summary (the link is never fetched)."""
    items = "".join(f"<item><title>Sora leak {i}</title><link>{link.format(i=i)}</link><guid>g{i}</guid><description>"
                    f"OpenAI confirmed on day {i} that the leaked Sora tool was authentic, {i + 300} artists on "
                    f"Hugging Face said.</description></item>" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def test_a_huge_digest_lists_50_item_errors_and_mails_within_the_size_cap(smtp, site, settings_for):
    feed = site.put("/f.xml", feed_of(120), "application/rss+xml")  # 120 items whose links are refused
    settings = settings_for([feed], email={**email_settings(smtp.port), "max_message_bytes": 30_000})
    report = run(settings)
    assert len(report.errors) == 120
    text = (settings.output_dir / "latest.txt").read_text()
    assert text.count("! article ") == 50  # before: every item error, 17 MB of HTML for 100,000 items
    errors_file = next(settings.output_dir.glob("digest-*-errors.txt"))
    assert f"! and 70 more article errors; see {errors_file}" in text
    assert len(errors_file.read_text().splitlines()) == 120
    assert 'more article errors; see <a href="' + errors_file.name in (settings.output_dir / "latest.html").read_text()

    (env,) = smtp.messages  # before: 42 MB offered, refused with 552 on every run
    assert len(env.content) <= 30_000
    msg = email.message_from_bytes(env.content, policy=email.policy.default)
    assert msg.get_content_type() == "text/plain"  # the HTML part left out, said so, and where it is
    body = msg.get_content()
    assert "over the mail size limit of 30,000 bytes" in body and report.digest_path in body


@pytest.mark.parametrize("text", ["plain words " * 20_000, "Éclat, ünïcode — ✓ " * 8_000])
def test_an_over_size_text_is_cut_with_a_note_never_dropped(text):
    settings = {**email_settings(25), "max_message_bytes": 20_000, "enabled": True, "deadline": 120.0}
    msg = delivery.build_message(settings, "Sora leak: 1 update", "<p>" + text + "</p>", text,
                                 "<digest-1-1@story-monitor.local>", "/var/digests/d-1.html")
    assert len(msg.as_bytes()) <= 20_000
    body = msg.get_content()
    assert body.startswith("[This digest is over the mail size limit")
    assert "more characters. The whole digest: /var/digests/d-1.html]" in body and text[:1000] in body
