"""Failures that reach the user: every feed down, then the exit code, the digest subject, one
alert mail and one recovery mail, over real loopback HTTP and SMTP servers."""

import email
import sqlite3
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from conftest import run_pass
from monitor import delivery, health
from monitor.errors import DeliveryError
from monitor.store import Store

MONITOR = str(Path(sys.executable).with_name("monitor"))
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b'<item><title>Sora leak</title><guid>a</guid><description>Sora leaked by artists on Hugging Face, '
        b'OpenAI said.</description></item></channel></rss>')


def run(settings):
    return run_pass(settings, delivery.send)


def mail_settings(settings_for, site, smtp, alert_after=2):
    return settings_for([site.base + "/one.xml", site.base + "/two.xml"],
                        email={"enabled": True, "host": "127.0.0.1", "port": smtp.port, "security": "plain",
                               "from": "monitor@example.org", "to": ["desk@example.org"],
                               "alert_after": alert_after})


def subjects(smtp):
    return [email.message_from_bytes(m.content, policy=policy.default)["Subject"] for m in smtp.messages]


def test_every_feed_down_alerts_once_and_recovers_once(site, smtp, settings_for):
    settings = mail_settings(settings_for, site, smtp)  # nothing served yet: both feeds 404
    first = run(settings)
    assert first.feeds_polled == first.feeds_failed == 2
    text = (settings.output_dir / "latest.txt").read_text()
    assert text.startswith("Sora leak -- digest") and "Nothing material changed; 2 of 2 sources failing." in text
    assert "feed feed 0 (" in text and "the server has no such page (HTTP 404)" in text
    assert smtp.messages == []  # one failing run is not yet an alert

    run(settings)  # the second failing run in a row: one alert naming both feeds
    assert subjects(smtp) == ["Sora leak: 2 source(s) failing"]
    body = email.message_from_bytes(smtp.messages[0].content, policy=policy.default).get_body(("plain",)).get_content()
    assert "Failing: feed 0 (" in body and "2 runs in a row: the server has no such page (HTTP 404)" in body
    run(settings)
    run(settings)
    assert len(smtp.messages) == 1  # not a mail every run

    site.put("/one.xml", FEED, "application/rss+xml")
    run(settings)  # one feed back: one recovery notice, the other still down and already alerted
    assert subjects(smtp)[1:] == ["Sora leak: 1 back"]
    run(settings)
    assert len(smtp.messages) == 2
    store = Store(settings.db_path)
    rows = health.feeds(settings, store)
    store.close()
    assert [(f["name"], f["failures"], f["alerting"], f["items_seen"]) for f in rows] == \
        [("feed 0", 0, False, 1), ("feed 1", 6, True, 0)]
    assert rows[0]["last_ok"] and rows[1]["last_ok"] is None and "HTTP 404" in rows[1]["last_error"]


def test_an_alert_the_smtp_server_defers_goes_out_next_run_once_with_the_same_message_id(site, smtp,
                                                                                         settings_for):
    settings = mail_settings(settings_for, site, smtp, alert_after=1)
    smtp.refuse = "451 try again later"
    with pytest.raises(DeliveryError):
        run(settings)
    smtp.refuse = None
    run(settings)
    run(settings)
    assert subjects(smtp) == ["Sora leak: 2 source(s) failing"]
    msg_id = email.message_from_bytes(smtp.messages[0].content)["Message-ID"]
    assert msg_id.startswith("<feeds-1-")  # made from the run that recorded it, so a resend is the same mail
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT count(*), count(sent_at) FROM feed_notices").fetchone() == (2, 2)


def test_notices_recorded_when_a_run_died_before_them_are_recorded_once(site, settings_for):
    settings = settings_for([site.base + "/gone.xml"], email={"alert_after": 1})
    store = Store(settings.db_path)
    store.feed_failed(site.base + "/gone.xml", "the server has no such page (HTTP 404)")  # a run killed here
    assert health.record_notices(settings, store, 1) == 1
    assert health.record_notices(settings, store, 2) == 0  # already said: the state decides, not the run
    assert health.deliver(settings, store, None) == 0  # email off: the log and `monitor feeds` carry it
    assert store.db.execute("SELECT not_sent FROM feed_notices").fetchone()[0] == "email is off"
    store.close()


def test_monitor_run_exits_4_when_no_feed_is_read_and_lists_the_feeds(site, tmp_path):
    cfg = tmp_path / "down.toml"
    cfg.write_text(f'[monitor]\nstate_dir = "{tmp_path / "state"}"\n[fetch]\nallow_hosts = ["127.0.0.1"]\n'
                   f'retries = 0\n[[feeds]]\nname = "Wire"\nurl = "{site.base}/wire.xml"\n')
    out = subprocess.run([MONITOR, "run", "--config", str(cfg)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 4, out.stderr
    assert out.stderr.splitlines()[-1] == ("monitor: no feed could be read: 1 of 1 sources failed; "
                                           "`monitor feeds` shows each one's last error")
    assert "WARNING monitor.pipeline: feed Wire: the server has no such page (HTTP 404)" in out.stderr
    db = sqlite3.connect(tmp_path / "state" / "monitor.sqlite3")
    assert db.execute("SELECT subject FROM digests").fetchone()[0] == \
        "Sora leak: nothing material changed; 1 of 1 sources failing"
    listing = subprocess.run([MONITOR, "--config", str(cfg), "feeds"], capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines() == [
        f"Wire  <{site.base}/wire.xml>", "  FAILING 1 run(s) in a row; last ok never; items seen 0",
        "  last error: the server has no such page (HTTP 404)"]
    site.put("/wire.xml", FEED, "application/rss+xml")
    again = subprocess.run([MONITOR, "run", "--config", str(cfg)], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
