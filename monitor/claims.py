"""Article text -> Claims: sentences that state something, each with normalised tokens,
the story entities it names, values with their roles (values.py) and status statements
with agent and theme (frames.py): the inputs compare.py decides on."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import acts, frames
from .entities import NONE as NO_ENTITIES, Entities, token
from .models import Claim, Cue
from .text import fold, mentions
from .values import NUMBER_NAMES, find_values

BOILERPLATE = re.compile(
    r"^(also read|read more|read also|related:|advertisement|sponsored|image source|photo:|"
    r"written by|published\s*:|updated\s*:|subscribe\b|sign up\b|follow us\b|click here|share this|"
    r"read all the|get latest|you are at|copyright|©|all rights reserved|\d+\.\s+\w)",
    re.I,
)
MIN_WORDS = 5
MAX_SENTENCE = 600

STOP = frozenset(
    """a an the and or but if then than that this these those of to in on at by for with from as into
    onto over about after before while during is are was were be been being has have had do does did
    it its it's they them their there here he she his her we our you your i me my who whom which what
    when where why how also just only so such very can could would should will may might must shall
    said says say told tell according reported report reports per via not no yet still
    has've one s t itself themselves himself herself ourselves yourself myself""".split()
)
# Paraphrase in news English: words copy uses for the same thing meet at one lemma. Names
# of the story's own actors and things are the story's entities, not this table's.
SYNONYMS = {
    "entry": "access", "device": "tool", "generator": "tool", "system": "tool", "model": "tool",
    "app": "tool", "product": "tool", "firm": "company", "corporation": "company", "corporate": "company",
    "business": "company", "labour": "labor", "work": "labor", "worth": "value", "valued": "value",
    "valuation": "value", "handful": "few", "select": "few", "screened": "screen", "shown": "screen",
    "show": "screen", "free": "unpaid", "back": "support", "backing": "support", "opensource": "open",
    "creator": "artist", "creative": "artist", "filmmaker": "artist", "designer": "artist",
    "clip": "video", "movie": "video", "footage": "video", "genuine": "authentic",
    "real": "authentic", "legitimate": "authentic", "revoked": "shut", "disabled": "shut",
    "closed": "shut", "cut": "shut", "offline": "shut", "pulled": "shut", "launch": "release",
    "launched": "release", "released": "release", "unreleased": "release", "publicly": "public",
    "hunting": "testing", "exploit": "exploitation", "exploited": "exploitation",
    "exploiting": "exploitation", "demo": "frontend", "front": "frontend", "interface": "frontend",
    "token": "credential", "key": "credential", "login": "credential",
    "exposed": "reveal", "disclosed": "reveal", "revealed": "reveal", "reveals": "reveal",
    "compensation": "pay", "paid": "pay", "paying": "pay", "signatory": "sign", "signatories": "sign",
    "signature": "sign", "signed": "sign", "signing": "sign", "stock": "share", "stocks": "share",
    "origin": "source",
}
WORD = re.compile(r"[a-z0-9$][a-z0-9_]*(?:'[a-z]+)?")
# idioms that say one verb: "put their names to the letter" is signing it
# and "began with contaminated shellfish" names the source the baseline asked about
# (what caused the story's own thing, "caused last week's leak", not what the thing caused, "the outbreak caused
# 312 passengers to fall ill", nor "began with 12 cases" or "began with vomiting")
IDIOMS = [(re.compile(r"\b(?:put|puts|putting|added|adds|adding) (?:their|his|her|its|our) names? to\b"), "signed"),
          (re.compile(r"\b(?:(?:began|begun|started) with(?! (?:\d|(?:[a-z]+ing|one|two|three|four|five|six|seven|"
                      r"eight|nine|ten|a few|dozens|hundreds|some|about|around|just|only)\b))|(?:originated|stemmed|"
                      r"came) from|(?:was|were|been) (?:caused by|traced (?:back )?to|blamed on)|"
                      r"caus(?:ed|es|ing)(?= +(?:[\w']+ +){0,3}?ent_))\b"), r"\g<0> source cause")]
# one of these is in every idiom: most sentences have none
IDIOM_WORDS = re.compile(r"name|began|begun|started|originated|stemmed|came|caus|traced|blamed")


