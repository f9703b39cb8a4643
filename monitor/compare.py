"""Pure comparison: claims x baseline -> Findings.

Similarity (IDF-weighted token overlap after stemming and synonym folding) only finds the
baseline claims a sentence talks about. Whether it agrees is decided afterwards by
explicit evidence: opposite status cues (contradicted), a different value for the same
quantity (updated), or neither (corroborated), and a claim that matches nothing, or
adds a value the matched fact lacks, is new."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from collections import defaultdict

from .claims import OPENS_WITH_NAME, OTHER_NAME, STOP, analyse_all, extract_claims, stem, tokens
from .entities import Entities, fronts, token, topic_terms
from . import acts
from .frames import SAID, SPOKE, act_of, agrees, conflict, named
from .models import Article, ArticleResult, BaselineFact, Claim, Cue, Finding, Value
from .text import fold, mentions
from .values import (DEADLINE_VALUE, DELTA_VALUE, MARKET_VALUE, MODAL_VALUE, MOVED_FROM, PLURAL_WORDS, POINT_KINDS,
                     PRIOR_VALUE, REVISED, RUNNING, STRUCTURAL, THE_TOTAL, THEM, comparable, holds, leads_back,
                     measures, moved, offset_agrees, salient, same, shared_role)

OWN = re.compile(r"\b(?:its|their) own\b|^(?:it|they) (?:said|says|told)\b")
# "five of them": a part of a figure only its own sentence gives; another figure may restate it, never update it
UNNAMED_WHOLE = re.compile(rf" of {THEM}$")
OF_BEFORE = re.compile(rf" of {THEM}\b")  # "two of those sponsors": of a whole the article gave before
# what kind a part of a whole is: "96 of the patients (now recalled) are children", "were rare editions"
BREAKDOWN = re.compile(rf"[^,;:.]*?\s(?:are|were)\s+(?:(?:all|mostly|now)\s+)?"
                       rf"(?:(?![a-z]+(?:ed|en|ing)\b|(?:for|to|in|on|at|by|from|with|of|not)\b)[a-z-]+\s+)?"
                       rf"(?:[a-z]+s|{PLURAL_WORDS})\b")
PART = re.compile(rf"^(?:(?i:some|about|around|nearly|almost|roughly|more than|over|fewer than|less than) )?\S+ of (?:(?:the|its|their|his|her)(?: \S+'s)?|(?:\S+ ){{0,2}}\S+'s|{THEM}|"
                  r"(?:the|its|their|those|these) [a-z-]+s)$")  # the text of a count that is part of a whole
PAST_OPENING = re.compile(r"(?:back )?in (?:[a-z]+ )?((?:19|20)\d\d)\b", re.I)
NOW = re.compile(r";|,\s+but\b|\bnow\b")
TOTAL_NOW = re.compile(THE_TOTAL + r"\b(?!\s+(?:of|for|in|across|on)\b)")  # not "the total of letters"
LAST_YEAR = re.compile(r"(?:last (?:year|season)(?!'s)|a (?:year|season) (?:ago|earlier)|(?:two|three|several|many) "
                       r"(?:years|seasons) (?:ago|earlier))\b", re.I)
MATCH = 0.24  # a baseline claim this similar is talking about the same thing
VALUE_MATCH = 0.15  # a comparable quantity (same kind, noun and scale) is too
UNIQUE_VALUE_MATCH = 0.08  # a quantity the baseline states one way only identifies the facts that state it
MERGE = 0.50  # baseline claims from different snapshots this similar are one fact
# the words that only say a figure moved or is a total: no evidence of what it counts
MOVE_WORDS = frozenset(stem(w) for w in "rise risen rose rising climbed climbing grown grew increased raised revised doubled "
                       "fell fallen dropped lifted lowered reduced pushed extended brought bringing taking put putting "
                       "placed total number count tally toll figure estimate stands stood reached now since latest final "
                       "again back".split())
IT_WAS = re.compile(r"\bit\s+(?:was|had been|stayed|remained|ran|lasted|went)\b")
# "a shorter outage lasted about four hours": another one of its kind
OTHER_OF_KIND = re.compile(r"\b(?:another|other|(?:an?|the) (?:first|second|separate|different|earlier|previous|"
                           r"similar|shorter|longer|smaller|larger))\b")
WITHIN = re.compile(r"\bwithin\b")  # "within an hour of reading it": until something else happened
GIVES = re.compile(r"\b(?:put|puts|putting|plac(?:e|es|ed|ing))\s+(?:the|its|their)\s+(?:[\w'-]+\s+){0,3}?"
                   r"(?:total|number|count|tally|toll|figure|estimate)\b")
# words for people, stemmed as a role holds them: who took part, not what happened
PEOPLE = frozenset(stem(w) for w in "staff staffers members workers employees people persons individuals residents "
                   "adults".split())
REPORTED = re.compile(r"\b(?:said|says|found|finds|revealed|reveals|showed|shows|show|stated|reported|concluded)\b"
                      r"(?:\s+that)?")  # what a report says follows it
CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|came|took|began|started|happened|occurred|[a-z]+ed)\b")
NAMED_OWNER = re.compile(r"\b[A-Z][\w-]*(?: [A-Z][\w-]*)*['\u2019]s\b")  # "Dr Quill's team"
# a word made from another word is a common noun, not a name: "Installation is now expected to take ..."
ABSTRACT_NOUN = re.compile(r"[a-z](?:tion|sion|ment|ness|ity|ance|ence)$")
LOWER_WORD = re.compile(r"\b(?<![-'\u2019])[a-z]{3,}\b")  # a word written in lower case, not the tail of "Pro-Am"


class Baseline:
    """The baseline facts with an IDF table and an inverted index over their claims."""

    def __init__(self, snapshots: list[dict], topic: dict):
        anchors = tuple(topic.get("anchors") or ())
        self.entities = Entities(topic.get("entities"), anchors)
        self.anchor_tokens = frozenset(t for a in anchors for t in tokens(a, self.entities))
        claims = [c for snap in snapshots for c in analyse_all(snap["claims"], snap["id"], self.entities)]
        self.claims = claims
        self.snapshots = {snap["id"]: snap for snap in snapshots}
        df: dict[str, int] = defaultdict(int)
        for c in claims:
            for t in set(c.tokens):
                df[t] += 1
        n = len(claims) or 1
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        self.unknown_idf = math.log((n + 1) / 0.5)
        self.facts = self._merge(claims)
        # the baseline's counts of a part of a whole ("three of the five hospitals"), by id
        self.parts = {id(o) for c in claims for o in c.values if PART.search(o.text)}
        # words the baseline writes in lower case: one of these opening a sentence is no name ("Hotel bookings ...")
        self.common = frozenset(stem(w) for c in claims for w in LOWER_WORD.findall(c.text))
        # the story's year: when its articles were published, or failing that the latest year they name
        self.year = max([int(snap["date"][:4]) for snap in snapshots if str(snap.get("date") or "")[:4].isdigit()]
                        or [int(v.amount) // 10000 for c in claims for v in c.values if v.kind == "date"
                            and not {MODAL_VALUE, DEADLINE_VALUE} & set(v.role)] or [0])  # not a target: "by 2030"
        # who speaks for whom: what an organisation's officer confirms or does, it does
        self.fronts = fronts([c.text for c in claims], self.entities)
        # who the baseline says releases or shuts things: another actor doing so is other news
        self.doers = {frame: frozenset(c.agent for m in claims for c in m.cues if c.frame == frame and c.agent
                                       and c.agent not in ("other", "pronoun")) for frame in ("release", "access", "expose")}
        self.index: dict[str, list[int]] = defaultdict(list)
        self.by_feature: dict[str, list[int]] = defaultdict(list)  # "frame:release", "kind:count"
        self._members: list[tuple[int, Claim, dict[str, float], float]] = []
        for fi, fact in enumerate(self.facts):
            for member in self._groups[fact.fact_id]:
                w = self.weights(member.tokens)
                idx = len(self._members)
                self._members.append((fi, member, w, _norm(w)))
                for t in w:
                    self.index[t].append(idx)
                for f in {f"frame:{c.frame}" for c in member.cues} | {f"kind:{v.kind}" for v in member.values}:
                    self.by_feature[f].append(idx)

    def agrees(self, new: Cue, old: Cue) -> bool:
        """frames.agrees, with each person the baseline gives a post standing for their organisation."""
        return agrees(self.speaking_for(new), self.speaking_for(old), self.doers.get(new.frame, frozenset()))

    def settles(self, old: Cue, found: tuple[str, str, str | None, tuple[str, ...]], subject: str | None) -> bool:
        """acts.settles of a report acts.report found (state, words, doer, object), each
        person the baseline gives a post standing for their organisation."""
        state, _, doer, obj = found
        return acts.settles(self.speaking_for(old), state, self.fronts.get(doer, doer), obj,
                            self.fronts.get(subject, subject))

    def speaking_for(self, cue: Cue) -> Cue:
        """The cue with its agent, where the baseline gives that person a post, as their organisation."""
        return replace(cue, agent=self.fronts[cue.agent]) if cue.agent in self.fronts else cue

    def moved_later(self, member: Claim, old: Cue, new: Cue) -> bool:
        """Does a later baseline article already say what new says of old's status? Then
        new reverses nothing: "no arrests have been made", and two days on "a man was
        arrested"; the baseline folder is in the order its articles were published."""
        later = [c for c in self.claims if c.source_id > member.source_id]
        if old.frame != "act":  # a later cue that would itself reverse old, the way new does
            return any(c2.state == new.state and self.agrees(c2, old) and conflict(old, c2)
                       for c in later for c2 in c.cues)
        act = act_of(old)
        for c in later:
            if acts.may_mention(fold(c.text), act) and (found := acts.report(c.text, act, self.entities, acts.wanted(old))) \
                    and found[0] == new.state and self.settles(old, found, c.subject):
                return True
        return False

    def before_story(self, sentence: str, words: str = "") -> bool:
        """Does the sentence open in a year before the story's ("In 2022 the agency
        prosecuted a chemical company"; for its values, "last year" too), or say its status
        words (words) were then ("went on sale in 2018")? What happened then settles nothing
        open now."""
        folded = fold(sentence)
        if LAST_YEAR.match(sentence) and (not words or 0 <= folded.find(words) < len(
                NOW.split(folded, maxsplit=1)[0])):  # "Last year Pellingham handled 1.4 million passengers",
            return True  # "Last year the authority suspended the licence of a mussel farm" (not "...; it has now")
        m = PAST_OPENING.match(sentence)
        if m is None and words:
            m = re.search(rf"{re.escape(words)}\s+(?:[\w-]+\s+){{0,4}}?in\s+((?:19|20)\d\d)\b", folded)
            if m is None:  # "opened 74 inquiries across the sector last year"
                return re.search(rf"{re.escape(words)}\s+(?:(?!(?:which|that|who|made|after|before|when)\b)"
                                 rf"[\w-]+\s+){{0,8}}?{LAST_YEAR.pattern}", folded) is not None  # (not "repairs made last year")
        return m is not None and int(m.group(1)) < self.year

    def names_other(self, sentence: str) -> bool:
        """Does the sentence open with a name the story does not know ("Runway's new model",
        "Pika said")? Not with a word the baseline itself writes in lower case ("Rescuers
        reached ...", "Hotel bookings are down") nor with a word made from another ("Installation
        of the roof"), unless a name follows ("Installation of the roof at Halden Museum")."""
        m = OPENS_WITH_NAME.match(sentence)
        if m is not None and m.group().isalpha() and ABSTRACT_NOUN.search(m.group()):  # "Installation is now
            return OTHER_NAME.search(sentence, m.end()) is not None  # expected ...", unless of a thing it names
        return m is not None and (not m.group().isalpha() or stem(m.group().lower()) not in self.common)

    def weights(self, toks) -> dict[str, float]:
        return {t: self.idf.get(t, self.unknown_idf) for t in set(toks)}

    def _merge(self, claims: list[Claim]) -> list[BaselineFact]:
        groups: list[list[Claim]] = []
        for c in claims:
            for g in groups:
                if g[0].source_id != c.source_id and self.similarity(g[0], c) >= MERGE and not value_conflict(c, g[0]):
                    g.append(c)
                    break
            else:
                groups.append([c])
        self._groups = {f"F{i:03d}": g for i, g in enumerate(groups)}
        return [BaselineFact(fact_id=fid, claim=g[0], sources=tuple((c.source_id, c.text) for c in g))
                for fid, g in self._groups.items()]

    def similarity(self, a: Claim, b: Claim) -> float:
        """IDF-weighted cosine of two claims' words."""
        wa, wb = self.weights(a.tokens), self.weights(b.tokens)
        return _cosine(wa, wb, _norm(wa), _norm(wb))

    def candidates(self, claim: Claim, limit: int = 5) -> list[tuple[float, BaselineFact, Claim]]:
        """Best-matching facts (best member claim each), most similar first."""
        w = self.weights(claim.tokens)
        nw = _norm(w)
        if not nw:
            return []
        best: dict[int, tuple[float, Claim]] = {}
        seen: set[int] = set()
        for t in w:
            for idx in self.index.get(t, ()):
                if idx in seen:
                    continue
                seen.add(idx)
                fi, member, mw, mn = self._members[idx]
                s = _cosine(w, mw, nw, mn)
                if s > best.get(fi, (0.0, None))[0]:
                    best[fi] = (s, member)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:limit]
        return [(s, self.facts[fi], member) for fi, (s, member) in ranked]

    def with_feature(self, claim: Claim, feature: str, floor: float) -> list[tuple[float, BaselineFact, Claim]]:
        """Every baseline claim carrying a frame or value kind, scored against claim, best first."""
        w = self.weights(claim.tokens)
        nw = _norm(w)
        out = []
        for idx in self.by_feature.get(feature, ()):
            fi, member, mw, mn = self._members[idx]
            s = _cosine(w, mw, nw, mn)
            if s >= floor:
                out.append((s, self.facts[fi], member))
        return sorted(out, key=lambda x: -x[0])


