"""The command line follows its users' habits, and the README tells the truth about it:
its command table and exit codes are compared with the click commands and the code."""

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest

from conftest import DEVSET
from monitor import cli, config, inspect

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
MONITOR = str(Path(sys.executable).with_name("monitor"))


def monitor(*args, env=None):
    return subprocess.run([MONITOR, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def commands(group=cli.cli, prefix=""):
    """Every leaf command's path ("snapshots rebuild") and its click object."""
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from commands(cmd, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", cmd


def readme_commands():
    """(command path, options it names) for each row of the README's command table."""
    rows = re.findall(r"^\| `monitor ([^`]+)` \|", README, re.M)
    assert rows
    for row in rows:
        words = row.replace("\\|", "|").split()
        path = " ".join(w for w in words if re.fullmatch(r"[a-z][a-z-]*", w) and w.upper() != w)
        yield path, set(re.findall(r"--[a-z-]+", row))


def test_readme_command_table_matches_the_click_commands():
    code = dict(commands())
    table = {}
    for path, options in readme_commands():
        path = next(p for p in code if path.startswith(p))  # "check TARGET" is the check command
        table.setdefault(path, set()).update(options)
    assert set(table) == set(code)
    for path, options in table.items():
        known = {o for p in code[path].params for o in p.opts}
        assert options <= known, (path, options - known)


def test_readme_exit_codes_match_the_code():
    section = README[README.index("Exit codes:"):]
    section = section[:section.index("\n\n", section.index("| exit |"))]
    documented = {int(n) for n in re.findall(r"^\| (\d+) \|", section, re.M)}
    assert documented == set(cli.EXIT_CODES)
    assert {code for _, code, _ in cli.ERRORS} | {0, 130} == set(cli.EXIT_CODES)


def test_every_command_has_an_example_in_its_help():
    for path, _ in [("", None), ("snapshots", None), *commands()]:
        out = monitor(*path.split(), "--help")
        assert out.returncode == 0 and "Example" in out.stdout, path


def test_test_email_help_names_the_readme_variable():
    variable = re.search(r"Check the settings with `(\w+)=", README).group(1)
    assert f"{variable}=" in monitor("test-email", "--help").stdout


def test_version():
    out = monitor("--version")
    assert out.returncode == 0 and re.fullmatch(r"monitor, version \d+\.\d+\.\d+\n", out.stdout)


def demo_config(tmp_path, demo_site, cron="0 * * * *"):
    cfg = tmp_path / "demo.toml"
    cfg.write_text(config.default_config_path().read_text().split("[[feeds]]")[0]
                   .replace('cron = "0 * * * *"', f'cron = "{cron}"')
                   + f'[[feeds]]\nname = "Wire"\nurl = "{demo_site.base}/wire.xml"\n'
                   + f'[[feeds]]\nname = "Gadgets"\nurl = "{demo_site.base}/gadgets.xml"\n')
    text = cfg.read_text().replace('[monitor]\n', f'[monitor]\nstate_dir = "{tmp_path / "state"}"\n', 1)
    cfg.write_text(text.replace("[fetch]\n", '[fetch]\nallow_hosts = ["127.0.0.1"]\n', 1))
    return cfg


def test_config_after_the_command_and_counts_that_agree(demo_site, tmp_path):
    cfg = demo_config(tmp_path, demo_site)
    out = monitor("run", "--config", str(cfg), "-v")
    assert out.returncode == 0, out.stderr
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d run 1: feeds polled 2 \(0 unchanged, 0 failed\)", out.stdout)
    assert " INFO monitor." in out.stderr  # -v after the command counts too
    read, offtopic = map(int, re.search(r"articles read (\d+), off topic (\d+)", out.stdout).groups())
    digest = (tmp_path / "state" / "digests" / "latest.txt").read_text()
    assert f"ARTICLES READ ({read})" in digest and f"LEFT OUT AS OFF TOPIC ({offtopic})" in digest
    # the same run's numbers in the digest, in `monitor items` and in `monitor feeds`
    items = monitor("items", "--state", "offtopic", "--config", str(cfg))
    assert items.returncode == 0 and items.stdout.count("\n  http") == offtopic
    assert "title/summary off topic" in items.stdout and "text off topic" in items.stdout
    assert monitor("items", "--state", "retry", "--config", str(cfg)).stdout == ""
    feeds = monitor("--config", str(cfg), "feeds", "--json")
    seen = {f["name"]: f["items_seen"] for f in __import__("json").loads(feeds.stdout)}
    assert sum(seen.values()) == int(re.search(r"items new (\d+)", out.stdout).group(1)) and seen["Wire"] > 0


def test_digests_lists_and_opens_the_latest(demo_site, tmp_path):
    cfg = demo_config(tmp_path, demo_site)
    assert monitor("run", "--config", str(cfg)).returncode == 0
    listing = monitor("digests", "--config", str(cfg))
    assert listing.returncode == 0 and re.match(r"\s+1  \S+  delivered\s+\d+ contradiction", listing.stdout)
    opener = tmp_path / "bin" / "xdg-open"  # a stand-in browser that notes what it was asked to open
    opener.parent.mkdir()
    opener.write_text(f'#!/bin/sh\necho "$1" > {tmp_path / "opened"}\n')
    opener.chmod(opener.stat().st_mode | stat.S_IEXEC)
    out = monitor("digests", "--open", "--config", str(cfg), env={"PATH": f"{opener.parent}:{os.environ['PATH']}"})
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "opened").read_text().strip() == listing.stdout.splitlines()[1].strip()


@pytest.mark.parametrize("cron", ["@hourly", "@daily", "@weekly", "*/5 * * * *"])
def test_cron_nicknames_are_accepted(cron):
    from monitor.scheduler import cron_trigger, next_run

    assert next_run(cron_trigger(cron)).endswith("UTC")


@pytest.mark.parametrize("cron", ["61 * * * *", "@reboot", "every hour"])
def test_a_bad_cron_is_a_config_error(demo_site, tmp_path, cron):
    out = monitor("schedule", "--config", str(demo_config(tmp_path, demo_site, cron)))
    assert out.returncode == 2
    assert out.stderr.startswith("monitor: config error: ") and "'schedule.cron'" in out.stderr
    assert out.stderr.count("\n") == 1


GAME = """title: Sora returns in a new trailer
url: https://games.example.org/news/sora-trailer

Sora, the spiky-haired hero of the series, returns in a trailer shown on Friday.
The studio said the game comes out next year, and its artists showed new worlds for Sora to visit.
"""


def test_a_story_without_topic_takes_it_from_its_entities(tmp_path):
    text = config.default_config_path().read_text()
    cfg = tmp_path / "no-topic.toml"
    cfg.write_text(re.sub(r"\n\[topic\]\n.*?\n(?=# Who and what)", "\n", text, flags=re.S)
                   .replace("[monitor]\n", f'[monitor]\nsnapshots_dir = "{ROOT / "snapshots"}"\n', 1))
    settings = config.load(cfg)
    assert "[topic]" not in cfg.read_text() and settings.topic["anchors"] == ["OpenAI", "Sora", "artists",
                                                                                 "open letter", "leak"]
    assert "Sora Turbo" in settings.topic["item_terms"] and "the tool" not in settings.topic["context"]
    game = tmp_path / "game.txt"
    game.write_text(GAME)
    assert inspect.check_target(settings, str(game))["relevant"] is False  # before: everything was on topic
    assert inspect.check_target(settings, str(DEVSET / "dev01_openai_confirms.txt"))["relevant"] is True