@lru_cache(maxsize=8192)  # news vocabulary repeats; a larger cache only holds other languages
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'leaks', 'leaked', 'leaking' at 'leak'."""
    w = word
    if w in SYNONYMS:
        return SYNONYMS[w]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + repl
            break
    return SYNONYMS.get(w, w)


def tokens(text: str, entities: Entities = NO_ENTITIES) -> tuple[str, ...]:
    """Content words, stemmed, with each mention of a story entity as one "ent_" token."""
    folded = entities.tag(fold(text)).replace("-", " ").replace("open source", "opensource")
    for idiom, verb in IDIOMS if IDIOM_WORDS.search(folded) else ():
        folded = idiom.sub(verb, folded)
    return tuple(w if w.startswith("ent_") else stem(w.removesuffix("'s"))
                 for w in WORD.findall(folded) if w not in STOP and len(w) > 1)


# A sure sentence end: a whole word, lower-case of three or more letters or capitalised of
# five or more (so not "Prof.", "Corp.", "Dr.med." or "U.S."), and its stop, outside
# brackets, then space and a capital.
SURE_END = re.compile(r"(?<![\w.])([a-z]{3,}|[A-Z][A-Za-z]{4,})[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z])")
LOWER_ABBREVIATIONS = frozenset("etc approx incl resp est dept govt bzw inkl ggf usw vgl evtl sog zzgl bspw"
                                .split())
MAYBE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*\s")


def sentences(text: str) -> list[list[str]]:
    """Paragraphs (split on newlines) of sentences. Sure ends are split here; syntok is
    asked only about a stretch that still holds a possible end (an abbreviation, an
    initial, a number): a third of its time on the benchmark corpus, and the same split
    but for stray brackets and code."""
    paragraphs = []
    for block in text.split("\n"):
        block = block.strip()
        if not block:
            continue
        sents = []
        for part in _sure_parts(block):
            sents += _syntok(part) if MAYBE_END.search(part) else [part]
        paragraphs.append(sents)
    return paragraphs


def _sure_parts(block: str) -> list[str]:
    parts, start = [], 0
    for m in SURE_END.finditer(block):
        if m.group(1) in LOWER_ABBREVIATIONS or block.count("(", start, m.start()) > block.count(")", start, m.start()):
            continue
        parts.append(block[start:m.end()])
        start = m.end() + 1
    parts.append(block[start:])
    return [p.strip() for p in parts if p.strip()]


def _syntok(part: str) -> list[str]:
    from syntok import segmenter

    out = []
    for para in segmenter.analyze(part):
        for sent in para:
            s = "".join(tok.spacing + tok.value for tok in sent).strip()
            if s:
                out.append(s)
    return out


def is_claim(sentence: str) -> bool:
    """A factual statement: long enough, ends like a sentence, not a question or boilerplate."""
    s = sentence.strip().strip('"\u201c\u201d')
    if len(s.split()) < MIN_WORDS or len(s) > MAX_SENTENCE:
        return False
    if s.endswith("?") or BOILERPLATE.match(s):
        return False
    return s[-1] in '.!"\u201d\u2019\')' or len(s.split()) >= 12


def on_topic(text: str, topic_terms: list[str]) -> list[list[str]]:
    """Paragraphs of sentences, without any paragraph of three or more sentences that names
    no topic term at all (an unrelated block appended to an article)."""
    return [para for para in sentences(text)
            if len(para) < 3 or not topic_terms or any(mentions(" ".join(para), t, inflected=True) for t in topic_terms)]


def claim_sentences(text: str, topic_terms: list[str]) -> list[str]:
    return [s for para in on_topic(text, topic_terms) for s in para if is_claim(s)]


# a capitalised word that does not merely open the sentence: a name the story may not know
# (a word of plain English opening the sentence is no name)
OPENERS = ("The|That|This|These|Those|It|Its|They|Their|Them|He|His|She|Her|We|Our|You|Your|I|My|There|Here|But|And|"
           "Or|Nor|Neither|Either|In|On|At|By|For|With|Without|Within|From|To|Of|Into|Over|Under|Through|During|"
           "Despite|Among|Amid|Across|Against|About|Around|Behind|Beyond|Like|Unlike|A|An|As|After|Before|Since|"
           "Until|Then|Now|Still|Yet|So|Also|Even|Only|Just|Not|No|Each|Every|All|Any|Some|Many|Most|Much|Few|"
           "Several|Both|Other|Another|Such|One|Two|Three|First|Last|Next|Earlier|Later|Today|Yesterday|"
           "Meanwhile|However|Instead|Separately|Separate|Asked|According|When|Where|While|Whether|What|Which|Who|"
           "Why|How|If|Because|Although|Though|Once|Worse|Better|Clips|Users|People|Videos|Critics|Observers|"
           "Officials|Researchers|Developers|Records|Reports|Documents|Customers|Residents|Parents|Experts|"
           + "|".join(w.capitalize() for w in NUMBER_NAMES))  # "Fifty homes were destroyed" names no one
# a sentence that opens with a name ("Runway's new model", "Google DeepMind", "Meta"), not
# with a plural common noun ("Subscribers can ...")
OPENS_WITH_NAME = re.compile(rf"^(?!(?:{OPENERS})\b)[A-Z][a-z]+(?:['\u2019]s\b|\s+[A-Z]|(?<!s)\b)")
OTHER_NAME = re.compile(rf"(?<=[\w,;:] )[A-Z][a-z]+|{OPENS_WITH_NAME.pattern}")


def analyse(sentence: str, source_id: str = "", entities: Entities = NO_ENTITIES, context: str | None = None,
            topic: str | None = None) -> Claim:
    """One sentence as a claim. context: the entity the article was last about, for a
    sentence whose subject is only 'it' or 'they'; topic: what an object 'it' ("OpenAI
    released it") or an unnamed release ("anyone can now sign in") is about."""
    folded = entities.unmark_others(fold(sentence), sentence)
    mentions = entities.find(folded, sentence)
    attribution = find_attribution(sentence)
    said = _speaking(folded, attribution, mentions, entities)
    # a window that starts at an alias joined to the word before it keeps the join
    values = find_values(sentence, lambda a, b: tokens(folded[max(0, a - (folded[a - 1:a] == "-")):b], entities))
    cues = frames.find(folded, entities, mentions, lambda t: tokens(t, entities)) + acts.find(folded, mentions)
    if context:
        cues = tuple(_resolved(c, folded, context, topic or context) for c in cues)
    return Claim(
        text=sentence,
        # a quantity is a word too, in canonical units: "180 minutes" meets "three hours"
        tokens=tokens(folded, entities) + tuple(f"#{v.kind}:{v.amount:g}" for v in values),
        values=values,
        cues=cues,
        attribution=attribution,
        source_id=source_id,
        subject=_subject(sentence, mentions, context),
        speaker=said[0].entity if said else None,
    )


# (of a quantity, not of people or money, which a party may own: "the council said 45 workers were employed")
FIGURE_OPENING = r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|at least|up to|fewer than|" \
                 r"less than|an estimated)\s+)?\d[\d,.]*(?:\s+(?:million|billion))?\s+(?!(?:people|staff|workers|" \
                 r"employees|members|volunteers|officers|crew|crews|pupils|patients|residents|jobs|percent)\b)[a-z]"
