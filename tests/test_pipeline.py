"""End to end over real HTTP on 127.0.0.1, with a real SQLite file: the demo coverage."""

import re
import sqlite3
import time

from conftest import run_pass as run


def test_demo_run_reports_changes_then_nothing(demo_site, settings_for):
    settings = settings_for([demo_site.base + "/wire.xml", demo_site.base + "/gadgets.xml",
                             demo_site.base + "/missing-feed.xml"])
    first = run(settings)
    assert first.feeds_polled == 3 and first.items_new == 6
    assert first.findings.get("contradicted", 0) >= 2 and first.findings.get("updated", 0) >= 1
    assert first.items_offtopic == 2  # the chip story (by its title) and the game's Sora (by its text)
    text = (settings.output_dir / "latest.txt").read_text()
    html = (settings.output_dir / "latest.html").read_text()
    assert "[CONTRADICTED]\n  Now:  OpenAI on Friday *confirmed* that" in text  # the sentence, its change marked
    assert "Baseline: Meanwhile, The Verge reported that OpenAI would not confirm" in text
    assert "*more than 600 artists*" in text and "*more than 1,300 artists*" in text
    assert "said by OpenAI; Demo Tech Wire: OpenAI confirms leaked Sora front-end was genuine (Fri 29 Nov 2024)" \
        in text  # who said it, the outlet, the title and the date
    assert "The Hindu, \u201cOpenAI\u2019s text-to-video model Sora leaked by early testers\u201d" in text
    assert "baseline 00" not in text and "baseline 00" not in html  # no snapshot id reaches a reader
    assert "Chipmaker shares rise after earnings" in text and "Kingdom Quest" in text  # off topic, by title
    assert "missing-feed.xml): the server has no such page (HTTP 404)" in text  # the failing source and why
    assert "feed summary only" in text  # the page that 404s is read from its feed summary
    assert f'href="{demo_site.base}/letter-grows.html"' in html
    assert (settings.output_dir / "index.html").read_text().count("<li>") == 1
    assert 'href="story.html"' in html and 'href="index.html"' in html
    story = (settings.output_dir / "story.html").read_text()
    assert "more than 1,300 artists" in story and "OpenAI on Friday <mark>confirmed</mark>" in story

    second = run(settings)
    assert second.feeds_unchanged == 2 and second.items_new == 0 and second.articles_read == 0
    assert sum(second.findings.values()) == 0
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT count(*) FROM findings WHERE digest_id IS NULL").fetchone()[0] == 0
    # the digest of run 2 only lists the still-failing feed; no finding is in two digests
    assert db.execute("SELECT count(DISTINCT digest_id) FROM findings").fetchone()[0] == 1
    assert db.execute("SELECT failures FROM feeds WHERE url LIKE '%missing-feed.xml'").fetchone()[0] == 2


def test_extraction_workers_start_with_the_first_new_item_and_not_without_one(demo_site, settings_for,
                                                                               monkeypatch):
    from monitor import pipeline

    started = []
    real = pipeline._extract_pool
    monkeypatch.setattr(pipeline, "_extract_pool", lambda *args: started.append(1) or real(*args))
    settings = settings_for([demo_site.base + "/wire.xml"])
    assert run(settings).articles_read > 0 and started == [1]
    assert run(settings).feeds_unchanged == 1 and started == [1]  # nothing new: no process started


def test_failed_feed_is_not_a_change(site, settings_for):
    feed = site.put("/f.xml", (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                               b'<item><title>Sora leak</title><link>http://demo.invalid/a.html</link><guid>a</guid>'
                               b'<description>Sora leaked by artists on Hugging Face, OpenAI said.</description>'
                               b'</item></channel></rss>'), "application/rss+xml")
    site.put("/a.html", "<html><body><article><p>OpenAI confirmed the leaked Sora tool was authentic, "
                        "the artists on Hugging Face said after the protest.</p></article></body></html>")
    settings = settings_for([feed])
    assert run(settings).articles_read == 1
    etag = sqlite3.connect(settings.db_path).execute("SELECT etag FROM feeds").fetchone()[0]
    site.put("/f.xml", "<html><body>maintenance</body></html>")  # an HTML page where the feed was
    report = run(settings)
    assert report.errors and "not an RSS, Atom or JSON feed" in report.errors[0][1]
    assert report.items_new == 0 and sum(report.findings.values()) == 0
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT etag FROM feeds").fetchone()[0] == etag
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 1


def test_transient_page_failure_is_retried_next_run(site, settings_for):
    feed = site.put("/f.xml", (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                               b'<item><title>Sora leak update</title><link>http://demo.invalid/p.html</link>'
                               b'<guid>p</guid><description>Sora</description></item></channel></rss>'),
                    "application/rss+xml")

    handler = site.server.RequestHandlerClass
    original = handler.do_GET

    def do_get(self):
        if self.path == "/p.html" and not getattr(handler, "healed", False):
            self._reply(503, b"busy", "text/plain")
            return
        original(self)

    handler.do_GET = do_get
    site.put("/p.html", "<html><body><article><p>OpenAI confirmed the leaked Sora tool was authentic, the "
                        "artists on Hugging Face said after their protest against the company.</p></article></body></html>")
    settings = settings_for([feed])
    first = run(settings)
    assert first.articles_read == 0 and first.errors
    handler.healed = True
    second = run(settings)  # the feed answers 304, the item waits in the store for its retry
    assert second.feeds_unchanged == 1 and second.articles_read == 1
    assert second.findings.get("contradicted") == 1


