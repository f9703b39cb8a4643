"""Status statements in a sentence: who says what about what.

General knowledge of news English, for any story: the verbs and phrases that state a
status, grouped in frames with their polarity, the scope of negation and modality, and a
light reading of the clause for the agent (who confirms, who releases) and the theme
(what is confirmed, released or shut). The story's own knowledge comes in as its
entities, so "the company confirmed" is the story's company confirming.

Frames and states:
- verify:  yes (confirmed, acknowledged, said it was genuine; and a plain "..., X said",
  which settles only X's own "too early to say whether" about the same event) / no
  (denied, said it was fake) / unknown (would not confirm, declined to comment, unclear
  whether).
- release: yes (released, launched, rolled out, made available) / no (unreleased, not
  yet available, no release date) / planned (expected to launch, ahead of its release).
- access:  off (shut down, revoked, no longer available) / paused (paused, suspended) /
  on (restored, resumed, back online).
- phase:   in (still in a research preview, remains in beta) / out (left its preview,
  the trial has ended).
- expose:  yes (exposed, revealed, disclosed, included, laid bare) / no (did not reveal,
  gave no insight into): what a leak, a breach or a filing made known."""

from __future__ import annotations

import re

from .entities import POST, Entities, Mention, spaced, token
from .models import Cue
from .values import BOOKED, SEEKING

NEG = (r"(?:not|never|no longer|yet to|has yet to|have yet to|declined to|refused to|refuses to|declines to|"
       r"unable to|failed to|without|neither)")
# what makes a status verb a plan or a possibility, not a fact (scope: the few words before it)
MODAL = (r"(?:would|will|'ll|could|may|might|should|plans? to|planning to|planned to|expects? to|expected to|"
         r"is set to|are set to|set to|aims? to|intends? to|hopes? to|is to|are to|going to|likely to|"
         rf"ready to|asked to|sought to|{SEEKING}|wants? to|promised to|pledged to|if|once|when|until|before|after|ahead of|"
         r"to be|in order to)")
# a hedge anywhere earlier in the clause makes what follows a possibility, not a report
HEDGE = re.compile(r"\b(?:suggest(?:s|ed|ing)?|rumou?r(?:s|ed)?|speculat\w+|poised to|tipped to|hint(?:s|ed)? that|"
                   # an allegation by someone of a status it alleges ("a councillor claimed the firm had admitted"),
                   # not "the alleged breach", "the group that claimed the attack" or a party's own "claimed it had"
                   r"(?<!the )(?<!an )(?:claimed|(?<=[a-z] )(?<!'s )(?<!the )claims|alleg(?:es|ed))(?:\s+that)?\s+(?!(?:it|they|he|she|we)\b)"
                   r"(?:[\w&'-]+\s+){1,4}?(?:had|has|have|was|were|is|are|would|will)\b|"
                   # a belief, not a report: "said it believed the state had decided", "is believed to have paid"
                   r"(?:believes|believed|thinks|thought|understands|understood)(?:\s+that)?\s+(?:[\w&'-]+\s+){1,4}?"
                   r"(?:had|has|have|was|were|is|are|would|will)\b|(?:is|are|was|were)\s+believed\s+to|"
                   # a request: "urged the state to keep the advisory in place"
                   r"(?:urged|urges|urging|called on|calls on|asked|asks|pressed|presses|pressing)\s+(?:[\w&'-]+\s+){1,4}?to|"
                   r"if|unless|had it|were it)\b")
# where a hedge's reach ends: "asked the public to stay away and arrested two men" arrested them
HEDGE_END = re.compile(r"[;,:]|\bbut\b|\band\b(?=\s+[a-z]+ed\b)")
FILLER = re.compile(r"(?:\s|,)+(?:(?:did|does|do|has|have|had|was|were|is|are|wo|would|could|ca|should)n't|"
                    r"has|have|had|was|were|is|are|been|being|did|does|do|also|later|since|now|then|[a-z]+ly|"
                    r"would|will|could|can|not|never|n't|yet|to|declined|refused|still|so far|again|"
                    r"finally|officially|publicly|quickly|promptly|reportedly|apparently|swiftly|eventually|"
                    r"already|previously|subsequently|itself|formally|initially|first|for (?:its|their|his|her) part|"
                    r"in turn|meanwhile|however|"
                    r"(?:on|last|this|early|late)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:night|morning|"
                    r"afternoon|evening))?|"
                    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|this week|last week|"
                    r"in a (?:statement|blog post|post|email|filing))$")
# heads that speak for whoever precedes or follows them: "an OpenAI spokesperson"
SPEAKER = re.compile(r"(?:\s+(?:spokesperson|spokeswoman|spokesman|spokespeople|representative|rep|official|"
                     r"officials|executive|executives|chief executive|ceo|cto|boss|head|founder|leadership|"
                     r"team|statement|blog post|lawyer|lawyers|press office|communications chief|"
                     r"staff|engineer|engineers))+$")
BARE_SPEAKER = re.compile(r"\s+(?:spokesperson|spokeswoman|spokesman|representative)$")
# a relative clause that opens with its verb has the noun before it as subject ("the trust that runs the
# hospital"; not "the model that testers leaked")
REL_VERB = re.compile(r"\s*(?:[a-z]+ed|is|was|were|are|has|have|had|ran|led|built|runs|owns|operates|manages|oversees|"
                      r"controls|hosts|employs|represents|holds|makes|supplies|maintains|provides|serves)\s")
PRONOUN = re.compile(r"(?:^|\s)(?:it|they|he|she|we|who|which)$")
# "it" after a verb is what was done to, not who did it: "threw it", "made it"
# (not after a verb of saying or knowing: "has confirmed it will pay" is its subject)
OBJECT_PRONOUN = re.compile(r"\s+(?!(?:and|but|or|that|as|because|when|if|while|so|said|says|say|told|confirm\w*|"
                            r"announc\w*|admit\w*|acknowledg\w*|insist\w*|stat\w*|den\w*|expect\w*|hop\w*|"
                            r"believ\w*|think\w*|thought|know\w*|knew|decid\w*|agree\w*)\s)[a-z]+\s+(?:it|them)$")
# words that open a clause of its own ("whereas guaranteeing security measures are in place")
OPENERS = r"\bwhile\b|\bwhereas\b|\balthough\b|\bbecause\b"
# a clause starts after one of these: the agent of a later verb is never before them
BOUNDARY = re.compile(rf";|:|\bthat\b|\bwhether\b|\bwhich\b|\bwho\b|\bbut\b|{OPENERS}|\bthough\b|"
                      r"\band\b(?=\s+(?:the|a|an|it|they|he|she|its|their)\b)|"
                      r"\bafter\b|\bbefore\b|\bwhen\b|\bsaying\b|\bsaid\b|\bsays\b|\btold\b[\w\s]{0,20}?\b")
NONRESTRICTIVE = re.compile(r",\s+(?:which|who)\b[^;]*,\s*(?:(?:is|are|was|were|has|have|had|been|being|remains?|"
                            r"remained|stays?|stayed|still|now)\s+)*$")
# a reduced relative clause: a participle and the time or cause of it ("halted after the crush", "closed since May")
PARTICIPLE = r"(?:[a-z]{2,}ed|shut|kept|held|left|built)\s+(?:by|after|since|in|on|at|for|until|over|during|following|" \
             r"amid|last|earlier|when)\s"
# an aside closed by a comma just before a verb: an appositive or a relative clause on the noun before it
APPOSITIVE = re.compile(rf",\s+(?:(?:the|a|an|whose|which|who|its|their)\b|(?:[a-z-]+\s+){{1,2}}(?:of|at)\s|"
                        rf"(?:[a-z-]+\s+){{0,3}}?[a-z-]+'s\s|{PARTICIPLE})[^,;()]{{1,90}},$")  # (", Orrin Library's
# director,", ", halted after the crush,")
# the words between a relative pronoun and its verb ("which remains closed", "which has now been"): none names a thing
LINKING = re.compile(r"\b(?:was|were|is|are|has|have|had|been|remains?|remained|stays?|stayed|still|now)\b")
OBJECT_END = re.compile(r"\s(?:by|to|for|on|in|at|with|from|after|before|when|as|that|which|who|while|but|and|"
                        r"because|created|made|using|following|over|amid|since|until|within|through|via)\b|[,;:.()]")

VERIFY_YES = r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|verif(?:y|ies|ied|ying)|" \
             r"conced(?:e|es|ed|ing)|authenticat(?:e|es|ed|ing)|corroborat(?:e|es|ed|ing)|own(?:s|ed)? up to"
VERIFY_NO = r"den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|" \
            r"debunk(?:s|ed|ing)?|reject(?:s|ed|ing)? (?:claims|reports|suggestions|the claim|the idea)|" \
            r"dismiss(?:es|ed|ing)? (?:claims|reports|suggestions|the claim|the idea)|push(?:es|ed|ing)? back (?:on|against)|" \
            r"dismiss(?:es|ed|ing)? (?:[\w'-]+ ){0,4}as (?:fake|false|bogus|a hoax|fabricated|inauthentic)|" \
            r"rul(?:e|es|ed|ing) out (?:the (?:possibility|idea|suggestion|prospect|chance) )?that"
