"""Normalise the quantities a sentence states: counts, money, durations, shares (percent
and fractions), temperatures, video resolutions, dates and times of day, each with its
qualifier (more than, about, up to, ...)."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from .models import Value
from .text import fold

UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "half": 0.5}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "million": 1e6,
          "trillion": 1e12, "tn": 1e12, "thousand": 1e3}
SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400,
           "week": 604800, "month": 2629800, "year": 31557600}
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())}, sept=9)
QUALIFIERS = [
    ("more", r"more than|over|at least|upwards of|in excess of|beyond"),
    ("less", r"less than|fewer than|under|below|at most|shy of"),
    # "just under four hours" is near four hours, not a bound
    ("about", r"about|around|roughly|nearly|almost|some|approximately|close to|an estimated|circa|~|"
              r"(?:just|a little|slightly) (?:under|over|below|above|more than|less than|shy of)"),
    ("up_to", r"up to|as long as|as many as|as much as|a maximum of"),
    ("exact", r"only|just|exactly|precisely"),
]
_QUAL = re.compile(r"(?:" + "|".join(f"(?P<{k}>\\b(?:{v}))" for k, v in QUALIFIERS) + r")\s*$")

WORDNUM = r"(?:(?:" + "|".join(list(UNITS) + list(TENS) + list(SCALES)) + r")(?:[\s-]+(?:and[\s-]+)?)?)+"
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NUMBER = rf"(?:{NUM}(?:\s+(?:hundred|thousand|million|billion|trillion)|k\b)?|\b{WORDNUM})"

MONEY = re.compile(rf"(?P<cur>\$|us\$|usd\s?|£|gbp\s?|€|eur\s?)\s?(?P<n>{NUM})\s?"
                   rf"(?P<s>k|mn|mln|m|bn|b|tn|billion|million|trillion|thousand)?\b"
                   rf"(?P<rate>[\s-]*(?:a|per|/|each)[\s-]*(?:month|year|week|day|share)|[\s-]monthly|[\s-]yearly)?"
                   rf"|(?P<n2>{NUMBER})\s?(?:(?P<s2>billion|million|bn)?\s(?P<cur2>dollars|usd|euros?|eur|gbp)|"
                   rf"(?P<s3>billion|million|bn)\s(?P<cur3>pounds))\b")  # "50 pounds" may be a weight
# one currency is not another: a sum in pounds never updates one in dollars
CURRENCIES = {"$": "", "us$": "", "usd": "", "dollars": "", "£": "gbp", "gbp": "gbp", "pounds": "gbp",
              "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur"}
DURATION = re.compile(rf"(?P<n>{NUMBER})[\s-]*(?P<u>second|sec|minute|min|hour|hr|day|week|month|year)s?\b(?!\s+(?:past|to)\s+(?:noon|midnight|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)(?P<half>\s+and\s+a\s+half\b)?(?P<tail>\s+(?:after|before|ago|later|earlier|since|old)\b)?")
# "the strike is in its fourth day", "the search entered its second week": how long it has lasted so far, a
# figure the calendar moves (so it updates nothing), though an end ("it lasted 17 days") updates it
RUNNING = "running"
ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                       "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                       "nineteenth twentieth".split(), 1)}
ORDINAL_PERIOD = re.compile(r"\b(?:(?:now\s+)?in(?:to)?\s+(?:its|their)|(?:entered|enters|entering|reached|reaches|reaching|"
                            r"began|begins|beginning|started|starts|marked|marks|marking)\s+(?:its|their|the|a))\s+"
                            rf"(?P<n>{'|'.join(ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|"
                            r"full\s+)?(?P<u>day|week|month|year)\b")
WINDOW_BEFORE = re.compile(r"\b(?:first|last|longest|highest|lowest|worst|best|biggest|largest|most|least)\b"
                           r"(?:\s+[\w-]+){0,2}\s+in\s+(?:(?:more than|over|nearly|almost|about|the past|the last)\s+)?$|"
                           r"\b(?:the|these|those)\s+(?:last|past)\s+$")  # "the last two months have been the hardest"
DURATION_LEAD = re.compile(r"\b(?:for|lasted|lasting|last|within|inside|took|takes|only|after)\b(?:\s+(?:" + "|".join(
    v for _, v in QUALIFIERS) + r"))?\s*$")
COUNT_RATE = re.compile(r"(?:\s+of\s+[a-z-]+)?\s+(?:a|an|per|each)\s+(day|week|month|year|hour)\b(?!\s+(?:ago|earlier|later|before|after)\b)")
# a temperature: "14C", "17°C", "57 degrees Fahrenheit" (in Celsius; a bare C or F only as written in capitals)
TEMPERATURE = re.compile(r"(?<![\w.])(?P<minus>minus\s+|-)?(?P<n>\d{1,3}(?:\.\d+)?)\s?(?:°\s?(?P<deg>[cf])\b|"
                         r"(?P<bare>[cf])(?=[\s.,;:)]|$)|\s*degrees?\s+(?P<word>celsius|centigrade|fahrenheit|[cf])\b)")
# a time of day on the twelve-hour clock: "6.42am", "11:05 p.m.", "7am" (in minutes after midnight)
TIME_OF_DAY = re.compile(r"(?<![\d.:,])(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<m>[0-5]\d))?\s?(?:(?P<am>a\.m\.|am)|p\.m\.|pm)"
                         r"(?![a-z])")
POINT_KINDS = ("date", "time")  # the kinds that say when: the story entities beside them only took part
# "shortly before 7am" is a bound, not the time: before it, or after it
TIME_BOUND = re.compile(r"\b(?:(?P<less>before|by)|(?P<more>after))\s+$")
RESOLUTION = re.compile(r"\b(?P<n>240|360|480|540|720|1080|1440|2160|4320)p\b|\b(?P<k>[48])k\b(?= resolution| video)")
# a year before 1900 only after a word that makes it one ("built in 1887", "dates from 1893"), and not before a plural
# noun: "1750 homes", "restored in 1800 homes" are counts
OLDER_YEAR = (r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bfrom )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter ))"
              r"1[5-8]\d\d(?!\s+(?!(?:was|has|is|as|this|its|his|plus)\b)[a-z]+s\b)")
DATE = re.compile(
    r"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + "|".join(MONTHS) + r")\.?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    r"|(?P<m2>" + "|".join(MONTHS) + r")\.?(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    r"|(?P<part>early|mid|late)?[\s-]*(?<![\d/.])(?P<y3>(?:19|20)\d\d|" + OLDER_YEAR + r")(?![/.-]\d))\b"
)
# a share: "3.5%", "nine per cent", "two percentage points" (a change, not a level), and
# fractions said in words ("about a third of flights", "two-thirds of", "one in five")
PERCENT = re.compile(rf"(?P<n>{NUMBER})\s?(?:%|per\s?cent\b)(?P<points>\s+points?\b)?"
                     rf"|(?P<pn>{NUMBER})\s+percentage\s+points?\b")
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
# a fraction is a share only "of" something or as an amount of change ("down by a third"):
# "a third round of talks" is an ordinal
FRACTION = re.compile(r"\b(?P<n>a|one|two|three|four)[\s-]+(?P<f>third|quarter|fifth|tenth)s?\b"
                      r"|\b(?P<half>half)\b|\b(?P<k>one|two|three|four|\d)\s+in\s+(?P<in>two|three|four|five|six|seven|eight|nine|ten|\d+)\b")
FRACTION_OF = re.compile(r"\s+of\s+(?!an?\s+(?:second|minute|hour|day|week|month|year|mile|inch|century)\b)")
FRACTION_LEAD = re.compile(r"\b(?:by|about|around|roughly|nearly|almost|than|some|over|under|cut|halved|lost|by only)\s+$")
VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000}  # the least each can mean
PLURALS = ("people", "children", "men", "women", "staff", "personnel", "aircraft", "spacecraft", "cattle", "livestock",
           "sheep", "fish")  # plurals with no -s
# "14 crew", "40 police", but "two crew cabins" and "two police cars" count cabins and cars
COLLECTIVE = r"(?:crew|police)(?!\s+(?!(?:has|was|is|as|its|this)\b)[a-z]+s\b)"
PLURAL_WORDS = "|".join(PLURALS) + "|" + COLLECTIVE
# one company's people at work, whichever word a report uses: "60 employees" and "75 staff" count one thing
WORKFORCE = frozenset("staff staffers employees workers personnel".split())
# two modifiers of one noun: "1,240 bus and tram drivers" (not "40 homes and other buildings")
# a word and a number that name a group ("Year 11", "Grade 3", "Local 22"), not "10 to 15" or "20 of 48"
GRADE = r"(?!(?:to|and|or|of|in|from|than|by|between|out|under|over|about|around|nearly|per|each|every|for|at|on|" \
        r"further|another|more|additional|extra|other)\b)[a-z-]+\s+\d{1,2}"  # ("a further 15 pupils" counts pupils)
PAIRED = rf"\s+(?![a-z-]+(?<![su])s\b|(?:{PLURAL_WORDS})\b)(?:{GRADE}|[a-z-]+)\s+(?:and|or)\s+(?!(?:other|more|another)\b)(?:[a-z-]+|\d{1,2})(?=\s+(?:[a-z]+s|{PLURAL_WORDS})\b)"
# words that end a count's phrase rather than modify its noun: "revised to 58 after engineers found more"
NOT_MODIFIER = r"(?:after|before|since|until|when|while|because|than|to|from|in|on|at|by|with|for|into|during|" \
               r"across|per|was|were|is|are|had|has|have|been|be|the|a|an|this|that|its|their|which|who)"
COUNT = re.compile(rf"(?P<vague>\b(?:hundreds|thousands|dozens|millions) of(?:\s+[a-z-]+){{0,2}}?\s+(?P<vnoun>[a-z]+s|people)\b)|(?<![\w$.,])(?P<n>{NUMBER})(?P<tail>(?:{PAIRED}|(?:\s+(?:{GRADE}(?=\s)|(?!{NOT_MODIFIER}(?![\w-]))[a-z-]+)){{0,2}}?)(?:\s+of\s+(?:the|its|their|those|these)(?:\s+[a-z-]+'s)?)?\s+(?P<noun>[a-z]+s|{PLURAL_WORDS}))\b")
# a count is a number and the plural noun it counts, whatever the story: "14,200 households",
# "38 people", "600 artists"; these plurals are units or measures, not things counted
# a count said as a compound before its noun: "a 24,000-seat stadium", "the 120-room hotel"
# a count of the people a report heard from ("two signatories told us", "three residents who lost homes
# told the Gazette"), not one the story gives
SOURCES = re.compile(r"(?:\s+(?:who|[a-z]+ing)\b[^,;.]{0,40}?,?)?\s+(?:have |had )?(?:told|tell) (?:us|me|reporters|journalists|"
                     r"this (?:newspaper|paper|magazine|site|station|programme|show))\b")
# how often something was done counts the deed: "she had been tested 11 times" is 11 tests
TIMES_DONE = re.compile(rf"\b(?P<verb>[a-z]{{3,}}?)e?d\s+(?P<n>{NUMBER})\s+times\b")
# the part of a whole: "31 of the bank's 54 branches" counts 31 branches as well as 54
PART_OF = re.compile(rf"(?<![\w$.,])(?P<n>{NUMBER})\s+of\s+(?:(?:the|its|their|his|her)\s+(?:[a-z-]+'s\s+)?|"
                     rf"(?:[a-z-]+\s+){{0,2}}[a-z-]+'s\s+)"  # "four of St Brel Hospital's nine theatres"
                     rf"(?P<whole>{NUM}|(?!an?\b){WORDNUM})(?P<tail>(?:\s+[a-z-]+)?\s+"
                     rf"(?P<noun>[a-z]+s|{PLURAL_WORDS}))\b")
THEM = r"(?:them|those|these)"  # a whole said before: "61 workers ..., and 47 of them reached"
OF_THEM = re.compile(rf"(?<![\w$.,])(?P<n>{NUMBER})\s+of\s+{THEM}\b")
COMPOUND = re.compile(rf"(?<![\w$.,-])(?P<n>{NUM}|(?!an?\b){WORDNUM})-(?P<unit>[a-z]{{3,}}?)s?(?![\w-])(?=\s+[a-z])")
# "the number of artists who signed has grown to 1,300"
# and "the passenger total at 122", "the death toll has risen to 12": a total of a singular noun
QUALIFIED = r"(?:final|latest|official|new|revised|updated|overall|total)"
NUMBER_OF = re.compile(rf"\b(?:the|its|their|[a-z]+'s) (?:{QUALIFIED} )?"
                       rf"(?:(?:(?:number|count|total|tally|fleet|pool|team|list) of (?:[a-z-]+\s+)?|"
                       rf"(?:estimate|figure) (?:of|for) (?:(?:the|its|their|this|these|those|his|her)\s+)?"
                       rf"(?:[a-z]+'s\s+)?)(?P<noun>[a-z]+s|{PLURAL_WORDS})|(?!{QUALIFIED}\b)(?P<single>[a-z]{{4,}}) (?:total|toll|count|tally))"
                       rf"\b(?:(?!last (?:year|season|month)\b|(?:19|20)\d\d\b)[^.;]){{0,80}}?"  # (not another year's)
                       rf"\b(?:to|at|reached|hit|passed|topped|is|was|stands at|stood at)\s+(?:(?:just |well )?(?:more than|over|about|nearly|almost|roughly|around|some) )?"
                       rf"(?!an?\b)(?P<n>{NUMBER})(?![a-z])")
# "a further 15 pupils were moved, bringing the number taught at Ashcombe to 63": a total of what was added
# (not "bringing the total discharged to 30": a total of another act than the count it adds to)
BRINGING_TOTAL = re.compile(rf"\b(?:bringing|taking|pushing|lifting|raising)\s+(?:the|its|their)\s+"
                            rf"(?:overall\s+|new\s+)?(?:total|number|count|tally)\b"
                            rf"(?!\s+(?:[a-z]+ed|sent|taken|given|kept|held|seen|made)\b)"
                            rf"[^.;,]{{0,60}}?\bto\s+(?:(?:about|around|nearly|almost|some|"
                            rf"roughly|more than|over)\s+)?(?P<n>{NUM})(?![\w%$])")
# a count whose noun is the subject and whose number follows a verb of reaching: "refund requests have
# passed 6,000", "flights cancelled since Thursday now number more than 520"
COUNT_REACHED = re.compile(rf"\b(?:(?:have|has|had)\s+)?(?:(?:now|already|so far|since)\s+)?(?:passed|topped|exceeded|"
                           rf"surpassed|reached|hit|number|numbered|totall?ed|totals?|stands? at|stood at|"
                           rf"(?:rose|risen|climbed|grew|grown|jumped|increased|fell|fallen|dropped|declined) to)\s+"
                           rf"(?:(?:just |well )?(?:over|under|more than|about|nearly|almost|some|around|roughly)\s+)?"
                           rf"(?P<n>{NUM}|\b(?!an?\b){WORDNUM})(?![\w%$])")
THE_TOTAL = r"\bthe\s+(?:(?:final|latest|official|new|overall)\s+)?(?:total|tally|count|figure|number)"  # of a count
TOTAL_SUBJECT = re.compile(THE_TOTAL + r"\s+(?:(?:has|had|have|now|already|so far|since|in fact|actually)\s+){0,3}$")
# (right before its verb: not "the total cost")
# the clause's subject: its first plural noun, after any "X said" or "that"
SUBJECT_START = re.compile(r"[;:,]\s|\b(?:said|says|say|told|reported|that|whether|while|but|and)\s")
PLURAL = re.compile(r"\b(?P<noun>[a-z]{3,}(?<![su])s|people|children|staff)\b")
NOT_PLURAL = frozenset("this has was its his hers ours yours theirs thus perhaps always whereas across besides towards "
                       "afterwards sometimes news series".split())
# nouns that can count anyone: "16 individuals" may restate "600 artists", "900 passengers" never restates "two jets"
GENERIC_COUNTED = frozenset("people persons individuals individual names name signatories signatory signatures "
                            "signature members member adults adult".split())
NOT_COUNTED = frozenset("dollars euros pounds yen percent percentage points times years months weeks days hours "
                        "minutes seconds others ones yes half halves third thirds quarter quarters fifth fifths tenth "
                        "tenths".split())  # "three-quarters of the site" is a share
NUMBER_NAMES = tuple(w for w in list(UNITS) + list(TENS) + list(SCALES) if len(w) > 2)
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_NAMES) +
                         r")s?\b")


def parse_number(text: str) -> float | None:
    """'1,000' -> 1000, 'nearly three thousand' is handled by the caller's qualifier; 'three
    thousand' -> 3000, '1.5 million' -> 1.5e6, 'twenty-five' -> 25."""
    t = text.strip().lower()
    m = re.fullmatch(rf"({NUM})(?:\s+(hundred|thousand|million|billion|trillion)|(k))?", t)
    if m:
        scale = SCALES[m.group(2)] if m.group(2) else 1000 if m.group(3) else 1
        return float(m.group(1).replace(",", "")) * scale
    t = re.sub(r"\bhalf an?\b", "half", t)  # "half an hour" is half of one hour
    t = re.sub(r"^an?[\s-]+(?=[a-z])", "", t)  # "a ten-second clip", "a hundred": the article counts nothing
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", t):
        if word in ("and", ""):
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """The qualifier just before a value ("more than", "nearly", ...) and where it starts."""
    window = max(0, start - 25)
    m = _QUAL.search(text[window:start])
    if not m:
        return "exact", start
    return next((k for k, v in m.groupdict().items() if v), "exact"), window + m.start()


