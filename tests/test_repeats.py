"""Has an earlier finding said this already? Keys and the similarity check behind them."""

import pytest

from monitor import config, snapshots
from monitor.compare import Baseline, judge
from monitor.claims import analyse
from monitor.repeats import keys, same_claim


@pytest.fixture(scope="module")
def baseline():
    return Baseline(snapshots.load(None), config.load().topic)


def finding(text, baseline):
    return judge(analyse(text, "", baseline.entities), baseline)


def test_a_change_is_keyed_by_fact_and_new_state(baseline):
    a = finding("OpenAI confirmed the leaked Sora tool was authentic.", baseline)
    b = finding("A spokesperson for OpenAI has now acknowledged that the Sora leak was genuine.", baseline)
    assert a.status == b.status == "contradicted"
    assert keys(a, baseline) == keys(b, baseline)
    c = finding("OpenAI denied that the leaked Sora tool was authentic.", baseline)
    assert c.status == "contradicted" and keys(c, baseline) != keys(a, baseline)


def test_an_update_is_keyed_by_its_new_value_in_any_wording(baseline):
    a = finding("More than 1,300 artists have now signed the open letter.", baseline)
    b = finding("The open letter has now gathered 1,300 signatures from artists.", baseline)
    c = finding("More than 2,000 artists have now signed the open letter.", baseline)
    assert a.status == b.status == c.status == "updated"
    assert keys(a, baseline) == keys(b, baseline) != keys(c, baseline)


def test_new_claims_share_a_key_and_pass_the_similarity_check(baseline):
    a = finding("OpenAI hired an outside firm to audit every early-access account.", baseline)
    b = finding("An outside firm was hired by OpenAI to audit each early-access account.", baseline)
    assert a.status == b.status == "new"
    assert set(keys(a, baseline)) & set(keys(b, baseline))
    assert same_claim(b, a.claim.text, baseline)


def test_new_claims_with_different_numbers_are_not_the_same(baseline):
    a = finding("OpenAI said 40 accounts in the program were audited last week.", baseline)
    assert not same_claim(a, "OpenAI said 90 accounts in the program were audited last week.", baseline)
    assert not same_claim(a, "The artists plan to publish a second open letter in December.", baseline)


def test_corroborations_are_not_tracked(baseline):
    f = finding("Sora remains in a research preview, the company said.", baseline)
    assert f.status == "corroborated" and keys(f, baseline) == ()


def test_short_words_the_baseline_never_uses_do_not_tie_unrelated_claims(baseline):
    # taken alphabetically, "auf", "der" and "die" were these claims' "rarest" words
    a = finding("Der Umsatz stieg auf die Rekordmarke von Milliarden Euro in der Modesparte.", baseline)
    b = finding("Die Batteriefabrik in der Stadt wird auf die doppelte Kapazität ausgebaut.", baseline)
    assert a.status == b.status == "new"
    assert not set(keys(a, baseline)) & set(keys(b, baseline))
