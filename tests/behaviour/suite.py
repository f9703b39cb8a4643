"""A CheckList-style behavioural suite for the claim judgement (Ribeiro et al. 2020).

Every case is one sentence, judged on its own as a claim of an on-topic article about the
November 2024 Sora leak, against the shipped baseline (snapshots/*.json). Cases come from
templates and fillers; nothing here is fitted to what the judgement outputs.

Test types:
  MFT  minimum functionality: plain statements that must get the right label.
  INV  invariance: paraphrases of those (verb synonyms, subject aliases, passive voice,
       status at the end, reported speech, time phrases, number formats and units) that
       must keep the label.
  DIR  directional: a change to the sentence (negation, hedge or modality, subject swap,
       frame swap, role swap) that must flip or remove the label.

Capabilities: one per status frame of the baseline (frame:*) and per value role (role:*),
plus "unrelated": sentences with values of the same kinds and status verbs about other
things, which must never be a change.

The baseline facts the cases rest on (quoted from the snapshot claims):
  authenticity   002 "OpenAI would not confirm whether the alleged Sora leak was authentic or not."
  release        000 "Sora, though not yet publicly released"; 001 "doesn't have an official release
                 date yet"; 002 "it wasn't made available to the public"; 000 "OpenAI ... confirmed
                 that Sora's access was still limited to select users and artists"
  preview        001/003 Sora is still in (a) "research preview"
  access         000 "access to the leaked version of Sora is no longer available"; 002 "access to
                 the leaked AI model has since been revoked"; 003 shut down within hours
  exposure       004 "The leak involved credentials, not code."; "no proprietary information about
                 the model or its data sources was disclosed"
  training_data  000 "Ms. Murati avoided specific questions on whether Sora was trained on
                 copyrighted content from YouTube."
  signatures     002 "an open letter signed by more than 600 artists"
  testers        000/001/002 "hundreds of artists provide unpaid labor"
  valuation      000 "$150B valued company"; 001 "a $150 billion company"; 002 "more than $150bn"
  clip_length    002/003 "a 10-second video" / "10-second video clips"; 001 "as long as a minute"
  leak_duration  004 "this incident lasted only three hours"; 000 "for a few hours"
  resolution     002 "up to 1080p resolution"; 003 "in 1080p"
  leak_date      002 leaked "yesterday (26 November)"
  announced      002 "first shared details on Sora in February"; 004 "its announcement in February"

Expected sets: a restatement of a baseline fact is {"corroborated"}; where a reasonable
labeller could say either new or corroborated both are allowed (NC); the line between a
change (updated / contradicted) and no change is always sharp. An "old" list on an
updated case names the baseline value (any one of the spellings, case-insensitive) that
the result's "old" must mention: an update of the wrong fact is not a pass.
"""

from __future__ import annotations

import itertools
import random
import string
from collections import Counter

TYPES = ("MFT", "INV", "DIR")
STATUSES = frozenset({"new", "corroborated", "updated", "contradicted"})

C = frozenset({"corroborated"})
X = frozenset({"contradicted"})
U = frozenset({"updated"})
NC = frozenset({"new", "corroborated"})
CHANGE = frozenset({"updated", "contradicted"})

# Which test types each capability must have (test_behaviour checks it).
REQUIRED = {"unrelated": ("MFT",)}
DEFAULT_REQUIRED = TYPES


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Builder:
    def __init__(self):
        self.cases: list[dict] = []
        self._count: Counter = Counter()
        self._texts: dict[str, dict] = {}

    def add(self, capability, type_, name, text, expect, old=None):
        text = _cap(" ".join(text.split()))
        seen = self._texts.get(text)
        if seen is not None:
            if set(seen["expect"]) != set(expect):
                raise ValueError(f"{text!r}: expected {sorted(expect)} here, {sorted(seen['expect'])} in {seen['id']}")
            return  # the same sentence twice measures nothing new
        key = f"{capability}/{type_}/{name}"
        self._count[key] += 1
        case = {"id": f"{key}/{self._count[key]:02d}", "type": type_, "capability": capability,
                "text": text, "expect": frozenset(expect)}
        if old is not None:
            case["old"] = tuple(old)
        self.cases.append(case)
        self._texts[text] = case

    def fill(self, capability, type_, name, template, expect, old=None, limit=None, **slots):
        """One case per combination of the slot fillers; with `limit`, a fixed-seed sample."""
        keys = list(slots)
        combos = list(itertools.product(*(slots[k] for k in keys)))
        if limit is not None and limit < len(combos):
            combos = random.Random(f"{capability}/{type_}/{name}").sample(combos, limit)
        for combo in combos:
            fillers = dict(zip(keys, combo))
            text = template.format(**fillers)
            if "{" in text:  # a filler that is itself a template ("{tp}" over sentence frames)
                text = text.format(**fillers)
            self.add(capability, type_, name, text, expect, old)

    def rows(self, capability, type_, name, template, expect, rows, old=None):
        """One case per row: a tuple of fillers for the template's slots, in order of appearance."""
        keys = [f for _, f, _, _ in string.Formatter().parse(template) if f]
        for row in rows:
            self.add(capability, type_, name, template.format(**dict(zip(keys, row))), expect, old)

    def each(self, capability, type_, name, texts, expect, old=None):
        for text in texts:
            self.add(capability, type_, name, text, expect, old)


# --- shared fillers -----------------------------------------------------------------------

OPENAI = ["OpenAI", "the company", "an OpenAI spokesperson", "the ChatGPT maker"]
OPENAI_CEO = "OpenAI chief executive Sam Altman"  # speaks for the company
OUTLETS = ["The Verge", "TechCrunch", "Reuters"]
TIMES = ["on Tuesday", "late on Wednesday", "in a statement on Friday", "two days after the leak"]