DIGIT = re.compile(r"\d")
QUALIFIER_WORDS = frozenset(w for _, v in QUALIFIERS for w in re.findall(r"[a-z]+", v))
# words of an aim not yet carried out, shared with frames.py's modal scope
SEEKING = r"in talks to|seeks? to|seeking to|looking to|negotiating|in negotiations"
# (could, might and may of what may be, not of what a thing could do: "the tool could generate 10-second clips")
# services booked ahead: "planned operations", "scheduled flights" were planned, not a plan
BOOKED = r"(?:operations|surgery|surgeries|procedures|appointments|flights|services|departures|sailings|trains)\b"
MODAL = re.compile(rf"\b(?:will|would|(?:could|might|may) (?:be|have|value|cost|take|reach|rise|climb|fall|drop|exceed|"
                   r"top|hit|need|require|mean|see)|should|hopes?|hoping|hoped|aims?|plans? to|planning|"
                   # "a planned 600 job cuts", "the planned sale", but "planned operations" are operations
                   rf"(?:planned|scheduled)(?!\s+{BOOKED})|due to|expects?|{SEEKING}|intends? to|"
                   r"expected|wants?|targets?|goal|forecasts?|projected|if|once|until)\b")
# the figure talks are about is proposed: "in talks with investors at a valuation approaching $300 billion",
# "in talks to sell the unit for £40m" (not "in talks with unions after cutting 600 jobs", "..., and said")
IN_TALKS = re.compile(r"\bin (?:[a-z]+ )?(?:talks|discussions|negotiations)\b(?:(?!\b(?:said|says|after|and|but|since|"
                      r"because|as)\b)[^,;])*?\b(?:at|for|about|over|on|worth|valu\w*|to (?:raise|sell|buy|acquire))\s+"
                      r"(?:[\w'-]+\s+){0,3}?$")
# "the $1.9 million the utility expects to spend": a relative clause that makes it a plan
PLANNED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:the\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
                           r"(?:expects?|plans?|hopes?|intends?|aims?|wants?|is expected|are expected|proposes?) to\b")
MODAL_VALUE = "~modal"  # role marker of a value stated as a plan, a hope or a condition
# what something "will cost" or "would take" is the estimate of that measure now, not a plan: a later
# "the cost has risen to" updates it
ESTIMATE = re.compile(r"\b(?:cost|take|last)\s+$")
DEADLINE_VALUE = "~deadline"  # of a date by which something must happen or ends
DEADLINE = re.compile(r"\b(?:until|till|deadline (?:of|is|was|to|for)?|expires?(?: on)?|expiring(?: on)?|expiry(?: date)? "
                      r"(?:of|is|was)?|closes? on|runs? until|due by)\s+$")
