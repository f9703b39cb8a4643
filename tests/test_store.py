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
    assert tuple(s.db.execute("SELECT failures, last_error FROM feeds").fetchone()) == (0, None)


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


RECHECK = "DROP TABLE revisions; DROP TABLE versions; DROP TABLE rechecks;"  # the re-check tables of v8


def test_version_1_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True,
                     (Finding(analyse("Sora leaked."), "new"),), s.start_run())
    s.db.executescript("DROP TABLE finding_keys; DROP TABLE pending; DROP INDEX findings_article; ALTER TABLE findings DROP COLUMN repeat_of; "
                       "ALTER TABLE findings DROP COLUMN tokens; ALTER TABLE digests DROP COLUMN failed; "
                       "ALTER TABLE feeds DROP COLUMN timeouts; DROP TABLE feed_notices; "
                       "ALTER TABLE findings DROP COLUMN change; ALTER TABLE findings DROP COLUMN marks; "
                       f"{RECHECK} PRAGMA user_version=1;")
    s.close()
    s = Store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [tuple(r) for r in s.db.execute("SELECT claim, repeat_of FROM findings")] == [("Sora leaked.", None)]
    assert s.earlier((("new:a:b",),)) == [[]]


def test_version_2_new_claims_are_rekeyed_once(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    claim = Finding(analyse("Auditors reviewed every early-access account."), "new")
    change = Finding(analyse("More than 2,000 artists signed."), "updated")
    s.record_article(item(), Article(url="u", title="t", text="x"), 1.0, True, (claim, change), s.start_run(),
                     repeats=((None, ("new:old:scheme",)), (None, ("updated:f1:count=2000",))))
    s.db.executescript(  # back to the v2 layout: a rowid table with a separate key index
        "DROP TABLE pending; DROP INDEX findings_article; CREATE TABLE v2 (key TEXT NOT NULL, "
        "finding_id INTEGER NOT NULL REFERENCES findings(id)); INSERT INTO v2 SELECT * FROM finding_keys; "
        "DROP TABLE finding_keys; ALTER TABLE v2 RENAME TO finding_keys; "
        "CREATE INDEX finding_keys_key ON finding_keys(key, finding_id); ALTER TABLE digests DROP COLUMN failed; "
        "ALTER TABLE feeds DROP COLUMN timeouts; DROP TABLE feed_notices; ALTER TABLE findings DROP COLUMN change; "
        f"ALTER TABLE findings DROP COLUMN marks; {RECHECK} PRAGMA user_version=2;")
    s.close()
    s = Store(path)
    assert [r["status"] for r in s.earlier((("updated:f1:count=2000",),))[0]] == ["updated"]
    assert s.rekey(lambda toks: (f"new:{toks[0]}:{toks[1]}",)) == 1
    old, new = s.earlier((("new:old:scheme",), ("new:auditor:review",)))
    assert old == [] and [r["claim"] for r in new] == [claim.claim.text]
    assert s.rekey(lambda toks: ("new:again",)) == 0  # done once, not on every run


def test_version_6_changes_gain_their_kind_and_marked_words(tmp_path):
    from monitor import digest

    path = tmp_path / "m.db"
    s = Store(path)
    run = s.start_run()
    old = Finding(analyse("More than 2,000 artists signed."), "updated", old="600", new="More than 2,000",
                  change="count=2000")
    s.record_article(item(), Article(url="https://a.example.org/x", title="t", text="x"), 1.0, True, (old,), run)
    s.db.executescript("ALTER TABLE findings DROP COLUMN change; ALTER TABLE findings DROP COLUMN marks; "
                       f"{RECHECK} PRAGMA user_version=6;")
    s.close()
    s = Store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert tuple(s.db.execute("SELECT change, marks FROM findings").fetchone()) == (None, None)
    new = Finding(analyse("OpenAI confirmed the leak was real."), "updated", old="600", new="19", change="count=19")
    s.record_article(item(2), Article(url="https://b.example.org/y", title="u", text="x"), 1.0, True, (new,), run)
    assert tuple(s.db.execute("SELECT change, marks FROM findings WHERE id=2").fetchone()) == ("count=19", '["19"]')
    rows, arts = s.digest_rows(s.open_digest(run))
    view = digest.build("S", 1, "2024-11-30T08:00:00Z", rows, arts, {}, [], {})
    # the finding recorded before the upgrade still shows, its new value marked
    assert [c["segments"] for c in view["changes"]][0] == [("More than 2,000", True), (" artists signed.", False)]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "m.db"
    Store(path).db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="schema version"):
        Store(path)


