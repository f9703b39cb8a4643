"""TOML configuration -> typed settings. Defaults live here, in DEFAULTS; the user's file
is merged over them and every key is checked against them, so a typo is an error that
names the key instead of a silently ignored setting."""

from __future__ import annotations

import copy
import math
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .models import Source
from .recheck import parse_schedule
from .resources import data_dir

DEFAULTS: dict = {
    "monitor": {
        "story": "Sora leak",
        "state_dir": "",  # empty: $XDG_STATE_HOME/story-monitor
        "output_dir": "",  # empty: <state_dir>/digests
        "snapshots_dir": "",  # empty: the baseline shipped with the package
    },
    "topic": {
        "item_terms": [],  # a feed item is read when its title/summary names one; empty admits all
        "anchors": [],  # an article is on topic only when it names one of these...
        "context": [],  # ...and enough of these
        "min_score": 0.0,
    },
    "fetch": {
        "timeout": 10.0,  # seconds, connect and each read
        "deadline": 30.0,  # seconds, whole request including redirects
        "source_deadline": 90.0,  # seconds, one URL with all its retries
        "run_budget": 1800.0,  # seconds into a run after which no page fetch starts; the rest waits
        "backoff_after": 3,  # a feed timing out this many runs in a row is then polled less often
        "max_bytes": 5_000_000,
        "max_redirects": 5,
        "retries": 2,
        "workers": 4,
        "user_agent": "story-monitor/0.1 (+https://github.com/story-monitor)",
        "allow_hosts": [],  # hosts allowed to resolve to private/loopback addresses
        "extract_timeout": 20.0,  # seconds per page, then the extraction process is killed
        "extract_workers": 0,  # extraction processes; 0 = one per core
        "extract_memory_mb": 1024,  # address-space cap of each extraction process
        "extract_fallbacks": False,  # trafilatura's readability/jusText second opinions: slower
    },
    "email": {
        "enabled": False,
        "host": "localhost",
        "port": 587,
        "security": "starttls",  # starttls, tls or plain
        "username": "",
        "password_env": "",  # name of the environment variable holding the password
        "from": "",
        "to": [],
        "reply_to": "",
        "timeout": 30.0,  # seconds, for the connection and for each reply
        "deadline": 120.0,  # seconds, the whole SMTP session
        "max_message_bytes": 5_000_000,  # over it a digest goes as plain text, cut if need be
        "alert_after": 3,  # a feed failing this many runs in a row is mailed about once (and once when back)
    },
    "schedule": {"cron": "0 * * * *", "misfire_grace": 600},
    "recheck": {
        # pages of earlier articles fetched again: every 15 minutes while their text is under
        # 3 hours old (since it last changed), then hourly, daily, weekly (as NewsDiffs does)
        "schedule": ["15m until 3h", "1h until 1d", "1d until 7d", "7d"],
        "max_days": 30,  # for this many days after an article was first read; 0 = no re-checks
        "budget": 200,  # re-checks per run at most, oldest-due first
    },
}
SECURITY = ("starttls", "tls", "plain")
# Every number's range as (lowest, highest, whether lowest itself is allowed); all must be
# finite too: TOML's nan passes every comparison (`deadline = nan` turned the deadline off).
BOUNDS: dict[str, tuple[float, float | None, bool]] = {
    "topic.min_score": (0, None, True),
    "fetch.timeout": (0, None, False),
    "fetch.deadline": (0, None, False),
    "fetch.source_deadline": (0, None, False),
    "fetch.run_budget": (0, None, False),
    "fetch.backoff_after": (1, 1000, True),
    "fetch.max_bytes": (1, None, True),
    "fetch.max_redirects": (0, 50, True),
    "fetch.retries": (0, 20, True),
    "fetch.workers": (1, 256, True),
    "fetch.extract_timeout": (0, None, False),
    "fetch.extract_workers": (0, 256, True),  # 0: one per core
    "fetch.extract_memory_mb": (64, None, True),
    "email.port": (1, 65535, True),
    "email.timeout": (0, None, False),
    "email.deadline": (0, None, False),
    "email.max_message_bytes": (10_000, None, True),  # room for the headers and a note
    "email.alert_after": (1, 1000, True),
    "schedule.misfire_grace": (1, None, True),
    "recheck.max_days": (0, 3650, True),
    "recheck.budget": (0, 100_000, True),
}


@dataclass(frozen=True)
class Settings:
    path: Path
    story: str
    state_dir: Path
    output_dir: Path
    snapshots_dir: Path | None
    feeds: tuple[Source, ...]
    topic: dict  # [topic], with the story's [entities] under "entities"
    fetch: dict
    email: dict
    schedule: dict
    recheck: dict  # [recheck], its schedule parsed (recheck.parse_schedule)
    links: tuple[tuple[str, str], ...] = ()  # URL prefix -> local copy, for links that die (the demo's)

    @property
    def db_path(self) -> Path:
        return self.state_dir / "monitor.sqlite3"


def default_config_path() -> Path:
    return data_dir("sources") / "sora.toml"