# what a date is as a date: other measure words near it are only what happened then
DATE_MARKERS = frozenset({"modal", "prior", "by", "market", "deadline", "away"})
# "rose from $45 million to $60 million", "31 ships, up from 26", "15 days rather than the 10":
# the value a quantity had before, or the one it is set against, is not what it is now
PRIOR_VALUE = "~prior"
# a figure set against the one before it: "built in 1958 and not in 1962 as stated", "on 4 May, not on 2 May"
NOT_THEN = re.compile(r"(?:,|\band)\s+not\s+(?:in\s+|on\s+|at\s+|from\s+|by\s+)?(?:the\s+)?$")
AS_GIVEN = re.compile(r",?\s+as\s+(?:[\w'-]+\s+){0,4}?(?:stated|reported|said|claimed|thought|believed|given|announced|"
                      r"suggested|had it)\b")  # (a correction: "..., when staff first saw it" is no figure given)
# an aside telling what was expected before: "the cemetery, which was expected to stay shut for six weeks, will
# now remain closed for ten weeks" (the figure after the aside is the one now)
EXPECTED_ASIDE = re.compile(r",\s+(?:which|that|who)\s+(?:was|were|had\s+been)\s+(?:(?:first|originally|initially|"
                            r"once|previously)\s+)?(?:expected|set|scheduled|planned|forecast|estimated|thought|"
                            r"meant|supposed)\s+to\s+[^,;:]*$")  # (not "due to": a cause as often as a plan)
PRIOR_BEFORE = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|increased|decreased|grew|dropped|climbed|slipped|"
                          r"cut|lowered|raised|revised)\s+from|compared (?:with|to)|against|rather than|instead of|"
                          r"(?:previous|earlier|original|initial|old|former) (?:figure|estimate|total|count|offer|demand|"
                          r"deadline|date|target|forecast)s? of|"
                          r"(?:originally|initially|previously|first|once|had been) (?:set|scheduled|planned|due|expected|"
                          r"promised|given|put) (?:for|at|as)|"
                          r"\bto\s+[^,;]{1,30}?,?\s+from|"  # "to April 11, from March 28"
                          r"\b(?:rais|lower|cut|increas|reduc|lift|trimm?|revis|extend|mov|push|bring|brought)\w*\s+"
                          r"(?:the|its|their|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s+from|"  # "raising the penalty from"
                          r",\s+not)"  # "on June 21, not June 7"
                          r"\s+(?:in\s+|on\s+|at\s+|by\s+)?(?:the\s+|its\s+|their\s+|an?\s+)?"
                          r"(?:(?:usual|normal|standard|original|previous)\s+)?$")
# a first figure given now is the figure, not one it was: "insurers have put an initial figure of £2.4 million on it"
# (not "had put" or "gave": then)
GIVEN_FIGURE = re.compile(r"\b(?:(?:has|have)\s+(?:now\s+)?(?:put|placed|given|set)|puts|places|gives|sets)\s+"
                          r"(?:an?|the|its|their)\s+"
                          r"(?:initial|first|original|early|provisional)\s+(?:figure|estimate)\s+of\s+$")
# "began on March 10, rather than late on Sunday, March 9": a few words of when or how may stand between
# the contrast and the figure it sets aside (not "not only", "not counting"), when a figure came before it
# ("the council, not Fenwick, paid £40,000" sets nothing aside)
CONTRAST = re.compile(r"(?:\brather than|\binstead of|,\s+not(?!\s+(?:only|just|least|even|counting|including|long|until|"
                      r"before|after|far)\b))\s+(?:[a-z]+,?\s+){1,4}$")
# a figure the sentence measures the news against: "far longer than the 72 hours first predicted",
# "double the 10 seconds", "a long way from the sixty-second clips", "well after the 21 March date",
# "far short of the one-minute videos"
COMPARED = re.compile(r"(?:(?<!\bno )\b(?:(?!other\b)[a-z]{3,}er|more|less) than|(?:,|\bthan)\s+(?:double|twice|triple)(?: of)?|"
                      r"\bbeyond|\ba long way from|\bfar from|\b(?:well|far|way) (?:above|below|after|before|short of))\s+"
                      r"(?:the|its|their)\s+$")
# a figure the sentence says is out of date, before the one it gives now: "put its worth at $150 billion,
# but the round had in fact valued it at $157 billion"
SUPERSEDED = re.compile(r"\b(?:in fact|actually|in reality|out of date|outdated|already dated|understated|overstated|"
                        r"no longer (?:accurate|correct|current))\b")
# a measure the news is a fraction of, written as a modifier: "a third of the one-minute length" (not "a third
# of the 600 people it employs", the whole the other figure is part of)
PART_OF_MEASURE = re.compile(r"\b(?:a|one|two|three) (?:half|third|thirds|quarter|quarters|tenth|fraction) of (?:the|its|their)\s+$")
# a figure the sentence gives as what somebody called it, beside another of its kind: "the letter called
# OpenAI a $150B company; this month its valuation is near $300 billion" (where the sentence says which
# figure is out of date, SUPERSEDED decides: "... actually put it at $157 billion")
DESCRIBED = re.compile(r"\b(?:called|calls|described|describes|dubbed|branded|billed|put\s+(?:[\w'-]+\s+){1,3}?at)\s+"
                       r"(?:[\w'-]+\s+){0,3}?(?:as\s+)?(?:an?\s+|the\s+)?$")
# a bare number said as what a count was before: "up from 14", "compared with 12 at the outset", "higher than
# the figure of about 480 given at the time"
BARE_PRIOR = re.compile(rf"(?:\b(?:(?:up|down|rising|falling|rose|fell)\s+from|\bcompared (?:with|to)|\bagainst|"
                        rf"\brather than|\binstead of)(?:\s+the)?|(?<=\d\s)from|"
                        rf"\b(?:[a-z]{{3,}}er|more|less) than (?:the|its|their) (?:[a-z]+\s+)?(?:figure|estimate|total|count|"
                        rf"number|tally) of(?:\s+(?:about|around|roughly|some|nearly|almost|approximately))?)"
                        rf"\s+(?P<n>{NUM}|(?!an?\b){WORDNUM})\b(?!\s*(?:%|per\s?cent|[.,]\d))")
BARE_NOW = re.compile(rf"\b(?:raised|rose|risen|increased|extended|grown|grew|climbed|lifted|doubled|cut|lowered|"
                      rf"reduced|runs|run|ran|goes|went)\s+(?:up\s+)?to\s+(?P<n>{NUM}|(?!an?\b){WORDNUM})(?![\w%$.,-]\w)"
                      rf"(?=\s*(?:[,.;:)]|$|(?:in|on|by|from|after|for|last|this|and|but|now)\b))")
TURN = re.compile(r"\b(?:but|whereas|while|now|since|later|then)\b")  # from what a figure was to what it is
LIMIT = re.compile(r"\b(?:limit|cap|maximum|ceiling|length|allowance|quota)s?\b")  # of a bound, not another sum
CORRECTED = re.compile(rf",?\s+(?:and\s+)?not\s+(?:the\s+)?(?P<n>{NUM}|(?!an?\b){WORDNUM})(?![\w%$-])")
FROM_TO = re.compile(r"\bfrom\s+(?:the\s+(?:usual|normal|standard|original|previous)\s+)?$")  # "from X" is prior
# only when "to Y" follows
TO_AFTER = re.compile(r"[\s\w-]{0,25}?\s+to\s+(?:about\s+|around\s+|nearly\s+|more than\s+|over\s+|some\s+|just\s+)?"
                      r"(?:\$|\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s)")
# "extended by five days", "prices are up 20%": an amount of change, not a level
DELTA_VALUE = "~by"
# an amount added, whatever it counts: "another 40 homes", "cost a further £9,000"
ADDED = r"\b(?:another|a further|an additional|an extra)\s+$"
DELTA_BEFORE = re.compile(r"\b(?:rose|rise|risen|rising|fell|fall|fallen|falling|increased?|decreased?|grew|grown|dropped|"
                          r"drop|cut|reduced?|raised?|extended|extend|shortened|lowered|climbed|jumped|slipped|declined|"
                          r"up|down|more|less|higher|lower)\s+(?:\w+\s+){0,3}?by\s+$|\b(?:up|down)\s+$"
                          r"|\b(?:rose|fell|jumped|climbed|slipped|dropped|gained|declined|surged|tumbled|sank|plunged|"
                          r"soared|edged (?:up|down)|(?:has|have|had|will|to) add(?:ed)?)\s+(?:some\s+|about\s+|nearly\s+|almost\s+|another\s+)?$"
                          rf"|{ADDED}")
# the part of a count added or set apart, not its total: "three new cases", "the five newest patients"
INCREMENT = re.compile(r"\b(?:new|newest|latest|more|further|additional|extra|fresh|other|remaining)\b")
ADDED_BEFORE = re.compile(ADDED)
# a price on the market ("Vantis shares closed at $43.10", "its closing price of $32.45") is that
# day's quote: other days give other quotes, and none of them changes the story
# a value the sentence itself says is of another one: compared only with another such value
ELSEWHERE_VALUE = "~elsewhere"
ELSEWHERE = re.compile(r"\b(?:unrelated|separate|of (?:its|their|his|her) own|by comparison|elsewhere|neighbou?ring|"
                       r"nationally|nationwide|across the country|in an? (?:average|typical|normal) (?:year|month|week)|"
                       r"an? (?:19|20)\d\d\b|an? (?:similar|comparable)\b)")
# what a clause tells of an event of the kind set in the past: "an attack on Brackenfield last year, in which 19
# servers were encrypted", "an incident at Castlemere Lido in 2021, when 12 swimmers were treated"
PAST_EVENT = re.compile(r"\ban? (?!(?:[\w-]+ )?(?:statement|report|letter|interview|briefing|update|review|filing|memo|"
                        r"note|post|email)\b)[\w&'-]+(?: [\w&'-]+){0,6}? (?:last year|(?:in|of) (?:19|20)\d\d|"
                        r"(?:\w+ )?years? (?:ago|earlier|before))\s*,?\s*(?:in which|when|during which|where)\b")
# a sentence set in another place from its first words: "In neighbouring Pell County, where ..."
# or about another event of the kind, from its first words or an opening phrase: "A comparable clean-up in 2019
# cost ...", "At the height of a smaller spill at Brackwater in 2019, ...", "The last comparable fire in the county"
# (not "In a separate statement, ...": other news of the same story; and an opening phrase names the other
# event's year)
OTHER_EVENT = r"(?:an?|the (?:last|latest|most recent|previous)) (?:smaller|similar|separate|comparable|previous)\b(?!\s+(?:development|statement|briefing|" \
              r"interview|announcement|update|report|letter|email|post|note|move|step|appeal|decision)\b)"