REPORT_ADVERB = r"(?:also|now|has|have|had|later)\b"
REPORTING = rf"\s+(?:{REPORT_ADVERB}\s+){{0,2}}(?:said|says|estimates?|estimated)\s+(?:that\s+)?"
REPORTS_FIGURE = re.compile(REPORTING + FIGURE_OPENING)
REFERS_BACK = re.compile(r"\b(?:it|its|they|their|we|our)\b")


def _speaking(folded: str, attribution: str | None, mentions, entities: Entities) -> list:
    """The mentions of story entities by name inside the attribution, when the report does
    not speak of them ("Marsh said about 270 flights had been cancelled"; not "the airport
    said 2,100 passengers passed through its terminal"). A generic alias speaking ("the
    group said") is an entity speaking of its own, but at the end of a sentence that names
    it nowhere else, or heading one whose figure it says, it only reports."""
    at = folded.find(fold(attribution)) if attribution else -1
    if at < 0 or REFERS_BACK.search(folded[:at] + " " + folded[at + len(attribution):]):
        return []
    according = folded.endswith("according to ", 0, at)  # "according to council figures": a source, named or not
    # a party heading the sentence that says a figure is the subject of what it says: "the board now estimates
    # that 26,000 litres were lost" (the board owns no diesel)
    heads_figure = folded[:at].strip() in ("", "the", "a", "an") and REPORTS_FIGURE.match(folded, at + len(attribution))
    # "..., the operator said on Monday." at the end: the operator reports what the sentence says, unless
    # the sentence names it outside the attribution too ("the council has spent £50,000, the council said")
    outside = {m.entity for m in mentions if not at <= m.start < at + len(attribution)}
    tail = folded[at + len(attribution):].strip(" .,")
    trailing = folded.endswith(", ", 0, at) and "," not in tail and len(tail.split()) <= 6
    return [m for m in mentions if at <= m.start < at + len(attribution)
            and (according or heads_figure or trailing and m.entity not in outside or entities.by_name(folded, m))]


