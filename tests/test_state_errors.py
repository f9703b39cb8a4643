"""Broken state as a user meets it, through the installed `monitor` command: a read-only
database or state folder, a full output disk, a garbled page. Each is one line on stderr
naming the file and what to do, exit 1, never a traceback."""

import os
import sqlite3
import subprocess

import pytest

from test_cli import MONITOR, monitor
from test_disk_full import fill


def write_config(tmp_path, site, output_dir=None) -> str:
    cfg = tmp_path / "m.toml"
    cfg.write_text(f'[monitor]\nstate_dir = "{tmp_path / "state"}"\noutput_dir = "{output_dir or tmp_path / "out"}"\n'
                   f'[fetch]\nallow_hosts = ["127.0.0.1"]\nretries = 0\n'
                   f'[[feeds]]\nname = "wire"\nurl = "{site.base}/wire.xml"\n')
    return str(cfg)


def one_line(out, *needles):
    assert out.returncode == 1, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr  # before: 30-60 lines of traceback
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def in_namespace(script: str):
    """Root ignores file modes: make things read-only with bind mounts in a namespace of its own."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -rm is not permitted here")
    return subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120)


def test_read_only_database_file(demo_site, tmp_path):
    cfg = write_config(tmp_path, demo_site)
    assert monitor("--config", cfg, "run").returncode == 0
    db = tmp_path / "state" / "monitor.sqlite3"
    out = in_namespace(f"mount --bind {db} {db} && mount -o remount,bind,ro {db} && {MONITOR} --config {cfg} run")
    one_line(out, str(db), "readonly", "make the file and its folder writable")


def test_read_only_state_folder(demo_site, tmp_path):
    cfg = write_config(tmp_path, demo_site)
    state = tmp_path / "state"
    state.mkdir()
    out = in_namespace(f"mount --bind {state} {state} && mount -o remount,bind,ro {state} && "
                       f"{MONITOR} --config {cfg} run")
    one_line(out, str(state / "monitor.lock"), "make the state folder writable")


def test_full_output_disk_then_room_again(demo_site, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(out_dir)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        cfg = write_config(tmp_path, demo_site, out_dir)
        filler = fill(out_dir)
        one_line(monitor("--config", cfg, "run"), str(out_dir), "No space left on device", "free space")
        assert not list(out_dir.glob("*.tmp"))  # nothing half-written left behind
        filler.unlink()
        again = monitor("--config", cfg, "run")  # the digest assigned before is written now
        assert again.returncode == 0, again.stderr
        assert (out_dir / "latest.txt").read_text().startswith("Sora leak -- digest 1 ")
        assert len(list(out_dir.glob("digest-*-00001.html"))) == 1
    finally:
        subprocess.run(["umount", "-l", str(out_dir)], check=False)


def test_garbled_page(demo_site, tmp_path):
    cfg = write_config(tmp_path, demo_site)
    assert monitor("--config", cfg, "run").returncode == 0
    db = tmp_path / "state" / "monitor.sqlite3"
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='findings'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(os.urandom(page))
    one_line(monitor("--config", cfg, "run"), str(db), "damaged", "restore a backup or move it away")
