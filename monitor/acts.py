"""Acts not yet done, and the later report that settles them: any verb, for any story.

The status frames (frames.py) know their verbs. Many statuses in a developing story are
about an act only that story has: "has not decided whether to pay the ransom", "would
not say whether it will raise its offer", "no arrests have been made", "nobody has
claimed the attack", "has not ruled out extending the strike". Each is an act cue with
the act's lemma, its state and who would do it:

- unknown: whether it will happen is open ("has not decided whether to pay");
- not_yet: it has not happened ("has not named a suspect", "no arrests have been made");
- no: it was refused ("refused to pay").

A later sentence settles one when it reports the same act (the same lemma: "paid",
"arrested", "extended") by the same doer, as done or as firmly refused, and when both
name what it is done to, on the same thing ("pay the ransom" is not "pay its staff")."""

from __future__ import annotations

import re

from .entities import Entities, Mention, token
from .frames import agent_of, named, scope_of
from .models import Cue
from .text import fold
from .values import MONTHS, NUMBER_NAMES

# English past forms no suffix rule finds
IRREGULAR = {"paid": "pay", "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
             "held": "hold", "sold": "sell", "brought": "bring", "bought": "buy", "found": "find", "told": "tell",
             "left": "leave", "met": "meet", "won": "win", "lost": "lose", "kept": "keep", "began": "begin",
             "begun": "begin", "ran": "run", "spent": "spend", "sent": "send", "built": "build", "struck": "strike",
             "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "withdrew": "withdraw",
             "withdrawn": "withdraw", "went": "go", "gone": "go", "came": "come", "got": "get", "saw": "see",
             "seen": "see", "knew": "know", "known": "know", "stood": "stand", "wrote": "write", "written": "write",
             "broke": "break", "broken": "break", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
             "hid": "hide", "hidden": "hide", "led": "lead", "laid": "lay", "sought": "seek", "caught": "catch",
             "fought": "fight", "threw": "throw", "thrown": "throw", "forgave": "forgive", "overtook": "overtake", "repaid": "repay",
             "said": "say"}
# and the same done again: "would be rebuilt" is the act of "decided to rebuild"
IRREGULAR |= {"re" + form: "re" + verb for form, verb in IRREGULAR.items()
              if verb in ("build", "take", "sell", "write", "make", "draw", "run")}  # ("relaid" is no "relay")
# verbs that say little on their own: their object names the act ("no arrests have been made")
LIGHT_VERBS = ("make take have has had do be is are was were been get give go come see know use put set say tell "
               "comment confirm respond answer elaborate decide determine rule")
DETERMINER = r"(?:the|a|an|its|their|any|his|her|our|this|that)"
SUBJECT = r"(?:(?:it|they|he|she|we|the \w+(?: \w+)?|its \w+|\w+)\s+)?"
MODAL = r"(?:(?:will|would|should|could|can|is going to|are going to|plans? to|intends? to|wants? to)\s+)?"
# "... whether (it will) pay the ransom": the act an open question is about
WHETHER = re.compile(rf"\b(?:whether|if)\s+(?:or not\s+)?(?:to\s+(?:be\s+)?|(?P<long>(?:[\w'-]+\s+){{1,8}}?)"
                     rf"(?:will|would|could|should|can|might|may)\s+(?:be able to\s+)?(?P<passive>be\s+)?|"
                     rf"{SUBJECT}{MODAL}(?:be able to\s+|be\s+)?)"
                     rf"(?!(?:the|its|their|this|that|any|an|able|would|will|could|should|might|may)\b)(?P<verb>[a-z]{{3,}})\b")
OPEN_BEFORE = re.compile(r"(?:\b(?:not|never|yet to|declined to|refused to|unwilling to)\s+(?:\w+\s+){0,2}?"
                  r"(?:decided|decide|said|say|disclosed|disclose|revealed|reveal|confirmed|confirm|determined|"
                  r"announced|indicated|specified)\b|\b(?:unclear|not clear|undecided|considering|weighing|studying|"
                  r"reviewing|debating|deciding|assessing|too early to say))\s*$")
NOT_YET = re.compile(r"\b(?:(?:has|have|had)\s+(?:not|n't|never)\s+(?:yet\s+)?(?:been\s+)?|(?:has|have)\s+yet\s+to\s+"
                     r"(?:be\s+)?)(?P<verb>[a-z]{3,})\b")
RULED_OUT = re.compile(r"\b(?:not|never|(?:refused|refuses|declined|declines|unwilling|unable)\s+to)\s+(?:yet\s+)?"
                       r"(?:ruled|rule|rules|ruling)\s+out\s+(?!(?:the\s+)?(?:possibility|idea|suggestion|prospect|chance)\s+"
                       r"that\b|that\b)(?:(?P<verb>[a-z]{3,}ing)\b|(?P<phrase>"
                       r"(?:(?:a|an|the|any|further|more)\s+)?[a-z-]+(?:\s+[a-z-]+){0,2}))")
