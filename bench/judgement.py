"""Score the claim judgement on every labelled set, each on its own, the way a user runs
it: `monitor check --json` as a process per article, and for the second story a fresh
baseline built with `monitor snapshots rebuild` from its seed folder first.

usage: .venv/bin/python bench/judgement.py [--min-change-f1 X]

Sets: the shared dev set (tests/fixtures/devset), thirty-five sets of labelled follow-ups of the
Sora story (tests/fixtures/followups to followups35: the last thirty-four written by helpers who
never ran the monitor) and sixty-nine fictional stories (tests/fixtures/story2 to story70: an
outbreak, an airline grounding, a hospital ransomware attack, a dock strike, a listeria
recall, a railway closed by a landslide, a hostile takeover bid, a wildfire, a data leak
at a messaging app, a medicine recall, a museum theft, a mine collapse, a stadium plan, a
turboprop fleet grounded after an engine fire, an ammonia leak at a fertiliser plant, an
IT outage at a regional bank, a runner's doping case, a transit strike, a research
misconduct case, a disputed county election, a school shut by asbestos, a bridge closed by
cracks, a hospital's failed sterilisation unit, a football club in administration, a town
flooded when its tidal barrier failed, a blackout after a substation fire, a crane collapse, a
school bus contractor's collapse, an algae bloom on a reservoir, a ferry aground, an oil
pipeline spill, a rollercoaster accident, a pension fund's frozen withdrawals, a boil-water
notice, an archive's lost records, a runway closed by cracks, a zoo shut by bird flu, a leaked
exam paper, a festival cancelled by a storm, a cable car that stranded its passengers, a
maternity unit that suspended births, a sinkhole in a high street, a charity whose chief
executive was suspended, a student block evacuated over its cladding, a water park closed
by a chlorine overdose, a theatre ceiling that fell into the stalls, a village evacuated below a
damaged dam spillway, a car park fire beside a hospital, a diesel train derailed by a river,
containers lost from a ship in a storm, a clinic's failed vaccine fridge, an underground
landfill fire, an ice rink closed by a cracked roof, a ransomware attack on a council, a sewage
spill that closed beaches, a lottery that announced the wrong numbers, a crush at a football
stadium's turnstiles, an ambulance dispatch system that crashed, a cemetery wall that collapsed, a
school kitchen's food-poisoning outbreak, a fire at a recycling centre, a gas explosion, a
hospital's failed records upgrade, a fish farm escape, a cancelled marathon, a norovirus outbreak
on a cruise ship, a footbridge collapse at a county show, a carbon monoxide leak at a hotel and a
fire in a city archive, the last sixty-eight written the same way).
Prints change F1 (updated + contradicted), new-claim F1, sentence accuracy and relevance
per set; exits 1 when a set's change F1 is under --min-change-f1."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from monitor.evaluate import score

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MONITOR = [str(Path(sys.executable).parent / "monitor")]  # the installed command, as a user runs it


def check(config: Path | None, path: Path) -> tuple[bool, list[tuple[str, str]]]:
    cmd = MONITOR + (["--config", str(config)] if config else []) + ["check", str(path), "--json"]
    out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    return out["relevant"], [(c["text"], c["status"]) for c in out["claims"]]


def story(tmp: Path, name: str) -> Path:
    """A fictional story set up as the README says: its config, its seeds, a rebuild."""
    folder = tmp / name
    shutil.copytree(FIXTURES / name, folder, ignore=shutil.ignore_patterns("baseline"))
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
                ("follow-ups (Sora)", FIXTURES / "followups" / "labels.json", None),
                *((f"follow-ups {n} (Sora)", FIXTURES / f"followups{n}" / "labels.json", None) for n in range(2, 36))]
        # every fictional story folder, as the follow-up sets above: story2, story3, ...
        for n in range(2, 1 + max(int(d.name[5:]) for d in FIXTURES.glob("story[0-9]*"))):
            title, name = f"story {n}", f"story{n}"
            config = story(Path(tmp), name)
            sets.append((title, config.parent / "followups" / "labels.json", config))
        print(f"{'set':20} {'change F1':>9} {'tp/fp/fn':>10} {'new F1':>7} {'accuracy':>9} {'relevance':>9}")
        for name, labels, cfg in sets:
            r = score(labels, lambda path, cfg=cfg: check(cfg, path))
            print(f"{name:20} {r['change_f1']:9.2f} {r['tp']:>3}/{r['fp']}/{r['fn']:<4} {r['new_f1']:7.2f} "
                  f"{r['accuracy']:8.0%}  {r['relevant_right']:>6}/{r['cases']}  ({r['sentences']} sentences)")
            failed |= args.min_change_f1 is not None and r["change_f1"] < args.min_change_f1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