# or about the other one of an owner's ("Kelsall's other landfill covers 11 hectares"), perhaps as reported
ELSEWHERE_OPENING = re.compile(rf"(?:(?:in|at|across) )?(?:neighbou?ring|nearby|adjacent)\b|elsewhere\b|{OTHER_EVENT}|"
                               r"(?:by|in|for) comparison\b|"  # "By comparison, the Castlebridge 10K used four"
                               r"(?:[\w' ]{0,40}?\b(?:said|says)\s+(?:that\s+)?)?"
                               r"(?:its|their|his|her|(?:[a-z]+\s+){0,3}[a-z]+'s) other\b|"
                               rf"[^,;:.]{{0,60}}?\b{OTHER_EVENT}[^,;:.]{{0,60}}\b(?:19|20)\d\d\b[^,;:.]{{0,30}},(?!\d)")
# "In the neighbouring resort of Oberau, bookings dipped", "a chairlift at nearby Grauspitz": another place's
# figure when its clause names nothing of the story's ("At a nearby hotel, Quill said the library's ..." does)
NEARBY_OPENING = re.compile(r"(?:in|at|across) (?:the |a )(?:neighbou?ring|nearby|adjacent)\b")
NEARBY = re.compile(r"\b(?:at|in) nearby\b")
# a place set apart by its distance: "at a turkey farm eight kilometres away, 1,200 birds were culled"
AWAY = re.compile(r"\b(?:miles|kilometres|kilometers|km)\s+away\s*,")
AWAY_VALUE = "~away"  # of a sentence set elsewhere: a date there is another place's too
# a sentence about a lower tier of a product's users: its limits are that tier's, not the product's figure
# ("Plus users get five-second clips at up to 720p"; the top tier's, "Pro users can make 20-second clips", are)
TIER = re.compile(r"(?:other|free|basic|standard|plus|cheaper|lower)(?:-tier)? "
                  r"(?:users|members|subscribers|customers|accounts)\b")
GROUP = re.compile(r"\b[\w-]+ (?:users|members|subscribers|customers|accounts)\b")
MARKET_VALUE = "~market"
STOCK = re.compile(r"\b(?:shares?|stocks?|share price|stock price)\b")
MOVE_BEFORE = re.compile(r"\b(?:fell|fallen|falls?|down|lost|loses|shed|sheds|dropped|drops?|slid|slumped|sank|plunged|"
                         r"tumbled|rose|risen|rises?|up|gained|gains|jumped|climbed|added)\s+(?:(?:about|around|roughly|"
                         r"nearly|almost|some|another|more than|over|a further|by)\s+)?$")
MOVE_AFTER = re.compile(r"\s+(?:below|above|lower|higher|down|up)\b")
# a move that day: "on Monday", "in early trading", "on the news" (the news of the sentence before)
ONE_DAY = re.compile(r"[^.;]{0,20}?\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|in (?:early |"
                     r"late |morning |afternoon )?trading|on the (?:news|announcement|report|decision))\b")
DAY_BEFORE = re.compile(r"\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)\b[^,;]*$")
SINCE = re.compile(r"\b(?:since|over the past|so far)\b")
MARKET_BEFORE = re.compile(r"\b(?:shares?|stocks?)\b[^.;,]{0,40}?\b(?:closed|opened|ended|finished|traded|trading|rose|"
                           r"fell|jumped|climbed|slipped|dropped|gained|lost|surged|tumbled|sank|plunged|soared|"
                           r"(?:was|were) (?:up|down))\b[^.;,]{0,25}$|\b(?:closing|share|stock|opening) price\b[^.;,]{0,12}$")
CALENDAR = frozenset(list(MONTHS) + [d + "day" for d in "mon tues wednes thurs fri satur sun".split()])
NUMBER_STEM = re.compile(r"hundr\w*|thousand\w*|million\w*|billion\w*|dozen\w*")
# words that only say how a quantity is measured; sharing them says nothing of what it measures
STRUCTURAL = frozenset("last lasted lasting long length for within inside took take spent online up to more less "
                       "than about some only just generate since until from extra additional total per each "
                       "another new early late".split())  # "early", "late": when in a day or month, not what happened
UNIT_WORDS = frozenset(list(UNITS) + list(TENS) + list(SCALES) + list(SECONDS) + [u + "s" for u in SECONDS]
                       + ["dollar", "dollars", "usd", "bn", "mn", "long", "percent", "per", "cent", "percentage",
                          "point", "points"])
TIME_UNITS = ("sec", "min", "hour", "hr", "day", "week", "month", "year")


WORTH_BEFORE = re.compile(r"\b(?:worth|valued|valuing)\s+(?:at\s+)?(?:[\w-]+\s+)?$")
# nouns that say what a sum of money or a count measures: a stake is not a valuation
MEASURES = {w: w for w in """stake share shares salary revenue revenues sales profit profits loss losses funding round
    raise investment investments deal fine fines cost costs budget price fee fees bonus income debt grant grants award
    demand demands
    prize settlement damages donation spending payment payments subscription plan tier contract acquisition
    offer capex wage tax taxes""".split()}
MEASURES.update(dict.fromkeys("penalty penalties penalt".split(), "fine"))
MEASURES.update(dict.fromkeys("payroll wages".split(), "wage"))  # "missed its payroll": staff left without wages
MEASURES.update(dict.fromkeys("discount discounts".split(), "discount"))  # "a 25 percent discount" is no share of people
MEASURES.update(dict.fromkeys("valuation valued value worth market cap capitalisation capitalization".split(), "value"))
MEASURES.update({"bill": "cost", "bills": "cost", "fund": "funding", "rais": "raise", "sale": "sales", "cost": "cost", "pric": "price", "pay": "payment",
                 "invest": "investment", "committ": "commitment", "commit": "commitment", "owed": "debt", "owe": "debt", "owing": "debt", "los": "loss", "spend": "spending", "grant": "grant", "fin": "fine"})
MEASURE_NAMES = frozenset(MEASURES.values())
COST_BILL = re.compile(r"\b(?!(?:a|an|the|this|that|its|their|his|her|new|passed|introduced|draft)\b)[a-z]+ bills?\b|\bbills? for\b")  # "the removal bill", "the bill for repairs"
PRODUCT_SUMS = frozenset({"~plan", "~tier", "~subscription"})
AFTER_SUM = frozenset("for from and but per each with into over under since before after across".split())
OWED = frozenset("owed owe owing".split())
VERB_MEASURES = frozenset("rais pay spend invest fund committ commit owed owe owing".split())  # stems of verbs: a measure only right before the sum
RATE_BEFORE = re.compile(r"\b(daily|weekly|monthly|yearly|annual|annually|full-year|quarterly|(?:first|second|third|"
                         r"fourth)[\s-]quarter|half-year)\b[^.;,]*$")
RATES = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year", "annually": "year",
         "full-year": "year", "quarterly": "quarter", "half-year": "half"}  # "first-quarter revenue" is a quarter's
# a duration is how long something lasted ("lasted three hours", "online for an hour") or
# how long a thing is ("a 10-second clip", "20 seconds long"): two different measures
LENGTH_AFTER = re.compile(r"^[\s-]*(?:long\b|in length\b|-long\b)")
# "clips now run to 20 seconds", "the longest video is 20 seconds", "capped at ten seconds"
LENGTH_BEFORE = re.compile(r"\b(?:runs?|running|ran|(?:longest|maximum|max)(?:\s+[\w-]+)?|capped|tops? out|topped out|"
                           r"limit(?:s|ed)?(?: [\w-]+){0,2}? to)\s+"
                           r"(?:(?:at|to|of|is|was|are|were)\s+)?(?:(?:only|just|about|around|roughly|nearly|almost|"
                           r"up to|at most)\s+)?$")
# the qualifiers a duration may carry after the words that say what it measures
LEAD_QUALIFIERS = r"only|just|about|around|roughly|nearly|almost|some|less than|more than|over|under|up to|at least|at most"
LASTING_BEFORE = re.compile(r"\b(?:for|lasted|lasting|last|lasts|within|inside|after|took|takes|spent|online for)\s+"
                            rf"(?:(?:{LEAD_QUALIFIERS})\s+)?$")
# time somebody spent at a place or on a task ("inspectors spent two days at the hospital", "spent a week
# reviewing records") is not how long a thing lasted; time spent in a state is ("spent three hours trapped")
SPENT_BEFORE = re.compile(rf"\b(?:spent|spend|spends|spending)\s+(?:(?:{LEAD_QUALIFIERS})\s+)?$")
SPENT_AFTER = re.compile(r"\s+(?:at|on|with|visiting|[a-z]+ing)\b")
# "puts the page's lifetime at four hours": a noun naming how long something lasted
LIFETIME = re.compile(r"\b(?:lifetime|lifespan|life span|duration|uptime|outage)\s+(?:(?:of|at|was|is|to)\s+)+"
                      rf"(?:(?:{LEAD_QUALIFIERS}|just under|just over)\s+)?$")
CLAUSE = re.compile(r"[;:]|,\s|\s-\s|\bwhile\b|\bwhereas\b|\bbut\b")
# "the estimated cost of the new stadium has risen to £197 million": the value is what the
# clause's subject measures, however long the subject
LEVEL_VERB = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:(?:now|again|since|already|further)\s+)?(?:risen|rose|climbed|"
                        r"grown|grew|increased|jumped|fallen|fell|dropped|reached|stands|stood|totals|totalled|"
                        r"swelled|soared|doubled|come down|came down|come in|came in|(?:been\s+)?(?:put|estimated|pegged))"
                        r"(?:\s+again)?,?\s+(?:to|at)?\s*$")


