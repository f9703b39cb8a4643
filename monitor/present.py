"""How findings are shown to a reader: human dates, the changed words marked in a
sentence, named sources, change cards, and reports that disagree about one fact.

Pure: store rows and snapshot metadata in, plain dicts out, in an order fixed by the
content alone (publication date, then outlet, then position), never by processing order."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

UNNAMED = "outlet not recorded"
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?$")
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=timezone.utc)  # undated reports sort last


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else is shown as text."""
    try:
        return url if url and urlsplit(url).scheme.lower() in ("http", "https") and "\\" not in url else None
    except ValueError:
        return None


def link(url: str | None, links: tuple[tuple[str, str], ...] = ()) -> str | None:
    """The href for a source's URL: a safe http(s) URL, or its local copy when `links`
    maps its prefix to one (the demo's pages, whose server is gone after the run)."""
    href = safe_url(url)
    for prefix, local in links:
        if href and href.startswith(prefix):
            return local + href[len(prefix):]
    return href


@lru_cache(maxsize=4096)  # a digest shows the same few dates thousands of times
def parse_when(text: str | None) -> tuple[datetime | None, bool]:
    """(moment in UTC, has a time of day) from an ISO date or time or an RFC 2822 date."""
    text = (text or "").strip()
    m = _ISO.match(text)
    try:
        if m:
            y, mo, d, hh, mm, ss, tz = m.groups()
            when = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0),
                            tzinfo=_zone(tz))
            return when.astimezone(timezone.utc), hh is not None
        if text:
            when = parsedate_to_datetime(text)
            return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc), True
    except (ValueError, TypeError, IndexError, OverflowError):
        pass
    return None, False


def _zone(tz: str | None):
    if not tz or tz == "Z":
        return timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


@lru_cache(maxsize=4096)
def human_date(text: str | None, short: bool = False) -> str:
    """'Wed 27 Nov 2024, 14:05 UTC', 'Wed 27 Nov 2024' for a bare date, '27 Nov' short;
    text that is no date is shown as it is."""
    when, timed = parse_when(text)
    if when is None:
        return (text or "").strip()
    if short:
        return f"{when.day} {when:%b}"
    day = f"{when:%a} {when.day} {when:%b %Y}"
    return f"{day}, {when:%H:%M} UTC" if timed else day


def order_key(published: str | None, outlet: str | None, title: str | None, url: str | None) -> tuple:
    """Publication date, outlet, then title and URL: the content alone decides, not the
    order articles were read in. A finding adds its position in the article."""
    when, _ = parse_when(published)
    return (when or FAR_FUTURE, (outlet or "").casefold(), title or "", url or "")


def unquote(sentence: str) -> str:
    """A sentence without the quote mark left open at its start or end by sentence
    splitting inside a quotation (the reader saw a stray doubled quote)."""
    s = sentence.strip()
    for open_, close in (("\u201c", "\u201d"), ("\u2018", "\u2019"), ('"', '"')):
        if s.startswith(open_) and s.count(close) == (1 if open_ == close else 0):
            s = s[1:]
        if s.endswith(close) and s.count(open_) == (1 if open_ == close else 0):
            s = s[:-1]
    return s


def segments(sentence: str, marks) -> list[tuple[str, bool]]:
    """The sentence cut into (text, marked) pieces: each mark's first occurrence marked."""
    sentence = unquote(sentence)
    spans = []
    for mark in marks or ():
        i = sentence.casefold().find(mark.casefold()) if mark else -1
        if i >= 0 and not any(i < e and s < i + len(mark) for s, e in spans):
            spans.append((i, i + len(mark)))
    out, at = [], 0
    for start, end in sorted(spans):
        if start > at:
            out.append((sentence[at:start], False))
        out.append((sentence[start:end], True))
        at = end
    if at < len(sentence):
        out.append((sentence[at:], False))
    return out


def outlet_of(site: str | None, url: str | None) -> str:
    """Who published an article: its site name, else its host."""
    if site:
        return site
    try:
        return urlsplit(url or "").hostname or UNNAMED
    except ValueError:
        return UNNAMED


