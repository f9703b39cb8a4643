"""Templates, snapshots and the shipped config work from an installed wheel, not only
from the source tree."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-q", "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel offline here: {build.stderr[-300:]}")
    return next(out.glob("*.whl"))


def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("monitor/_templates/digest.html.j2", "monitor/_templates/digest.txt.j2",
                     "monitor/_snapshots/000.json", "monitor/_sources/sora.toml", "monitor/_sources/demo/wire.xml"):
        assert expected in names


def test_installed_copy_finds_its_data(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    probe = ("from monitor.resources import data_dir; from monitor import digest, snapshots, config;"
             "print(data_dir('templates')); print(len(snapshots.load())); print(len(config.load().feeds));"
             "print(digest.render(digest.build('S', 1, 't', [], [], {}, [], {}))[1].splitlines()[2])")
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(str(target)) and lines[1] == "5" and int(lines[2]) >= 10
    assert lines[3] == "Nothing material changed."
