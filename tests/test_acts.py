"""Acts a baseline gives as open or not done, settled by a later report; values said as
what they were before, as an amount of change, or as a share. A small invented story (a
museum theft and a guards' walkout), judged by the same code as any story."""

import pytest

from monitor.acts import lemma
from monitor import frames as acts_
from monitor.compare import Baseline, judge
from monitor.claims import analyse

ENTITIES = {
    "Harwick Museum": ["the museum", "Harwick", "the gallery's owner"],
    "Lenmoor Police": ["police", "the police", "detectives"],
    "Castell Insurance": ["the insurer", "Castell"],
    "Guards' Union": ["the union", "the guards' union"],
}
SEEDS = [
    "The Harwick Museum has not decided whether to reopen the east wing after the theft.",
    "No arrests have been made, the police said on Monday.",
    "Castell Insurance refused to pay the museum's claim for the stolen paintings.",
    "The Guards' Union is demanding a 9% pay rise for museum staff.",
    "The museum drew about 1,200 visitors a day before the theft.",
    "The guards' walkout is planned to last 10 days.",
]


TOPIC = {"anchors": ["harwick"], "context": ["museum", "theft"], "min_score": 0.0, "entities": ENTITIES}


@pytest.fixture(scope="module")
def baseline():
    return Baseline([{"id": "001", "claims": SEEDS}], TOPIC)


def status(baseline, text):
    return judge(analyse(text, "t", baseline.entities), baseline).status


@pytest.mark.parametrize("text, expected", [
    ("The Harwick Museum reopened the east wing on Tuesday.", "contradicted"),  # done
    ("The museum said it would not reopen the east wing this year.", "contradicted"),  # firmly refused
    ("The museum may reopen the east wing next month.", "not contradicted"),  # a possibility settles nothing
    ("Critics asked whether the museum had reopened the east wing too soon.", "not contradicted"),  # a question
    ("The police have arrested two men over the theft.", "contradicted"),  # the noun's act done
    ("The police said they had not yet arrested anyone.", "corroborated"),
    ("Castell Insurance paid the museum's claim in full on Friday.", "contradicted"),  # irregular past
    ("Castell Insurance paid its staff a bonus this year.", "not contradicted"),  # the act on another thing
    ("A rival gallery in Dunmore reopened its east wing.", "not contradicted"),  # another doer
])
def test_a_report_settles_an_open_act_of_the_same_doer(baseline, text, expected):
    got = status(baseline, text)
    assert got != "contradicted" if expected == "not contradicted" else got == expected


@pytest.mark.parametrize("text, expected", [
    ("The union lowered its pay demand from 9% to 7.5% for museum staff.", "updated"),  # from X to Y
    ("The union has cut its demand to a 7.5% pay rise for museum staff.", "updated"),
    ("Visitor numbers have since fallen by about a third, the museum said.", "new"),  # a share, not a count
    ("The guards extended their walkout by five days.", "not updated"),  # a change, not how long it lasts
    ("The guards' walkout will now last 15 days rather than 10.", "updated"),
])
def test_values_said_as_before_change_and_share(baseline, text, expected):
    got = status(baseline, text)
    assert got != "updated" if expected == "not updated" else got == expected


@pytest.mark.parametrize("a, b", [("paid", "pay"), ("arrests", "arrested"), ("extending", "extended"),
                                  ("reopened", "reopen"), ("investigation", "investigated"), ("stopped", "stop")])
def test_lemma_joins_a_verb_and_its_forms(a, b):
    assert lemma(a) == lemma(b)


NOUN_SEEDS = [
    "The Lenmoor Police have not ruled out a formal inquiry into the museum's security firm.",
    "Castell Insurance has made no offer of compensation to the lenders.",
    "No lawsuit has been filed over the theft, the museum said.",
    "No group has claimed responsibility for the theft.",
]


@pytest.fixture(scope="module")
def nouns():
    entities = ENTITIES | {"Grey Hand": ["the gang"]}
    return Baseline([{"id": "001", "claims": NOUN_SEEDS}], {**TOPIC, "entities": entities})


