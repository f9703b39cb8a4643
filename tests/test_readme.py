"""The README's two opening commands stay true: CI runs the second; this runs the steps
of the first (the shipped config, embedded SQLite) with the network cut off, so no test
reaches past loopback and the run must still complete and list every feed it missed."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def commands():
    return re.findall(r"^```sh\n(.+?)\n```", README, re.M | re.S)[:2]


def test_readme_opens_with_the_two_commands():
    run_cmd, test_cmd = commands()
    assert README.index(run_cmd) < 600  # at the top
    assert run_cmd.endswith("monitor run") and "pip install" in run_cmd
    assert test_cmd.endswith("pytest") and ".[test]" in test_cmd
    assert test_cmd in (ROOT / ".ci" / "run").read_text() or "README.md" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.skipif(not shutil.which("unshare") or subprocess.run(["unshare", "-rn", "true"]).returncode != 0,
                    reason="needs unshare -rn to cut the network")
def test_main_job_runs_offline_on_the_shipped_defaults(tmp_path):
    run_cmd = commands()[0]
    monitor_cmd = run_cmd.split("&&")[-1].strip()  # the installed steps ran when this venv was set up
    exe = str(Path(sys.executable).with_name("monitor"))
    argv = ["unshare", "-rn", exe, *monitor_cmd.split()[1:]]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "XDG_STATE_HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    digest = (tmp_path / "story-monitor" / "digests" / "latest.txt").read_text()
    from monitor import config

    for feed in config.load().feeds:
        assert feed.url in digest
    assert "errors 12" in out.stdout or f"errors {len(config.load().feeds)}" in out.stdout
