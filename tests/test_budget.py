"""Time limits above one request: a source's total across its retries, the run's budget for
starting page fetches, and polling less often a feed that times out run after run."""

import sqlite3
import time
from dataclasses import replace

from monitor import config
from monitor.errors import Timeout
from monitor.http import Fetcher

import pytest

from test_deadline import Stalling
from test_pipeline import run


class Counting(Stalling):
    def __init__(self):
        self.hits = 0
        super().__init__()

    def _handle(self, conn):
        self.hits += 1
        super()._handle(conn)


@pytest.fixture
def stalling():
    srv = Counting()
    yield srv
    srv.close()


def test_a_source_deadline_bounds_all_its_retries(stalling):
    fetch = Fetcher(dict(config.DEFAULTS["fetch"], retries=5, timeout=1.0, deadline=0.5, source_deadline=2.5,
                         allow_hosts=["127.0.0.1"]), sleep=lambda _s: None)
    started = time.monotonic()
    with pytest.raises(Timeout):
        fetch(stalling.base + "/drip-status")
    # a second try fits (0.5 s + 1 s pause + 0.5 s), a third would not: before, all six were made
    assert stalling.hits == 2 and time.monotonic() - started < 2.5


def slow_items(site, n):
    items = "".join(f"<item><title>Sora leak {i}</title><link>{site.base}/p{i}.html</link><guid>g{i}</guid>"
                    f"<description>Sora leak {i}</description></item>" for i in range(n))
    for i in range(n):
        site.put(f"/p{i}.html", f"<html><body><article><p>OpenAI said on day {i} that the Sora tool leaked by "
                                f"artists on Hugging Face had been paused for early-access testers.</p></article>"
                                f"</body></html>")
    return site.put("/f.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                              "</channel></rss>", "application/rss+xml")


def test_the_run_budget_starts_no_fetch_past_it_and_leaves_the_rest_for_the_next_run(site, settings_for):
    feed = slow_items(site, 12)
    handler = site.server.RequestHandlerClass
    original = handler.do_GET

    def slowed(self):
        if self.path.startswith("/p"):
            time.sleep(0.25)
        original(self)

    handler.do_GET = slowed
    settings = settings_for([feed], fetch={"workers": 1, "run_budget": 0.6})
    first = run(settings)
    db = sqlite3.connect(settings.db_path)
    deferred = db.execute("SELECT count(*) FROM items WHERE state='deferred' AND attempts=0").fetchone()[0]
    read = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert read + deferred == 12 and 0 < read < 12  # before: all 12, however long
    assert any(url == "run budget" for url, _ in first.errors)
    run(replace(settings, fetch={**settings.fetch, "run_budget": 60.0}))
    # the rest, read once, nothing twice
    assert db.execute("SELECT count(*), count(DISTINCT item_key) FROM articles").fetchone() == (12, 12)


def test_a_feed_that_keeps_timing_out_is_polled_less_often(stalling, settings_for):
    settings = settings_for([stalling.base + "/drip-status"],
                            fetch={"deadline": 0.3, "timeout": 1.0, "backoff_after": 2})
    polled = []
    for _ in range(8):
        before = stalling.hits
        run(settings)
        polled.append(stalling.hits > before)
    # runs 1 and 2 time out; then every 2nd run (4), then every 4th (8): before, every run paid the deadline
    assert polled == [True, True, False, True, False, False, False, True]
