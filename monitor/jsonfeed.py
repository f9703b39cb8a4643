"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) with the stdlib json module,
into the same entry shape feedparser gives, so feeds.py gives its items the same identity.

Every byte is the source's: any field may be missing, of another type, or huge. The body
is already under fetch.max_bytes and this runs in the parse worker; nesting deeper than
MAX_DEPTH is refused before json recurses into it."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from .errors import FeedError
from .text import strip_html

MAX_DEPTH = 64  # a JSON Feed nests four levels; json.loads recurses once per level
MAX_ITEMS = 20_000


def looks_like(body: bytes) -> bool:
    """A JSON object, by its first character: servers label feeds with any content type."""
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def entries(body: bytes, feed_url: str) -> list[dict]:
    """feedparser-like entries (link, id, title, summary, published_parsed) of a JSON Feed."""
    if _depth(body) > MAX_DEPTH:
        raise FeedError(f"{feed_url}: not a feed (JSON nested deeper than {MAX_DEPTH} levels)")
    try:
        doc = json.loads(body.decode("utf-8-sig", "replace"))
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"{feed_url}: not a feed (invalid JSON: {str(exc)[:150]})") from None
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or not version.startswith(("https://jsonfeed.org/version/",
                                                                "http://jsonfeed.org/version/")):
        raise FeedError(f"{feed_url}: not a feed (JSON without a jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError(f"{feed_url}: not a feed (JSON Feed without an items list)")
    return [_entry(i) for i in items[:MAX_ITEMS] if isinstance(i, dict)]


def _entry(item: dict) -> dict:
    text = _str(item.get("summary")) or _str(item.get("content_text")) or strip_html(_str(item.get("content_html")))
    stamp = _date(_str(item.get("date_published")) or _str(item.get("date_modified")))
    return {"link": _str(item.get("url")) or _str(item.get("external_url")), "id": _id(item.get("id")),
            "title": _str(item.get("title")), "summary": text, "published_parsed": stamp}


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _id(value) -> str:
    """1.1 says a string; 1.0 feeds in the wild use numbers too."""
    if isinstance(value, bool):
        return ""
    return str(value) if isinstance(value, (str, int)) else ""


def _date(text: str):
    """RFC 3339 -> a UTC struct_time, as feedparser gives; None when absent or unreadable."""
    try:
        when = datetime.fromisoformat(text.strip()[:40].replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).timetuple()


def _depth(body: bytes) -> int:
    """The deepest nesting of [ and { outside strings, counted without parsing."""
    depth = deepest = 0
    for m in _TOKENS.finditer(body):
        tok = m.group()
        if tok in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif tok in (b"]", b"}"):
            depth -= 1
    return deepest


_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