def _norm(w: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in w.values()))


def _cosine(a: dict[str, float], b: dict[str, float], na: float, nb: float) -> float:
    if not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(v * v for t, v in a.items() if t in b) / (na * nb)


def value_conflict(new: Claim, old: Claim):
    """(old value, new value) for the first quantity both state differently, else None.
    A quantity stated the same way anywhere in the pair settles that kind as agreeing."""
    for v in new.values:
        olds = [o for o in old.values if comparable(v, o)]
        if olds and not any(same(v, o) for o in olds):
            return olds[0], v
    return None


def _novelty(new: Claim, old: Claim, baseline: Baseline, stated: tuple[Value, ...] = ()) -> str | None:
    """What the new claim adds that the matched one lacks: a quantity no baseline claim
    states (stated: those some baseline claim does), or a status that no baseline claim
    about the same thing states."""
    for v in new.values:
        if salient(v) and v not in stated and not any(o.kind == v.kind for o in old.values):
            return f"adds {v.kind} '{v.text}' the baseline does not give"
    for c in new.cues:
        if c.state == "planned" or c.agent == "other" and c.frame == "verify" or SAID in c.theme or SPOKE in c.theme:
            continue  # a plan, a stranger's word, a plain "X said" or speaking up at all is no status of its own
        if c.frame != "verify" and not any(t.startswith("ent_") for t in c.theme):
            continue  # "before it went offline": about nothing the story names, so no news of it
        said = [o for _, _, m in baseline.with_feature(new, f"frame:{c.frame}", 0.0) for o in m.cues
                if o.frame == c.frame and baseline.agrees(c, o)]
        if not any(o.state == c.state for o in said):
            return f"adds status '{c.words}' the baseline does not state"
    return None


