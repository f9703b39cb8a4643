"""`monitor history URL`: the stored versions of one article, and what changed from one
version to another (every sentence, boring lines left out, as the digest compares)."""

from __future__ import annotations

from .claims import sentences
from .config import Settings
from .errors import MonitorError
from .versions import essential_lines, sentence_changes, word_diff


def show(settings: Settings, url: str, pair: tuple[int, int] | None = None) -> list[str]:
    """Lines to print: the versions, or with pair=(a, b) the changes from version a to b.
    url: as the page or the feed gave it, or without its tracking parameters."""
    from .feeds import canonical_link
    from .store import Store

    if not settings.db_path.exists():
        raise MonitorError(f"{settings.db_path}: no state database yet; `monitor run` makes one")
    store = Store(settings.db_path)
    try:
        article, versions = store.versions_of(url, canonical_link(url))
    finally:
        store.close()
    if article is None:
        raise MonitorError(f"{url}: no article read from this URL in {settings.db_path}")
    if not versions:
        return [f"{article['url']}: read from its feed summary or before versions were kept; no versions stored"]
    if pair is None:
        return [article["url"]] + [f"  version {v['n']}  {v['fetched_at']}  {len(v['text'].split())} words  "
                                   f"{v['title'] or ''}" for v in versions]
    by_n = {v["n"]: v for v in versions}
    missing = [n for n in pair if n not in by_n]
    if missing:
        raise MonitorError(f"{url}: no version {missing[0]} (it has versions 1 to {len(versions)})")
    return diff(by_n[pair[0]], by_n[pair[1]])


def diff(old, new) -> list[str]:
    """What changed from one stored version to another, one line per part."""
    head = f"version {old['n']} ({old['fetched_at']}) -> version {new['n']} ({new['fetched_at']})"
    before, after = essential_lines(old["title"] or "", old["text"]), essential_lines(new["title"] or "", new["text"])
    lines = [head]
    if before[0] != after[0]:
        lines += [f"title: (removed) {before[0]}", f"       (added) {after[0]}"]
    for kind, was, now in sentence_changes(_sentences(before[1:]), _sentences(after[1:])):
        if kind == "changed":
            words = " ".join(f"{'(removed)' if op == '-' else '(added)'} {text}"
                             for op, text in word_diff(was, now) if op != "=")
            lines += [f"* (removed) {was}", f"  (added) {now}", f"  words: {words}"]
        else:
            lines.append(f"* ({kind}) {was or now}")
    if len(lines) == 1:
        lines.append("no change but in boring parts (dates, counts, links, spacing)")
    return lines


def _sentences(lines: list[str]) -> list[str]:
    return [s for para in sentences("\n".join(lines)) for s in para]
