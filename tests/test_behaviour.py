"""The CheckList-style behavioural suite for the claim judgement (tests/behaviour/suite.py).

The pass rate of each test type (MFT, INV, DIR) must stay at or above its floor in
tests/behaviour/floors.json; the floors are raised as the judgement improves. The suite's
own shape is checked too, so it cannot silently shrink. Per-capability rates and the
failing cases: `.venv/bin/python bench/behaviour.py [--failures]`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/behaviour as a package, whatever the import mode
from behaviour import suite  # noqa: E402

FLOORS = Path(__file__).parent / "behaviour" / "floors.json"
MIN_CASES = 600


@pytest.fixture(scope="module")
def cases():
    return suite.build()


@pytest.fixture(scope="module")
def outcomes(cases):
    return suite.run(cases=cases)


def test_case_ids_are_unique(cases):
    dup = [k for k, n in Counter(c["id"] for c in cases).items() if n > 1]
    assert not dup, dup


def test_suite_is_well_formed(cases):
    assert len(cases) >= MIN_CASES, f"the suite shrank to {len(cases)} cases"
    assert len({c["text"] for c in cases}) == len(cases), "a sentence appears twice"
    for c in cases:
        assert c["type"] in suite.TYPES, c["id"]
        assert c["expect"] and c["expect"] <= suite.STATUSES, c["id"]
        # the line between a change and no change is sharp: never both kinds in one expectation
        assert c["expect"] <= suite.CHANGE or not (c["expect"] & suite.CHANGE), c["id"]
        if c.get("old"):
            assert c["expect"] == suite.U, c["id"]


def test_every_capability_has_each_type(cases):
    have: dict[str, set] = {}
    for c in cases:
        have.setdefault(c["capability"], set()).add(c["type"])
    missing = {cap: sorted(set(suite.required_types(cap)) - types) for cap, types in have.items()
               if set(suite.required_types(cap)) - types}
    assert not missing, missing
    frames = {cap for cap in have if cap.startswith("frame:")}
    roles = {cap for cap in have if cap.startswith("role:")}
    assert {"frame:authenticity", "frame:release", "frame:access"} <= frames
    assert {"role:signatures", "role:valuation", "role:clip_length", "role:leak_duration",
            "role:resolution"} <= roles
    assert "unrelated" in have


def test_floors_cover_every_type():
    floors = json.loads(FLOORS.read_text())
    assert set(floors) == set(suite.TYPES)
    assert all(0.0 <= v <= 1.0 for v in floors.values())


@pytest.mark.parametrize("type_", suite.TYPES)
def test_pass_rate_at_or_above_floor(outcomes, type_):
    floor = json.loads(FLOORS.read_text())[type_]
    mine = [(c, r, ok) for c, r, ok in outcomes if c["type"] == type_]
    passed = sum(ok for _, _, ok in mine)
    rate = passed / len(mine)
    if rate < floor:
        failing = [suite.describe(c, r) for c, r, ok in mine if not ok]
        print(f"{type_}: {passed}/{len(mine)} = {rate:.3f} < floor {floor}; failing cases:")
        print("\n".join(failing))
        pytest.fail(f"{type_} pass rate {rate:.3f} ({passed}/{len(mine)}) is below the floor {floor}; "
                    f"{len(failing)} failing cases:\n" + "\n".join(failing), pytrace=False)
