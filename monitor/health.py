"""Feed health: each configured feed's last success, failure streak, last error and items
seen, and the mails that say a feed is down or back.

A feed that has failed `[email] alert_after` runs in a row gets one alert; when it answers
again, one recovery notice. Both are rows of `feed_notices`, recorded from the feeds'
state (so a run killed halfway records them on the next run, never twice), and mailed
like a digest: marked sent only after the SMTP server's 250, with a Message-ID made from
the run that recorded them, so a resend after a crash is the same message."""

from __future__ import annotations

import logging
from collections import defaultdict

from . import delivery
from .config import Settings
from .errors import Rejected
from .store import Store, now

logger = logging.getLogger(__name__)


def feeds(settings: Settings, store: Store) -> list[dict]:
    """The configured feeds in config order, each with its health."""
    state = {r["url"]: r for r in store.db.execute("SELECT url, last_ok, failures, last_error FROM feeds")}
    seen = dict(store.db.execute("SELECT feed_url, count(*) FROM items GROUP BY feed_url").fetchall())
    alerting = _alerting(store)
    out = []
    for src in settings.feeds:
        row = state.get(src.url)
        out.append({"name": src.name, "url": src.url, "last_ok": row["last_ok"] if row else None,
                    "failures": row["failures"] if row else 0, "last_error": row["last_error"] if row else None,
                    "items_seen": seen.get(src.url, 0), "alerting": src.url in alerting})
    return out


def failing(settings: Settings, store: Store) -> list[dict]:
    """The configured feeds whose last poll failed."""
    return [f for f in feeds(settings, store) if f["failures"]]


def _alerting(store: Store) -> set[str]:
    """Feeds whose latest notice is an alert: down, and already said so."""
    return {r[0] for r in store.db.execute(
        "SELECT url FROM feed_notices n WHERE kind='alert' AND id=(SELECT max(id) FROM feed_notices WHERE url=n.url)")}


def record_notices(settings: Settings, store: Store, run_id: int) -> int:
    """Record an alert for each feed failing alert_after runs in a row with none open, and a
    recovery for each with an open alert that answers again; all in one transaction."""
    after = int(settings.email["alert_after"])
    notices = []
    for f in feeds(settings, store):
        if f["failures"] >= after and not f["alerting"]:
            notices.append((f["url"], "alert", f"{f['failures']} runs in a row: {f['last_error']}"))
            logger.error("feed %s has failed %d runs in a row: %s", f["name"], f["failures"], f["last_error"])
        elif f["alerting"] and not f["failures"]:
            notices.append((f["url"], "recovery", f"answered again at {f['last_ok']}"))
            logger.warning("feed %s answers again", f["name"])
    if notices:
        with store.tx():
            store.db.executemany("INSERT INTO feed_notices(url, kind, run_id, created, detail) VALUES (?,?,?,?,?)",
                                 [(url, kind, run_id, now(), detail) for url, kind, detail in notices])
    return len(notices)


def deliver(settings: Settings, store: Store, send) -> int:
    """Mail the notices not yet sent, one message per run that recorded them; returns how
    many messages went out. DeliveryError (SMTP down) leaves them for the next run."""
    rows = store.db.execute("SELECT * FROM feed_notices WHERE sent_at IS NULL AND not_sent IS NULL "
                            "ORDER BY run_id, id").fetchall()
    if not rows:
        return 0
    if not settings.email["enabled"] or send is None:
        _close(store, [r["id"] for r in rows], not_sent="email is off")  # the log and `monitor feeds` say it
        return 0
    by_run = defaultdict(list)
    for r in rows:
        by_run[r["run_id"]].append(r)
    sent = 0
    for run_id, notices in by_run.items():
        subject, text = _compose(settings, notices)
        msg = delivery.text_message(settings.email, subject, text,
                                    delivery.message_id(run_id, notices[0]["created"], "feeds"))
        try:
            send(settings.email, msg)
        except Rejected as exc:  # this message, for good: the log line is the alert then
            logger.error("the feed alert of run %d will not be mailed: %s", run_id, exc)
            _close(store, [n["id"] for n in notices], not_sent=str(exc)[:500])
            continue
        _close(store, [n["id"] for n in notices])
        sent += 1
    return sent


def _close(store: Store, ids: list[int], not_sent: str | None = None) -> None:
    marks = ",".join("?" * len(ids))
    with store.tx():
        if not_sent:
            store.db.execute(f"UPDATE feed_notices SET not_sent=? WHERE id IN ({marks})", [not_sent, *ids])
        else:
            store.db.execute(f"UPDATE feed_notices SET sent_at=? WHERE id IN ({marks})", [now(), *ids])


def _compose(settings: Settings, notices: list) -> tuple[str, str]:
    names = {s.url: s.name for s in settings.feeds}
    down = [n for n in notices if n["kind"] == "alert"]
    back = [n for n in notices if n["kind"] == "recovery"]
    parts = ([f"{len(down)} source(s) failing"] if down else []) + ([f"{len(back)} back"] if back else [])
    lines = [f"Failing: {names.get(n['url'], n['url'])} ({n['url']})\n  {n['detail']}" for n in down]
    lines += [f"Back: {names.get(n['url'], n['url'])} ({n['url']})\n  {n['detail']}" for n in back]
    lines.append("\n`monitor feeds` lists every feed with its health; a failing feed is in each digest too.")
    return f"{settings.story}: {', '.join(parts)}", "\n".join(lines) + "\n"
