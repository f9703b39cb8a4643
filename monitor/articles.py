"""Fetched page bytes (or a text file) -> Article, with trafilatura doing the extraction."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .errors import ExtractError
from .models import Article, FeedItem
from .text import clean

MAX_PAGE_BYTES = 3_000_000  # trafilatura's time and memory grow badly on huge malformed pages
HEADER = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)$")


def load_extractor() -> None:
    """Import trafilatura and htmldate now: heavy, so paid only when a page is new."""
    import htmldate  # noqa: F401
    import trafilatura.metadata  # noqa: F401


def extract(body: bytes, url: str, item: FeedItem | None = None, fallbacks: bool = False) -> Article:
    """Extract the main text and metadata of an HTML page; ExtractError when there is none.
    fallbacks=True lets trafilatura try readability and jusText when its own pass looks
    thin: more text on some badly built pages, for 1.6x the time and 30 MB per process."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if not body:
        raise ExtractError(f"{url}: empty page")
    if len(body) > MAX_PAGE_BYTES:
        raise ExtractError(f"{url}: page of {len(body)} bytes is over the extraction cap of {MAX_PAGE_BYTES}")
    if body.lstrip()[:5] in (b"%PDF-", b"\x89PNG\r") or b"\x00" in body[:1024] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractError(f"{url}: not an HTML page (binary content)")
    try:
        tree = load_html(body)  # parsed once: the metadata pass reads it, the text pass copies it
        if tree is None:
            raise ExtractError(f"{url}: not an HTML page (nothing to parse)")
        title, site, author, date = _metadata(tree, url)
        # deduplicate=False: its cache lives for the whole process, so a syndicated story or
        # a page read again by the scheduler would come back with its paragraphs missing
        doc = bare_extraction(tree, url=url, fast=not fallbacks, with_metadata=False, include_comments=False,
                              include_tables=False, deduplicate=False)
    except ExtractError:
        raise
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise ExtractError(f"{url}: extraction failed: {type(exc).__name__}: {exc}") from None
    text = clean(getattr(doc, "text", "") or "") if doc is not None else ""
    if not text:
        raise ExtractError(f"{url}: no article text found")
    return Article(
        url=url,
        title=clean(title or (item.title if item else "") or ""),
        text=text,
        site=clean(site or "") or _host(url),
        author=clean(author or "") or None,
        published=date or (item.published if item else None),
        origin="page",
    )


def _metadata(tree, url: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, site, author, date) from meta tags, JSON-LD, the title element and htmldate's
    quick search. trafilatura's full pass also hunts bylines, tags and licences through the
    whole tree and runs dateparser over the text: 3.7 of its 9.4 s on the benchmark corpus,
    for fields the digest does not show."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # malformed JSON-LD is common; the meta tags still count
        pass
    date = find_date(tree, url=url, original_date=True, extensive_search=False)
    return meta.title or extract_title(tree), meta.sitename or extract_sitename(tree), meta.author, date


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

