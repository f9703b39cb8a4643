"""Pass rates of the behavioural suite (tests/behaviour/suite.py), per test type and per
capability, from one judge_sentences call over every case.

    .venv/bin/python bench/behaviour.py [--failures] [--capability frame:release] [--type DIR]

--failures lists each failing case: id, sentence, expected statuses, what the judgement
said and its reason. --capability / --type narrow that list (the table is always whole).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from behaviour import suite  # noqa: E402


def table(title: str, rows: dict, floors: dict | None = None) -> list[str]:
    width = max([len(title)] + [len(k) for k in rows])
    out = [f"{title:<{width}}  {'pass':>5} {'total':>5} {'rate':>6}" + ("  floor" if floors else "")]
    for key in sorted(rows):
        p, n = rows[key]
        line = f"{key:<{width}}  {p:>5} {n:>5} {p / n:>6.1%}"
        if floors:
            line += f"  {floors.get(key, 0.0):>5.1%}"
        out.append(line)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the failing cases")
    ap.add_argument("--capability", help="only list failures of this capability")
    ap.add_argument("--type", choices=suite.TYPES, help="only list failures of this test type")
    args = ap.parse_args(argv)

    start = time.perf_counter()
    outcomes = suite.run()
    took = time.perf_counter() - start
    floors = json.loads((ROOT / "tests" / "behaviour" / "floors.json").read_text())

    total = sum(ok for *_, ok in outcomes)
    print(f"{len(outcomes)} cases, {total} pass ({total / len(outcomes):.1%}), judged in {took:.2f}s\n")
    print("\n".join(table("type", suite.rates(outcomes, "type"), floors)))
    print()
    per_cap_type: dict[str, tuple[int, int]] = {}
    for case, _, ok in outcomes:
        key = f"{case['capability']} {case['type']}"
        p, n = per_cap_type.get(key, (0, 0))
        per_cap_type[key] = (p + ok, n + 1)
    print("\n".join(table("capability", suite.rates(outcomes, "capability"))))
    print()
    print("\n".join(table("capability type", per_cap_type)))

    if args.failures:
        print("\nfailing cases:")
        for case, result, ok in outcomes:
            if ok or (args.capability and case["capability"] != args.capability) \
                    or (args.type and case["type"] != args.type):
                continue
            print(suite.describe(case, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
