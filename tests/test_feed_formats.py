"""Relative links, items without a link, empty feeds (CDF too) and JSON Feed: parsed alone,
and end to end over loopback servers. The `base` cases are written here after the kinds
feedparser's own tests/wellformed/base/ checks: the document URI, a Content-Location
header, xml:base, on RSS and Atom links."""

import json
import sqlite3

import pytest

from conftest import run_pass
from monitor import feeds
from monitor.errors import FeedError

DOC = "http://127.0.0.1:8097/feeds/main.xml"
RSS_LINK = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>{}</item></channel></rss>'
ATOM_ENTRY = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"{}><title>t</title><id>urn:f</id>'
              '<entry{}><title>x</title><id>urn:e</id><link rel="alternate" href="{}"/></entry></feed>')

BASE_CASES = [  # (id, body, response headers, document URL, the item's link)
    ("rss-link-relative-to-document", RSS_LINK.format("<link>/relative/uri</link>"), {}, DOC,
     "http://127.0.0.1:8097/relative/uri"),
    ("rss-link-relative-to-content-location", RSS_LINK.format("<link>/relative/uri</link>"),
     {"content-location": "http://example.com/"}, DOC, "http://example.com/relative/uri"),
    ("rss-link-relative-to-relative-content-location", RSS_LINK.format("<link>item/2</link>"),
     {"content-location": "/mirror/"}, DOC, "http://127.0.0.1:8097/mirror/item/2"),
    ("rss-link-with-dot-segments", RSS_LINK.format("<link>../up/3</link>"), {}, DOC, "http://127.0.0.1:8097/up/3"),
    ("rss-link-relative-to-redirect-target", RSS_LINK.format("<link>story</link>"), {},
     "http://127.0.0.1:8097/moved/here/feed.xml", "http://127.0.0.1:8097/moved/here/story"),
    ("rss-absolute-link-unchanged", RSS_LINK.format("<link>https://ex.org/a?id=1</link>"), {}, DOC,
     "https://ex.org/a?id=1"),
    ("atom-link-relative-to-document", ATOM_ENTRY.format("", "", "/relative/link"), {}, DOC,
     "http://127.0.0.1:8097/relative/link"),
    ("atom-link-under-absolute-feed-xml-base", ATOM_ENTRY.format(' xml:base="http://other.example/base/"', "", "a"),
     {}, DOC, "http://other.example/base/a"),
    ("atom-link-under-relative-entry-xml-base", ATOM_ENTRY.format("", ' xml:base="sub/"', "a"), {}, DOC,
     "http://127.0.0.1:8097/feeds/sub/a"),
    ("atom-link-relative-to-content-location", ATOM_ENTRY.format("", "", "/relative/link"),
     {"content-location": "http://example.com/"}, DOC, "http://example.com/relative/link"),
]


@pytest.mark.parametrize("body, headers, doc, link", [c[1:] for c in BASE_CASES], ids=[c[0] for c in BASE_CASES])
def test_relative_links_resolve_against_the_feed_document(body, headers, doc, link):
    (item,) = feeds.parse(body.encode(), "http://127.0.0.1:8097/feed", headers, doc)
    assert item.link == link


def test_a_path_guid_is_resolved_and_a_plain_guid_stays_a_name():
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            '<item><title>a</title><guid>/news/1</guid></item><item><title>b</title><guid>g-1</guid></item>'
            '</channel></rss>').encode()
    one, two = feeds.parse(body, DOC)
    assert one.key == "https://127.0.0.1:8097/news/1" and two.key == "guid:g-1"  # keys of stored items unchanged


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>quiet</title></channel></rss>',
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>quiet</title></feed>',
    b'<?xml version="1.0"?><CHANNEL HREF="http://ex.org/"><TITLE>quiet</TITLE></CHANNEL>',
    b'<?xml version="1.0"?><CHANNEL HREF="http://ex.org/"></CHANNEL>',
    b'{"version": "https://jsonfeed.org/version/1.1", "title": "quiet", "items": []}',
], ids=["rss", "atom", "cdf", "cdf-bare", "json"])
def test_an_empty_feed_is_an_empty_feed(body):
    assert feeds.parse(body, DOC) == []