# --- frames -------------------------------------------------------------------------------

def authenticity(b: Builder):
    cap = "frame:authenticity"
    genuine = ["the leaked Sora tool was authentic", "the Sora leak was genuine",
               "the leaked front-end was the real Sora model"]
    whether = ["the alleged Sora leak was authentic", "the leaked tool was genuine",
               "the leaked front-end was the real Sora model"]
    fake = ["the leaked tool was fake", "the leaked front-end was not the real Sora model",
            "the Sora leak was a hoax"]

    b.fill(cap, "MFT", "confirm", "OpenAI confirmed that {o}.", X, o=genuine)
    b.fill(cap, "MFT", "deny", "OpenAI denied that {o}.", X, o=genuine)
    b.fill(cap, "MFT", "says-fake", "OpenAI said that {o}.", X, o=fake)
    b.fill(cap, "MFT", "restate", "OpenAI would not confirm whether {o} or not.", C, o=whether)

    b.fill(cap, "INV", "confirm-synonyms", "{s} {v} that {o}.", X, limit=12,
           s=OPENAI + [OPENAI_CEO], v=["confirmed", "acknowledged", "verified", "admitted"], o=genuine)
    b.fill(cap, "INV", "confirm-passive", "The authenticity of the leaked Sora tool was {v} by {s}.", X, limit=4,
           v=["confirmed", "acknowledged", "verified"], s=["OpenAI", "the company", "an OpenAI spokesperson"])
    b.fill(cap, "INV", "confirm-passive", "The leak was confirmed as genuine by {s} {t}.", X, limit=4,
           s=["OpenAI", "the company"], t=TIMES)
    b.fill(cap, "INV", "confirm-at-end", "{o}, {s} {v} {t}.", X, limit=6,
           o=["the leaked tool was genuine", "the Sora leak was authentic", "the leaked front-end really was Sora"],
           s=["OpenAI", "an OpenAI spokesperson", "the company"], v=["confirmed", "acknowledged", "admitted"],
           t=["on Tuesday", "on Friday", "in a statement"])
    b.fill(cap, "INV", "confirm-reported", "A spokesperson told reporters that OpenAI had {v} that {o}.", X,
           limit=4, v=["confirmed", "acknowledged"], o=genuine)
    b.fill(cap, "INV", "confirm-reported", "According to {m}, OpenAI has now confirmed that {o}.", X, limit=4,
           m=OUTLETS, o=genuine)
    b.fill(cap, "INV", "confirm-time", "{t}, OpenAI confirmed that {o}.", X, limit=4,
           t=["On Tuesday", "Late on Wednesday", "Two days after the leak", "In a statement on Friday"], o=genuine)
    b.fill(cap, "INV", "deny-synonyms", "{s} {v} {o}.", X, limit=8,
           s=OPENAI, v=["denied that", "disputed that", "rejected claims that", "pushed back on reports that"],
           o=genuine)
    b.fill(cap, "INV", "says-fake", "{s} said {o}.", X, limit=4, s=OPENAI + [OPENAI_CEO], o=fake)
    b.fill(cap, "INV", "says-fake", "{s} dismissed the leak as {h}.", X, limit=3,
           s=OPENAI, h=["a hoax", "fake", "a fabrication"])
    b.fill(cap, "INV", "deny-passive", "Claims that {o} were denied by {s}.", X, limit=3,
           o=genuine, s=["OpenAI", "the company"])
    b.fill(cap, "INV", "deny-at-end", "{o}, {s} said {t}.", X, limit=4,
           o=["the leaked tool was not Sora", "the leak was not genuine"], s=["OpenAI", "an OpenAI spokesperson"],
           t=["on Saturday", "in a statement"])
    b.fill(cap, "INV", "restate", "{s} {v} whether {o}.", C, limit=6,
           s=["OpenAI", "the company", "an OpenAI spokesperson"],
           v=["would not confirm", "declined to confirm", "refused to confirm"], o=whether)

    # negation and hedges of the confirmation: they repeat the baseline's stance
    b.fill(cap, "DIR", "not-yet", "{s} {v} whether {o}.", C, limit=9,
           s=["OpenAI", "the company", "an OpenAI spokesperson"],
           v=["has yet to confirm", "declined to say", "would not say", "has not confirmed"], o=whether)
    b.fill(cap, "DIR", "neither-nor", "{s} neither confirmed nor denied that {o}.", C, limit=3,
           s=["OpenAI", "the company"], o=genuine)
    b.fill(cap, "DIR", "no-comment", "{s} did not respond to questions about whether {o}.", NC, limit=3,
           s=["OpenAI", "the company"], o=whether)
    b.fill(cap, "DIR", "did-not-deny", "{s} {v} that {o}.", NC, limit=6,
           s=["OpenAI", "the company", "an OpenAI spokesperson"], v=["did not deny", "stopped short of denying"],
           o=genuine)
    b.fill(cap, "DIR", "modality", "{s} {v} that {o}.", NC, limit=6,
           s=["OpenAI", "the company"],
           v=["is expected to confirm", "may confirm as soon as next week", "could soon confirm",
              "has been asked to confirm"], o=genuine)
    b.fill(cap, "DIR", "modality", "If OpenAI confirms that {o}, the artists could face legal action.", NC,
           o=genuine[:2])
    b.fill(cap, "DIR", "modality", "Analysts expect OpenAI to confirm that {o}.", NC, o=genuine[:2])
    b.fill(cap, "DIR", "subject-swap", "{s} {v} that {o}.", NC, limit=9,
           s=["users on social media", "several of the artists", "a former OpenAI employee",
              "independent researchers", "people who tried the tool"],
           v=["said", "confirmed", "verified"], o=genuine)
    b.each(cap, "DIR", "other-company", [
        "Google confirmed that its Veo model can generate video from text.",
        "Google confirmed that a leaked Veo demo was authentic.",
        "Meta acknowledged that a leaked Movie Gen clip was genuine.",
        "Runway denied that its Gen-3 model had leaked.",
    ], NC)
    b.fill(cap, "DIR", "frame-swap", "{s} confirmed that {f}.", NC, limit=8,
           s=["OpenAI", "an OpenAI spokesperson"],
           f=["the company had paused access for all early-access artists",
              "Sora's access was still limited to select users and artists",
              "participation in the early access program is voluntary",
              "Sora remains in a research preview",
              "it is investigating how the credentials were shared"])