@pytest.mark.parametrize("text, expected", [
    ("The police opened an inquiry into the security firm on Monday.", "contradicted"),  # a verb that performs it
    ("A formal inquiry into the security firm was announced by the police.", "not contradicted"),  # doer unsaid
    ("The police have not opened an inquiry into the security firm.", "not contradicted"),
    ("The police may open an inquiry into the security firm.", "not contradicted"),
    ("A lender called for an inquiry into the security firm.", "not contradicted"),  # asked for, not done
    ("Castell Insurance offered the lenders compensation on Friday.", "contradicted"),
    ("The museum's lenders filed a lawsuit against Harwick on Tuesday.", "contradicted"),
    ("A gang calling itself Grey Hand has claimed responsibility for the theft.", "contradicted"),  # who is the noun
    ("Detectives called the claimed link to a 2019 theft weak.", "not contradicted"),  # an adjective, no act
])
def test_an_act_named_by_its_noun_is_settled_by_a_verb_that_performs_it(nouns, text, expected):
    got = status(nouns, text)
    assert got != "contradicted" if expected == "not contradicted" else got == expected


def test_a_status_a_later_baseline_article_already_moved_is_no_reversal():
    """The baseline folder is in publishing order: what its last article says of an act or a
    status is the baseline's word on it."""
    later = Baseline([{"id": "001", "claims": ["No arrests have been made, the police said on Monday.",
                                               "The Harwick Museum is closed to visitors after the theft."]},
                      {"id": "002", "claims": ["Police arrested a 34-year-old man on Wednesday over the theft.",
                                               "The Harwick Museum reopened to visitors on Thursday."]}], TOPIC)
    assert status(later, "The man arrested on Wednesday is still being questioned by the police.") != "contradicted"
    assert status(later, "The Harwick Museum reopened to visitors at the weekend.") != "contradicted"
    earlier = Baseline([{"id": "001", "claims": ["No arrests have been made, the police said on Monday."]},
                        {"id": "002", "claims": ["Police said on Wednesday that nobody had been arrested yet."]}], TOPIC)
    assert status(earlier, "Police arrested a 34-year-old man on Wednesday over the theft.") == "contradicted"


def test_what_an_act_named_something_as_is_part_of_its_object():
    named = Baseline([{"id": "001", "claims": ["Castell Insurance declined to name the loss adjuster handling "
                                               "the museum's claim."]}], TOPIC)
    assert status(named, "Castell Insurance has named Brill & Co as the loss adjuster for the claim.") == "contradicted"
    assert status(named, "Castell Insurance has named Brill & Co as its new auditor.") != "contradicted"


def test_it_after_x_said_on_a_day_that_is_x():
    refer = Baseline([{"id": "001", "claims": [
        "The Harwick Museum reported the theft on Sunday.",
        "The Lenmoor Police said on Wednesday that it had not decided whether to refer the case to prosecutors."]}],
        TOPIC)
    assert [c.agent for c in refer.claims[1].cues if c.frame == "act"] == ["lenmoor police"]
    assert status(refer, "The Lenmoor Police has referred its findings from the theft inquiry to prosecutors.") == "contradicted"


def test_ruling_out_that_something_happened_says_whether_it_did():
    """'Has not ruled out that P' leaves P open; 'ruled out the possibility that P' says P did
    not happen. Neither is an act called 'possibility'."""
    open_ = Baseline([{"id": "001", "claims": [
        "The Lenmoor Police have not ruled out that the paintings were taken out of the country."]}], TOPIC)
    assert [(c.frame, c.state) for c in open_.claims[0].cues] == [("verify", "unknown")]
    assert status(open_, "The Lenmoor Police have ruled out the possibility that the paintings were taken out of "
                         "the country.") == "contradicted"
    assert status(open_, "The Lenmoor Police have ruled out the possibility that the thieves had a key.") != "contradicted"
    assert status(open_, "The Lenmoor Police still have not ruled out that the paintings were taken out of "
                         "the country.") == "corroborated"


def test_a_question_still_open_ends_before_an_aside_about_something_else():
    """'Has still not said whether it will engage with Orrin, whose offer values it at $6.8
    billion': the question is the engaging; a plain report of the offer's value answers nothing."""
    topic = {"anchors": ["vantis"], "context": ["bid"], "min_score": 0.0,
             "entities": {"Vantis": ["the company"], "Vantis board": ["the board", "the board of Vantis", "directors"], "Orrin": [],
                          "takeover offer": ["the offer", "the bid", "all-cash offer", "all-cash bid"]}}
    bid = Baseline([{"id": "001", "claims": [
        "The board of Vantis has still not said whether it will engage with Orrin, whose all-cash offer values the "
        "company at roughly $6.8 billion."]}], topic)
    assert [(c.frame, c.state) for c in bid.claims[0].cues][:1] == [("verify", "unknown")]
    claim = analyse("Directors said the all-cash bid, which values Vantis at about $6.8 billion, undervalues the "
                    "company.", "t", bid.entities)
    assert judge(claim, bid).status != "contradicted"


