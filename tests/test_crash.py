"""Kill `monitor run` with SIGKILL at each named point, run it again, and check that the
database is sound and every finding reached exactly one sent digest (GUIDE section 5)."""

import email
import email.policy
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from monitor.crashpoint import POINTS

MONITOR = str(Path(sys.executable).with_name("monitor"))


def write_config(path: Path, state: Path, site, smtp_port: int) -> Path:
    path.write_text(f"""
[monitor]
story = "Sora leak"
state_dir = "{state}"
[topic]
item_terms = ["sora"]
anchors = ["sora"]
context = ["leak", "artist", "early access", "tester", "hugging face", "openai", "protest"]
[fetch]
allow_hosts = ["127.0.0.1"]
retries = 0
[email]
enabled = true
host = "127.0.0.1"
port = {smtp_port}
security = "plain"
to = ["desk@example.org"]
[[feeds]]
name = "wire"
url = "{site.base}/wire.xml"
[[feeds]]
name = "gadgets"
url = "{site.base}/gadgets.xml"
""")
    return path


def monitor_run(cfg: Path, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CRASH_AT"}
    if crash_at:
        env["MONITOR_CRASH_AT"] = crash_at
    return subprocess.run([MONITOR, "--config", str(cfg), "run"], capture_output=True, text=True, env=env,
                          timeout=120)


def findings(db_path: Path) -> Counter:
    db = sqlite3.connect(db_path)
    try:
        return Counter(db.execute("SELECT status, claim FROM findings").fetchall())
    finally:
        db.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What an uninterrupted run finds on the demo coverage."""
    from conftest import Site
    from monitor import demo

    site = Site()
    site.pages.update(demo.load_site(demo.folder(), site.base))
    tmp = tmp_path_factory.mktemp("reference")
    try:
        cfg = write_config(tmp / "m.toml", tmp / "state", site, 9)  # port 9: nothing material is mailed first
        out = subprocess.run([MONITOR, "--config", str(cfg), "run"], capture_output=True, text=True, timeout=120)
        assert out.returncode == 3, out.stderr  # delivery fails, and that is all that fails
        return findings(tmp / "state" / "monitor.sqlite3")
    finally:
        site.close()


@pytest.mark.parametrize("point", POINTS)
def test_a_killed_run_loses_nothing_and_sends_nothing_twice(point, reference, demo_site, smtp, tmp_path):
    cfg = write_config(tmp_path / "m.toml", tmp_path / "state", demo_site, smtp.port)
    killed = monitor_run(cfg, crash_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = monitor_run(cfg)
    assert again.returncode == 0, again.stderr
    assert monitor_run(cfg).returncode == 0  # and a third run has nothing left to do

    db_path = tmp_path / "state" / "monitor.sqlite3"
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM findings f LEFT JOIN digests d ON d.id=f.digest_id "
                      "WHERE d.sent_at IS NULL").fetchone()[0] == 0  # none pending, none in an unsent digest
    assert findings(db_path) == reference  # nothing lost, nothing recorded twice
    mailed = db.execute("SELECT message_id FROM digests WHERE material=1").fetchall()
    db.close()

    ids = Counter(email.message_from_bytes(m.content, policy=email.policy.default)["Message-ID"]
                  for m in smtp.messages)
    assert set(ids) == {row[0] for row in mailed} and len(ids) == 1
    # the one documented resend: accepted by SMTP, killed before it was marked sent
    assert list(ids.values()) == ([2] if point == "after-smtp-accepted" else [1])