VERIFY_UNKNOWN = re.compile(
    r"\b(?:neither confirm\w* nor den\w*|(?:unclear|not clear|unknown|not known|uncertain|not yet known|"
    r"too (?:early|soon) to (?:say|tell|know|determine)) (?:whether|if)|"
    r"(?:not|yet to|has yet to|have yet to)(?: yet)? (?:decided|decide|determined|determine) (?:whether|if)|"
    r"undecided (?:on |about )?(?:whether|if)|(?:reviewing|considering|weighing|assessing|evaluating|examining|"
    r"studying|looking into|deciding|debating) (?:whether|if)|no decision (?:yet |has been made )?(?:on |about )?(?:whether|if)|"
    r"unconfirmed|unverified|no comment|could not be (?:independently )?(?:confirmed|verified)|"
    r"(?:avoid|dodg|sidestepp?|evad|deflect|skirt)\w* (?:\w+ ){0,2}questions? (?:on|about|over|of) whether|"
    r"(?:declin\w+|refus\w+|did not|didn't|would not|wouldn't|(?:has|have)(?: still)? not|hasn't|has never|have never|never|"
    r"not immediately)(?: still| yet| so far| publicly)? (?:to )?(?:respond|comment|say|said|elaborate|answer)\w*"
    r"(?: publicly)?(?= whether| if| on| to| when| how| why| what| who| where|[.,;]|$))")
# the end of a silence: "broke his silence", "addressed the allegations for the first time"; it settles
# the same party's "would not comment" (SPOKE marks it)
FIRST_WORD = r"first (?:public )?(?:comments?|statement|remarks|response)\b"  # "its first public comment"
SAY_IN = r"(?:said|says|told \w+) in"  # "..., Tolley said in its first statement"
SPOKE_UP = re.compile(r"\b(?:broke|breaks|breaking|has broken|have broken) (?:his|her|its|their) silence\b|"
                      r"\b(?:commented|spoke|speaks|talked|responded) (?:(?:publicly )?for the first time|publicly)\b|"
                      r"\b(?:addressed|addresses) (?:the|these|those|its|his|her|their) (?:case|allegations?|claims?|"
                      r"matter|reports?|controversy|accusations?|findings?|charges?)\b|"
                      r"\b(?:issued|issues|released|put out) (?:a|an|its|his|her|their) (?:[a-z-]+ )?statement\b(?! of)|"
                      rf"\b(?:made|gave|issued|offered|delivered|{SAY_IN}) (?:its|his|her|their) {FIRST_WORD}|"
                      rf"^in (?:its|his|her|their) {FIRST_WORD}|"
                      r"^in a (?:[a-z-]+ )?statement (?:issued|released|put out)\b(?! by)")  # who spoke follows it
# "Brindle Haulage said in a statement that it carried waste to Crayke Moor": speaking up about the story, when
# what it says names something the story does ("... that it was pleased with the new contract" is other news)
# (nor a statement that it will not comment, nor one a relative clause recalls: "X, which said in a statement in
# January that ..., declined to comment")
SAID_IN_STATEMENT = re.compile(rf"(?<!which )(?<!who )\b{SAY_IN} an? (?:[a-z-]+ )?statement\b"
                               rf"(?![^.;]*?(?:\b(?:not|no|unable|n't|never)\b[^.;]{{0,25}}\b(?:comment|respond|answer)|"
                               rf"\bin due course\b))")
SPOKE = "~spoke"
NO_COMMENT = re.compile(r"comment|respond|answer|elaborate")  # not "declined to say whether": a question, not a silence
SAY = r"said|says|say|told \w+|tells \w+|stated|states|insisted|insists|maintained|maintains|claimed|claims|argued|" \
      r"argues|wrote|writes|explained|noted|called|add(?:ed|s)(?=\s+(?:that|on|in|last|later|yesterday|today)\b|\s*[,.:;\"“”']|\s*$)"  # not "added six sailings"
TRUE_WORDS = r"authentic|genuine|real|legitimate|true|accurate|its own|their own|the real thing"
FALSE_WORDS = r"fake|false|fabricated|bogus|a hoax|forged|counterfeit|not (?:the |its |a )?(?:authentic|genuine|real|" \
              r"legitimate|true|accurate|its own|their own)|an? (?:older|different|unrelated) \w+"

# the status inside a sentence's opening noun phrase ("the product that launched on Monday", "Vireo 2,
# released in September,") is what the sentence takes as known, not its news
PRESUPPOSED = re.compile(r"(?:(?:the|this|that|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:(?:that|which)\s+(?:(?:was|were|is|"
                         r"are|has been|had been)\s+)?|[\w.-]+,\s+)|(?!(?:as|on|in|at|by|from|since|after|before|until|for|with|of|"
                         r"from|last|this|next|today|yesterday|now|then)\b)(?:[\w.-]+\s+){0,2}[\w.-]+,\s+)$")
MANNER = re.compile(r"\b(?:the way|the manner in which|how)\s+(?:[\w'-]+\s+){1,8}?(?:(?:was|were|is|are|had been|"
                    r"has been|have been)\s+)?(?:being\s+)?$")  # how a thing was done, not news that it was
RELEASE_YES = re.compile(
    r"\b(?:releas(?:ed|es|ing)|launch(?:ed|es|ing)|roll(?:ed|s|ing) out|rolled out|debut(?:ed|s)|"
    r"went live|goes live|go live|opened up|shipped|ships(?![.,;:]| (?:were|are|was|is|has|have|had|will|would|could|"
    r"can|at|in|on|off|from|to|for|of|with|and|or|that|which|waiting|queued|anchored|docked|sailing|arriving|carrying|"
    r"remain\w*)\b))\b"
    r"|\b(?:made|makes|making|make|became|becomes|is now|are now|now|publicly|generally|widely|broadly|is|are) available\b"
    r"|\bavailable (?:to|for) (?:the )?(?:public|everyone|all|anyone|paying|(?:[\w-]+ ){0,2}(?:users|subscribers|customers))\b"
    r"|\bopen(?:ed|s)? (?:it |access )?(?:up )?to (?:the )?(?:public|everyone|all|anyone)\b"
    r"|\b(?:is|are|went|goes|go) (?:now )?(?:out|live|on (?:general )?(?:release|sale))\b"
    r"|\b(?:put|puts|putting) (?:[\w-]+ ){1,3}?on (?:general )?(?:sale|release)\b"
    r"|\bno longer (?:limited|restricted|confined|exclusive|reserved) (?:to|for)\b"
    r"|\b(?:is|are) (?:now )?(?:bundled|included) (?:into|in|with) (?:[\w$-]+ ){0,6}?(?:subscriptions?|plans?|memberships?)\b"
    r"|\b(?:anyone|anybody|everyone|everybody|the public|all users|any user|any(?: [\w-]+){0,4} (?:subscriber|user|"
    r"customer)s?)(?: (?!(?:that|how|whether|what|if|who|which)\b)[\w$.-]+){0,10}? can (?:now )?(?:use|try|access|sign (?:in|up)|log in|download|buy|generate|create)\b"
    r"|\b(?:sell|sells|selling|sold) (?!(?:its |their |the )?(?:shares|stock|stakes?|bonds|tickets)\b)"
    r"(?:(?:access to )?[\w-]+ ){0,4}?to (?:the )?(?:public|everyone|anyone|consumers|"
    r"(?:paying )?(?:users|subscribers|customers))\b"
    r"|\b(?:began|begun|begin|begins|started|starts|start) selling\b(?! (?:its |their |the )?(?:shares|stock|stakes?|bonds))"
    r"|\b(?:let|lets|letting|allow(?:s|ed|ing)?) (?:the public|the general public|everyone|everybody|anyone|anybody|"
    r"all users|paying users|subscribers|customers)(?: [\w-]+){0,2}? (?:to )?(?:use|try|access)\b"
    r"|\bopen (?:to|for) (?:the public|everyone|everybody|anyone|anybody|all|paying|"
    r"any (?:(?!(?:from|of|by|with|for|to|about)\b)[\w-]+ ){0,4}?(?:users?|subscribers?|customers?))\b"
    r"|\bopen(?:ed|s|ing)? (?!(?:[\w-]+ ){0,3}?(?:waitlist|waiting list|pre-?orders?|beta|survey|consultation|"
    r"inquiry|helpline|applications|registrations?|sign-?ups?)\b)(?:[\w-]+ ){1,4}?to (?:the )?"
    r"(?:public|everyone|all|anyone|paying|users|subscribers|"
    r"customers|(?:[\w-]+ ){1,4}?(?:users|subscribers|customers))\b")
RELEASE_NO = re.compile(
    r"\bunreleased\b|\bno (?:official |public |firm )?release date\b|\bnot (?:(?:yet|been|publicly|officially|"
    r"generally|widely|broadly) )*(?:released|launched|available|out|public|rolled out)\b"
    r"|\bdoes(?:n't| not) have an? (?:official |public )?release\b|\bkept under wraps\b|\bwithh[eo]ld(?:s|ing)?\b"
    r"|\b(?:remains?|remained|is still|are still|was still|still) (?:only )?(?:limited|restricted|confined|reserved) (?:to|for)\b"
    r"|\b(?:delay(?:s|ed)?|postpon(?:e|es|ed)|shelv(?:e|es|ed)) (?:the |its )?(?:public )?(?:release|launch|rollout)\b"
    r"|\byet to (?:be )?(?:publicly |officially )?(?:release|launch|roll)\w*"
    r"|\b(?:before|ahead of|prior to) (?:its|a|the|any) (?:public |official |wider |broad )?(?:launch|release|rollout)\b")