def _role(s: str, start: int, end: int, role_tokens) -> tuple[str, ...]:
    """The words around a value, within its clause: what it counts or measures."""
    weekday = re.search(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s*$", s[max(0, start - 12):start])
    if weekday:  # "collected on Saturday, March 1": the comma is inside the date
        start -= len(weekday.group(0))
    cuts = [m for m in CLAUSE.finditer(s, max(0, start - 90), start)]
    lo = cuts[-1].end() if cuts else max(0, start - 60)
    if cuts and re.match(r"\s*(?:which|who|that)\b", s[lo:]):  # "the letter, which now carries ...": the letter
        lo = cuts[-2].end() if len(cuts) > 1 else max(0, start - 90)
    hi = next((m.start() for m in CLAUSE.finditer(s, end, min(len(s), end + 45))), min(len(s), end + 45))
    if not re.search(r"[a-z]{3,}", re.sub(r"\b(?:for|about|around|over|under|nearly|almost|some|just|only|to)\b", "",
                                          s[lo:start])):  # "For three hours, anyone could ...": the clause after,
        hi = min(len(s), max(hi, end + 60))  # and "the cost has climbed again, to £23 million": the one before
        lo = cuts[-2].end() if len(cuts) > 1 else max(0, start - 90) if cuts else lo
    if not cuts and start < 150 and LEVEL_VERB.search(s, max(0, start - 40), start):
        lo = 0  # the whole subject before the verb says what is measured
    while 0 < lo < start and s[lo - 1].isalnum():  # whole words only
        lo += 1
    while hi < len(s) and s[hi].isalnum():
        hi += 1
    words = role_tokens(lo, start) + role_tokens(end, hi) + role_tokens(start, end)
    role = {w for w in words if not DIGIT.search(w) and w not in QUALIFIER_WORDS and w not in UNIT_WORDS
            and w not in CALENDAR and not NUMBER_STEM.fullmatch(w)}
    # a verb before the value is no measure noun ("has offered a 25 percent discount"), but for one that
    # names the sum itself right before it ("raised $6.6 billion", though "raised to 40%" is a rise)
    verbs = {t for v in re.finditer(r"\b[a-z]{3,}ed\b", s[max(lo, start - 30):start])
             for t in role_tokens(max(lo, start - 30) + v.start(), max(lo, start - 30) + v.end())}
    following = re.match(r"[\s-]+([a-z]{3,})\b", s[end:])
    if re.search(r"\bto\s+$", s[max(0, start - 6):start]):
        pass
    elif not following or following.group(1) in AFTER_SUM:
        verbs = set()  # "offered $30 a share for Quorra": the verb names the sum
    else:
        verbs -= VERB_MEASURES | {"value", "pric", "fin"}  # "valued at", "priced at", "fined"
    linked = WORTH_BEFORE.search(s, max(0, start - 30), start) is not None
    whole = not re.match(r"[\s-]*(?:a|an|per|each)\b", s[end:])  # not a rate: "$20 a month" prices a plan
    measure = _measure(role_tokens(max(lo, start - 30), start)[::-1], role_tokens(end, min(hi, end + 22)),
                       verbs, linked, whole) or next(
        (MEASURES[w] for w in sorted(role) if w in MEASURES and MEASURES[w] != "value" and w not in VERB_MEASURES | verbs
         and (w not in ("bill", "bills") or COST_BILL.search(s, lo, hi))),  # "passed a bill": a law
        None)  # "revenues rose to $4B"
    role = {w for w in role if w not in MEASURES}
    modal = [m.group(0) for m in MODAL.finditer(s, lo, start)]
    if IN_TALKS.search(s, lo, start):
        modal.append("talks")
    if DEADLINE.search(s, max(0, start - 30), start):  # "open until June 20", "the deadline of Sept 19"
        role.add(DEADLINE_VALUE)
        modal = modal[:-1] if modal and modal[-1] in ("until", "by") else modal
    if (modal or PLANNED_AFTER.match(s, end)) and not ESTIMATE.search(s, max(0, start - 12), start):
        role.add(MODAL_VALUE)
    lead = s[max(0, start - 45):start]
    contrast = CONTRAST.search(lead)
    if (PRIOR_BEFORE.search(lead) and not GIVEN_FIGURE.search(lead)) or COMPARED.search(lead) \
            or PART_OF_MEASURE.search(lead) and "-" in s[start:end] \
            or contrast and re.search(r"\d", s[:start - len(lead) + contrast.start()]) \
            or FROM_TO.search(lead) and TO_AFTER.match(s, end):
        role.add(PRIOR_VALUE)
    elif DELTA_BEFORE.search(lead):
        role.add(DELTA_VALUE)
    if (market := MARKET_BEFORE.search(s, max(0, start - 70), start)) and not _goods(s, market.start(), role_tokens):
        role.add(MARKET_VALUE)
    nearby = (NEARBY_OPENING.match(s) or NEARBY.search(s, lo, hi)) and not any(w.startswith("ent_") for w in role)
    if ELSEWHERE_OPENING.match(s) or AWAY.search(s) or nearby:
        role.add(AWAY_VALUE)
    elif ELSEWHERE.search(s, lo, hi) or _lower_tier(s, lo, start) or any(  # "three unrelated cases", "cases of
            # their own", "a 2023 recall ... involved"; and within the clause that tells of a past event
            e.end() <= start and not re.search(r"[,;]", s[e.end():start]) for e in PAST_EVENT.finditer(s, 0, start)):
        role.add(ELSEWHERE_VALUE)
    return tuple(sorted(role | ({f"~{measure}"} if measure else set())))


def _goods(s: str, at: int, role_tokens) -> bool:
    """Is the market word at `at` ("stock", "shares") part of a story entity's name ("the vaccine
    stock"): goods held, not shares?"""
    word = re.match(r"[a-z]+", s[at:])
    return bool(role_tokens and word) and any(t.startswith("ent_") for t in role_tokens(at, at + word.end()))


def _lower_tier(s: str, lo: int, start: int) -> bool:
    """Is the value said of a lower tier's users: the sentence opens with them, and the value's
    own clause names no other group ("..., while Pro subscribers can produce 20-second videos")?"""
    group = GROUP.search(s, lo, start)
    return TIER.match(s) is not None and (group is None or TIER.match(group.group(0)) is not None)


def _share_move(role: tuple[str, ...], s: str, end: int) -> tuple[str, ...]:
    """A share price's move in percent, however said ("shares are down 18 percent", "have lost
    31 percent of their value", "now 27 percent below"): one measure, and a single day's move
    ("fell 12 percent on Tuesday") a market quote of that day, not the move since the event."""
    clause = re.split(r"[,;]", s[end:], maxsplit=1)[0]
    day = (ONE_DAY.match(clause) or DAY_BEFORE.search(s, max(0, end - 60), end)) and not SINCE.search(clause)
    return tuple(sorted({w for w in role if not w.startswith("~")} | {DELTA_VALUE, "~share"}
                        | ({MARKET_VALUE} if day else set())))


def _measure(left: tuple[str, ...], right: tuple[str, ...], verbs: set[str] = frozenset(),
             linked: bool = True, whole: bool = True) -> str | None:
    """What a sum or count measures, from the nearest measure noun: "$10.5 billion stake",
    "revenue of $3 billion". A value word links to the noun before it ("a stake worth $10.5
    billion" is a stake; "OpenAI, valued at $157 billion" is a valuation), but the noun
    "valuation" does not (linked: the text says worth or valued). Pricing a story entity at a
    whole sum is valuing it ("the round priced the company at $157 billion"; "priced the app
    at $20 a month" is a price). A story entity is the
    measure its name ends in ("the ransom demand" is a demand)."""
    entity = bool(left) and left[0].startswith("ent_")
    left = tuple("" if w in verbs else _head(w) for w in left)
    right = tuple(map(_head, right))
    for i, w in enumerate(left[:2]):
        if w in MEASURES and (i == 0 or w not in VERB_MEASURES):  # "raised its demand to $6m" is a demand
            if MEASURES[w] == "value":  # linked only when right before the sum: "a round valued OpenAI at"
                before = left[i + 1] if i == 0 and i + 1 < len(left) and linked else ""
                return MEASURES[before] if before in MEASURES else "value"
            if w == "pric" and i == 1 and entity and whole:  # "priced <entity> at"
                return "value"
            return MEASURES[w]
    return next((MEASURES[w] for w in right[:2] if w in MEASURES and w not in OWED), None)  # "£3.1m is owed to
    # HMRC" and "£3.1m is due to HMRC" are one sum; "owed £3.2 million" is a debt


def _head(word: str) -> str:
    return word.rsplit("_", 1)[-1] if word.startswith("ent_") else word


def find_values(sentence: str, role_tokens=None) -> tuple[Value, ...]:
    """The quantities of a sentence. role_tokens(start, end) -> the word tokens of the folded
    sentence between those offsets (claims.tokens, passed in to keep imports one-way)."""
    s = fold(sentence)
    role_of = (lambda a, b: _role(s, a, b, role_tokens)) if role_tokens else (lambda a, b: ())
    # each pattern needs a word the sentence may not have: most sentences skip most patterns
    digit = DIGIT.search(s) is not None
    original = sentence if len(sentence) == len(s) else s  # show values as written where we can
    found: list[tuple[int, int, Value]] = []

    def add(m: re.Match, kind: str, amount: float, noun: str = "", end: int | None = None,
            qualifier: str | None = None, start: int | None = None) -> None:
        start = m.start() if start is None else start
        end = m.end() if end is None else end
        if any(a < end and start < b for a, b, _ in found):
            return
        if qualifier is None:
            qualifier, qstart = _qualifier(s, start)
        else:
            qstart = start
        role = role_of(qstart, end)
        if kind == "count" and (per := COUNT_RATE.match(s, end)):  # "about 20 a week", "85,000 barrels of crude a
            # day" are rates, never a total
            noun = f"{noun}/{per.group(1)}"
        if kind in ("duration", "resolution"):  # a clip's length "on the Pro plan" is no sum the plan costs
            role = tuple(w for w in role if w not in PRODUCT_SUMS)
        if kind == "count" and noun:  # "72 drivers had been on the payroll" counts drivers, not wages
            role = tuple(w for w in role if w[1:] not in MEASURE_NAMES)
        if kind == "count" and role_tokens and noun not in role and not noun.startswith("ent_"):
            role = tuple(sorted(role + (noun,)))  # what it counts, even where a story name took the word
        if kind == "percent" and "~share" in role and re.search(r"\bshare of\b", s[max(0, qstart - 80):qstart]):
            role = tuple(w for w in role if w != "~share")  # "puts the share of its collection digitised at 35%": a part
        stock = STOCK.search(s, max(0, qstart - 80), qstart) if kind == "percent" else None
        if stock and not _goods(s, stock.start(), role_tokens) and (
                MOVE_BEFORE.search(s, max(0, qstart - 40), qstart) or MOVE_AFTER.match(s, end)):
            role = _share_move(role, s, end)
        found.append((start, end, Value(kind, amount, original[qstart:end].strip(), qualifier, noun, role)))

    for m in MONEY.finditer(s) if any(c in s for c in ("$", "£", "€", "usd", "dollars", "gbp", "pounds", "eur")) else ():
        if m.group("n"):
            amount = float(m.group("n").replace(",", "")) * SUFFIX.get(m.group("s") or "", 1)
        else:
            n = parse_number(m.group("n2"))
            if n is None:
                continue
            amount = n * SUFFIX.get(m.group("s2") or m.group("s3") or "", 1)
        rate = re.search(r"month|year|week|day|share", m.group("rate") or "")
        before = RATE_BEFORE.search(s, max(0, m.start() - 80), m.start())  # "the daily cost ... at $60 million"
        per = rate.group(0) if rate else RATES.get(before.group(1), "quarter") if before else ""
        currency = CURRENCIES[(m.group("cur") or m.group("cur2") or m.group("cur3")).strip()]
        add(m, "money", amount, f"{currency}/{per}" if currency and per else currency or per)
    for m in DURATION.finditer(s) if any(u in s for u in TIME_UNITS) else ():
        n = parse_number(m.group("n"))
        if n is None or n == 0 or m.group("u") == "second" and n == 1 and not re.match(
                r"\s*(?:[.,;:)]|$|later|ago|long|or|and|of|to|in|per|after|before)", s[m.end("u"):]):
            continue  # "a second statement" counts statements
        if m.group("tail") and not DURATION_LEAD.search(s[max(0, m.start() - 40):m.start()]):
            continue  # "comes two weeks after": an offset in time, not how long something lasted
        if n > 1 and s[m.end("u"):m.end("u") + 1] != "s" and re.match(r"\s+\d", s[m.end("u"):]):
            continue  # "180 Year 11 pupils": a school year names a group, it lasts nothing
        if re.match(r"[\s-]+old\b", s[m.end("u") + (s[m.end("u"):m.end("u") + 1] == "s"):]):
            continue  # "an 88-year-old retired postman": an age
        if WINDOW_BEFORE.search(s, max(0, m.start() - 50), m.start()):
            continue  # "home for the first time in two weeks", "the worst week in five years": a span looked back over
        n += 0.5 if m.group("half") else 0  # "an hour and a half"
        unit_end = m.end("half") if m.group("half") else m.end("u") + (s[m.end("u"):m.end("u") + 1] == "s")
        length = bool(LENGTH_AFTER.match(s[unit_end:])) or bool(re.match(r"-\w+\s+[a-z]", s[m.end("n"):unit_end + 12])
                                                                  and "-" in s[m.end("n"):m.start("u")])
        lasting = bool(LASTING_BEFORE.search(s[max(0, m.start() - 30):m.start()]) or
                       LIFETIME.search(s[max(0, m.start() - 40):m.start()]))
        length = length or bool(re.search(r"\bas long as\s*$", s[max(0, m.start() - 12):m.start()])) or \
            bool(LENGTH_BEFORE.search(s[max(0, m.start() - 30):m.start()]))
        spent = SPENT_BEFORE.search(s[max(0, m.start() - 30):m.start()]) is not None and \
            SPENT_AFTER.match(s, unit_end) is not None
        add(m, "duration", n * SECONDS[m.group("u")], "spent" if spent else "length" if length and not lasting
            else "lasting" if lasting else "", end=unit_end)
    for m in ORDINAL_PERIOD.finditer(s) if any(u in s for u in TIME_UNITS) else ():
        n = ORDINALS.get(m.group("n")) or int(m.group("n")[:-2])
        add(m, "duration", n * SECONDS[m.group("u")], "lasting", start=m.start("n"), qualifier=RUNNING)
    for m in PERCENT.finditer(s) if "%" in s or "cent" in s or "percentage" in s else ():
        n = parse_number(m.group("n") or m.group("pn"))
        if n is not None:
            add(m, "percent", n, "points" if m.group("points") or m.group("pn") else "")
    for m in FRACTION.finditer(s):
        if not m.group("in") and not (FRACTION_OF.match(s, m.end()) or FRACTION_LEAD.search(s, max(0, m.start() - 12),
                                                                                               m.start())):
            continue
        if re.search(r"\b(?:first|second|last|latter|other|back|front)\s+$", s[max(0, m.start() - 10):m.start()]):
            continue  # "the first half of 2025" is a period of time
        if m.group("in"):
            part, whole = parse_number(m.group("k")), parse_number(m.group("in"))
            share = 100 * part / whole if part and whole and part < whole else None
        elif m.group("half"):
            share = FRACTIONS["half"]
        else:
            share = (parse_number(m.group("n")) or 1) * FRACTIONS[m.group("f")]
        if share:
            add(m, "percent", round(share, 2))
    for m in TEMPERATURE.finditer(s) if digit else ():
        if m.group("bare") and original[m.start("bare")] not in "CF":
            continue  # "a 5c coin"
        degrees = float(m.group("n")) * (-1 if m.group("minus") else 1)
        if (m.group("deg") or m.group("bare") or m.group("word"))[0] == "f":
            degrees = round((degrees - 32) * 5 / 9, 1)
        add(m, "temperature", degrees)
    for m in TIME_OF_DAY.finditer(s) if digit and "m" in s else ():
        minutes = int(m.group("h")) % 12 * 60 + int(m.group("m") or 0) + (0 if m.group("am") else 720)
        bound = TIME_BOUND.search(s, max(0, m.start() - 8), m.start())
        add(m, "time", minutes, qualifier=("less" if bound.group("less") else "more") if bound else None)
    for m in RESOLUTION.finditer(s) if digit else ():
        lines = float(m.group("n")) if m.group("n") else {"4": 2160.0, "8": 4320.0}[m.group("k")]
        add(m, "resolution", lines)
    for m in DATE.finditer(s) if digit or any(name in s for name in MONTHS) else ():
        value = _date(m)
        if value:
            add(m, "date", value[0], qualifier=value[1], start=m.start() + len(m.group()) - len(m.group().lstrip()))
    for m in COUNT.finditer(s) if digit or NUMBER_WORD.search(s) else ():
        if m.group("vague"):  # "hundreds of artists": a range, from the least it can mean to ten times that
            word = m.group("vague").split()[0]
            add(m, "count", VAGUE[word], _counted(m, "vnoun", m.start() + len(word) + 4, role_tokens), qualifier="vague")
            continue
        noun = m.group("noun")
        if noun in NOT_COUNTED or noun in NOT_PLURAL or len(noun) < 4:  # "fell to 43 this week"
            continue
        if m.group("n").strip() in ("a", "an"):
            continue  # "a group of artists" is no count
        if m.start() and re.search(r"\w[A-Z][\w]*[- ]$|^.+\b[A-Z][\w]*[- ]$", original[max(0, m.start() - 20):m.start()]):
            continue  # part of a name: "HP-140 engines", "Corvan 72 turboprops", "Boeing 737 jets"
        n = parse_number(m.group("n"))
        if not n or n == 1:
            continue  # no number, the "000" tail of "1 000" written with a space, or "one group of"
        if SOURCES.match(s, m.end()):
            continue  # who told the reporter, not a figure of the story: "two signatories told us"
        before = len(found)
        add(m, "count", n, _counted(m, "noun", m.start("tail"), role_tokens))
        if len(found) > before and (INCREMENT.search(s, m.start("tail"), m.start("noun"))
                                    or ADDED_BEFORE.search(s, max(0, m.start() - 16), m.start())):
            start, end, v = found[-1]  # "three new cases", "another 40 homes": what was added, not the total
            found[-1] = (start, end, replace(v, role=tuple(sorted(set(v.role) | {DELTA_VALUE}))))
    for m in TIMES_DONE.finditer(s) if " times" in s else ():
        n = parse_number(m.group("n"))
        if n and n > 1:
            add(m, "count", n, m.group("verb"), start=m.start("n"))
    for m in PART_OF.finditer(s) if digit or NUMBER_WORD.search(s) else ():
        n = parse_number(m.group("n"))
        if n and n > 1 and m.group("noun") not in NOT_COUNTED:
            add(m, "count", n, _counted(m, "noun", m.start("tail"), role_tokens), end=m.start("whole"))
    for m in COMPOUND.finditer(s) if digit or NUMBER_WORD.search(s) else ():
        n = parse_number(m.group("n"))
        if n and n > 1 and m.group("unit") + "s" not in NOT_COUNTED:
            add(m, "count", n, m.group("unit"), end=m.end("unit"))
    for m in NUMBER_OF.finditer(s) if digit or NUMBER_WORD.search(s) else ():
        n, group = parse_number(m.group("n")), "noun" if m.group("noun") else "single"
        if n and n > 1 and m.group(group) not in NOT_COUNTED:
            add(m, "count", n, _counted(m, group, m.start(group), role_tokens), start=m.start("n"))

    def total_of(m: re.Match, n: float, counted: Value) -> None:
        """A total of the things another count in the sentence counts, in its role."""
        had = len(found)
        add(m, "count", n, counted.noun, start=m.start("n"))
        if len(found) > had:
            start, end, v = found[-1]
            found[-1] = (start, end, replace(v, role=tuple(sorted(set(v.role) | set(counted.role) - {DELTA_VALUE}))))

    for m in COUNT_REACHED.finditer(s) if digit or NUMBER_WORD.search(s) else ():
        n = parse_number(m.group("n"))
        cut = list(SUBJECT_START.finditer(s, max(0, m.start() - 90), m.start()))
        lo = cut[-1].end() if cut else max(0, m.start() - 90)
        noun = next((w for w in PLURAL.finditer(s, lo, m.start()) if w.group(0) not in NOT_PLURAL | NOT_COUNTED and
                     w.group(0).removesuffix("s") not in MEASURES and w.group(0) not in MEASURES), None)
        if n and n > 1 and noun:
            add(m, "count", n, _counted(noun, "noun", lo, role_tokens), start=m.start("n"))
        elif n and n > 1 and TOTAL_SUBJECT.search(s, lo, m.start()) and (before := max(
                ((a, v) for a, _, v in found if a < m.start() and v.kind == "count" and DELTA_VALUE not in v.role),
                key=lambda p: p[0], default=None)):
            total_of(m, n, before[1])  # "...at 600; by Wednesday the total had passed 630": of what was counted
    for m in BRINGING_TOTAL.finditer(s) if digit else ():  # the total a count added brings: of what it counts
        n = parse_number(m.group("n"))
        added = max(((a, v) for a, _, v in found if v.kind == "count" and a < m.start() and DELTA_VALUE in v.role),
                    key=lambda p: p[0], default=None)
        if n and n > 1 and added and not any(a == m.start("n") for a, _, _ in found):
            total_of(m, n, added[1])  # of the same things as those added: "pupils moved out of Thornby Wold"
    for m in OF_THEM.finditer(s) if " of th" in s else ():  # a part of the count before it, of what that counts
        n = parse_number(m.group("n"))
        if not n or n == 1:
            continue
        # the nearest count it can be a part of: "300 staff at 12 sites ... 100 of them"
        whole = max(((a, v) for a, _, v in found if v.kind == "count" and a < m.start() and v.amount > n),
                    key=lambda p: p[0], default=None)
        if whole:
            add(m, "count", n, whole[1].noun)
    for i, (start, end, v) in enumerate(found):
        if any(o.kind == v.kind and o.noun == v.noun and s2 > end and SUPERSEDED.search(s, end, s2) for s2, _, o in found) \
                or DESCRIBED.search(s, max(0, start - 40), start) and not SUPERSEDED.search(s) and any(
                    o is not v and o.kind == v.kind and o.noun == v.noun for _, _, o in found) \
                or NOT_THEN.search(s, max(0, start - 20), start) and AS_GIVEN.match(s, end) and any(  # "built in 1958
                    o.kind == v.kind and b < start for _, b, o in found) \
                or EXPECTED_ASIDE.search(s, max(0, start - 80), start) and _figure_now(s, end, v, found):
            found[i] = (start, end, replace(v, role=tuple(sorted(set(v.role) | {PRIOR_VALUE}))))
    for start, end, v in list(found):  # "exposed for 26 days, not 19", "built in 1887, not 1893": the figure given
        # before, corrected
        m = CORRECTED.match(s, end)
        bare_year = v.kind == "date" and _date_parts(v.amount)[1:] == (0, 0)
        written = re.search(rf"{NUMBER}(?![a-z])", s[start:end]) if m and (
            v.kind in ("count", "duration", "percent") or bare_year) else None
        if written and (n := parse_number(m.group("n"))) and (was := parse_number(written.group(0))) \
                and not any(a <= m.start("n") < b for a, b, _ in found):
            found.append((m.start("n"), m.end("n"), replace(v, amount=v.amount * n / was, qualifier="exact",
                                                           text=original[m.start("n"):m.end("n")],
                                                           role=tuple(sorted(set(v.role) | {PRIOR_VALUE})))))
    # "risen to 19, up from 14 last week": 14 cases; "will last 15 days rather than the 10 planned": 10 days
    counts = [v for _, _, v in found if v.kind == "count" and v.qualifier != "vague"] or \
        [v for _, _, v in found if v.kind == "duration" and v.noun != "length"]
    for m in BARE_PRIOR.finditer(s) if len(counts) == 1 else ():
        n = parse_number(m.group("n"))
        if n and n > 1 and not any(a <= m.start("n") < b for a, b, _ in found):
            now = counts[0]
            found.append((m.start("n"), m.end("n"), replace(now, amount=_in_unit(n, now),
                                                           text=original[m.start("n"):m.end("n")],
                                                           qualifier="exact", role=now.role + (PRIOR_VALUE,))))
    # "clips started at ten seconds, but the limit was raised to fifteen": fifteen seconds now, ten before (a
    # budget "cut to 900" after "2,400 books" is another sum)
    for m in BARE_NOW.finditer(s) if len(counts) == 1 else ():
        n = parse_number(m.group("n"))
        at = next(((a, b) for a, b, v in found if v is counts[0]), None)
        if n and n > 1 and at and at[1] <= m.start() and not any(a <= m.start("n") < b for a, b, _ in found) \
                and (turn := TURN.search(s, at[1], m.start())) and LIMIT.search(s, turn.end(), m.start()):
            then = counts[0]
            found = [(a, b, replace(v, role=tuple(sorted(set(v.role) | {PRIOR_VALUE}))) if v is then else v)
                     for a, b, v in found]
            found.append((m.start("n"), m.end("n"), replace(then, amount=_in_unit(n, then),
                                                            text=original[m.start("n"):m.end("n")], qualifier="exact",
                                                            role=tuple(w for w in then.role if w != PRIOR_VALUE))))
    found.sort(key=lambda f: f[:2])
    return tuple(_of_the_other(v, [o for _, _, o in found]) for _, _, v in found)


def _figure_now(s: str, end: int, v: Value, found: list) -> bool:
    """After an aside of what was expected ("the cemetery, which was expected to stay shut for six
    weeks, will now remain closed for ten weeks"), is the main clause's next figure of v's kind the
    same quantity now: said as now or instead, with v's noun and a word of what it measures?"""
    aside_end = s.find(",", end)
    later = min(((a, o) for a, _, o in found if o.kind == v.kind and a > aside_end), key=lambda p: p[0], default=None)
    if aside_end < 0 or later is None or re.search(r"[,;:]", s[aside_end + 1:later[0]]) \
            or not re.search(r"\b(?:now|instead|revised|extended|raised|cut)\b", s[aside_end:later[0]]):
        return False
    o = later[1]
    return o.noun == v.noun and any(not w.startswith(("ent_", "~")) and w != v.noun for w in set(v.role) & set(o.role))


def _in_unit(n: float, v: Value) -> float:
    """A bare figure said beside v, in v's unit: a duration's bare figure is in the unit it is written in."""
    figure = re.search(rf"{NUMBER}(?![a-z])", fold(v.text)) if v.kind == "duration" else None
    per = parse_number(figure.group(0)) if figure else None
    return n * v.amount / per if per else n


def _of_the_other(v: Value, values: list[Value]) -> Value:
    """A figure said as what a quantity was ("to $5.1 million, from $3.2 million") measures
    what the sentence's one other figure of its kind measures, though its own clause is bare."""
    if PRIOR_VALUE not in v.role:
        return v
    now = [o for o in values if o.kind == v.kind and PRIOR_VALUE not in o.role]
    if len(now) != 1:
        return v
    noun = v.noun or now[0].noun
    if v.kind == "money" and "/" in now[0].noun and "/" not in noun:
        noun = now[0].noun  # "£415,000 a year, up from £380,000": a year's too
    return replace(v, role=tuple(sorted(set(v.role) | set(now[0].role))), noun=noun)


def _counted(m: re.Match, group: str, phrase_start: int, role_tokens) -> str:
    """What a count counts: the noun, or the story entity the words ending in it name
    ("31 vessels" and "26 container ships", when the story calls its ships vessels too)."""
    noun = m.group(group)
    if noun not in GENERIC_COUNTED and role_tokens:
        named = role_tokens(phrase_start, m.end(group))
        if named and named[-1].startswith("ent_"):
            return named[-1]
    if noun in WORKFORCE:
        return "staff"
    if noun in PLURALS:
        return noun
    return noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")


def _date(m: re.Match) -> tuple[float, str] | None:
    """Dates as sortable numbers (year*10000 + month*100 + day); missing parts are 0."""
    g = m.groupdict()
    if g["iy"]:
        month, day = int(g["im"]), int(g["id"])
        return (float(int(g["iy"]) * 10000 + month * 100 + day), "exact") if 1 <= month <= 12 and day <= 31 else None
    if g["y3"]:
        part = g["part"]
        return float(int(g["y3"]) * 10000), ("about" if part else "exact")
    month = MONTHS.get(g["m1"] or g["m2"] or "")
    if not month:
        return None
    if g["m2"] == "may" and not g["d2"] and not g["y2"]:
        return None  # the verb 'may'
    day = int(g["d1"] or g["d2"] or 0)
    year = int(g["y1"] or g["y2"] or 0)
    if day > 31:
        return None
    return float(year * 10000 + month * 100 + day), "exact"


# a sentence that says its figure is not the one given before: "deeper than first estimated"
REVISED = re.compile(r"\bthan (?:first|initially|originally|previously|earlier|once) (?:thought|estimated|reported|"
                     r"believed|feared|stated|said|announced|expected|suggested|indicated)\b|\b(?:revised|corrected)\b|"
                     # "higher than the figure quoted on race day", "than the total first given"
                     r"\bthan (?:the|its|their) (?:[\w'-]+ ){0,2}?(?:figure|number|total|estimate|count|tally)s? "
                     r"(?:(?:it|they|he|she) (?:had )?)?(?:(?:first|initially|originally|previously|earlier) )?"
                     r"(?:quoted|given|gave|reported|stated|announced|published|released|cited|issued)\b|"
                     # a total said to have moved: "taking the total to about 9,650", however close to "about 9,400"
                     r"\b(?:taking|bringing|pushing|lifting|raising)\s+(?:the|its|their)\s+(?:[a-z]+\s+)?"
                     r"(?:total|number|count|tally)\s+to\b")


# the figure a sentence says a quantity has moved to, or differs from what was said before: "raised the
# count of destroyed homes to 44", "put the passenger total at 122", "26 cars, three more than the operator
# had listed": the sentence itself says it restates a figure already given
_MOVED_QUAL = r"(?:(?:about|around|roughly|nearly|almost|some|just|more than|over|an estimated)\s+)?"
MOVED_TO = re.compile(r"\b(?:ris(?:en|es|e|ing)|rose|climb(?:ed|s|ing)?|gr(?:own|ew|ows?|owing)|increas(?:ed|es|ing)|"
                      r"rais(?:ed|es|ing)|revis(?:ed|es|ing)|doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|fall(?:en|s|ing)?|"
                      r"fell|dropp(?:ed|ing)|swell(?:ed|s|ing)?|swollen|lift(?:ed|s|ing)|lower(?:ed|s|ing)|"
                      r"reduc(?:ed|es|ing)|push(?:ed|es|ing)|extend(?:ed|s|ing)|shorten(?:ed|s|ing)|brought|"
                      r"bring(?:s|ing)|taking|corrected|amended)\b[^.;:()]{0,60}?\bto,?\s+" + _MOVED_QUAL + r"$|"
                      r"\b(?:put|puts|putting|plac(?:e|es|ed|ing))\s+(?:the|its|their)\s+(?:[\w'-]+\s+){0,3}?"
                      r"(?:total|number|count|tally|toll|figure|estimate)\s+(?:[\w'-]+\s+){0,4}?at\s+" + _MOVED_QUAL + r"$|"
                      r"\b(?:has|have|had)\s+(?:now\s+)?reached\s+" + _MOVED_QUAL + r"$|"
                      r"\b(?:total|number|count|tally|toll|figure|estimate)\s+(?:of\s+(?:[\w'-]+\s+){1,3}?)?(?:now\s+|has\s+)?"
                      r"(?:stands|stood|is now)\s+"
                      r"at\s+" + _MOVED_QUAL + r"$")
MOVED_FROM = re.compile(r"[^.;:()]{0,40}?,?\s+(?:(?:some|about|around|nearly|almost|roughly|just|well)\s+)?(?:[\w-]+\s+){0,3}?"
                        r"(?:(?:earlier|later|more|fewer|less|higher|lower|longer|shorter|greater|larger|smaller|bigger|"
                        r"worse|above|below)\s+(?:than\s+)?|(?:up|down)\s+from\s+)(?:the\s+)?(?:(?:[\w'-]+\s+){0,6}?"
                        r"(?:first|initially|originally|previously|earlier|given|listed|quoted|cited|reported|stated|"
                        r"announced|disclosed|predicted|estimated|published|advertised|recorded)|(?:[\w'-]+\s+){0,2}?"
                        r"(?:figure|date|time|total|count|number|estimate|tally))\b")


def moved(sentence: str, v: Value) -> bool:
    """Does the sentence say v is what a quantity has moved to, or how it differs from the
    figure given before?"""
    at = sentence.find(v.text)
    if at < 0 or PRIOR_VALUE in v.role or DELTA_VALUE in v.role:
        return False
    return MOVED_TO.search(sentence[:at]) is not None or MOVED_FROM.match(sentence, at + len(v.text)) is not None


def same(a: Value, b: Value, revised: bool = False) -> bool:
    """Do two values of one kind state the same thing? Dates compare only the parts both
    give. A revised figure is another figure unless it is the same one: "about 830 metres"
    holds 860, but not "860 metres, deeper than first estimated"."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return all(x == y for x, y in zip(_date_parts(a.amount), _date_parts(b.amount)) if x and y)
    if a.kind == "money" and a.noun != b.noun:
        return False
    if a.kind == "time":  # "about 6.40am" holds 6.42am, not 6.32am (nor a time revised: "five minutes earlier"),
        gap = abs(a.amount - b.amount)  # and "about 11.58pm" holds 12.01am
        return min(gap, 24 * 60 - gap) <= (3 if "about" in (a.qualifier, b.qualifier) and not revised else 0)
    if "vague" in (a.qualifier, b.qualifier):  # "hundreds" holds 300, not 2,000
        low, x = (a.amount, b.amount) if a.qualifier == "vague" else (b.amount, a.amount)
        return low / 2 <= x < low * 5
    tolerance = 0.01 if revised else max(_tolerance(v) for v in (a, b))
    k = min(_figures(a.amount), _figures(b.amount))
    if tolerance == 0.01 and k >= 3:  # two precise figures: one is the other rounded, or they differ
        return _rounded(a.amount, k) == _rounded(b.amount, k)  # ("48,900" holds 48,912; "48,500" does not)
    return abs(a.amount - b.amount) <= tolerance * max(abs(a.amount), abs(b.amount))


def holds(new: Value, old: Value) -> bool:
    """A new bound the figure already known meets says nothing new of it ("well over a day"
    of 31 hours; "more than 12 hours" of 31); a bound past it is news. Evidence that the two
    are one quantity must come from elsewhere: any larger figure meets "more than 300"."""
    return new.kind == old.kind != "date" and (
        new.qualifier == "more" and new.amount < old.amount and old.qualifier != "less" or
        new.qualifier == "less" and new.amount > old.amount and old.qualifier != "more")


def _figures(x: float) -> int:
    """Significant figures, trailing zeros of a whole number not counted (1,200,000 has two)."""
    return max(1, len(f"{abs(x):.6f}".rstrip("0").rstrip(".").replace(".", "").strip("0")))


def _rounded(x: float, k: int) -> float:
    return float(f"{x:.{k}g}")


def _tolerance(v: Value) -> float:
    """How far off another statement of this value may be: 1%, 5% for "about 3,900",
    10% for a round "close to a hundred" (one significant figure says little more)."""
    if v.qualifier != "about":
        return 0.01
    digits = f"{abs(v.amount):.0f}".rstrip("0")
    return 0.1 if v.amount >= 10 and len(digits) <= 1 else 0.05


def measures(v: Value) -> set[str]:
    return {w[1:] for w in v.role if w.startswith("~")}


def shared_role(a: Value, b: Value) -> set[str]:
    """Words of role two values have in common, beyond the words that only say what kind
    of measure they are ("lasted", "long", "valued")."""
    return {w for w in set(a.role) & set(b.role) if not w.startswith("~") and w not in STRUCTURAL}


def comparable(a: Value, b: Value) -> bool:
    """Could these be two statements of one quantity (so a difference is an update)? Same
    kind and scale, and nothing in their roles says they measure different things: a
    different counted noun with no word of role in common, a measure noun (stake,
    revenue, fine) the other lacks, a clip's length against how long something lasted."""
    if a.kind != b.kind:
        return False
    ma, mb = (measures(a), measures(b)) if a.kind != "date" else (measures(a) & DATE_MARKERS, measures(b) & DATE_MARKERS)
    if ma != mb and (ma - {"value"} or mb - {"value"}):
        return False
    if a.kind == "count" and "vague" in (a.qualifier, b.qualifier):
        # "hundreds of artists" is updated only by a number of artists of about that size ("millions of users"
        # is not the 2,600 who signed up)
        return a.noun == b.noun and max(a.amount, b.amount) <= 20 * max(1.0, min(a.amount, b.amount))
    if a.kind == "count":  # another noun counts the same thing only when it is a generic one ("600 artists",
        # "600 people", "600 signatories"), with the same words and entities around it ("jets", "passengers": never)
        # or none around the generic one ("more than 630 people had signed")
        if a.noun == b.noun:
            return True
        ea, eb = {w for w in a.role if w.startswith("ent_")}, {w for w in b.role if w.startswith("ent_")}
        return bool({a.noun, b.noun} & GENERIC_COUNTED) and bool(
            {w for w in shared_role(a, b) if not w.startswith("ent_") and w not in (a.noun, b.noun)}) and (
            ea & eb or not (ea if a.noun in GENERIC_COUNTED else eb))
    if a.kind == "money":
        return a.noun == b.noun and max(a.amount, b.amount) <= 20 * max(1.0, min(a.amount, b.amount))
    if a.kind == "date":
        pa, pb = _date_parts(a.amount), _date_parts(b.amount)
        # the same granularity ("November 25" and "25 November 2024"; not "November" and "2024")
        return all(bool(x) == bool(y) for x, y in zip(pa[1:], pb[1:])) and (any(pa[1:]) or bool(pa[0]) == bool(pb[0]))
    if a.kind == "percent":  # a change in points is not a level in percent
        return a.noun == b.noun
    if a.kind == "duration":  # a clip's seconds and an outage's hours are different things, and so are the days
        # somebody spent on a thing and how long it lasted
        if a.noun != b.noun and ("spent" in (a.noun, b.noun) or a.noun and b.noun and not shared_role(a, b)):
            return False
        return max(a.amount, b.amount) <= 20 * min(a.amount, b.amount)
    return True


def salient(v: Value) -> bool:
    """A value that carries news on its own (a bare month is background; a day or a year
    is not)."""
    return v.kind != "date" or any(_date_parts(v.amount)[::2])


# "three years earlier than the date given": how far a date says it is from the one given before
OFFSET = re.compile(rf"(?P<n>an?|{NUM}|{WORDNUM})\s+(?P<unit>minute|hour|day|week|month|year)s?\s+(?P<way>earlier|later)"
                    rf"\s+than\b", re.I)


def offset_agrees(sentence: str, v: Value, o: Value) -> bool:
    """Does the offset the sentence gives after date or time v ("a day earlier than first
    reported", "eight minutes earlier than the time given") lead back to o? True when it
    gives none or o lacks the parts to tell."""
    m = _offset(sentence, v)
    return m is None or _leads_to(m, v, o)


def leads_back(sentence: str, v: Value, o: Value) -> bool:
    """Does the sentence give an offset after v that leads back to o exactly ("6.32am, eight
    minutes earlier than the time given" of 6.40am)?"""
    m = _offset(sentence, v)
    return m is not None and _leads_to(m, v, o)


def _offset(sentence: str, v: Value) -> re.Match | None:
    return OFFSET.search(sentence, sentence.find(v.text) + len(v.text))


def _leads_to(m: re.Match, v: Value, o: Value) -> bool:
    """Does offset m from v lead back to o? True where o lacks the parts to tell."""
    n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n").lower())
    if not n:
        return True
    sign = 1 if m.group("way") == "earlier" else -1  # v is earlier: o = v + n
    if v.kind == "time":
        return m.group("unit") in ("minute", "hour") and o.amount - v.amount == sign * n * (
            60 if m.group("unit") == "hour" else 1)
    if m.group("unit") in ("minute", "hour"):
        return True  # (a date's hours say nothing of its day)
    (y, mo, d), (oy, omo, od) = _date_parts(v.amount), _date_parts(o.amount)
    if m.group("unit") == "year":
        return not (y and oy) or oy - y == sign * n
    if m.group("unit") == "month":
        return not (mo and omo) or ((oy or y) * 12 + omo) - ((y or oy) * 12 + mo) == sign * n
    if not (mo and d and omo and od):
        return True
    days = (datetime.date(oy or y or 2001, omo, od) - datetime.date(y or oy or 2001, mo, d)).days
    return days == sign * n * (7 if m.group("unit") == "week" else 1)


def _date_parts(amount: float) -> tuple[int, int, int]:
    n = int(amount)
    return n // 10000, (n // 100) % 100, n % 100
