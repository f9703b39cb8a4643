"""Re-checks: earlier articles' pages fetched again on a schedule that slows as they age,
within a per-run budget, oldest-due first; a changed text becomes a new version and its
changed claims become `revised` findings.

Each fetch is a conditional GET with the page's own validators, so an unchanged page
costs a 304; a 200 with the same bytes is not extracted again, and a new text that
differs only in boring parts (versions.fingerprint) is no new version. A failed fetch or
extraction is never a change: the version and the validators stay as they were."""

from __future__ import annotations

import logging
import re
import time
from datetime import datetime
from typing import Callable

from .errors import MonitorError
from .models import Article

logger = logging.getLogger(__name__)

STAMP = "%Y-%m-%dT%H:%M:%SZ"  # the store's UTC time stamps
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_STEP = re.compile(r"^\s*(\d+)\s*([smhdw])(?:\s+until\s+(\d+)\s*([smhdw]))?\s*$")


def parse_schedule(steps: list[str]) -> tuple[tuple[float | None, float], ...]:
    """["15m until 3h", "1h until 1d", "7d"] -> ((10800, 900), (86400, 3600), (None, 604800)):
    under each age, every so often; the last step, without "until", holds for any older
    age. ValueError naming the step that is wrong."""
    out: list[tuple[float | None, float]] = []
    for n, step in enumerate(steps):
        m = _STEP.match(step)
        if not m:
            raise ValueError(f"step {step!r} is not 'EVERY until AGE' or 'EVERY' (numbers with s, m, h, d or w)")
        every = int(m[1]) * UNITS[m[2]]
        until = int(m[3]) * UNITS[m[4]] if m[3] else None
        last = n == len(steps) - 1
        if (until is None) != last:
            raise ValueError(f"step {step!r}: only the last step, and it always, has no 'until'")
        if until is not None and out and until <= out[-1][0]:
            raise ValueError(f"step {step!r}: each 'until' must be later than the one before")
        out.append((until, every))
    if not out:
        raise ValueError("it needs at least one step")
    return tuple(out)


def interval(schedule, age: float) -> float:
    """Seconds between checks of a page whose text last changed `age` seconds ago."""
    return next(every for until, every in schedule if until is None or age < until)


def seconds(stamp: str) -> float:
    """A store time stamp ("2024-11-29T10:00:00Z") as epoch seconds (fromisoformat: 20x strptime's speed)."""
    return datetime.fromisoformat(stamp).timestamp()


def due_at(row, schedule) -> float:
    """When a page is next due: its last check plus the interval for its age at that
    check (age since its text last changed), or at once when its feed entry changed."""
    checked = seconds(row["checked"])
    due = checked + interval(schedule, checked - seconds(row["changed"]))
    return min(due, seconds(row["asked"])) if row["asked"] else due


def pick(rows, now: float, schedule, budget: int) -> list:
    """The pages due at `now`, oldest-due first, at most `budget` of them."""
    due = sorted(((due_at(r, schedule), r["article_id"], r) for r in rows), key=lambda d: d[:2])
    return [r for at, _, r in due if at <= now][:budget]


def run(settings, fetch: Callable, store, pool, extract: Callable, baseline: Callable, report, budget_ends: float,
        progress: Callable[[str], None]) -> None:
    """Re-check the pages due now: fetch them concurrently on `pool`, record in order.
    extract(body, url) -> (Article, ArticleResult) in the extraction workers; baseline()
    gives the Baseline, built only when a page changed."""
    from . import versions  # here: config imports this module, and `monitor --help` needs none of it
    from .crashpoint import crash_point

    opts = settings.recheck
    if not opts["max_days"] or not opts["budget"]:
        return  # re-checks turned off
    now = time.time()
    cutoff = time.strftime(STAMP, time.gmtime(now - float(opts["max_days"]) * 86400))
    due = pick(store.recheck_candidates(cutoff, report.run_id), now, opts["schedule"], int(opts["budget"]))
    if not due:
        return
    progress(f"re-checking {len(due)} articles")

    def check(row):
        if time.monotonic() >= budget_ends:
            return None  # the run budget is spent: it stays due for the next run
        try:
            res = fetch(row["url"], row["etag"], row["modified"])
            if res.status == 304:
                return "same", (res.etag, res.last_modified, row["body_hash"])
            raw = versions.body_hash(res.body)
            if raw == row["body_hash"]:
                return "same", (res.etag, res.last_modified, raw)
            article, result = extract(res.body, res.url)
            return "page", (res.etag, res.last_modified, raw, article, result)
        except MonitorError as exc:
            return "failed", str(exc)

    left = 0
    with store.batch():
        for row, outcome in zip(due, pool.map(check, due)):
            crash_point("after-recheck-fetch")
            if outcome is None:
                left += 1
                continue
            report.rechecked += 1
            kind, value = outcome
            at = time.strftime(STAMP, time.gmtime())
            if kind == "failed":
                logger.warning("re-check of %s failed: %s", row["url"], value)
                store.recheck_seen(row["article_id"], at, error=value)
            elif kind == "same":
                store.recheck_seen(row["article_id"], at, *value)
            else:
                _record(settings, store, row, value, baseline, report, at)
    if left:
        logger.warning("%d re-check(s) left for the next run: fetch.run_budget used up", left)


def _record(settings, store, row, value, baseline, report, at: str) -> None:
    """A page that came back with other bytes: a new version if its text changed in more
    than boring parts, with a `revised` finding per change in its title and claims."""
    from . import versions
    from .compare import compare_article
    from .entities import topic_terms

    etag, modified, raw, article, result = value
    page = versions.page_version(article, etag, modified, raw)
    last = store.latest_version(row["article_id"])
    if last is not None and last["hash"] == page.hash:
        store.recheck_seen(row["article_id"], at, etag, modified, raw)
        return
    changes = []
    if last is not None:
        before = Article(url=row["url"], title=last["title"] or "", text=last["text"])
        changes = versions.revisions(compare_article(before, baseline(), settings.topic), result,
                                     topic_terms(settings.topic))
    store.record_version(row["article_id"], report.run_id, page, changes, at)
    if changes:
        report.revised += 1
        report.findings["revised"] = report.findings.get("revised", 0) + len(changes)
