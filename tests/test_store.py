import sqlite3

import pytest

from monitor.claims import analyse
from monitor.errors import StoreError
from monitor.models import Article, FeedItem, Finding
from monitor.store import SCHEMA_VERSION, Store


def item(n=1):
    return FeedItem(key=f"k{n}", feed_url="https://f", link=f"https://ex.org/{n}", title=f"T{n}", summary="s")


def test_new_database_has_schema_version_and_wal(tmp_path):
    s = Store(tmp_path / "m.db")
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_and_findings_are_one_transaction(tmp_path):
    s = Store(tmp_path / "m.db")
    run = s.start_run()
    bad = Finding(analyse("Sora leaked."), "new")
    object.__setattr__(bad, "score", "not a number")  # makes the findings insert fail midway
    with pytest.raises(Exception):
        s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True,
                         (Finding(analyse("Sora leaked."), "new"), bad), run)
    assert s.unseen([item()]) == [item()]  # nothing half-written: the item is still unseen
    assert s.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_findings_go_to_exactly_one_digest(tmp_path):
    s = Store(tmp_path / "m.db")
    run = s.start_run()
    s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True,
                     (Finding(analyse("Sora leaked."), "new"),), run)
    first = s.open_digest(run)
    assert first is not None
    run2 = s.start_run()
    assert s.open_digest(run2) is None  # nothing pending, nothing read, nothing failed
    assert s.db.execute("SELECT count(*) FROM findings WHERE digest_id=?", (first,)).fetchone()[0] == 1


def test_feed_failure_keeps_validators(tmp_path):
    s = Store(tmp_path / "m.db")
    s.feed_ok("https://f", 200, '"e"', "Fri, 29 Nov 2024 09:00:00 GMT")
    assert s.feed_failed("https://f", "HTTP 500") == 1
    assert s.feed_failed("https://f", "HTTP 500") == 2
    assert s.validators("https://f") == ('"e"', "Fri, 29 Nov 2024 09:00:00 GMT")
    s.feed_ok("https://f", 304, None, None)
    assert s.validators("https://f") == ('"e"', "Fri, 29 Nov 2024 09:00:00 GMT")
    assert s.failing_feeds() == []


@pytest.mark.parametrize("content", [b"garbage" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_broken_database_is_a_clear_error_and_left_alone(tmp_path, content):
    path = tmp_path / "m.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=str(path)):
        Store(path)
    assert path.read_bytes() == content


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a monitor database"):
        Store(path)


def test_version_1_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True,
                     (Finding(analyse("Sora leaked."), "new"),), s.start_run())
    s.db.executescript("DROP TABLE finding_keys; DROP TABLE pending; ALTER TABLE findings DROP COLUMN repeat_of; "
                       "ALTER TABLE findings DROP COLUMN tokens; PRAGMA user_version=1;")
    s.close()
    s = Store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [tuple(r) for r in s.db.execute("SELECT claim, repeat_of FROM findings")] == [("Sora leaked.", None)]
    assert s.earlier((("new:a:b",),)) == [[]]


def test_version_2_new_claims_are_rekeyed_once(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    claim = Finding(analyse("Auditors reviewed every early-access account."), "new")
    s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True, (claim,), s.start_run(),
                     repeats=((None, ("new:old:scheme",)),))
    s.db.executescript("DROP TABLE pending; PRAGMA user_version=2;")
    s.close()
    s = Store(path)
    assert s.rekey(lambda toks: (f"new:{toks[0]}:{toks[1]}",)) == 1
    old, new = s.earlier((("new:old:scheme",), ("new:auditor:review",)))
    assert old == [] and [r["claim"] for r in new] == [claim.claim.text]
    assert s.rekey(lambda toks: ("new:again",)) == 0  # done once, not on every run


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "m.db"
    Store(path).db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="schema version"):
        Store(path)