def release(b: Builder):
    cap = "frame:release"
    subj = ["OpenAI", "the company", "the ChatGPT maker"]
    when = ["", " on Monday", " on December 9", " this week"]

    b.each(cap, "MFT", "released", [
        "OpenAI released Sora to the public.",
        "OpenAI has launched Sora for all users.",
        "Sora is now publicly available.",
    ], X)
    b.each(cap, "MFT", "restate", [
        "Sora has not yet been publicly released.",
        "Sora does not have an official release date yet.",
        "Sora has not been made available to the public.",
    ], C)

    b.fill(cap, "INV", "verb-synonyms", "{s} {v}{t}.", X, limit=12, s=subj,
           v=["released Sora to the public", "launched Sora publicly", "rolled Sora out to all users",
              "made Sora available to the public", "opened Sora to the public", "made Sora generally available",
              "rolled out Sora to everyone"], t=when)
    b.fill(cap, "INV", "passive", "Sora was {v} by {s}{t}.", X, limit=6,
           v=["released to the public", "launched publicly", "made available to everyone", "rolled out to all users"],
           s=subj, t=when)
    b.fill(cap, "INV", "intransitive", "Sora {v}{t}.", X, limit=6,
           v=["went live for the public", "became available to everyone", "opened to all users", "launched publicly"],
           t=when)
    b.fill(cap, "INV", "intransitive", "Sora {v}.", X, v=["is now available to the public", "is now open to all users"])
    b.fill(cap, "INV", "at-end", "{o}, {s} {v}.", X, limit=6,
           o=["Sora is now available to the public", "anyone can now use Sora", "Sora is open to everyone"],
           s=subj, v=["announced on Monday", "said"])
    b.fill(cap, "INV", "reported", "{s} said on Monday that Sora is now available to all users.", X, s=subj)
    b.fill(cap, "INV", "reported", "According to {m}, OpenAI has released Sora to the public.", X, m=OUTLETS)
    b.each(cap, "INV", "subscribers", [
        "OpenAI released Sora to ChatGPT Plus and Pro subscribers on Monday.",
        "Sora is now available to ChatGPT Plus and Pro subscribers.",
    ], X)
    b.fill(cap, "INV", "no-longer-limited", "{o} no longer limited to select testers.", X,
           o=["Access to Sora is", "Sora is"])
    b.fill(cap, "INV", "restate", "{o}.", C, o=[
        "Sora has not been released to the public",
        "Sora remains unreleased",
        "OpenAI has not set an official release date for Sora",
        "Sora is still only available to a select group of artists, designers and filmmakers",
        "OpenAI's Sora, which has not been publicly released, is only open to select testers"])

    b.fill(cap, "DIR", "negation", "{s} {v}.", C, limit=6, s=subj,
           v=["has not released Sora to the public", "has yet to release Sora publicly",
              "has not launched Sora publicly"])
    b.each(cap, "DIR", "negation", ["Sora is still not available to the public.",
                                    "Sora has not gone live for the public."], C)
    b.fill(cap, "DIR", "modality", "{s} {v} {w}.", NC, limit=12, s=subj,
           v=["is expected to release Sora", "plans to launch Sora publicly", "could release Sora to the public",
              "hopes to make Sora available to everyone"], w=["next year", "in early 2025", "before the end of the year"])
    b.fill(cap, "DIR", "modality", "{s} said a public launch of Sora would come {w}.", NC, limit=3, s=subj,
           w=["next year", "in early 2025"])
    b.fill(cap, "DIR", "delay", "{s} {v}.", NC, limit=4, s=subj,
           v=["has delayed the public launch of Sora",
              "will not release Sora to the public until its safety testing is complete"])
    b.fill(cap, "DIR", "subject-swap", "{o}.", NC, o=[
        "Google released its Veo video model to the public",
        "Runway launched its Gen-3 Alpha model for all users",
        "Meta made its Movie Gen video model available to everyone",
        "Pika rolled out its new video generator to the public on Monday"])
    b.fill(cap, "DIR", "object-swap", "OpenAI released {o}.", NC, o=[
        "a statement about the leak", "a new version of ChatGPT", "Dall-E 3 last year",
        "videos made by artists with Sora in March", "the results of its safety tests"])
    # the leak itself put Sora in public hands for a few hours: that is the baseline, not a release
    b.each(cap, "DIR", "leak-not-release", [
        "The artists made Sora available to the public for a few hours.",
        "The leak gave the public access to Sora for about three hours.",
        "For a brief window, anyone could generate videos with Sora.",
    ], C)


