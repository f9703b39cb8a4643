"""Email through a real SMTP server (aiosmtpd) on 127.0.0.1."""

import socket

import pytest
from aiosmtpd.controller import Controller

from monitor import delivery
from monitor.errors import DeliveryError
from monitor.http import Fetcher
from monitor.pipeline import run_once
from monitor.store import Store


class Inbox:
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


def test_smtp_refusal_keeps_findings_pending_then_sends_once(smtp, demo_site, settings_for):
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(smtp.port))
    smtp.refuse = "451 try again later"
    with pytest.raises(DeliveryError, match="451"):
        run(settings)
    assert smtp.messages == []
    smtp.refuse = None
    run(settings)
    run(settings)
    assert len(smtp.messages) == 1
    assert "Message-ID: <digest-1-" in smtp.messages[0].content.decode()


def test_smtp_down_is_a_delivery_error(demo_site, settings_for):
    settings = settings_for([demo_site.base + "/wire.xml"], email=email_settings(free_port()))
    with pytest.raises(DeliveryError, match="SMTP 127.0.0.1"):
        run(settings)