def _who(cue: Cue) -> str:
    return f" by {cue.agent}" if named(cue.agent) else ""


def _status(claim: Claim, baseline: Baseline):
    """(contradicting, agreeing) status evidence: the first baseline status about the same
    thing (same frame, same theme, for verify the same agent) with the opposite state,
    and those with the same state."""
    agreeing = []
    for cue in claim.cues:
        for s, fact, member in baseline.with_feature(claim, f"frame:{cue.frame}", 0.0):
            for old in member.cues:
                if not baseline.agrees(cue, old):
                    continue
                if conflict(old, cue) and not baseline.moved_later(member, old, cue) \
                        and not baseline.before_story(claim.text, cue.words):
                    return (s, fact, member, old, cue), agreeing
                if old.state == cue.state:
                    agreeing.append((s, fact, old, cue))
    return _settled(claim, baseline), agreeing


def _settled(claim: Claim, baseline: Baseline):
    """A report of an act the baseline gives as open or not done, by the same doer
    ("Brackmoor refused to pay" against "has not decided whether to pay the ransom")."""
    members = baseline.with_feature(claim, "frame:act", 0.0)
    if not members:
        return None
    folded, said = fold(claim.text), None
    for s, fact, member in members:
        for old in member.cues:
            act = act_of(old)
            if old.frame != "act" or not acts.may_mention(folded, act):
                continue
            said = said or acts.words_lemmas(claim.text)
            if act not in said:
                continue
            found = acts.report(claim.text, act, baseline.entities, acts.wanted(old), acts.asked(old))
            if found and baseline.settles(old, found, claim.subject) \
                    and not baseline.before_story(claim.text, found[1]):
                state, words, doer, obj = found
                new = Cue("act", state, words, None if acts.in_passive(old, doer) else doer, (f"~act:{act}",) + obj)
                if not baseline.moved_later(member, old, new):
                    return s, fact, member, old, new
    return None


