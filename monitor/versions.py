"""Versions of an article's text, and what changed between two of them (pure).

A page read again is a new version only when its title or text changed in more than the
boring parts, as NewsDiffs calls them: a date or time line, share and comment counts,
related-link and sign-up lines, spacing. What changed is worked out on the claim
sentences (the ones the comparison judges): removed, added and changed sentences, each
changed one with a word-level diff, and the status of each against the baseline in the
old and the new version."""

from __future__ import annotations

import difflib
import hashlib
import re

from .models import Article, ArticleResult, FeedItem, Finding, PageVersion, Revision

SAME_SENTENCE = 0.5  # two sentences sharing this share of their words are one sentence edited

_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
           "august|september|october|november|december")
_DAYS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE_WORD = re.compile(rf"(?:{_MONTHS}|{_DAYS}|am|pm|a\.m|p\.m|at|on|of|the|and|by|ago|just|now|today|yesterday|"
                        r"an?|few|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|gmt|utc|bst|cet|cest|"
                        r"[ecmp][sd]?t|z|\d+(?:st|nd|rd|th)?|[\d:./-]+)")
_WORD = re.compile(r"[\w.:/-]+")
_DATE_LABEL = re.compile(r"^(?:last\s+)?(?:updated|update|published|posted|modified|first published|edited)\b[\s:,-]*",
                         re.I)
_COUNT = re.compile(r"^(?:[\d.,]+\s*[km]?\s+)?(?:shares?|comments?|likes?|views?|reads?|reactions?|retweets?|"
                    r"reposts?|replies|min(?:ute)? read)(?:\s*[:(]?\s*[\d.,]+\s*[km]?\)?)?$", re.I)
_NAVIGATION = re.compile(r"^(?:related|read more|read also|more from|more on|see also|recommended|you may also like|"
                         r"most read|most popular|trending|advertisement|sponsored|share (?:this|on)|follow us|"
                         r"sign up|subscribe|newsletter)\b", re.I)
_NAVIGATION_WORDS = 25  # a longer line opening with those words is text, not navigation
_INLINE_STAMP = re.compile(r"^(?:updated|update)(?:\s+at)?\s+[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\s*)?[:,-]\s*",
                           re.I)


def is_boring(line: str) -> bool:
    """A line whose change alone is no news: a date line, a count, navigation, digits."""
    if not re.search(r"[^\W\d_]", line):
        return True  # digits and punctuation only
    if _COUNT.match(line):
        return True
    if _NAVIGATION.match(line) and len(line.split()) <= _NAVIGATION_WORDS:
        return True
    rest = _DATE_LABEL.sub("", line).lower()
    first = _WORD.search(rest)
    if not first or not _DATE_WORD.fullmatch(first[0].strip(".,")):
        return False  # most lines are text: its first word tells, no need to read them all
    return all(_DATE_WORD.fullmatch(m[0].strip(".,")) for m in _WORD.finditer(rest)) and (
        bool(_DATE_LABEL.match(line)) or any(c.isdigit() for c in rest))


def essential_lines(title: str, text: str) -> list[str]:
    """The title and the lines of the text that count: spacing folded, boring lines out,
    an update stamp opening a line ("Updated 14:05 GMT: ...") taken off."""
    lines = [" ".join(title.split())]
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line and not is_boring(line):
            lines.append(_INLINE_STAMP.sub("", line))
    return lines


def fingerprint(title: str, text: str) -> str:
    """Equal for two versions that differ only in boring parts."""
    return hashlib.sha256("\n".join(essential_lines(title, text)).encode("utf-8", "replace")).hexdigest()


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def entry_hash(item: FeedItem) -> str:
    """A feed entry's content and dates: when it changes under the same guid, the page is read again."""
    return hashlib.sha256("\x1f".join((item.title, item.summary, item.published or "", item.updated or ""))
                          .encode("utf-8", "replace")).hexdigest()


def page_version(article: Article, etag: str | None, modified: str | None, raw_hash: str,
                 item: FeedItem | None = None) -> PageVersion:
    return PageVersion(fingerprint(article.title, article.text), article.title, article.text, etag, modified,
                       raw_hash, entry_hash(item) if item else None)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, words) runs turning old into new: '=' kept, '-' removed, '+' added."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def sentence_changes(old: list[str], new: list[str]) -> list[tuple[str, str | None, str | None]]:
    """(kind, old sentence, new sentence) for each sentence removed, added or changed, in
    the new version's order; an edited sentence is paired with the old one it shares
    most of its words with, if that is at least SAME_SENTENCE."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        gone, came = old[i1:i2], new[j1:j2]
        pairs, start = {}, 0
        for i, sent in enumerate(gone):  # in order: a pairing never crosses another
            scored = [(_similar(sent, cand), j) for j, cand in enumerate(came) if j >= start]
            best = max(scored, default=(0.0, -1), key=lambda s: (s[0], -s[1]))
            if best[0] >= SAME_SENTENCE:
                pairs[best[1]] = i
                start = best[1] + 1
        out += _in_reading_order(gone, came, pairs)
    return out


def _in_reading_order(gone: list[str], came: list[str], pairs: dict[int, int]) -> list:
    """Removed, added and changed sentences of one block, each where it stood."""
    paired = set(pairs.values())
    out, i, j = [], 0, 0
    while i < len(gone) or j < len(came):
        if i < len(gone) and i not in paired:
            out.append(("removed", gone[i], None))
            i += 1
        elif j < len(came) and j not in pairs:
            out.append(("added", None, came[j]))
            j += 1
        else:  # pairings never cross: gone[i] is the one came[j] is paired with
            out.append(("changed", gone[pairs[j]], came[j]))
            i, j = pairs[j] + 1, j + 1
    return out


def revisions(old: ArticleResult, new: ArticleResult, terms: list[str]) -> list[Revision]:
    """What changed from one version of an article to the next: its title, then each claim
    sentence removed, added or changed, with its status against the baseline in the
    version it was in (None when the version was not judged on topic)."""
    from .claims import claim_sentences  # only a run with a changed page pays for the judgement's imports

    out = []
    if " ".join(old.article.title.split()) != " ".join(new.article.title.split()):
        out.append(Revision("title", old.article.title, new.article.title))
    judged_old, judged_new = _by_text(old.findings), _by_text(new.findings)
    changes = sentence_changes(claim_sentences(old.article.text, terms), claim_sentences(new.article.text, terms))
    for kind, before, after in changes:
        was, now = judged_old.get(before or ""), judged_new.get(after or "")
        evidence = now or was
        out.append(Revision(kind, before, after, was.status if was else None, now.status if now else None,
                            evidence.reason if evidence else "", evidence.baseline if evidence else ()))
    return out


def _by_text(findings: tuple[Finding, ...]) -> dict[str, Finding]:
    return {f.claim.text: f for f in findings}
