"""The README's two opening commands stay true: CI runs the second; this runs the steps
of the first (the shipped config, embedded SQLite) with the network cut off, so no test
reaches past loopback: the run must still complete, list every feed it missed, and exit 4."""

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
    assert out.returncode == 4, out.stderr  # no feed could be read: not a quiet success
    digest = (tmp_path / "story-monitor" / "digests" / "latest.txt").read_text()
    from monitor import config

    feeds = config.load().feeds
    for feed in feeds:
        assert f"feed {feed.name} ({feed.url}): its host name could not be found" in digest
    assert f"Nothing material changed; {len(feeds)} of {len(feeds)} sources failing." in digest
    assert f", {len(feeds)} failed)" in out.stdout and "no feed could be read" in out.stderr
