import pytest

from monitor import config
from monitor.errors import ConfigError


def write(tmp_path, text):
    p = tmp_path / "c.toml"
    p.write_text(text)
    return p


def test_shipped_config_loads_with_real_feeds():
    s = config.load()
    assert len(s.feeds) >= 10
    assert all(f.url.startswith("https://") for f in s.feeds)
    names = " ".join(f.name for f in s.feeds)
    for outlet in ("Google News", "Hacker News", "OpenAI", "The Hindu", "TechCrunch"):
        assert outlet in names
    assert s.email["enabled"] is False
    assert s.schedule["cron"] == "0 * * * *"


def test_user_file_is_merged_over_defaults(tmp_path):
    s = config.load(write(tmp_path, '[fetch]\ntimeout = 3\n[[feeds]]\nurl = "https://example.org/feed"\n'))
    assert s.fetch["timeout"] == 3.0 and isinstance(s.fetch["timeout"], float)
    assert s.fetch["max_bytes"] == config.DEFAULTS["fetch"]["max_bytes"]
    assert s.feeds[0].name == "https://example.org/feed"


def test_relative_state_dir_is_relative_to_the_config_file(tmp_path):
    s = config.load(write(tmp_path, '[monitor]\nstate_dir = "var"\n'))
    assert s.state_dir == tmp_path / "var"
    assert s.output_dir == tmp_path / "var" / "digests"


@pytest.mark.parametrize("text, needle", [
    ("[fetch]\ntimeot = 3\n", "unknown key 'fetch.timeot'"),
    ("[fetch]\ntimeout = 'soon'\n", "'fetch.timeout' must be float"),
    ("[email]\nenabled = 1\n", "'email.enabled' must be bool"),
    ("[email]\nsecurity = 'ssl'\n", "email.security must be one of"),
    ("[email]\nenabled = true\n", "email.to must list"),
    ('[[feeds]]\nurl = "file:///etc/passwd"\n', "'feeds[0].url' must be an http(s) URL"),
    ('[[feeds]]\nurl = "https://a.org/f"\nlabel = "x"\n', "unknown key 'feeds[0].label'"),
    ("[fetch\n", "not valid TOML"),
    ("[topic]\nanchors = [1]\n", "'topic.anchors' must be a list of strings"),
])
def test_bad_config_names_the_key(tmp_path, text, needle):
    with pytest.raises(ConfigError) as err:
        config.load(write(tmp_path, text))
    assert needle in str(err.value)
    assert str(tmp_path) in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        config.load(tmp_path / "nope.toml")


@pytest.mark.parametrize("text, needle", [
    ("[fetch]\ndeadline = nan\n", "'fetch.deadline' must be a finite number > 0, got nan"),
    ("[fetch]\ntimeout = inf\n", "'fetch.timeout' must be a finite number > 0, got inf"),
    ("[fetch]\ndeadline = -inf\n", "'fetch.deadline' must be a finite number > 0"),
    ("[fetch]\nextract_timeout = -1\n", "'fetch.extract_timeout' must be a finite number > 0, got -1.0"),
    ("[fetch]\nretries = -3\n", "'fetch.retries' must be a finite number >= 0 and <= 20, got -3"),
    ("[fetch]\nworkers = 0\n", "'fetch.workers' must be a finite number >= 1"),
    ("[fetch]\nmax_bytes = 0\n", "'fetch.max_bytes' must be a finite number >= 1"),
    ("[email]\ntimeout = 0\n", "'email.timeout' must be a finite number > 0, got 0.0"),
    ("[email]\nport = 70000\n", "'email.port' must be a finite number >= 1 and <= 65535, got 70000"),
    ("[email]\nport = 0\n", "'email.port' must be a finite number >= 1"),
    ("[email]\nmax_message_bytes = 100\n", "'email.max_message_bytes' must be a finite number >= 10000"),
    ("[topic]\nmin_score = nan\n", "'topic.min_score' must be a finite number"),
    ("[schedule]\nmisfire_grace = 0\n", "'schedule.misfire_grace' must be a finite number >= 1"),
])
def test_numbers_out_of_range_are_refused_naming_the_key(tmp_path, text, needle):
    with pytest.raises(ConfigError) as err:  # before: accepted, and every run broke (nan: no deadline at all)
        config.load(write(tmp_path, text))
    assert needle in str(err.value) and str(tmp_path) in str(err.value)


def test_every_number_has_a_range():
    numbers = {f"{section}.{key}" for section, table in config.DEFAULTS.items() for key, value in table.items()
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
    assert numbers == set(config.BOUNDS)


def test_a_run_needs_at_least_one_feed(tmp_path):
    from monitor.runner import run_pass

    settings = config.load(write(tmp_path, f'[monitor]\nstate_dir = "{tmp_path / "state"}"\n'))
    with pytest.raises(ConfigError, match="'feeds' is empty; add at least one"):
        run_pass(settings)
