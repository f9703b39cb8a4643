"""The story's entities: its actors, things and events, each with the other names articles
use for them. They come from the story's config ([entities], plus the [topic] anchors);
nothing here knows any one story.

A mention is found on folded text, whole words only, longest alias first, and with its
leading article dropped, so "the company", "a company spokesperson" and "the company's"
all name the entity whose alias is "the company"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold

ARTICLES = re.compile(r"^(?:the|a|an|its|their|this|that)\s+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str  # the canonical name, folded


DISTINCT = re.compile(r"\b(?:another|other|a (?:second|third|separate|different|earlier|previous|similar|new|rival|"
                      r"later|fresh|shorter|longer|smaller|larger|bigger|milder|lesser)|an? (?:19|20)\d\d)\s+(?:[\w-]+\s+)?$")

OWNER = re.compile(r"(?<![\w-])([\w-]+)'s\s+(?:[\w-]+\s+)?$")  # "pika's new model": another's


def spaced(form: str) -> str:
    """One spelling for the forms a name is written in: hyphens and runs of space as one space."""
    return re.sub(r"[\s-]+", " ", form)


class Entities:
    def __init__(self, table: dict[str, list[str]] | None = None, anchors: tuple[str, ...] = ()):
        forms: dict[str, str] = {}
        generic: set[str] = set()  # aliases written in lower case: "the letter", not "Sora"
        for name, aliases in (table or {}).items():
            for alias in (name, *aliases):
                form = spaced(ARTICLES.sub("", fold(alias).strip()))  # "front-end" is matched as "front end" too
                if form:
                    forms.setdefault(form, fold(name))
                    if alias == alias.lower():
                        generic.add(form)
        self.generic = frozenset(generic)
        for anchor in anchors:  # an anchor the table does not name is an entity of its own
            form = spaced(ARTICLES.sub("", fold(anchor).strip()))
            if form and form not in forms:
                forms[form] = form
        self.names = frozenset(forms.values())
        self._pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
                                     for f in sorted(forms, key=len, reverse=True)) + r")(?:'s)?(?![\w-])"
            r"(?!\s\d{1,2}(?:\.\d)?(?![\d,.:]|\s*(?:%|a\.m|p\.m|per|percent|times|(?:year|month|week|day|hour|minute|"
            r"second)s?)\b))"  # "Sora 2", "Terminal 3": another thing; not "met Halden 3 times", "OpenAI 5 years ago"
        ) if forms else None
        self.forms = forms  # alias as matched (folded, article dropped) -> canonical name

    def find(self, folded: str, original: str = "") -> list[Mention]:
        """Mentions in already folded text, left to right, none overlapping. With the
        original text, a lower-case alias is not a mention when another name stands in
        front of it: "Meta's Movie Gen video model"."""
        if self._pattern is None:
            return []
        return [Mention(m.start(), m.end(), self._form(m.group(1))) for m in self._pattern.finditer(folded)
                if not (original and self._other(m, folded, original))]

    def by_name(self, folded: str, mention: Mention) -> bool:
        """Is the mention a name ("Marsh", "Sora") rather than a lower-case alias ("the
        group", "the company") that could stand for anybody of its kind?"""
        return spaced(folded[mention.start:mention.end].removesuffix("'s")) not in self.generic

    def unmark_others(self, folded: str, original: str = "") -> str:
        """The folded text with each lower-case alias that is introduced as another one of
        its kind ("a 2023 letter", "another leak", "Pika's new model", with the original
        text "the Belden Fire") joined to the word before it, so that neither find nor tag
        takes it for the story's own (the length stays the same)."""
        if self._pattern is None:
            return folded
        chars = list(folded)
        for m in self._pattern.finditer(folded):
            if m.start() and spaced(m.group(1)) in self.generic and (
                    DISTINCT.search(folded, max(0, m.start() - 40), m.start()) or self._owned(folded, m.start())
                    or original and self._other(m, folded, original)):
                chars[m.start() - 1] = "-"
        return "".join(chars)

    def _owned(self, folded: str, at: int) -> bool:
        """Is the alias at `at` owned by a name the story does not know ("pika's new model")?"""
        owner = OWNER.search(folded, max(0, at - 40), at)
        return owner is not None and spaced(owner.group(1)) not in self.forms

    def _other(self, m: re.Match, folded: str, original: str) -> bool:
        if spaced(m.group(1)) not in self.generic or len(original) != len(folded):
            return False
        before = original[max(0, m.start() - 40):m.start()].split()[-3:]
        opening = not re.search(r"[a-z]", original[:m.start()].rsplit(":", 1)[-1].replace(before[-1], "", 1)) \
            if before else True  # the capital that opens a sentence ("Six aircraft return") names nothing
        if before and before[-1][:1].isupper() and not opening and before[-1].lower() not in ("the", "a", "an", "its", "their") \
                and not before[-1].endswith((",", ";", ":")):  # ("On 26 November, artists who": the name ends there)
            # a name of its own in front ("Movie Gen video model", "Meta's model"), unless the
            # story knows that name ("OpenAI's video generator", "the Calder Falls plant")
            near = fold(original[max(0, m.start() - 40):m.start()])
            return not any(k.end() >= len(near.rstrip()) - 3 for k in self._pattern.finditer(near))
        return False

    def _form(self, written: str) -> str:
        return self.forms[spaced(written)]

    def tag(self, folded: str) -> str:
        """The text with each mention replaced by one entity token ("ent_openai"), so two
        names for one thing are one word to the similarity measure."""
        if self._pattern is None:
            return folded
        return self._pattern.sub(lambda m: " " + token(self._form(m.group(1))) + " ", folded)


def topic_terms(topic: dict) -> list[str]:
    """The words that put a paragraph on topic: the anchors, the context words, and every
    name of the story's entities written as a name ("Northvale" for Northvale Rail; not
    "the company", which any appended block may say)."""
    names = [alias for name, aliases in (topic.get("entities") or {}).items() for alias in (name, *aliases)
             if alias != alias.lower()]
    return list(topic.get("anchors") or []) + list(topic.get("context") or []) + names


def token(entity: str) -> str:
    return "ent_" + re.sub(r"\W+", "_", entity).strip("_")


NONE = Entities()


# the post of one who speaks for an organisation: "Gareth Pennock, Northfell's operations director"
POST = (r"(?:chief|executive|director|head|chair(?:man|woman|person)?|spokes(?:person|man|woman)|president|manager|"
        r"officer|secretary|minister|vice-chancellor|chancellor|principal|governor|leader|commissioner|"
        r"superintendent|dean|ceo|boss|lawyer|solicitor|counsel)")
# "'s operations director", " chief executive" (a post no longer held is no voice: "a former director")
WORDS_POST = rf"\s+(?!(?:[a-z-]+\s+){{0,2}}(?:former|ex|then|one-time|retired|outgoing|previous)\b)" \
             rf"(?:(?!(?:and|or|but|while|who|which|whose)\b)[a-z-]+\s+){{0,3}}?{POST}"  # (one phrase: not ", and a spokesman")


def fronts(sentences: list[str], entities: Entities) -> dict[str, str]:
    """Who speaks for whom, from the posts the baseline gives its people: "Gareth Pennock,
    Northfell's operations director", "Northfell's operations director, Gareth Pennock",
    "Kestrel chief executive Adrian Pell", "Helen Marsh, the chair of the trust". What
    such a person confirms, declines to, or does, the organisation does (compare.Baseline
    reads every status so). One organisation each, and never one that itself has a voice."""
    found: dict[str, set[str]] = {}
    for sentence in sentences:
        folded = fold(sentence)
        mentions = entities.find(folded, sentence)
        for a, b in zip(mentions, mentions[1:]):
            if a.entity == b.entity:
                continue
            if _post_then_person(folded, a, b):
                found.setdefault(b.entity, set()).add(a.entity)
            elif _person_then_post(folded, a, b):
                found.setdefault(a.entity, set()).add(b.entity)
    return {person: orgs.pop() for person, orgs in found.items() if len(orgs) == 1 and person not in
            {o for others in found.values() for o in others}}


def _post_then_person(folded: str, org: Mention, person: Mention) -> bool:
    """"Northfell's operations director, Gareth Pennock", "Kestrel chief executive Adrian Pell",
    or the post as a name of the person: "Castleway's managing director"."""
    between, owned = folded[org.end:person.start], folded[org.start:org.end].endswith("'s")
    if re.fullmatch(rf"(?:'s)?{WORDS_POST},?\s+", between):
        return owned or between.startswith("'s") or "," not in between
    return owned and not between.strip() and re.search(rf"\b{POST}$", folded[person.start:person.end]) is not None


def _person_then_post(folded: str, person: Mention, org: Mention) -> bool:
    """"Gareth Pennock, Northfell's operations director," or "Helen Marsh, the chair of the trust"."""
    between = folded[person.end:org.start]
    after = folded[org.end - 2:] if folded[org.start:org.end].endswith("'s") else folded[org.end:]
    return re.fullmatch(r",\s+", between) is not None and re.match(rf"(?:'s)?{WORDS_POST}\s*[,.]", after) is not None \
        or re.fullmatch(rf",(?:\s+(?:the|an?))?{WORDS_POST}\s+(?:of|at|for)\s+(?:the\s+)?", between) is not None
