"""Re-checks end to end: a real HTTP server on 127.0.0.1 changes a page between runs, a
real SQLite file keeps the versions; plus the schedule and the budget on their own."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.config import ConfigError
from monitor.http import Fetcher
from monitor.pipeline import run_once
from monitor.recheck import parse_schedule, pick
from monitor.store import Store

MONITOR = str(Path(sys.executable).with_name("monitor"))

SENTENCES = [
    "Artists in OpenAI's early access program leaked Sora on Hugging Face on Tuesday in protest.",
    "OpenAI would not confirm whether the leaked Sora tool was authentic.",
    "The tool was live for about three hours before access was shut down.",
    "The artists said hundreds of testers had worked on the model without pay.",
]
CONFIRMED = "OpenAI has now confirmed that the leaked Sora tool was authentic."
PAUSED = "A spokesperson said the company had paused the early access program for all artists."


def page(title="Artists leak Sora in protest", sentences=SENTENCES, dateline="Published November 26, 2024",
         shares="1.2K shares", related="Related: Who the Sora artists are", gap=" "):
    paras = "".join(f"<p>{gap}{s}{gap}</p>\n" for s in sentences)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="Test Wire"></head><body><nav><a href="/">Home</a></nav>'
            f"<main><article><h1>{title}</h1><p>{dateline}</p>\n{paras}<p>{shares}</p><p>{related}</p>"
            f"</article></main></body></html>")


def feed(site, description="Artists leaked Sora.", date="Tue, 26 Nov 2024 10:00:00 GMT"):
    return site.put("/f.xml", (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                               f"<title>Sora leaked by artists</title><link>{site.base}/a.html</link>"
                               f"<guid>sora-1</guid><pubDate>{date}</pubDate><description>{description}"
                               f"</description></item></channel></rss>"), "application/rss+xml")


def run(settings):
    store, fetch = Store(settings.db_path), Fetcher(settings.fetch)
    try:
        return run_once(settings, fetch=fetch, store=store)
    finally:
        fetch.close()
        store.close()


def query(settings, sql):
    db = sqlite3.connect(settings.db_path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


@pytest.fixture
def story(site, settings_for):
    """A feed with one article read once, re-checked on every run from then on."""
    url = feed(site)
    site.put("/a.html", page())
    settings = settings_for([url], recheck={"schedule": ["0s"]})
    first = run(settings)
    assert first.articles_read == 1 and first.rechecked == 0  # not re-checked in the run that read it
    return settings


def test_a_changed_page_reports_exactly_the_changed_sentences(site, story):
    unchanged = run(story)
    assert unchanged.rechecked == 1 and unchanged.revised == 0 and not unchanged.findings
    assert site.conditional.count("/a.html") == 1  # a conditional GET, answered 304

    site.put("/a.html", page(title="OpenAI confirms the Sora leak",
                             sentences=[SENTENCES[0], CONFIRMED, SENTENCES[3], PAUSED]))
    changed = run(story)
    assert changed.rechecked == 1 and changed.revised == 1 and changed.findings == {"revised": 4}
    rows = query(story, "SELECT r.kind, f.old, f.new, r.was, r.now FROM findings f JOIN revisions r "
                        "ON r.finding_id = f.id ORDER BY f.id")
    assert [row[:3] for row in rows] == [
        ("title", "Artists leak Sora in protest", "OpenAI confirms the Sora leak"),
        ("changed", SENTENCES[1], CONFIRMED),
        ("removed", SENTENCES[2], None),
        ("added", None, PAUSED),
    ]
    assert rows[1][3:] == ("corroborated", "contradicted")  # the status against the baseline moved
    assert query(story, "SELECT n FROM versions ORDER BY n") == [(1,), (2,)]

    text = (story.output_dir / "latest.txt").read_text()
    assert "1 revised article." in text and "UPDATED ARTICLES" in text
    assert "! STATUS corroborated -> contradicted:" in text
    assert f"(removed) {SENTENCES[1]}\n      (added) {CONFIRMED}" in text
    assert "words: (removed) would not confirm whether (added) has now confirmed that" in text
    assert f"* (removed) {SENTENCES[2]}" in text and f"* (added) {PAUSED}" in text
    assert "Title: (removed) Artists leak Sora in protest\n         (added) OpenAI confirms the Sora leak" in text
    html = (story.output_dir / "latest.html").read_text()
    assert ('<span style="background:#fde2e2;color:#a11;text-decoration:line-through">would not confirm whether'
            '</span>') in html
    assert '<span style="background:#dcf5dc;color:#075e07;font-weight:600">has now confirmed that</span>' in html
    assert 'line-through">Artists leak Sora in protest</span> <span' in html  # a headline struck whole
    assert "<del" not in html and "<ins" not in html

    again = run(story)  # nothing changed since: nothing more to say
    assert again.rechecked == 1 and again.revised == 0 and again.digest_path is None
    assert query(story, "SELECT count(DISTINCT digest_id), count(*) FROM findings WHERE status='revised'") == [(1, 4)]


def test_a_page_changing_only_its_boilerplate_is_reported_as_nothing(site, story):
    site.put("/a.html", page(dateline="Updated November 27, 2024 at 09:14 GMT", shares="2,480 shares",
                             related="Related: Sora's makers pause access", gap="\n   "))
    report = run(story)
    assert report.rechecked == 1 and report.revised == 0 and not report.findings and report.digest_path is None
    assert query(story, "SELECT count(*) FROM versions") == [(1,)]
    # the new bytes are remembered: the next run asks with the new validators and gets a 304
    assert run(story).rechecked == 1 and site.conditional.count("/a.html") == 2


def test_a_failed_recheck_is_not_a_change(site, story):
    site.fail["/a.html"] = (500, b"down")
    report = run(story)
    assert report.rechecked == 1 and report.revised == 0 and not report.findings
    assert query(story, "SELECT failures, last_error LIKE '%HTTP 500%' FROM rechecks") == [(1, 1)]
    del site.fail["/a.html"]
    assert run(story).revised == 0  # the same page again: the same version, nothing reported
    assert query(story, "SELECT count(*) FROM versions") + query(story, "SELECT failures FROM rechecks") == [(1,), (0,)]


def test_a_feed_entry_changed_under_the_same_guid_is_read_again_at_once(site, settings_for):
    url = feed(site)
    site.put("/a.html", page())
    settings = settings_for([url])  # the default schedule: not due again for 15 minutes
    assert run(settings).articles_read == 1
    site.put("/a.html", page(sentences=[SENTENCES[0], CONFIRMED, SENTENCES[2], SENTENCES[3]]))
    assert run(settings).rechecked == 0
    feed(site, description="OpenAI confirmed the Sora leak.", date="Wed, 27 Nov 2024 14:05:00 GMT")
    report = run(settings)
    assert report.items_new == 0 and report.rechecked == 1 and report.findings == {"revised": 1}
    assert run(settings).rechecked == 0  # asked once, then back on the schedule


def test_history_lists_versions_and_shows_a_diff(site, story, tmp_path):
    site.put("/a.html", page(sentences=[SENTENCES[0], CONFIRMED, SENTENCES[2], SENTENCES[3]]))
    run(story)

    def history(*args):
        return subprocess.run([MONITOR, "--config", str(story.path), "history", *args], capture_output=True,
                              text=True, timeout=60)

    story.path.write_text(f'[monitor]\nstate_dir = "{story.state_dir}"\n')
    listed = history(f"{site.base}/a.html")
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[:2] for line in listed.stdout.splitlines()[1:]] == [["version", "1"], ["version", "2"]]
    shown = history(f"{site.base}/a.html", "--diff", "1", "2")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[1:] == [
        f"* (removed) {SENTENCES[1]}", f"  (added) {CONFIRMED}",
        "  words: (removed) would not confirm whether (added) has now confirmed that"]
    unknown = history(f"{site.base}/nothing.html")
    assert unknown.returncode == 1 and "no article read from this URL" in unknown.stderr
    assert "no version 3" in history(f"{site.base}/a.html", "--diff", "1", "3").stderr


def test_pick_takes_the_oldest_due_first_within_the_budget():
    schedule = parse_schedule(["15m until 3h", "1h until 1d", "1d"])

    def row(n, checked, changed, asked=None):
        return {"article_id": n, "checked": checked, "changed": changed, "asked": asked}

    rows = [row(1, "2024-11-29T11:50:00Z", "2024-11-29T11:00:00Z"),  # young: due 12:05, not yet
            row(2, "2024-11-29T11:40:00Z", "2024-11-29T11:00:00Z"),  # due 11:55
            row(3, "2024-11-29T10:30:00Z", "2024-11-28T11:00:00Z"),  # a day old: due 11:30
            row(4, "2024-11-29T11:59:00Z", "2024-11-20T11:00:00Z", "2024-11-29T11:00:00Z"),  # its entry changed
            row(5, "2024-11-29T00:00:00Z", "2024-11-26T00:00:00Z")]  # three days old: due tomorrow
    noon = 1732881600.0  # 2024-11-29T12:00:00Z
    assert [r["article_id"] for r in pick(rows, noon, schedule, 10)] == [4, 3, 2]
    assert [r["article_id"] for r in pick(rows, noon, schedule, 2)] == [4, 3]


@pytest.mark.parametrize("steps, needle", [
    (["15 minutes"], "is not 'EVERY until AGE'"),
    (["15m until 3h", "1h until 2h", "1d"], "later than the one before"),
    (["15m", "1h"], "only the last step"),
    (["15m until 3h"], "only the last step"),
    ([], "at least one step"),
])
def test_bad_schedules_are_refused_naming_the_key(settings_for, steps, needle):
    with pytest.raises(ConfigError, match=needle) as err:
        settings_for(["http://127.0.0.1/f.xml"], recheck={"schedule": steps})
    assert "'recheck.schedule'" in str(err.value)
