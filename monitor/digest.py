"""Findings -> digest view model -> HTML and plain text (Jinja2, HTML autoescaped)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import present
from .resources import data_dir

ORDER = {"contradicted": 0, "updated": 1}
STORY_PAGE, ARCHIVE = "story.html", "index.html"  # beside the digests; every digest links to both
MAX_ITEM_ERRORS = 50  # listed in a digest; the rest are counted and written to a file beside it
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def plural(n: int, word: str) -> str:
    irregular = {"contradiction": "contradictions", "update": "updates", "new claim": "new claims",
                 "revised article": "revised articles"}
    return f"{n} {word if n == 1 else irregular.get(word, word + 's')}"


def headline(counts: dict[str, int], failing: int = 0, sources: int = 0) -> str:
    """What changed, and how many sources could not be read: "nothing material changed"
    must not hide a monitor that read nothing."""
    kinds = (("disagreement", "disagreement"), ("contradicted", "contradiction"), ("updated", "update"),
             ("new", "new claim"), ("revised", "revised article"))
    parts = [plural(counts.get(k, 0), w) for k, w in kinds if counts.get(k)]
    text = ", ".join(parts) if parts else "nothing material changed"
    return f"{text}; {failing} of {sources} sources failing" if failing else text


def subject(story: str, counts: dict[str, int], failing: int = 0, sources: int = 0) -> str:
    """One header-safe line: no control characters, no encoded-word markers."""
    text = f"{story}: {headline(counts, failing, sources)}"
    return _CONTROL.sub(" ", text).replace("=?", "= ?")[:200]


def build(story: str, digest_id: int, created: str, findings, articles, report: dict,
          failing: list, snapshots: dict[str, dict], errors_file: Path | None = None, updated: list = (), *,
          left_out=(), links: tuple[tuple[str, str], ...] = ()) -> dict:
    """The digest's content from store rows: everything the templates show, nothing else,
    in an order fixed by the content (see present). updated: the "Updated articles" entries
    (revised.view), whose findings are skipped here; left_out: items the run skipped by
    their feed title; links: URL prefixes shown as local copies. Item errors past
    MAX_ITEM_ERRORS are only counted; errors_file holds them all."""
    counts: dict[str, int] = {"revised": len(updated)} if updated else {}
    changes, new_by_article, corroborated = [], {}, {}
    said: dict[int, list] = {}  # first finding id -> every row of this digest that says the same
    before: dict[int, dict] = {}  # earlier finding id -> what this digest adds to it
    for row in findings:
        if row["status"] == "revised":
            continue
        root = row["repeat_of"]
        if root and row["r_digest"] != digest_id:  # reported in an earlier digest
            group = before.setdefault(root, {"claim": row["r_claim"], "status": row["r_status"],
                                             "digest": row["r_digest"], "created": row["r_created"],
                                             "when": present.human_date(row["r_created"]), "also": []})
            group["also"].append(present.article(row, links))
        else:
            said.setdefault(root if root in said else row["id"], []).append(row)
    for rows in said.values():
        # the earliest report leads, whichever was read first; the others are more sources for it
        lead, *more = sorted(rows, key=lambda r: (*present.article(r)["order"], r["id"]))
        if lead["status"] in ORDER:
            entry = present.card(lead, snapshots, links)
            changes.append(entry)
        else:
            entry = {"claim": present.unquote(lead["claim"]), "attribution": lead["attribution"],
                     "position": lead["id"], "why": lead["reason"],
                     "baseline": present.baseline(lead["baseline"], snapshots, None, links)}
            by_article = new_by_article if lead["status"] == "new" else corroborated
            by_article.setdefault(lead["a_id"], {"article": present.article(lead, links),
                                                 "claims": []})["claims"].append(entry)
        entry["also"] = [present.article(r, links) for r in more]
        counts[lead["status"]] = counts.get(lead["status"], 0) + 1
    disagree, changes = present.disagreements(changes)
    for group in disagree:
        counts["disagreement"] = counts.get("disagreement", 0) + 1
        for c in group["reports"]:
            counts[c["status"]] -= 1
    changes.sort(key=lambda e: (ORDER[e["status"]], e["order"]))
    for group in before.values():
        group["also"].sort(key=lambda a: a["order"])
    for group in [*new_by_article.values(), *corroborated.values()]:
        group["claims"].sort(key=lambda c: c["position"])
    read = sorted(({**_read(a, links), "relevant": bool(a["relevant"]), "relevance": a["relevance"],
                    "claims": a["n_claims"]} for a in articles), key=lambda a: a["order"])
    offtopic = [{**a, "why": _why_left_out(a["relevance"])} for a in read if not a["relevant"]] + \
        [{"title": i["title"] or i["link"], "url": i["link"], "href": present.link(i["link"], links),
          "relevance": None, "why": "its feed title and summary name none of the story's item terms"}
         for i in left_out]
    down = (report.get("sources_failing", 0), report.get("sources", 0))
    return {
        "story": story, "digest_id": digest_id, "created": created, "when": present.human_date(created),
        "headline": headline(counts, *down), "subject": subject(story, counts, *down), "counts": counts,
        "material": bool(disagree or changes or new_by_article or updated),
        "disagreements": disagree,
        "changes": changes,
        "updated": list(updated),
        "new_by_article": sorted(new_by_article.values(), key=lambda g: g["article"]["order"]),
        "reported_before": sorted(before.values(), key=lambda g: (ORDER.get(g["status"], 2), g["digest"] or 0,
                                                                   g["claim"] or "")),
        "corroborated": sum(len(g["claims"]) for g in corroborated.values()),
        "corroborated_by_article": sorted(corroborated.values(), key=lambda g: g["article"]["order"]),
        "articles": [a for a in read if a["relevant"]],
        "offtopic": offtopic,
        "report": report,
        "failing": [{"name": f["name"], "url": f["url"], "href": present.safe_url(f["url"]), "error": f["last_error"],
                     "failures": f["failures"], "last_ok": f["last_ok"]} for f in failing],
        "item_errors": [{"url": u, "href": present.safe_url(u), "error": e}
                        for u, e in report.get("item_errors", [])[:MAX_ITEM_ERRORS]],
        "item_errors_more": max(0, len(report.get("item_errors", [])) - MAX_ITEM_ERRORS),
        "errors_file": str(errors_file or ""), "errors_href": errors_file.name if errors_file else "",
        "story_href": STORY_PAGE, "archive_href": ARCHIVE,
    }


def _read(a, links) -> dict:
    """An article row of the run as a reader sees it."""
    outlet = present.outlet_of(a["site"], a["url"])
    return {"title": a["title"] or a["url"], "url": a["url"], "href": present.link(a["url"], links),
            "site": a["site"], "outlet": outlet, "when": present.human_date(a["published"]),
            "summary_only": a["origin"] == "summary",
            "order": present.order_key(a["published"], outlet, a["title"], a["url"])}


def _why_left_out(relevance: float) -> str:
    if not relevance:
        return "nothing in it is about the story (no anchor named, or no claim on its subject)"
    return "under the story's relevance threshold (topic.min_score)"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def render(view: dict) -> tuple[str, str]:
    env = environment()
    return env.get_template("digest.html.j2").render(**view), env.get_template("digest.txt.j2").render(**view)


def render_index(story: str, entries: list[dict]) -> str:
    """The archive: every digest, newest first, with its date in words."""
    entries = [{**e, "when": present.human_date(e["created"])} for e in entries]
    return environment().get_template("index.html.j2").render(story=story, entries=entries, story_href=STORY_PAGE)