def preview(b: Builder):
    cap = "frame:preview"
    b.each(cap, "MFT", "restate", ["Sora is still in a research preview."], C)
    b.each(cap, "MFT", "ended", ["Sora is no longer in a research preview."], X)
    b.fill(cap, "INV", "ended", "Sora has {v} its research preview.", X, v=["exited", "left", "graduated from"])
    b.fill(cap, "INV", "ended", "Sora {v} its research preview {t}.", X, limit=3,
           v=["exited", "left", "moved out of"], t=["on Monday", "this week"])
    b.fill(cap, "INV", "ended", "{s} ended Sora's research preview{t}.", X, limit=4,
           s=["OpenAI", "the company"], t=["", " on Monday", " this week"])
    b.each(cap, "INV", "ended", ["Sora's research preview has ended.",
                                 "Sora is no longer a research preview, OpenAI said."], X)
    b.fill(cap, "INV", "restate", "{o}.", C, o=[
        "Sora remains in a research preview",
        "OpenAI said Sora is still a research preview",
        "An OpenAI spokesperson said Sora was still in its research preview stage"])
    b.each(cap, "DIR", "negation", ["Sora has not left its research preview.",
                                    "OpenAI has not ended Sora's research preview."], C)
    b.each(cap, "DIR", "modality", ["Sora will leave its research preview next year.",
                                    "OpenAI hopes to end Sora's research preview soon.",
                                    "Sora could exit its research preview in early 2025."], NC)
    b.each(cap, "DIR", "subject-swap", ["ChatGPT's advanced voice mode has left its research preview.",
                                        "Google's Veo is no longer in a research preview."], NC)


def access(b: Builder):
    cap = "frame:access"
    leak = ["the leaked version of Sora", "the leaked front-end", "the leaked Sora tool"]
    t = ["", " on Thursday", " two days later"]

    b.each(cap, "MFT", "restate", ["Access to the leaked version of Sora is no longer available.",
                                   "OpenAI shut down access to the leaked tool."], C)
    b.each(cap, "MFT", "restored", ["Access to the leaked version of Sora has been restored.",
                                    "The leaked Sora tool is back online."], X)

    b.fill(cap, "INV", "restored", "Access to {l} {v}.", X, limit=6, l=leak,
           v=["has been restored", "is available again", "has resumed", "has been reinstated"])
    b.fill(cap, "INV", "restored", "Access to {l} {v} {t}.", X, limit=4, l=leak,
           v=["was restored", "was reinstated", "resumed"], t=t[1:])
    b.fill(cap, "INV", "restored", "{l} {v}.", X, limit=6, l=leak,
           v=["is back online", "is working again", "has been brought back online"])
    b.fill(cap, "INV", "restored", "{l} came back online {t}.", X, limit=2, l=leak, t=t[1:])
    b.fill(cap, "INV", "restored-actor", "{a} {v} access to {l}{t}.", X, limit=6,
           a=["the group", "the artists", "Hugging Face"], v=["restored", "reinstated", "reopened"], l=leak, t=t)
    b.fill(cap, "INV", "restored-at-end", "{l} is back online, {s} said on Friday.", X, limit=3, l=leak,
           s=["the group", "the artists"])
    b.fill(cap, "INV", "restored-at-end", "Users can once again generate videos with {l}.", X, l=leak[1:])
    b.fill(cap, "INV", "restate", "{a} {v} access to {l}.", C, limit=5, a=["OpenAI", "the company"],
           v=["shut down", "revoked", "cut off", "disabled", "pulled"], l=leak)
    b.fill(cap, "INV", "restate", "Access to {l} {v}.", C, limit=6, l=leak,
           v=["has been revoked", "was shut down", "was cut off", "is no longer available", "remains unavailable"])
    b.fill(cap, "INV", "restate", "{l} was taken offline by {a}.", C, limit=3, l=leak, a=["OpenAI", "the company"])

    b.fill(cap, "DIR", "negation", "Access to {l} has not been restored.", C, l=leak)
    b.fill(cap, "DIR", "negation", "{a} has not restored access to {l}.", C, limit=3,
           a=["the group", "Hugging Face"], l=leak)
    b.fill(cap, "DIR", "negation", "OpenAI said it would not restore access to {l}.", NC, l=leak[:2])
    b.fill(cap, "DIR", "modality", "{a} {v} access to {l}.", NC, limit=8,
           a=["the group", "the protest group"],
           v=["expects to restore", "hopes to restore", "threatened to restore", "plans to reinstate", "may soon restore"],
           l=leak)
    b.fill(cap, "DIR", "modality", "The group said {l} could be back online within days.", NC, l=leak[1:])
    b.each(cap, "DIR", "frame-swap", [
        "OpenAI restored early access for the artists who were not involved in the leak.",
        "OpenAI paused Sora access for all early-access artists.",
        "OpenAI reinstated two artists to its early access program.",
    ], NC)
    b.each(cap, "DIR", "subject-swap", [
        "OpenAI restored access to ChatGPT after an outage.",
        "Hugging Face restored access to its model hub after a brief outage.",
        "Google reinstated access to its Veo demo on Thursday.",
    ], NC)


def exposure(b: Builder):
    cap = "frame:exposure"
    things_sg = ["source code", "training data", "architecture"]
    b.each(cap, "MFT", "exposed", ["The leak exposed Sora's model weights."], X)
    b.each(cap, "MFT", "restate", ["The leak involved credentials, not code.",
                                   "No model weights or training data were exposed in the leak."], C)
    b.fill(cap, "INV", "exposed", "The leak {v} Sora's {th}{t}.", X, limit=10,
           v=["exposed", "revealed", "disclosed", "laid bare"], th=["model weights"] + things_sg,
           t=["", ", researchers found"])
    b.fill(cap, "INV", "exposed", "The leaked files included Sora's {th}.", X, th=["model weights"] + things_sg)
    b.fill(cap, "INV", "exposed", "Sora's {th} exposed in the leak.", X,
           th=["model weights were", "source code was", "training data was"])
    b.fill(cap, "INV", "restate", "{o}.", C, o=[
        "The leak exposed access credentials rather than code",
        "No proprietary information about Sora was disclosed in the leak",
        "The leak gave no insight into Sora's architecture or training data",
        "The leak revealed no technical secrets about Sora"])
    b.fill(cap, "DIR", "negation", "The leak did not {v} Sora's {th}.", C, limit=5,
           v=["expose", "reveal"], th=["model weights"] + things_sg)
    b.fill(cap, "DIR", "modality", "{s} feared the leak could expose Sora's {th}.", NC, limit=4,
           s=["researchers", "OpenAI"], th=["model weights"] + things_sg)
    b.each(cap, "DIR", "modality", [
        "If the leak had exposed Sora's model weights, the damage would have been far greater.",
        "Some users claimed the leak would reveal Sora's source code.",
    ], NC)
    b.each(cap, "DIR", "subject-swap", ["A 2023 leak exposed the weights of Meta's LLaMA model.",
                                        "A separate breach exposed the source code of a rival video app."], NC)
    b.each(cap, "DIR", "object-swap", ["The leak exposed tensions between OpenAI and the artists.",
                                       "The leak exposed the growing divide between AI developers and artists."], NC)


