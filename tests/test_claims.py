"""Claim extraction, status cues (negation scope, hedges), attribution."""

import pytest

import json
from pathlib import Path

from monitor import config
from monitor.claims import _syntok, analyse, claim_sentences, find_attribution, sentences
from monitor.entities import Entities
from monitor.frames import TRUTH

ROOT = Path(__file__).resolve().parent.parent


def test_sentence_split_survives_abbreviations_and_figures():
    text = "The U.S. firm, worth $150B, said on Nov. 26 at 3 p.m. that Ms. Murati left. It has 1,000 artists."
    assert sentences(text) == [["The U.S. firm, worth $150B, said on Nov. 26 at 3 p.m. that Ms. Murati left.",
                                "It has 1,000 artists."]]


def test_sure_ends_split_here_match_syntok_on_every_baseline_and_dev_paragraph():
    texts = [json.loads(p.read_text())["text"] for p in sorted((ROOT / "snapshots").glob("*.json"))]
    texts += [p.read_text() for p in sorted((ROOT / "tests/fixtures/devset").glob("*.txt"))]
    blocks = [b.strip() for t in texts for b in t.split("\n") if b.strip()]
    assert len(blocks) > 100
    assert [sentences(b)[0] for b in blocks] == [_syntok(b) for b in blocks]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Altman spoke at 3 p.m. on Jan. 5 in the U.S. capital. Nobody asked why.",
     ["Mr. Altman spoke at 3 p.m. on Jan. 5 in the U.S. capital.", "Nobody asked why."]),
    ("The tool (it was still in testing. Nobody knew) leaked.", ["The tool (it was still in testing. Nobody knew) leaked."]),
    ("They shared code, prompts, etc. Then they waited.", ["They shared code, prompts, etc. Then they waited."]),
    ("\u201cIt was the real thing.\u201d OpenAI did not say.", ["\u201cIt was the real thing.\u201d", "OpenAI did not say."]),
])
def test_sure_ends_and_their_exceptions(text, expected):
    assert sentences(text) == [expected]


def test_boilerplate_questions_and_headings_are_not_claims():
    text = ("ALSO READ: Realme GT 7 Pro Review: Premium looks and powerful performance\n"
            "Advertisement\nWhat was leaked and what wasn't?\nA tool for creative professionals\n"
            "Subscribers can generate videos up to 20 seconds long at resolutions up to 1080p.")
    assert claim_sentences(text, ["sora"]) == ["Subscribers can generate videos up to 20 seconds long at resolutions up to 1080p."]


def test_unrelated_paragraph_is_left_out():
    text = ("Sora leaked for three hours after artists protested on Hugging Face.\n"
            "Writing is a solitary process, says the director. The fellowship helps authors. "
            "Its community is supportive from manuscript to publication.")
    assert claim_sentences(text, ["sora", "leak"]) == ["Sora leaked for three hours after artists protested on Hugging Face."]


def test_a_paragraph_naming_a_context_word_in_the_plural_is_kept():
    text = ("Sora leaked for three hours.\n"
            "The page stayed up for three and a half hours. The hosts read from the letter. "
            "Its signature count passed 630 within a day, the artists said.")
    assert len(claim_sentences(text, ["sora", "artist"])) == 4


@pytest.mark.parametrize("frame, text, state", [
    ("verify", "OpenAI confirmed the leaked tool was authentic.", "yes"),
    ("verify", "OpenAI acknowledged that the leak was genuine.", "yes"),
    ("verify", "OpenAI would not confirm whether the leak was authentic.", "unknown"),
    ("verify", "OpenAI has yet to confirm the leak was real.", "unknown"),
    ("verify", "OpenAI still has not confirmed that the leaked tool is authentic.", "unknown"),
    ("verify", "OpenAI declined to comment on whether the leak was genuine.", "unknown"),
    ("verify", "OpenAI denied that the leaked demo was Sora.", "no"),
    ("verify", "The company disputed reports that the leak was authentic.", "no"),
    ("verify", "OpenAI confirmed that access was still limited to select users.", None),  # no authenticity object
    ("verify", "OpenAI has not denied that the leak was authentic.", "unknown"),  # a negated denial
    ("verify", "OpenAI neither confirmed nor denied that the leak was real.", "unknown"),
    ("verify", "It is still unclear whether the leak was genuine.", "unknown"),
    ("verify", "OpenAI is expected to confirm the leak was authentic.", None),  # not said yet
    ("verify", "A spokesperson admitted the leaked tool was its own.", "yes"),
    ("release", "Sora, though not yet publicly released, drew criticism.", "no"),
    ("release", "OpenAI's unreleased Sora leaked.", "no"),
    ("release", "It wasn't made available to the public.", "no"),
    ("release", "It doesn't have an official release date yet.", "no"),
    ("release", "OpenAI released Sora to the public on Monday.", "yes"),
    ("release", "Sora is now available to ChatGPT Plus subscribers.", "yes"),
    ("release", "OpenAI said a public launch would come in early 2025.", None),  # a plan is not a release
    ("release", "OpenAI will release Sora to everyone next year.", "planned"),
    ("release", "Analysts expect OpenAI to launch Sora before Christmas.", "planned"),
    ("access", "OpenAI expects to restore access next week.", None),  # "expects to restore" is no restoration
    ("access", "Access to the leaked model has since been revoked.", "off"),
    ("access", "The demo went offline within hours.", "off"),
    ("access", "OpenAI paused access for all testers.", "paused"),
    ("access", "Access was restored on Tuesday after being paused.", "on"),
    ("access", "OpenAI closed the leaked page within hours.", "off"),
    ("access", "The funding round OpenAI closed in October valued it at $157 billion.", None),  # a deal closes
    ("access", "OpenAI closed a $6.6 billion funding round in October.", None),
    ("access", "Its shares closed at $43.10 on Friday.", None),
])
def test_status_cues(frame, text, state):
    cues = analyse(text, "", ENTITIES).cues
    found = [c.state for c in cues if c.frame == frame and (frame != "verify" or TRUTH in c.theme)]
    assert (found[0] if found else None) == state