RELEASE_PLANNED = re.compile(
    r"\b(?:closer to|plans? for|road to|expected|upcoming|coming|forthcoming|planned) (?:a |an |its |the )?"
    r"(?:public |official |wider |full )?(?:launch|release|rollout)\b")

ACCESS_ON = re.compile(
    r"\b(?:restor(?:ed|es|ing)|reinstat(?:ed|es|ing)|resum(?:ed|es|ing)|reopen(?:ed|s|ing)|re-?enabl(?:ed|es|ing)|"
    r"reactivat(?:ed|es|ing)|unpaus(?:ed|es|ing)|brought back(?! (?:(?:about|around|some|nearly|more than) )?\d)|"
    r"(?:came |comes |come )?back (?:online|up)|"
    r"(?:switched|switches) (?:it |them |(?:the|its|their|his|her) (?!(?:attention|focus|spotlight|efforts?)\b)"
    r"(?:(?!(?:off|on|back|and)\b)[\w'-]+ ){1,3}?)?back on\b(?! (?:site|track|course|duty|board)\b)|"
    r"(?:turned|turns) (?:it|them) back on|"
    r"(?:remains?|remained|stays?|stayed|still) open(?![\w-]| to\b| for\b| about\b)|"
    r"(?:up|online|running|working|live|available|accessible)(?: and [a-z]+)?(?: [a-z]+){0,3} again|back open|"
    r"(?:is|are|was|were|be|been|now|fully) open(?: to [a-z]+)? (?:again|once more)|opened (?:again|once more)|"
    r"lift(?:ed|s|ing) (?:the |its |a |his |her |their )?(?:[\w-]+ )?(?:pause|suspension|freeze|ban|block|closure|"
    r"(?:stop-work|prohibition) (?:order|notice))|"
    r"returned to service|"
    r"back in(?:to)? (?:service|use)|in effect(?!,| \w+ed\b| (?:a|an|the|to|that|means?)\b)|in place|in force|imposed|issued|"
    r"can (?:once )?again \w+|"
    r"return(?:ed|s|ing)? to (?:service|the skies|the air|flying|operation|operations)|"
    r"back in (?:the air|the skies|operation)|cleared (?:by [^,.;]{1,60} )?to (?:fly|return|reopen|operate|resume)|"
    r"resum(?:ed|es|ing) (?:flights|flying|service|operations))\b")
BY_WHEN = re.compile(r"(?:(?:early|late|mid|the middle of|the end of|the start of)[\s-]+)?(?:jan(?:uary)?|feb(?:ruary)?|"
                     r"march|april|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
                     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|then|now|noon|midnight|tonight|tomorrow|"
                     r"the (?:time|weekend|end)|\d+(?:st|nd|rd|th)?)\b(?![\w-])")
CAN = re.compile(r" can (?:now )?\w+")  # a release said as who can now use the thing
USED_BY = re.compile(r"\bcan (?:now )?be (?:used|tried|accessed|downloaded|bought) by (?:anyone|anybody|everyone|"
                     r"everybody|the public|any (?:(?!(?:from|of|by|with|for|to|about)\b)[\w-]+ ){0,4}?"
                     r"(?:users?|subscribers?|customers?))\b")  # and as the thing anyone can now use
CONDITION_OPENING = re.compile(r"(?:once|if|when|after|until|unless|should)\b")
IN_FORCE = re.compile(r"imposed|issued|in (?:force|effect)")  # an order ("in place" may be access itself)
# what stays in force may be a stop itself: "her provisional suspension remains in place" is still
# suspended, and "the suspension was lifted" is a restoration
STOPPAGES = r"(?:suspension|ban|closure|freeze|halt|shutdown|grounding|pause|moratorium|embargo|lockdown|stoppage|" \
            r"stop-work order|prohibition notice)s?\b"
STOPPAGE = re.compile(rf"\b{STOPPAGES}[^;.]{{0,45}}$")
STOPPAGE_AFTER = re.compile(rf"\s+(?:an?\s+|the\s+|its\s+)?(?:(?!(?:after|since|despite|before|following|over|of|for|on|"
                            rf"in|at|by|with|from|during|until|the)\b)[\w-]+\s+){{0,2}}?{STOPPAGES}")  # "imposed a fishing ban"
ORDER = re.compile(rf"{IN_FORCE.pattern}|in place")
ORDER_END = re.compile(r"\b(?:lift|rescind|withdr[ae]w|end|cancel|revok|scrap|expir)")
PLACE = re.compile(r"(?:\s+(?!(?:at|on|in|across|of|to|from|between)\b)[\w-]+){0,4}?\s+((?:at|on|in|across|of|to|from|between)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3})")
ACCESS_STILL_OFF = re.compile(r"\b(?:remains?|remained|stays?|stayed|still)\s+(?:\w+\s+)?(?:unavailable|offline|inaccessible|"
                              r"down|dark|shut|closed|blocked|disabled|(?:cordoned|fenced|sealed|taped|switched) off)\b")
# a deal, a round or a trading day closes too: near one of these, "closed" shuts nothing
CLOCK = r"\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b|\d{1,2}[:.]\d\d\b|noon|midnight|[a-z]+ o'clock"  # a time of day
DEAL_CLOSED = re.compile(r"\b(?:funding|financing|fundraising|round|deal|sale|acquisition|takeover|merger|offering|"
                         r"transaction|shares|stock|trading|index)\b[^.;,]{0,25}\bclos|\bclos\w*\s+(?:an?\s+|the\s+|its\s+)?"
                         r"(?:[$\w.-]+\s+){0,2}(?:funding|financing|round|deal|sale|acquisition|takeover|merger|offering|"
                         rf"transaction)s?\b|\bclosed\s+(?:at(?!\s+(?:{CLOCK}))|up|down|higher|lower)\b|"
                         rf"\bclosed\s+at\s+(?:{CLOCK})\s+(?:as (?:usual|normal|always|scheduled|planned)|each|every|nightly|daily)\b")
# (a price closes "at $43.10", a site "at 9pm", and one that closes "at 9pm as usual" was open that day)
ACCESS_PAUSED = re.compile(r"\b(?:paus(?:ed|es|ing)|suspend(?:ed|s|ing)|halt(?:ed|s|ing)|froze|frozen|freez(?:es|ing)|"
                           r"on hold|postpon(?:ed|es|ing))\b")
ACCESS_OFF = re.compile(
    r"\b(?:shut(?:s|ting)? (?:it |them |this |that )?(?:down|off)|shut|clos(?:ed|es|ing) (?:it )?down|"
    r"revok(?:ed|es|ing)|cut (?:it )?off|disabl(?:ed|es|ing)|pull(?:ed|s|ing) (?:the plug|down|offline)|pulled|"
    r"taken (?:down|offline)|took (?:it |the \w+ )?(?:down|offline)|went (?:offline|dark|down)|"
    r"no longer (?:available|accessible|online|live|work\w*)|blocked|deactivat(?:ed|es|ing)|grounded(?! in\b)|"
    r"locked out|terminat(?:ed|es|ing)|remov(?:ed|es|ing)|yanked|closed|closes|closing|"
    r"(?:cordon|fenc|seal|tap)(?:ed|es|ing)? off|"
    r"(?:was|were|has been|have been|is|are) (?:\w+ )?(?:lifted|rescinded|withdrawn|ended|cancell?ed)|"
    r"(?:lift(?:ed|s|ing)|rescind(?:ed|s|ing)|withdr[ae]w|revok(?:ed|es|ing)|scrapp(?:ed|ing)|cancell?(?:ed|ing|s)) "
    r"(?:the |its |their |an? )?(?:(?!(?:in|to|of|for|against)\b)[\w-]+ ){0,2}?(?:notice|order|advisory|warning|alert|cordon|"
    r"curfew)s?)\b")

PHASE = r"(?P<phase>(?:research |limited |closed |public |open |early |private )?(?:preview|beta|trial|pilot|testing phase|test phase|alpha|early access))"
PHASE_IN = re.compile(rf"\b(?:still|remains?|remained|continues? to be|is|are)\s+(?:still\s+)?(?:in|a|an)\s+(?:its\s+|a\s+|an\s+|the\s+)?(?:\"\s*)?{PHASE}")
PHASE_OUT = re.compile(rf"\b(?:left|leaves|exited|exits|graduated from|moved out of|emerged from|came out of|out of|"
                       rf"(?:stopped|stops|ceased) being|ceased to be|"
                       rf"no longer(?: in)?|ended|ends|concluded|closed|(?:rather than|instead of)(?= (?:a |an |its |the )?"
                       rf"(?:research |limited |closed |public |early )?(?:preview|beta)\b))\s+(?:its\s+|a\s+|an\s+|the\s+|[\w']+'s\s+)?{PHASE}")
PHASE_OVER = re.compile(rf"{PHASE}\s+(?:has\s+|had\s+|have\s+)?(?:ended|closed|concluded|is over|was over)\b")

