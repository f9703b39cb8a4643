"""The comparison on the labelled dev set (copied from the project's shared dev set), and
its pieces on cases of our own."""

import json

import pytest

from monitor import articles, config, evaluate, snapshots
from monitor.claims import analyse
from monitor.compare import Baseline, compare_article, judge

from conftest import DEVSET

LABELS = json.loads((DEVSET / "labels.json").read_text())


@pytest.fixture(scope="module")
def topic():
    return config.load().topic


@pytest.fixture(scope="module")
def baseline(topic):
    return Baseline(snapshots.load(), topic)


def score(baseline, topic):
    """The figures of the dev set's score.py, computed in-process."""
    def check(path):
        result = compare_article(articles.from_text(path.read_text(), path.name), baseline, topic)
        return result.relevant, [(f.claim.text, f.status) for f in result.findings]
    f = evaluate.score(DEVSET / "labels.json", check)
    return f["change_f1"], f["new_f1"], f["relevant_right"], f["accuracy"]


def test_dev_set_scores_stay_above_the_floor(baseline, topic):
    change_f1, new_f1, relevance, accuracy = score(baseline, topic)
    assert relevance == len(LABELS["cases"])
    assert accuracy >= 0.85, accuracy
    assert change_f1 >= 0.95, change_f1
    assert new_f1 >= 0.75, new_f1


def finding(baseline, text, context=None):
    return judge(analyse(text, "", baseline.entities, context), baseline)


def test_contradiction_carries_the_cues_and_baseline(baseline):
    f = finding(baseline, "OpenAI has now confirmed that the leaked Sora tool was authentic.")
    assert f.status == "contradicted"
    assert "confirm" in f.reason and "by openai" in f.reason and "authentic" in f.reason
    assert any(sid == "002" for b in f.baseline for sid, _ in b.sources)


def test_a_hedge_repeats_the_baseline_rather_than_contradicting_it(baseline):
    f = finding(baseline, "OpenAI has still not confirmed whether the leaked Sora tool was authentic.")
    assert f.status != "contradicted"


def test_update_carries_old_and_new_value(baseline):
    f = finding(baseline, "The open letter has now been signed by nearly two thousand artists.")
    assert (f.status, f.old, f.new) == ("updated", "more than 600 artists", "nearly two thousand artists")


def test_same_value_in_other_words_corroborates(baseline):
    f = finding(baseline, "The leak lasted 180 minutes before OpenAI cut off access.")
    assert f.status == "corroborated"


def test_unrelated_claim_is_new(baseline):
    assert finding(baseline, "The company will open a research office in Tokyo next spring.").status == "new"


def test_one_fact_in_several_seeds_is_one_baseline_fact(baseline):
    f = finding(baseline, "Hundreds of artists provide unpaid labor through bug testing and feedback for a $150B company.")
    assert f.status == "corroborated"
    ids = {sid for b in f.baseline for sid, _ in b.sources}
    assert {"000", "001", "002"} <= ids


def test_sora_alone_is_not_the_story(baseline, topic):
    game = articles.Article(url="", title="Sora returns", text=(
        "The spiky-haired hero Sora is back in the new trailer for the game.\n"
        "The studio showed two new worlds and a boss fight.\nThe game is due out next spring."))
    assert not compare_article(game, baseline, topic).relevant


def test_another_sora_that_went_on_sale_years_ago_is_not_the_story(baseline, topic):
    # the story's name, a leak of another kind and "the company": nothing the story names by name
    # but Sora, and a sale dated years before the story reverses nothing
    bus = articles.Article(url="", title="Sora buses and leak checks", text=(
        "The Sora, built by a carmaker, went on sale in 2018 and now runs on city routes.\n"
        "Depots check every bus for a small leak of hydrogen before it is refuelled.\n"
        "The company has said the name stands for the sky."))
    result = compare_article(bus, baseline, topic)
    assert not result.relevant and all(f.status != "contradicted" for f in result.findings), result


# Restatements written for these tests, in other words and with other numbers than the
# dev set: the rules, not the dev-set phrases, have to carry them.
@pytest.mark.parametrize("text, status", [
    ("The protest letter has now been signed by 2,500 artists.", "updated"),
    ("OpenAI is now valued at $157 billion after its latest funding round.", "updated"),
    ("The leak lasted less than an hour.", "updated"),
    ("The leaked tool could produce videos of up to 20 seconds in 1080p resolution.", "updated"),
    ("The front-end stayed live for roughly 180 minutes before OpenAI cut it off.", "corroborated"),
    ("The leaked tool generated 10-second clips at 1080p.", "corroborated"),
    ("Sora still has not been released to the public.", "corroborated"),
    ("OpenAI has still not said whether the leaked version was authentic.", "corroborated"),
    ("OpenAI disputed that the leaked interface was really Sora.", "contradicted"),
    ("Sora was made available to ChatGPT Plus and Pro subscribers on December 9.", "contradicted"),
    ("About 300 artists took part in the early-access program, OpenAI said.", "new"),  # not the letter's count
    ("OpenAI hired an outside firm to audit every early-access account.", "new"),
])
def test_own_restatements(baseline, text, status):
    assert finding(baseline, text).status == status


# One case per general rule of this session, in words of our own: each would fail if its
# rule were taken out.
@pytest.mark.parametrize("text, status", [
    ("Access to the leaked page has still not been restored.", "corroborated"),  # a denied restoration
    ("The leaked front-end remains offline.", "corroborated"),
    ("Sora is no longer in a research preview, the company said.", "contradicted"),
    ("Anyone with a ChatGPT Plus account can now use Sora.", "contradicted"),
    ("The leaked tool was not Sora, an OpenAI spokesperson said.", "contradicted"),  # identity, said
    ("Several reports suggest OpenAI will finally ship Sora next week.", "new"),  # a hedge, no release
    ("The leak revealed Sora's training data.", "contradicted"),  # expose
    ("The leak revealed nothing about how Sora was built.", "corroborated"),
    # "nothing" opening the clause after ", so" is what was exposed
    ("The page borrowed testers' credentials, so nothing about Sora's training data was exposed.", "corroborated"),
    ("The page borrowed testers' credentials, so Sora's training data was exposed.", "contradicted"),
    ("If the leak had exposed Sora's weights, OpenAI would have sued.", "new"),
    ("A 2019 letter against facial recognition was signed by 1,200 people.", "new"),  # another letter
    ("Pika's new model renders clips at up to 4K resolution.", "new"),  # a name the story does not know
])
def test_general_rules(baseline, text, status):
    assert finding(baseline, text).status == status


def test_a_value_said_as_in_the_baseline_ties_the_other_values_to_that_claim(baseline):
    f = finding(baseline, "Generations now top out at 20 seconds and 1080p.", context="sora")
    assert (f.status, f.old, f.new) == ("updated", "10-second", "20 seconds")


@pytest.mark.parametrize("text", [
    "Read-across: OpenAI is private, so listed exposure runs mainly through Microsoft, which has committed roughly "
    "$13 billion to the company.",  # an investment, not a valuation
    "It is reported to be negotiating a SoftBank-led raise at a valuation of up to $300 billion.",  # a plan
])
def test_a_sum_committed_or_a_valuation_negotiated_updates_no_valuation(baseline, text):
    assert finding(baseline, text).status != "updated"


def test_a_valuation_reached_still_updates(baseline):
    assert finding(baseline, "A funding round in October valued OpenAI at $157 billion.").status == "updated"
