"""The store's re-check tables: each article page's validators and schedule, its
versions, and the `revised` findings found between two versions. A mixin of Store (its
connection and transactions); a version and its findings go in one transaction, and
the findings go out through the digests like every other finding."""

from __future__ import annotations

import sqlite3
from typing import Callable

from .crashpoint import crash_point
from .models import PageVersion, Revision

TABLES = """
CREATE TABLE rechecks (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id), url TEXT NOT NULL,
    etag TEXT, modified TEXT, body_hash TEXT,
    entry_hash TEXT,  -- its feed entry's content and dates, to notice a change under the same guid
    first_read TEXT NOT NULL, changed TEXT NOT NULL, checked TEXT NOT NULL,
    asked TEXT,  -- when a changed feed entry asked for a re-read ahead of the schedule
    failures INTEGER NOT NULL DEFAULT 0, last_error TEXT
);
CREATE INDEX rechecks_read ON rechecks(first_read);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), n INTEGER NOT NULL,
    hash TEXT NOT NULL, fetched_at TEXT NOT NULL, title TEXT, text TEXT NOT NULL, run_id INTEGER,
    after TEXT,  -- the last check that still saw the version before: it changed between then and fetched_at
    UNIQUE (article_id, n)
);
CREATE TABLE revisions (
    finding_id INTEGER PRIMARY KEY REFERENCES findings(id), version_id INTEGER NOT NULL REFERENCES versions(id),
    kind TEXT NOT NULL, was TEXT, now TEXT
);
"""
# articles read before re-checks existed: checked from now on, their first re-read is version 1
BACKFILL = """INSERT INTO rechecks(article_id, url, first_read, changed, checked)
SELECT a.id, a.url, r.started, r.started, r.started FROM articles a JOIN runs r ON r.id = a.run_id
WHERE a.origin = 'page' AND a.relevant = 1 AND a.url LIKE 'http%'"""