EXPOSE = re.compile(
    r"\b(?:expos(?:ed|es|ing)|reveal(?:ed|s|ing)?|disclos(?:ed|es|ing)|la(?:id|ys|y) bare|gave away|give away|"
    r"includ(?:ed|es)|contain(?:ed|s)|leak(?:ed|s) (?=\w+'s\b)|"
    r"provid(?:ed|es|e|ing) (?:any |some |new |no )?(?:insights?|details?|information|a look|a glimpse) (?:into|on|about|of))\b")
CONFLICTS = {
    "verify": {("unknown", "yes"), ("unknown", "no"), ("yes", "no"), ("no", "yes")},
    "release": {("no", "yes"), ("yes", "no"), ("planned", "yes")},
    "access": {("on", "off"), ("off", "on"), ("paused", "on"), ("on", "paused")},
    "phase": {("in", "out"), ("out", "in")},
    "expose": {("no", "yes"), ("yes", "no")},
    "act": {("unknown", "no")},  # "refused to pay" settles "has not decided whether to pay"; a report: acts.settles
}
# "<something> was (not) <a story entity>", said by someone: a statement of what is real
IDENTITY = re.compile(r"\b(?:was|is|were|are)\s+(?P<neg>not\s+|never\s+)?(?:in fact\s+|actually\s+|really\s+|indeed\s+)?"
                      r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:own\s+|real\s+|actual\s+)?(?P<what>[\w' -]{2,40}?)\s*[.,!\"']*$")
TRUTH = "~truth"  # theme marker of a verify cue about whether something is real
# what a confirmation may be of besides whether a thing is real: an answer to "what", "how many"
QUESTION_OF_WHAT = re.compile(r"\s*(?:that\s+)?(?:what|how|who|which|when|where|why|(?:the|a|an|its|any)\s+(?:\w+\s+)?"
                              r"(?:cause|causes|reason|reasons|number|identity|identities|extent|name|names|figure|"
                              r"amount|source|origin|size|scale|timing|date|details|cost|total)\b)")
# a confirmation that the answer is not known answers nothing: "confirmed it did not yet know what caused it"
UNANSWERED = re.compile(r"\b(?:(?:not|n't)\s+(?:yet\s+)?(?:know|known|clear|determined|established)|unknown|unclear|"
                        r"still\s+(?:examining|investigating|assessing|looking into|trying to)|under investigation)\b")
THING = "~thing:"  # theme marker of what an access word is said of
SAID = "~said"  # theme marker of a plain report ("..., the department said"): it settles a hedge only
# a name used as a modifier ("the Sora program", "Sora access") is not what the phrase is about
MODIFIER = re.compile(r"\b(?!(?:the|a|an|its|their|this|that|his|her|our|your|of|to|in|on|for|and)\b)([a-z][\w.-]*)\s+(program|programme|team|project|page|users|user|launch|release|app|"
                      r"account|accounts|credentials|api|demo|plan|subscribers|subscription|website|site|channel|"
                      r"division|unit|staff|employees|office|lab|version|update|feature|rollout)\b")
# "neither the architecture nor the training data was exposed", in one clause (not "... before it reopened")
NEITHER_NOR = re.compile(r"\bneither\s+(?:[\w'-]+\s+){1,8}?nor\s+(?:[\w'-]+\s+){1,8}$")
CLAUSE_START = re.compile(r"[;:,]|\b(?:but|and|that|whether|which|who|before|after|when|while|until|because|since|if|"
                          r"once)\b")
GERUND_BEFORE = re.compile(r"\b(?:the|a|an|its|their|any|no|for|of|on|about|before|after|until|toward|towards|"
                           r"without|ahead of)\s+$")
GOAL = re.compile(r"(?:\bto\s+(?:get|bring|put|have)|\b(?:on|of|for|about|towards?|at|in)\s+(?:getting|bringing|putting|"
                  r"having))\s+(?:[\w'-]+\s+){0,4}$")  # what somebody works for: "on getting the line"
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|his|her)\s+$")


