"""Score the claim judgement on every labelled set, each on its own, the way a user runs
it: `monitor check --json` as a process per article, and for the second story a fresh
baseline built with `monitor snapshots rebuild` from its seed folder first.

usage: .venv/bin/python bench/judgement.py [--min-change-f1 X]

Sets: the shared dev set (tests/fixtures/devset), the labelled follow-ups of the Sora
story (tests/fixtures/followups) and the fictional second story (tests/fixtures/story2).
Prints change F1 (updated + contradicted), new-claim F1, sentence accuracy and relevance
per set; exits 1 when a set's change F1 is under --min-change-f1."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MONITOR = [str(Path(sys.executable).parent / "monitor")]  # the installed command, as a user runs it
CHANGE = {"updated", "contradicted"}


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def check(config: Path | None, path: Path) -> dict:
    cmd = MONITOR + (["--config", str(config)] if config else []) + ["check", str(path), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def score(labels_path: Path, config: Path | None) -> dict:
    """The figures of the shared score.py for one labelled set."""
    labels = json.loads(labels_path.read_text())
    tp = fp = fn = ntp = nfp = nfn = right = total = rel = 0
    for case in labels["cases"]:
        out = check(config, labels_path.parent / case["file"])
        rel += out["relevant"] == case["relevant"]
        claims = out["claims"] if out["relevant"] else []
        keys = [norm(s["key"]) for s in case["sentences"]]
        for s in case["sentences"]:
            got = [c["status"] for c in claims if norm(s["key"]) in norm(c["text"])]
            p = got[0] if got else "none"
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
        fp += sum(1 for c in claims if c["status"] in CHANGE and not any(k in norm(c["text"]) for k in keys))
    f1 = lambda t, p_, n: 2 * t / (2 * t + p_ + n) if (2 * t + p_ + n) else 1.0  # noqa: E731
    return {"change_f1": f1(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, "new_f1": f1(ntp, nfp, nfn),
            "accuracy": right / total if total else 1.0, "sentences": total,
            "relevance": f"{rel}/{len(labels['cases'])}"}


def story2(tmp: Path) -> Path:
    """The second story set up as the README says: its config, its seeds, a rebuild."""
    folder = tmp / "story2"
    shutil.copytree(FIXTURES / "story2", folder, ignore=shutil.ignore_patterns("baseline"))
    config = folder / "story.toml"
    subprocess.run(MONITOR + ["--config", str(config), "snapshots", "rebuild", str(folder / "seeds")],
                   check=True, capture_output=True, cwd=ROOT)
    return config


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-change-f1", type=float, default=None)
    args = ap.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        sets = [("dev set (Sora)", FIXTURES / "devset" / "labels.json", None),
                ("follow-ups (Sora)", FIXTURES / "followups" / "labels.json", None)]
        config = story2(Path(tmp))
        sets.append(("second story", config.parent / "followups" / "labels.json", config))
        print(f"{'set':20} {'change F1':>9} {'tp/fp/fn':>10} {'new F1':>7} {'accuracy':>9} {'relevance':>9}")
        for name, labels, cfg in sets:
            r = score(labels, cfg)
            print(f"{name:20} {r['change_f1']:9.2f} {r['tp']:>3}/{r['fp']}/{r['fn']:<4} {r['new_f1']:7.2f} "
                  f"{r['accuracy']:8.0%}  {r['relevance']:>9}  ({r['sentences']} sentences)")
            failed |= args.min_change_f1 is not None and r["change_f1"] < args.min_change_f1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