ENTITIES = Entities(config.load().topic["entities"], ("sora",))


@pytest.mark.parametrize("text, agent", [
    ("An OpenAI spokesperson confirmed the leak was genuine.", "openai"),
    ("A spokesperson told reporters that OpenAI had confirmed the leak was genuine.", "openai"),  # not the speaker
    ("The company on Friday acknowledged that the leaked tool was authentic.", "openai"),  # an alias
    ("The leak was genuine, OpenAI confirmed on Tuesday.", "openai"),  # the verb at the end
    ("The leak was confirmed as genuine by OpenAI.", "openai"),  # passive
    ("Users on social media confirmed the leaked tool was genuine.", "other"),
    ("Researchers at a university said the leak was real.", "other"),
    ("OpenAI, for its part, confirmed that the leaked tool was genuine.", "openai"),  # an aside between
])
def test_who_confirms(text, agent):
    cue = next(c for c in analyse(text, "", ENTITIES).cues if c.frame == "verify")
    assert cue.agent == agent


def test_confirming_another_thing_is_not_about_authenticity():
    cues = analyse("A spokesperson for OpenAI confirmed the company had paused access for all artists.", "",
                   ENTITIES).cues
    assert [c.frame for c in cues] == ["verify", "access"]
    assert TRUTH not in cues[0].theme  # the confirmation is of the pause, not of authenticity


@pytest.mark.parametrize("text, who", [
    ("An OpenAI spokesperson said the tool was in preview.", "An OpenAI spokesperson"),
    ("OpenAI on Friday confirmed that the leak was genuine.", "OpenAI"),
    ("According to the artists, every output needed approval.", "the artists"),
    ("The leak was shut down after three hours, the spokesperson said.", "the spokesperson"),
    ("The leak lasted three hours.", None),
    ("Ruth Okafor, the lead administrator, said 68 staff were unpaid.", "Ruth Okafor"),
])
def test_attribution(text, who):
    assert find_attribution(text) == who


def test_a_plain_report_settles_only_a_hedge_about_the_same_event():
    from monitor.compare import Baseline, judge

    ents = {"Health Department": ["the health department", "health officials"]}
    baseline = Baseline([{"id": "001", "claims": [
        "The Health Department said it was too early to say whether the illnesses were linked to the water."]}],
        {"anchors": [], "entities": ents})

    def status(text):
        return judge(analyse(text, "", baseline.entities), baseline).status

    assert status("Tests have linked the illnesses to the water, the Health Department said on Friday.") == "contradicted"
    assert status("Health officials said 61 people have now reported illnesses.") != "contradicted"  # another event
    assert status("Tests have linked the illnesses to the water, a local doctor said.") != "contradicted"  # not them


@pytest.mark.parametrize("text, named", [
    ("Pika's new model renders clips at 4K.", False),  # owned by a name the story does not know
    ("OpenAI's new model renders clips at 4K.", True),  # owned by the story's own
    ("In 2021 the 4,000-acre Belden Fire burned nearby.", False),  # another name in front of the alias
    ("The fire has burned 4,000 acres.", True),
    ("On Monday, fire spread to the ridge.", True),  # a name that ends at its comma owns nothing after it
])
def test_an_alias_another_name_owns_is_not_the_story_s(text, named):
    fire = Entities({"Sora": ["the model"], "Carrow Fire": ["the fire"], "OpenAI": []}, ("sora",))
    claim = analyse(text, "t", fire)
    assert any(t in ("ent_sora", "ent_carrow_fire") for t in claim.tokens) == named


@pytest.mark.parametrize("text, frames", [
    ("The product that launched on Monday is tamer than the demo.", []),  # taken as known, not news
    ("The app, released on September 30, makes clips with sound.", []),
    ("The product launched on Monday.", ["release"]),
    ("OpenAI released the app on September 30.", ["release"]),
    ("Vireo 2, released in September, turned the product into a social app.", []),
    ("As of Monday, available to everyone: the product.", ["release"]),  # a time, not a name, before the comma
])
def test_a_status_inside_the_opening_noun_phrase_is_not_the_news(text, frames):
    claim = analyse(text, "t", Entities({"Sora": ["the product", "the app"], "OpenAI": []}, ("sora",)))
    assert [c.frame for c in claim.cues] == frames


@pytest.mark.parametrize("text, named", [
    ("Sora 2 went on sale in September.", False),  # a version of its own
    ("Sora 2's app passed a million downloads.", False),
    ("Terminal 3 remains closed.", False),
    ("Sora, 2 days after the leak, was still unreleased.", True),
    ("Sora 2,000 users signed up.", True),  # no version: a figure
    ("OpenAI released Sora on 9 December.", True),
    ("The union met Terminal 3 times last week.", True),  # a count of times, no version
])
def test_a_name_with_a_version_number_is_another_thing(text, named):
    claim = analyse(text, "t", Entities({"Sora": ["the product"], "Terminal": []}, ("sora",)))
    assert any(t in ("ent_sora", "ent_terminal") for t in claim.tokens) == named, claim.tokens


def test_who_releases_after_an_opening_date_and_its_comma():
    text = ("On 26 November, artists who had been testing OpenAI's unreleased Sora video generator opened it up to "
            "the public through a page on Hugging Face.")
    released = [c for c in analyse(text, "t", ENTITIES).cues if c.frame == "release" and c.state == "yes"]
    assert [c.agent for c in released] == ["artists"]