# an act named by its noun: "has made no offer of compensation", "has not ruled out an inquiry into the
# contractor"; a later sentence reports it with a verb that performs it ("opened a formal inquiry",
# "lodged an appeal", "a boil-water notice was issued")
MADE_NONE = re.compile(r"\b(?:has|have|had)\s+(?:yet\s+)?(?:made|issued|filed|lodged|brought|given|opened|launched|"
                       r"announced|imposed|offered|taken)\s+no\s+(?P<phrase>[a-z-]+(?:\s+[a-z-]+){0,2})")
# a decision not yet taken on a thing named by its noun: "no decision on refunds has been made"
NO_DECISION = re.compile(r"\bno decision\s+(?:(?:has|have|had)\s+(?:yet\s+)?been\s+(?:made|taken|reached)\s+)?(?:yet\s+)?"
                         r"(?:on|about|over)\s+(?P<phrase>(?:(?:the|any|its|their)\s+)?[a-z-]+"
                         r"(?:\s+(?!(?:has|have|had|was|were|is|are|will|yet)\b)[a-z-]+){0,2})")
SAYS = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|told|confirmed|added)\b")
# what no one has done, named before the word: "no payment", "no offer of", "no decision on the"
NO_LEAD = re.compile(r"\bno\s+(?:[a-z-]+\s+)?(?:(?:of|on|about|over|for|into)\s+(?:(?:the|any|its|their)\s+)?)?$")
NOUN_END = re.compile(r"\s(?:of|into|over|against|for|on|in|at|to|with|from|by|after|before|because|but|and|as|"
                      r"when|which|who|that|yet|so|until|while|if|unless)\b|[,;:.()]")
PERFORM = (r"opened|launched|began|begun|started|issued|filed|lodged|brought|made|imposed|announced|declared|ordered|"
           r"offered|submitted|set up|called|placed|held|mounted|initiated|instituted|granted|paid|sent|published")
PERFORMED_BEFORE = re.compile(rf"\b(?P<do>{PERFORM})\s+(?:(?:a|an|the|its|their|his|her|formal|official|new|"
                              rf"first|full|separate|legal)\s+)*(?:[a-z-]+\s+)?$")
PERFORMED_AFTER = re.compile(rf"^(?:\s+[a-z-]+){{0,4}}?\s+(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?"
                             rf"(?:{PERFORM})\b")
SHORT_OF = re.compile(r"\b(?:stopped|stops|stopping|stop)\s+short\s+of\s+(?P<verb>[a-z]{3,}ing)\b")
REFUSED = re.compile(r"\b(?:refused|refuses|declined|declines)\s+to\s+(?P<verb>[a-z]{3,})\b")
NONE_DONE = re.compile(r"\b(?:no|nobody|no one|none)\s+(?:(?P<noun>[a-z]{3,}(?:\s+[a-z]{3,})?)\s+"
                       r"(?:(?:of|beyond|on top of|besides)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]{3,}\s+){1,3}?)?)?"
                       r"(?:has|have|had)\s+(?:yet\s+)?"
                       r"(?:been\s+)?(?P<verb>[a-z]{3,})\b")
OBJECT_END = re.compile(r"[,;:.()]|\s(?:after|before|because|since|until|while|but|and|as|when|which|who|that|by|"
                        r"for|in|on|at)\b")
# a firm refusal, not a "not yet": "would not pay", "refused to pay", "has no intention of paying"
FIRM_NO = re.compile(r"\b(?:would|will|wo|shall)\s*(?:not|n't)\s+$|\b(?:refused|refuses|declined|declines|"
                     r"unwilling|vowed not|pledged not|decided not)\s+(?:to\s+)?$|\bno intention of\s+$|"
                     r"\bruled out\s+(?:[a-z-]+\s+)?$|"  # "ruled out job cuts"
                     r"\bnever\s+(?:\w+\s+)?$")
NOBODY = re.compile(r"\b(?:no one|nobody|none|nothing|no)\s+(?:(?!(?:and|but|or|before|after|when|while|because|until|"
                    r"since|as|so|then)\b)[\w'-]+\s+){0,10}?(?:has|have|had|was|were|is|are)\s+"
                    r"(?:yet\s+)?(?:been\s+)?$")
DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|disput(?:es|ed|ing))\s+(?:that\s+)?(?:[\w']+\s+){0,3}$")
# a decision reported: "agreed to pay for evening buses", "voted to extend the strike"
DECIDED = re.compile(r"\b(?:agreed|agrees|decided|decides|voted|votes|opted|opts|chose|resolved|committed|pledged|"
                     r"promised|moved|instructed)\s+(?:[\w-]+\s+){0,3}?to\s+"
                     r"(?:(?:bring|file|launch|lodge|take|start|pursue)\s+(?:(?:a|an|the|formal|further)\s+)*)?$")
# (a decision to perform the act named after it: "voted to take legal action", "instructed solicitors to bring a claim")
# what a decision may hang on: "will refund the fees if / provided / once the insurer pays"
CONDITION = re.compile(r"\b(?:if|unless|provided|providing|(?:as|so) long as|on condition|subject to|once|only when|"
                       r"only after|assuming|in the event)\b|\b(?:were|should|had)\s+(?:[\w']+\s+){1,3}?to\b")
# a decision announced as what will be done: "the federation will seek a four-year ban"
WILL = re.compile(r"\b(?:will|is to|are to|is going to|are going to|"
                  r"(?:confirmed|confirms|said|says|announced|announces)\s+(?:that\s+)?(?:it|they|he|she)\s+would)"
                  r"\s+(?:now\s+|also\s+|formally\s+)?$")  # (and reported: "confirmed it would pay")
BEGUN = re.compile(r"\b(?:began|begun|begins|begin|started|starts|start|commenced)\s+$")  # "have begun testing staff"
DONE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|since\s+|also\s+|finally\s+|formally\s+)?(?:been\s+)?$")


# verbs news copy uses for one act: "requested a recount" settles "whether she will seek one"
SAME_ACT = {"request": "seek", "repay": "refund"}
# one act news copy names several ways: "has not ruled out legal action" is settled by "filed a lawsuit",
# "sued" or "lodged a claim for damages"
SUED = r"su(?:es|ed|ing)|lawsuits?|(?:legal|court) (?:action|proceedings|claims?|case)|(?:claims?|action) for damages|" \
    r"(?:group|class|compensation|damages) (?:claims?|actions?)|claims? against"
SUE = re.compile(rf"\b(?:sue|{SUED})\b")
# a claim against someone is legal action when it is filed or goes to a court
FILED = re.compile(r"\b(?:lodg|fil|issu|bring|brought|launch|serv|prepar|pursu)\w*\s+(?:[\w'-]+\s+){0,3}$|"
                   r"(?:\s+[\w'-]+){0,5}?\s+(?:was|were|has been|have been|had been)\s+(?:formally\s+)?"
                   r"(?:lodged|filed|issued|brought|served)\b")
COURT = re.compile(r"\b(?:court|tribunal|judge)\b")
SUED_DONE = re.compile(rf"\b(?:{SUED})\b")  # what reports it: a bare "sue" is a plan or a first name ("Sue Marsh")
NAMED_AT = re.compile(r"(?:(?:take|takes|taking|took|taken|launch\w*|bring\w*|brought|start\w*|pursu\w*|"
                      rf"fil(?:e|es|ed|ing)|lodg\w*)\s+)?(?:(?:a|an|any|formal)\s+)*(?={SUE.pattern})")
# what a relative clause's verb is done to when nothing follows it: the noun the clause hangs on (a "that"
# after a verb or an adjective opens what was said: "said that the council had not apologised")
RELATIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this)\s+(?P<noun>[a-z-]+(?:\s+[a-z-]+)?),?\s+"
                             r"(?:which|that|whom)\s+(?:[\w'-]+\s+){1,5}$")
PASSIVE_LEAD = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
# a participle hung on the noun it was done to: "the notice, issued on Wednesday, remains in force", "the
# notice served on the trust", "the enforcement case against Castleway, opened last week," (only on a noun the
# open act is done to: "the trust paid in full" is active)
REDUCED = re.compile(r"\b(?P<head>[a-z]{3,})(?:\s+(?:against|into|on|over)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+)?,?\s+$")
# a phrase of whom or where an act was done to or on, not of when: "to a homeowner", "on Ashby Library"
RECIPIENT = re.compile(rf"\b(?:to|on|for|against|at)\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:(?:monday|tuesday|"
                       rf"wednesday|thursday|friday|saturday|sunday|{'|'.join(MONTHS)}|morning|afternoon|evening|night|"
                       rf"weekend|week|month|year|day|time|once|least)\b|\d))")
MAIN_VERB = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|remains?|remained|stays?|stayed|can|could|must|"
                       r"should|lists?|listed|requires?|required|says?|said)\b")
AFTER_PARTICIPLE = re.compile(r"\s+(?:on|last|this|in|at|by|against|to|earlier|yesterday|for)\b")
TOOK = re.compile(r"\b(?:took|taken|takes)\s+(?:(?:a|an|formal|further)\s+)*$")  # "has taken legal action"


