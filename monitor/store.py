"""SQLite state: feed validators, seen items, articles, findings, runs and digests.

WAL mode, one writer (the run holding the lock), and every change is written in the
same transaction as what makes it known: an item is marked seen together with its
article and findings, and findings are assigned to a digest in one statement."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .crashpoint import crash_point
from .errors import StoreError
from .models import Article, BaselineFact, FeedItem, Finding, PageVersion
from .versionstore import BACKFILL, TABLES as RECHECK_TABLES, RecheckTables

LOOKUP_LIMIT = 8  # earlier findings returned per lookup, those sharing the most keys first
KEY_ROWS = 200  # newest findings read per key: a key shared by more than this is not a rare one
BATCH = 500  # SQL parameters per IN (...) list
LOOKUP_SIZES = (25, 100, 400)  # keys per lookup statement; shorter lists are padded to these

SCHEMA_VERSION = 8
SCHEMA = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY, etag TEXT, modified TEXT, last_status INTEGER,
    last_ok TEXT, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0,
    timeouts INTEGER NOT NULL DEFAULT 0  -- runs in a row it timed out: past a few, polled less often
);
CREATE TABLE items (
    key TEXT PRIMARY KEY, feed_url TEXT NOT NULL, link TEXT, title TEXT, summary TEXT,
    published TEXT, state TEXT NOT NULL,  -- read, offtopic, skipped, retry, failed, deferred
    error TEXT, attempts INTEGER NOT NULL DEFAULT 0, run_id INTEGER, seen_at TEXT NOT NULL
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, item_key TEXT UNIQUE REFERENCES items(key), url TEXT, title TEXT,
    site TEXT, author TEXT, published TEXT, origin TEXT, relevance REAL, relevant INTEGER,
    run_id INTEGER
);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), run_id INTEGER,
    status TEXT NOT NULL, claim TEXT NOT NULL, attribution TEXT, score REAL, baseline TEXT,
    old TEXT, new TEXT, reason TEXT, digest_id INTEGER REFERENCES digests(id),
    repeat_of INTEGER REFERENCES findings(id),  -- the first finding that said this
    tokens TEXT,  -- the claim's normalised words to compare later claims with
    change TEXT,  -- the state or value a change sets: its kind groups the reports of one fact
    marks TEXT  -- a JSON list: the words of the claim that carry the change
);
CREATE INDEX findings_pending ON findings(digest_id);
CREATE INDEX findings_article ON findings(article_id);
CREATE TABLE finding_keys (
    key TEXT NOT NULL, finding_id INTEGER NOT NULL REFERENCES findings(id), PRIMARY KEY (key, finding_id)
) WITHOUT ROWID;  -- the key index is the table: one b-tree to update per key, not two
CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, report TEXT);
CREATE TABLE pending (task TEXT PRIMARY KEY);  -- data work a migration leaves to the pipeline
CREATE TABLE digests (
    id INTEGER PRIMARY KEY, run_id INTEGER, created TEXT NOT NULL, subject TEXT, summary TEXT,
    html_path TEXT, text_path TEXT, message_id TEXT, material INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    failed TEXT  -- the SMTP server refused it for good (5xx): not offered again
);
CREATE TABLE feed_notices (  -- alert and recovery mails about failing feeds: monitor/health.py
    id INTEGER PRIMARY KEY, url TEXT NOT NULL, kind TEXT NOT NULL, run_id INTEGER NOT NULL,
    created TEXT NOT NULL, detail TEXT, sent_at TEXT, not_sent TEXT
);
""" + RECHECK_TABLES
# Each step takes the schema from version N to N+1.
MIGRATIONS = {
    1: """ALTER TABLE findings ADD COLUMN repeat_of INTEGER REFERENCES findings(id);
ALTER TABLE findings ADD COLUMN tokens TEXT;
CREATE TABLE finding_keys (key TEXT NOT NULL, finding_id INTEGER NOT NULL REFERENCES findings(id));
CREATE INDEX finding_keys_key ON finding_keys(key, finding_id);""",
    # new claims are keyed by other words now (repeats.new_keys): the pipeline re-keys them
    2: """CREATE TABLE pending (task TEXT PRIMARY KEY);
INSERT INTO pending VALUES ('rekey-new');
CREATE INDEX findings_article ON findings(article_id);
CREATE TABLE keys_v3 (
    key TEXT NOT NULL, finding_id INTEGER NOT NULL REFERENCES findings(id), PRIMARY KEY (key, finding_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO keys_v3 SELECT key, finding_id FROM finding_keys WHERE key NOT LIKE 'new:%';
DROP TABLE finding_keys;
ALTER TABLE keys_v3 RENAME TO finding_keys;""",
    3: "ALTER TABLE digests ADD COLUMN failed TEXT;",
    4: "ALTER TABLE feeds ADD COLUMN timeouts INTEGER NOT NULL DEFAULT 0;",
    5: """CREATE TABLE feed_notices (id INTEGER PRIMARY KEY, url TEXT NOT NULL, kind TEXT NOT NULL,
run_id INTEGER NOT NULL, created TEXT NOT NULL, detail TEXT, sent_at TEXT, not_sent TEXT);""",
    6: "ALTER TABLE findings ADD COLUMN change TEXT; ALTER TABLE findings ADD COLUMN marks TEXT;",
    7: RECHECK_TABLES + ";" + BACKFILL,  # re-checks and versions (issue 13)
}


