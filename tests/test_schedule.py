"""`monitor schedule` with a fast trigger, and the shipped systemd units."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor.scheduler import cron_trigger

ROOT = Path(__file__).resolve().parent.parent
MONITOR = str(Path(sys.executable).with_name("monitor"))


def test_cron_expressions():
    assert "second='*/2'" in repr(cron_trigger("*/2 * * * * *"))
    assert "minute='0'" in repr(cron_trigger("0 * * * *"))
    with pytest.raises(ValueError):
        cron_trigger("61 * * * *")


def test_scheduler_runs_twice_then_stops_cleanly_on_sigterm(demo_site, tmp_path):
    cfg = tmp_path / "m.toml"
    cfg.write_text(f"""[monitor]\nstate_dir = "{tmp_path / 'state'}"\n[schedule]\ncron = "*/2 * * * * *"\n"""
                   f"""[fetch]\nallow_hosts = ["127.0.0.1"]\n[[feeds]]\nname = "wire"\nurl = "{demo_site.base}/wire.xml"\n""")
    proc = subprocess.Popen([MONITOR, "--config", str(cfg), "schedule"], stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        deadline = time.monotonic() + 60
        while sum(" run " in line and "feeds polled" in line for line in lines) < 2:
            assert time.monotonic() < deadline, lines
            line = proc.stderr.readline()
            assert line or proc.poll() is None, lines
            lines.append(line)
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    log = "".join(lines) + rest
    assert proc.returncode == 0, log
    assert "INFO monitor.scheduler: run 1: feeds polled 1 (0 unchanged, 0 failed), items new 4" in log
    assert "run 2: feeds polled 1 (1 unchanged, 0 failed), items new 0" in log  # same code as `monitor run`: a 304
    assert "next run at " in log and "WARNING monitor.scheduler" not in log  # routine lines are INFO
    assert "scheduler stopped" in log


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_units_verify(tmp_path):
    # the units name /opt/story-monitor; point ExecStart at a real binary for the check
    for name in ("monitor.service", "monitor.timer"):
        text = (ROOT / "contrib" / "systemd" / name).read_text()
        (tmp_path / name).write_text(text.replace("/opt/story-monitor/.venv/bin/monitor", MONITOR))
    out = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "monitor.timer"),
                          str(tmp_path / "monitor.service")], capture_output=True, text=True,
                         env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"})
    problems = [line for line in (out.stdout + out.stderr).splitlines()
                if "monitor." in line and "not found" not in line.lower()]
    assert out.returncode == 0 or not problems, out.stdout + out.stderr
    assert not problems, problems