def lemma(word: str) -> str:
    """A verb or its noun as one form: paid/pay/paying, arrested/arrests, extending/extended."""
    w = word.lower()
    if w in IRREGULAR:
        w = IRREGULAR[w]
    else:
        w = _unsuffixed(w)
    w = SAME_ACT.get(w, w)
    w = w.rstrip("e") if len(w) > 3 else w
    return w[:-1] if w.endswith("ogy") else w[:-2] if w.endswith(("ogis", "ogiz")) else w  # apology/apologise


def _unsuffixed(w: str) -> str:
    for suffix in ("ions", "ion", "ments", "ment", "ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")  # ("business" is no plural)
            break
    if w.endswith("ion") and len(w) > 6:  # a verb made of a noun in -ion is that noun's act: "commissioned"
        w = w[:-3]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":  # "stopped", "planned"
        w = w[:-1]
    return w


# nouns news copy uses for one thing an act is done to: "end the deal" is "terminated its contract"
SAME_THING = {lemma(k): lemma(v) for k, v in (("contract", "deal"), ("agreement", "deal"), ("sponsorship", "deal"),
                                               ("inquiry", "investigation"), ("probe", "investigation"),
                                               ("lawsuit", "suit"))}


def thing(word: str) -> str:
    """A word of what an act is done to, as one form for its synonyms."""
    w = lemma(word)
    return SAME_THING.get(w, w)


LIGHT = frozenset(lemma(w) for w in LIGHT_VERBS.split())
NUMBERS = frozenset(lemma(w) for w in NUMBER_NAMES)
# the forms of an act its lemma is not the start of: irregular pasts ("paid") and other verbs for it ("request")
def _other_forms() -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for form, verb in [*IRREGULAR.items(), *((k, k) for k in SAME_ACT)]:
        forms.setdefault(lemma(verb), []).append(form)
    return forms


_OTHER_FORMS = _other_forms()
HINT = re.compile(r"\b(?:whether|if|not|never|yet|refused|refuses|declined|declines|no|nobody|none|short)\b|n't")
STOP = frozenset("the a an its their his her our your this that these those any some all of to it them him "
                 "against".split())
AUXILIARIES = frozenset("was were been being has have had".split())
ASKED = re.compile(r"\b(?:say|said|confirm\w*|disclos\w*|reveal\w*|announc\w*|indicat\w*|specif\w*)\b")
VERB_NEXT = re.compile(r"\s+(?:has|have|had|was|were|is|are|will|would|could|may|might)(?:\s+(?:not|been|be|now|also|yet))*"
                       r"\s+[a-z]+\b")
MODALS = frozenset("will would can could may might shall should must".split())


