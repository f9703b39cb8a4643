"""Feed bytes (RSS, Atom and CDF through feedparser, JSON Feed through stdlib json) ->
FeedItems with a stable identity. Relative links are resolved against the feed
document's URL, so two sites that both link /news/1 give two items."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import socket
import subprocess
import sys
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from . import jsonfeed
from .errors import FeedError
from .models import FeedItem
from .text import clean, mentions, strip_html

TRACKING = ("utm_", "mc_", "fbclid", "gclid", "dclid", "msclkid", "igshid", "ocid", "cmpid", "ref_src", "_hsenc", "_hsmi")
MAX_TITLE = 500
MAX_SUMMARY = 20_000


def canonical_link(url: str) -> str:
    """The link with tracking parameters, fragment, default port and scheme case removed.

    http and https count as one: a guid or link that moves to https is the same item."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    if port and not (parts.scheme == "http" and port == 80) and not (parts.scheme == "https" and port == 443):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING)]
    path = parts.path or "/"
    return urlunsplit(("https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower(),
                       host, path, urlencode(query), ""))


def parse(body: bytes, feed_url: str, headers: dict | None = None, base: str | None = None) -> list[FeedItem]:
    """Parse a feed body; `base` is the document's own URL (after redirects, default
    feed_url), against which relative links resolve. An empty or non-feed body is a
    FeedError, never zero items; a feed with no items (RSS, Atom, CDF, JSON) is no items."""
    import feedparser  # imported here: a run where every feed answers 304 never needs it

    if not body or not body.strip():
        raise FeedError(f"{feed_url}: empty body")
    headers = dict(headers or {})
    base = _absolute(headers.get("content-location", ""), base or feed_url) or base or feed_url
    if jsonfeed.looks_like(body):
        return _unique(_item(entry, feed_url, base) for entry in jsonfeed.entries(body, feed_url))
    body = _CHARREF.sub(_safe_charref, body)
    try:  # the base is not handed to feedparser: it would turn a plain guid ("g-1") into a URL
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # found by fuzzing: feedparser's own encoding code can raise on odd bytes
        raise FeedError(f"{feed_url}: feed could not be parsed ({type(exc).__name__}: {str(exc)[:150]})") from None
    if not parsed.get("version") and not parsed.entries and not _CDF_ROOT.match(body):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FeedError(f"{feed_url}: not a feed ({str(reason)[:200]})")
    return _unique(_item(entry, feed_url, base) for entry in parsed.entries)


def _unique(entries) -> list[FeedItem]:
    """Items in feed order: one listed twice is kept once; items sharing a key (a reused
    guid, one link for many) are told apart by their content."""
    items, seen = [], {}
    for item in entries:
        first = seen.get(item.key)
        if first is not None and (first.link, first.title) == (item.link, item.title):
            continue  # the same item listed twice
        if first is not None:  # a reused guid, or one link for many items: tell them apart by content
            item = replace(item, key=f"{item.key}#{_digest(item.link + chr(10) + item.title)}")
            if item.key in seen:
                continue
        seen[item.key] = item
        items.append(item)
    return items


# feedparser gives an empty CDF channel no version: its root element says what it is
_CDF_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?<channel[\s>/]",
                       re.I | re.S)
_CHARREF = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _safe_charref(m: re.Match) -> bytes:
    """A reference to a surrogate, NUL or beyond Unicode crashes feedparser: U+FFFD instead."""
    ref = m.group(1)
    code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    return m.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else b"&#xFFFD;"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]


def _item(entry, feed_url: str, base: str) -> FeedItem:
    link = _absolute(entry.get("link") or "", base)
    guid = (entry.get("id") or "").strip()
    if guid.startswith(("/", "./", "../")):  # a path, as unique as a relative link; "g-1" stays a name
        guid = _absolute(guid, base)
    title = strip_html(entry.get("title") or "")[:MAX_TITLE]
    summary = strip_html(entry.get("summary") or "")[:MAX_SUMMARY]
    if guid:
        key = canonical_link(guid) if guid.lower().startswith(("http://", "https://")) else "guid:" + clean(guid)[:1000]
    elif link:
        key = canonical_link(link)
    else:  # nothing to fetch, but its text is still news: read from the summary
        key = "text:" + _digest(title + "\n" + summary)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
    changed = entry.get("updated_parsed") if entry.get("published_parsed") else None
    updated = time.strftime("%Y-%m-%dT%H:%M:%SZ", changed) if changed else None
    return FeedItem(key=key, feed_url=feed_url, link=link, title=title, summary=summary, published=published,
                    updated=updated)


def _absolute(ref: str, base: str) -> str:
    """A relative link ("/news/1") read against the feed's URL (feedparser has applied any
    absolute xml:base already); an absolute one, or any scheme, as it is."""
    ref = ref.strip()
    if not ref or urlsplit(base).scheme not in ("http", "https") or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", ref):
        return ref
    try:
        return urljoin(base, ref)
    except ValueError:  # a malformed link stays as written; fetching it is a named error later
        return ref


def is_candidate(item: FeedItem, terms: list[str]) -> bool:
    """Worth fetching: the title or summary names one of the topic's item terms."""
    if not terms:
        return True
    text = f"{item.title}\n{item.summary}"
    return any(mentions(text, t) for t in terms)


class ParseWorker:
    """parse() in a process of its own, started by the first feed that needs parsing.

    feedparser cannot be interrupted from Python, and some bodies well under the byte cap
    take it seconds and hundreds of MB (1.2 MB of unclosed tags in a summary: 5.6 s; 2.3 MB
    of attributes: 340 MB): past `timeout` the process is killed (the next feed gets a new
    one), and its address space is capped, so a runaway feed is that feed's FeedError."""

    def __init__(self, timeout: float, memory_mb: int):
        self.timeout, self.memory_bytes = timeout, memory_mb * 2**20
        self.proc: subprocess.Popen | None = None
        self.conn: Connection | None = None

    def parse(self, body: bytes, feed_url: str, headers: dict | None = None,
              base: str | None = None) -> list[FeedItem]:
        if self.proc is None:
            ours, theirs = socket.socketpair()
            self.proc = subprocess.Popen([sys.executable, "-m", "monitor.feeds", str(theirs.fileno()),
                                          str(self.memory_bytes)], pass_fds=(theirs.fileno(),),
                                         stdin=subprocess.DEVNULL)
            theirs.close()
            self.conn = Connection(ours.detach())
        try:
            self.conn.send((body, feed_url, dict(headers or {}), base))
            if not self.conn.poll(self.timeout):
                self.close(kill=True)
                raise FeedError(f"{feed_url}: parsing took longer than {self.timeout:g} s, stopped")
            status, value = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.close(kill=True)
            raise FeedError(f"{feed_url}: the feed parsing process died ({type(exc).__name__})") from None
        if status == "error":
            raise FeedError(value)
        return value

    def close(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        self.conn.close()  # the worker sees EOF and exits
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.proc = self.conn = None


def _serve(conn: Connection, memory_bytes: int) -> None:
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            body, feed_url, headers, base = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", parse(body, feed_url, headers, base)))
        except FeedError as exc:  # a MemoryError in feedparser is one too
            conn.send(("error", str(exc)))


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
    os._exit(0)