def find(s: str, entities: Entities, mentions: list[Mention], topic_tokens) -> tuple[Cue, ...]:
    """The status statements of one folded sentence. topic_tokens(text) -> its word
    tokens, entity tokens included (claims.py's, passed in to keep imports one-way)."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def add(frame: str, state: str, start: int, end: int, agent: str | None, theme_text: str,
            marker: str = "") -> None:
        if marker != SPOKE:  # speaking up goes beside what was said: "..., Tolley said in its first public comment"
            if any(a < end and start < b for a, b in taken):
                return
            taken.append((start, end))
        if frame in ("release", "access", "phase") and (PRESUPPOSED.match(s, 0, start)
                                                         or MANNER.search(s, max(0, start - 60), start)):
            return  # "The product that launched on Monday is tamer", "against the way it was being rolled out":
            # what the sentence says is the rest
        theme = set(topic_tokens(MODIFIER.sub(
            lambda t: t.group(0) if spaced(t.group(0)) in entities.forms else f"{t[1]}_{t[2]}",
            theme_text)))
        if frame in ("release", "access", "phase") and not any(t.startswith("ent_") for t in theme) \
                and re.match(r"\s*(?:it|they)\b", theme_text) and (before := _referent(s, start, mentions)):
            theme.add(token(before))
        if frame == "verify" and _about_truth(theme_text, theme):
            theme.add(TRUTH)
        if marker:
            theme.add(marker)
        cues.append(Cue(frame, state, s[start:end].strip(), agent, tuple(sorted(theme))))

    # verify: hedges first, then confirm/deny verbs, then "X said it was genuine/fake"
    for m in VERIFY_UNKNOWN.finditer(s):
        add("verify", "unknown", m.start(), m.end(), agent_of(s, m.start(), mentions), _complement(s, m.end()))
    for state, words in (("yes", VERIFY_YES), ("no", VERIFY_NO)):
        for m in re.finditer(rf"\b(?:{words})\b", s):
            scope = scope_of(s, m.start())
            if scope == "modal" or _attributive(s, m.start()):
                continue
            start, end = m.start(), m.end()
            theme = ("" if m.group(0).startswith("rul") else re.sub(r"^\S+\s*", "", m.group(0))) + " " + \
                _complement(s, end)  # "ruled out the possibility that": only what was ruled out
            comma = re.search(r",\s*(?:\S+\s+){1,6}$", s[:start]) if not _passive(s, m) and TRAILING.match(s, end) else None
            if comma and not UNSETTLED.search(s[:comma.start()].split(";")[-1]):
                theme = s[:comma.start()].split(";")[-1]  # "..., Northfell confirmed on Friday, as the zone was widened"
            elif _passive(s, m) or len(re.findall(r"[a-z]{4,}", theme)) < 2:
                theme = _left_phrase(s, start) + " " + theme  # "The leak was genuine, OpenAI confirmed."
            agent = _passive_agent(s, m, mentions) or agent_of(s, start, mentions)
            if scope == "negated":  # show "would not confirm", not "confirm"
                start = _negation_start(s, start)
            add("verify", "unknown" if scope == "negated" or UNANSWERED.search(theme) else state, start, end, agent, theme)
    for m in re.finditer(rf"\b(?:{SAY})\b(?P<rest>[^;]*?)\b(?:was|is|were|are|had been|has been|be)\s+"
                         rf"(?:(?P<no>{FALSE_WORDS})|(?P<yes>{TRUE_WORDS}))\b", s):
        scope = scope_of(s, m.start())
        if scope == "modal":
            continue
        agent = agent_of(s, m.start(), mentions)
        if agent is not None:  # "has not said whether it was authentic" settles nothing
            state = "unknown" if scope or re.search(r"\b(?:whether|if)\b", m.group("rest")) else \
                "no" if m.group("no") else "yes"
            add("verify", state, m.start(), m.end(), agent, m.group("rest") + " " + m.group(0)[-30:])

    for m in re.finditer(rf"\b(?:was|is|were|are)\s+(?:(?P<no>{FALSE_WORDS})|(?P<yes>{TRUE_WORDS}))\b[^;]*?,\s*"
                         rf"[^,;]{{1,60}}?\s(?P<say>{SAY}|confirmed|acknowledged|admitted|conceded)\b", s):
        if scope_of(s, m.start("say")) or re.search(r"\b(?:whether|if)\b", s[:m.start()]):
            continue
        agent = agent_of(s, m.start("say"), mentions)
        if agent not in (None, "pronoun"):
            add("verify", "no" if m.group("no") else "yes", m.start(), m.end(), agent, _left_phrase(s, m.start("say")))

    # a plain report settles an earlier "too early to say whether": "Tests have linked the
    # illnesses to the water, the health department said" (weak: see agrees)
    if not any(c.frame == "verify" for c in cues) and not VERIFY_UNKNOWN.search(s):
        said = re.search(rf",\s*(?P<who>[^,;]{{1,60}}?)\s(?:{SAY})\b[^,;]*[.!\"']*$", s) or \
            re.match(rf"(?P<who>[^,;]{{1,60}}?)\s(?:{SAY})\s+(?:that\s+)?", s)
        if said and not scope_of(s, said.end("who") + 1):
            agent = agent_of(s, said.end("who") + 1, mentions)
            claim = s[:said.start()] if said.start() else s[said.end():]
            ident = IDENTITY.search(claim)
            base = 0 if said.start() else said.end()
            if re.search(r"\b(?:whether|if)\b", claim) or not said.start() and re.match(
                    r"(?:very |almost )?(?:little|nothing|not much)(?:\s+(?:about|on|publicly|of substance|since)\b|\s*[.,]|$)",
                    claim):
                pass  # a question reported, not an answer; "has said little about": no report
            elif ident and agent not in (None, "pronoun", "other") and any(
                    men.start == base + ident.start("what") and men.end >= base + ident.end("what") - 1
                    for men in mentions):  # "The leaked tool was not Sora, OpenAI said": whether it is real
                add("verify", "no" if ident.group("neg") else "yes", min(base + ident.start(), said.start("who")),
                    max(base + ident.end(), said.end()), agent, claim, TRUTH)
            elif agent not in (None, "pronoun", "other") and not scope_of(claim, len(claim)) and all(
                    h.group(0) == "will" for h in re.finditer(rf"\b(?:{NEG}|n't|{MODAL})\b", claim)):
                # a firm "will" is a decision reported ("customers will receive a credit, the utility said")
                add("verify", "yes", said.start("who"), said.end(), agent, claim, SAID)
    # speaking up at all, beside what was said
    statements = [m for m in SAID_IN_STATEMENT.finditer(s) if any(men.start >= m.end() for men in mentions)]
    for m in [*SPOKE_UP.finditer(s), *statements]:
        if not scope_of(s, m.start()):
            # "In a statement issued on Wednesday, Halbrook said ...", "Breaking its silence, Tolley said ...",
            # "In its first statement, Tolley apologised ...": the one who speaks opens the main clause
            lead = opening if (opening := re.match(r"[^,]*,\s*", s)) and m.end() <= opening.end() and not any(
                men.end <= m.start() for men in mentions) else None
            agent = next((men.entity for men in mentions if men.start == lead.end() and re.match(
                rf"\s+(?:{SAY}|acknowledged|admitted|confirmed|[a-z]+ed)\b", s[men.end:])), None) if lead else \
                agent_of(s, m.start(), mentions)
            add("verify", "yes", m.start(), m.end(), agent, "", SPOKE)

    # access before release: "is available again" is a restoration, not a launch
    for stated, pattern in (("on", ACCESS_ON), ("paused", ACCESS_PAUSED), ("off", ACCESS_OFF), ("off", ACCESS_STILL_OFF)):
        for m in pattern.finditer(s):
            if re.match(r"\w+ing\b", m.group(0)) and GERUND_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue  # "the earliest date for reopening", "ahead of the resuming": a noun, no state
            if GOAL.search(s, max(0, m.start() - 60), m.start()):
                continue  # "our focus is on getting the runway back in service": an aim, no state
            if m.group(0).startswith("clos") and DEAL_CLOSED.search(s, max(0, m.start() - 40), min(len(s), m.end() + 30)):
                continue  # "the funding round OpenAI closed in October", "shares closed at $43": no door shut
            if m.group(0).startswith("postpon") and not re.search(rf"\b{BOOKED}", s[max(0, m.start() - 60):m.start()]):
                continue  # a vote, a fair or a hearing postponed is put off, not shut: only services booked are paused
            scope, state, start = scope_of(s, m.start()), stated, m.start()
            if (ORDER.fullmatch(m.group(0)) or stated == "off" and ORDER_END.search(m.group(0))) and (
                    STOPPAGE.search(s, max(0, m.start() - 80), m.start()) or STOPPAGE_AFTER.match(s, m.end())):
                state = "paused" if stated == "on" else "on"
            if ORDER.fullmatch(m.group(0)) and _reduced(s, m):
                continue  # "credentials issued to alpha testers", "a statement issued hours later": no order in force
            if scope == "negated" and ORDER.fullmatch(m.group(0)):
                continue  # "has not issued an expression of concern": no order, nothing shut (an act: acts.py)
            if scope == "negated" and stated == "on":  # "has not been restored": the shutdown still holds
                state, start = "off", _negation_start(s, m.start())
            elif not scope and _none_of(s, m):  # "no aircraft had been cleared to fly" (and "none was shut" says nothing)
                if stated != "on":
                    continue
                state = "off"
            elif scope or _attributive(s, m.start()):
                continue  # "expects to restore" is no restoration; "was not shut" states nothing
            doer, thing = _doer(s, m, mentions), "" if m.group(0).startswith("lift") else _thing(s, m, topic_tokens)
            if doer == "other" and not thing and (thing := _subject_thing(s, m, topic_tokens)):  # (a lifted ban
                doer = None  # names no thing) "non-urgent operations resumed": no party resumed them
            add("access", state, start, m.end(), doer, _theme(s, m) + _place(s, m), thing)
    for state, pattern in (("in", PHASE_IN), ("out", PHASE_OUT), ("out", PHASE_OVER)):
        for m in pattern.finditer(s):
            if scope_of(s, m.start()) == "modal":
                continue
            negated = scope_of(s, m.start()) == "negated" and state == "out"  # "has not left its preview"
            add("phase", "in" if negated else state, m.start(), m.end(), None,
                m.group(0) + " " + _left_phrase(s, m.start()))

    for m in EXPOSE.finditer(s):
        scope = scope_of(s, m.start())
        if scope != "modal" and not _attributive(s, m.start()):  # "might reveal" makes nothing known
            state = "no" if scope == "negated" or " no " in m.group(0) or _none_of(s, m) else "yes"
            add("expose", state, _negation_start(s, m.start()) if scope else m.start(), m.end(),
                _doer(s, m, mentions), _theme(s, m))
    for m in RELEASE_NO.finditer(s):
        add("release", "no", m.start(), m.end(), None, _theme(s, m))
    for m in RELEASE_PLANNED.finditer(s):
        add("release", "planned", m.start(), m.end(), None, _theme(s, m))
    for m in re.finditer(r"\b(?:release|launch|roll out|ship|open up)\b", s):
        if scope_of(s, m.start()) == "modal":  # the bare verb is a plan ("will release"); else it is a noun
            add("release", "planned", m.start(), m.end(), _doer(s, m, mentions), _theme(s, m))
    for m in RELEASE_YES.finditer(s):
        if _attributive(s, m.start()):
            continue  # "the launched model": taken for granted, not reported
        scope = scope_of(s, m.start())
        state = {"negated": "no", "modal": "planned"}.get(scope, "yes")
        add("release", state, m.start(), m.end(), _doer(s, m, mentions), _theme(s, m))
    for m in USED_BY.finditer(s):  # "Sora can now be used by anyone with a plan": what anyone can use is released,
        # when a story name is the whole subject (not "data collected by Sora", "Sora's source code") and no
        # condition opens the clause ("Once released, Sora can be used by any subscriber")
        clause = re.split(r"[;:]", s[:m.start()])[-1]
        parts = clause.split(",")
        subject = (parts[0] if len(parts) >= 3 else parts[-1]).strip()  # past an aside: "Sora, a system that ..., can"
        at = s.find(subject, m.start() - len(clause))
        named_thing = next((men for men in mentions if men.end == at + len(subject)
                            and not s.startswith("'s", men.end)), None)
        if named_thing and not scope_of(s, m.start()) and not CONDITION_OPENING.match(clause.lstrip()) and \
                re.fullmatch(r"(?:(?:today|now|meanwhile|since \w+(?: \d+)?)\s+)?(?:the\s+|[\w-]+'s\s+)?",
                             s[at:named_thing.start]):
            add("release", "yes", m.start(), m.end(), None, s[named_thing.start:named_thing.end])

    cues.sort(key=lambda c: s.find(c.words))
    return tuple(cues)


def scope_of(s: str, start: int) -> str:
    """'negated' or 'modal' when a negation or a modal governs the word at start (within
    the three words before it, in its clause), else ''."""
    lead = s[max(0, start - 45):start]
    lead = re.split(r"[;,:]|\bbut\b|\band\b|\bthat\b|\bwhether\b|\bwhich\b", lead)[-1]
    if re.search(rf"(?:(?:^|\W){NEG}|n't)\W+(?:\w+\W+){{0,3}}$", lead) and not re.search(r"\bnot only\W", lead):
        return "negated"
    if NEITHER_NOR.search(CLAUSE_START.split(s[max(0, start - 120):start])[-1]):
        return "negated"  # "neither its architecture nor its training data was exposed"
    modal = re.search(rf"(?:^|\W)({MODAL})\W+(?:\w+\W+){{0,2}}$", lead)
    if modal and not (modal.group(1) in ("when", "once", "if", "until", "before", "after", "ahead of")
                      and re.match(r"(?:went|was|were|became|made|put|began|sold|\w+ed)\b", s[start:])):
        return "modal"  # "expected to confirm"; but "when Sora went on general release" happened
    if re.search(r"\bto\s+$", lead):
        return "modal"  # "Analysts expect OpenAI to confirm"
    if (cond := re.search(r"\b(?:once|if|when|until|unless)\s+((?:\w+\W+){3,7})$", lead)) and not re.search(
            r"\b(?:went|goes|was|were|is|are|became|made|put|began|sold|\w+ed)\b", cond.group(1) + s[start:start + 12]):
        return "modal"  # "will restart its routes once the main runway reopens": a condition, not a report
    head = max(0, start - 120)
    cut = max((m.end() for m in HEDGE_END.finditer(s, head, start + 30) if m.end() <= start), default=head)
    if HEDGE.search(s, cut, start):
        return "modal"  # "reports suggest today is the day OpenAI finally ships Sora"
    return ""


def _negation_start(s: str, start: int) -> int:
    """Where the negation governing the word at start begins, so a cue shows "has not been
    restored", not "restored"."""
    neg = re.search(rf"(?:\b(?:would|could|did|does|do|has|have|had|will|can)\s+)?(?:\b{NEG}|\w+n't)"
                    rf"\W+(?:\w+\W+){{0,3}}$", s[max(0, start - 45):start])
    return max(0, start - 45) + neg.start() if neg else start


