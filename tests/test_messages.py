"""Errors in plain words, met for real on loopback: the feed's name, one line of cause, the
fix where there is one; the developer's detail only under -v."""

import logging

import pytest

from conftest import free_port, run_pass

HTML = "<html><body><p>maintenance</p></body></html>"


@pytest.mark.parametrize("where, allow, cause", [
    ("loopback", [], 'feed feed 0: 127.0.0.1 is a private or loopback address (127.0.0.1); '
                     'add "127.0.0.1" to [fetch] allow_hosts to allow it'),
    ("missing", ["127.0.0.1"], "feed feed 0: the server has no such page (HTTP 404)"),
    ("html", ["127.0.0.1"], "feed feed 0: the answer is not an RSS, Atom or JSON feed; check the URL"),
    ("closed-port", ["127.0.0.1"], "feed feed 0: the server refused the connection; the site may be down or "
                                   "the URL wrong"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None)
def test_a_feed_failure_is_one_plain_line_naming_the_feed(site, settings_for, caplog, where, allow, cause):
    site.put("/page.html", HTML)
    url = {"loopback": site.base + "/page.html", "missing": site.base + "/gone.xml",
           "html": site.base + "/page.html", "closed-port": f"http://127.0.0.1:{free_port()}/feed.xml"}[where]
    with caplog.at_level(logging.INFO):
        report = run_pass(settings_for([url], fetch={"allow_hosts": allow}))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [cause + " (failing 1 run in a row)"]
    assert url not in warnings[0] and "Error" not in warnings[0]  # no URL twice, no class names
    details = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO and "feed feed 0 <" in r.getMessage()]
    assert len(details) == 1 and url in details[0]  # the full detail, for -v
    assert report.errors == [(url, cause.removeprefix("feed feed 0: "))]


def test_an_item_error_names_the_item_and_its_feed(site, settings_for):
    feed = site.put("/f.xml", (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                               b'<title>Sora leak follow-up</title><link>/missing.html</link><description>OpenAI '
                               b'confirmed the Sora leak, artists on Hugging Face said.</description></item>'
                               b'</channel></rss>'), "application/rss+xml")
    settings = settings_for([feed])
    run_pass(settings)  # a 404 is permanent: read from the summary at once
    text = (settings.output_dir / "latest.txt").read_text()
    assert (f"! article {site.base}/missing.html: the server has no such page (HTTP 404); read from its feed "
            f'summary ("Sora leak follow-up" in feed feed 0)') in text
