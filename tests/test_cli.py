"""The command line as a user runs it: the installed console script, real files."""

import json
import re
import os
import subprocess
import sys
from pathlib import Path

from conftest import DEVSET

MONITOR = str(Path(sys.executable).with_name("monitor"))


def monitor(*args, env=None, **kw):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([MONITOR, *args], capture_output=True, text=True, env=full_env, timeout=120, **kw)


def test_help_carries_examples():
    out = monitor("--help")
    assert out.returncode == 0 and "Examples:" in out.stdout
    for cmd in ("run", "check", "history", "schedule"):
        sub = monitor(cmd, "--help")
        assert sub.returncode == 0 and "Example" in sub.stdout, cmd


def test_check_json_follows_the_contract():
    out = monitor("check", str(DEVSET / "dev01_openai_confirms.txt"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["relevant"] is True
    statuses = {c["status"] for c in data["claims"]}
    assert statuses <= {"new", "corroborated", "updated", "contradicted"}
    assert {"contradicted", "updated", "new", "corroborated"} <= statuses
    contradicted = next(c for c in data["claims"] if c["status"] == "contradicted")
    assert contradicted["text"].startswith("OpenAI on Friday confirmed")
    assert contradicted["baseline"][0]["id"] == "002"
    assert "would not confirm" in contradicted["baseline"][0]["text"]
    assert contradicted["reason"]


def test_check_html_file_and_table_output():
    from monitor import demo

    out = monitor("check", str(demo.folder() / "sora-launch.html"))
    assert out.returncode == 0
    assert "contradicted" in out.stdout and "was:" in out.stdout


def test_check_off_topic_file():
    data = json.loads(monitor("check", str(DEVSET / "dev05_offtopic.txt"), "--json").stdout)
    assert data["relevant"] is False and data["claims"] == []


def test_bad_config_is_one_line_naming_the_key(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[fetch]\nworkers = 'many'\n")
    out = monitor("--config", str(cfg), "run")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "'fetch.workers'" in out.stderr


def test_missing_target_is_a_clear_error(tmp_path):
    out = monitor("check", str(tmp_path / "nope.txt"))
    assert out.returncode == 1 and "nope.txt: cannot read" in out.stderr


def test_second_run_while_one_holds_the_lock_exits_75(tmp_path):
    from monitor.lock import run_lock

    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[monitor]\nstate_dir = "{tmp_path / "state"}"\n')
    with run_lock(tmp_path / "state"):
        out = monitor("--config", str(cfg), "run")
    assert out.returncode == 75 and "another run is in progress" in out.stderr


def test_demo_run_twice(tmp_path):
    env = {"XDG_STATE_HOME": str(tmp_path)}
    first = monitor("run", "--demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "contradicted" in first.stdout and "digest:" in first.stdout
    latest = tmp_path / "story-monitor" / "demo" / "digests" / "latest.html"
    assert "CONTRADICTED" in latest.read_text().upper()
    second = monitor("run", "--demo", env=env)
    assert "items new 0" in second.stdout and "(2 unchanged, 0 failed)" in second.stdout
    assert "'monitor run --demo --fresh' starts it anew" in second.stdout  # a newcomer is told how
    third = monitor("run", "--demo", "--fresh", env=env)
    assert "earlier demo runs forgotten" in third.stdout and "items new 6" in third.stdout, third.stdout
    # the demo's server is gone: its article links lead to the copies beside the digest, which exist
    digests = latest.parent
    hrefs = re.findall(r'href="(demo-pages/[^"?#]+)', latest.read_text())
    assert "demo-pages/sora-launch.html" in hrefs and 'href="http://127.0.0.1' not in latest.read_text()
    assert all((digests / h).exists() for h in hrefs if "missing-page" not in h), hrefs  # that page 404s live too
    assert (digests / "story.html").exists() and "Sora leak (demo): all digests" in (digests / "index.html").read_text()
    assert monitor("run", "--fresh", env=env).returncode == 2  # never for a real story's state


def test_snapshots_rebuild_reproduces_the_shipped_baseline(tmp_path):
    from monitor.resources import data_dir

    out = monitor("snapshots", "rebuild", str(data_dir("snapshots") / "seeds"), "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    for shipped in sorted(data_dir("snapshots").glob("*.json")):
        assert (tmp_path / shipped.name).read_text() == shipped.read_text(), shipped.name
    snap = json.loads((tmp_path / "000.json").read_text())
    assert snap["outlet"] == "The Hindu" and "fellowship" not in snap["text"].lower()
    assert not any("ALSO READ" in c for c in json.loads((tmp_path / "004.json").read_text())["claims"])


def test_snapshots_add(tmp_path):
    for p in (Path(__file__).parent.parent / "snapshots").glob("*.json"):
        (tmp_path / p.name).write_text(p.read_text())
    out = monitor("snapshots", "add", str(DEVSET / "dev04_rehash.txt"), "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    snap = json.loads((tmp_path / "005.json").read_text())
    assert snap["title"] == "What we know about the Sora leak" and len(snap["claims"]) == 6


def test_a_baseline_paragraph_naming_the_story_by_an_alias_is_kept(tmp_path):
    """A paragraph is on topic when it names a story entity the way the config writes it
    ("Ferrow" for Ferrow Water), though it says no anchor or context word; an appended
    block that only says "the company" is still left out."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_notice.txt").write_text(
        "title: Boil-water notice for Calder Falls\n\n"
        "Ferrow Water Co. issued a boil-water notice for Calder Falls on Monday.\n\n"
        "Some 60 Ferrow employees have been moved to the treatment works. Talks with their union "
        "were suspended on Friday. A meeting is set for next week.\n\n"
        "The company behind a new cinema said it would open in May. The building has 9 screens. "
        "Tickets go on sale this week.\n")
    config = tmp_path / "story.toml"
    config.write_text('[monitor]\nstory = "Calder Falls water"\nsnapshots_dir = "baseline"\n\n'
                      '[topic]\nanchors = ["calder falls"]\ncontext = ["boil-water", "notice"]\n\n'
                      '[entities]\n"Ferrow Water" = ["Ferrow", "the company"]\n')
    assert monitor("--config", str(config), "snapshots", "rebuild", str(seeds)).returncode == 0
    claims = json.loads((tmp_path / "baseline" / "001.json").read_text())["claims"]
    assert "Some 60 Ferrow employees have been moved to the treatment works." in claims
    assert not any("cinema" in c for c in claims)
