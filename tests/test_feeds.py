import pytest

from monitor import feeds
from monitor.errors import FeedError

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Sora leak &lt;b&gt;bold&lt;/b&gt;</title><link>https://ex.org/a?utm_source=x&amp;id=2</link><guid>g-1</guid>
<pubDate>Fri, 29 Nov 2024 09:00:00 GMT</pubDate><description>&lt;p&gt;About Sora&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>http://Ex.org:80/b?fbclid=1#top</link></item>
<item><title>Duplicate</title><link>https://ex.org/c</link><guid>g-1</guid></item>
<item><title>Nothing to identify</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a</title><id>urn:a</id>
<updated>2024-12-09T18:00:00Z</updated><entry><title>Entry</title><id>http://ex.org/e1</id>
<link href="https://ex.org/e1"/><updated>2024-12-09T18:00:00Z</updated><summary>s</summary></entry></feed>"""


def test_rss_items_have_identity_and_clean_text():
    items = feeds.parse(RSS, "https://ex.org/feed")
    keys = [i.key for i in items]
    # a reused guid is told apart by its content; an item with neither guid nor link is kept by its text
    assert keys[:2] == ["guid:g-1", "https://ex.org/b"] and len(set(keys)) == 4
    assert keys[2].startswith("guid:g-1#") and keys[3].startswith("text:")
    assert feeds.parse(RSS, "https://ex.org/feed") == items  # the same keys on every run
    first = items[0]
    assert first.title == "Sora leak bold"
    assert first.summary == "About Sora"
    assert first.published == "2024-11-29T09:00:00Z"
    assert first.link == "https://ex.org/a?utm_source=x&id=2"


def test_atom_guid_url_is_canonical_across_http_and_https():
    item = feeds.parse(ATOM, "https://ex.org/atom")[0]
    assert item.key == "https://ex.org/e1"
    assert item.link == "https://ex.org/e1"


@pytest.mark.parametrize("url, expected", [
    ("https://ex.org/a?utm_source=rss&utm_medium=x&id=5", "https://ex.org/a?id=5"),
    ("HTTP://EX.org:80/a#frag", "https://ex.org/a"),
    ("https://ex.org:8443/a?gclid=1", "https://ex.org:8443/a"),
    ("https://ex.org", "https://ex.org/"),
])
def test_canonical_link(url, expected):
    assert feeds.canonical_link(url) == expected


@pytest.mark.parametrize("body", [b"", b"   ", b"<html><body><p>Just a page</p></body></html>", b"\x89PNG\r\n\x1a\n"])
def test_not_a_feed_is_an_error_not_zero_items(body):
    with pytest.raises(FeedError):
        feeds.parse(body, "https://ex.org/feed")


def test_candidate_filter_uses_whole_words():
    item = feeds.parse(RSS, "u")[0]
    assert feeds.is_candidate(item, ["sora"])
    assert not feeds.is_candidate(item, ["sor"])
    assert feeds.is_candidate(item, [])


def test_fuzz_findings_are_handled():
    # references to a surrogate or NUL crashed feedparser; now they read as U+FFFD
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Sora &#xD800; &#0; '
            b'&#55296; leak</title><link>https://ex.org/a</link></item></channel></rss>')
    assert feeds.parse(body, "https://ex.org/f")[0].title == "Sora \ufffd \ufffd \ufffd leak"
    # feedparser's encoding sniffing raised UnicodeDecodeError on a mangled declaration
    with pytest.raises(FeedError, match="could not be parsed|not a feed"):
        feeds.parse(b'<?xml version="1.0" encoding="\xe2\x28"?><rss version="2.0"><channel></channel></rss>',
                    "https://ex.org/f")
