"""The story so far (story.html beside the digests, rebuilt with each digest): for each
baseline fact that coverage has changed, where it stands now and its history by date and
source; what the baseline left open that nobody has settled; the newest developments."""

from __future__ import annotations

from pathlib import Path

from . import present
from .digest import ARCHIVE, STORY_PAGE, environment
NEWEST = 12  # developments listed at the foot of the page
# baseline states that leave a question open, for any story: not confirmed either way, not yet released
OPEN = {"verify": ("unknown",), "release": ("no", "planned")}
KINDS = {"verify": "Confirmed or not", "release": "Release", "access": "Access", "phase": "Stage",
         "count": "Number", "money": "Sum", "duration": "Duration", "percent": "Share", "resolution": "Resolution",
         "temperature": "Temperature", "date": "Date", "time": "Time of day"}


def open_questions(facts) -> list[dict]:
    """Baseline facts (compare.Baseline.facts) whose status is still open: (fact key, frame)
    with the sentence, as the digests' change cards key them."""
    out = []
    for fact in facts:
        sid, text = fact.sources[0]
        for frame in dict.fromkeys(c.frame for c in fact.claim.cues if c.state in OPEN.get(c.frame, ())):
            out.append({"group": ((sid, text), frame), "text": text, "ids": [i for i, _ in fact.sources]})
    return out


def build(story: str, created: str | None, rows, snapshots: dict[str, dict], questions: list[dict],
          links: tuple[tuple[str, str], ...] = (), latest: str | None = None) -> dict:
    """The page's content from store rows (Store.story_rows), in an order fixed by the content."""
    changes = [present.card(r, snapshots, links) for r in rows if r["status"] in ("updated", "contradicted")]
    by_fact: dict[tuple, list[dict]] = {}
    for c in sorted(changes, key=lambda c: c["order"]):
        by_fact.setdefault(c["group"], []).append(c)
    facts = []
    for group, reports in by_fact.items():
        settled = len({c["change"] for c in reports}) == 1
        facts.append({"kind": KINDS.get(group[1], group[1].capitalize()), "baseline": reports[0]["baseline"],
                      "reports": reports, "now": reports[-1] if settled else None,
                      "disagree": "" if settled else present.summary(reports)})
    unknown = [{"text": q["text"], "kind": KINDS.get(q["group"][1], q["group"][1]),
                "sources": [present.source(snapshots.get(i, {}), links) for i in q["ids"]]}
               for q in questions if q["group"] not in by_fact]
    firsts = [r for r in rows if r["repeat_of"] is None]
    newest = sorted(firsts, key=_newest_first)[:NEWEST]
    return {"story": story, "when": present.human_date(created), "facts": facts, "unknown": unknown,
            "newest": [{"status": r["status"], "claim": present.unquote(r["claim"]), "who": r["attribution"],
                        "article": present.article(r, links)} for r in newest],
            "latest_href": latest, "archive_href": ARCHIVE}


def _newest_first(row) -> tuple:
    when, _ = present.parse_when(row["a_published"])
    stamp = -when.timestamp() if when else float("inf")
    return (stamp, present.outlet_of(row["a_site"], row["a_url"]).casefold(), row["a_title"] or "",
            row["a_url"] or "", row["id"])


def render(view: dict) -> str:
    return environment().get_template("story.html.j2").render(**view)


def write(settings, store, baseline) -> Path:
    """Rebuild story.html in the output folder from everything the store holds. baseline:
    the run's compare.Baseline (its facts give the open questions), not built again here."""
    from .delivery import write_atomic

    digests = store.digests()
    questions = open_questions(baseline.facts)
    view = build(settings.story, digests[0]["created"] if digests else None, store.story_rows(),
                 baseline.snapshots, questions, settings.links,
                 Path(digests[0]["html_path"]).name if digests else None)
    path = settings.output_dir / STORY_PAGE
    write_atomic(path, render(view))
    return path