def training_data(b: Builder):
    cap = "frame:training_data"
    yt = ["Sora was trained on YouTube videos", "Sora's training data included copyrighted YouTube content"]
    b.each(cap, "MFT", "settled", ["OpenAI confirmed that Sora was trained on YouTube videos.",
                                   "OpenAI denied that Sora was trained on YouTube videos."], X)
    b.each(cap, "MFT", "restate",
           ["Mira Murati avoided questions on whether Sora was trained on copyrighted content from YouTube."], C)
    b.fill(cap, "INV", "settled", "{s} {v} that {o}.", X, limit=8, s=OPENAI, v=["confirmed", "acknowledged", "admitted"],
           o=yt)
    b.fill(cap, "INV", "settled", "{s}{t} confirmed that YouTube videos were used to train Sora.", X, limit=3,
           s=["OpenAI", "the company"], t=["", " on Thursday"])
    b.fill(cap, "INV", "settled", "{o}, {s} acknowledged on Thursday.", X, limit=2, o=yt, s=["OpenAI"])
    b.fill(cap, "INV", "settled", "{s} {v} that {o}.", X, limit=4, s=["OpenAI", "the company"],
           v=["denied", "rejected claims"], o=yt)
    b.fill(cap, "DIR", "hedge", "{s} declined to say whether {o}.", C, limit=3, s=OPENAI, o=yt)
    b.fill(cap, "DIR", "subject-swap", "{s} {v} {o}.", NC, limit=5,
           s=["many artists", "critics", "some researchers"], v=["believe", "said"], o=yt)
    b.each(cap, "DIR", "subject-swap", ["Google confirmed that YouTube videos were used to train Veo."], NC)
    b.each(cap, "DIR", "modality", ["OpenAI may be forced to disclose whether Sora was trained on YouTube videos.",
                                    "A court could soon rule on whether Sora was trained on YouTube videos."], NC)


# --- value roles --------------------------------------------------------------------------

def signatures(b: Builder):
    cap = "role:signatures"
    old = ["600", "six hundred"]
    more = ["1,300", "1300", "thirteen hundred", "more than 1.3 thousand", "more than 1,000", "over two thousand",
            "some 2,000"]
    b.each(cap, "MFT", "restate", ["The open letter was signed by more than 600 artists."], C)
    b.fill(cap, "MFT", "changed", "The open letter has now been signed by {n} artists.", U, old,
           n=["more than 1,000", "about 2,000", "more than 900"])
    b.fill(cap, "INV", "rose", "{tp}", U, old, limit=16, tp=[
        "The open letter has been signed by {n} artists.",
        "{n} artists have now signed the open letter.",
        "The artists' letter, which now carries {n} signatures, accuses OpenAI of art washing.",
        "By Friday, the open letter had gathered {n} signatures.",
        "The number of artists who signed the open letter has grown to {n}.",
        "According to the organisers, {n} artists have signed the letter."], n=more)
    b.each(cap, "INV", "fell", ["The open letter was signed by about 400 artists, not 600 as first reported.",
                                "Only about 400 artists signed the open letter."], U, old)
    b.fill(cap, "INV", "restate", "The open letter was signed by {n} artists.", C,
           n=["over 600", "more than six hundred", "600-plus"])
    b.each(cap, "INV", "restate", ["More than 600 artists signed the open letter.",
                                   "The letter, signed by more than 600 artists, was posted on Hugging Face."], C)
    b.each(cap, "DIR", "role-swap", [
        "OpenAI has about 3,000 employees.",
        "More than 1,000 users generated videos with the leaked tool.",
        "The open letter was shared more than 5,000 times on X.",
        "The letter is about 1,300 words long.",
        "More than 2,000 people watched the group's livestream.",
    ], NC)
    b.each(cap, "DIR", "other-letter", [
        "A separate statement on AI training has been signed by more than 11,000 creatives.",
        "A 2023 letter calling for a pause on AI research was signed by more than 1,000 people.",
    ], NC)
    b.each(cap, "DIR", "modality", [
        "The organisers hope the letter will reach 1,000 signatures.",
        "The group aims to collect 2,000 signatures by the end of the year.",
        "Signatures on the letter could top 1,000 by next week.",
    ], NC)
    b.each(cap, "DIR", "vague", ["Hundreds of artists signed the open letter."], NC)


