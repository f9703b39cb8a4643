"""Kill `monitor run` with SIGKILL at each named point, run it again, and check that the
database is sound and every finding reached exactly one sent digest (GUIDE section 5)."""

import email
import email.policy
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from monitor.crashpoint import POINTS, RECHECK_POINTS

MONITOR = str(Path(sys.executable).with_name("monitor"))


def write_config(path: Path, state: Path, site, smtp_port: int, email: bool = True) -> Path:
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
[recheck]
schedule = ["0s"]  # every page read in an earlier run is re-checked
[email]
enabled = {str(email).lower()}
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


# --- a run that re-checks pages and finds one changed ---------------------------------
RECHECK_RUN = ("after-fetch", *RECHECK_POINTS, "after-store", "after-digest-assigned", "after-render",
               "after-smtp-accepted")
CHANGED_PAGE = "/openai-confirms.html"


@pytest.fixture(scope="module")
def rechecked(tmp_path_factory):
    """A state folder after a first run (mailing off) over the demo coverage, a site on which
    one article has since changed, and what an uninterrupted re-check run finds there."""
    from conftest import Site
    from monitor import demo

    site = Site()
    site.pages.update(demo.load_site(demo.folder(), site.base))
    tmp = tmp_path_factory.mktemp("recheck")
    cfg = write_config(tmp / "m.toml", tmp / "state", site, 9, email=False)
    assert monitor_run(cfg).returncode == 0
    body, ctype = site.pages[CHANGED_PAGE]
    site.pages[CHANGED_PAGE] = (body.replace(b"OpenAI on Friday confirmed that", b"OpenAI on Friday would not "
                                             b"confirm whether").replace(b"The leak was shut down", b"Access was "
                                             b"cut off"), ctype)
    shutil.copytree(tmp / "state", tmp / "before")
    out = monitor_run(cfg)
    assert out.returncode == 0, out.stderr
    reference = findings(tmp / "state" / "monitor.sqlite3")
    assert reference[("revised", "OpenAI on Friday would not confirm whether the Sora front-end published by the "
                      "protesting artists was authentic and ran on the company's own servers.")] == 1
    try:
        yield site, tmp / "before", reference
    finally:
        site.close()


@pytest.mark.parametrize("point", RECHECK_RUN)
def test_a_killed_recheck_loses_nothing_and_sends_nothing_twice(point, rechecked, smtp, tmp_path):
    site, before, reference = rechecked
    shutil.copytree(before, tmp_path / "state")
    db_path = tmp_path / "state" / "monitor.sqlite3"
    earlier = sqlite3.connect(db_path).execute("SELECT max(id) FROM digests").fetchone()[0]
    cfg = write_config(tmp_path / "m.toml", tmp_path / "state", site, smtp.port)
    killed = monitor_run(cfg, crash_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert monitor_run(cfg).returncode == 0
    assert monitor_run(cfg).returncode == 0

    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM findings f LEFT JOIN digests d ON d.id=f.digest_id "
                      "WHERE d.sent_at IS NULL").fetchone()[0] == 0
    assert findings(db_path) == reference  # each change recorded once, none lost
    assert db.execute("SELECT count(*) FROM versions WHERE n = 2").fetchone()[0] == 1
    mailed = db.execute("SELECT message_id FROM digests WHERE material=1 AND id > ?", (earlier,)).fetchall()
    db.close()
    ids = Counter(email.message_from_bytes(m.content, policy=email.policy.default)["Message-ID"]
                  for m in smtp.messages)
    assert set(ids) == {row[0] for row in mailed} and len(ids) == 1
    assert list(ids.values()) == ([2] if point == "after-smtp-accepted" else [1])