@pytest.mark.parametrize("text, expected", [
    ("Varga formally requested a recount on Monday.", "contradicted"),  # to request is to seek
    ("Varga requested a recount of the county executive race on Monday.", "contradicted"),  # its head: a recount
    ("Cole declared victory on Tuesday evening.", "contradicted"),  # what he stopped short of
    ("The board has begun counting the provisional ballots.", "contradicted"),
    ("The board has not begun counting the provisional ballots.", "not contradicted"),
    ("Varga requested a meeting with the clerk.", "not contradicted"),  # another thing requested
    ("Varga requested a copy of the recount rules.", "not contradicted"),
    ("The Ministry agreed to fund an inspection.", "not contradicted"),  # to fund is not always to pay for
    ("Cole fell short of a majority in the suburbs.", "not contradicted"),
])
def test_an_act_said_with_another_verb_or_begun_is_done(text, expected):
    race = Baseline([{"id": "001", "claims": [
        "Varga would not say whether she will seek a recount.",
        "Cole has stopped short of declaring victory.",
        "The board has not ruled out counting the provisional ballots again.",
        "The Ministry declined to say whether it would pay for the count.",
    ]}], {"anchors": ["varga"], "context": ["recount"], "min_score": 0.0, "entities": {
        "Elena Varga": ["Varga"], "Martin Cole": ["Cole"], "Election Board": ["the board"],
        "Ministry": ["the ministry"]}})
    got = judge(analyse(text, "t", race.entities), race).status
    assert got != expected[4:] if expected.startswith("not ") else got == expected, (text, got)


FERRY = {"anchors": ["aldby"], "context": ["bridge", "ferry"], "min_score": 0.0, "entities": {
    "Aldby Bridge": ["the bridge"], "Tarn Ferries": ["the ferry company", "Tarn"], "Aldby Council": ["the council"]}}


@pytest.mark.parametrize("text, expected", [
    ("Tarn Ferries has added six sailings a day since the bridge closed.", "contradicted"),  # the act, and no new total
    ("A Tarn Ferries manager added that the company had taken on eleven extra crew.", "not contradicted"),  # speech
    ("The council has begun repaying prepaid toll passes.", "contradicted"),  # to repay is to refund
    ("The council began refunding prepaid toll passes on Monday.", "contradicted"),
    ("The council has begun refunding parking fines.", "not contradicted"),  # another thing refunded
])
def test_added_is_an_act_on_a_noun_and_speech_before_that(text, expected):
    ferry = Baseline([{"id": "001", "claims": [
        "Tarn Ferries, which runs the crossing between the two towns, said it had not ruled out adding sailings.",
        "Tarn Ferries runs 14 sailings a day.",
        "The council declined to say whether prepaid toll passes will be refunded.",
    ]}], FERRY)
    acts_ = [c for claim in ferry.claims for c in claim.cues if c.frame == "act"]
    assert [c.agent for c in acts_] == ["tarn ferries", "aldby council"]  # "X, which ..., said it": X
    got = judge(analyse(text, "t", ferry.entities), ferry).status
    assert got != expected[4:] if expected.startswith("not ") else got == expected, (text, got)


def test_it_after_a_plain_x_said_is_x():
    ferry = Baseline([{"id": "001", "claims": ["Tarn Ferries said it had not ruled out adding sailings."]}], FERRY)
    assert [c.agent for c in ferry.claims[0].cues if c.frame == "act"] == ["tarn ferries"]


@pytest.mark.parametrize("seed, agent, theme", [
    ("Tarn Ferries, which has a contract with the council, said it had not ruled out adding sailings.",
     "tarn ferries", "sailing"),
    ("Tarn Ferries, the operator of the crossing between the two towns, said it had not ruled out adding sailings.",
     "tarn ferries", "sailing"),
    ("Tarn Ferries added on Monday that it had not ruled out adding sailings.", "tarn ferries", "sailing"),
    ("The council would not say whether drivers who hold toll passes will be refunded.", "aldby council", "driver"),
    ("The council would not say whether commuters will be refunded.", "aldby council", "commuter"),
])
def test_who_would_act_and_on_what(seed, agent, theme):
    ferry = Baseline([{"id": "001", "claims": [seed]}], FERRY)
    act, = [c for c in ferry.claims[0].cues if c.frame == "act"]
    assert act.agent == agent and theme in act.theme, act


