"""Findings -> digest view model -> HTML and plain text (Jinja2, HTML autoescaped)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .resources import data_dir

ORDER = {"contradicted": 0, "updated": 1}
MAX_ITEM_ERRORS = 50  # listed in a digest; the rest are counted and written to a file beside it
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else is shown as text."""
    try:
        return url if url and urlsplit(url).scheme.lower() in ("http", "https") and "\\" not in url else None
    except ValueError:
        return None


def plural(n: int, word: str) -> str:
    irregular = {"contradiction": "contradictions", "update": "updates", "new claim": "new claims",
                 "revised article": "revised articles"}
    return f"{n} {word if n == 1 else irregular.get(word, word + 's')}"


def headline(counts: dict[str, int]) -> str:
    parts = [plural(counts.get(k, 0), w) for k, w in
             (("contradicted", "contradiction"), ("updated", "update"), ("new", "new claim"),
              ("revised", "revised article")) if counts.get(k)]
    return ", ".join(parts) if parts else "nothing material changed"


def subject(story: str, counts: dict[str, int]) -> str:
    """One header-safe line: no control characters, no encoded-word markers."""
    text = f"{story}: {headline(counts)}"
    return _CONTROL.sub(" ", text).replace("=?", "= ?")[:200]


def build(story: str, digest_id: int, created: str, findings, articles, report: dict,
          failing: list, snapshots: dict[str, dict], errors_file: Path | None = None, updated: list = ()) -> dict:
    """The digest's content from store rows: everything the templates show, nothing else.
    Item errors past MAX_ITEM_ERRORS are only counted; errors_file holds them all.
    updated: the "Updated articles" entries (revised.view), whose findings are skipped here."""
    counts: dict[str, int] = {"revised": len(updated)} if updated else {}
    changes, new_by_article, corroborated = [], {}, {}
    entries: dict[int, dict] = {}  # finding id -> entry, for repeats within this digest
    before: dict[int, dict] = {}  # earlier finding id -> what this digest adds to it
    for row in findings:
        if row["status"] == "revised":
            continue
        article = {"title": row["a_title"] or row["a_url"], "url": row["a_url"], "href": safe_url(row["a_url"]),
                   "site": row["a_site"], "published": row["a_published"], "summary_only": row["a_origin"] == "summary"}
        root = row["repeat_of"]
        if root and row["r_digest"] != digest_id:  # reported in an earlier digest
            group = before.setdefault(root, {"claim": row["r_claim"], "status": row["r_status"],
                                             "digest": row["r_digest"], "created": row["r_created"], "also": []})
            group["also"].append(article)
            continue
        if root in entries:  # the same thing, said again in this digest: one more source
            entries[root]["also"].append(article)
            continue
        counts[row["status"]] = counts.get(row["status"], 0) + 1
        entry = {"status": row["status"], "claim": row["claim"], "attribution": row["attribution"],
                 "old": row["old"], "new": row["new"], "reason": row["reason"], "score": row["score"],
                 "baseline": _baseline(row["baseline"], snapshots), "article": article, "also": []}
        entries[row["id"]] = entry
        if row["status"] in ORDER:
            changes.append(entry)
        elif row["status"] == "new":
            new_by_article.setdefault(row["a_id"], {"article": article, "claims": []})["claims"].append(entry)
        else:
            corroborated.setdefault(row["a_id"], [article, 0])[1] += 1
    changes.sort(key=lambda e: ORDER[e["status"]])
    read = [{"title": a["title"] or a["url"], "url": a["url"], "href": safe_url(a["url"]), "site": a["site"],
             "published": a["published"], "summary_only": a["origin"] == "summary", "relevant": bool(a["relevant"]),
             "relevance": a["relevance"], "claims": a["n_claims"]} for a in articles]
    return {
        "story": story, "digest_id": digest_id, "created": created,
        "headline": headline(counts), "subject": subject(story, counts), "counts": counts,
        "material": bool(changes or new_by_article or updated),
        "changes": changes,
        "updated": list(updated),
        "new_by_article": list(new_by_article.values()),
        "reported_before": sorted(before.values(), key=lambda g: (ORDER.get(g["status"], 2), g["digest"] or 0)),
        "corroborated": sum(n for _, n in corroborated.values()),
        "corroborated_by_article": [{"article": a, "count": n} for a, n in corroborated.values()],
        "articles": [a for a in read if a["relevant"]],
        "offtopic": report.get("items_offtopic", 0),
        "report": report,
        "failing": [{"url": f["url"], "href": safe_url(f["url"]), "error": f["last_error"], "failures": f["failures"],
                     "last_ok": f["last_ok"]} for f in failing],
        "item_errors": [{"url": u, "href": safe_url(u), "error": e}
                        for u, e in report.get("item_errors", [])[:MAX_ITEM_ERRORS]],
        "item_errors_more": max(0, len(report.get("item_errors", [])) - MAX_ITEM_ERRORS),
        "errors_file": str(errors_file or ""), "errors_href": errors_file.name if errors_file else "",
    }


def _baseline(raw: str | None, snapshots: dict[str, dict]) -> list[dict]:
    out = []
    for fact in json.loads(raw or "[]"):
        for src in fact["sources"]:
            snap = snapshots.get(src["id"], {})
            out.append({"id": src["id"], "text": src["text"], "outlet": snap.get("outlet") or snap.get("title")
                        or f"baseline {src['id']}", "url": snap.get("url"), "href": safe_url(snap.get("url"))})
    return out


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


def render_index(entries: list[dict]) -> str:
    return environment().get_template("index.html.j2").render(entries=entries)
