"""Baseline snapshots on disk: one JSON file per baseline article, with its cleaned text,
metadata and claim sentences. Built from the seed articles; more can be added."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .articles import HEADER
from .errors import MonitorError
from .models import Article
from .resources import data_dir
from .text import clean

DATE_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>20\d\d)$", re.I)
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
PUBLISHED = re.compile(r"published\s*:\s*([A-Z][a-z]+\.? \d{1,2}, 20\d\d)", re.I)
DOMAIN = re.compile(r"\b(?:on|at|from)\s+((?:www\.)?[a-z0-9-]+\.(?:com|org|net|in|co\.uk|ie))\b", re.I)
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def parse_seed(raw: str, file_name: str) -> dict:
    """Seed text -> snapshot fields. A seed that starts with `key: value` header lines
    (title, outlet, published, url) and a blank line gives its metadata there; otherwise
    title, outlet and date come from the text where it gives them. Navigation, bylines,
    ads and 'ALSO READ' lines are dropped."""
    from .claims import BOILERPLATE  # a run that only loads snapshots never compiles the claim rules

    header = _header(raw)
    if header is not None:
        meta, body = header
        fields = parse_seed(body, file_name)
        return {**fields, **{k: v for k, v in meta.items() if v}}
    lines = [clean(line) for line in raw.replace("\r\n", "\n").split("\n")]
    meta: dict = {"title": None, "outlet": None, "date": None}
    m = DATE_PREFIX.match(raw)
    if m:
        meta["date"] = m.group(1)
        lines[0] = clean(DATE_PREFIX.sub("", raw.split("\n", 1)[0]))
    for line in lines:
        pub, dom = PUBLISHED.search(line), DOMAIN.search(line)
        if pub and not meta["date"]:
            meta["date"] = _iso(pub.group(1))
        if dom and BOILERPLATE.match(line) and not meta["outlet"]:
            meta["outlet"] = dom.group(1).removeprefix("www.")
    body: list[str] = []
    for line in lines:
        if not line or BOILERPLATE.match(line):
            continue
        dl = DATE_LINE.match(line)
        if dl:
            meta["date"] = meta["date"] or _iso(line)
            continue
        if meta["title"] is None and not body and _is_heading(line):
            meta["title"] = line
            continue
        if meta["title"] == line:
            continue  # the headline repeated above the article body
        if meta["title"] and not body and meta["outlet"] is None and len(line.split()) <= 4 and _is_heading(line):
            meta["outlet"] = line  # a short line straight under the headline names the outlet
            continue
        body.append(line)
    return {**meta, "file": file_name, "text": "\n".join(body)}


def _header(raw: str) -> tuple[dict, str] | None:
    """({title, outlet, date, url}, body) when raw opens with `key: value` lines and a
    blank line, as a story's baseline articles do; None for a bare article."""
    head, sep, body = raw.replace("\r\n", "\n").partition("\n\n")
    lines = [line for line in head.split("\n") if line.strip()]
    if not sep or not lines or not all(HEADER.match(line) for line in lines):
        return None
    meta = {m.group(1).lower(): clean(m.group(2)) for m in map(HEADER.match, lines)}
    date = meta.get("published") or meta.get("date") or ""
    return {"title": meta.get("title"), "outlet": meta.get("outlet") or meta.get("site"),
            "date": date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else _iso(date) or date or None,
            "url": meta.get("url")}, body


def _is_heading(line: str) -> bool:
    return len(line) <= 200 and not line.rstrip().endswith((".", "!", "?", '"', "\u201d"))


def _iso(text: str) -> str | None:
    m = re.search(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(20\d\d)", text)
    if not m or m.group(1)[:3].lower() not in MONTHS:
        return None
    return f"{m.group(3)}-{MONTHS.index(m.group(1)[:3].lower()) + 1:02d}-{int(m.group(2)):02d}"


def make_snapshot(snap_id: str, fields: dict, topic_terms: list[str]) -> dict:
    from .claims import is_claim, on_topic

    paragraphs = on_topic(fields["text"], topic_terms)
    return {
        "id": snap_id,
        "file": fields.get("file"),
        "title": fields.get("title"),
        "outlet": fields.get("outlet"),
        "date": fields.get("date"),
        "url": fields.get("url"),
        "text": "\n".join(" ".join(para) for para in paragraphs),
        "claims": [s for para in paragraphs for s in para if is_claim(s)],
    }


def rebuild(seeds_dir: Path, out_dir: Path, topic_terms: list[str]) -> list[Path]:
    """Write one snapshot per seed file (sorted by name; the id is the name's prefix)."""
    seeds = sorted(p for p in Path(seeds_dir).glob("*.txt"))
    if not seeds:
        raise MonitorError(f"{seeds_dir}: no seed .txt files")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in seeds:
        snap_id = path.stem.split("_", 1)[0]
        fields = parse_seed(path.read_text(encoding="utf-8"), path.name)
        written.append(_write(out_dir, make_snapshot(snap_id, fields, topic_terms)))
    return written


def add(article: Article, out_dir: Path, topic_terms: list[str], file_name: str | None = None) -> Path:
    """Add one more baseline article; its id is the next free number."""
    existing = [int(p.stem.split("_", 1)[0]) for p in out_dir.glob("*.json") if p.stem[:3].isdigit()]
    snap_id = f"{max(existing, default=-1) + 1:03d}"
    fields = {"title": article.title or None, "outlet": article.site, "date": article.published,
              "url": article.url or None, "file": file_name, "text": article.text}
    return _write(out_dir, make_snapshot(snap_id, fields, topic_terms))


def _write(out_dir: Path, snap: dict) -> Path:
    path = out_dir / f"{snap['id']}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(snap, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load(snap_dir: Path | None = None) -> list[dict]:
    folder = snap_dir or data_dir("snapshots")
    snaps = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            snap = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MonitorError(f"{path}: unreadable snapshot: {exc}") from None
        if not isinstance(snap, dict) or not isinstance(snap.get("claims"), list) or "id" not in snap:
            raise MonitorError(f"{path}: not a snapshot (needs 'id' and a 'claims' list)")
        snaps.append(snap)
    if not snaps:
        raise MonitorError(f"{folder}: no baseline snapshots; build them with 'monitor snapshots rebuild'")
    return snaps
