"""One article on its own: load it (URL, HTML file, text file) and compare it with the
baseline; what `monitor check` prints."""

from __future__ import annotations

from pathlib import Path

from . import articles, snapshots
from .compare import Baseline, compare_article
from .config import Settings
from .errors import MonitorError
from .models import Article


def load_article(settings: Settings, target: str) -> Article:
    fallbacks = bool(settings.fetch["extract_fallbacks"])  # read as `monitor run` would read it
    if target.lower().startswith(("http://", "https://")):
        from .http import Fetcher

        fetcher = Fetcher(settings.fetch)
        try:
            res = fetcher(target)
        finally:
            fetcher.close()
        return articles.extract(res.body, res.url, fallbacks=fallbacks)
    path = Path(target)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MonitorError(f"{target}: cannot read: {exc.strerror}") from None
    if path.suffix.lower() in (".html", ".htm") or articles.looks_like_html(data):
        return articles.extract(data, path.resolve().as_uri(), fallbacks=fallbacks)
    return articles.from_text(data.decode("utf-8", "replace"), target)


def already_reported(settings: Settings, findings, baseline: Baseline) -> list[dict | None]:
    """For each finding, the earlier digest that already carried the same change or new
    claim (None if none did). Reads the state database only if a run has made one."""
    if not settings.db_path.exists():
        return [None] * len(findings)
    from .repeats import check, new_keys
    from .store import Store

    store = Store(settings.db_path)
    try:
        store.rekey(lambda toks: new_keys(toks, baseline))
        out = []
        for root, _ in check(tuple(findings), baseline, store.earlier):
            row = store.reported(root) if root else None
            out.append({"digest": row["id"], "created": row["created"], "sent": row["sent_at"] is not None,
                        "finding": root} if row else None)
        return out
    finally:
        store.close()


def structure(claim) -> dict:
    """What the judgement read in a claim: its subject, the story entity that says so, its
    status frames (with who acts and what about) and its values with their roles."""
    return {
        "subject": claim.subject,
        "speaker": claim.speaker,
        "frames": [{"frame": c.frame, "state": c.state, "words": c.words, "agent": c.agent,
                    "theme": [t for t in c.theme if not t.startswith("~")]} for c in claim.cues],
        "values": [{"kind": v.kind, "text": v.text, "amount": v.amount, "qualifier": v.qualifier,
                    "measures": v.noun or None, "role": [t for t in v.role if not t.startswith("~")],
                    "stated_as_plan": "~modal" in v.role} for v in claim.values],
    }


def judge_sentences(settings: Settings, sentences: list[str]) -> list[dict]:
    """Each sentence judged on its own against the baseline, as a claim of an on-topic
    article would be: its status, reason and the baseline it matched. For tests and
    scripts that probe the judgement one sentence at a time."""
    from .claims import analyse
    from .compare import judge

    baseline = Baseline(snapshots.load(settings.snapshots_dir), settings.topic)
    out = []
    for text in sentences:
        f = judge(analyse(text, "", baseline.entities), baseline)
        out.append({"text": text, "status": f.status, "reason": f.reason, "old": f.old, "new": f.new,
                    "baseline": [text for b in f.baseline for _, text in b.sources]})
    return out


def check_target(settings: Settings, target: str) -> dict:
    article = load_article(settings, target)
    snaps = snapshots.load(settings.snapshots_dir)
    outlets = {s["id"]: s.get("outlet") or s.get("title") for s in snaps}
    baseline = Baseline(snaps, settings.topic)
    result = compare_article(article, baseline, settings.topic)
    reported = already_reported(settings, result.findings, baseline)
    return {
        "title": article.title, "url": article.url, "published": article.published,
        "relevant": result.relevant, "relevance": round(result.relevance, 3),
        "claims": [
            {"text": f.claim.text, "status": f.status, "score": round(f.score, 3), "reason": f.reason,
             "old": f.old, "new": f.new, "attribution": f.claim.attribution, **structure(f.claim),
             "baseline": [{"fact": b.fact_id, "id": sid, "outlet": outlets.get(sid), "text": text}
                          for b in f.baseline for sid, text in b.sources],
             "already_reported": seen}
            for f, seen in zip(result.findings, reported)
        ],
    }
