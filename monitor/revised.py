"""`revised` findings -> the digest's "Updated articles" entries (pure): one entry per new
version of an article, with its title change, its changed claim sentences (word-level
for an edited sentence) and, first, any status against the baseline that moved."""

from __future__ import annotations

from .present import human_date, safe_url
from .versions import word_diff

NOTABLE = ("contradicted", "updated")  # a sentence added with one of these statuses moves the article's stance


def view(rows) -> list[dict]:
    """rows: Store.revisions_for(digest); entries with a status change come first."""
    entries: dict[tuple[int, int], dict] = {}
    for r in rows:
        entry = entries.setdefault((r["a_id"], r["n"]), {
            "article": {"title": r["v_title"] or r["a_title"] or r["a_url"], "url": r["a_url"],
                        "href": safe_url(r["a_url"]), "site": r["a_site"]},
            "version": r["n"], "at": human_date(r["fetched_at"]), "since": human_date(r["after"]) or None,
            "title": None, "moved": [], "sentences": []})
        if r["kind"] == "title":
            entry["title"] = {"old": r["old"], "new": r["new"]}  # shown whole: a headline is rewritten, not edited
            continue
        sentence = {"kind": r["kind"], "old": r["old"], "new": r["new"], "was": r["was"], "now": r["now"],
                    "reason": r["reason"],
                    "words": word_diff(r["old"], r["new"]) if r["kind"] == "changed" else []}
        if (r["kind"] == "changed" and r["was"] != r["now"]) or (r["kind"] == "added" and r["now"] in NOTABLE):
            entry["moved"].append(sentence)
        else:
            entry["sentences"].append(sentence)
    return sorted(entries.values(), key=lambda e: not e["moved"])
