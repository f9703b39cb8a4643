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
    if target.lower().startswith(("http://", "https://")):
        from .http import Fetcher

        fetcher = Fetcher(settings.fetch)
        try:
            res = fetcher(target)
        finally:
            fetcher.close()
        return articles.extract(res.body, res.url)
    path = Path(target)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MonitorError(f"{target}: cannot read: {exc.strerror}") from None
    if path.suffix.lower() in (".html", ".htm") or articles.looks_like_html(data):
        return articles.extract(data, path.resolve().as_uri())
    return articles.from_text(data.decode("utf-8", "replace"), target)


def check_target(settings: Settings, target: str) -> dict:
    article = load_article(settings, target)
    snaps = snapshots.load(settings.snapshots_dir)
    outlets = {s["id"]: s.get("outlet") or s.get("title") for s in snaps}
    result = compare_article(article, Baseline(snaps, settings.topic["anchors"]), settings.topic)
    return {
        "title": article.title, "url": article.url, "published": article.published,
        "relevant": result.relevant, "relevance": round(result.relevance, 3),
        "claims": [
            {"text": f.claim.text, "status": f.status, "score": round(f.score, 3), "reason": f.reason,
             "old": f.old, "new": f.new, "attribution": f.claim.attribution,
             "baseline": [{"fact": b.fact_id, "id": sid, "outlet": outlets.get(sid), "text": text}
                          for b in f.baseline for sid, text in b.sources]}
            for f in result.findings
        ],
    }