def test_being_able_to_is_no_act():
    ferry = Baseline([{"id": "001", "claims": ["Tarn Ferries would not say whether it would be able to add sailings."]}],
                     FERRY)
    assert [acts_.act_of(c) for c in ferry.claims[0].cues if c.frame == "act"] == ["add"]



@pytest.mark.parametrize("seed, text, expected", [
    ("The lenders have not ruled out legal action against the museum.",
     "The lenders filed a lawsuit against Harwick Museum on Tuesday.", "contradicted"),
    ("The lenders have not ruled out suing the museum.",
     "The lenders have sued the museum for the value of the paintings.", "contradicted"),
    ("The lenders have not ruled out suing the museum.",
     "The lenders lodged a claim for damages against the museum on Friday.", "contradicted"),
    ("The lenders have not decided whether to take legal action.",
     "The lenders have taken legal action against the museum.", "contradicted"),
    ("No lawsuits have been filed, the lenders' solicitor said.",
     "The lenders filed a lawsuit against Harwick Museum on Tuesday.", "contradicted"),
    ("The lenders have not ruled out legal action against the museum.",
     "The lenders may file a lawsuit against the museum next month.", "not contradicted"),  # a plan
    ("The lenders have not ruled out legal action against the museum.",
     "A visitor sued the museum in 2019 over a fall on the stairs, the lenders said.", "not contradicted"),
    ("The museum said no formal decision had been made on the east wing.",
     "The museum was unlikely to reopen the wing, although no formal decision had been taken.", "not contradicted"),
])
def test_legal_action_a_lawsuit_and_suing_are_one_act(seed, text, expected):
    """News copy names going to law several ways; "filed a lawsuit" settles "has not ruled out
    legal action" by the same party."""
    b = Baseline([{"id": "001", "claims": [seed]}], {**TOPIC, "entities": ENTITIES | {"the lenders": ["lenders"]}})
    got = status(b, text)
    assert got != "contradicted" if expected == "not contradicted" else got == expected, (text, got)


@pytest.mark.parametrize("text, expected", [
    ("The Department of Water and Environment fined Halvorsen Midstream $3.2 million on Wednesday.", "contradicted"),
    ("A river group said it believed the department had already decided to fine Halvorsen.", "not contradicted"),
    ("The department is believed to have fined Halvorsen Midstream.", "not contradicted"),
    ("The department fined Cardle Energy $450,000 last month for a smaller spill.", "not contradicted"),
])
def test_an_act_on_an_entity_named_another_way_and_a_belief_is_no_report(text, expected):
    """"Fine the company" and "fined Halvorsen Midstream" act on one entity by its names; what a
    party believes was decided is not a report that it was."""
    b = Baseline([{"id": "001", "claims": ["The Department of Water and Environment has not decided whether to "
                                            "fine the company."]}],
                 {**TOPIC, "entities": {"Halvorsen Midstream": ["the company", "Halvorsen"],
                                        "Department of Water and Environment": ["the department"]}})
    got = status(b, text)
    assert got != "contradicted" if expected == "not contradicted" else got == expected, (text, got)


@pytest.mark.parametrize("seed, text", [
    ("The lenders have not ruled out legal action against the museum.",
     "The lenders' lawyer Sue Marsh said the photographs were taken in 2019."),  # a first name
    ("No lawsuits have been filed, the lenders' solicitor said.",
     "The lenders said lawyer Sue Marsh had been sent the inventory."),
    ("The lenders have not ruled out legal action against the museum.",
     "The lenders took legal action against Castell Insurance in 2018."),  # another defendant
    ("The lenders have not ruled out suing the museum.",
     "The lenders sued Castell Insurance over an unpaid claim last year."),
    ("The lenders have not decided whether to take legal action against the museum.",
     "The lenders filed a lawsuit against the insurer on Tuesday."),  # only "against" in common
    ("The lenders have not ruled out suing the museum.", "The lenders have been sued by the museum."),  # passive
    ("Police have not ruled out charges.", "Detectives took charge of the investigation on Monday."),
    ("The department has not decided whether to fine the museum.",
     "The department fined a Harwick contractor $50,000 on Wednesday."),  # the name only modifies
])
def test_guards_from_review_of_going_to_law_and_objects(seed, text):
    b = Baseline([{"id": "001", "claims": [seed]}],
                 {**TOPIC, "entities": ENTITIES | {"the lenders": ["lenders"], "the department": []}})
    assert status(b, text) != "contradicted", text