FOLLOW_UP = """<html><head><title>Sora leak: OpenAI now says the tool was real</title></head><body><article>
<h1>Sora leak: OpenAI now says the tool was real</h1>
<p>OpenAI has now confirmed that the Sora tool the protesting artists put on Hugging Face was authentic.</p>
<p>The artists' open letter has gathered more than 1,300 signatures, its organisers said.</p>
<p>The company said it would review how credentials are shared with outside testers and has paused new invitations.</p>
<p>OpenAI said it has hired an outside firm to audit every early-access account in the artist program.</p>
</article></body></html>"""


def test_a_repeat_of_an_earlier_digest_is_another_source_not_a_headline(demo_site, settings_for, tmp_path):
    settings = settings_for([demo_site.base + "/wire.xml"])
    run(settings)
    feed = demo_site.pages["/wire.xml"][0].decode().replace(
        "<item>", "<item><title>Sora: OpenAI now says the tool was real</title>"
        f"<link>{demo_site.base}/follow-up.html</link><guid>follow-up</guid></item>\n<item>", 1)
    demo_site.put("/wire.xml", feed, "application/rss+xml")
    demo_site.put("/follow-up.html", FOLLOW_UP)
    second = run(settings)
    assert second.articles_read == 1
    assert second.findings.get("repeated", 0) >= 3  # confirmation, count, review: all said in digest 1
    assert second.findings.get("new") == 1  # only the audit is news
    text = (settings.output_dir / "latest.txt").read_text()
    head = text.split("\n")[2]
    assert head == "1 new claim."
    assert "ALREADY REPORTED" in text and "[contradicted, digest 1," in text
    assert "Also reported by: 127.0.0.1: Sora leak: OpenAI now says the tool was real" in text  # outlet: its host
    assert "WHAT CHANGED" not in text

    # check --json keeps statuses relative to the baseline and says a digest already had it
    page = tmp_path / "follow-up.html"
    page.write_text(FOLLOW_UP)
    from monitor.inspect import check_target

    claims = check_target(settings, str(page))["claims"]
    confirm = next(c for c in claims if "confirmed" in c["text"])
    assert confirm["status"] == "contradicted"
    assert confirm["already_reported"]["digest"] == 1 and confirm["already_reported"]["sent"]
    audit = next(c for c in claims if "audit" in c["text"])
    assert audit["status"] == "new" and audit["already_reported"]["digest"] == 2


def test_identical_inputs_give_identical_digests_whatever_order_pages_come_in(demo_site, settings_for, tmp_path):
    # the same article twice, so that which copy is "new" and which "repeated" depends on order
    page = demo_site.pages["/openai-confirms.html"][0]
    demo_site.put("/copy.html", page)
    wire = demo_site.pages["/wire.xml"][0]
    extra = (b"<item><title>Sora leak: OpenAI confirms (syndicated)</title><link>" + demo_site.base.encode() +
             b"/copy.html</link><guid>copy</guid><description>Sora leak, OpenAI</description></item>")
    demo_site.put("/wire.xml", wire.replace(b"</channel>", extra + b"</channel>"), "application/rss+xml")
    paths = ["/wire.xml", "/gadgets.xml", "/openai-confirms.html", "/letter-grows.html", "/sora-launch.html",
             "/kingdom-quest.html", "/copy.html"]
    handler = demo_site.server.RequestHandlerClass
    original = handler.do_GET

    def slowed(self):
        time.sleep(handler.delays.get(self.path.split("?")[0], 0))
        original(self)

    handler.do_GET = slowed
    digests, counts = [], []
    for order in (paths, paths[::-1]):  # first come last, then first come first
        handler.delays = {p: 0.06 * n for n, p in enumerate(order)}
        settings = settings_for([demo_site.base + "/wire.xml", demo_site.base + "/gadgets.xml"],
                                monitor={"state_dir": str(tmp_path / f"state-{len(digests)}")}, fetch={"workers": 8})
        report = run(settings)
        counts.append((report.findings, report.errors))
        digests.append(re.sub(r"digest \d+ \(.*?\)", "", (settings.output_dir / "latest.txt").read_text()))
    assert counts[0] == counts[1]  # before: new and repeated counts moved with the finishing order
    assert digests[0] == digests[1]


def test_the_order_feeds_are_read_in_does_not_change_the_digest(demo_site, tmp_path):
    from conftest import make_settings
    from monitor.present import human_date

    feeds = [demo_site.base + "/wire.xml", demo_site.base + "/gadgets.xml"]
    pages = []
    for name, order in (("forward", feeds), ("reversed", feeds[::-1])):
        settings = make_settings(tmp_path / name, order)
        run(settings)
        created = sqlite3.connect(settings.db_path).execute("SELECT created FROM digests").fetchone()[0]
        for page in ("latest.txt", "latest.html", "story.html"):
            # only the digest's own creation time may differ, in its file name and in words
            text = (settings.output_dir / page).read_text().replace(human_date(created), "CREATED")
            # and the test helper names feeds by their place in the list ("feed 0")
            pages.append(re.sub(r"feed feed \d", "feed FEED", re.sub(r"digest-\d{14}-", "digest-CREATED-", text)))
    assert pages[:3] == pages[3:]
    assert pages[0].index("OpenAI on Friday *confirmed*") < pages[0].index("OpenAI *released* Sora")
