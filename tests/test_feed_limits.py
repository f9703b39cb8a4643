"""Feed parsing under the extraction limits: feedparser runs in a process of its own that is
stopped past the time limit and capped in memory, so one runaway feed is that feed's error."""

import time

import pytest

from monitor.errors import FeedError
from monitor.feeds import ParseWorker

from test_pipeline import run


def rss(body: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


GOOD = rss("<item><title>Sora leak</title><guid>g1</guid><description>Sora leaked, artists said.</description></item>")
SLOW = rss("<item><title>t</title><description><![CDATA[" + "<b>" * 400_000 + "]]></description></item>")  # 5.6 s
GREEDY = rss("<item><title>t</title><description><![CDATA[<p " + " ".join(f'a{i}="x"' for i in range(200_000))
             + ">x</p>]]></description></item>")  # 340 MB


def test_a_slow_feed_is_stopped_and_the_next_one_parses():
    parser = ParseWorker(timeout=1.0, memory_mb=1024)
    try:
        started = time.monotonic()
        with pytest.raises(FeedError, match="parsing took longer than 1 s, stopped"):
            parser.parse(SLOW, "https://ex.org/slow")  # before: 5.6 s in the monitor's own process
        assert time.monotonic() - started < 2.5
        assert [i.title for i in parser.parse(GOOD, "https://ex.org/good")] == ["Sora leak"]
    finally:
        parser.close()


def test_a_greedy_feed_meets_the_memory_cap():
    parser = ParseWorker(timeout=20.0, memory_mb=150)
    try:
        with pytest.raises(FeedError, match="MemoryError|died"):
            parser.parse(GREEDY, "https://ex.org/greedy")  # before: 340 MB in the monitor's own process
        assert len(parser.parse(GOOD, "https://ex.org/good")) == 1
    finally:
        parser.close()


def test_a_runaway_feed_fails_alone_in_a_run(site, settings_for):
    slow, good = site.put("/slow.xml", SLOW, "application/rss+xml"), site.put("/good.xml", GOOD, "application/rss+xml")
    settings = settings_for([slow, good], fetch={"extract_timeout": 1.0})
    report = run(settings)
    assert report.feeds_polled == 2 and report.items_new == 1  # the good feed's item, read
    assert dict(report.errors)[slow] == "reading the feed took longer than [fetch] extract_timeout and was stopped"