def _check_file(path: Path) -> None:
    """Refuse, before SQLite writes to it, a state file that is not a sound SQLite database.
    An empty file SQLite would take for a new database. Soundness is SQLite's own
    quick_check, not the file's size: after a disk-full the main file is shorter than its
    header says while the WAL holds every row, and that database is intact."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        raise StoreError(f"{path}: the state database is empty (0 bytes); move it away to start afresh")
    with path.open("rb") as f:
        head = f.read(100)
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path}: not an SQLite database")
    # read-only: a read-write connection would checkpoint the WAL into a damaged file on close
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in db.execute("PRAGMA quick_check(3)")]
    except sqlite3.OperationalError:  # cannot read it (a full disk, no permission): not damage
        raise
    except sqlite3.DatabaseError as exc:  # "malformed", "not a database"
        problems = [str(exc)]
    finally:
        db.close()
    if problems != ["ok"]:
        found = " ".join("; ".join(problems).split())  # one line: SQLite's report has several
        raise StoreError(f"{path}: the state database is damaged (SQLite quick_check: {found[:300]}); "
                         "restore a backup or move it away to start afresh")


@lru_cache(maxsize=None)
def _newest_holders(n: int) -> str:
    """(key, finding id) for the newest KEY_ROWS holders of each of n keys: the id of the
    KEY_ROWS-th newest is found on the index first, then only ids from it on are read."""
    return (f"WITH wanted(k) AS (VALUES {','.join(['(?)'] * n)}) SELECT k, finding_id FROM wanted JOIN finding_keys "
            f"ON key = k AND finding_id >= coalesce((SELECT finding_id FROM finding_keys WHERE key = k "
            f"ORDER BY finding_id DESC LIMIT 1 OFFSET {KEY_ROWS - 1}), 0)")


_ADVICE = (
    ("full", "free space on its disk and run again (nothing is lost: this run's work is redone)"),
    ("readonly", "make the file and its folder writable by the user running the monitor"),
    ("locked", "another process holds it; try again when it is done"),
    ("malformed", "restore a backup or move it away to start afresh"),
)


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 2**20
    except OSError:
        return False


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store(RecheckTables):
    def __init__(self, path: Path):
        self.path = Path(path)
        self._commit_due: float | None = None  # set inside batch()
        try:
            _check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=5)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA temp_store = MEMORY")
            self.db.execute("PRAGMA foreign_keys = ON")
            # a checkpoint cut short by a full disk completes once there is room again
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.explain(exc, "cannot use the state database")) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version}, this monitor knows {SCHEMA_VERSION}")
        if version == 0:
            tables = self.db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: not a monitor database (has tables but no schema version)")
        with self.tx():
            steps = [SCHEMA] if version == 0 else [MIGRATIONS[v] for v in range(version, SCHEMA_VERSION)]
            for stmt in ";".join(steps).split(";"):
                if stmt.strip():
                    self.db.execute(stmt)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def tx(self):
        """One unit of work, all or none. Inside batch() it is a savepoint of the batch's
        transaction, committed with the others."""
        if self._commit_due is not None:
            self.db.execute("SAVEPOINT unit")
            try:
                yield self.db
            except BaseException as exc:
                if self.db.in_transaction:  # a full disk may have rolled it all back already
                    self.db.execute("ROLLBACK TO unit")
                    self.db.execute("RELEASE unit")
                self._reraise(exc)
            self.db.execute("RELEASE unit")
            if time.monotonic() >= self._commit_due:
                self._commit()
                self._begin()
                self._commit_due = time.monotonic() + self._batch_seconds
            return
        self._begin()
        try:
            yield self.db
        except BaseException as exc:
            self._rollback()
            self._reraise(exc)
        self._commit()

    @contextmanager
    def batch(self, seconds: float = 1.0):
        """Commit the units of work done inside at most once every `seconds`. Each commit
        rewrites every index page its inserts touched, so one per article wrote 344 MB of
        WAL for a 16 MB database on the benchmark. A crash loses at most the last
        `seconds` of work, all or none per unit, which the next run redoes (the items
        were not marked seen either)."""
        self._begin()
        self._batch_seconds, self._commit_due = seconds, time.monotonic() + seconds
        try:
            yield
        except BaseException:
            self._commit_due = None
            self._rollback()
            raise
        self._commit_due = None
        self._commit()

    def _begin(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:  # locked by another process, read-only, disk full
            raise StoreError(self.explain(exc)) from None

    def _commit(self) -> None:
        try:
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._rollback()
            raise StoreError(self.explain(exc)) from None

    def _rollback(self) -> None:
        """ROLLBACK unless SQLite has already rolled back (it does on a full disk): a second
        one would hide the real error behind "cannot rollback - no transaction is active"."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _reraise(self, exc: BaseException):
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(self.explain(exc)) from None
        raise exc

    def explain(self, exc: sqlite3.DatabaseError, doing: str = "cannot write the state database") -> str:
        """One line: the file, SQLite's reason and what to do about it."""
        text = str(exc)
        if "full" not in text and _disk_full(self.path.parent):  # SQLite may call it "disk I/O error"
            text += " (its disk is full)"
        for cue, advice in _ADVICE:
            if cue in text:
                return f"{self.path}: {doing}: {text}; {advice}"
        return f"{self.path}: {doing}: {text}"

    def close(self) -> None:
        self.db.close()

    # --- runs -------------------------------------------------------------------------
    def start_run(self) -> int:
        with self.tx():
            return self.db.execute("INSERT INTO runs(started) VALUES (?)", (now(),)).lastrowid

    def finish_run(self, run_id: int, report: dict) -> None:
        with self.tx():
            self.db.execute("UPDATE runs SET finished=?, report=? WHERE id=?", (now(), json.dumps(report), run_id))

    # --- feeds ------------------------------------------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, modified FROM feeds WHERE url=?", (url,)).fetchone()
        return (row["etag"], row["modified"]) if row else (None, None)

    def feed_ok(self, url: str, status: int, etag: str | None, modified: str | None) -> None:
        """A feed answered and its items are stored: keep its validators, clear its failures.
        A 304 keeps the validators it already has."""
        with self.tx():
            self.db.execute(
                "INSERT INTO feeds(url, etag, modified, last_status, last_ok, failures) VALUES (?,?,?,?,?,0) "
                "ON CONFLICT(url) DO UPDATE SET etag=coalesce(excluded.etag, etag), "
                "modified=coalesce(excluded.modified, modified), last_status=excluded.last_status, "
                "last_ok=excluded.last_ok, failures=0, timeouts=0, last_error=NULL",
                (url, etag, modified, status, now()),
            )

    def feed_failed(self, url: str, error: str, timed_out: bool = False) -> int:
        """Count a failure (and a timeout streak); validators and seen items stay as they
        were. Returns the failure streak."""
        with self.tx():
            self.db.execute(
                "INSERT INTO feeds(url, last_error, failures, timeouts) VALUES (?,?,1,?) "
                "ON CONFLICT(url) DO UPDATE SET last_error=excluded.last_error, failures=failures+1, "
                "timeouts=CASE WHEN excluded.timeouts THEN timeouts+1 ELSE 0 END",
                (url, error[:1000], int(timed_out)),
            )
            return self.db.execute("SELECT failures FROM feeds WHERE url=?", (url,)).fetchone()[0]

    def timeouts(self, url: str) -> int:
        """Runs in a row the feed has timed out."""
        row = self.db.execute("SELECT timeouts FROM feeds WHERE url=?", (url,)).fetchone()
        return row[0] if row else 0

    # --- items ------------------------------------------------------------------------
    def unseen(self, items: list[FeedItem]) -> list[FeedItem]:
        """Items never stored before (items waiting for a retry are handed out by retry_items)."""
        keys = [i.key for i in items]
        seen = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            seen.update(r[0] for r in self.db.execute(f"SELECT key FROM items WHERE key IN ({marks})", chunk))
        return [i for i in items if i.key not in seen]

    def items_in(self, states: tuple[str, ...], limit: int) -> list[sqlite3.Row]:
        """The newest items left in these states, for `monitor items`."""
        return self.db.execute(f"SELECT * FROM items WHERE state IN ({','.join('?' * len(states))}) "
                               "ORDER BY seen_at DESC, rowid DESC LIMIT ?", (*states, limit)).fetchall()

    def retry_items(self) -> list[FeedItem]:
        rows = self.db.execute("SELECT * FROM items WHERE state IN ('retry', 'deferred') ORDER BY seen_at, rowid").fetchall()
        return [FeedItem(key=r["key"], feed_url=r["feed_url"], link=r["link"] or "", title=r["title"] or "",
                         summary=r["summary"] or "", published=r["published"]) for r in rows]

    def attempts(self, key: str) -> int:
        row = self.db.execute("SELECT attempts FROM items WHERE key=?", (key,)).fetchone()
        return row[0] if row else 0

    def mark_item(self, item: FeedItem, state: str, run_id: int, error: str | None = None) -> None:
        """Record an item that yields no article (off topic, failed for good, or to retry)."""
        with self.tx():
            self._upsert_item(item, state, run_id, error)

    def _upsert_item(self, item: FeedItem, state: str, run_id: int, error: str | None) -> None:
        self.db.execute(
            "INSERT INTO items(key, feed_url, link, title, summary, published, state, error, attempts, run_id, seen_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET state=excluded.state, "
            "error=excluded.error, attempts=attempts+excluded.attempts, run_id=excluded.run_id",
            (item.key, item.feed_url, item.link, item.title, item.summary[:20000], item.published, state,
             error, 1 if state in ("retry", "failed") else 0, run_id, now()),
        )

    def earlier(self, keysets: tuple[tuple[str, ...], ...]) -> list[list[sqlite3.Row]]:
        """For each set of keys, the earlier findings sharing the most of them, best first.
        All sets are looked up together on the key index, reading at most KEY_ROWS holders
        per key: the cost does not grow with the history."""
        wanted = sorted({k for ks in keysets for k in ks})
        holders: dict[str, list[int]] = {}
        for i in range(0, len(wanted), LOOKUP_SIZES[-1]):  # a bounded index walk per key, however common it is
            chunk = wanted[i:i + LOOKUP_SIZES[-1]]
            size = next(n for n in LOOKUP_SIZES if n >= len(chunk))  # few statement shapes: each is compiled once
            for key, fid in self.db.execute(_newest_holders(size), chunk + [""] * (size - len(chunk))):
                holders.setdefault(key, []).append(fid)
        picks = []
        for ks in keysets:
            shared = Counter(fid for k in ks for fid in holders.get(k, ()))
            picks.append(sorted(shared, key=lambda fid: (-shared[fid], -fid))[:LOOKUP_LIMIT])
        ids = sorted({fid for p in picks for fid in p})
        rows = {}
        for i in range(0, len(ids), BATCH):
            chunk = ids[i:i + BATCH]
            rows.update((r["id"], r) for r in self.db.execute(
                f"SELECT id, repeat_of AS root, status, claim, tokens FROM findings WHERE id IN "
                f"({','.join('?' * len(chunk))})", chunk))
        return [[rows[fid] for fid in p] for p in picks]

    def rekey(self, new_keys: Callable[[tuple[str, ...]], tuple[str, ...]]) -> int:
        """Once, after the v3 migration: new claims' lookup keys recomputed from their stored
        words, so a claim reported before the upgrade is still known as reported."""
        if not self.db.execute("SELECT 1 FROM pending WHERE task='rekey-new'").fetchone():
            return 0  # checked before taking the write lock: `monitor check` may run beside a run
        with self.tx():
            rows = self.db.execute("SELECT id, tokens FROM findings WHERE status='new' AND tokens IS NOT NULL").fetchall()
            self.db.execute("DELETE FROM finding_keys WHERE key LIKE 'new:%'")
            self.db.executemany("INSERT INTO finding_keys(key, finding_id) VALUES (?,?)",
                                [(k, r["id"]) for r in rows for k in new_keys(tuple(r["tokens"].split()))])
            self.db.execute("DELETE FROM pending WHERE task='rekey-new'")
            return len(rows)

    def reported(self, finding_id: int) -> sqlite3.Row | None:
        """The digest that carried a finding, if one has been written."""
        return self.db.execute("SELECT d.id, d.created, d.sent_at FROM findings f JOIN digests d "
                               "ON d.id=f.digest_id WHERE f.id=?", (finding_id,)).fetchone()

    def record_article(self, item: FeedItem, article: Article, relevance: float, relevant: bool,
                       findings: tuple[Finding, ...], run_id: int, error: str | None = None,
                       repeats: tuple[tuple[int | None, tuple[str, ...]], ...] = (),
                       page: PageVersion | None = None) -> int:
        """Item seen, article and its findings: one transaction, so a crash leaves all or none.
        repeats, one per finding: (the earlier finding it repeats, its lookup keys); page:
        the page's first version, when it is to be re-checked."""
        with self.tx():
            self._upsert_item(item, "read" if relevant else "offtopic", run_id, error)
            art_id = self.db.execute(
                "INSERT INTO articles(item_key, url, title, site, author, published, origin, relevance, relevant, run_id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (item.key, article.url or item.link, article.title or item.title, article.site, article.author,
                 article.published or item.published, article.origin, relevance, int(relevant), run_id),
            ).lastrowid
            crash_point("mid-store")
            repeats = repeats or tuple((None, ()) for _ in findings)
            # ids given here, so that all findings go in one statement (the write lock is held)
            first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM findings").fetchone()[0]
            self.db.executemany(
                "INSERT INTO findings(id, article_id, run_id, status, claim, attribution, score, baseline, old, new, "
                "reason, repeat_of, tokens, change, marks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(first + n, art_id, run_id, f.status, f.claim.text, f.claim.attribution, round(f.score, 3),
                  self._facts_json(f.baseline),
                  f.old, f.new, f.reason, root, " ".join(f.claim.tokens), f.change or None,
                  json.dumps(f.marks, ensure_ascii=False) if f.marks else None)
                 for n, (f, (root, _)) in enumerate(zip(findings, repeats, strict=True))])
            self.db.executemany("INSERT INTO finding_keys(key, finding_id) VALUES (?,?)",
                                [(k, first + n) for n, (_, keys) in enumerate(repeats) for k in keys])
            if page is not None:
                self._first_version(art_id, article.url or item.link, page, run_id, now())
            return art_id

    @staticmethod
    def _facts_json(facts: tuple[BaselineFact, ...]) -> str:
        return json.dumps([{"fact": b.fact_id, "sources": [{"id": i, "text": t} for i, t in b.sources]}
                           for b in facts], ensure_ascii=False)

    # --- digests ----------------------------------------------------------------------
    def open_digest(self, run_id: int, problems: bool = False) -> int | None:
        """Assign every pending finding to a new digest. None when there is nothing to say:
        no pending finding, no article read and (problems=False) nothing failed."""
        with self.tx():
            pending = self.db.execute("SELECT count(*), sum(status != 'corroborated' AND repeat_of IS NULL) "
                                      "FROM findings WHERE digest_id IS NULL").fetchone()
            new_articles = self.db.execute("SELECT count(*) FROM articles WHERE run_id=?", (run_id,)).fetchone()[0]
            if not pending[0] and not new_articles and not problems:
                return None
            digest_id = self.db.execute("INSERT INTO digests(run_id, created, material) VALUES (?,?,?)",
                                        (run_id, now(), int(bool(pending[1])))).lastrowid
            self.db.execute("UPDATE findings SET digest_id=? WHERE digest_id IS NULL", (digest_id,))
            return digest_id

    def digest(self, digest_id: int) -> sqlite3.Row:
        return self.db.execute("SELECT * FROM digests WHERE id=?", (digest_id,)).fetchone()

    def digest_rows(self, digest_id: int) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
        """(findings joined with their article, articles read in the digest's run)."""
        findings = self.db.execute(
            "SELECT f.*, a.url AS a_url, a.title AS a_title, a.site AS a_site, a.published AS a_published, "
            "a.origin AS a_origin, a.id AS a_id, r.claim AS r_claim, r.status AS r_status, "
            "r.digest_id AS r_digest, rd.created AS r_created FROM findings f JOIN articles a ON a.id=f.article_id "
            "LEFT JOIN findings r ON r.id=f.repeat_of LEFT JOIN digests rd ON rd.id=r.digest_id "
            "WHERE f.digest_id=? ORDER BY a.id, f.id", (digest_id,)).fetchall()
        run_id = self.db.execute("SELECT run_id FROM digests WHERE id=?", (digest_id,)).fetchone()[0]
        arts = self.db.execute(
            "SELECT a.*, (SELECT count(*) FROM findings f WHERE f.article_id=a.id) AS n_claims FROM articles a "
            "WHERE a.run_id=? OR a.id IN (SELECT article_id FROM findings WHERE digest_id=? AND status != 'revised') "
            "ORDER BY a.id",
            (run_id, digest_id)).fetchall()
        return findings, arts

    def left_out(self, run_id: int) -> list[sqlite3.Row]:
        """Items a run left out by their feed title and summary, without reading them."""
        return self.db.execute("SELECT link, title, feed_url FROM items WHERE run_id=? AND state='skipped' "
                               "ORDER BY rowid", (run_id,)).fetchall()

    def story_rows(self, recent_digests: int = 5) -> list[sqlite3.Row]:
        """For the story page: every change ever reported (repeats too: each is a source), and
        the new claims first reported in the last few digests, with their articles."""
        return self.db.execute(
            "SELECT f.*, a.url AS a_url, a.title AS a_title, a.site AS a_site, a.published AS a_published, "
            "a.origin AS a_origin, a.id AS a_id FROM findings f JOIN articles a ON a.id=f.article_id "
            "WHERE f.digest_id IS NOT NULL AND (f.status IN ('updated', 'contradicted') OR f.status='new' "
            "AND f.repeat_of IS NULL AND f.digest_id IN (SELECT id FROM digests ORDER BY id DESC LIMIT ?)) "
            "ORDER BY a.id, f.id", (recent_digests,)).fetchall()

    def digest_done(self, digest_id: int, subject: str, summary: str, html_path: str, text_path: str,
                    message_id: str) -> None:
        with self.tx():
            self.db.execute("UPDATE digests SET subject=?, summary=?, html_path=?, text_path=?, message_id=? "
                            "WHERE id=?", (subject, summary, html_path, text_path, message_id, digest_id))

    def mark_sent(self, digest_id: int) -> None:
        with self.tx():
            self.db.execute("UPDATE digests SET sent_at=? WHERE id=? AND sent_at IS NULL", (now(), digest_id))

    def mark_failed(self, digest_id: int, reason: str) -> None:
        """Refused for good: its findings stay with it (in its files), later digests go on."""
        with self.tx():
            self.db.execute("UPDATE digests SET failed=? WHERE id=? AND sent_at IS NULL", (reason[:1000], digest_id))

    def unwritten_digests(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM digests WHERE html_path IS NULL ORDER BY id").fetchall()

    def unsent_digests(self) -> list[sqlite3.Row]:
        """Written digests not yet delivered nor refused for good, oldest first."""
        return self.db.execute("SELECT * FROM digests WHERE sent_at IS NULL AND failed IS NULL "
                               "AND html_path IS NOT NULL ORDER BY id").fetchall()

    def digests(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM digests WHERE html_path IS NOT NULL ORDER BY id DESC").fetchall()