def _evidence(v: Value, o: Value, s: float) -> float:
    """How sure a pair of comparable values is about one quantity: claim similarity plus
    the words of role they share."""
    return s + 0.1 * len(shared_role(v, o))


def _about_same(v: Value, o: Value, s: float, unique: bool, claim: Claim, member: Claim) -> bool:
    """Enough evidence that two comparable values state one quantity: the claims are
    close; or the same measure of the sentence's subject; or a story entity in both
    roles; or a shared role word and claims not far apart (nearer still when the baseline
    gives that quantity more than one way). A sentence about none of the story's entities
    (subject None) needs the close match ("a doorbell camera records 720p")."""
    if not _same_owner(v, o, claim, member, s >= MATCH):
        return False
    subject, old_subject = claim.subject, member.subject
    if subject is None:
        return s >= MATCH
    # near a count or a date a story entity is a participant ("300 artists", "the artists
    # published on November 29"), not what is measured: the verb must agree too
    # and when two counts count different nouns, one's noun beside the other is no evidence
    # (and beside a date, the people who did something: "staff silenced the alarm on 28 February" is not when
    # "staff discovered the fault")
    shared = {w for w in shared_role(v, o) if v.kind not in ("count", *POINT_KINDS) or not w.startswith("ent_")
              and (v.noun == o.noun or w not in (v.noun, o.noun)) and (v.kind not in POINT_KINDS or w not in PEOPLE)} \
        or measures(v) & measures(o)
    if MODAL_VALUE in v.role:  # two plans are one only on more than the counted noun: "will add two extra flights",
        # and on a close match or the same entity planning it ("the council will contribute £71 million")
        # and how long a thing the story names is expected to last, which the baseline gives one way ("the rink
        # is now expected to remain closed for 16 weeks" of "expected to stay shut for at least ten weeks")
        return (s >= MATCH or subject == old_subject and token(subject) in shared_role(v, o)
                or v.noun == o.noun == "lasting" and unique and _expected_to_last(v, o, claim, member)) and any(
            not w.startswith(("ent_", "~")) and w not in (v.noun, o.noun) for w in shared)
    if measures(v) & measures(o) and token(subject) in o.role:
        return True  # the same measure of the same entity: "the company, now valued at ..."
    if v.noun == o.noun == "length" and any(not w.startswith("ent_") for w in shared):
        return True  # how long the same kind of thing is: "clips now run to 20 seconds"
    if v.noun == o.noun == "lasting" and unique and subject == old_subject and token(subject) in o.role \
            and _lasted(v, claim, subject):
        return True  # how long the sentence's subject lasted, which the baseline gives one way: "it was usable for
        # roughly three and a half hours" of the leak that "lasted only three hours"
    if unique and subject == old_subject and any(not w.startswith("ent_") for w in shared) and (
            v.kind != "count" or v.noun == o.noun):
        return True  # both sentences are about one entity, and the baseline gives it one such value

    if v.kind == "count" and v.noun == o.noun and v.noun.startswith("ent_") and (unique or s >= UNIQUE_VALUE_MATCH) \
            and "vague" not in (v.qualifier, o.qualifier):
        return True  # a count of a thing the story names, by the same owner: "31 vessels" against "26 container ships"
    if any(w.startswith("ent_") for w in shared) and (s >= UNIQUE_VALUE_MATCH or v.noun and v.noun == o.noun):
        return True  # what lasted or happened is the same story entity: "the leak lasted six hours"
    # the story entities beside a date only took part in what happened then: no evidence it is the same event
    evidence = s + 0.1 * len(shared) if v.kind in POINT_KINDS else _evidence(v, o, s)
    return s >= MATCH or bool(shared) and (s >= (UNIQUE_VALUE_MATCH if unique else VALUE_MATCH) or evidence >= MATCH)


def _expected_to_last(v: Value, o: Value, claim: Claim, member: Claim) -> bool:
    """Are two planned durations how long one story entity is expected to last: the
    sentence's subject, named beside both figures (or the baseline sentence's subject), not
    somebody's thing or one a phrase places ("the library's car park", "books from the
    library", "a temporary library in the pool building"), not merely who says so, and not a time
    within which something else will happen ("inspectors would return within three months")?"""
    folded = fold(claim.text)
    ours = _ents(v.role) - _said(claim) - _giver(claim) - {token(c.agent) for c in claim.cues if named(c.agent)}
    theirs = (_ents(o.role) | {token(member.subject)} if member.subject else _ents(o.role)) - _said(member)
    head = re.split(r"\b(?:is|are|was|were|will|would|has|have|had|expects?|expected)\b", folded, maxsplit=1)[0]
    return claim.subject is not None and token(claim.subject) in ours & theirs and "'s" not in head \
        and not re.search(r"\b(?:an?|from|in|of|at|on|by|with|for|near)\b", head) and not WITHIN.search(folded)