def _resolved(cue: Cue, folded: str, context: str, topic: str) -> Cue:
    """'It' and 'they' stand for what the article was last about: as the one who confirms or
    acts, and as what is released, opened or shut when the sentence names nothing else
    ("It went on sale on Monday"); an object 'it' for the sentence before's subject, never
    the one who acts on it ("OpenAI released it on 9 December")."""
    if cue.agent == "pronoun" and cue.frame in ("verify", "act"):
        return replace(cue, agent=context)
    if cue.frame not in ("release", "access", "phase") or any(
            t.startswith("ent_") and t != token(cue.agent or "") for t in cue.theme):
        return cue
    at = folded.find(cue.words)
    if at < 0:
        return cue
    after = folded[at + len(cue.words):]
    if re.match(r"\s+(?:it|them)\b", after) and topic != cue.agent:
        return replace(cue, theme=tuple(sorted(set(cue.theme) | {token(topic)})))
    # "it" as what is open or available, whoever to ("it is now open to any subscriber"); else only with no
    # object after the verb (not "it froze every account")
    if re.match(r"(?:it|they)\s+(?:\w+\s+){0,3}$", folded[:at]) and (re.match(r"(?:open|available)\b", cue.words) or
                                                                    re.match(r"\s*(?:[,.;]|$|(?:on|to|in|at|for|from|"
                                                                             r"after|before|since|last|this|again|now)\b)",
                                                                             after)):
        return replace(cue, theme=tuple(sorted(set(cue.theme) | {token(context)})))
    if frames.CAN.search(cue.words) and re.match(r"\s*(?:[,.;]|$|(?:at|on|in|from|through|via|for|with)\b)", after):
        return replace(cue, theme=tuple(sorted(set(cue.theme) | {token(topic)})))  # "anyone can now sign in"
    return cue


def _subject(sentence: str, mentions, context: str | None) -> str | None:
    """What a sentence is about: its first story entity, unless its opening clause names
    none and speaks of "it" or "its" ("That round put its valuation at ..., above the
    figure in the artists' letter" is about what the sentence before was about); with no
    entity, the context, unless another name is there."""
    opening = re.split(r"[,;:]", sentence, maxsplit=1)[0]
    if context and re.search(r"\b(?:it|its|their|they)\b", opening, re.I) and not any(
            m.start < len(opening) for m in mentions):
        return context
    # a phrase that opens the sentence before its comma only sets the scene: "Once inside the panel, crews found"
    scene = SCENE.match(sentence)
    main = [m for m in mentions if m.start >= scene.end()] if scene else []
    return (main or mentions)[0].entity if mentions else None if OTHER_NAME.search(sentence) else context


SCENE = re.compile(r"(?:Once|After|Before|Since|Following|During|Inside|Within|Amid|Until)\b[^,;:]{1,60},")


def extract_claims(text: str, topic_terms: list[str], source_id: str = "",
                   entities: Entities = NO_ENTITIES) -> list[Claim]:
    return analyse_all(claim_sentences(text, topic_terms), source_id, entities)


