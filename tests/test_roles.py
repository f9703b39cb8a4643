"""What a value counts or measures, read through the story's own names for things: a count
of "freighters" is a count of the story's cargo vessels when its config says so, and "the
ransom demand" is a demand. A small invented story (a harbour blockade), judged by the same
code as any story."""

import pytest

from monitor.claims import analyse
from monitor.compare import Baseline, judge
from monitor.values import find_values

ENTITIES = {
    "Ostmark Harbour": ["the harbour", "the port", "Ostmark"],
    "cargo vessels": ["freighters", "the ships", "vessels"],
    "Fishers' Guild": ["the guild", "the fishers"],
    "ransom demand": ["the demand", "their demand", "the ransom"],
    "Coastal Police": ["the police", "police"],
}
SEEDS = [
    "Twenty-two cargo vessels were queued outside Ostmark Harbour on Friday, the harbour office said.",
    "The Fishers' Guild said 180 of its boats had joined the blockade.",
    "The hijackers of the tug Sella demanded a ransom of $1.5 million, the Coastal Police said.",
]


@pytest.fixture(scope="module")
def baseline():
    topic = {"anchors": ["ostmark"], "context": ["blockade", "harbour"], "min_score": 0.0, "entities": ENTITIES}
    return Baseline([{"id": "001", "claims": SEEDS}], topic)


def status(baseline, text):
    return judge(analyse(text, "t", baseline.entities), baseline).status


@pytest.mark.parametrize("text, expected", [
    ("Thirty freighters were waiting off Ostmark on Monday, the harbour office said.", "updated"),
    ("The number of vessels queued outside the harbour has fallen to 12.", "updated"),
    ("Twenty-two ships were still queued outside Ostmark Harbour on Friday.", "corroborated"),
    ("Thirty fishing boats from Brell were queued outside Ostmark Harbour, the harbour office said.", "not updated"),
    ("The hijackers have raised their demand to $2 million, the police said.", "updated"),
    ("The harbour office said it had spent $2 million on extra tugs this year.", "not updated"),
])
def test_a_count_or_sum_of_a_thing_the_story_names(baseline, text, expected):
    got = status(baseline, text)
    assert got != "updated" if expected == "not updated" else got == expected


def test_the_story_entity_a_count_names_is_what_it_counts(baseline):
    claim = analyse("Thirty freighters and 22 cargo vessels and 40 boats", "t", baseline.entities)
    assert [v.noun for v in claim.values] == ["ent_cargo_vessels", "ent_cargo_vessels", "boat"]


@pytest.mark.parametrize("text, n", [
    ("the number of ships waiting at anchor has fallen to 12", 12),  # "at a(nchor)" is no number
    ("the number of people at a rally was twelve", 12),
])
def test_the_number_of(text, n):
    assert [v.amount for v in find_values(text) if v.kind == "count"] == [n]


@pytest.mark.parametrize("text, release", [
    ("Twenty container ships were waiting at anchor.", False),  # the plural noun
    ("The ships, which carry grain, were turned back.", False),
    ("OpenAI ships Sora to paying users today.", True),  # the verb
])
def test_ships_is_a_release_only_as_a_verb(text, release):
    cues = analyse(text).cues
    assert any(c.frame == "release" and c.state == "yes" for c in cues) == release