def _lasted(v: Value, claim: Claim, subject: str) -> bool:
    """Is duration v how long the sentence's subject lasted: the subject of its clause, by
    name beside the figure or as "it" before a verb ("so it was usable for roughly three and
    a half hours"), not a time within which something else happened nor another of its kind
    ("a shorter outage", "the first lasted five hours")?"""
    folded = fold(claim.text)
    at = folded.find(fold(v.text))
    clause = re.split(r"[:;]", folded[:at])[-1] if at >= 0 else ""
    return (token(subject) in v.role or IT_WAS.search(clause) is not None) and not WITHIN.search(clause) \
        and not OTHER_OF_KIND.search(clause)


def _values(claim: Claim, baseline: Baseline):
    """(update, agreeing): the first value that states a baseline quantity differently,
    and the values that state one the same way. A kind stated the same way anywhere in the
    sentence is not updated by another value of that kind ("1080p, 720p and 360p")."""
    agreeing, changed, settled = [], [], {}
    # "up from 26" is what it was; a plan ("could be valued at", "will contribute £71 million") is compared
    # only with a plan (comparable: the ~modal marker is part of what a value measures)
    values = [v for v in claim.values if PRIOR_VALUE not in v.role]
    anchors = _anchors(claim, [v for v in values if salient(v)], baseline)
    was = _was(claim, baseline)
    revised = REVISED.search(claim.text) is not None
    # "31 of the bank's 54 branches": the part is another count than the whole it is of
    parts = {id(v) for v in values if PART.search(v.text)}
    wholes = [v for v in values if v.kind == "count" and id(v) not in parts]
    claimed = set()  # what the parts are about: "300 of the 3,000 people fell ill" is not 3,000 ill
    # a sentence about a thing the story does not know ("Runway's new model generates 4K") updates nothing
    foreign = claim.subject is None and baseline.names_other(claim.text)
    # "In 2019, a flood damaged 40 boxes": what a sentence set before the story gives is history, up to
    # where it turns to now ("...; it now employs 25")
    history = len(NOW.split(claim.text, maxsplit=1)[0]) if baseline.before_story(claim.text) else 0
    for v in values:
        restates = moved(claim.text, v)
        # "to July 11 from June 20": whatever June 20 was, this is it now; "the bill has climbed to £365,000": whatever
        # the baseline expected to spend, this is what it has come to
        pairs = [(s, fact, member, o) for s, fact, member in baseline.with_feature(claim, f"kind:{v.kind}", 0.0)
                 for o in member.values if comparable(v, o) or id(o) in was and o.kind == v.kind
                 or restates and MODAL_VALUE in o.role and comparable(_unmarked(v), _unmarked(o))]
        if id(v) in parts:  # "two of the four theatres" is neither the four nor the hospital's nine
            pairs = [p for p in pairs if not any(same(w, p[3]) or p[3].amount > w.amount for w in wholes if w.noun == v.noun)]
            if not any(w.noun == v.noun for w in wholes):
                if OF_BEFORE.search(v.text) or any(id(p[3]) in baseline.parts for p in pairs):
                    pairs = [p for p in pairs if id(p[3]) in baseline.parts]  # "two of the workers" is of the baseline's
                    # part (and "two of those sponsors" a part of a whole said before, never that whole)
                elif BREAKDOWN.match(claim.text, claim.text.find(v.text) + len(v.text)):
                    pairs = []  # "96 of the patients now being recalled are children": what kind the part is, not how
                    # many were recalled ("six of the workers were taken to hospital" may say what the four were)
        if not salient(v):  # a bare month is background unless it dates the same act of the same entity
            pairs = [p for p in pairs if not salient(p[3]) and (_same_act(v, p[3]) or same(v, p[3]) and any(
                w.startswith("ent_") for w in shared_role(v, p[3])) or id(p[3]) in was)]
            # (the same month of the same entity agrees; "in December rather than September" is a change)
        # the baseline gives the quantity one way, or a count of one thing one way in each snapshot (a figure
        # each later article updated: "420 firefighters", then "610", then "780")
        # (a part of a whole, "three of the five hospitals", is another quantity than a count that is not)
        ways = [p for p in pairs if (id(v) in parts) == (id(p[3]) in baseline.parts)]
        unique = len({o.amount for *_, o in ways}) == 1 or v.kind == "count" and len({o.noun for *_, o in ways}) == 1 \
            and all(len({o.amount for _, _, m, o in ways if m.source_id == source}) == 1
                    for source in {m.source_id for _, _, m, _ in ways})
        near = [p for p in pairs if _about_same(v, p[3], p[0], unique, claim, p[2])
                or restates and _moved_from(v, p[3], unique, claim, p[2], baseline.entities)
                or id(p[2]) in anchors and anchors[id(p[2])] != v.kind or id(p[3]) in was] \
            if not foreign and not (history and claim.text.find(v.text) < history) else []
        if id(v) in parts:  # (what the part agrees with: the baseline's own whole may still be updated)
            claimed.update(id(p[3]) for p in near if same(v, p[3]) or holds(v, p[3]))
        elif any(id(w) in parts and w.noun == v.noun for w in values):
            near = [p for p in near if id(p[3]) not in claimed]
        if v.kind in ("temperature", "time"):  # a limit, the weather, another fridge; another moment of the same
            # thing ("engineers inspected the roof at 11am"): a temperature or a time of day updates only where the
            # sentence says it differs from the one given ("peaked at 17C, higher than the figure the clinic gave")
            near = [p for p in near if restates and _moved_from(v, p[3], unique, claim, p[2], baseline.entities)]
        if v.noun.startswith("ent_") and (worded := [p for p in near if _counted_as(p[3]) == _counted_as(v)
                                                     or id(p[3]) in baseline.parts]):  # "four of the" names no noun
            near = worded  # "seven graduate students" of the lab's members: its graduate students, not its technicians
        near.sort(key=lambda p: -_evidence(v, p[3], p[0]))
        if v.qualifier != "vague":  # "hundreds of patients" holds 587, but the baseline's own "412 patients", which
            # that range gives roughly, says what the figure was ("40 patients contacted so far" is another count)
            exact = [p[3] for p in near if p[3].qualifier != "vague"]
            near = [p for p in near if p[3].qualifier != "vague" or not any(same(p[3], e) for e in exact)]
        # a value the sentence itself says it was is changed by any other figure, however close
        # ("roughly 36 percent, up from 35 percent" against "about 35 percent")
        match = next((p for p in near if same(v, p[3], revised) and not (id(p[3]) in was and v.amount != p[3].amount)),
                     None)
        if match:
            agreeing.append((match[0], match[1], v))
            settled.setdefault(_quantity(v), []).append((v, match[3]))
        elif bound := next((p for p in near if holds(v, p[3])), None):
            agreeing.append((bound[0], bound[1], v))  # a bound the figure meets settles no other figure of its kind
        elif near and MARKET_VALUE not in v.role and v.qualifier != RUNNING and not _restated(v, near[0][3], pairs) and (
                DELTA_VALUE not in v.role or near[0][0] >= MATCH) and not UNNAMED_WHOLE.search(near[0][3].text):
            changed.append((v, near[0]))  # a day's quote, or a move said of little the baseline says, is news of its own
        elif claim.subject and (match := max((p for p in pairs if same(v, p[3], revised) and "vague" not in (
                v.qualifier, p[3].qualifier)), key=lambda p: p[0], default=None)):
            # the same value, said another way ("capped at ten seconds"): agreement needs less
            # evidence than a change, and it settles no kind; a range ("hundreds") is no evidence
            agreeing.append((match[0], match[1], v))
    update = next(((v, p) for v, p in changed if _quantity(v) not in settled or id(v) in parts
                   or all(id(a) in parts for a, _ in settled[_quantity(v)])  # a part agreed: its whole may move
                   or _then_now(claim.text, settled[_quantity(v)], v, p[3])), None)
    return update, agreeing