def load(path: str | os.PathLike | None = None) -> Settings:
    """Read a config file (the shipped one when path is None) and validate it."""
    cfg_path = Path(path) if path else default_config_path()
    try:
        raw = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{cfg_path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{cfg_path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{cfg_path}: not valid TOML: {exc}") from None
    return from_dict(raw, cfg_path)


def from_dict(raw: dict, cfg_path: Path) -> Settings:
    feeds_raw = raw.pop("feeds", [])
    entities = _entities(raw.pop("entities", {}), cfg_path)
    if "topic" not in raw and entities:
        raw["topic"] = topic_from_entities(entities)
    merged = _merge(copy.deepcopy(DEFAULTS), raw, cfg_path, "")
    feeds = _feeds(feeds_raw, cfg_path)
    mon = merged["monitor"]
    base = cfg_path.parent
    state = _path(mon["state_dir"], base) if mon["state_dir"] else _xdg_state()
    output = _path(mon["output_dir"], base) if mon["output_dir"] else state / "digests"
    snaps = _path(mon["snapshots_dir"], base) if mon["snapshots_dir"] else None
    if merged["email"]["security"] not in SECURITY:
        raise ConfigError(f"{cfg_path}: email.security must be one of {', '.join(SECURITY)}")
    if merged["email"]["enabled"] and not merged["email"]["to"]:
        raise ConfigError(f"{cfg_path}: email.to must list at least one address when email is enabled")
    _check_bounds(merged, cfg_path)
    try:
        schedule = parse_schedule(merged["recheck"]["schedule"])
    except ValueError as exc:
        raise ConfigError(f"{cfg_path}: 'recheck.schedule': {exc}") from None
    return Settings(
        path=cfg_path, story=mon["story"], state_dir=state, output_dir=output,
        snapshots_dir=snaps, feeds=feeds, topic={**merged["topic"], "entities": entities}, fetch=merged["fetch"],
        email=merged["email"], schedule=merged["schedule"], recheck={**merged["recheck"], "schedule": schedule},
    )


def _check_bounds(merged: dict, cfg_path: Path) -> None:
    for key, (low, high, low_allowed) in BOUNDS.items():
        section, name = key.split(".")
        value = merged[section][name]
        if not (math.isfinite(value) and (value >= low if low_allowed else value > low)
                and (high is None or value <= high)):
            wanted = (f">= {low}" if low_allowed else f"> {low}") + (f" and <= {high}" if high is not None else "")
            raise ConfigError(f"{cfg_path}: '{key}' must be a finite number {wanted}, got {value!r}")


def require_feeds(settings: Settings) -> None:
    """A pass needs something to poll (`monitor check` and `test-email` do not)."""
    if not settings.feeds:
        raise ConfigError(f"{settings.path}: 'feeds' is empty; add at least one [[feeds]] table with a url")


def _merge(defaults: dict, user: dict, cfg_path: Path, prefix: str) -> dict:
    for key, value in user.items():
        name = f"{prefix}{key}"
        if key not in defaults:
            raise ConfigError(f"{cfg_path}: unknown key '{name}'")
        want = defaults[key]
        if isinstance(want, dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{cfg_path}: '{name}' must be a table")
            _merge(want, value, cfg_path, name + ".")
            continue
        if not _same_type(want, value):
            raise ConfigError(
                f"{cfg_path}: '{name}' must be {type(want).__name__}, got {type(value).__name__} {value!r}"
            )
        if isinstance(want, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{cfg_path}: '{name}' must be a list of strings")
        defaults[key] = float(value) if isinstance(want, float) else value
    return defaults


def _same_type(want, value) -> bool:
    if isinstance(want, bool) or isinstance(value, bool):
        return isinstance(want, bool) and isinstance(value, bool)
    if isinstance(want, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(want))


def _feeds(items, cfg_path: Path) -> tuple[Source, ...]:
    if not isinstance(items, list):
        raise ConfigError(f"{cfg_path}: 'feeds' must be an array of tables ([[feeds]])")
    out, seen = [], set()
    for i, item in enumerate(items):
        where = f"feeds[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{cfg_path}: '{where}' must be a table")
        extra = set(item) - {"name", "url"}
        if extra:
            raise ConfigError(f"{cfg_path}: unknown key '{where}.{sorted(extra)[0]}'")
        url = item.get("url")
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            raise ConfigError(f"{cfg_path}: '{where}.url' must be an http(s) URL, got {url!r}")
        if url in seen:
            raise ConfigError(f"{cfg_path}: '{where}.url' repeats {url}")
        seen.add(url)
        out.append(Source(name=str(item.get("name") or url), url=url))
    return tuple(out)


def _entities(table, cfg_path: Path) -> dict[str, list[str]]:
    """[entities]: each of the story's actors and things, named once, with the other names
    articles use for it ("the company" for OpenAI)."""
    if not isinstance(table, dict):
        raise ConfigError(f"{cfg_path}: 'entities' must be a table of name = [aliases]")
    for name, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError(f"{cfg_path}: 'entities.{name}' must be a list of non-empty strings")
    return {name: list(aliases) for name, aliases in table.items()}


def topic_from_entities(entities: dict[str, list[str]]) -> dict:
    """The topic of a story config without [topic]: its entities. An article must name one
    entity and two of the story's proper names (entities, and aliases written with a capital:
    "Sora Turbo", not "the tool"), so a page naming only "Sora" (a game character) is off
    topic; feed items are read when they name one of those proper names."""
    names = list(entities)
    proper = names + [a for aliases in entities.values() for a in aliases if a != a.lower() and a not in names]
    return {"anchors": names, "context": proper, "item_terms": proper, "min_score": 0.67}


def _path(value: str, base: Path) -> Path:
    p = Path(os.path.expanduser(value))
    return p if p.is_absolute() else (base / p).resolve()


def _xdg_state() -> Path:
    root = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
    return Path(root) / "story-monitor"