def test_a_cdf_channel_with_items_is_read():
    body = (b'<?xml version="1.0"?><CHANNEL HREF="http://ex.org/"><ITEM HREF="http://ex.org/a"><TITLE>Sora</TITLE>'
            b'<ABSTRACT>About Sora</ABSTRACT></ITEM></CHANNEL>')
    (item,) = feeds.parse(body, DOC)
    assert (item.link, item.title) == ("http://ex.org/a", "Sora")


def jsonfeed(items, version="https://jsonfeed.org/version/1.1") -> bytes:
    return json.dumps({"version": version, "title": "j", "items": items}).encode()


def test_json_feed_items_share_the_rss_item_model():
    body = jsonfeed([
        {"id": "https://ex.org/1", "url": "/news/1", "title": "Sora <b>leak</b>",
         "content_html": "<p>Artists leaked Sora.</p>", "date_published": "2024-11-26T10:00:00+01:00"},
        {"id": 7, "external_url": "https://ex.org/ext", "content_text": "Plain text", "date_modified": "nonsense"},
        {"id": "x", "title": "no link", "summary": "Read from here"},
    ])
    one, two, three = feeds.parse(body, DOC, {"content-type": "application/feed+json"})
    assert (one.key, one.link, one.title, one.summary, one.published) == (
        "https://ex.org/1", "http://127.0.0.1:8097/news/1", "Sora leak", "Artists leaked Sora.", "2024-11-26T09:00:00Z")
    assert (two.key, two.link, two.summary, two.published) == ("guid:7", "https://ex.org/ext", "Plain text", None)
    assert (three.link, three.summary) == ("", "Read from here")


@pytest.mark.parametrize("body, why", [
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "deeper"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": {"a": 1}}', "items list"),
    (b'{"version": 11, "items": []}', "version"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "invalid JSON"),
    (b'{"title": "just json"}', "version"),
    (b"[1, 2, 3]", "not a feed"),
], ids=["nesting", "items-not-a-list", "version-not-a-string", "cut-off", "no-version", "not-an-object"])
def test_hostile_json_is_a_named_feed_error(body, why):
    with pytest.raises(FeedError, match=why):
        feeds.parse(body, DOC, {"content-type": "application/json"})


def test_json_items_of_the_wrong_types_are_read_or_skipped():
    body = jsonfeed([None, 3, "text", {"id": {"a": 1}, "url": ["x"], "title": 5, "summary": "Sora kept"}])
    (item,) = feeds.parse(body, DOC)
    assert (item.link, item.title, item.summary) == ("", "", "Sora kept") and item.key.startswith("text:")


PAGE = ("<html><body><article><p>{} said the leaked Sora tool was authentic, the artists on Hugging Face "
        "said after the protest against OpenAI.</p></article></body></html>")


def test_two_sites_with_the_same_relative_link_give_two_articles(site, settings_for):
    from conftest import Site

    other = Site()
    try:
        urls = []
        for s, who in ((site, "The first outlet"), (other, "The second outlet")):
            s.put("/news/1", PAGE.format(who))
            urls.append(s.put("/feed.xml", RSS_LINK.replace("<title>x</title>", "<title>Sora leak</title>")
                              .format("<link>/news/1</link>"), "application/rss+xml"))
        report = run_pass(settings_for(urls))
    finally:
        other.close()
    assert report.items_new == 2 and report.articles_read == 2 and report.errors == []
    db = sqlite3.connect(settings_for(urls).db_path)
    assert sorted(r[0] for r in db.execute("SELECT url FROM articles")) == sorted(
        [site.base + "/news/1", other.base + "/news/1"])
    assert "/news/1" in site.requested and "/news/1" in other.requested


def test_an_item_without_a_link_is_read_from_its_summary_with_no_error(site, settings_for):
    feed = site.put("/f.json", jsonfeed([{"id": "n1", "title": "Sora leak", "content_text":
                                         "OpenAI confirmed the leaked Sora tool was authentic, the artists on "
                                         "Hugging Face said after the protest."}]), "application/feed+json")
    empty = site.put("/empty.xml", b'<?xml version="1.0"?><CHANNEL HREF="http://ex.org/"></CHANNEL>',
                     "application/xml")
    settings = settings_for([feed, empty])
    report = run_pass(settings)
    assert report.feeds_failed == 0 and report.errors == []
    assert report.items_new == 1 and report.articles_read == 1 and sum(report.findings.values()) > 0
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT origin, error FROM items JOIN articles ON item_key=key").fetchone() == ("summary", None)
    assert "PROBLEMS" not in (settings.output_dir / "latest.txt").read_text()