def _then_now(text: str, then: list[tuple[Value, Value]], v: Value, o: Value) -> bool:
    """Does the sentence give the baseline's figure as it was and then turn to this one as it
    is now ("put the signatories at just over 600; by Wednesday the total had passed 630")?"""
    at = text.find(v.text)
    # a length, the same measure, "the total" of what was counted, or what it has moved to ("has since climbed
    # to"): "312 fell ill; 40 remain in hospital" is another count
    return any(same(a_o, o) and 0 <= (end := text.find(a.text) + len(a.text)) < at and NOW.search(text, end, at)
               and (v.kind == "duration" or measures(a) & measures(v) or TOTAL_NOW.search(text, end, at)
                    or moved(text, v)) for a, a_o in then)


def _moved_from(v: Value, o: Value, unique: bool, claim: Claim, member: Claim, entities: Entities) -> bool:
    """A figure the sentence says has moved or differs from the one given before needs less
    evidence that o is that one: the same noun, and a word of what happened beyond the noun
    in both, or (not for a date) the baseline gives it one way and the sentence says nothing
    else of what it counts. Whoever reports either figure is no owner that tells them
    apart, only the story entities named beside both."""
    if v.noun != o.noun or v.kind == "count" and not v.noun or OWN.search(fold(claim.text)):
        return False  # ("said its own repair bill had reached": the speaker's own, which the usual evidence decides)
    ev, eo = _ents(v.role) - _said(claim) - _giver(claim), _ents(o.role) - _said(member)
    if v.kind in ("money", "count") and ev and eo and not ev & eo:
        return False
    words = {w for w in shared_role(v, o) if w != v.noun and (v.kind not in POINT_KINDS or not w.startswith("ent_"))}
    # the baseline's one figure of the noun, when the sentence says nothing else of what it counts ("put the
    # passenger total at 122", not "the number of books lent to schools rose to 3,100")
    bare = not {w for w in v.role if not w.startswith(("ent_", "~")) and w != v.noun} - STRUCTURAL - MOVE_WORDS
    # a date said to differ from the one given before is the date of what the sentence, or the clause that holds
    # the date, is about, when that is named beside both and the difference leads back to the date given ("the
    # building was in fact completed in 1984, three years earlier than the date given"; "a council report found
    # the attack was spotted on 8 February, a day earlier than stated")
    dated = v.kind == "date" and MOVED_FROM.match(claim.text, claim.text.find(v.text) + len(v.text)) is not None \
        and bool((({token(claim.subject)} if claim.subject else set()) | _dated(claim, v, entities)) & ev & eo) \
        and offset_agrees(claim.text, v, o)
    # and a time of day the sentence says is minutes off the one the baseline gives one way: "puts the grounding at
    # 6.32am, eight minutes earlier than the time given" of "about 6.40am"
    timed = v.kind == "time" and unique and leads_back(claim.text, v, o)
    return bool(words) or unique and bare and v.kind not in POINT_KINDS or dated or timed