def record(s, n, run, keys=()):
    f = Finding(analyse(f"Claim number {n} about the leak."), "new")
    s.record_article(item(n), Article(url="u", title="t", text="x"), 1.0, True, (f,), run, repeats=((None, keys),))


def test_a_batch_commits_once_and_keeps_each_unit_whole(tmp_path):
    s = Store(tmp_path / "m.db")
    run = s.start_run()
    reader = sqlite3.connect(tmp_path / "m.db")
    with s.batch(seconds=3600):
        record(s, 1, run)
        with pytest.raises(ZeroDivisionError), s.tx():
            s.db.execute("INSERT INTO runs(started) VALUES ('half-done')")
            1 / 0
        record(s, 2, run)
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # not committed yet
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1  # the failed unit left nothing


def test_a_batch_commits_as_it_goes_and_a_failure_loses_only_the_open_part(tmp_path):
    s = Store(tmp_path / "m.db")
    run = s.start_run()
    reader = sqlite3.connect(tmp_path / "m.db")
    with s.batch(seconds=0):  # due at once: every unit is committed when it ends
        record(s, 1, run)
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    with pytest.raises(RuntimeError), s.batch(seconds=3600):
        record(s, 2, run)
        raise RuntimeError("killed")
    assert s.unseen([item(1), item(2)]) == [item(2)]  # redone next run, not lost, not doubled


def test_one_lookup_answers_hundreds_of_keys(tmp_path):
    s = Store(tmp_path / "m.db")
    run = s.start_run()
    record(s, 1, run, ("new:a:b", "new:c:d"))
    record(s, 2, run, ("new:c:d",))
    filler = tuple(f"new:x:{i}" for i in range(450))  # past the longest statement: two of them
    found = s.earlier((filler[:200] + ("new:c:d",), ("new:a:b", "new:c:d") + filler[200:], ()))
    assert [[r["claim"] for r in rows] for rows in found] == [
        ["Claim number 2 about the leak.", "Claim number 1 about the leak."],  # newest first on a tie
        ["Claim number 1 about the leak.", "Claim number 2 about the leak."],  # most keys shared first
        []]


def test_a_common_key_reads_only_its_newest_holders(tmp_path):
    from monitor.store import KEY_ROWS, _newest_holders

    s = Store(tmp_path / "m.db")
    run = s.start_run()
    for n in range(KEY_ROWS + 30):
        record(s, n, run, ("new:common:word", f"new:only:{n}"))
    rows = s.db.execute(_newest_holders(2), ("new:common:word", "new:only:3")).fetchall()
    common = sorted(fid for key, fid in rows if key == "new:common:word")
    assert len(common) == KEY_ROWS and common[0] == 31  # ids 31..230: the newest KEY_ROWS
    assert [fid for key, fid in rows if key == "new:only:3"] == [4]


def test_version_7_database_gets_its_articles_scheduled_for_rechecks(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    run = s.start_run()
    s.record_article(item(1), Article(url="https://ex.org/1", title="t", text="x"), 1.0, True, (), run)
    s.record_article(item(2), Article(url="https://ex.org/2", title="t", text="x", origin="summary"), 1.0, True,
                     (), run)  # no page to re-check
    s.record_article(item(3), Article(url="https://ex.org/3", title="t", text="x"), 0.0, False, (), run)  # off topic
    s.db.executescript(f"{RECHECK} PRAGMA user_version=7;")
    s.close()
    s = Store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = s.recheck_candidates("2000-01-01T00:00:00Z", run + 1)
    assert [(r["url"], r["etag"]) for r in rows] == [("https://ex.org/1", None)]
    assert s.latest_version(rows[0]["article_id"]) is None  # its first re-read becomes version 1
