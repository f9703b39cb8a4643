"""Fetched page bytes (or a text file) -> Article, with trafilatura doing the extraction."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .errors import ExtractError
from .models import Article, FeedItem
from .text import clean

MAX_PAGE_BYTES = 3_000_000  # trafilatura's time and memory grow badly on huge malformed pages
HEADER = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)$")


def load_extractor():
    from trafilatura import bare_extraction  # heavy import, only when a page is new

    return bare_extraction


def extract(body: bytes, url: str, item: FeedItem | None = None) -> Article:
    """Extract the main text and metadata of an HTML page; ExtractError when there is none."""
    bare_extraction = load_extractor()
    if not body:
        raise ExtractError(f"{url}: empty page")
    if len(body) > MAX_PAGE_BYTES:
        raise ExtractError(f"{url}: page of {len(body)} bytes is over the extraction cap of {MAX_PAGE_BYTES}")
    if body.lstrip()[:5] in (b"%PDF-", b"\x89PNG\r") or b"\x00" in body[:1024] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractError(f"{url}: not an HTML page (binary content)")
    try:
        # deduplicate=False: its cache lives for the whole process, so a syndicated story or
        # a page read again by the scheduler would come back with its paragraphs missing
        doc = bare_extraction(body, url=url, with_metadata=True, include_comments=False,
                              include_tables=False, deduplicate=False)
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise ExtractError(f"{url}: extraction failed: {type(exc).__name__}: {exc}") from None
    text = clean(getattr(doc, "text", "") or "") if doc is not None else ""
    if not text:
        raise ExtractError(f"{url}: no article text found")
    return Article(
        url=url,
        title=clean(doc.title or (item.title if item else "") or ""),
        text=text,
        site=clean(doc.sitename or doc.hostname or "") or _host(url),
        author=clean(doc.author or "") or None,
        published=doc.date or (item.published if item else None),
        origin="page",
    )


def from_summary(item: FeedItem) -> Article:
    """The feed's own title and summary, used when the page gives nothing."""
    text = item.summary or item.title
    if not text:
        raise ExtractError(f"{item.link}: page unusable and the feed item has no summary")
    return Article(url=item.link, title=item.title, text=text, site=_host(item.link),
                   published=item.published, origin="summary")


def from_text(raw: str, source: str) -> Article:
    """A plain-text article; leading `key: value` lines and a blank line are its header."""
    lines = raw.replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        m = HEADER.match(line)
        if m and not line.startswith(("http:", "https:")):
            meta[m.group(1).lower()] = m.group(2).strip()
            continue
        if line.strip() == "" and meta:
            body_start = i + 1
        else:
            meta = {}  # header lines must end with a blank line; otherwise it is all body
        break
    text = clean("\n".join(lines[body_start:]) if meta else raw)
    if not text:
        raise ExtractError(f"{source}: no text")
    url = meta.get("url", "")
    return Article(url=url, title=meta.get("title", ""), text=text, site=_host(url) if url else None,
                   author=meta.get("author"), published=meta.get("published") or meta.get("date"), origin="file")


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None