def _dated(claim: Claim, v: Value, entities: Entities) -> set[str]:
    """The story entities of the subject of the clause that holds date v, after any "a report
    found that": "the leak at the library was noticed on 2 March" (not the people of one:
    "members of the library were told on 4 March")."""
    folded = fold(claim.text)
    at = folded.find(fold(v.text))
    cut = [m.end() for m in REPORTED.finditer(folded, 0, max(at, 0))]
    start = cut[-1] if cut else 0
    subject = CLAUSE_VERB.split(folded[start:max(at, start)], maxsplit=1)[0]
    head = [w for w in LOWER_WORD.findall(subject) if w not in STOP][:1]
    if not head or stem(head[0]) in PEOPLE:
        return set()
    return {token(m.entity) for m in entities.find(folded, claim.text) if start <= m.start < start + len(subject)}


def _giver(claim: Claim) -> set[str]:
    """The subject that puts a figure at a value ("the operator now puts the number of
    vehicles destroyed at 23") gives it, as a speaker does, unless it is of its own ("puts
    the number of staff it employs at 300")."""
    folded = fold(claim.text)
    gives = GIVES.search(folded) if claim.subject else None
    if gives is None or re.search(r"\b(?:its|their|it|they|own)\b", folded[gives.end():].split(" at ")[0]):
        return set()
    return {token(claim.subject)}


def _restated(v: Value, o: Value, pairs) -> bool:
    """Is count v a figure the baseline gives of v's own noun, so that o, another noun's count,
    is not what it updates ("212 boxes" against "seventeen members of staff")?"""
    return v.kind == "count" and o.noun != v.noun and any(p[3].noun == v.noun and same(v, p[3]) for p in pairs)


def _quantity(v: Value) -> str:
    """What a value stated the same way settles in its sentence: its kind ("1080p, 720p and 360p"),
    for a count its kind and the word it counts ("two technicians" leaves "seven graduate students" open)."""
    return f"count:{_counted_as(v)}" if v.kind == "count" else v.kind


def _counted_as(v: Value) -> str:
    """The noun a count is written with, where its noun is a story entity with several names."""
    if not v.noun.startswith("ent_"):
        return v.noun
    words = [w for w in re.findall(r"[a-z]+(?:'s)?", fold(v.text)) if w not in STOP and not w.endswith("'s")]
    return stem(words[-1]) if words else v.noun


def _same_owner(v: Value, o: Value, claim: Claim, member: Claim, close: bool = False) -> bool:
    """Sums of money belong to someone, and what is counted is counted by or for someone:
    the story entities near each value, or failing those the sentence's subject ("Sundial
    said it had carried 2,300 passengers" is not the airline's 1.2 million), share one; or
    either has none. Who says so is no owner that tells two apart ("Marsh said about 270
    flights had been cancelled" against the airline's 175), but who reports the new figure
    may own it, when the baseline's owner gives that figure and the sentences are close.
    (Near a date, entities are only participants.)"""
    if v.kind not in ("money", "count", "percent"):
        return True
    subject, old_subject = claim.subject, member.subject
    ev = _ents(v.role) or _owner(claim)
    eo = _ents(o.role) or _owner(member)
    if ev and eo and not ev & eo:
        if subject and subject == old_subject and not _ents(v.role):
            return True  # the new sum's owner is only its sentence's subject, the one the baseline sentence is about
        if close and claim.speaker and token(claim.speaker) in eo and not member.speaker \
                and not NAMED_OWNER.search(claim.text):  # (not "Fenwick Roofing's staff had moved 900 books")
            return True  # who reports the figure now gave it as its own, in a close sentence: "... were handed
            # out, the company said" against "the company said more than 60,000 litres had been handed out"
        ev, eo = ev - _said(claim), eo - _said(member)
    if subject and old_subject and subject != old_subject and subject != claim.speaker and old_subject != member.speaker:
        # each beside its own sentence's subject and not the other's: "Calloway, which owns
        # 7.2 percent of Vantis" is not Orrin's 9.4 percent of Vantis
        mine, theirs, ev_, eo_ = token(subject), token(old_subject), _ents(v.role), _ents(o.role)
        if mine in ev_ and theirs in eo_ and mine not in eo_ and theirs not in ev_:
            return False
    return v.kind == "percent" or not (ev and eo) or bool(ev & eo)  # a share's entities are often only what it is of


def _owner(claim: Claim) -> set[str]:
    """The sentence's subject as the owner of its figures, when the sentence names it or
    speaks of what is the subject's own ("it said its own bill"), not when it only follows a
    sentence about it ("It kept gathering support" of a letter, after one about the company)."""
    subject = claim.subject
    if subject and (token(subject) in claim.tokens or OWN.search(fold(claim.text))):
        return {token(subject)}
    return set()


def _said(claim: Claim) -> set[str]:
    return {token(claim.speaker)} if claim.speaker else set()


def _same_act(v: Value, o: Value) -> bool:
    """Both roles name the same story entities and share a word of what was done ("OpenAI
    first unveiled Sora in January" against "first shared details on Sora in February",
    not "on Dall-E 3 in September")."""
    shared = shared_role(v, o)
    return any(not w.startswith("ent_") for w in shared) and bool(_ents(o.role)) and _ents(o.role) <= _ents(v.role)


def _ents(role: tuple[str, ...]) -> set[str]:
    return {w for w in role if w.startswith("ent_")}


def _anchors(claim: Claim, values: list[Value], baseline: Baseline) -> dict[int, str]:
    """Baseline claims that state one of this sentence's values the same way, with that
    value's kind: another quantity the sentence gives beside it speaks of the same thing
    ("20 seconds and 1080p" against "10-second clips in 1080p"). Only for a sentence about
    a story entity."""
    if claim.subject is None:
        return {}
    out = {}
    for v in values:
        for _, _, member in baseline.with_feature(claim, f"kind:{v.kind}", 0.0):
            if any(comparable(v, o) and same(v, o) for o in member.values):
                out.setdefault(id(member), v.kind)
    return out