class RecheckTables:
    """Times come in as the store's UTC stamps ("2024-11-29T10:00:00Z"), so tests can set the clock."""

    db: sqlite3.Connection
    tx: Callable
    _facts_json: Callable

    def _first_version(self, art_id: int, url: str, page: PageVersion, run_id: int, at: str) -> None:
        """Inside record_article's transaction: version 1 and the page's re-check row."""
        self.db.execute("INSERT INTO rechecks(article_id, url, etag, modified, body_hash, entry_hash, first_read, "
                        "changed, checked) VALUES (?,?,?,?,?,?,?,?,?)",
                        (art_id, url, page.etag, page.modified, page.body_hash, page.entry_hash, at, at, at))
        self._add_version(art_id, 1, page, run_id, at)

    def _add_version(self, art_id: int, n: int, page: PageVersion, run_id: int, at: str) -> int:
        return self.db.execute("INSERT INTO versions(article_id, n, hash, fetched_at, title, text, run_id, after) "
                               "VALUES (?,?,?,?,?,?,?,(SELECT checked FROM rechecks WHERE article_id=? AND ? > 1))",
                               (art_id, n, page.hash, at, page.title, page.text, run_id, art_id, n)).lastrowid

    def ask_rechecks(self, entries: dict[str, str], at: str) -> int:
        """Feed entries seen again (item key -> entry hash): a page whose entry changed is
        due at once. A page with no hash yet (read before hashes were kept) just gets one."""
        keys = list(entries)
        changed = 0
        with self.tx():
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self.db.execute(f"SELECT r.article_id, r.entry_hash, a.item_key FROM rechecks r JOIN articles a "
                                       f"ON a.id = r.article_id WHERE a.item_key IN ({','.join('?' * len(chunk))})",
                                       chunk).fetchall()
                for row in rows:
                    new = entries[row["item_key"]]
                    if row["entry_hash"] == new:
                        continue
                    asked = at if row["entry_hash"] is not None else None
                    changed += asked is not None
                    self.db.execute("UPDATE rechecks SET entry_hash=?, asked=coalesce(asked, ?) WHERE article_id=?",
                                    (new, asked, row["article_id"]))
        return changed

    def recheck_candidates(self, cutoff: str, run_id: int) -> list[sqlite3.Row]:
        """Pages read since cutoff, and older ones whose feed entry asked for a re-read;
        not those this run has just read."""
        return self.db.execute("SELECT * FROM rechecks WHERE (first_read >= ? OR asked IS NOT NULL) AND article_id "
                               "NOT IN (SELECT id FROM articles WHERE run_id = ?)", (cutoff, run_id)).fetchall()

    def recheck_seen(self, art_id: int, at: str, etag: str | None = None, modified: str | None = None,
                     body_hash: str | None = None, error: str | None = None) -> None:
        """Checked, and no new version: validators kept (a 304 sends none), or a failure counted."""
        with self.tx():
            if error is not None:
                self.db.execute("UPDATE rechecks SET checked=?, asked=NULL, failures=failures+1, last_error=? "
                                "WHERE article_id=?", (at, error[:1000], art_id))
                return
            self.db.execute("UPDATE rechecks SET checked=?, asked=NULL, failures=0, last_error=NULL, "
                            "etag=coalesce(?, etag), modified=coalesce(?, modified), body_hash=? WHERE article_id=?",
                            (at, etag, modified, body_hash, art_id))

    def latest_version(self, art_id: int) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM versions WHERE article_id=? ORDER BY n DESC LIMIT 1",
                               (art_id,)).fetchone()

    def record_version(self, art_id: int, run_id: int, page: PageVersion, changes: list[Revision], at: str) -> None:
        """A new version, its `revised` findings and the page's new validators: all or none."""
        with self.tx():
            n = self.db.execute("SELECT coalesce(max(n), 0) + 1 FROM versions WHERE article_id=?",
                                (art_id,)).fetchone()[0]
            version_id = self._add_version(art_id, n, page, run_id, at)
            crash_point("mid-version")
            for rev in changes:
                fid = self.db.execute(
                    "INSERT INTO findings(article_id, run_id, status, claim, score, baseline, old, new, reason) "
                    "VALUES (?,?,'revised',?,0,?,?,?,?)",
                    (art_id, run_id, rev.new or rev.old, self._facts_json(rev.baseline), rev.old, rev.new,
                     rev.reason)).lastrowid
                self.db.execute("INSERT INTO revisions(finding_id, version_id, kind, was, now) VALUES (?,?,?,?,?)",
                                (fid, version_id, rev.kind, rev.was, rev.now))
            self.db.execute("UPDATE rechecks SET checked=?, changed=?, asked=NULL, failures=0, last_error=NULL, "
                            "etag=?, modified=?, body_hash=? WHERE article_id=?",
                            (at, at, page.etag, page.modified, page.body_hash, art_id))

    def revisions_for(self, digest_id: int) -> list[sqlite3.Row]:
        """The `revised` findings of a digest with their version and article."""
        return self.db.execute(
            "SELECT f.id, f.claim, f.old, f.new, f.reason, f.baseline, rv.kind, rv.was, rv.now, v.n, "
            "v.fetched_at, v.after, v.title AS v_title, a.id AS a_id, a.url AS a_url, "
            "a.title AS a_title, a.site AS a_site FROM findings f JOIN revisions rv ON rv.finding_id = f.id "
            "JOIN versions v ON v.id = rv.version_id JOIN articles a ON a.id = f.article_id "
            "WHERE f.digest_id = ? ORDER BY a.id, v.n, f.id", (digest_id,)).fetchall()

    def versions_of(self, url: str, key: str) -> tuple[sqlite3.Row | None, list[sqlite3.Row]]:
        """The newest article read from url (its page or its feed link), or whose item has
        the key, and its versions, oldest first."""
        art = self.db.execute("SELECT a.* FROM articles a LEFT JOIN items i ON i.key = a.item_key "
                              "WHERE a.url = ? OR i.link = ? OR a.item_key = ? ORDER BY a.id DESC LIMIT 1",
                              (url, url, key)).fetchone()
        if art is None:
            return None, []
        return art, self.db.execute("SELECT * FROM versions WHERE article_id=? ORDER BY n", (art["id"],)).fetchall()