def analyse_all(sentences: list[str], source_id: str = "", entities: Entities = NO_ENTITIES) -> list[Claim]:
    """The claims of one article in order; 'it' and 'they' stand for the entity the
    sentence before was about."""
    out, last, topic, thing = [], None, None, (None, None)
    by_token = {token(e): e for e in entities.names}
    for s in sentences:
        # what the article last said was released, opened or shut is what "anyone can use it" speaks of
        # when the sentence before was about the one who released it (or nobody was said to)
        claim = analyse(s, source_id, entities, last, thing[0] if thing[0] and thing[1] in (topic, None) else topic)
        out.append(claim)
        # (a sentence about somebody the story does not know has no subject: "it" is no longer the last one)
        last = next((c.agent for c in claim.cues if c.agent not in (None, "other", "pronoun")), claim.subject) or last
        topic = claim.subject or topic
        thing = next(((by_token[t], c.agent) for c in reversed(claim.cues) if c.frame in ("release", "access", "phase")
                      for t in c.theme if t in by_token and t != token(c.agent or "")), thing)
    return out


# --- attribution --------------------------------------------------------------------------

ATTRIBUTION = [
    re.compile(r"\b(?i:according) to ((?:the |an? )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*|the [a-z]+(?: [a-z]+)?)"),
    re.compile(r"((?:an? |the )?(?:[A-Z][\w'’.-]*\s)*(?:spokesperson|spokeswoman|spokesman|representative)|"
               r"(?:the |an? )?(?:company|group|artists|testers|protesters|studio)|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*)"
               r"(?:, (?:the|an?|its|their) [^,]{1,60},)?"  # "Ruth Okafor, the lead administrator, said"
               r"\s+(?:said|says|told|stated|confirmed|denied|reported|wrote|claimed|added|argued?)\b"),
    re.compile(r"\b(?:said|says|told \w+|reported|wrote) ((?:the |an? )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*|the [a-z]+)[,.]?$"),
    re.compile(r", ((?:the|an?) [a-z]+(?: [a-z]+)?) (?:said|says|added|told \w+|reported)(?: in [^,]{1,40})?[,.]?$"),
    # an estimate is its maker's word: "Finch Halloran now puts the debts at £4.1 million"
    re.compile(r"((?:the |an? )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*)\s+(?:(?:has|have|had|now|since|also)\s+){0,2}"
               r"(?:puts?|estimates?|estimated)\s+(?:[\w'’-]+\s+){0,3}?(?:cost|costs|bill|total|toll|number|figure|"
               r"debts?|loss|losses|damage|value|valuation|count|tally|shortfall)\s+at\s"),
    # a party heading the sentence that says a figure is the subject of what it says: "The board now estimates
    # that 26,000 litres of diesel were lost" (the board reports the loss; it owns no diesel)
    re.compile(rf"^((?:The|An?) [a-z]+(?: (?!{REPORT_ADVERB})[a-z]+)?){REPORTING}(?={FIGURE_OPENING})"),
    # "according to council figures", not "vary according to income" or "going according to plan"
    re.compile(r"(?<!vary )(?<!varies )(?<!varied )(?<!varying )(?<!going )(?<!went )(?<!goes )(?<!go )\b(?i:according) to "
               r"((?!(?:her|his|its|their|our|my|your|plan|schedule)\b)[a-z]+(?: [a-z]+)?)"),
]
WHEN = re.compile(r",?\s+(?:on|last|this|early|late)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?|"
                  r",?\s+(?:yesterday|today|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b,?", re.I)
NOT_A_SOURCE = {"it", "this", "that", "he", "she", "they", "we", "there", "which", "who"}
# every pattern above needs one of these words; most sentences have none and skip them all
ATTRIBUTION_VERB = re.compile(r"(?i:according)|\b(?:said|says|told|stated|confirmed|denied|reported|wrote|claimed|added|"
                              r"argued?|puts?|estimat(?:e|es|ed))\b")


def find_attribution(sentence: str) -> str | None:
    """Who says it, as written: 'an OpenAI spokesperson', 'the artists', 'TechCrunch'."""
    if not ATTRIBUTION_VERB.search(sentence):
        return None
    text = WHEN.sub("", sentence.strip().rstrip('.!"”'))
    for pattern in ATTRIBUTION:
        m = pattern.search(text)
        if m:
            who = m.group(1).strip(" ,")
            if who.lower() not in NOT_A_SOURCE and len(who) > 1:
                return who
    return None