def _none_of(s: str, m: re.Match) -> bool:
    """Is what the verb acts on nothing at all: "revealed no secrets", "nothing was
    disclosed", "no proprietary information about Sora was exposed"?"""
    return bool(re.match(r"\s+(?:no|nothing|none)\b", s[m.end():]) or
                _passive(s, m) and re.match(r"\s*(?:no|nothing|none)\b", _left_phrase(s, m.start())))


def _attributive(s: str, start: int) -> bool:
    """A participle used as an adjective ("the launched model", "a paused account")."""
    return bool(DETERMINER_BEFORE.search(s[max(0, start - 12):start])) and bool(
        re.match(r"\w+(?:ed|en)\s+(?!by\b|to\b|on\b|in\b|for\b)[a-z]", s[start:start + 40]))


def _passive_agent(s: str, m: re.Match, mentions: list[Mention]) -> str | None:
    """'was confirmed by OpenAI' -> the entity after by ('other' for anybody else)."""
    if not re.search(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?$", s[max(0, m.start() - 20):m.start()]):
        return None
    by = re.match(r"(?:\s+as\s+[\w-]+)?\s+by\s+([^,;.]{1,60})", s[m.end():])
    if not by or BY_WHEN.match(by.group(1)):  # "switched back on by December": when, not who
        return None
    lo, hi = m.end() + by.start(1), m.end() + by.end(1)
    return next((men.entity for men in mentions if lo <= men.start < hi), "other")


def _doer(s: str, m: re.Match, mentions: list[Mention]) -> str | None:
    """Who releases or shuts: the subject of an active verb, the by-phrase of a passive
    (nobody named when anyone can now use it)."""
    if CAN.search(m.group(0)):
        return None
    if "available" in m.group(0):  # "Meta made its model available": Meta releases what comes between
        phrase = _left_phrase(s, m.start())
        made = list(re.finditer(r"\b(?:made|makes|making|make)\b", phrase))
        return agent_of(s, m.start() - len(phrase) + made[-1].start(), mentions) if made else None
    return _passive_agent(s, m, mentions) if _passive(s, m) else agent_of(s, m.start(), mentions)


# a place or route after a noun that the phrase is still about: "bus services through the town centre"
# (with an article: "shuttle buses in Brell" are another place's)
POSTMODIFIER = re.compile(r"\s+(?:through|across|around|along|near|outside|inside|in|at|on|into)\s+(?:the|an?)\s+"
                          r"[\w'-]+(?:\s+[\w'-]+){0,3}$")


def named(agent: str | None) -> bool:
    """Is the agent a story entity (not nobody, somebody else, or a bare "it")?"""
    return agent not in (None, "other", "pronoun")


def _ending(mentions: list[Mention], cut: int, end: int) -> Mention | None:
    """The first mention after cut that ends the phrase ending at end."""
    return next((men for men in mentions if cut <= men.start and end - 1 <= men.end <= end + 1), None)


def agent_of(s: str, start: int, mentions: list[Mention]) -> str | None:
    """Who is the subject of the status word at start: the story entity that ends the noun
    phrase just before it (speaker heads like 'spokesperson' and fillers like 'on Friday'
    skipped), 'pronoun' for it/they, 'other' for anybody else, None when nothing precedes."""
    pre = s[:start].rstrip(" ")
    while (f := FILLER.search(pre)) is not None:  # fillers off, the comma that closes an aside kept
        pre = pre[:f.start()] + ("," if "," in re.match(r"[\s,]*", pre[f.start():]).group() else "")
    aside = APPOSITIVE.search(pre)  # "TallyPoint, the vendor that hosts the site, would not confirm": TallyPoint
    if aside and (head := next((men for men in mentions if abs(men.end - aside.start()) <= 1), None)) and not re.search(
            r"\b(?:of|against|for|to|with|from|by|in|on|at|about|over)\s+(?:the\s+)?$", pre[:head.start]):
        return head.entity  # (not "rivals of Brightwave, the maker of Lumo, have": the rivals)
    bound = list(BOUNDARY.finditer(s, 0, start))
    cut = bound[-1].end() if bound else 0
    seg = s[cut:start].rstrip(" ,")
    while (f := FILLER.search(seg)) is not None:
        seg = seg[:f.start()].rstrip(" ,")
    if len(bound) == 1 and seg.strip() and (head := _relative_subject(s, bound[0], mentions)):
        return head  # "the trust that runs St Aldric's has confirmed": the trust, not St Aldric's
    if not seg.strip():
        if bound and bound[-1].group(0) in ("which", "who"):  # "Gannet Air, which grounded two aircraft"
            head = s[:bound[-1].start()].rstrip(" ,")
            return next((men.entity for men in mentions if abs(men.end - len(head)) <= 1), "other")
        return None
    core = seg[:h.start()] if (h := SPEAKER.search(seg)) else seg
    if h and re.search(r"(?:^|,)\s*(?:an?|the)\s*$", core) and BARE_SPEAKER.match(h.group()):
        return "pronoun"  # "a spokesperson conceded": one who speaks for whom the article is about, as "it" does
    for candidate in (core, seg):  # "an OpenAI spokesperson", "a spokesperson for OpenAI"
        if men := _ending(mentions, cut, cut + len(candidate.rstrip())):
            head = next((h for h in mentions if cut <= h.start and _heads(s, cut, h, men)), None)
            return (head or men).entity
    if (head := POSTMODIFIER.sub("", core)) != core:  # "Bus services through the town centre have resumed"
        if men := _ending(mentions, cut, cut + len(head)):
            return men.entity
    if (obj := OBJECT_PRONOUN.search(seg)) and (men := next((m for m in reversed(mentions) if cut <= m.start
                                                             and m.end <= cut + obj.start() and re.fullmatch(
            r"(?:\s+(?:from|of|at|in|on|behind|inside)\s+[\w' -]+)?", s[m.end:cut + obj.start()])), None)):
        return men.entity  # "artists from the testing programme threw it open": the artists, not "it"
    if PRONOUN.search(seg):  # "The department said it was too early to say": it is the department
        said = re.search(rf"\b(?:{SAY})(?:\s+(?:(?:on|last|this|late|early)\s+\w+|yesterday|today))?(?:\s+that)?\s*$",
                         s[:cut])  # "the agency said on Wednesday that it", "the ferry company said it"
        # "Estuary Link, which runs the ferries, said it", "Tarn, the operator of the crossing, said it": the
        # name before the aside, not one inside it
        aside = said and re.search(r",\s+(?:which|who|the|an?)\b[^,;]*,\s*$", s[:said.start()])
        end = aside.start() if aside else said.start() if said else 0
        speaker = said and next((men for men in reversed(mentions) if men.end <= end), None)
        return speaker.entity if speaker and end - speaker.end < (2 if aside else 40) else "pronoun"
    if bound and bound[-1].group(0) == "whether" and re.search(r",\s*and$", seg):
        # "X has not confirmed whether the festival was insured, and has not decided ...": X, the subject of the
        # verb the question hangs on (after "that" the clause has its own: "said that Y met, and decided")
        verb = re.search(r"\w+\s+$", s[:bound[-1].start()])  # (its auxiliaries go as fillers)
        return agent_of(s, verb.start() if verb else bound[-1].start(), mentions)
    first = next((men for men in mentions if cut <= men.start), None)  # "OpenAI issued a statement and confirmed"
    if first and not s[cut:first.start].strip(" ,the") and re.search(r"\band$", seg):
        return first.entity
    return "other"


def _heads(s: str, cut: int, head: Mention, end: Mention) -> bool:
    """Is head the X of "X of Y" that ends in mention end, where the story names X too: "the managing
    director of the trust", or past the phrases after the X that opens the subject: "the managing
    director of the firm at the centre of the outbreak has admitted"?"""
    between = s[head.end:end.start]
    return re.fullmatch(r"\s+of\s+(?:the\s+)?", between) is not None or (
        re.fullmatch(r"\s*(?:the\s+)?", s[cut:head.start]) is not None and re.fullmatch(r"\s+of\s+[^,;:()]*", between)
        is not None)


def _relative_subject(s: str, bound: re.Match, mentions: list[Mention]) -> str | None:
    """The entity a relative clause that opens with its verb is about, when that entity opens
    the sentence or a clause ("two of the four theatres that were closed reopened"); not an
    object ("warned Halbrook that ...") nor a kind of thing ("a video tool that ...")."""
    if bound.group(0) not in ("that", "which", "who") or not REL_VERB.match(s, bound.end()):
        return None
    head = next((men for men in mentions if abs(men.end - bound.start()) <= 1), None)
    # (and "the managing director of the company that runs the landfill has confirmed": the company speaks, through
    # whoever holds a post in it (Baseline.fronts), not a director the story names at another body)
    if head and (re.search(r"(?:^|,)\s*(?:[a-z]+ of )?(?:(?:the|its|their) )?(?:(?!an? )[a-z-]+ )?$", s[:head.start])
                 or re.match(rf"(?:the|an?) (?:[a-z-]+ ){{0,2}}?{POST} of (?:the )?$", s[:head.start])):
        return head.entity
    return None


# nothing but when or how after a verify verb: it closes a report of what comes before it
TRAILING = re.compile(r"\s*(?:(?:on|last|this|late|early)\s+\w+\s*|yesterday\s*|today\s*|"
                      r"in an?\s+(?:\w+\s+)?statement\s*)?(?:[,.;:]|$)")


# a clause that is no statement of fact: a condition, a question, a possibility
UNSETTLED = re.compile(r"^\s*(?:if|whether|asked|unless|when)\b|\b(?:may|might|could)\b")


def _complement(s: str, end: int) -> str:
    """What a verify verb is about: the rest of its clause."""
    rest = s[end:]
    stop = re.search(r";|\bbut\b|, (?:while|although|though|adding|saying|whose|which)\b", rest)  # not an aside
    return rest[:stop.start()] if stop else rest


def _passive(s: str, m: re.Match) -> bool:
    """Is the status word said of the phrase before it ('access was revoked', 'the page went
    offline', 'Sora, though not yet released', 'is no longer available')?"""
    lead = s[max(0, m.start() - 25):m.start()]
    return bool(re.search(r"(?:\b(?:was|were|is|are|been|being|be|get|got|gets|remains?|remained)|,)\s+"
                          r"(?:(?:not|yet|now|since|also|quickly|already|still|then|later|reportedly|though|"
                          r"although|officially|publicly|never|n't)\s+)*$", lead)) or m.group(0).startswith(
        ("went", "goes", "go ", "is ", "are ", "was ", "were ", "has been", "have been", "no longer", "back ", "came back", "comes back", "come back", "unreleased", "on hold", "not been", "not yet been", "remain", "still")) or " again" in m.group(0)


def _theme(s: str, m: re.Match) -> str:
    """What a release or access word is about: its object ('released Sora to the public'),
    or for a passive the noun phrase before it ('access to the tool was revoked', 'Sora,
    though not yet released')."""
    if _passive(s, m) and not m.group(0).startswith("unreleased"):
        return _left_phrase(s, m.start())
    if "available" in m.group(0):
        return _left_phrase(s, m.start()) + ", " + re.split(r"[,;]", s[m.end():])[0]  # (the comma keeps MODIFIER
        # from joining the words either side of "available" into one: "made Lumo available to subscribers")
    if CAN.search(m.group(0)):  # "anyone with a Plus plan can use it": what is used, not who uses it
        return re.split(r"[,;]", s[m.end():])[0]
    obj = _object(s, m)
    if PRONOUN_OBJECT.search(m.group(0)):
        return obj  # "OpenAI shut it down": what was shut is not who shut it
    return obj if _names(obj) else _left_phrase(s, m.start()) + " " + obj


def _object(s: str, m: re.Match) -> str:
    """The words after an active status word up to the end of its object."""
    inside = re.sub(r"^\S+\s*", "", m.group(0))  # "opened Sora to paying", "lifted the cordon": the object may
    # sit in the match
    after = inside + " " + s[m.end():] if len(inside.split()) > 2 or ORDER_END.match(m.group(0)) else s[m.end():]
    stop = OBJECT_END.search(after)
    obj = after[:stop.start()] if stop else after
    if re.search(r"\baccess\b", obj) or re.match(r"\s*(?:access )?to\b", after):
        extra = re.match(r"[^,;.]*", after)
        obj = extra.group(0) if extra else obj
    return re.split(r"\b(?:who|which|that|after|before|when|rather than|instead of|but not|not)\b", obj)[0]


def _place(s: str, m: re.Match) -> str:
    """Where a shutdown or a reopening is: "suspended all operations at Corrin Deep", "lifted the
    ban it imposed on the mine"."""
    if ORDER.fullmatch(m.group(0)):
        return ""  # "the largest fine it has imposed on a company": on whom, not where
    at = PLACE.match(s, m.end())
    return " " + at.group(1) if at else ""


def _names(obj: str) -> bool:
    """Does an object name something, rather than stand for it ('it', 'them') or be empty?"""
    return bool(obj.split()) and not re.fullmatch(r"\s*(?:it|them|this|that|the \w+ early)?\s*", obj)


def _thing(s: str, m: re.Match, topic_tokens) -> str:
    """A theme marker naming what a status word is said of: the first word of its object
    ("suspended sales of all Corrin Hill products": sales), or with none, the first story
    entity of its subject in its clause ("its expanded recall remained in force": the recall; "the Benford plant of
    Corrin Hill remains closed": the plant); "" when neither names one."""
    def first(text: str, entity: bool = True) -> str:
        return next((f"{THING}{w}" for w in topic_tokens(text) if w.startswith("ent_") or not entity
                     and _names_thing(w)), "")  # "all operations": operations
    if PRONOUN_OBJECT.search(m.group(0)):
        return ""  # "OpenAI shut it down": "it" is said of something before, not of the doer
    active = not _passive(s, m) and "available" not in m.group(0) and not CAN.search(m.group(0))
    obj = _object(s, m) if active else ""
    if _has_object(obj) and (named := first(obj, entity=False)):
        return named  # "closed a funding round" is about a round
    head = s[:m.start()].rstrip()
    if aside := APPOSITIVE.search(head):  # "the pharmacy, which had sent callers to the hotline, reopened" is no
        head = head[:aside.start()] + ","  # hotline reopened, nor "Halden Museum, a walk from the library," the library
    bound = list(BOUNDARY.finditer(head))
    clause = head[bound[-1].end() if bound else 0:]
    return first(clause.rsplit(",", 1)[-1]) or first(clause)


def _subject_thing(s: str, m: re.Match, topic_tokens) -> str:
    """A theme marker naming the thing that is the subject of a status verb with no object
    ("non-urgent operations resumed at St Aldric's": operations, not a party that resumed
    something), by its head noun, the last word before any phrase after it ("reading groups"
    are groups); "" when the verb has an object or is passive."""
    if _passive(s, m) or _has_object(_object(s, m)):
        return ""
    bound = list(BOUNDARY.finditer(s, 0, m.start()))
    clause = s[bound[-1].end() if bound else 0:m.start()].rsplit(",", 1)[-1]
    head = re.split(r"\b(?:at|in|on|of|for|from|to|with|near|outside|inside|across|around|along|through|by)\b", clause)[0]
    return next((f"{THING}{w}" for w in reversed(topic_tokens(head)) if not w.startswith("ent_") and _names_thing(w)),
                "")


def _has_object(obj: str) -> bool:
    """Do the words after an active status verb name its object ("closed a funding round"),
    not a place or a time ("return to the skies", "resumed Thursday")?"""
    return _names(obj) and not re.match(r"\s*(?:to|in|into|on|at)\b", obj) and not WHEN.match(obj)


def _names_thing(word: str) -> bool:
    return not (any(c.isdigit() for c in word) or word in QUANTIFIERS)


# a pronoun object inside the status words: "shut it down", "switched them back on"
PRONOUN_OBJECT = re.compile(r"\s(?:it|them)\s+(?:down|off|back|offline|up|out)\b")
QUANTIFIERS = frozenset("all every each any some most both further more many".split())
WHEN = re.compile(r"\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|overnight|last|this|next|"
                  r"early|late|again|\d)")
JOINT = re.compile(r";|,\s+(?:and|but|yet|while)\b")
SAID_THAT = re.compile(rf"\b(?:{SAY})\b(?:\s+that\b)?")


def _referent(s: str, start: int, mentions: list[Mention]) -> str | None:
    """What "it" or "they" opening a joined clause stands for: the subject of the clause before
    ("Sora was open only to invited artists; it is now available to subscribers"), past any
    "X said (that)"; None after a subordinate word ("... before it was disabled": the page)."""
    joint = list(JOINT.finditer(s, 0, start))
    if not joint or re.search(r"\w", s[joint[-1].end():start].replace(" it ", " ").replace(" they ", " ")):
        return None
    head = max((j.end() for j in joint[:-1]), default=0)
    said = list(SAID_THAT.finditer(s, head, joint[-1].start()))
    head = said[-1].end() if said else head
    return next((m.entity for m in mentions if head <= m.start < joint[-1].start()), None)


def thing_of(cue: Cue) -> str | None:
    return next((w[len(THING):] for w in cue.theme if w.startswith(THING)), None)


def _left_phrase(s: str, start: int) -> str:
    left = s[:start]
    aside = NONRESTRICTIVE.search(left)  # "the hotline, which was shut down when calls swamped it, reopened":
    left = left[:aside.start()] if aside else left  # the hotline reopened
    apposition = APPOSITIVE.search(left.rstrip())  # "Sora, the model that testers leaked, is now bundled": Sora
    if apposition and (len(left[:apposition.start()].split()) <= 4  # the aside is on the subject, not an object
                       or re.match(r",\s+" + PARTICIPLE, apposition.group())):  # (after a participle aside, whatever its length)
        left = left[:apposition.start()]
    cuts = list(re.finditer(rf";|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|,\s+so\b(?!\s+far)|{OPENERS}|\bafter\b|"
                            rf"\bbefore\b|\bwhen\b|\bhowever\b|\b(?:{SAY}|announced)\b", left))  # who says so is not what it is about
    if not cuts:
        return left
    # "the three schools that were shut after the fire reopened": the noun the relative clause is on
    rel = next((i for i, c in enumerate(cuts) if c.group(0) in ("that", "which", "who") and REL_VERB.match(left, c.end())
                and not re.search(r"[,;:]", left[c.end():]) and all(d.group(0) in ("after", "before", "when", "while") for d in cuts[i + 1:])), None)
    if rel is not None and re.search(r"\w", left[(cuts[rel - 1].end() if rel else 0):cuts[rel].start()]):
        return left[(cuts[rel - 1].end() if rel else 0):cuts[rel].start()]
    last = cuts[-1]
    if re.match(r"\s*(?:its|their|his|her)\b", left[last.end():]) and re.fullmatch(rf"{SAY}|announced", last.group(0)):
        return left[(cuts[-2].end() if len(cuts) > 1 else 0):]  # "Brackmoor said its systems were back": Brackmoor's
    if last.group(0) in ("which", "who", "that") and not re.search(r"\w", LINKING.sub("", left[last.end():])):
        # "the notice, which was lifted": the relative pronoun stands for the phrase before it
        return left[(cuts[-2].end() if len(cuts) > 1 else 0):last.start()]
    return left[last.end():]


def _about_truth(text: str, theme: set[str]) -> bool:
    """Is a verify cue about whether something is real ('whether the leak was authentic',
    'that the tool was Sora', 'the leak') rather than about an event ('that it paused
    access', 'that Sora remains in preview')?"""
    if QUESTION_OF_WHAT.match(text):
        return False  # "would not confirm what caused the rupture", "the cause of the fire": which, not whether
    if re.search(rf"\b(?:{TRUE_WORDS}|authenticity|legitimacy|veracity|really|actually|indeed)\b|"
                 rf"\b(?:was|is|were|are|be)\s+(?:{FALSE_WORDS})\b", text):
        return True
    if re.match(r"\s*(?:the |those |these |media |news |press |online )?(?:reports?|claims?|suggestions?|allegations?|"
                r"rumou?rs?|speculation)\b", text):
        return True  # "disputed reports that ...": whether it is so
    named = {w for t in theme if t.startswith("ent_") for w in t[4:].split("_")}
    if named and (last := re.search(r"\b(?:was|is|were|are)\s+(?:in fact\s+|actually\s+|really\s+|indeed\s+)?"
                                    r"(?P<det>(?:its|their|the real|an?) )?\s*(?!\w+ed\b)(?P<what>\w+)[.,]?\s*$", text)) \
            and (last.group("det") or last.group("what") in named):
        return True  # "... was Sora", "... was its model" (not "... was faulty": a state, no identity)
    words = [t for t in theme if not t.startswith("ent_")]
    return bool(theme) and len(words) <= 1 and not re.search(r"\b(?:had|has|have|was|were|is|are|would|will)\b", text)


def _reduced(s: str, m: re.Match) -> bool:
    """A participle that follows its noun and names no state of it ("credentials issued to
    testers", "a statement issued hours later"), not a passive ("was issued to")."""
    return bool(re.match(r"\s+(?:to|through|via|hours|days|weeks|earlier|later|last|for|with)\b", s[m.end():])) \
        and not re.search(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", s[:m.start()])


def agrees(a: Cue, b: Cue, doers: frozenset[str] = frozenset()) -> bool:
    """Is new cue a about the same thing as baseline cue b? Same frame; the same agent for
    a verify cue, for the others no agent from outside the story, and for a release none
    the baseline never gives that frame (doers: the agents it does give; any other story
    entity as the subject is what was released); and themes that share an entity, or for
    a verify cue that names none, a content word."""
    if a.frame != b.frame:
        return False
    if a.frame == "act":  # one act (its lemma), by the same doer where the baseline names one
        return act_of(a) == act_of(b) and (not named(b.agent) or a.agent == b.agent)
    if a.frame == "verify" and not _same_agent(a.agent, b.agent):
        return False
    if SPOKE in a.theme:  # speaking up settles only the same party's silence
        return b.state == "unknown" and a.agent == b.agent and bool(NO_COMMENT.search(b.words))
    if a.frame == "verify" and a.state == b.state == "unknown" and a.agent == b.agent and not _words(a) | _words(b) \
            and NO_COMMENT.search(a.words) and NO_COMMENT.search(b.words):
        return True  # "again declined to comment": the same silence
    if a.frame == "verify" and a.state == "yes" and SAID not in a.theme and b.state == "unknown" and \
            NO_COMMENT.search(b.words) and not _words(b) and a.agent == b.agent and named(a.agent):
        return True  # "Dunmore would not comment", then "Dunmore has admitted that ...": the silence is over
    if a.frame == "access" and (ta := thing_of(a)) and (tb := thing_of(b)) and ta not in b.theme and tb not in a.theme:
        return False  # the recall in force is not the plant reopened, though both are the company's
    if a.frame == "access" and bool(IN_FORCE.search(a.words)) != bool(IN_FORCE.search(b.words)) and not (
            ORDER_END.search(a.words) or ORDER_END.search(b.words)):
        return False  # an order in force is ended by lifting it: the plant it names staying shut is other news
    if a.frame == "access" and a.agent is None and (ta := thing_of(a)) and not ta.startswith("ent_") \
            and _word(ta) not in _words(b):  # a thing resumed is one the baseline names the same way:
        return False  # "protests resumed outside the library" reopen no library
    if a.frame != "verify" and a.agent == "other":
        return False
    if a.frame == "access" and thing_of(a) and thing_of(a) == thing_of(b) and a.agent == b.agent \
            and a.agent not in (None, "pronoun"):
        return True  # the same doer and the same thing: "the foundation resumed payments on part of her grant"
    ea = {t for t in a.theme if t.startswith("ent_")}
    if a.frame == "access" and (thing := thing_of(a)) and thing.startswith("ent_"):
        ea.add(thing)  # what is shut or resumed, named before the verb: "work at the cemetery resumed"
    if a.frame in ("access", "phase") and not ea and a.agent not in (None, "pronoun", "other"):
        ea = {token(a.agent)}  # "six aircraft return to service": what returns is the subject
    if a.frame in ("release", "expose") and doers and a.agent not in (None, "pronoun", b.agent) and a.agent not in doers:
        if ea:
            return False  # "the artists made Sora available": not who releases it
        ea = {token(a.agent)}  # "Sora launched on Monday": the subject is what was launched
    if a.frame == "verify" and (TRUTH in a.theme) != (TRUTH in b.theme):
        return False
    eb = {t for t in b.theme if t.startswith("ent_")}
    # confirming one event does not settle another that shares a word or an entity with it ("asked whether"
    # frames the question and is none of its words: "Asked whether X had been suspended, she would not confirm it")
    asked = _words(b) - {"whether", "ask"}
    if a.frame == "verify" and TRUTH not in a.theme and len(_words(a) & asked) < min(2, len(asked)):
        return False
    if SAID in a.theme:  # a plain report settles a hedge about the same event, in most of its words
        shared, hedged = _words(a) & _words(b), _words(b) - {"whether"}
        if b.state != "unknown" or TRUTH in b.theme or len(shared) < 2 or len(shared) < len(hedged) / 2:
            return False
    if a.frame == "verify" and not (ea and eb):  # what is confirmed may name no entity: its words decide,
        # and more than one when only the baseline names what it is about ("sailings had been suspended"
        # is not "whether the captain had been suspended")
        return len(_words(a) & _words(b)) >= (2 if eb and not ea and TRUTH not in b.theme else 1)
    if a.frame == "expose" and a.state != b.state and _words(b) and not _words(a):
        return False  # "no information about Sora was disclosed" is not settled by Sora itself being leaked
    if ea & eb:
        return True
    # a release or a shutdown of nothing the story names ("devices are available") is other
    # news, unless the baseline's own unnamed thing is named the same way ("any airworthiness directive")
    return not eb and len(_words(a) & _words(b)) >= 2


def act_of(cue: Cue) -> str:
    """The lemma of an act cue (acts.py)."""
    return next((w[5:] for w in cue.theme if w.startswith("~act:")), "")


def _words(cue: Cue) -> set[str]:
    """Content words of a cue's theme; a final e off, as the stemmer takes it off "caused" but not "cause",
    and a noun in -sion as its verb ("corrosion" is what "corroded" did, "explosion" what "exploded" did)."""
    return {_word(t) for t in cue.theme if not t.startswith(("ent_", "~"))}


def _word(t: str) -> str:
    return VERB_OF_SION.sub("d", t).removesuffix("e")


VERB_OF_SION = re.compile(r"(?<=[aeiou])sion$")


def _same_agent(new: str | None, old: str | None) -> bool:
    if not named(old):
        return new not in ("other",)
    return new == old


def conflict(old: Cue, new: Cue) -> bool:
    return (old.state, new.state) in CONFLICTS.get(old.frame, ())