def testers(b: Builder):
    cap = "role:testers"
    old = ["hundreds"]
    b.each(cap, "MFT", "restate",
           ["Hundreds of artists provide unpaid labour for OpenAI through bug testing and feedback."], C)
    b.each(cap, "MFT", "rose",
           ["More than 2,000 artists provide unpaid labour for OpenAI through bug testing and feedback."], U, old)
    b.fill(cap, "INV", "rose", "{tp}", U, old, limit=8, tp=[
        "{n} artists provide unpaid labour to OpenAI through bug testing and feedback.",
        "OpenAI's early access program relies on the unpaid work of {n} artists.",
        "{n} testers gave OpenAI unpaid feedback on Sora."], n=["more than 2,000", "over two thousand", "thousands of",
                                                               "some 2,000"])
    b.fill(cap, "INV", "restate", "{o}.", C, o=[
        "Hundreds of testers gave OpenAI unpaid feedback on Sora",
        "Several hundred artists work on Sora for OpenAI without pay",
        "The group said hundreds of artists provide OpenAI with unpaid bug testing and feedback"])
    b.each(cap, "DIR", "role-swap", [
        "More than 2,000 users tried the leaked tool before it was shut down.",
        "OpenAI employs more than 2,000 people.",
        "Only 10 artists will have their films screened.",
    ], NC)
    b.each(cap, "DIR", "role-swap", [
        "Filmmaker Patrick Cederberg had to generate hundreds of clips before getting a usable one."], C)
    b.each(cap, "DIR", "modality", ["OpenAI hopes to bring thousands of artists into the program next year."], NC)


def valuation(b: Builder):
    cap = "role:valuation"
    old = ["150"]
    subj = ["OpenAI", "the ChatGPT maker", "the company"]
    newer = ["$157 billion", "$157B", "$157bn", "157 billion dollars", "$300 billion", "$300bn"]
    same = ["$150 billion", "$150B", "$150bn", "150 billion dollars"]
    b.each(cap, "MFT", "restate", ["OpenAI is valued at $150 billion."], C)
    b.fill(cap, "MFT", "changed", "OpenAI is now valued at {a}.", U, old, a=["$157 billion", "$300 billion", "$100 billion"])
    for name, tp, k in [("rose", "{s} is now valued at {a}.", 6),
                        ("rose-apposition", "{s}, now valued at {a}, did not comment on the leak.", 4),
                        ("rose-object", "A recent funding round valued {s} at {a}.", 4),
                        ("rose-object", "Investors now value {s} at {a}.", 3),
                        ("rose", "{s} is worth {a} after its latest funding round.", 4)]:
        b.fill(cap, "INV", name, tp, U, old, limit=k, s=subj, a=newer)
    b.fill(cap, "INV", "rose-valuation", "OpenAI raised $6.6 billion at a {a} valuation.", U, old,
           a=["$157 billion", "$157B", "157 billion dollar"])
    b.fill(cap, "INV", "restate", "{s} is valued at {a}.", C, limit=5, s=subj, a=same + ["more than $150 billion"])
    b.fill(cap, "INV", "restate", "The artists work without pay for {s}, a {a} company.", C, limit=3,
           s=["OpenAI", "the ChatGPT maker"], a=["$150 billion", "$150B", "$150bn"])
    b.each(cap, "DIR", "role-swap", [
        "One OpenAI executive's stake is worth $10.5 billion.",
        "OpenAI raised $6.6 billion in its latest funding round.",
        "Microsoft has invested $13 billion in OpenAI.",
        "OpenAI's annual revenue is expected to reach $3.7 billion.",
        "OpenAI expects to lose $5 billion this year.",
        "The ChatGPT Pro plan costs $200 a month.",
        "Sam Altman's personal fortune is estimated at $2 billion.",
    ], NC)
    b.each(cap, "DIR", "subject-swap", ["Anthropic is valued at $18 billion.", "Elon Musk's xAI is now valued at $50 billion.",
                                        "Nvidia is worth more than $3 trillion."], NC)
    b.each(cap, "DIR", "modality", ["Investors hope OpenAI will one day be worth $1 trillion.",
                                    "OpenAI could be valued at $300 billion in its next funding round."], NC)


def clip_length(b: Builder):
    cap = "role:clip_length"
    old = ["10", "ten", "minute"]
    subj = ["the leaked tool", "the leaked front-end", "Sora"]
    longer = ["20-second videos", "videos up to 20 seconds long", "twenty-second clips", "clips of up to twenty seconds",
              "videos of at most five seconds"]
    b.each(cap, "MFT", "restate", ["The leaked tool let users generate 10-second videos."], C)
    b.fill(cap, "MFT", "changed", "The leaked tool let users generate videos up to {d} long.", U, old,
           d=["20 seconds", "30 seconds", "5 seconds"])
    b.fill(cap, "INV", "changed", "{s} could generate {v}.", U, old, limit=8, s=subj, v=longer)
    b.fill(cap, "INV", "changed", "Users of {s} could create {v} from a text prompt.", U, old, limit=6, s=subj[:2],
           v=longer)
    b.fill(cap, "INV", "changed", "Subscribers can generate {v} with Sora.", U, old, v=longer[:2])
    b.fill(cap, "INV", "restate", "{s} could generate {v}.", C, limit=5, s=subj[:2],
           v=["10-second videos", "ten-second clips", "videos 10 seconds long"])
    b.each(cap, "INV", "restate", ["Users could create a 10-second video up to 1080p by typing a short prompt."], C)
    b.each(cap, "DIR", "role-swap", [
        "OpenAI held a 40-minute livestream about Sora.",
        "Each clip took about 30 seconds to render.",
        "The group posted a two-minute video explaining its protest.",
        "The leaked page took 20 seconds to load.",
        "OpenAI's announcement video of Sora ran for five minutes.",
    ], NC)
    b.each(cap, "DIR", "subject-swap", ["Runway's Gen-3 model can generate 20-second clips.",
                                        "Google's Veo can produce videos longer than a minute."], NC)
    b.each(cap, "DIR", "modality", ["OpenAI plans to let users generate 20-second videos in a future version."], NC)
    b.each(cap, "DIR", "restate-general", ["Sora can generate videos as long as a minute."], C)