def _was(claim: Claim, baseline: Baseline) -> set[int]:
    """The baseline values (by id) this sentence gives as what they were before ("lowered its
    demand from nine per cent to 7.5 per cent"), in whatever form the baseline gave them: the
    sentence itself says its other value of that kind is the change."""
    out = set()
    for v in claim.values:
        if PRIOR_VALUE in v.role:
            then = _unmarked(v)
            for _, _, member in baseline.with_feature(claim, f"kind:{v.kind}", 0.0):  # a plan then, a deadline, a fact
                out.update(id(o) for o in member.values if (comparable(then, _unmarked(o)) or _figure(then, o))
                           and same(then, o) and o.qualifier != "vague")  # "hundreds" holds 600 and 400 alike
    return out


def _figure(then: Value, o: Value) -> bool:
    """A count the sentence gives as what it was, the exact figure of a baseline count in
    the tens or more, is that count whatever the noun: "2,050 outlets rather than 1,900"
    against "1,900 pharmacies"."""
    return then.kind == o.kind == "count" and then.amount == o.amount >= 10


def _unmarked(v: Value) -> Value:
    return replace(v, role=tuple(w for w in v.role if not w.startswith("~")))


def judge(claim: Claim, baseline: Baseline) -> Finding:
    contra, cue_agree = _status(claim, baseline)
    if contra:
        s, fact, member, old, new = contra
        return Finding(claim, "contradicted", s, (fact,), old=member.text, new=claim.text,
                       reason=f"{new.frame}: baseline {old.state} ('{old.words}'{_who(old)}) vs now {new.state} "
                              f"('{new.words}'{_who(new)}), "
                              f"both about {', '.join(_shared(old, new)) or 'the same thing'}",
                       change=f"{new.frame}={new.state}")
    update, agreeing = _values(claim, baseline)
    if update:
        v, (s, fact, member, o) = update
        role = ", ".join(sorted(w.removeprefix("ent_") for w in shared_role(v, o))[:4])
        return Finding(claim, "updated", s, (fact,), old=o.text, new=v.text,
                       reason=f"{v.kind} changed: '{o.text}' -> '{v.text}'" + (f" (both about {role})" if role else ""),
                       change=f"{v.kind}={v.amount:g}" + (f"/{v.noun}" if v.kind == "money" else ""))
    cands = baseline.candidates(claim)
    top = cands[0] if cands and cands[0][0] >= MATCH else None
    novel = _novelty(claim, top[2], baseline, tuple(v for _, _, v in agreeing)) if top else None
    if (agreeing or cue_agree) and not novel:
        facts = tuple(dict.fromkeys([f for _, f, _ in agreeing] + [f for _, f, _, _ in cue_agree]))
        said = [f"'{v.text}'" for _, _, v in agreeing] + [f"'{c.words}'{_who(c)}" for _, _, _, c in cue_agree]
        best = max([s for s, _, _ in agreeing] + [s for s, _, _, _ in cue_agree])
        return Finding(claim, "corroborated", best, facts, reason="same " + ", ".join(dict.fromkeys(said)))
    if top:
        s, fact, member = top
        if novel:
            return Finding(claim, "new", s, (fact,), reason=novel)
        return Finding(claim, "corroborated", s, tuple(f for sc, f, _ in cands if sc >= MATCH),
                       reason=f"matches baseline (similarity {s:.2f})")
    best = cands[0][0] if cands else 0.0
    return Finding(claim, "new", best, (), reason=f"no baseline claim matches (best similarity {best:.2f})")


def _shared(a: Cue, b: Cue) -> list[str]:
    return [t.removeprefix("ent_") for t in sorted(set(a.theme) & set(b.theme)) if not t.startswith("~")][:4]


def relevance(article: Article, topic: dict, findings: tuple[Finding, ...], entities: Entities) -> float:
    """0..1. An anchor term must appear. Then the largest of: the share of context terms
    named (three or more = 1); twice the share of claims tied to a baseline fact; and 1
    when a claim reverses a baseline status and the article names two or more of the story's
    entities by name (Sora's launch is news of this story even with no word of the leak)."""
    text = f"{article.title}\n{article.text}"
    anchors, context = topic.get("anchors") or [], topic.get("context") or []
    if anchors and not any(mentions(text, a) for a in anchors):
        return 0.0
    if not context:
        return 1.0
    terms = min(1.0, sum(1 for t in context if mentions(text, t, inflected=True)) / 3)
    tied = sum(1 for f in findings if f.status != "new") / len(findings) if findings else 0.0
    folded = fold(text)  # named as names: "the company" or "a small leak" could be anybody's
    named = {m.entity for m in entities.find(folded) if entities.by_name(folded, m)}
    moved = any(f.status == "contradicted" for f in findings) and len(named) >= 2
    return max(terms, min(1.0, 2 * tied), 1.0 if moved else 0.0)


def compare_article(article: Article, baseline: Baseline, topic: dict) -> ArticleResult:
    anchors = topic.get("anchors") or []
    text = f"{article.title}\n{article.text}"
    if anchors and not any(mentions(text, a) for a in anchors):
        return ArticleResult(article, False, 0.0, ())
    claims = extract_claims(article.text, topic_terms(topic), "", baseline.entities)
    findings = tuple(judge(c, baseline) for c in claims)
    score = relevance(article, topic, findings, baseline.entities)
    if score < float(topic.get("min_score") or 0.0) or score == 0:
        return ArticleResult(article, False, score, ())
    return ArticleResult(article, True, score, findings)
