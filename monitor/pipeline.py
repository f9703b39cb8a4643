"""One pass of the monitor: feeds -> items -> articles -> findings -> digest -> delivery.

I/O comes in as parameters (fetch, store, send), so tests hand in real loopback servers
and real SQLite files instead of patching. Each feed and each item fails on its own: the
failure is recorded and shown in the digest, and the rest of the run goes on."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

from . import articles, delivery, digest, feeds, health, recheck, revised, snapshots, story_page, versions
from .config import Settings
from .crashpoint import crash_point
from .errors import (BlockedURL, DeliveryError, ExtractError, FetchError, HTTPStatus, MonitorError, ParseError,
                     Rejected, Timeout)
from .messages import plain
from .models import FeedItem, RunReport
from .store import Store, now

logger = logging.getLogger(__name__)
MAX_PAGE_ATTEMPTS = 3  # a page that fails this many runs in a row is read from the feed summary
READ_AHEAD = 8  # pages read ahead of the one being recorded, per fetch worker


def run_once(settings: Settings, *, fetch: Callable, store: Store, send: Callable | None = None,
             progress: Callable[[str], None] = lambda msg: None) -> RunReport:
    report = RunReport(run_id=store.start_run())
    budget_ends = time.monotonic() + float(settings.fetch["run_budget"])  # no page fetch starts after this
    item_errors: list[tuple[str, str]] = []
    baseline_snapshots = cache(lambda: snapshots.load(settings.snapshots_dir))  # read once, only if needed
    baseline = cache(lambda: _baseline(settings, baseline_snapshots()))
    started = []  # the extraction pool: started by the first new item, so its workers load
    #               trafilatura while the other feeds come in; never by a run with nothing new
    starting = threading.Lock()  # re-checks ask for it from several fetch threads at once

    def extractors():
        with starting:
            if not started:
                started.append(_extract_pool(settings, baseline_snapshots()))
        return started[0]

    workers = int(settings.fetch["workers"])
    # feeds are parsed in a process of their own, under the extraction limits
    parser = feeds.ParseWorker(float(settings.fetch["extract_timeout"]), int(settings.fetch["extract_memory_mb"]))
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            progress(f"polling {len(settings.feeds)} feeds")
            try:
                work, answered = _poll(settings, fetch, store, pool, report, extractors, parser.parse)
            finally:
                parser.close()
            work += [i for i in store.retry_items() if i.key not in {w.key for w in work}]
            crash_point("after-fetch")
            if work:
                progress(f"reading {len(work)} articles")
                _read(settings, fetch, store, pool, work, report, item_errors, progress, baseline(),
                      extractors(), budget_ends)
            recheck.run(settings, fetch, store, pool, lambda body, url: extractors().extract(body, url),
                        baseline, report, budget_ends, progress)
    finally:
        for extraction_pool in started:
            extraction_pool.close()
    crash_point("after-store")
    for url, status, etag, modified in answered:  # only now: a crash above re-reads these feeds
        store.feed_ok(url, status, etag, modified)
    health.record_notices(settings, store, report.run_id)
    failing = health.failing(settings, store)
    try:
        _deliver(settings, store, report, {**asdict(report), "item_errors": item_errors,
                                           "sources": len(settings.feeds), "sources_failing": len(failing)},
                 send, baseline_snapshots, baseline, failing)
        health.deliver(settings, store, send)
    finally:
        store.finish_run(report.run_id, {**asdict(report), "item_errors": item_errors})
    return report


def _poll(settings, fetch, store, pool, report, on_new_item, parse):
    """Fetch every feed (conditional GET, concurrently); return unseen on-topic items."""
    jobs = []
    for src in settings.feeds:
        streak = store.timeouts(src.url)
        if _backing_off(streak, int(settings.fetch["backoff_after"]), report.run_id):
            logger.warning("feed %s timed out %d runs in a row: polled less often, not this run", src.name, streak)
            continue
        jobs.append((src, pool.submit(fetch, src.url, *store.validators(src.url))))
    work: list[FeedItem] = []
    answered = []
    keys: set[str] = set()
    for src, fut in jobs:  # in feed order, not as they come in: an item two feeds share goes to the first
        report.feeds_polled += 1
        try:
            res = fut.result()
            if res.status == 304:
                report.feeds_unchanged += 1
                answered.append((src.url, 304, None, None))
                continue
            items = parse(res.body, src.url, res.headers, res.url)
        except MonitorError as exc:
            cause = plain(exc)
            streak = store.feed_failed(src.url, cause, timed_out=isinstance(exc, Timeout))
            report.feeds_failed += 1
            report.errors.append((src.url, cause))
            logger.warning("feed %s: %s (failing %d run%s in a row)", src.name, cause, streak, "s"[:streak != 1])
            logger.info("feed %s <%s>: %s: %s", src.name, src.url, type(exc).__name__, exc)
            continue
        report.items_seen += len(items)
        store.ask_rechecks({i.key: versions.entry_hash(i) for i in items}, now())
        fresh = [i for i in store.unseen(items) if i.key not in keys]
        keys.update(i.key for i in fresh)
        for item in fresh:
            if feeds.is_candidate(item, settings.topic["item_terms"]):
                work.append(item)
                on_new_item()
            else:
                report.items_offtopic += 1
                store.mark_item(item, "skipped", report.run_id)
        report.items_new += len(fresh)
        answered.append((src.url, res.status, res.etag, res.last_modified))
    return work, answered


def _backing_off(timeouts: int, after: int, run_id: int) -> bool:
    """A feed that timed out `after` runs in a row is polled every 2nd run, then every 4th,
    up to every 32nd: a dead host does not cost a deadline on every run."""
    return timeouts >= after and run_id % 2 ** min(timeouts - after + 1, 5) != 0


def read_item(item: FeedItem, fetch: Callable, attempts: int, extract: Callable):
    """(article, result, error, retry, page): the page's article and its comparison (from
    extract), or the feed summary (result None) when the page cannot give one; retry=True
    when a passing network failure should be tried again next run; page: the page's
    (etag, last-modified, hash of its bytes) for re-checking it, None without a page. An
    item with no link is read from its summary: nothing to fetch is no error."""
    if not item.link:
        try:
            return articles.from_summary(item), None, None, False, None
        except ParseError as exc:
            return None, None, plain(exc), False, None
    try:
        res = fetch(item.link)
        article, result = extract(res.body, res.url, item)
        return article, result, None, False, (res.etag, res.last_modified, versions.body_hash(res.body))
    except (BlockedURL, ExtractError) as exc:
        error = _item_error(item, exc)
    except FetchError as exc:
        error = _item_error(item, exc)
        permanent = isinstance(exc, HTTPStatus) and exc.status < 500 and exc.status != 429
        if not permanent and attempts + 1 < MAX_PAGE_ATTEMPTS:
            return None, None, error, True, None
    try:
        return articles.from_summary(item), None, f"{error}; read from its feed summary", False, None
    except ParseError:
        return None, None, f"{error}; its feed item has no summary either", False, None


def _item_error(item: FeedItem, exc: MonitorError) -> str:
    """The plain cause, which the digest lists with the item and its feed; the -v log adds
    the detail (not a WARNING each: a run may meet thousands)."""
    cause = plain(exc)
    logger.info("item %r <%s>: %s (%s: %s)", item.title[:80], item.link[:300], cause, type(exc).__name__, exc)
    return cause


def _extract_pool(settings: Settings, snaps: list[dict]):
    from .extractor import ExtractPool  # only a run with new items pays for this

    opts = settings.fetch
    return ExtractPool(int(opts["extract_workers"]) or os.cpu_count() or 1, float(opts["extract_timeout"]),
                       int(opts["extract_memory_mb"]), snaps, settings.topic,
                       bool(opts["extract_fallbacks"]))


def _baseline(settings: Settings, snaps: list[dict]):
    from .compare import Baseline  # only a run with new or changed articles pays for this

    return Baseline(snaps, settings.topic)


def _read(settings, fetch, store, pool, work, report, item_errors, progress, baseline, extractors, budget_ends):
    from .repeats import new_keys  # only a run with new items pays for this

    store.rekey(lambda toks: new_keys(toks, baseline))  # after an upgrade that changed the keys

    def read_in_budget(item, attempts):
        if time.monotonic() >= budget_ends:
            return None  # the run budget is spent: no new fetch starts, the item waits for the next run
        return read_item(item, fetch, attempts, extractors.extract)

    pages = _in_order(lambda item: pool.submit(read_in_budget, item, store.attempts(item.key)),
                      work, READ_AHEAD * int(settings.fetch["workers"]))
    with store.batch():
        deferred = _record(settings, store, pages, baseline, report, item_errors, progress, len(work))
    if deferred:
        message = (f"{deferred} item(s) left for the next run: fetch.run_budget of "
                   f"{float(settings.fetch['run_budget']):g}s used up")
        logger.warning("%s", message)
        report.errors.append(("run budget", message))


def _in_order(submit: Callable, items: list, ahead: int) -> Iterator:
    """(item, the result of the future submit(item) returns) in the items' order, at most `ahead`
    submitted beyond the one being handed out: pages are read concurrently but recorded in
    feed and item order, so identical inputs give identical findings and digests, and a slow
    page holds back at most `ahead` results in memory."""
    queue: deque = deque()
    rest = iter(items)
    for item in islice(rest, ahead):
        queue.append((item, submit(item)))
    while queue:
        item, fut = queue.popleft()
        for nxt in islice(rest, 1):
            queue.append((nxt, submit(nxt)))
        yield item, fut.result()


def _record(settings, store, pages, baseline, report, item_errors, progress, total):
    """Compare and store each article, in feed and item order; returns how many items were
    left for the next run (never fetched: the run budget was spent)."""
    from .compare import compare_article
    from .repeats import check

    names = {s.url: s.name for s in settings.feeds}
    deferred = 0
    for n, (item, page) in enumerate(pages, 1):
        if page is None:
            store.mark_item(item, "deferred", report.run_id)  # no attempt counted: it was not tried
            deferred += 1
            continue
        article, result, error, retry, validators = page
        if error:
            where = f'"{item.title[:100]}" in feed {names.get(item.feed_url, item.feed_url)}'
            item_errors.append((item.link or item.title, f"{error} ({where})"))
            report.errors.append((item.link, error))
        if article is None:
            store.mark_item(item, "retry" if retry else "failed", report.run_id, error)
            continue
        result = result or compare_article(article, baseline, settings.topic)  # a feed summary: compared here
        repeats = check(result.findings, baseline, store.earlier, result.keys)
        store.record_article(item, article, result.relevance, result.relevant, result.findings,
                             report.run_id, error, repeats,
                             versions.page_version(article, *validators, item) if validators and result.relevant
                             else None)
        if result.relevant:
            report.articles_read += 1  # as the digest counts them: compared with the baseline
        else:
            report.items_offtopic += 1
        for f, (root, _) in zip(result.findings, repeats):
            status = "repeated" if root else f.status  # said before: another source, not a change
            report.findings[status] = report.findings.get(status, 0) + 1
        if n % 10 == 0:
            progress(f"read {n}/{total} articles")
    return deferred


def _deliver(settings: Settings, store: Store, report: RunReport, report_dict: dict, send,
             baseline_snapshots: Callable[[], list[dict]], baseline: Callable, failing: list[dict]) -> None:
    """Assign pending findings to a digest, write every digest not yet written (one left
    by a killed run too), and mail every digest not yet sent."""
    current = store.open_digest(report.run_id, problems=bool(report.errors))
    crash_point("after-digest-assigned")
    unwritten = store.unwritten_digests()
    for row in unwritten:
        path = _write_digest(settings, store, row, report_dict if row["id"] == current else {}, baseline_snapshots,
                             failing)
        if row["id"] == current:
            report.digest_path = path
    if unwritten:
        write_index(settings, store)
        story_page.write(settings, store, baseline())  # the run's own, built once if it read anything
    if not settings.email["enabled"] or send is None:
        for pending in store.unsent_digests():
            store.mark_sent(pending["id"])  # the files are the delivery
        return
    sent, refused = 0, []
    for pending in store.unsent_digests():
        if not pending["material"]:
            store.mark_sent(pending["id"])  # nothing material: no mail, the file is enough
            continue
        html = open(pending["html_path"], encoding="utf-8").read()
        text = open(pending["text_path"], encoding="utf-8").read()
        msg = delivery.build_message(settings.email, pending["subject"], html, text, pending["message_id"],
                                     pending["html_path"])
        try:
            send(settings.email, msg)
        except Rejected as exc:  # this message, for good: the digests after it still go out
            store.mark_failed(pending["id"], str(exc))
            logger.error("digest %d will not be mailed: %s; its findings stay recorded, in %s",
                         pending["id"], exc, pending["html_path"])
            refused.append((pending, str(exc)))
            continue
        except DeliveryError as exc:
            report.delivered = f"not sent: {exc}"
            raise
        crash_point("after-smtp-accepted")
        store.mark_sent(pending["id"])
        sent += 1
    if refused:
        _alert(settings, send, refused)
    if sent or refused:
        report.delivered = f"{sent} digest(s) emailed" + (f", {len(refused)} refused for good" if refused else "")


def _alert(settings: Settings, send, refused: list) -> None:
    """A short mail naming each digest the server refused for good and where its files are."""
    lines = [f"Digest {d['id']} ({d['created']}) was refused by the mail server for good: {why}\n"
             f"  Its findings stay recorded; read it at {d['html_path']} (text: {d['text_path']})"
             for d, why in refused]
    text = "\n".join(lines) + "\n"
    first = refused[0][0]
    msg = delivery.text_message(settings.email, f"{settings.story}: {len(refused)} digest(s) could not be mailed",
                                text, delivery.message_id(first["id"], first["created"], "alert"))
    try:
        send(settings.email, msg)
    except DeliveryError as exc:  # the log line above is the alert then
        logger.error("the alert about refused digests could not be mailed either: %s", exc)


def _write_digest(settings: Settings, store: Store, row, report_dict: dict, baseline_snapshots,
                  failing: list[dict]) -> str:
    """Render one digest to its files; its content is fixed by the findings assigned to it,
    so writing it again after a crash gives the same files."""
    findings, arts = store.digest_rows(row["id"])
    snaps = {s["id"]: s for s in baseline_snapshots()}
    stem = "digest-" + re.sub(r"\D", "", row["created"]) + f"-{row['id']:05d}"
    errors = report_dict.get("item_errors", [])
    errors_file = None
    if len(errors) > digest.MAX_ITEM_ERRORS:  # the digest lists the first few and names this file
        errors_file = settings.output_dir / f"{stem}-errors.txt"
        delivery.write_atomic(errors_file, "".join(f"{url}\t{error}\n" for url, error in errors))
    view = digest.build(settings.story, row["id"], row["created"], findings, arts, report_dict,
                        failing, snaps, errors_file, revised.view(store.revisions_for(row["id"])),
                        left_out=store.left_out(row["run_id"]), links=settings.links)
    html, text = digest.render(view)
    html_path, text_path = delivery.write_files(settings.output_dir, stem, html, text)
    crash_point("after-render")
    store.digest_done(row["id"], view["subject"], view["headline"], str(html_path), str(text_path),
                      delivery.message_id(row["id"], row["created"]))
    return str(html_path)


def write_index(settings: Settings, store: Store) -> None:
    entries = [{"href": Path(r["html_path"]).name, "id": r["id"], "created": r["created"], "summary": r["summary"]}
               for r in store.digests()]
    delivery.write_atomic(settings.output_dir / digest.ARCHIVE, digest.render_index(settings.story, entries))