def leak_duration(b: Builder):
    cap = "role:leak_duration"
    old = ["three", "3", "few", "180"]
    templates = ["The leak lasted {d}.",
                 "The leaked tool stayed online for {d} before OpenAI shut it down.",
                 "Access to the leaked tool was shut down after {d}.",
                 "OpenAI cut off the leaked front-end after {d}.",
                 "For {d}, anyone could generate videos with the leaked tool."]
    b.each(cap, "MFT", "restate", ["The leak lasted only three hours."], C)
    b.fill(cap, "MFT", "changed", "The leak lasted {d}.", U, old, d=["less than one hour", "six hours", "two days"])
    b.fill(cap, "INV", "changed", "{tp}", U, old, limit=14, tp=templates,
           d=["six hours", "6 hours", "360 minutes", "about six hours", "less than an hour", "under 60 minutes",
              "two days", "48 hours"])
    b.fill(cap, "INV", "restate", "{tp}", C, limit=10, tp=templates,
           d=["three hours", "3 hours", "180 minutes", "about three hours", "a few hours"])
    b.each(cap, "DIR", "role-swap", [
        "Two weeks after the leak, the artists published a second statement.",
        "Three days later, Hugging Face removed the project.",
        "The leak began at 4 p.m. Eastern time.",
        "OpenAI shut down the leaked tool at 4 p.m. on Tuesday.",
        "The artists had tested Sora for nine months before the leak.",
        "OpenAI took six hours to respond to requests for comment.",
        "The group spent three weeks planning the leak.",
        "OpenAI's servers were down for six hours on Wednesday.",
    ], NC)
    b.each(cap, "DIR", "modality", ["The leak could have lasted for days if OpenAI had not acted.",
                                    "The group had hoped the leak would last a full day."], NC)


def resolution(b: Builder):
    cap = "role:resolution"
    old = ["1080"]
    subj = ["the leaked tool", "the leaked front-end"]
    templates = ["{s} generated videos at up to {r}.", "Users could create clips in up to {r} with {s}.",
                 "Videos made with {s} topped out at {r}."]
    b.each(cap, "MFT", "restate", ["The leaked tool generated videos at up to 1080p resolution."], C)
    b.fill(cap, "MFT", "changed", "The leaked tool generated videos at up to {r} resolution.", U, old, r=["4K", "720p"])
    b.fill(cap, "INV", "changed", "{tp}", U, old, limit=14, tp=templates, s=subj,
           r=["4K resolution", "2160p", "4K", "720p", "720p resolution"])
    b.fill(cap, "INV", "restate", "{tp}", C, limit=6, tp=templates, s=subj, r=["1080p", "1080p resolution"])
    b.each(cap, "DIR", "role-swap", ["The artists streamed their protest in 4K.",
                                     "The group's statement included a 720p screen recording.",
                                     "Some users watched the leaked clips on 4K monitors."], NC)
    b.each(cap, "DIR", "subject-swap", ["Google's Veo can produce video in 4K.",
                                        "Runway's new model generates clips at up to 4K resolution."], NC)
    b.each(cap, "DIR", "modality", ["OpenAI plans to support 4K output in a future version of Sora."], NC)


def leak_date(b: Builder):
    cap = "role:leak_date"
    old = ["26"]
    templates = ["The leak took place on {d}.", "A group of artists leaked access to Sora on {d}.",
                 "On {d}, a group of artists leaked Sora.", "Sora was leaked on {d}."]
    b.each(cap, "MFT", "restate", ["Artists leaked Sora on November 26."], C)
    b.fill(cap, "MFT", "changed", "Artists leaked Sora on {d}.", U, old, d=["November 25", "November 28"])
    b.fill(cap, "INV", "changed", "{tp}", U, old, limit=12, tp=templates,
           d=["November 25", "25 November", "Nov. 25", "November 25, 2024", "Monday, November 25", "November 24"])
    b.fill(cap, "INV", "restate", "{tp}", C, limit=8, tp=templates,
           d=["November 26", "26 November", "Nov. 26", "Tuesday, November 26", "November 26, 2024"])
    b.each(cap, "DIR", "role-swap", ["OpenAI responded to the leak on November 28.",
                                     "Hugging Face removed the project on November 27.",
                                     "The artists published a follow-up statement on November 29.",
                                     "The artists say they began planning the leak on November 20."], NC)


def announced(b: Builder):
    cap = "role:announced"
    old = ["february"]
    b.each(cap, "MFT", "restate", ["OpenAI first shared details on Sora in February."], C)
    b.fill(cap, "MFT", "changed", "OpenAI first shared details on Sora in {m}.", U, old, m=["January", "April"])
    b.fill(cap, "INV", "changed", "{s} {v} {m}.", U, old, limit=10, s=["OpenAI", "the ChatGPT maker"],
           v=["first unveiled Sora", "first announced Sora", "first introduced Sora", "first showed Sora to the world"],
           m=["in January", "in December 2023", "last January"])
    b.each(cap, "INV", "changed", ["Sora was first announced in January."], U, old)
    b.fill(cap, "INV", "restate", "{s} {v} {m}.", C, limit=6, s=["OpenAI", "the ChatGPT maker"],
           v=["first unveiled Sora", "first announced Sora", "introduced Sora"], m=["in February", "in February 2024"])
    b.each(cap, "DIR", "role-swap", ["Mira Murati was censured in March."], C)
    b.each(cap, "DIR", "role-swap", ["In March, OpenAI shared short films that artists had made with Sora."], NC)
    b.each(cap, "DIR", "role-swap", ["OpenAI first shared details on Dall-E 3 in September.",
                                     "OpenAI will show a new version of Sora at an event in January."], NC)
    b.each(cap, "DIR", "subject-swap", ["Google first unveiled Veo in May.", "OpenAI announced GPT-4o in May."], NC)


# --- unrelated ----------------------------------------------------------------------------

