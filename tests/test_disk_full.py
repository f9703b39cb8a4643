"""A full disk, then room again: SQLite's own quick_check decides whether the state is
sound (not the main file's size), nothing is lost and nothing is reported twice."""

import os
import shutil
import sqlite3
import subprocess

import pytest

from monitor.errors import StoreError
from monitor.store import Store

from test_pipeline import run


def header_size(path) -> int:
    head = path.read_bytes()[:100]
    return int.from_bytes(head[28:32], "big") * int.from_bytes(head[16:18], "big")


def fill(folder) -> str:
    """Write a file until the disk is full; its path."""
    path = folder / "filler"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    os.close(fd)
    return path


def state_of(db_path):
    db = sqlite3.connect(db_path)
    try:
        return (db.execute("SELECT count(*) FROM findings").fetchone()[0],
                db.execute("SELECT count(*) FROM findings WHERE digest_id IS NULL").fetchone()[0],
                db.execute("SELECT count(*) FROM digests").fetchone()[0],
                db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


def pinned_run(settings):
    """Run 1 while another connection pins the WAL, so nothing is checkpointed into the
    main file until the test says so; returns that connection and the file's size before."""
    Store(settings.db_path).close()
    before = settings.db_path.stat().st_size
    keeper = sqlite3.connect(settings.db_path, isolation_level=None)
    keeper.execute("BEGIN")
    keeper.execute("SELECT count(*) FROM runs").fetchone()
    assert run(settings).findings
    keeper.execute("COMMIT")
    return keeper, before


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "state"
    folder.mkdir()
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(folder)],
                         capture_output=True, text=True)
    if out.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({out.stderr.strip() or out.returncode}); "
                    "test_short_main_file_with_the_rows_in_the_wal_is_opened covers the state directly")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_disk_full_then_freed_loses_nothing_and_repeats_nothing(small_disk, demo_site, settings_for, tmp_path):
    settings = settings_for([demo_site.base + "/wire.xml"], monitor={"output_dir": str(tmp_path / "out")})
    keeper, _ = pinned_run(settings)
    after_first = state_of(settings.db_path)
    filler = fill(small_disk)
    with pytest.raises(sqlite3.OperationalError, match="full"):  # the checkpoint is cut short
        keeper.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    keeper.close()
    assert settings.db_path.stat().st_size < header_size(settings.db_path)

    with pytest.raises(StoreError) as err:  # still full: the real reason, in one line
        run(settings)
    message = str(err.value)
    assert "disk" in message and "full" in message and "free space" in message
    assert "\n" not in message and "cannot rollback" not in message and "damaged" not in message

    filler.unlink()  # room again: before, "the state database is truncated" on every run
    again = run(settings)
    assert again.items_new == 0 and sum(again.findings.values()) == 0 and not again.errors
    assert state_of(settings.db_path) == after_first  # nothing lost, no new digest
    assert settings.db_path.stat().st_size == header_size(settings.db_path)  # checkpointed


def test_a_run_that_fills_the_disk_says_so_in_one_line(small_disk, site, settings_for, tmp_path):
    items = "".join(f"<item><title>Sora leak {n}</title><guid>g{n}</guid><description>Sora leak {n}: "
                    f"{'artists on Hugging Face said OpenAI paused access. ' * 40}</description></item>"
                    for n in range(300))
    feed = site.put("/f.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                              "</channel></rss>", "application/rss+xml")
    settings = settings_for([feed], monitor={"output_dir": str(tmp_path / "out")}, topic={"item_terms": ["nothing"]})
    Store(settings.db_path).close()
    filler = fill(small_disk)
    os.truncate(filler, filler.stat().st_size - 300_000)  # room to open, not for the run
    with pytest.raises(StoreError) as err:
        run(settings)
    assert "database or disk is full; free space" in str(err.value) and "cannot rollback" not in str(err.value)
    filler.unlink()
    assert run(settings).items_seen == 300  # the feed is read again: its validators were not kept
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 300
    db.close()


def test_short_main_file_with_the_rows_in_the_wal_is_opened(demo_site, settings_for, tmp_path):
    # the state a cut-short checkpoint leaves, made without a full disk: every page written
    # since the file was last complete is in the WAL, and the main file stops where it stood
    settings = settings_for([demo_site.base + "/wire.xml"])
    keeper, before = pinned_run(settings)
    keeper.execute("PRAGMA wal_checkpoint(PASSIVE)")  # main file complete, the WAL kept
    copy = settings_for([demo_site.base + "/wire.xml"], monitor={"state_dir": str(tmp_path / "copy")})
    copy.state_dir.mkdir()
    shutil.copy(settings.db_path, copy.db_path)
    shutil.copy(f"{settings.db_path}-wal", f"{copy.db_path}-wal")
    keeper.close()
    os.truncate(copy.db_path, before)
    assert copy.db_path.stat().st_size < header_size(copy.db_path)
    after_first = state_of(settings.db_path)

    again = run(copy)  # before: "the state database is truncated", exit 1 on every run
    assert again.feeds_unchanged == 1 and sum(again.findings.values()) == 0
    assert state_of(copy.db_path) == after_first
    assert copy.db_path.stat().st_size == header_size(copy.db_path)


def test_a_database_failing_quick_check_is_never_written(tmp_path):
    path = tmp_path / "m.db"
    store = Store(path)
    store.db.executemany("INSERT INTO runs(started) VALUES (?)", [("x" * 500,)] * 200)
    root = store.db.execute("SELECT rootpage FROM sqlite_master WHERE name='runs'").fetchone()[0]
    store.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[(root - 1) * page:root * page] = os.urandom(page)  # one garbled page, the file header intact
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=f"{path}: the state database is damaged .*quick_check"):
        Store(path)
    assert path.read_bytes() == bytes(data)