def article(row, links=()) -> dict:
    """A digest row's article as a reader sees it."""
    url, outlet = row["a_url"], outlet_of(row["a_site"], row["a_url"])
    return {"title": row["a_title"] or url, "url": url, "href": link(url, links), "site": row["a_site"],
            "outlet": outlet, "published": row["a_published"],
            "when": human_date(row["a_published"]), "day": human_date(row["a_published"], short=True),
            "summary_only": row["a_origin"] == "summary", "order": order_key(row["a_published"], outlet,
                                                                             row["a_title"], url)}


def source(snap: dict, links=()) -> dict:
    """A baseline snapshot named for a reader: outlet, title and date, never its id. One
    whose seed gives no title is known by the words it begins with."""
    words = (snap.get("text") or "").split()
    title = f"\u201c{snap['title']}\u201d" if snap.get("title") else \
        f"untitled, begins \u201c{' '.join(words[:8])}\u2026\u201d" if words else ""
    return {"outlet": snap.get("outlet") or UNNAMED, "title": title, "when": human_date(snap.get("date")),
            "href": link(snap.get("url"), links)}


def baseline(raw: str | None, snapshots: dict[str, dict], old: str | None, links=()) -> dict | None:
    """The baseline sentence a finding was matched with, once, with the old value marked,
    and every baseline article that states it."""
    facts = json.loads(raw or "[]")
    if not facts:
        return None
    srcs = facts[0]["sources"]
    first = next((s for s in srcs if old and old.casefold() in s["text"].casefold()), srcs[0])
    return {"text": unquote(first["text"]), "segments": segments(first["text"], [old] if old else []),
            "sources": [source(snapshots.get(s["id"], {}), links) for s in srcs],
            "key": (srcs[0]["id"], srcs[0]["text"])}


def card(row, snapshots: dict[str, dict], links=()) -> dict:
    """A change as a reader checks it: the sentence with its changed words marked, who
    said it and where, the baseline sentence it changes, and why."""
    marks = json.loads(row["marks"] or "null") or ([row["new"]] if row["status"] == "updated" and row["new"] else [])
    old = row["old"] if row["status"] == "updated" else None
    base = baseline(row["baseline"], snapshots, old, links)
    kind = (row["change"] or "").split("=", 1)[0]
    where = article(row, links)
    return {"status": row["status"], "sentence": row["claim"], "segments": segments(row["claim"], marks),
            "who": row["attribution"], "article": where, "baseline": base, "why": row["reason"],
            "value": row["new"] if row["status"] == "updated" else ", ".join(marks) or row["change"] or "",
            "change": row["change"] or f"finding-{row['id']}", "also": [],
            "group": (base["key"] if base else ("", str(row["id"])), kind or str(row["id"])),
            "order": (*where["order"], row["id"])}


def disagreements(cards: list[dict]) -> tuple[list[dict], list[dict]]:
    """(groups, the rest): reports of one baseline fact that give it different values or
    states become one group, its reports by publication date; the others stay cards."""
    by_fact: dict[tuple, list[dict]] = {}
    for c in cards:
        by_fact.setdefault(c["group"], []).append(c)
    groups, rest = [], []
    for members in by_fact.values():
        if len({c["change"] for c in members}) < 2:
            rest.extend(members)
            continue
        members.sort(key=lambda c: c["order"])
        groups.append({"status": "disagreement", "baseline": members[0]["baseline"], "reports": members,
                       "order": members[0]["order"],
                       "summary": summary(members)})
    return sorted(groups, key=lambda g: g["order"]), rest


def summary(reports: list[dict]) -> str:
    """'more than 1,300 artists (Wire, 30 Nov) / 19 (Daily, 2 Dec)': each report's value and source."""
    return " / ".join(f"{c['value']} ({', '.join(filter(None, (c['article']['outlet'], c['article']['day'])))})"
                      for c in reports)