def _things(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The words of a phrase as things an act is done to, in order."""
    return [thing(w) for w in re.findall(r"[a-z]{3,}", text) if w not in STOP and w not in skip]


def _phrase(s: str, end: int, stop_at: re.Pattern) -> str:
    """The words after a verb, up to the end of its phrase."""
    rest = s[end:end + 90]
    stop = stop_at.search(rest)
    if stop and stop.group(0) == " as" and re.match(r"\s+(?:the|its|their|his|her)\b", rest[stop.end():]):
        stop = stop_at.search(rest, stop.end())  # "named Veridan as the supplier": what it was named as too
    return rest[:stop.start()] if stop else rest


# a name that only modifies the noun after it: "fined a Halvorsen contractor" fines no Halvorsen
MODIFIES = re.compile(r"\s+(?!(?:over|into|against|after|before|for|with|from|on|in|at|and|but|which|who|that|as|by|"
                      r"its|their|the|a|an|to|of|was|were|is|are|has|had|have|said|says)\b)[a-z]{3,}\b")
OF = "~of:"  # theme marker of a story entity an act is done to (a marker: it names no status of that entity)
ON = "~on:"  # and of one it is done on or against
PATIENT = "~patient:"  # and of one an act reported in the passive is done to ("the business case was approved")
SUM_IN = re.compile(r"\d(?:\s*(?:m|bn|k|million|billion))?$")  # a sum said before "in" and what it is in
TARGET = re.compile(r"\s+(?:on|against|at)\s+(?:the\s+)?")


def _object(s: str, end: int, mentions: list[Mention]) -> tuple[str, ...]:
    """What the act is done to: the words after the verb, up to the end of its phrase, and
    the story entities among them by name ("fine the company" and "fined Halvorsen"), and
    a story entity it is done on or against ("a prohibition notice on Pelham Court")."""
    # a verb right after the act's word makes that word its subject, a noun: what follows the verb is what the
    # act is done to ("payments have been made to airlines"), if anything ("whether any arrests have been made")
    if verb := VERB_NEXT.match(s, end):
        end = verb.end()
    phrase = _phrase(s, end, OBJECT_END)
    if SUM_IN.search(phrase) and s.startswith(" in ", end + len(phrase)):  # "offered every passenger £500 in
        phrase += " in" + _phrase(s, end + len(phrase) + 3, OBJECT_END)  # compensation": what the sum is given as
    on = TARGET.match(s, end + len(phrase))
    return tuple(sorted(set(_things(phrase)) | {OF + token(m.entity) for m in mentions if end <= m.start < end + len(phrase)
                                                and not MODIFIES.match(s, m.end)}
                        | {ON + token(m.entity) for m in mentions if on and m.start == on.end()}))


def find(s: str, mentions: list[Mention]) -> tuple[Cue, ...]:
    """The act cues of one folded sentence."""
    if not HINT.search(s):
        return ()  # every pattern below needs one of these words; most sentences have none
    cues = []

    def add(state: str, verb: str, start: int, end: int, agent: str | None, obj_end: int,
            obj: tuple[str, ...] | None = None, at: int | None = None) -> None:
        named = NAMED_AT.match(s, at) if at is not None else None
        act = "sue" if named else lemma(verb)
        if named:  # what is sued is what follows the name of the act ("take legal action against the museum")
            obj_end = SUE.match(s, named.end()).end()
        if act in LIGHT:
            return
        if obj is None:
            obj = _object(s, obj_end, mentions)
            if not obj and (rel := RELATIVE_BEFORE.search(s, 0, start)):
                obj = tuple(sorted(set(_things(rel.group("noun")))))  # "the contractor, which Wistly declined to name"
        cues.append(Cue("act", state, s[start:end].strip(), agent, (f"~act:{act}",) + obj))

    def add_noun(state: str, m: re.Match, agent: str | None) -> None:
        """An act named by the head noun of its phrase; what it is of or into says too little
        to tell two reports apart ("an inquiry into the contractor", "into Corvane")."""
        phrase = m.group("phrase")
        end = NOUN_END.search(phrase)
        head = phrase[:end.start() if end else len(phrase)].split()[-1:]
        named = NAMED_AT.match(s, m.start("phrase"))  # "legal action against the museum": what is sued follows
        if head and (named or not re.search(r"(?:ing|ly)$", head[0])):
            add(state, head[0].split("-")[-1], m.start(), m.end(), agent, m.end(), None if named else (),
                m.start("phrase"))

    for m in WHETHER.finditer(s):
        lead = OPEN_BEFORE.search(s, max(0, m.start() - 40), m.start())
        if lead:  # "whether drivers who hold toll passes will be refunded": what is refunded is the subject
            head = re.split(r"\b(?:who|which|that|whose)\b", m.group("long") or "")[0]  # not "who hold passes"
            obj = tuple(sorted(set(_things(head)))) if m.group("passive") else None
            add("unknown", m.group("verb"), lead.start(), m.end(), agent_of(s, lead.start(), mentions), m.end(), obj,
                m.start("verb"))
    for m in RULED_OUT.finditer(s):
        if m.group("verb"):
            add("unknown", m.group("verb"), m.start(), m.end(), agent_of(s, m.start(), mentions), m.end(),
                at=m.start("verb"))
        else:
            add_noun("unknown", m, agent_of(s, m.start(), mentions))
    for m in MADE_NONE.finditer(s):
        add_noun("not_yet", m, agent_of(s, m.start(), mentions))
    for m in NO_DECISION.finditer(s):  # undecided by whoever says so: "X said no decision on refunds had been made"
        add_noun("unknown", m, agent_of(s, m.start(), mentions) or next(
            (men.entity for men in mentions if SAYS.match(s, men.end)), None))
    for m in NOT_YET.finditer(s):
        add("not_yet", m.group("verb"), m.start(), m.end(), agent_of(s, m.start(), mentions), m.end(),
            at=m.start("verb"))
    for m in SHORT_OF.finditer(s):  # "has stopped short of declaring victory": not done
        add("not_yet", m.group("verb"), m.start(), m.end(), agent_of(s, m.start(), mentions), m.end())
    for m in REFUSED.finditer(s):
        add("no", m.group("verb"), m.start(), m.end(), agent_of(s, m.start(), mentions), m.end(), at=m.start("verb"))
    for m in NONE_DONE.finditer(s):
        verb, noun = m.group("verb"), (m.group("noun") or "").split()
        if noun and SUE.fullmatch(noun[-1]):  # "no lawsuits have been filed": the act is the noun, of no object
            add("not_yet", noun[-1], m.start(), m.end(), None, m.end(), (), m.end("noun") - len(noun[-1]))
        elif lemma(verb) in LIGHT and noun:  # "no arrests have been made": the act is the noun
            add("not_yet", noun[-1], m.start(), m.end(), None, m.end())
        else:  # "no class action has been filed": what is filed is the noun ("no group has claimed it": who)
            add("not_yet", verb, m.start(), m.end(), None, m.end(),
                tuple(sorted({thing(w) for w in noun})) if noun and " been " in m.group(0) else None)
    return tuple(cues)


def report(sentence: str, act: str, entities: Entities, wanted: frozenset[str] = frozenset(), asked: bool = False
           ) -> tuple[str, str, str | None, tuple[str, ...]] | None:
    """How a sentence reports the act with this lemma: (state, words, doer, object), the
    state "yes" (done), "no" (firmly refused) or "decided" (it will be done), or None when
    it is not reported so (a hope, an expectation, a noun with no verb that did it, a
    question). wanted: the things the open act is done to, which a participle may hang on; asked: the open
    act is a question a party would not answer ("would not say whether any arrests had been made")."""
    s = entities.unmark_others(fold(sentence), sentence)
    mentions = entities.find(s, sentence)
    for m in SUED_DONE.finditer(s) if act == "sue" else re.finditer(r"[a-z]{3,}", s):
        if act != "sue" and lemma(m.group(0)) != act:
            continue
        lead = s[max(0, m.start() - 40):m.start()]
        word = m.group(0)
        if word in ("added", "adds") and re.match(r"\s+that\b|\s*[,:]?\s*[\"“]", s[m.end():]):
            continue  # "she added that the company had taken on crew": words said, not the act of adding
        if act == "sue" and word.startswith("claim") and not (FILED.search(lead) or FILED.match(s, m.end()) or COURT.search(s)):
            continue  # "made fresh claims against the council in a letter": allegations, not a legal claim
        firm = FIRM_NO.search(lead)
        if firm and "ruled out" in firm.group(0) and re.search(r"\b(?:not|never|n't)\b(?:\s+\w+){0,2}\s*$",
                                                               lead[:firm.start()].replace("n't", " n't")):
            firm = None  # "has not (yet, formally) ruled out legal action": still open
        if NOBODY.search(s, max(0, m.start() - 90), m.start()) or DENIED.search(lead):
            continue  # "no one has been arrested": still not done; "denied that she had manipulated data"
        decided, done, after = DECIDED.search(lead), None, None
        passive = bool(PASSIVE_LEAD.search(lead)) or _reduced_relative(s, m, lead, wanted)
        if act == "sue" and passive:
            continue  # "have been sued by the museum": the subject is who is sued
        if firm:
            state = "no"
        elif decided and not scope_of(s, m.start() - len(lead) + decided.start()):
            state = "yes"
        elif (done := WILL.search(lead)) and not CONDITION.search(lead) and not re.search(r"\bwhen\b", lead) \
                and not CONDITION.search(s[m.end():].split(";")[0]):  # "... provided the insurer pays"
            state = "decided"  # settles only what was undecided: "will arrest" arrests no one yet
        elif act == "sue" and (done := TOOK.search(lead)):
            if scope_of(s, m.start() - len(lead) + done.start()):
                continue
            state = "yes"  # "has taken legal action"
        elif word.endswith("ing") and (done := BEGUN.search(lead)):
            if scope_of(s, m.start() - len(lead) + done.start()):
                continue  # "has not begun testing"
            state = "yes"  # "health officials have begun testing staff"
        elif not word.endswith(("ed", "ing")) and (done := PERFORMED_BEFORE.search(lead)) and \
                not NO_LEAD.search(lead):
            if scope_of(s, m.start() - len(lead) + done.start()):
                continue  # "has not opened an inquiry", "may file a lawsuit"
            state = "yes"  # "opened a formal inquiry", "lodged an appeal": the noun's act done
        elif (after := PERFORMED_AFTER.match(s[m.end():])) and not NO_LEAD.search(lead):
            if scope_of(s, m.end() + after.end() - 1):
                continue
            state = "yes"  # "a boil-water notice was issued"
        elif re.search(rf"\b{DETERMINER}\s+$", lead) or re.search(rf"\b{DETERMINER}\s+\w+\s+$", lead) and not (
                word.endswith("ed") or word in IRREGULAR) or word.endswith("ing") and not DONE.search(lead):
            continue  # a noun or a gerund: "the payment", "paying the ransom would ..." (but "the company named")
        elif not (word.endswith("ed") or word in IRREGULAR or DONE.search(lead) and not word.endswith("s")):
            continue  # not a past or perfect form: "will pay", "pays", "still has questions"
        else:
            scope = scope_of(s, m.start())
            if scope:
                continue  # "has not paid" is no news of a decision; "may have paid" is no report
            state = "yes"
        if re.search(r"\b(?:whether|if)\b", s[max(0, m.start() - 80):m.start()].split(";")[-1]):
            continue  # a question asked, not a report: "declined to say whether pilots would fly once cleared"
        obj = _passive_object(s, m.start(), mentions) if passive else _object(s, m.end(), mentions)
        if passive and wanted and re.match(r"\s*(?:an?|another|one)\s", _subject(s[:m.start()].rstrip(" ,"))) and (
                {w for w in obj if not w.startswith(PATIENT)} - wanted or _to_another(s, m.end(), mentions, wanted)):
            continue  # "a 40-metre crane at another site was inspected", "a notice was issued to a homeowner in Ashby":
            # some other one than the one in question
        # ("vibration was reported": what was reported is the subject)
        if _unsuffixed(word) in SAME_ACT and not passive:  # another verb for the act: its object's head (the last
            obj = tuple(_things(_phrase(s, m.end(), NOUN_END))[-1:])  # noun of its phrase: "repaid prepaid toll
            # passes") must be the same ("requested a recount of the race": a recount)
        said = firm or decided or done  # the doer is the subject of "ruled out", "agreed to", "opened"
        words = s[m.start() - len(lead) + done.start() if done else m.start():m.end() + (after.end() if after else 0)]
        doer = _done_by(s, m, mentions, asked) if passive and not said else \
            agent_of(s, m.start() - len(lead) + said.start() if said else m.start(), mentions)
        if not obj and doer in (None, "other"):  # no object and nobody the story knows doing it: what opens
            obj = _subject_words(s[:m.start()])  # is the subject ("a helpline will open on Tuesday")
        return state, words.strip(), doer, obj
    return None


BY = re.compile(r"(?:\s+[^\s;]+){0,3}?\s+by\s+")  # "paid £40,000 by its insurer"
# a report's attribution at its end: ", the police said.", ", Wealdmoor Constabulary has said"
SAID_LAST = re.compile(r",\s*(?:the\s+)?(?P<who>[\w'&-]+(?:\s+[\w'&-]+){0,5}?)\s+(?:has\s+|have\s+)?"
                       r"(?P<verb>said|says|announced|confirmed)"
                       r"(?:\s+(?:on|last|this)\s+\w+|\s+yesterday|\s+today)?\s*[.\"']*$")


def _reduced_relative(s: str, m: re.Match, lead: str, wanted: frozenset[str]) -> bool:
    """Is the past participle at m hung on the noun before it, the thing the open act is done
    to: set off by a comma ("the notice, issued on Wednesday, ...") or followed by the main
    verb ("the notice served on the trust this month remains in force")? Else the noun is
    the subject of an active verb ("the library closed on Friday for training")."""
    word = m.group(0)
    head = REDUCED.search(lead) if word.endswith("ed") or word in IRREGULAR else None
    if head is None or thing(head.group("head")) not in wanted or not AFTER_PARTICIPLE.match(s, m.end()):
        return False
    return "," in head.group(0) or MAIN_VERB.search(re.split(r"[,;]", s[m.end():])[0]) is not None


def _to_another(s: str, end: int, mentions: list[Mention], wanted: frozenset[str]) -> bool:
    """Does the clause after a passive verb name whom or what it was done to or on, other than
    a time and other than a story entity the open act is on ("issued to a homeowner in Ashby",
    not "issued on Wednesday" or "issued on Orrin Library")?"""
    clause = re.split(r"[,;]", s[end:])[0]
    return any(not ((men := _mention_at(s, end + r.end(), mentions)) and token(men.entity) in wanted)
               for r in RECIPIENT.finditer(clause))


def _mention_at(s: str, at: int, mentions: list[Mention]) -> Mention | None:
    """The mention that starts at at, or just after a "the" there (a mention is found with
    its article dropped)."""
    article = re.match(r"the\s+", s[at:])
    return next((men for men in mentions if men.start in (at, at + (article.end() if article else 0))), None)


def _done_by(s: str, m: re.Match, mentions: list[Mention], asked: bool) -> str | None:
    """Who did an act reported in the passive: the one named after "by" ("other" for one the
    story does not know: "by the fire service", "by flooding"), or the owner of what it was
    done to ("the council's notice, issued on Wednesday"), or else the subject ("police said
    a man had been arrested"), which may be what it was done to."""
    if by := BY.match(s, m.end()):
        return men.entity if (men := _mention_at(s, by.end(), mentions)) else "other"
    before = s[:m.start()].rstrip(" ,")
    start = max(before.rfind(c) for c in ",;:") + 1  # the noun phrase's clause

    def owns(men: Mention) -> bool:
        return start <= men.start < m.start() and (s[men.start:men.end].endswith("'s") or s.startswith("'s", men.end))
    doer = next((men.entity for men in mentions if owns(men)), None) or agent_of(s, m.start(), mentions)
    if asked and doer in (None, "other") and (said := SAID_LAST.search(s, m.end())):
        # nobody the story knows is the subject, and the open question was what a party would say: that party
        # reporting the act is taken to have done it ("two men have been arrested, the police said"), when it
        # heads the attribution (not "a critic of the council said")
        return next((men.entity for men in mentions if said.start() <= men.start <= said.start("who")
                     and s[men.end:said.start("verb")].strip() in ("", "has", "have")), doer)
    return doer


def _passive_object(s: str, start: int, mentions: list[Mention]) -> tuple[str, ...]:
    """What an act reported in the passive was done to: its subject's words, and the story
    entities named there."""
    before = s[:start].rstrip(" ,")
    subject = _subject(before)
    at = len(before) - len(subject)
    return tuple(sorted(set(_subject_words(before)) | {PATIENT + token(men.entity) for men in mentions
                                                        if at <= men.start < len(before)}))


def _subject_words(before: str) -> tuple[str, ...]:
    """The words of the subject before a verb, as things an act is done to."""
    return tuple(sorted(set(_things(_subject(before), AUXILIARIES | MODALS))))


def _subject(before: str) -> str:
    """The subject before a verb, past an aside between them ("the formal inquiry, chaired
    by a retired judge, will open")."""
    parts = re.split(r"[,;:]", before)
    if not _things(parts[-1], AUXILIARIES | MODALS) and len(parts) >= 3:
        return parts[-3]
    return parts[-1]


def done_to(cue: Cue) -> frozenset[str]:
    """What an act cue is done to: its object's words and the story entities it is of."""
    return frozenset(w.removeprefix(OF) for w in cue.theme if not w.startswith("~") or w.startswith(OF))


def asked(cue: Cue) -> bool:
    """Is an open act a question its agent would not answer ("would not say whether ...")?"""
    return ASKED.search(cue.words) is not None


def wanted(cue: Cue) -> frozenset[str]:
    """What a report of an act cue's act may name as what it was done to or on."""
    return done_to(cue) | {w.removeprefix(ON) for w in cue.theme if w.startswith(ON)}


def in_passive(old: Cue, doer: str | None) -> bool:
    """Is the doer a report gives what old's act is done to ("a notice was issued on Wednesday":
    the notice), the report in the passive with nobody else named doing it?"""
    return named(old.agent) and named(doer) and doer != old.agent and token(doer) in done_to(old)


def settles(old: Cue, state: str, doer: str | None, obj: tuple[str, ...], subject: str | None) -> bool:
    """Does a report (state, doer, object) of old's act settle it? An open act by a named
    doer is settled only by that doer (or "it" when the sentence is about the doer); an
    act nobody in particular has done ("no arrests") by anybody the sentence names."""
    if (old.state, state) not in {("unknown", "yes"), ("unknown", "no"), ("unknown", "decided"), ("not_yet", "yes"),
                                  ("no", "yes")}:
        return False
    passive = in_passive(old, doer)
    if named(old.agent):
        # an open act written in the passive ("the business case has not been approved") has for its agent what
        # it is done to: a report in the passive of that same thing settles it, whoever did it
        same_patient = PATIENT + token(old.agent) in obj
        if doer != old.agent and not (doer == "pronoun" and subject == old.agent) and not passive and not same_patient:
            return False
    elif doer is None or subject is None:
        return False
    old_on, on = {w for w in old.theme if w.startswith(ON)}, {w for w in obj if w.startswith(ON)}
    if old_on and on and not old_on & on:
        return False  # a notice on Ashby Lodge is not the one undecided on Pelham Court
    old_obj = set(done_to(old))
    obj = tuple(w.removeprefix(OF).removeprefix(PATIENT) for w in obj if not w.startswith(ON))
    counted, now_counted = old_obj & NUMBERS, set(obj) & NUMBERS
    if counted and now_counted and counted != now_counted:
        return False  # "sought a two-year ban" is not the "four-year ban" still undecided
    if passive:  # "the notice was issued": by whoever had to decide, when it is that thing
        return bool(old_obj & set(obj) - {token(doer)})
    return not (old_obj and obj) or bool(old_obj & set(obj))


def may_mention(folded: str, act: str) -> bool:
    """A quick test before reading the sentence word by word: a lemma is the start of its
    forms ("arrest" of "arrested"), but for the irregular ones ("paid") and a verb in -y
    ("identified")."""
    return act in folded or act.endswith("y") and act[:-1] + "i" in folded or \
        any(form in folded for form in _OTHER_FORMS.get(act, ())) or \
        act == "sue" and SUED_DONE.search(folded) is not None


def words_lemmas(sentence: str) -> frozenset[str]:
    folded = fold(sentence)
    return frozenset(lemma(w) for w in re.findall(r"[a-z]{3,}", folded)) | ({"sue"} if SUED_DONE.search(folded) else set())
