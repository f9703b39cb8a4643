"""Score the judgement against labelled follow-up articles: the figures of the shared
dev set's score.py (change F1, new-claim F1, sentence accuracy, relevance), for tests and
benchmarks alike. Labels: a labels.json of cases, each a file, whether it is relevant and
its labelled sentences (a key substring and the gold status or statuses)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

CHANGE = {"updated", "contradicted"}


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def score(labels_path: Path, check: Callable[[Path], tuple[bool, list[tuple[str, str]]]]) -> dict:
    """check(article path) -> (relevant, [(claim text, status), ...])."""
    labels = json.loads(Path(labels_path).read_text())
    tp = fp = fn = ntp = nfp = nfn = right = total = rel = 0
    for case in labels["cases"]:
        relevant, claims = check(Path(labels_path).parent / case["file"])
        rel += relevant == case["relevant"]
        claims = [(norm(text), status) for text, status in claims] if relevant else []
        keys = [norm(s["key"]) for s in case["sentences"]]
        for s, key in zip(case["sentences"], keys):
            p = next((status for text, status in claims if key in text), "none")
            gold = s["status"] if isinstance(s["status"], list) else [s["status"]]
            total, right = total + 1, right + (p in gold)
            if p in CHANGE:
                tp, fp = tp + (p in gold), fp + (p not in gold)
            elif all(g in CHANGE for g in gold):
                fn += 1
            if p == "new":
                ntp, nfp = ntp + (gold == ["new"]), nfp + (gold != ["new"])
            elif gold == ["new"]:
                nfn += 1
        # a change on an unlabelled sentence is a false alarm too
        fp += sum(1 for text, status in claims if status in CHANGE and not any(k in text for k in keys))
    return {"change_f1": _f1(tp, fp, fn), "precision": tp / (tp + fp) if tp + fp else 1.0, "tp": tp, "fp": fp,
            "fn": fn, "new_f1": _f1(ntp, nfp, nfn), "accuracy": right / total if total else 1.0,
            "sentences": total, "relevant_right": rel, "cases": len(labels["cases"])}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