def unrelated(b: Builder):
    """Values of the same kinds and status verbs, about other things: never a change."""
    cap, t = "unrelated", "MFT"
    b.rows(cap, t, "authentic", "{o} {v} that {d} authentic.", NC, [
        ("the auction house", "confirmed", "the painting was"),
        ("the Pentagon", "confirmed", "the leaked documents were"),
        ("police in Lyon", "verified", "the stolen letter was"),
        ("the senator", "denied", "the recording was"),
        ("the museum", "acknowledged", "the manuscript was not")])
    b.rows(cap, t, "authentic", "{o} would not confirm whether {d} authentic.", NC, [
        ("the mayor", "the budget report was"), ("the club", "the leaked transfer list was")])
    b.fill(cap, t, "confirm", "{o} confirmed its quarterly results on Tuesday.", NC,
           o=["the bank", "the carmaker", "the retailer"])
    b.rows(cap, t, "release", "{o} {v} {w}.", NC, [
        ("Nintendo", "released its new console to the public", "on Monday"),
        ("the city", "opened its new park to the public", "this week"),
        ("the band", "launched its new album", "on December 9"),
        ("the store's website", "went live", "on Monday"),
        ("the bakery", "rolled out a new menu to all customers", "in February")])
    b.rows(cap, t, "release", "{o} is expected to {v} {w}.", NC, [
        ("the studio", "release the sequel", "next year"), ("the airline", "launch the new route", "in early 2025")])
    b.fill(cap, t, "restore", "The {p} reopened after {d}.", NC, limit=6,
           p=["museum", "bridge", "airport"], d=["three hours", "180 minutes", "six hours"])
    b.rows(cap, t, "restore", "{o} {v} after {d}.", NC, [
        ("access to the beach", "was restored", "three hours"),
        ("power", "was restored to 1,300 homes", "a six-hour outage"),
        ("the subway line", "resumed service", "less than one hour"),
        ("the bank's app", "was back online", "two days")])
    b.rows(cap, t, "revoke", "{o} {v}.", NC, [
        ("the airline", "revoked lounge access for more than 600 members"),
        ("the city", "shut down the bridge for three hours"),
        ("the university", "cut off access to the library for 1,000 students")])
    b.fill(cap, t, "duration", "A ferry takes {d} to reach the island.", NC,
           d=["four hours", "three hours", "180 minutes"])
    b.fill(cap, t, "duration", "The trial lasted {d}.", NC, d=["three weeks", "six days", "less than one hour"])
    b.fill(cap, t, "count", "A petition to save the local library has been signed by {n} residents.", NC,
           n=["more than 600", "more than 1,000", "1,300", "thirteen hundred"])
    b.fill(cap, t, "count", "More than {n} runners signed up for the marathon.", NC, n=["600", "1,000"])
    b.rows(cap, t, "count", "{o} {v}.", NC, [
        ("the stadium", "holds 60,000 fans"), ("hundreds of volunteers", "cleaned the beach"),
        ("the choir", "has 2,000 members")])
    b.rows(cap, t, "money", "{o} is valued at {a}.", NC, [
        ("Tesla", "$1 trillion"), ("the football club", "$150 million"), ("the startup", "$157 million"),
        ("the painting", "$150,000"), ("the port", "150 billion yuan")])
    b.fill(cap, t, "money", "The city approved a {a} budget for new parks.", NC, a=["$157 million", "$150 million"])
    b.fill(cap, t, "resolution", "The new television displays video at up to {r}.", NC, r=["4K", "1080p", "8K"])
    b.fill(cap, t, "resolution", "The doorbell camera records 10-second clips in {r}.", NC, r=["1080p", "720p"])
    b.fill(cap, t, "date", "The concert will take place on {d}.", NC, d=["November 25", "November 26"])
    b.rows(cap, t, "date", "The {o} was {v} in {d}.", NC, [("museum", "founded", "February 1921"),
                                                             ("bridge", "first announced", "January")])


BUILDERS = [authenticity, release, preview, access, exposure, training_data, signatures, testers, valuation,
            clip_length, leak_duration, resolution, leak_date, announced, unrelated]


def build() -> list[dict]:
    b = Builder()
    for fn in BUILDERS:
        fn(b)
    return b.cases


def required_types(capability: str) -> tuple[str, ...]:
    return REQUIRED.get(capability, DEFAULT_REQUIRED)


# --- running and scoring ------------------------------------------------------------------

def passes(case: dict, result: dict) -> bool:
    if result.get("status") not in case["expect"]:
        return False
    if result.get("status") == "updated" and case.get("old"):
        got = str(result.get("old") or "").lower()
        return any(o.lower() in got for o in case["old"])
    return True


def run(settings=None, cases: list[dict] | None = None) -> list[tuple[dict, dict, bool]]:
    """Judge every case in one judge_sentences call; (case, result, passed) per case."""
    from monitor import config
    from monitor.inspect import judge_sentences

    cases = build() if cases is None else cases
    results = judge_sentences(settings or config.load(), [c["text"] for c in cases])
    return [(c, r, passes(c, r)) for c, r in zip(cases, results)]


def rates(outcomes, key: str) -> dict[str, tuple[int, int]]:
    """{value of case[key]: (passed, total)}."""
    out: dict[str, list[int]] = {}
    for case, _, ok in outcomes:
        row = out.setdefault(case[key], [0, 0])
        row[0] += ok
        row[1] += 1
    return {k: (p, n) for k, (p, n) in out.items()}


def describe(case: dict, result: dict) -> str:
    old = f" (old must mention one of {list(case['old'])})" if case.get("old") else ""
    got = result.get("status")
    if got == "updated":
        got += f" old={result.get('old')!r} new={result.get('new')!r}"
    return (f"{case['id']}: {case['text']}\n    expected {sorted(case['expect'])}{old}, got {got}; "
            f"reason: {result.get('reason')}")
