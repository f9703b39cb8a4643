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
