"""What a value counts or measures, read through the story's own names for things: a count
of "freighters" is a count of the story's cargo vessels when its config says so, and "the
ransom demand" is a demand. A small invented story (a harbour blockade), judged by the same
code as any story."""

import pytest

from monitor.claims import analyse, analyse_all, find_attribution
from monitor.compare import Baseline, judge
from monitor import acts
from monitor.entities import Entities, fronts
from monitor.values import DELTA_VALUE, MODAL_VALUE, PRIOR_VALUE, find_values, measures

ENTITIES = {
    "Ostmark Harbour": ["the harbour", "the port", "Ostmark"],
    "cargo vessels": ["freighters", "the ships", "vessels"],
    "Fishers' Guild": ["the guild", "the fishers"],
    "ransom demand": ["the demand", "their demand", "the ransom"],
    "Coastal Police": ["the police", "police"],
}
SEEDS = [
    "Twenty-two cargo vessels were queued outside Ostmark Harbour on Friday, the harbour office said.",
    "The Fishers' Guild said 180 of its boats had joined the blockade.",
    "The hijackers of the tug Sella demanded a ransom of $1.5 million, the Coastal Police said.",
]


@pytest.fixture(scope="module")
def baseline():
    return story(ENTITIES, SEEDS, "ostmark", ["blockade", "harbour"])


def story(entities, seeds, anchor, context):
    """A one-snapshot baseline of a small invented story."""
    topic = {"anchors": [anchor], "context": context, "min_score": 0.0, "entities": entities}
    return Baseline([{"id": "001", "claims": seeds}], topic)


def status(baseline, text, before=()):
    *_, claim = analyse_all([*before, text], "t", baseline.entities)
    return judge(claim, baseline).status


def expect(baseline, text, expected, before=()):
    """expected is a status, or "not <status>" for any other; before: the article's
    sentences ahead of this one."""
    got = status(baseline, text, before)
    assert got != expected[4:] if expected.startswith("not ") else got == expected, (text, got)


@pytest.mark.parametrize("text, expected", [
    ("Thirty freighters were waiting off Ostmark on Monday, the harbour office said.", "updated"),
    ("The number of vessels queued outside the harbour has fallen to 12.", "updated"),
    ("Twenty-two ships were still queued outside Ostmark Harbour on Friday.", "corroborated"),
    ("Thirty fishing boats from Brell were queued outside Ostmark Harbour, the harbour office said.", "not updated"),
    ("The hijackers have raised their demand to $2 million, the police said.", "updated"),
    ("The harbour office said it had spent $2 million on extra tugs this year.", "not updated"),
])
def test_a_count_or_sum_of_a_thing_the_story_names(baseline, text, expected):
    expect(baseline, text, expected)


def test_the_story_entity_a_count_names_is_what_it_counts(baseline):
    claim = analyse("Thirty freighters and 22 cargo vessels and 40 boats", "t", baseline.entities)
    assert [v.noun for v in claim.values] == ["ent_cargo_vessels", "ent_cargo_vessels", "boat"]


@pytest.mark.parametrize("text, n", [
    ("the number of ships waiting at anchor has fallen to 12", 12),  # "at a(nchor)" is no number
    ("the number of people at a rally was twelve", 12),
    # an estimate of a count, or a figure for one, is that count, with its scale
    ("the operator raised its estimate of the tickets affected to 1.7 million", 1_700_000),
    ("the operator's figure for players wrongly told they had won now stands at 41,200", 41_200),
])
def test_the_number_of(text, n):
    assert [v.amount for v in find_values(text) if v.kind == "count"] == [n]


@pytest.mark.parametrize("text, counted", [
    # a preposition or a verb ends a count's phrase: what follows is no noun of the count
    ("The council revised the number of encrypted servers to 58 after engineers found more.", [(58, "server")]),
    ("The tally reached 40 before officials closed the gates.", []),
    ("Officers arrested 12 suspects.", [(12, "suspect")]),  # a count and its noun still meet
    ("About 30 striking drivers joined the picket.", [(30, "driver")]),  # and so do a count's modifiers
])
def test_a_count_phrase_ends_at_a_preposition_or_verb(text, counted):
    assert [(v.amount, v.noun) for v in find_values(text) if v.kind == "count"] == counted


@pytest.mark.parametrize("text, release", [
    ("Twenty container ships were waiting at anchor.", False),  # the plural noun
    ("The ships, which carry grain, were turned back.", False),
    ("OpenAI ships Sora to paying users today.", True),  # the verb
])
def test_ships_is_a_release_only_as_a_verb(text, release):
    cues = analyse(text).cues
    assert any(c.frame == "release" and c.state == "yes" for c in cues) == release


BID = {
    "Pellam Systems": ["Pellam", "the bidder"],
    "Quorra Ltd": ["Quorra", "the target", "the company"],
    "Dunstan Capital": ["Dunstan", "the fund"],
}
BID_SEEDS = [
    "Pellam Systems offered $30 a share for Quorra Ltd, valuing the company at about $2 billion.",
    "Pellam already holds an 8.5 percent stake in Quorra.",
    "Quorra shares jumped 22 percent to $28.10 on Monday.",
    "Quorra reported annual revenue of $640 million last year.",
    "Dunstan Capital owns 6 percent of Quorra and has not said whether it will sell.",
]


@pytest.fixture(scope="module")
def bid():
    return story(BID, BID_SEEDS, "quorra", ["bid", "offer"])


@pytest.mark.parametrize("text, expected", [
    ("Pellam raised its offer for Quorra to $34 a share on Friday.", "updated"),
    ("Quorra shares closed at $31.40 on Wednesday, above the offer.", "not updated"),  # that day's quote
    ("Quorra stock fell 4 percent on Thursday.", "not updated"),  # a move on another day
    ("Quorra reported first-quarter revenue of $170 million.", "not updated"),  # a quarter is not a year
    ("Dunstan Capital, which owns 6 percent of Quorra, said it was still weighing the bid.", "corroborated"),
    ("Pellam now holds a 12 percent stake in Quorra.", "updated"),
    ("Quorra is pushing for a price of $36 a share, people familiar with the talks said.", "not updated"),
])
def test_prices_quotes_periods_and_holders(bid, text, expected):
    expect(bid, text, expected)


@pytest.mark.parametrize("text, currency", [
    ("the repair will cost about £12m", "gbp"), ("a fund of €3.5 billion", "eur"),
    ("it will cost 20 million pounds", "gbp"), ("a $4.5 million ransom", ""), ("£20 a month", "gbp/month"),
])
def test_each_currency_is_its_own_measure(text, currency):
    assert [v.noun for v in find_values(text) if v.kind == "money"] == [currency]


def test_a_weight_in_pounds_is_no_money():
    assert not [v for v in find_values("fifty pounds of cheese") if v.kind == "money"]


PLANT = {
    "Morrow Dairies": ["Morrow", "the dairy", "the company"],
    "Fenwick plant": ["the Fenwick plant", "the plant", "the factory"],
    "recall": ["the recall", "the expanded recall"],
    "Calloway Foods": ["Calloway", "the chain"],
}
PLANT_SEEDS = [
    "The Fenwick plant of Morrow Dairies remains closed pending an inspection.",
    "Calloway Foods has suspended sales of all Morrow products at its stores.",
    "The line will remain closed for at least seven months, with September the earliest date for reopening.",
]


@pytest.fixture(scope="module")
def plant():
    return story(PLANT, PLANT_SEEDS, "morrow", ["recall"])


@pytest.mark.parametrize("text, expected", [
    ("Morrow said its expanded recall remained in force.", "not contradicted"),  # the recall is not the plant
    ("Morrow said the Fenwick plant had reopened on Monday.", "contradicted"),
    ("Morrow said its Fenwick plant was back in operation.", "contradicted"),  # "its": the speaker's plant
    ("Calloway Foods said it had resumed sales of Morrow products.", "contradicted"),
    ("A lawyer argued that Morrow had in effect admitted liability.", "not contradicted"),  # no state
    ("The plant has been closed since the inspection began.", "not contradicted"),  # "for reopening" is no reopening
])
def test_what_an_access_word_is_said_of(plant, text, expected):
    expect(plant, text, expected)


def test_an_age_is_no_duration():
    assert not [v for v in find_values("an 88-year-old retired postman, a man 70 years old") if v.kind == "duration"]


LINE = {
    "Brell Valley Line": ["the line", "the railway"],
    "Northwick Rail": ["Northwick", "the operator", "the company"],
    "Brell viaduct": ["the viaduct"],
    "Brell County Council": ["the council"],
}
LINE_SEEDS = [
    "Northwick Rail has not ruled out demolishing the viaduct.",
    "The council has not decided whether to pay for extra buses.",
    "Northwick said services on the Brell Valley Line would not return before September.",
    "Northwick puts the repair bill for the viaduct at about £12 million.",
    "The company has offered a 25 percent discount on monthly tickets.",
]


@pytest.fixture(scope="module")
def line():
    return story(LINE, LINE_SEEDS, "brell", ["viaduct"])


@pytest.mark.parametrize("text, expected", [
    ("Northwick Rail has ruled out demolishing the viaduct.", "contradicted"),  # the doer of "ruled out"
    ("The council agreed on Monday to pay for evening buses.", "contradicted"),  # a decision reported
    ("The council may agree to pay for the buses.", "not contradicted"),
    ("Northwick now expects the line to reopen in December rather than in September.", "updated"),
    ("The bill for repairing the viaduct has climbed again, to £19 million.", "updated"),
    ("The discount on monthly tickets has been raised to 40 percent.", "updated"),  # "offered" is a verb here
])
def test_decisions_plans_said_as_before_and_verbs_that_are_no_measure(line, text, expected):
    got = status(line, text)
    assert got not in ("contradicted", "updated") if expected.startswith("not") else got == expected


DEAL = {
    "Pellam Systems": ["Pellam"],
    "Quorra Ltd": ["Quorra"],
    "tender offer": ["the offer", "the bid"],
    "listeria cases": ["cases"],
}
DEAL_SEEDS = [
    "The offer for Quorra is open until June 20.",
    "Quorra's annual meeting is scheduled for July 24.",
    "Health officials have confirmed 14 cases linked to the Quorra canteen.",
]


@pytest.fixture(scope="module")
def deal():
    return story(DEAL, DEAL_SEEDS, "quorra", ["offer"])


@pytest.mark.parametrize("text, expected", [
    ("Pellam has extended its offer until July 25.", "updated"),  # a deadline, not a plan
    ("Pellam is extending the offer to July 11 from June 20.", "updated"),  # the value it was, whatever its form
    ("Quorra postponed the meeting, originally set for July 24, to August 14.", "updated"),
    ("The number of confirmed cases has risen to 19, up from 14 last week.", "updated"),  # "14" counts cases too
    ("The number of confirmed cases is 14, health officials said.", "corroborated"),
])
def test_deadlines_and_values_said_as_what_they_were(deal, text, expected):
    assert status(deal, text) == expected


def test_a_bare_number_after_up_from_counts_what_the_count_counts():
    values = analyse("Cases rose to 19 patients, up from 14 last week.").values
    assert [(v.amount, v.noun, "~prior" in v.role) for v in values] == [(19, "patient", False), (14, "patient", True)]


@pytest.mark.parametrize("text", [
    "Health officials have confirmed three unrelated cases linked to the Quorra canteen.",
    "Health officials in neighbouring Brell have confirmed three cases of their own linked to a canteen.",
    "By comparison, health officials confirmed 40 cases linked to a 2023 outbreak at the Quorra canteen.",
])
def test_a_value_the_sentence_says_is_of_another_one_updates_nothing(deal, text):
    assert status(deal, text) != "updated"


def test_the_story_own_count_still_updates(deal):
    assert status(deal, "Health officials have now confirmed 19 cases linked to the Quorra canteen.") == "updated"


@pytest.mark.parametrize("text, amount, noun", [
    ("Refund requests have passed 6,000, the airline said.", 6000, "request"),
    ("Flights cancelled since the grounding began now number more than 520.", 520, "flight"),
    ("The airline said complaints had risen to 410.", 410, "complaint"),
])
def test_a_count_whose_noun_is_the_subject_of_a_verb_of_reaching(text, amount, noun):
    values = analyse(text).values
    assert [(v.kind, v.amount, v.noun) for v in values] == [("count", amount, noun)]


@pytest.mark.parametrize("text", [
    "Shares have fallen to 43 this week.",  # a price, not a count of shares
    "Its revenues climbed to 410 last year.",
    "This has passed 6,000 already.",  # no plural noun as subject
])
def test_a_verb_of_reaching_after_no_counted_subject_counts_nothing(text):
    assert not [v for v in analyse(text).values if v.kind == "count"]


def test_a_count_of_a_named_thing_updates_however_different_the_sentence(baseline):
    # the baseline gives the cargo vessels one count: a sentence sharing nothing else still updates it
    assert status(baseline, "A pilot boat guided the last of 31 freighters past the breakwater overnight.") == "updated"


def test_a_count_keeps_its_noun_when_a_story_name_took_the_word():
    town = story({"Gill Lane": ["gill lane", "evacuated homes"]},
                 ["Twelve homes on Gill Lane were evacuated overnight, the council said."], "gill lane", ["landslide"])
    claim = analyse("The council said the number of evacuated homes had risen to 19.", "t", town.entities)
    assert [(v.amount, v.noun, "home" in v.role) for v in claim.values] == [(19, "home", True)]
    assert judge(claim, town).status == "updated"


@pytest.mark.parametrize("text, expected", [
    ("The database had been exposed for 26 days, not 19, the review found.",
     [("duration", 26 * 86400, False), ("duration", 19 * 86400, True)]),
    ("Vibration was reported on three aircraft, not two.", [("count", 3, False), ("count", 2, True)]),
    ("The notice is now due on June 21, not June 7.", [("date", 621, False), ("date", 607, True)]),
    ("The regulator fined Wistly €21 million, raising the penalty from the €18 million it proposed.",
     [("money", 21e6, False), ("money", 18e6, True)]),
    ("The deadline to return stock has been pushed back to April 11, from March 28.",
     [("date", 411, False), ("date", 328, True)]),
    ("The tablets went to about 2,050 outlets rather than 1,900.", [("count", 2050, False), ("count", 1900, True)]),
    ("The walkout will now last 15 days rather than the 10 first planned.",
     [("duration", 15 * 86400, False), ("duration", 10 * 86400, True)]),
    ("The strike lasted two weeks rather than three.",
     [("duration", 14 * 86400, False), ("duration", 21 * 86400, True)]),
    # a few words of when may stand between the contrast and the figure it sets aside
    ("The roof fell in on 13 March, not on the morning of 14 March as first reported.",
     [("date", 313, False), ("date", 314, True)]),
    ("The fire began on Monday, March 10, rather than late on Sunday, March 9.",
     [("date", 310, False), ("date", 309, True)]),
    ("Ticket data show 512 people were in the audience, higher than the figure of about 480 given at the time.",
     [("count", 512, False), ("count", 480, True)]),
])
def test_a_figure_corrected_or_raised_from_is_what_it_was(text, expected):
    assert [(v.kind, v.amount, "~prior" in v.role) for v in analyse(text).values] == expected


def test_a_figure_it_was_measures_what_the_figure_now_measures():
    recall = story({"Halvern": ["the company"]}, ["Halvern put the cost of the recall at $3.2 million.",
                                                  "The batch went to about 1,900 pharmacies."], "halvern", ["recall"])
    claim = analyse("Halvern raised its estimate of the cost of the recall to $5.1 million, from $3.2 million.", "t",
                    recall.entities)
    assert claim.values[1].role == tuple(sorted(set(claim.values[0].role) | {"~prior"}))
    assert judge(claim, recall).status == "updated"
    claim = analyse("Halvern said the batch went to about 2,050 outlets rather than 1,900.", "t", recall.entities)
    assert judge(claim, recall).old == "about 1,900 pharmacies"
    claim = analyse("Halvern said the batch went to about 2,050 outlets rather than 1,700.", "t", recall.entities)
    assert judge(claim, recall).status != "updated"


def test_not_only_is_no_contrast_with_a_figure():
    values = analyse("The library shut on 3 March, not only on the days of rain but on 9 March too.").values
    assert ["~prior" in v.role for v in values] == [False, False]


@pytest.mark.parametrize("text, amount, noun", [
    ("Pilots reported vibration on two of the airline's aircraft in May.", 2, "aircraft"),
    ("Nine of those patients were admitted to hospital.", 9, "patient"),
    ("Officials moved seven families out of their homes.", 7, "family"),
])
def test_partitive_counts_and_plurals_without_s(text, amount, noun):
    assert [(v.amount, v.noun) for v in analyse(text).values if v.kind == "count"][:1] == [(amount, noun)]


def test_a_vague_count_is_no_update_of_a_count_a_thousand_times_smaller():
    users = story({"Wistly": ["the app"]}, ["Some 2,600 Wistly users have signed up for a group claim."],
                  "wistly", ["leak"])
    claim = analyse("The claim says Wistly failed to protect the data of millions of users.", "t", users.entities)
    assert judge(claim, users).status != "updated"
    claim = analyse("Some 4,800 Wistly users have now signed up for a group claim.", "t", users.entities)
    assert judge(claim, users).status == "updated"


def test_a_figure_each_later_article_updated_is_still_one_quantity():
    topic = {"anchors": ["pell"], "context": ["fire"], "min_score": 0.0,
             "entities": {"Pell Hollow": ["the town"], "Fire Authority": ["the authority"]}}
    fire = Baseline([{"id": "001", "claims": ["The Fire Authority said 420 firefighters had been assigned to the blaze."]},
                     {"id": "002", "claims": ["The Fire Authority said 610 firefighters were now on the fire."]}], topic)
    claim = analyse("The Fire Authority says the number of firefighters on the lines has climbed to 1,150, with crews "
                    "arriving from four states.", "t", fire.entities)
    assert judge(claim, fire).status == "updated"


def test_staff_employees_and_workers_count_one_workforce():
    rail = story({"Northvale Rail": ["Northvale", "the operator"]},
                 ["Some 60 Northvale employees have been redeployed to bus stations."], "northvale", ["line"])
    claim = analyse("The operator said the number of staff redeployed had grown to 75.", "t", rail.entities)
    assert judge(claim, rail).status == "updated"
    claim = analyse("The operator said 75 passengers had been redeployed to buses.", "t", rail.entities)
    assert judge(claim, rail).status != "updated"


def test_putting_ones_name_to_a_letter_is_signing_it():
    letter = story({"open letter": ["the letter"], "Brell Council": ["the council"]},
                   ["An open letter to Brell Council was signed by more than 300 residents."], "brell", ["letter"])
    for text in ("By Friday more than 420 people had put their names to the letter.",
                 "More than 420 people have added their names to the open letter."):
        assert judge(analyse(text, "t", letter.entities), letter).status == "updated", text
    claim = analyse("More than 420 people had put their names down for the council's allotments.", "t",
                    letter.entities)
    assert judge(claim, letter).status != "updated"


@pytest.fixture(scope="module")
def app():
    return story({"Lumo": ["the app", "lumo"], "Brightwave": ["the company", "brightwave"]},
                 ["Brightwave said Lumo had not yet been released to the public."], "lumo", ["release"])


@pytest.mark.parametrize("text, expected", [
    ("Lumo was open only to invited testers last year; it is now available to paying subscribers.", "contradicted"),
    ("Brightwave put Lumo on sale to subscribers this week.", "contradicted"),
    # "it" after a subordinate word is whatever that clause is about, not the sentence's first name
    ("Brightwave said the leaked page of Lumo was online for an hour before it was made available.", "not contradicted"),
])
def test_it_opening_a_joined_clause_stands_for_the_subject_before(app, text, expected):
    expect(app, text, expected)


def test_a_day_after_a_status_word_is_no_object():
    mail = story({"Postal Service": ["the postal service", "mail delivery"], "Pell Hollow": ["the town"]},
                 ["The Postal Service has suspended mail delivery to Pell Hollow."], "pell hollow", ["fire"])
    assert status(mail, "Mail delivery resumed Thursday, the Postal Service said.") == "contradicted"


def test_a_clause_set_off_by_which_is_not_what_the_verb_after_it_is_about():
    line = story({"patient hotline": ["the hotline", "the line"], "Halvern": ["the company"]},
                 ["The company's patient hotline remains paused after calls swamped it."], "halvern", ["recall"])
    claim = analyse("The patient hotline, which was shut down a week ago when its phone system failed, "
                    "reopened on Saturday with extra staff.", "t", line.entities)
    assert judge(claim, line).status == "contradicted"
    claim = analyse("The pharmacy, which had sent callers to the hotline, reopened on Saturday.", "t", line.entities)
    assert judge(claim, line).status != "contradicted"
    museum = story({"City Museum": ["the museum"]},
                   ["The museum, which draws about 180,000 visitors a year, is closed while police examine it."],
                   "city museum", ["theft"])
    assert judge(analyse("The City Museum reopened to the public on Saturday.", "t", museum.entities),
                 museum).status == "contradicted"


@pytest.mark.parametrize("before, text, expected", [
    ("Lumo drew long queues of testers last year.", "Brightwave released it to paying subscribers on Monday.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "It went on sale to subscribers on Monday.", "contradicted"),
    # "it" as the one who acts is not what is released
    ("Brightwave drew long queues of testers last year.", "It released a new camera on Monday.", "not contradicted"),
])
def test_it_stands_for_what_the_sentence_before_was_about(app, before, text, expected):
    claim = analyse_all([before, text], "t", app.entities)[1]
    got = judge(claim, app).status
    assert got != "contradicted" if expected == "not contradicted" else got == expected


# a small invented story: a wildfire and the homes it destroyed
FIRE = {"Brask Fire": ["the fire", "the blaze"], "Fire Service": ["the fire service", "firefighters"],
        "Health Agency": ["the agency"], "Harl Council": ["the council"]}
FIRE_SEEDS = ["The Brask Fire has destroyed 31 homes, the fire service said on Tuesday.",
              "The Health Agency said 14 residents had been treated in hospital for smoke.",
              "The Harl Council would pay about 35 percent of the cost of rebuilding the homes."]


@pytest.fixture(scope="module")
def fire():
    return story(FIRE, FIRE_SEEDS, "brask", ["fire", "homes"])


@pytest.mark.parametrize("text, expected", [
    # a number word opening the sentence is no name of something the story does not know
    ("Fifty homes had been destroyed by Tuesday.", "updated"),
    ("Forty residents had been treated in hospital for smoke by Friday.", "updated"),
    # what was added, or a part set apart, is not the total
    ("The agency said five new residents had been treated in hospital for smoke.", "not updated"),
    ("Another 12 residents were treated in hospital for smoke on Thursday.", "not updated"),
    # a figure the sentence itself gives as what it was makes any other figure a change, however close
    ("The council would now pay roughly 36 percent of the cost, up from 35 percent.", "updated"),
    ("The council would pay roughly 36 percent of the cost of rebuilding the homes.", "corroborated"),
])
def test_counts_and_shares_of_a_fire(fire, text, expected):
    expect(fire, text, expected)


@pytest.mark.parametrize("text, amount, noun", [
    ("plans for a new 24,000-seat stadium", 24000, "seat"),
    ("a 120-room hotel beside the ground", 120, "room"),
    ("the 14-acre site", 14, "acre"),
])
def test_a_count_said_as_a_compound_before_its_noun(text, amount, noun):
    (v,) = find_values(text)
    assert (v.kind, v.amount, v.noun) == ("count", amount, noun)


def test_a_compound_of_time_stays_a_duration():
    assert [v.kind for v in find_values("a two-year deal and a five-day strike")] == ["duration", "duration"]


@pytest.mark.parametrize("text, expected", [
    ("The inspectorate lifted the suspension it had imposed on Hurn Colliery.", "contradicted"),
    ("The inspectorate on Friday lifted the ban on work at Hurn Colliery.", "contradicted"),
    ("The inspectorate lifted the suspension it had imposed on the Brow quarry.", "not contradicted"),
    ("Operations at Hurn Colliery remain suspended.", "corroborated"),
])
def test_a_suspension_lifted_where_it_was_imposed(text, expected):
    mine = story({"Hurn Colliery": ["the colliery", "the mine"], "Dalen Mines Inspectorate": ["the inspectorate"]},
                 ["The Dalen Mines Inspectorate suspended all operations at Hurn Colliery on Tuesday."], "hurn", ["mine"])
    expect(mine, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a share price's move since the event, however it is said, is one measure
    ("Dalen shares have now lost 31 percent of their value since the collapse.", "updated"),
    ("Dalen's stock has fallen 31 percent since the collapse.", "updated"),
    ("Dalen shares are down 18 percent since the collapse.", "corroborated"),
    # a single day's move is that day's quote
    ("On Wednesday alone Dalen shares fell 6 percent.", "not updated"),
    ("Dalen shares rose 5 percent on Monday, their first gain since the collapse.", "not updated"),
])
def test_a_share_price_move_since_the_event(text, expected):
    miner = story({"Dalen Mining": ["Dalen", "the company"], "roof collapse": ["the collapse"]},
                  ["Dalen shares are down 18 percent since the collapse, wiping out $400 million of market value.",
                   "Rescuers reached the last of the trapped miners on Thursday.",
                   "The inspectorate suspended all work at the mine after the collapse."],
                  "dalen", ["mine", "collapse"])
    expect(miner, text, expected)


STADIUM = {"Arle Council": ["the council"], "Arle Town": ["the club"], "Brook Road lease": ["the lease", "rent"]}
STADIUM_SEEDS = ["Under the plan, the Arle Council would contribute £64 million to the new stadium.",
                 "The club pays £380,000 a year in rent for its old ground.",
                 "The club and private investors would cover the remaining £118 million."]


@pytest.mark.parametrize("text, expected", [
    # a plan is one with a plan of the same entity doing the same
    ("The council will contribute £71 million towards the scheme.", "updated"),
    ("The council will contribute £64 million towards the scheme.", "corroborated"),
    ("Investors will contribute £71 million towards the scheme.", "not updated"),
    # what a rate was is a rate too
    ("The club will pay £415,000 a year in rent, up from £380,000.", "updated"),
])
def test_a_plan_of_the_same_entity_and_a_rate_s_prior(text, expected):
    plan = story(STADIUM, STADIUM_SEEDS, "arle", ["stadium"])
    expect(plan, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the clause's whole subject says what a level measures, however far it is from the value
    ("The estimated cost of rebuilding the Arle ground and its new stands has risen to £197 million.", "updated"),
    ("The estimated cost of rebuilding the Arle ground and its new stands now stands at £182 million.", "corroborated"),
    ("The number of supporters who have joined the Arle campaign group has risen to £197 million.", "not updated"),
])
def test_a_level_measures_the_subject_of_its_verb(text, expected):
    plan = story(STADIUM, ["The cost of the Arle ground was put at £182 million by the council."], "arle", ["stadium"])
    expect(plan, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with a word the baseline writes in lower case names no stranger
    ("Hotel bookings on the island have fallen by 25 percent since the closure.", "updated"),
    ("Hotel bookings on the island have fallen by 15 percent since the closure.", "corroborated"),
    # a name the story does not know still owns what it says
    ("Hilton bookings on the island have fallen by 25 percent since the closure.", "not updated"),
])
def test_a_common_word_opening_a_sentence_is_no_name(text, expected):
    town = story({"Arle": ["the town"]}, ["Regional officials said hotel bookings on the island had fallen by 15 percent "
                                          "since the closure of Arle airport."], "arle", ["closure"])
    expect(town, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the day or week an ongoing event is in is how long it has lasted so far: the calendar moves it, so
    # it agrees with the same day and changes nothing, but how long the event lasted in the end does
    ("The shutdown of Arle airport has now lasted 17 days.", "updated"),
    ("The shutdown of Arle airport is in its fourth day.", "corroborated"),
    ("The shutdown of Arle airport entered its sixth day on Thursday.", "not updated"),
])
def test_the_day_an_event_is_in_is_how_long_it_has_lasted(text, expected):
    town = story({"Arle airport": ["the airport"], "shutdown": ["the shutdown"]},
                 ["The shutdown of Arle airport is now in its fourth day, the operator said."], "arle", ["shutdown"])
    expect(town, text, expected)


def test_the_first_week_of_a_month_is_no_duration():
    assert [v.kind for v in find_values("talks resume in the first week of December")] == ["date"]


@pytest.mark.parametrize("text, expected", [
    # an order in force is reversed by lifting it, not by the plant it names staying shut
    ("The plant itself remains shut.", "corroborated"),
    ("The evacuation order was lifted on Saturday.", "contradicted"),
])
def test_an_order_in_force_and_the_place_it_names(text, expected):
    leak = story({"Arle plant": ["the plant", "the site"], "evacuation zone": ["the zone", "evacuation order"]},
                 ["Police set up an evacuation zone around the site, and the evacuation order remains in force.",
                  "The plant remains shut while investigators work."], "arle", ["leak"])
    expect(leak, text, expected)


@pytest.mark.parametrize("text, expected", [
    # what a job "would cost" or "will take" is the estimate now: a new figure for the same measure updates it
    ("The council now puts the cost of the clean-up at £4 million.", "updated"),
    ("The clean-up is now expected to take nine weeks, the council said.", "updated"),
    ("The council now puts the cost of the clean-up at £2.5 million.", "corroborated"),
])
def test_what_a_job_will_cost_or_take_is_the_estimate_now(text, expected):
    leak = story({"Arle Council": ["the council"], "clean-up": ["the clean-up"]},
                 ["The Arle Council estimated that the clean-up would cost about £2.5 million.",
                  "The council said the clean-up would take about six weeks."], "arle", ["leak"])
    expect(leak, text, expected)


@pytest.mark.parametrize("text, amount, noun", [
    ("More than 4,200 dead fish have been pulled from the river", 4200, "fish"),  # a plural with no -s
    ("The agency's final count of dead fish stands at 4,800.", 4800, "fish"),  # the count is the agency's
])
def test_counts_of_plurals_without_s_and_of_whoever_counts(text, amount, noun):
    (v,) = find_values(text)
    assert (v.kind, v.amount, v.noun) == ("count", amount, noun)


@pytest.mark.parametrize("text, expected", [
    # "the cause" and "caused" are one word of what is confirmed
    ("Arle Chemicals has confirmed that a faulty valve caused the leak.", "contradicted"),
    ("Arle Chemicals has confirmed that a faulty valve was replaced last year.", "not contradicted"),
])
def test_confirming_what_caused_it_settles_the_cause(text, expected):
    leak = story({"Arle Chemicals": ["the company"]},
                 ["Arle Chemicals would not confirm the cause of the leak."], "arle", ["leak"])
    expect(leak, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "did not rule out" and "refused to rule out" leave an act open; ruling it out settles it
    ("Chief executive Ann Roe ruled out job cuts on Friday.", "contradicted"),
    ("Chief executive Ann Roe has still not ruled out job cuts.", "corroborated"),
    ("Ann Roe ruled out a merger with Brell Air.", "not contradicted"),
])
def test_an_act_not_ruled_out_and_then_ruled_out(text, expected):
    airline = story({"Ann Roe": ["Roe", "the chief executive"], "Arle Air": ["the airline"]},
                    ["Ann Roe did not rule out job cuts if the grounding lasted for weeks.",
                     "On Monday Roe refused to rule out job cuts at Arle Air."], "arle", ["grounding"])
    expect(airline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # where a service goes is what a suspension or a resumption is about
    ("Arle Air resumed flights to Skerra Island on Thursday.", "contradicted"),
    ("Arle Air resumed flights to Brell on Thursday.", "not contradicted"),
])
def test_flights_resumed_to_where_they_were_suspended(text, expected):
    airline = story({"Arle Air": ["the airline"], "Skerra Island": ["the island"], "Port Adley": ["the port"]},
                    ["Flights between Port Adley and Skerra Island remain suspended, the airline said."],
                    "arle", ["flights"])
    expect(airline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a generic count with no name around it restates a named one it shares a word of role with
    ("By the next evening, more than 630 people had signed it.", "updated"),
    ("By the next evening, more than 600 people had signed it.", "corroborated"),
])
def test_a_generic_count_with_no_owner_restates_a_named_one(text, expected):
    protest = story({"Arle nurses": ["the nurses"], "open letter": ["the letter"]},
                    ["More than 600 Arle nurses had signed the open letter by the next evening."], "arle", ["letter"])
    *_, claim = analyse_all(["The open letter drew wide support.", text], "t", protest.entities)  # "it": the letter
    assert judge(claim, protest).status == expected


def test_a_generic_count_of_a_named_owner_is_not_a_count_of_something_else():
    deal = story({"Arle Health": ["the trust"]}, ["The two companies signed a contract in May."], "arle", ["contract"])
    expect(deal, "Arle Health, which employs about 5,200 people, said it had signed the contract.", "not updated")


@pytest.mark.parametrize("text, expected", [
    # how long a clip is "on the Pro plan" is a clip's length, and "the plan" is no plan to do something
    ("Arle clips now run to 20 seconds on the Pro plan.", "updated"),
    ("On the Pro plan, Arle lifts the ceiling to clips of 20 seconds.", "updated"),
    ("Arle clips still run to 10 seconds on the Pro plan.", "corroborated"),
])
def test_a_clip_length_on_a_plan_is_a_clip_length(text, expected):
    app = story({"Arle": ["the app"]}, ["Arle makes 10-second clips."], "arle", ["clips"])
    expect(app, text, expected)


@pytest.mark.parametrize("text, expected", [
    # who says a figure is not whose figure it is: the airline's chief reports the airline's count
    ("Roe said about 270 flights had been cancelled so far.", "updated"),
    ("Roe said about 175 flights had been cancelled so far.", "corroborated"),
    # a speaker the report speaks of owns what it reports
    ("Brell Airport said about 2,100 flights had used its runway so far.", "not updated"),
])
def test_who_says_a_figure_does_not_own_it(text, expected):
    airline = story({"Ann Roe": ["Roe", "the chief executive"], "Arle Air": ["the airline"],
                     "Brell Airport": ["the airport"]},
                    ["Arle Air said 175 flights had now been cancelled across its network."], "arle", ["grounding"])
    expect(airline, text, expected, before=["Arle Air has grounded its fleet."])


@pytest.mark.parametrize("text, expected", [
    # a figure the sentence says is not the first one is a change even within "about"
    ("Engineers now put the collapse at 860 metres below the surface, deeper than first estimated.", "updated"),
    ("Engineers put the collapse at 860 metres below the surface.", "corroborated"),
])
def test_a_figure_said_to_differ_from_the_first_is_no_restatement(text, expected):
    mine = story({"Arle mine": ["the mine"], "collapse": ["the collapse", "the roof fall"]},
                 ["The collapse happened about 830 metres below the surface, the mine's owner said."], "arle", ["mine"])
    expect(mine, text, expected)


def test_an_entity_speaking_by_a_generic_name_speaks_of_its_own():
    # "the group said": the group's own patients, not the 92,000 in the stolen files
    trust = story({"Arle Health": ["the group"], "stolen files": ["the stolen files", "the stolen data"]},
                  ["The group said the records of about 265,000 patients are held on the affected systems."],
                  "arle", ["ransomware"])
    expect(trust, "The stolen files hold the names of roughly 92,000 patients, the group said.", "not updated")


@pytest.mark.parametrize("text, expected", [
    ("Shares in the airline jumped 6 percent on the news.", "not updated"),  # the day of the news before
    ("Shares in the airline fell 6 percent.", "updated"),
])
def test_a_share_move_on_the_news_is_that_day_s(text, expected):
    air = story({"Arle Air": ["the airline", "Arle"]},
                ["The grounding began after an engine fire.", "Shares in Arle Air fell 2.4 percent."], "arle", ["grounding"])
    expect(air, text, expected)


@pytest.mark.parametrize("text, expected", [
    # an act on another numbered thing is another act: "a two-year ban" is not the "four-year ban"
    ("The federation sought a two-year ban for a sprinter who tested positive.", "not contradicted"),
    ("The federation will not seek a four-year ban, it said on Monday.", "contradicted"),
    # what happened in a year before the story's settles nothing open now
    ("In 2019 the federation sought a four-year ban against a marathon runner.", "not contradicted"),
    ("In 2025 the federation sought a four-year ban against Roe.", "contradicted"),
])
def test_an_act_on_another_thing_or_before_the_story_settles_nothing(text, expected):
    case = story({"Arle Athletics Federation": ["the federation"], "Ann Roe": ["Roe", "the runner"]},
                 ["The Arle Athletics Federation has not decided whether to seek a four-year ban against Ann Roe, "
                  "who tested positive in March 2025."], "roe", ["doping"])
    expect(case, text, expected)


@pytest.mark.parametrize("text, expected", [
    # what a date or a figure had been is said many ways; the other value is the change
    ("The committee has given Arle until 24 October, a week later than the original deadline of 17 October.",
     "updated"),
    ("The committee meeting, which had been set for 17 October, was brought forward to 10 October.", "updated"),
    ("The committee has given Arle until 17 October to answer.", "corroborated"),
])
def test_what_a_deadline_had_been(text, expected):
    bank = story({"Arle Bank": ["Arle", "the bank"], "Treasury Committee": ["the committee"]},
                 ["The Treasury Committee has given Arle Bank until 17 October to answer its questions."],
                 "arle", ["outage"])
    expect(bank, text, expected)


def test_a_value_from_the_usual_one_is_what_it_was():
    now, usual = analyse("The deadline was extended to 30 days from the usual 21 days.", "t").values
    assert "~prior" not in now.role and "~prior" in usual.role, (now, usual)


@pytest.mark.parametrize("text, expected", [
    # a stop that stays in force is still a stop; lifting it is the reversal, however it is named
    ("Roe's provisional suspension, in force since April 2, remains in place.", "not contradicted"),
    ("The tribunal on Thursday lifted the provisional suspension of Ann Roe.", "contradicted"),
    ("The suspension of Ann Roe was lifted on Thursday.", "contradicted"),
])
def test_a_suspension_in_force_and_lifted(text, expected):
    case = story({"Ann Roe": ["Roe", "the runner"], "Arle Sports Tribunal": ["the tribunal"]},
                 ["Ann Roe was provisionally suspended on April 2 after a positive test."], "roe", ["doping"])
    expect(case, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a decision announced as what will be done settles what was undecided, and nothing more
    ("The federation will seek a four-year ban against Roe, its president announced.", "contradicted"),
    ("The federation is expected to seek a four-year ban against Roe.", "not contradicted"),
    ("If the second sample confirms it, the federation will seek a four-year ban.", "not contradicted"),
    ("Police will arrest anyone found selling the drug, the federation said.", "not contradicted"),
])
def test_a_decision_announced_as_what_will_be_done(text, expected):
    case = story({"Arle Athletics Federation": ["the federation"], "Ann Roe": ["Roe", "the runner"]},
                 ["The Arle Athletics Federation has not decided whether to seek a four-year ban against Ann Roe.",
                  "No arrests have been made over the supply of the drug."], "roe", ["doping"])
    expect(case, text, expected)


@pytest.mark.parametrize("text, expected", [
    # one thing under its news names: ending "the deal" is terminating "its contract"
    ("Stridewell said it had terminated its contract with the runner.", "contradicted"),
    ("Stridewell said it had terminated its lease on the Arle shop.", "not contradicted"),
])
def test_an_act_on_the_same_thing_by_another_name(text, expected):
    sponsor = story({"Stridewell": ["the company", "the sponsor"], "Ann Roe": ["Roe", "the runner"]},
                    ["Stridewell has not decided whether to terminate the deal, a spokesperson said."], "roe", ["doping"])
    expect(sponsor, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the part of a whole is a count of its own: "31 of the bank's 54 branches" updates the 26 open late
    ("Late opening has been extended to 31 of the bank's 54 branches.", "updated"),
    ("Late opening continues at 26 of the bank's 54 branches.", "corroborated"),
    ("Arle Bank runs 54 branches across the region.", "corroborated"),
])
def test_a_part_of_a_whole_is_a_count_of_its_own(text, expected):
    bank = story({"Arle Bank": ["the bank", "Arle"], "branches": ["branches"]},
                 ["Arle Bank has 54 branches across the region.",
                  "Twenty-six branches stayed open until 7pm to help customers, the bank said."], "arle", ["outage"])
    expect(bank, text, expected)


def test_the_part_of_a_whole_and_the_whole_are_both_counted():
    part, whole = find_values("Some 520 of the plant's 640 employees are now on paid leave")
    assert (part.amount, part.noun, whole.amount, whole.noun) == (520, "staff", 640, "staff")


@pytest.mark.parametrize("text, expected", [
    # what a value could be is a possibility, not the figure; what a thing could do is still a figure
    ("Talks could value Arle at as much as $300 billion, people familiar with them said.", "not updated"),
    ("The outage could have been contained within two hours, the review said.", "not updated"),
    ("The outage lasted 26 hours, the review said.", "updated"),
])
def test_what_a_value_could_be_is_no_figure(text, expected):
    bank = story({"Arle": ["the company", "the bank"], "outage": ["the outage", "the failure"]},
                 ["Arle was valued at $150 billion in its last funding round.",
                  "The outage lasted 19 hours, the bank said."], "arle", ["outage"])
    expect(bank, text, expected)


def test_what_a_thing_could_do_is_a_figure():
    app = story({"Arle": ["the app"]}, ["The leaked Arle page could generate 10-second clips."], "arle", ["clips"])
    expect(app, "Arle clips can now last up to 20 seconds.", "updated")


@pytest.mark.parametrize("text, expected", [
    # a smaller or shorter one of the story's kind is another one; an act dated years before is no news of it
    ("In March 2023 a shorter outage lasted about four hours.", "not updated"),
    ("The business case was approved by the council in 2019.", "not contradicted"),
    ("The business case was approved by the council on Tuesday.", "contradicted"),
])
def test_another_of_its_kind_or_an_act_years_before(text, expected):
    town = story({"Arle Council": ["the council"], "outage": ["the outage", "the failure"],
                  "business case": ["the business case"]},
                 ["The outage lasted 19 hours, the council said in March 2025.",
                  "The business case has not yet been approved by the council."], "arle", ["outage"])
    expect(town, text, expected)


@pytest.mark.parametrize("text, expected", [
    # how often something was done counts the deed: "tested 11 times" is 11 tests
    ("Records show she passed 13 tests in the 12 months before the positive, rather than 11.", "updated"),
    ("Roe was tested 11 times in the year before the positive.", "corroborated"),
])
def test_how_often_something_was_done_counts_it(text, expected):
    case = story({"Ann Roe": ["Roe", "the runner"]},
                 ["Ann Roe had been tested 11 times in the 12 months before the positive result."], "roe", ["doping"])
    expect(case, text, expected)


@pytest.mark.parametrize("before, text, expected", [
    # a release said as who can now use the thing, or as it being sold to the public
    ("Lumo drew long queues of testers last year.", "Any Brightwave Plus subscriber in a supported country can use it.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "Today anyone with a $20 plan can generate Lumo clips.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "Anyone paying for a plan in a supported country can now sign in.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "It is now open to any paying subscriber.", "contradicted"),
    ("Lumo drew long queues of testers last year.", "Brightwave began selling access to Lumo on Monday.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "The testers watched Brightwave sell Lumo to the public.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "When Brightwave put Lumo on sale this week, the queues ended.",
     "contradicted"),
    # the users it is opened to may be named in several words
    ("Lumo drew long queues of testers last year.", "Brightwave opened Lumo to Brightwave Plus and Pro subscribers.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "Lumo is now open to any Brightwave Plus or Pro subscriber.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "Lumo can now be used by anyone with a Brightwave plan.",
     "contradicted"),
    ("Lumo drew long queues of testers last year.", "The city opened its 3D printers to library card holders and "
     "Brightwave Plus subscribers.", "not contradicted"),
    # who may use something else is no news of it; could is what was possible
    ("Lumo drew long queues of testers last year.", "Anyone with a library card can now use the city's 3D printers.",
     "not contradicted"),
    ("Lumo drew long queues of testers last year.", "For an hour, anyone could generate Lumo clips on the leaked page.",
     "not contradicted"),
])
def test_a_release_said_as_who_can_use_or_buy_it(app, before, text, expected):
    expect(app, text, expected, before=(before,))


@pytest.mark.parametrize("text, expected", [
    ("Lumo is now a subscription product rather than a research preview.", "contradicted"),
    ("Lumo remains a research preview rather than a product.", "corroborated"),
])
def test_a_product_rather_than_a_preview_has_left_it(text, expected):
    preview = story({"Lumo": ["the app"]}, ["Lumo is still in a research preview, Brightwave said."], "lumo", ["preview"])
    expect(preview, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Access to Lumo came back online on Wednesday.", "contradicted"),
    ("Access for the testers had been switched back on by December.", "contradicted"),
    ("The test results came back on Monday.", "not contradicted"),
])
def test_access_coming_back_or_switched_back_on(text, expected):
    shut = story({"Lumo": ["the app"], "testers": ["the testers"]},
                 ["Access to Lumo for the testers was shut down within hours."], "lumo", ["access"])
    expect(shut, text, expected)


def test_an_owner_that_is_only_the_subject_of_both_sentences():
    # the chamber's estimate of the strike's cost: one sentence names the strike beside the sum, the other only the chamber
    strike = story({"Bramford Chamber of Commerce": ["the chamber"], "transit strike": ["the strike", "the walkout"]},
                   ["The Bramford Chamber of Commerce repeated its estimate that the strike is costing businesses "
                    "about $1.8 million a day."], "bramford", ["strike"])
    expect(strike, "The Bramford Chamber of Commerce now puts the cost to local businesses at $2.6 million a day.",
           "updated")
    expect(strike, "The Bramford Chamber of Commerce spent $2.6 million on its new offices last year.", "not updated")


@pytest.mark.parametrize("text, counted", [
    # two modifiers of one noun; a plural before "and" is a count of its own
    ("About 1,240 bus and tram drivers walked off the job.", [(1240, "driver")]),
    ("Some 120 full and part-time staff left.", [(120, "staff")]),
    ("The fire destroyed 40 homes and other buildings.", [(40, "home")]),
    ("Some 300 doctors and nurses walked out.", [(300, "doctor")]),
    ("That raised the number of drivers on strike to roughly 1,310.", [(1310, "driver")]),
])
def test_counts_of_paired_modifiers_and_rounded_totals(text, counted):
    assert [(v.amount, v.noun) for v in find_values(text) if v.kind == "count"] == counted


@pytest.mark.parametrize("text, expected", [
    # one entity with several names: each name counts its own part, and one part the same settles no other
    ("They include seven graduate students and four postdoctoral researchers, along with two technicians.", "updated"),
    ("The lab still has six graduate students and two technicians.", "corroborated"),
])
def test_counts_of_one_entity_under_its_several_names(text, expected):
    lab = story({"lab members": ["graduate students", "postdoctoral researchers", "technicians", "lab staff"],
                 "Solvang lab": ["the lab", "the laboratory"]},
                ["The Solvang lab includes six graduate students, three postdoctoral researchers and two technicians."],
                "solvang", ["lab"])
    expect(lab, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "remains open" is a status too; a place "which remains closed" is what stays closed
    ("Westbrook closed the Solvang lab on Monday, changing the locks.", "contradicted"),
    ("The Solvang lab, shut since mid-June, remains closed.", "contradicted"),
    ("The Solvang lab remains open to visiting researchers, the university said.", "not contradicted"),
    ("The foundation has resumed payments on part of Solvang's grant.", "contradicted"),
    ("For the first time, her co-author Marcus Okafor addressed the allegations.", "contradicted"),
    ("Okafor's co-author, Ingrid Solvang, broke her silence on Thursday.", "not contradicted"),
    ("Okafor may address the allegations for the first time next week.", "not contradicted"),
])
def test_an_open_lab_a_resumed_payment_and_a_silence_broken(text, expected):
    lab = story({"Solvang lab": ["the lab", "the laboratory"], "Westbrook University": ["Westbrook", "the university"],
                 "Marcus Okafor": ["Okafor"], "Ingrid Solvang": ["Solvang"],
                 "Research Foundation": ["the foundation"], "grant": ["the grant", "her grant"]},
                ["The Solvang lab remains open, the university said.",
                 "The Research Foundation has suspended payments on the grant.",
                 "Her co-author, Marcus Okafor, would not comment."], "solvang", ["lab"])
    expect(lab, text, expected)


def test_a_place_which_remains_closed_is_what_stays_closed():
    depot = story({"Kingsway depot": ["the depot"]}, ["Pickets stood outside the Kingsway depot, which remains closed."],
                  "kingsway", ["strike"])
    expect(depot, "The Kingsway depot, shut since the walkout began, reopened on Friday.", "contradicted")


@pytest.mark.parametrize("text, measure", [
    # pricing a company is valuing it; the noun "valuation" is the measure, not the shares sold at it
    ("The funding round closed in October priced the company at $157 billion.", "value"),
    ("Arle has since sold shares at a valuation of about $500 billion.", "value"),
    ("Microsoft bought a stake worth $10 billion.", "stake"),
    ("The shares were priced at $20 each.", "price"),
])
def test_what_a_price_or_a_valuation_measures(text, measure):
    ents = story({"Arle": ["the company"]}, ["Arle is valued at $150 billion."], "arle", ["funding"]).entities
    [money] = [v for v in analyse(text, "t", ents).values if v.kind == "money"]
    assert measures(money) == {measure}, money


@pytest.mark.parametrize("text, expected", [
    ("That valuation is already out of date, as October's round priced Arle at $157 billion.", "updated"),
    ("Arle is reportedly in talks to raise funding at a valuation of around $300 billion.", "not updated"),
])
def test_a_valuation_in_talks_is_a_plan(text, expected):
    arle = story({"Arle": ["the company"]}, ["The artists called Arle a company valued at $150 billion."], "arle",
                 ["funding"])
    expect(arle, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a figure the news is measured against, or one the sentence says is out of date, is what it was
    ("The outage lasted 26 hours, far longer than the 19 hours the bank first gave.", "updated"),
    ("Clips can now run to 20 seconds, double the 10 seconds of the leaked page.", "updated"),
    ("Clips are capped at 20 seconds, a long way from the 10-second clips of the leaked page.", "updated"),
    ("The letter put Arle's worth at $150 billion, but the October round had in fact valued it at $157 billion.",
     "updated"),
    ("The artists called Arle a $150 billion company; the latest round actually valued it at $157 billion.",
     "updated"),
    # the same figures with no such word: one agrees, and the kind is settled
    ("The outage lasted 19 hours, and the backlog took another 26 hours to clear.", "corroborated"),
    ("Arle is worth more than $150 billion, and it spent $157 billion on chips.", "not updated"),
])
def test_a_figure_measured_against_or_superseded_is_what_it_was(text, expected):
    arle = story({"Arle": ["the company", "the bank"], "outage": ["the outage"], "leaked page": ["the page"]},
                 ["The outage lasted 19 hours, the bank said.", "The artists said Arle was valued at $150 billion.",
                  "The leaked page could generate 10-second clips."], "arle", ["outage"])
    expect(arle, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Lumo is no longer reserved for an invited circle of artists: anyone with a plan can use it.", "contradicted"),
    ("When Brightwave made Lumo available to Brightwave Plus subscribers, queues formed.", "contradicted"),
    ("Lumo is still reserved for an invited circle of artists.", "corroborated"),
])
def test_reserved_for_a_few_and_available_to_a_named_tier(app, text, expected):
    expect(app, text, expected)


def test_an_order_not_issued_shuts_nothing_and_an_act_denied_is_not_done():
    case = story({"Ingrid Solvang": ["Solvang", "she"], "Cell Journal": ["the journal"]},
                 ["The Cell Journal has not issued an expression of concern.",
                  "Solvang has never manipulated data, she said."], "solvang", ["journal"])
    assert [c.frame for c in case.claims[0].cues] == ["act"]  # no access cue: nothing was shut
    expect(case, "The Cell Journal issued an expression of concern on Monday.", "contradicted")
    expect(case, "Her lawyer again denied that Solvang had manipulated any data.", "not contradicted")


@pytest.mark.parametrize("text, expected", [
    # a lower tier's limits are that tier's; the top tier's maximum is the product's figure
    ("Plus users get five-second clips at up to 720p.", "not updated"),
    ("Other users are limited to 15 seconds per clip.", "not updated"),
    ("Plus subscribers get 720p clips, while Pro subscribers can make Lumo videos of up to 20 seconds.", "updated"),
    ("Pro users can make Lumo clips of up to 20 seconds.", "updated"),
])
def test_a_lower_tiers_limits_are_its_own(text, expected):
    tool = story({"Lumo": ["the tool"]}, ["The leaked Lumo page made 10-second clips at up to 1080p."], "lumo", ["clips"])
    expect(tool, text, expected)


@pytest.mark.parametrize("text", [
    # ordinary news English the release, access and phase words above must not read as a status
    "Everyone agrees that regulators can access the Lumo data.",
    "The public has little idea how companies can use Lumo data.",
    "Brightwave sold shares to the public in 2019.",
    "Brightwave started selling its stake in Lumo in March.",
    "Brightwave said the Lumo plan was open to any offer.",
    "Brightwave is seeking to make Lumo available to everyone.",
])
def test_words_near_a_release_that_release_nothing(app, text):
    assert all(c.frame != "release" or c.state != "yes" for c in analyse(text, "t", app.entities).cues), text


@pytest.mark.parametrize("text, frame", [
    ("The flotilla turned back on Tuesday.", "access"),
    ("The inquiry into Lumo remains open-ended.", "access"),
    ("He took a plea deal rather than a trial.", "phase"),
])
def test_turning_back_open_ended_and_a_trial_state_nothing(app, text, frame):
    assert all(c.frame != frame for c in analyse(text, "t", app.entities).cues), text


def test_by_a_name_that_starts_like_a_month_is_who():
    claim = analyse("Access to Lumo was restored by Decathlon staff on Monday.", "t", story(
        {"Lumo": ["the app"], "Decathlon": ["the retailer"]}, ["Lumo was shut."], "lumo", ["access"]).entities)
    assert [c.agent for c in claim.cues if c.frame == "access"] == ["decathlon"]


@pytest.mark.parametrize("text, prior", [
    # only a figure the sentence sets its news against is what it was
    ("Half the 300 staff were laid off.", []),
    ("It must finish no later than the 30 June date.", []),
    ("The firm cut 300 employees and actually hired 50 engineers.", []),
    ("The outage lasted 26 hours, far longer than the 19 hours first given.", ["19 hours"]),
])
def test_what_a_figure_was_needs_a_comparison(text, prior):
    found = find_values(text, lambda a, b: ())
    assert [v.text for v in found if PRIOR_VALUE in v.role] == prior


@pytest.mark.parametrize("text, counted", [
    ("Some 120 people and several companies joined.", [(120, "people")]),
    ("About 400 staff and new contractors arrived.", [(400, "staff")]),
])
def test_an_irregular_plural_before_and_is_its_own_count(text, counted):
    assert [(v.amount, v.noun) for v in find_values(text) if v.kind == "count"] == counted


def test_a_denial_is_no_report_but_a_dispute_nearby_is():
    ents = story({"Ann Roe": ["Roe"]}, ["Roe has not been charged."], "roe", ["case"]).entities
    assert acts.report("After a pay dispute, drivers struck on Monday.", "strik", ents)[0] == "yes"
    assert acts.report("The man, who denies the charge, was arrested on Monday.", "arrest", ents)[0] == "yes"
    assert acts.report("Her lawyer denied that Roe had taken the drug.", "tak", ents) is None


def test_who_can_use_it_is_about_the_thing_last_released_not_its_maker(app):
    # the sentence before names the maker as its subject; "it" is the app it released
    before = ["Brightwave released Lumo on Monday.", "Brightwave also cut its prices."]
    expect(app, "Anyone with a Brightwave plan can now use it.", "contradicted", before)
    claim = analyse_all([*before, "Anyone with a Brightwave plan can now use it."], "t", app.entities)[-1]
    assert [c.theme for c in claim.cues if c.frame == "release"] == [("ent_lumo",)]


@pytest.fixture(scope="module")
def page():
    return story({"Lumo": ["the app"], "Brightwave": ["the company"], "Lumo page": ["the page"]},
                 ["Brightwave would not confirm whether the Lumo page was authentic."], "lumo", ["leak"])


@pytest.mark.parametrize("text, expected", [
    # a participle after its noun is no order in force, and no status that hides the confirmation
    ("Brightwave acknowledged that the Lumo page ran on genuine keys issued to its testers.", "contradicted"),
    ("Brightwave acknowledged, in a statement issued hours later, that the Lumo page was genuine.", "contradicted"),
])
def test_a_participle_after_its_noun_issues_nothing(page, text, expected):
    assert not [c for c in analyse(text, "t", page.entities).cues if c.frame == "access"], text
    expect(page, text, expected)


@pytest.mark.parametrize("text, agent", [
    ("Tally Systems, the vendor that hosts the site, would not confirm whether data was lost.", "tally systems"),
    ("Clerk Ann Moss, whose office runs the site, would not comment.", "ann moss"),
    ("Tally Systems, the vendor, has confirmed that data was lost.", "tally systems"),
    ("The site, which Tally Systems hosts, went offline.", None),  # no agent: what went offline is the site
])
def test_an_aside_between_a_subject_and_its_verb_is_not_the_subject(text, agent):
    ents = story({"Tally Systems": ["the vendor"], "Ann Moss": ["the clerk"], "results site": ["the site"]},
                 ["The results site went offline."], "tally", ["election"]).entities
    cues = analyse(text, "t", ents).cues
    assert cues and cues[0].agent == agent, (text, cues)


@pytest.mark.parametrize("text, expected", [
    ("Within a day, though, a spokesperson conceded that the Lumo page was genuine.", "contradicted"),
    ("A government spokesperson conceded that the Lumo page was genuine.", "not contradicted"),
])
def test_a_spokesperson_of_nobody_named_speaks_for_whom_the_article_is_about(page, text, expected):
    expect(page, text, expected, before=["Brightwave stayed silent at first."])


def test_according_to_names_a_source_not_an_owner():
    ents = story({"Castle School": ["the school"], "Borough Council": ["the council"]},
                 ["Castle School is closed."], "castle", ["asbestos"]).entities
    claim = analyse("The removal bill has climbed again, to £3.6 million, according to council figures.", "t", ents)
    assert claim.attribution == "council figures" and claim.speaker == "borough council"
    assert analyse("She earned $600,000, according to her agent.", "t", ents).attribution is None


def test_guards_from_review_of_the_aside_participle_and_it_rules(app):
    # a name inside a prepositional phrase before an aside is not the subject
    cue, = [c for c in analyse("Rivals of Brightwave, the maker of Lumo, have released similar apps to the public.",
                               "t", app.entities).cues if c.frame == "release"]
    assert cue.agent != "brightwave"
    # an order imposed by someone is an order in force, not a participle that names no state
    assert [c.words for c in analyse("Harlow is again under a curfew imposed by police on Friday.", "t",
                                     app.entities).cues if c.frame == "access"] == ["imposed"]
    # "it" after a sentence about another thing is that thing, not the one released before it
    ents = story({"Lumo": ["the app"], "Brightwave": ["the company"], "Lumo page": ["the page"]},
                 ["Lumo is back online."], "lumo", ["leak"]).entities
    *_, claim = analyse_all(["Brightwave released Lumo in March.", "A fake Lumo page appeared on Tuesday.",
                             "Brightwave has since blocked it."], "t", ents)
    cue, = [c for c in claim.cues if c.frame == "access"]
    assert "ent_lumo_page" in cue.theme and "ent_lumo" not in cue.theme, cue
    # "vary according to income" names no source
    assert analyse("Fees will vary according to income, Brightwave said.", "t", app.entities).attribution == "Brightwave"


@pytest.mark.parametrize("text, expected", [
    ("Brightwave has admitted that its engineers copied the Lumo code.", "contradicted"),  # the silence is over
    ("Brightwave said on Monday that Lumo was popular.", "not contradicted"),  # a plain word is no admission
    ("Lumo long ago stopped being a research preview.", "contradicted"),
    ("Lumo, the app testers leaked last year, is now bundled into the $20 Brightwave subscriptions.", "contradicted"),
])
def test_an_admission_ends_a_silence_and_a_preview_or_a_wait_ends_in_other_words(text, expected):
    lumo = story({"Lumo": ["the app"], "Brightwave": ["the company"]},
                 ["Brightwave would not comment.", "Lumo is still in research preview.",
                  "Lumo was still limited to a few hundred testers.", "Brightwave released Lumo 2 last year."], "lumo", ["leak"])
    expect(lumo, text, expected)


def test_limits_clips_to_is_a_length():
    clip, = analyse("The launch version limits clips to 20 seconds.").values
    assert clip.noun == "length"


@pytest.mark.parametrize("text, expected", [
    ("The number of planned operations postponed at St Brel has risen to 318, the trust said.", "updated"),
    ("St Brel has now postponed 318 planned operations.", "updated"),
    ("The trust said 212 planned operations had been put off.", "corroborated"),
])
def test_planned_before_a_noun_names_the_thing_not_a_plan(text, expected):
    """"Planned operations" are operations that were booked, not a figure someone plans."""
    hospital = story({"St Brel Hospital": ["St Brel", "the hospital"], "Brel Trust": ["the trust"]},
                     ["St Brel Hospital has postponed 212 planned operations after its sterilisers failed."],
                     "st brel", ["operations"])
    expect(hospital, text, expected)


@pytest.mark.parametrize("text, modal", [
    ("The planned 600 job cuts were announced on Monday.", True),
    ("The sale is planned for May at $30 million.", True),
    ("Its scheduled flights carried 1,200 passengers.", False),
])
def test_a_plan_is_planned_before_its_figure_not_before_a_noun(text, modal):
    value = next(v for v in analyse(text).values if v.kind in ("count", "money"))
    assert (MODAL_VALUE in value.role) is modal, value


@pytest.mark.parametrize("text, expected", [
    ("Two months after testers leaked Brightwave's Lumo model in protest, students still argue about it.", "not contradicted"),
    ("Source code for the Lumo model was disclosed on Friday.", "contradicted"),
])
def test_what_was_exposed_is_the_object_not_what_it_was_about(text, expected):
    """"No source code for Lumo was disclosed" says nothing about Lumo itself being leaked."""
    lab = story({"Lumo": ["the Lumo model", "the model"], "Brightwave": ["the company"], "Lumo testers": ["testers"]},
                ["Testers shared access to Lumo for three hours, but no source code for the model was disclosed."],
                "lumo", ["leak"])
    expect(lab, text, expected)


HOSPITAL = {"St Brel Hospital": ["St Brel", "the hospital"], "Brel Trust": ["the trust"],
            "operating theatres": ["theatres", "the theatres"], "Lumo": ["the video tool"], "Brightwave": []}
WARD = ["Four of St Brel Hospital's nine operating theatres remain closed.",
        "The Brel Trust would not confirm whether any patient was harmed.",
        "Lumo was still limited to a few hundred testers.", "Brightwave released Lumo 2 last year."]


@pytest.mark.parametrize("text, expected", [
    ("The trust that runs St Brel Hospital has confirmed that no patient was harmed.", "contradicted"),
    ("All nine of the hospital's operating theatres are now open again.", "contradicted"),
    ("Two of the four operating theatres that were closed reopened on Monday, the trust said.", "contradicted"),
    ("The trust said it hoped to reopen two of those theatres next week.", "not updated"),  # a hope, and a part
    ("A video tool that is costly to run and sold to subscribers paying $20 a month is a different thing.",
     "not contradicted"),  # a kind of thing, not the story's tool
])
def test_the_noun_before_a_relative_clause_is_its_subject(text, expected):
    expect(story(HOSPITAL, WARD, "st brel", ["theatres"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Councillor Ada Roe claimed Halbrook had privately admitted missing warning signs.", "not contradicted"),
    ("Union officials alleged that Halbrook had admitted missing warning signs.", "not contradicted"),
    ("Halbrook has admitted missing warning signs during its inspection.", "contradicted"),
])
def test_an_allegation_by_someone_else_is_not_the_status_it_alleges(text, expected):
    firm = story({"Halbrook": ["the firm"], "Ada Roe": ["Roe"]},
                 ["Halbrook, which inspected the bridge last year, would not comment."], "halbrook", ["bridge"])
    expect(firm, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("The estimated cost of the flood has risen to £52 million.", "updated"),
    ("The ministry has set aside £40 million nationally for flood costs.", "not updated"),  # a national sum
])
def test_what_a_sum_put_at_measures_is_the_subject_before_it(text, expected):
    town = story({"Wrenmouth": ["the town"], "hardship fund": ["the fund", "the hardship fund"],
                  "the flood": ["the flooding"], "Wrenmouth Council": ["the council"], "ministry": ["the ministry"]},
                 ["The council set aside £2 million from its reserves for an emergency hardship fund.",
                  "The cost of the flood that swept through Wrenmouth this week has been put at £38 million."],
                 "wrenmouth", ["flood"])
    expect(town, text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    (["Halbrook would not comment."], "The alleged failures were confirmed by Halbrook on Tuesday.", "contradicted"),
    (["Halbrook would not comment."], "A councillor claims Halbrook has privately admitted missing signs.",
     "not contradicted"),
    (["Brightwave has suspended access to Lumo."], "Brightwave claimed it had restored access to Lumo on Friday.",
     "contradicted"),  # a party's own claim is its statement
    (["Brightwave would not say whether the leaked files were genuine."],
     "The leaked files were genuine, Brightwave added on Friday.", "contradicted"),
    (["Nine people remain in hospital after the crash, police said."],
     "Police said the driver had been arrested, adding 14 people remained in hospital after the crash.", "updated"),
    (["Brightwave was valued at $1.5 billion in March."], "The planned sale values Brightwave at $2 billion.",
     "not updated"),  # a plan
    (["Ward 9 at St Brel remains closed."], "Ward 9 held open days again for families on Saturday.", "not contradicted"),
    (["Ward 9 at St Brel remains closed."], "Ward 9 at St Brel opened again on Monday.", "contradicted"),
])
def test_guards_from_review_of_speech_allegation_and_plans(seeds, text, expected):
    expect(story({"Halbrook": ["the firm"], "Brightwave": ["the company"], "Lumo": [], "Ward 9": ["the ward"],
                  "St Brel": [], "police": ["Police"]}, seeds, "brel", ["ward"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Two of the four theatres have been in use since Monday.", "not updated"),  # a part of four, not the nine
    ("Five of the hospital's nine operating theatres remain closed.", "updated"),  # the part moved
    ("Four of the nine operating theatres remain closed.", "corroborated"),
])
def test_a_part_is_compared_with_the_part_it_restates(text, expected):
    expect(story(HOSPITAL, WARD, "st brel", ["theatres"]), text, expected)


def test_a_name_before_that_is_a_subject_only_when_it_opens_the_clause():
    firm = story({"Halbrook": ["the firm"], "regulator": ["the regulator"]}, ["Halbrook would not comment."],
                 "halbrook", ["bridge"])
    expect(firm, "The regulator warned Halbrook that detailed tests had confirmed cracks in the bridge.",
           "not contradicted")
    expect(firm, "On Monday, the firm that inspected the bridge confirmed cracks in the bridge.", "contradicted")


@pytest.mark.parametrize("text, expected", [
    ("The outage left some homes without power for well over a day.", "not updated"),  # 31 hours is over a day
    ("Households cut off for more than 12 hours will receive £75 each.", "not updated"),  # a threshold it meets
    ("The longest outages lasted more than 40 hours, the operator said.", "updated"),  # a bound above it
    ("The longest outages lasted just under 40 hours, the operator said.", "updated"),  # near 40, not a bound
    ("Fewer than 90,000 households lost power in the blackout.", "not updated"),
])
def test_a_bound_the_known_figure_meets_is_no_update(text, expected):
    grid = story({"Northvale Grid": ["the operator", "Northvale"], "blackout": ["the outage", "outages"]},
                 ["The longest outages lasted 31 hours, Northvale Grid said.",
                  "About 62,000 households lost power in the blackout."], "northvale", ["blackout", "power"])
    expect(grid, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("The three primary schools in Kestleford that were shut after the fire reopened on Thursday.", "contradicted"),
    ("The schools that stayed shut after the fire were inspected, and Mill Lane reopened.", "not contradicted"),
    ("Parents who were told after the fire that the schools would stay shut said Mill Lane reopened.",
     "not contradicted"),
])
def test_what_reopens_is_the_noun_a_relative_clause_is_on(text, expected):
    town = story({"Kestleford": [], "substation fire": ["the fire", "the blaze"], "Mill Lane": []},
                 ["Three primary schools in Kestleford remain closed after the substation fire."], "kestleford",
                 ["fire", "schools"])
    expect(town, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Halden Properties issued a brief statement on Friday saying it was cooperating with investigators.",
     "contradicted"),
    ("In a statement issued on Wednesday, Halden Properties said its cranes had been inspected.", "contradicted"),
    ("In a statement issued on Wednesday, the union said Halden Properties had ignored warnings.", "not contradicted"),
    ("Halden Properties said in a statement that it was pleased with the new contract.", "not contradicted"),
    # what it says in a statement names something of the story: it speaks on the matter, whatever it said before
    ("Halden Properties, which had previously declined to comment, said in a statement that the union had been "
     "consulted on every lift.", "contradicted"),
    ("Halden Properties has not issued a statement.", "not contradicted"),
])
def test_issuing_a_statement_ends_a_silence(text, expected):
    site = story({"Halden Properties": ["the developer", "Halden"], "union": ["the union"]},
                 ["Halden Properties declined to comment on the crane collapse."], "halden", ["crane"])
    expect(site, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Forty-seven workers escaped Corrin Deep on their own after the collapse.", "corroborated"),
    ("Two of the workers who reached the surface at Corrin Deep were treated for burns.", "not updated"),
    ("Sixty-five workers were underground at Corrin Deep on the night shift.", "updated"),
])
def test_n_of_them_is_a_part_of_the_count_before_it(text, expected):
    mine = story({"Corrin Deep": ["the mine"]}, ["Sixty-one workers were underground at Corrin Deep on the night "
                                                "shift, and 47 of them reached the surface on their own."],
                 "corrin", ["mine", "collapse"])
    expect(mine, text, expected)


@pytest.mark.parametrize("before, text, expected", [
    (["Engineers from Colbeck Geotechnical found that a third arch had cracked."],
     "The estimated cost of the repairs has climbed again, to £23 million.", "updated"),  # owned by nobody named
    ([], "Colbeck Geotechnical said its own repair bill had reached £23 million.", "not updated"),  # Colbeck's
    ([], "Two engineers told the Dale Courier that repairs would take far longer.", "not updated"),
    ([], "Two engineers working on the Kestrel Gill Viaduct told us repairs would take far longer.", "not updated"),
])
def test_a_sum_is_owned_by_a_name_in_its_own_sentence_and_sources_are_no_count(before, text, expected):
    line = story({"Northvale Rail": ["the operator", "Northvale"], "Kestrel Gill Viaduct": ["the viaduct"],
                  "Colbeck Geotechnical": ["Colbeck"]},
                 ["Repairs to the Kestrel Gill Viaduct will cost around £12 million, Northvale Rail said.",
                  "Northvale Rail said six engineers are working on the viaduct."], "kestrel gill", ["viaduct"])
    expect(line, text, expected, before)


@pytest.mark.parametrize("seeds, before, text, expected", [
    (["The longest outages lasted 31 hours, Northvale Grid said."], [],
     "Some homes were without power for more than 12 hours, and the longest outages lasted 44 hours.", "updated"),
    (["Four workers were taken to hospital after the crane collapse at Fenwick Street."], [],
     "Six of the workers were taken to hospital after the crane collapse at Fenwick Street.", "updated"),
    (["Repairs to the Kestrel Gill Viaduct will cost around £12 million, Northvale Grid said."],
     ["Colbeck Geotechnical was hired to inspect the viaduct."], "It said its own repair bill had reached £23 million.",
     "not updated"),
    (["Halden Properties declined to comment on the crane collapse."], [],
     "In a statement released by the union on Friday, Halden Properties was accused of ignoring warnings.",
     "not contradicted"),
    (["Halden Properties declined to comment on the crane collapse."], [],
     "Halden Properties released a statement of accounts for the year on Friday.", "not contradicted"),
])
def test_guards_from_review_of_bounds_parts_owners_and_statements(seeds, before, text, expected):
    expect(story({"Northvale Grid": ["Northvale"], "Kestrel Gill Viaduct": ["the viaduct"], "blackout": ["outages"],
                  "Colbeck Geotechnical": [], "Halden Properties": ["Halden"], "Fenwick Street": [],
                  "crane collapse": ["the collapse"]}, seeds, "halden", ["crane", "viaduct", "power"]),
           text, expected, before)


@pytest.mark.parametrize("text, expected", [
    ("The administrators said 72 drivers had been on the payroll when the firm ceased trading.", "updated"),
    ("A fresh check of contracts found that 40 routes had been cancelled, the council said.", "updated"),
    ("Some 50 of the firm's 67 drivers have found new jobs, up from 30 last week.", "updated"),
    ("The administrators said 67 drivers had been on the payroll when the firm ceased trading.", "corroborated"),
])
def test_a_count_measures_what_it_counts_and_a_qualified_part_is_a_part(text, expected):
    """A measure word elsewhere in the clause ("payroll", "contracts") does not change what a
    count counts; "Some 50 of the firm's 67 drivers" is a part, like "50 of"."""
    buses = story({"Brackwell Travel": ["the firm", "Brackwell"], "Wexmoor County Council": ["the council"]},
                  ["Brackwell Travel ceased trading on Friday, and 67 drivers lost their jobs.",
                   "The council said 38 school routes have been cancelled.",
                   "So far 30 of the 67 drivers have found new jobs, the union said."], "brackwell", ["bus", "routes"])
    expect(buses, text, expected)


def test_a_rate_word_far_before_a_sum_still_makes_it_a_rate():
    """"the weekly bill for emergency replacement buses had risen to £97,000" is a week's cost."""
    buses = story({"Wexmoor County Council": ["the council"]},
                  ["Wexmoor County Council said the replacement buses were costing it about £84,000 per week."],
                  "wexmoor", ["bus"])
    expect(buses, "Wexmoor County Council said the weekly bill for emergency replacement buses had risen to £97,000.",
           "updated")


@pytest.mark.parametrize("text, expected", [
    ("Westerly Isles Ferries has confirmed that the captain has been suspended while the grounding is investigated.",
     "contradicted"),
    ("Westerly Isles Ferries confirmed that sailings had been suspended while the company looks into how the "
     "charts were updated.", "not contradicted"),  # another event, and "were updated" is no statement of what is real
    ("Passengers said the captain had been suspended.", "not contradicted"),  # not the ferry operator
])
def test_confirming_a_status_the_baseline_would_not_confirm(text, expected):
    """A confirmation carries its verb and the status inside it: "has confirmed that the captain
    has been suspended" settles "would not confirm whether the captain had been suspended"."""
    ferry = story({"Westerly Isles Ferries": ["the operator", "Westerly"], "Alasdair Munro": ["the captain"]},
                  ["Westerly Isles Ferries would not confirm whether the captain had been suspended."],
                  "westerly", ["ferry", "grounding"])
    expect(ferry, text, expected)


@pytest.mark.parametrize("seed, text, expected", [
    ("Halvorsen would not confirm what caused the rupture.",
     "Halvorsen Midstream confirmed on Wednesday that external corrosion caused the rupture.", "contradicted"),
    ("Halvorsen has not confirmed the cause of the rupture.",
     "Halvorsen confirmed that corrosion had caused the rupture of its pipeline.", "contradicted"),
    ("Halvorsen would not confirm what caused the rupture.",
     "State inspectors confirmed that corrosion caused the rupture.", "not contradicted"),  # another party
    ("Halvorsen would not confirm what caused the rupture.",
     "Halvorsen confirmed that 40 workers had joined the clean-up.", "not contradicted"),  # another matter
    ("Halvorsen would not confirm what caused the rupture.",
     "Halvorsen confirmed that the leaked memo was genuine.", "not contradicted"),  # whether, not what
])
def test_a_confirmation_of_what_is_not_of_whether(seed, text, expected):
    """"Would not confirm what caused the rupture" asks which cause, not whether something is
    real, and a confirmed cause settles it."""
    line = story({"Halvorsen Midstream": ["Halvorsen", "the company"], "oil spill": ["the rupture", "the spill"]},
                 [seed], "halvorsen", ["pipeline", "spill"])
    expect(line, text, expected)


@pytest.mark.parametrize("seeds, before, text, expected", [
    (["The company confused its commitment to growth as a useful device whereas guaranteeing security measures are "
      "in place earlier than the restart."],
     ["Protesters blocked the Redcedar Line on Monday."], "Halvorsen shut it down within hours.", "not contradicted"),
    (["The agency imposed a ban on fishing along the Tamsin River on Monday."], [],
     "The state fishing ban on the Tamsin River is still in effect.", "corroborated"),
    (["The agency imposed a ban on fishing along the Tamsin River on Monday."], [],
     "The agency lifted the fishing ban on the Tamsin River on Friday.", "contradicted"),
])
def test_what_a_clause_a_pronoun_object_and_an_imposed_ban_are_said_of(seeds, before, text, expected):
    """"Whereas" opens a clause of its own (safety measures in place are not the company's access);
    "shut it down" shuts what "it" stands for, not its doer; an imposed ban is a stop in force
    like a ban still in effect."""
    line = story({"Halvorsen Midstream": ["Halvorsen", "the company"], "Redcedar Line": ["the pipeline"],
                  "Tamsin River": ["the river"], "fishing ban": ["the ban"],
                  "Department of Water and Environment": ["the agency"]}, seeds, "halvorsen", ["pipeline", "spill"])
    expect(line, text, expected, before)


@pytest.mark.parametrize("seeds, before, text, expected", [
    (["Halvorsen Midstream estimates that 2,400 barrels of crude leaked from the Redcedar Line."], [],
     "Elsewhere in the state, a Cardle Energy line near Fenwick leaked about 150 barrels into a drainage ditch "
     "last month, regulators said.", "not updated"),
    (["Halvorsen Midstream, a company valued at $150 billion, owns the line."], [],
     "Halvorsen is private, so listed exposure runs mainly through Orrin Capital, which has committed roughly "
     "$13 billion to the company.", "not updated"),
    (["Halvorsen Midstream, a company valued at $150 billion, owns the line."],
     ["Halvorsen Midstream wants to buy a second pipeline."],
     "It is reported to be negotiating a raise at a valuation of up to $300 billion.", "not updated"),
    (["Halvorsen Midstream, a company valued at $150 billion, owns the line."], [],
     "A new funding round has valued Halvorsen Midstream at $300 billion.", "updated"),
    (["The Department of Water and Environment imposed a fishing ban on the Tamsin River, which remains in place."],
     [], "Environmental groups have urged the department to keep an advisory against eating fish from the lower "
         "Tamsin River in place.", "not contradicted"),
])
def test_another_place_a_commitment_a_negotiation_and_a_request(seeds, before, text, expected):
    """A sentence opening "Elsewhere" is set in another place; a sum committed is an investment,
    not a valuation; a valuation being negotiated is a plan; urging someone to keep an
    advisory in place is a request, not a status."""
    line = story({"Halvorsen Midstream": ["Halvorsen", "the company"], "Redcedar Line": ["the pipeline", "the line"],
                  "Tamsin River": ["the river"], "fishing ban": ["the ban"],
                  "Department of Water and Environment": ["the department", "the state"], "Cardle Energy": [],
                  "oil spill": ["the leak", "the spill"]}, seeds, "halvorsen", ["pipeline", "spill"])
    expect(line, text, expected, before)


@pytest.mark.parametrize("seeds, text, expected", [
    (["The MV Morven Star had 118 passengers and 14 crew on board."],
     "When the ship struck the rocks there were 15 crew on board, including a cadet.", "updated"),
    (["Administrators said the company owed about £3.2 million to creditors."],
     "Finch Halloran now puts Brackwell's debts at £4.1 million, well above the sum it gave when appointed.",
     "updated"),
    (["Brackwell owes around £14.2m to creditors, of which roughly £3.1m is due to HM Revenue and Customs."],
     "The latest creditors' report shows that £3.6m is owed to HM Revenue and Customs.", "updated"),
])
def test_crew_counts_a_debt_is_owed_and_an_estimate_is_its_makers_word(seeds, text, expected):
    """"15 crew" is a count like "15 sailors"; a sum "owed" is a debt; who "puts the debts at"
    a figure estimates it, and owns it no more than one who says it."""
    s = story({"Morven Star": ["the ship"], "Finch Halloran": ["the administrators", "administrators"],
               "Brackwell Travel": ["Brackwell", "the company"], "HM Revenue and Customs": ["HMRC"]},
              seeds, "brackwell", ["ferry", "debts"])
    expect(s, text, expected)


@pytest.mark.parametrize("text, amount, noun", [
    ("The company has since put the passenger total at 122.", 122, "passenger"),
    ("The death toll has risen to 12.", 12, "death"),
])
def test_a_total_of_a_singular_noun_counts_it(text, amount, noun):
    v = next(v for v in analyse(text, "t").values if v.kind == "count")
    assert (v.amount, v.noun) == (amount, noun)


@pytest.mark.parametrize("seeds, text, expected", [
    (["A boil-water notice issued on Monday remains in place."],
     "The boil-water notice remains in place after the closure of the treatment plant.", "not contradicted"),
    (["Halvorsen would not confirm what caused the rupture."],
     "Halvorsen confirmed it did not yet know what caused the rupture.", "not contradicted"),
    (["Halvorsen would not confirm what caused the rupture."],
     "Halvorsen confirmed that investigators were still examining what caused the rupture.", "not contradicted"),
    (["Police have made no arrests over the spill."],
     "Police asked the public to stay away and arrested two men on Monday.", "contradicted"),
    (["The MV Morven Star had 118 passengers and 14 crew on board."],
     "Two crew cabins flooded when the ship struck the rocks.", "not updated"),
    (["About 40 police were deployed to the harbour on Friday."],
     "Two police cars were set alight during the clashes.", "not updated"),
    (["Halvorsen has invested $200 million in the Redcedar Line since 2019."],
     "The state has committed $50 million to the clean-up of the Redcedar Line.", "not updated"),
])
def test_guards_from_review_of_stops_answers_requests_and_counts(seeds, text, expected):
    s = story({"Halvorsen Midstream": ["Halvorsen"], "Redcedar Line": ["the line"], "Morven Star": ["the ship"],
               "boil-water notice": ["the notice"], "Lenmoor Police": ["police", "the police"]},
              seeds, "halvorsen", ["pipeline", "spill"])
    expect(s, text, expected)


@pytest.mark.parametrize("text, who", [
    ("Finch Halloran estimates the debts at £4.1 million.", "Finch Halloran"),
    ("Halvorsen put crews back on the line at 6am on Tuesday.", None),  # a time, not an estimate
])
def test_an_estimate_is_attributed_to_its_maker_but_a_time_is_not(text, who):
    assert find_attribution(text) == who


@pytest.mark.parametrize("text", ["The final tally was 12.", "The official count stood at 40."])
def test_a_qualified_total_names_no_counted_noun(text):
    assert not [v for v in analyse(text, "t").values if v.kind == "count"]


# A dust alert at a quarry, written for these tests: the ways a silent party speaks, an
# order lifted, a site back in use or shut at an hour, a claim brought.
QUARRY = {
    "Brannock Aggregates": ["Brannock", "the quarry operator", "the company"],
    "Tolley Blasting": ["Tolley", "the contractor"],
    "dust alert": ["the alert", "the dust warning"],
    "Harl Quarry": ["the quarry", "the pit"],
    "sampling stations": ["the stations"],
    "legal action": [],
    "Harl Residents' Association": ["the residents' association"],
}
QUARRY_SEEDS = [
    "Tolley Blasting, which carried out the blast, declined to comment.",
    "The dust alert for Harl village remains in force.",
    "Harl Quarry remains offline while inspectors examine the blast site.",
    "The two sampling stations in the village remain open.",
    "The Harl Residents' Association has not ruled out legal action against Brannock Aggregates.",
]


@pytest.mark.parametrize("text, expected", [
    # a plain "said in a statement" names a source, as with Halden above: a statement on another matter need
    # not end the silence on this one
    ("Tolley Blasting said in a statement that its crews were busy elsewhere.", "not contradicted"),
    ("In its first public comment on the blast, Tolley said it was helping the inspectors.", "contradicted"),
    ("Tolley Blasting issued its first statement on the incident on Tuesday.", "contradicted"),
    ("Tolley Blasting again declined to comment.", "corroborated"),
    # speaking up is no status of its own: the alert in force is what is said
    ("In a statement issued on Monday, Brannock said the dust alert for Harl village remained in force.", "corroborated"),
    ("Breaking its silence on Tuesday, Tolley Blasting said its crews had followed procedure.", "contradicted"),
    ("The crews followed procedure, Tolley Blasting said in its first public comment on the blast.", "contradicted"),
    ("Tolley Blasting made a bold statement with its new safety campaign.", "not contradicted"),
    ("Brannock Aggregates lifted the dust alert for Harl village on Monday.", "contradicted"),
    ("Brannock Aggregates issued a dust alert for the village of Stenby on Monday.", "not contradicted"),
    ("Brannock Aggregates lifted the stop-work order at Harl Quarry on Friday.", "contradicted"),  # it may reopen
    ("The stop-work order at Harl Quarry was lifted on Friday.", "contradicted"),
    ("Brannock scrapped the fees in order to keep the sampling stations open.", "not contradicted"),
    ("Engineers brought Harl Quarry back into service on Friday.", "contradicted"),
    ("The sampling stations closed at 9pm on Monday.", "contradicted"),
    ("The sampling stations closed at 9pm as usual on Monday.", "not contradicted"),  # their hours
    ("Brannock shares closed at 142 pence on Monday.", "not contradicted"),  # a price closes at a figure
    ("The Harl Residents' Association has instructed solicitors to bring a group claim against Brannock Aggregates.",
     "contradicted"),
    ("The Harl Residents' Association said it had not yet decided whether to bring a group claim.", "not contradicted"),
    ("The Harl Residents' Association has instructed solicitors to take legal action against Brannock Aggregates.",
     "contradicted"),
])
def test_a_silence_broken_an_order_lifted_a_site_reopened_or_shut_and_a_claim_brought(text, expected):
    expect(story(QUARRY, QUARRY_SEEDS, "harl", ["quarry", "dust"]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a title without an article is an aside too: the one who confirms is the name before it
    (["Dr Ana Vell would not confirm whether the backups had been tested."],
     "Dr Ana Vell, director of the Kelso Archive, has confirmed that the backups had not been tested since 2022.",
     "contradicted"),
    # "has said little about" reports nothing; "said little damage had been done" does
    (["The Kelso Archive would not confirm whether the scans had been damaged."],
     "The Kelso Archive said little damage had been done to the scans.", "contradicted"),
    (["The Kelso Archive would not confirm whether the scans had been copied off site."],
     "The Kelso Archive has said little about how the scans were copied off site, and nothing about the cost.",
     "not contradicted"),
    # a figure the baseline gives of the same noun is no update of another noun's figure
    (["Seventeen members of staff lost their work in the failure.", "The Kelso Archive holds 212 boxes of papers."],
     "The review found 212 boxes of papers were lost in the failure.", "not updated"),
    # what a sentence set in a year before the story counts is history
    (["The failure affected 212 boxes of papers at the Kelso Archive in 2025."],
     "In 2019, a flood at the Kelso Archive damaged 40 boxes of papers.", "not updated"),
    (["The Kelso Archive's store was last rebuilt in 2009."],
     "Records show the Kelso Archive's store was in fact last rebuilt in 2007.", "updated"),  # a year set in the clause
])
def test_titles_as_asides_saying_little_a_figure_of_its_own_noun_and_history(seeds, text, expected):
    s = story({"Kelso Archive": ["the archive"], "Ana Vell": ["Dr Ana Vell", "Vell"], "failure": []}, seeds,
              "kelso", ["archive"])
    expect(s, text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # "the share of X" is a part, not a stake
    (["About 38 per cent of the Kelso Archive's collection has been digitised."],
     "The Kelso Archive now puts the share of its collection that has been digitised at 35 per cent.", "updated"),
    # a total said to have moved is strict, however close to an "about" figure
    (["The alert covers about 9,400 households in Kelso."],
     "The alert was widened to 250 more homes, taking the total to about 9,650 households.", "updated"),
    (["The alert covers about 9,400 households in Kelso."],
     "The alert still covers about 9,450 households in Kelso.", "corroborated"),
    # a figure given as what somebody called it, beside another of its kind, is what it was
    (["The letter described the Kelso Archive as a £40 million institution."],
     "The letter called the Kelso Archive a £40 million institution; its accounts now value it at £55 million.",
     "updated"),
    (["The letter described the Kelso Archive as a £40 million institution."],
     "The letter called the Kelso Archive a £40 million institution.", "corroborated"),
    # a condition, an aim, a span looked back over, a place set apart by its distance, last year
    (["The Kelso Archive's reading room remains closed."],
     "The trust said it would resume tours once the reading room at the Kelso Archive reopens.", "not contradicted"),
    (["The Kelso Archive said its focus was on getting the reading room back in service.",
      "The reading room at the Kelso Archive remains closed."],
     "The reading room at the Kelso Archive remains closed, the archive said.", "corroborated"),
    (["The Kelso Archive is expected to stay closed for six weeks."],
     "\"The last two months have been the hardest in the Kelso Archive's history,\" the director said.", "not updated"),
    (["The failure at the Kelso Archive affected 212 boxes of papers."],
     "At a county store 30 miles away, 40 boxes of papers were damaged in the same storm.", "not updated"),
    (["The failure at the Kelso Archive affected 212 boxes of papers."],
     "Last year the Kelso Archive lent 40 boxes of papers to the university.", "not updated"),
    # history runs only until the sentence turns to now, and a target year is not the story's
    (["The Kelso Archive employs 40 staff.", "The failure at the Kelso Archive affected 212 boxes of papers in 2025."],
     "In 2023 the Kelso Archive employed 52 staff, but after cuts it now employs 25 staff.", "updated"),
    (["The Kelso Archive employs 40 staff.", "The Kelso Archive aims to digitise all its papers by 2030."],
     "In March 2026 the Kelso Archive employed 25 staff.", "updated"),
])
def test_parts_totals_described_figures_conditions_aims_spans_distances_and_last_year(seeds, text, expected):
    s = story({"Kelso Archive": ["the archive"], "reading room": [], "failure": [], "alert": []}, seeds, "kelso",
              ["archive"])
    expect(s, text, expected)


# A library roof that fell in, written for these tests: what is confirmed, what opens.
ORRIN = {
    "Orrin Library": ["the library"],
    "Mara Quill": ["Quill", "Dr Quill"],
    "Fenwick Roofing": ["Fenwick", "the contractor"],
    "Fenwick employee": ["an employee of Fenwick Roofing", "a Fenwick employee"],
    "Orrin County Council": ["the council"],
    "formal inquiry": ["inquiry"],
}


def orrin(seeds):
    """A one-snapshot baseline of the library story from these seeds."""
    return story(ORRIN, seeds, "orrin", ["library", "roof"])


ORRIN_SEEDS = [
    "Asked whether an employee of Fenwick Roofing had been suspended, Dr Quill would not confirm it, "
    "saying only that steps were being taken.",
    "Orrin County Council said it was in close contact with the library but has not decided whether to open a "
    "formal inquiry.",
    "The number of books damaged at Orrin Library has risen to 2,400.",
    "The reading room at Orrin Library remains closed.",
    "Orrin County Council has not confirmed whether the library was insured, and has not decided whether to rebuild "
    "the roof.",
    "The damage at Orrin Library came to light early on Monday 3 March.",
]


@pytest.mark.parametrize("text, expected", [
    # a word of the question and what it is asked of settle it, though the baseline's words run on ("asked")
    ("Dr Quill confirmed for the first time that an employee of Fenwick Roofing had been suspended.", "contradicted"),
    ("Dr Quill confirmed that Fenwick Roofing had been paid for the work.", "not contradicted"),
    # what opens with no object and nobody the story knows opening it is the noun before the verb
    ("A helpline for library members will open on Tuesday, the council said.", "not contradicted"),
    ("Some colleges held places open for pupils whose library loans were delayed.", "not contradicted"),
    ("Orrin County Council has opened a formal inquiry into the collapse.", "contradicted"),
    # a name only in the trailing "..., the council said" tells who reports a figure, not whose it is
    ("The number of damaged books has reached 3,100, the council said on Monday.", "updated"),
    ("The council has bought 3,100 new books, it said on Monday.", "not updated"),
    # "neither ... nor" negates the verb after both
    ("Neither the reading room nor the archive store at Orrin Library has reopened.", "not contradicted"),
    ("The reading room at Orrin Library has reopened.", "contradicted"),
    # ", and has not decided" after a question's clause is the main subject's: the council's, not the library's
    ("Orrin County Council has decided not to rebuild the roof.", "contradicted"),
    ("Orrin Library has decided to rebuild the roof.", "not contradicted"),
    # "early" and "late" say when in a day, not what happened then
    ("Orrin Library sent its staff home in the early hours of 4 March.", "not updated"),
    ("The damage at Orrin Library in fact came to light on 2 March.", "updated"),
])
def test_what_is_confirmed_of_whom_and_what_opens(text, expected):
    expect(orrin(ORRIN_SEEDS), text, expected)


@pytest.mark.parametrize("text, expected", [
    # the entities beside a date take part in what happened then: they are no evidence it is the same event
    ("In its bid, Orrin Library told Orrin County Council about its video collection from February 2024.",
     "not updated"),
    ("Orrin County Council gave Orrin Library the video screens in April.", "updated"),
])
def test_a_dates_participants_do_not_tie_it_to_another_event(text, expected):
    seeds = ["In March, Orrin County Council gave Orrin Library video screens and a grant.",
             "In May, Orrin Library opened a video room for schools."]
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a place the sentence opens on or puts "nearby" is another place's figure
    ("In the neighbouring town, bookings dipped by 4 percent.", "not updated"),
    ("After the collapse, a reading room at nearby Dunst was expected to stay shut for two weeks.", "not updated"),
    ("The reading room at Orrin Library is now expected to stay shut for ten weeks.", "updated"),
    # unless its clause names the story's own: the place is only where it was said
    ("At a nearby hotel, Dr Quill told reporters the reading room at Orrin Library would stay shut for ten weeks.",
     "updated"),
    ("At a nearby hotel, Dr Quill said the roof collapse had cancelled 45 percent of the bookings at Orrin Library.",
     "updated"),
])
def test_a_neighbouring_or_nearby_place_has_figures_of_its_own(text, expected):
    seeds = ["The roof collapse has cancelled 30 percent of the bookings at Orrin Library.",
             "The reading room at Orrin Library is expected to stay shut for six weeks.",
             "The roof collapse happened on Friday."]
    expect(orrin(seeds), text, expected,
           before=("Orrin Library reopened its lending desk on Monday.",))


@pytest.mark.parametrize("text, expected", [
    # a verb and its noun are one act (apology/apologised), and a verb of a noun in -ion is that noun's
    # (commission/commissioned)
    ("Orrin County Council has formally apologised to library members.", "contradicted"),
    ("Orrin County Council has commissioned an independent survey of the roof.", "contradicted"),
    # a verb in -y is its own act in every form; a relative clause's verb is done to the noun it hangs on
    ("Orrin County Council has now identified the roofing supplier.", "contradicted"),
    ("Orrin County Council has identified the cause of the damage.", "not contradicted"),
])
def test_an_act_in_its_noun_or_verb_form_and_what_a_relative_clause_is_done_to(text, expected):
    seeds = ["No apology has yet been made to library members.",
             "Orrin County Council has not decided whether to commission an independent survey.",
             "The survey blamed a roofing supplier, which the council has so far declined to identify."]
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # "asked" frames a question; one shared word of what was asked is not enough
    (ORRIN_SEEDS, "Dr Quill confirmed that an employee of Fenwick Roofing had been asked to give evidence.",
     "not contradicted"),
    # a noun after "has" is no perfect, and only -ogy/-ogise pairs a noun with its verb
    (["Orrin County Council has not questioned Fenwick Roofing about the roof."],
     "Orrin County Council still has questions about the roof.", "not contradicted"),
    (["Orrin County Council has not decided whether to contact the police."],
     "Orrin County Council has contacted its insurers about the policy.", "not contradicted"),
    # a trailing speaker the sentence also names as its subject owns the figure
    (["Orrin Library has spent £20,000 on temporary storage for its books."],
     "Orrin County Council has spent £50,000 on temporary storage, the council said.", "not updated"),
    # "neither ... nor" stops where its clause does
    (ORRIN_SEEDS, "Neither staff nor members were warned before Orrin Library reopened its reading room.", "contradicted"),
    # after "that" the clause has its own subject: "said that Y met, and decided" is Y's
    (["Orrin County Council has not decided whether to rebuild the roof."],
     "Dr Quill said that Orrin County Council met on Monday, and decided to rebuild the roof.", "contradicted"),
    # a "that" after a verb is what was said, not a relative clause's noun
    (["Dr Quill said that the council had not yet apologised."],
     "Orrin County Council has apologised to library members.", "contradicted"),
    # the subject of an act past an aside
    (ORRIN_SEEDS, "The formal inquiry, chaired by a retired judge, will open in May.", "contradicted"),
])
def test_guards_from_review_of_questions_speakers_clauses_and_asides(seeds, text, expected):
    expect(orrin(seeds), text, expected)


MOVED_SEEDS = ["Fenwick Roofing said 2,400 books were damaged when the roof of Orrin Library fell in.",
               "The library's insurers put the repair bill at £80,000.",
               "Orrin Library shut its doors on 3 March, Dr Quill said.",
               "The council said 14 members of staff at Orrin Library had been moved to other branches."]


@pytest.mark.parametrize("text, expected", [
    # a sentence that says its figure moved restates the one given before, whoever reported either
    ("Orrin Library has raised its count of damaged books to 3,100.", "updated"),
    ("The number of damaged books rose to 3,100 after the basement was searched.", "updated"),
    ("The repair bill has climbed again, to £95,000.", "updated"),
    ("Staff at the branch counted 3,100 damaged books, far more than the contractor had first reported.", "updated"),
    ("Council records show the library in fact shut on 2 March, a day earlier than the date given at the time.",
     "updated"),
    # "up from the 2,400" is what the count was, however the sentence words its article
    ("A new survey found 3,100 damaged books, up from the 2,400 first reported.", "updated"),
    # the same noun alone is no evidence where the sentence says nothing of a move
    ("Volunteers at a school fair sold 3,100 books.", "not updated"),
    # nor where the figures belong to two different story entities
    ("Fenwick Roofing's own bill for scaffolding rose to £95,000 last week.", "not updated"),
    ("The number of books lent by Orrin County Council to schools rose to 3,100.", "not updated"),
])
def test_a_figure_said_to_have_moved_restates_the_one_given_before(text, expected):
    expect(orrin(MOVED_SEEDS), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a place cordoned off is shut, and reopening it settles that
    (["The reading room at Orrin Library remains cordoned off."], "The reading room at Orrin Library reopened on Monday.",
     "contradicted"),
    # the head of a noun phrase before its place: "shuttle buses through the town centre" are the shuttle buses
    (["Shuttle buses to Orrin Library have been suspended."], "Shuttle buses through the town centre have resumed.",
     "contradicted"),
    # "no offer of compensation has been made" is the act of offering, to a business however it is spelled
    (["No offer of compensation has been made to businesses by Orrin County Council."],
     "Orrin County Council has offered each affected business a payment of £500.", "contradicted"),
    # "two of those sponsors" is part of a whole said before, never that whole
    (["Seven sponsors of Orrin Library have paused their funding."],
     "Two of those sponsors have since resumed their funding.", "not updated"),
    (["Seven sponsors of Orrin Library have paused their funding."],
     "Nine sponsors of Orrin Library have now paused their funding.", "updated"),
])
def test_cordons_a_noun_before_its_place_offers_and_parts_of_a_whole_said_before(seeds, text, expected):
    s = story({**ORRIN, "shuttle buses": ["the shuttle"]}, seeds, "orrin", ["library", "roof"])
    expect(s, text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a bare figure a limit is raised to is of the kind and unit of the one it was raised from
    (["Orrin Library's video clips are capped at ten seconds."],
     "Its video clips started at ten seconds, but the limit has since been raised to fifteen.", "updated"),
    (["The reading room at Orrin Library is expected to stay shut for ten weeks."],
     "The closure of ten weeks stands, and opening hours afterwards will be extended to eight.", "not updated"),
    # an act done last year settles nothing open now
    (ORRIN_SEEDS, "Orrin County Council opened 12 formal inquiries into other buildings last year.", "not contradicted"),
    (ORRIN_SEEDS, "Orrin County Council opened a formal inquiry on Monday.", "contradicted"),
])
def test_a_bare_figure_raised_to_and_an_act_done_last_year(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # the head of "X of Y" is who confirms, where the story names X too
    (ORRIN_SEEDS, "The chief librarian of Orrin Library has confirmed that an employee of Fenwick Roofing had been "
                  "suspended.", "contradicted"),
    # two things the story names and one word in common are not the question: the word may be its object
    (["Dr Quill would not confirm whether Orrin County Council had warned Fenwick Roofing about the roof the "
      "previous year."], "Dr Quill confirmed that Orrin County Council had paid Fenwick Roofing for the roof.",
     "not contradicted"),
    (["Dr Quill would not confirm whether Orrin County Council had warned Fenwick Roofing about the roof the "
      "previous year."], "Dr Quill confirmed that Orrin County Council had paid Fenwick Roofing.", "not contradicted"),
])
def test_who_heads_a_phrase_and_what_a_question_shares(seeds, text, expected):
    s = story({**ORRIN, "Mara Quill": ["Quill", "Dr Quill", "the chief librarian"]}, seeds, "orrin", ["library"])
    expect(s, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a figure said to have moved or reached is what a sum the baseline expected has come to
    ("The library's storage bill has climbed to £95,000.", "updated"),
    ("Orrin Library's spending on temporary storage has now reached £95,000.", "updated"),
    # a plan of another sum says nothing of it
    ("Orrin Library hopes to raise £95,000 from a book sale.", "not updated"),
])
def test_a_figure_that_moved_from_what_was_expected(text, expected):
    expect(orrin(["Orrin Library expects to spend about £80,000 on temporary storage for its books."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # an act done on one thing the story names does not settle the same act undecided on another
    ("Orrin County Council has now decided to issue a repair notice on Orrin Library.", "not contradicted"),
    ("Orrin County Council has now decided to issue a repair notice on Fenwick Roofing.", "contradicted"),
])
def test_an_act_on_another_named_thing(text, expected):
    expect(orrin(["Orrin County Council has not decided whether to issue a repair notice on Fenwick Roofing."]),
           text, expected)


def test_what_someone_understood_is_a_belief_not_a_report():
    seeds = ["Orrin County Council has not decided whether to refund members' fees."]
    expect(orrin(seeds), "A lawyer for the members said he understood the council had agreed to refund their fees.",
           "not contradicted")
    expect(orrin(seeds), "Orrin County Council has agreed to refund members' fees.", "contradicted")


@pytest.mark.parametrize("seeds, text, expected", [
    # guards from review: a budget cut after a count is another sum, not the count's new unit
    (MOVED_SEEDS, "Staff said 2,400 books were damaged, but the library's budget for replacing them has been cut to 900.",
     "not updated"),
    # a sentence that says more of what it counts than that it moved counts something else
    (MOVED_SEEDS, "The number of books lent to schools rose to 3,100.", "not updated"),
    (MOVED_SEEDS, "Orrin County Council has pushed its budget vote back to 10 March.", "not updated"),
    (MOVED_SEEDS, "The count of damaged books has since risen to 3,100.", "updated"),
    # a place without an article is a name of its own: another place's buses
    (["Shuttle buses to Orrin Library have been suspended."], "Shuttle buses in Brell have resumed.", "not contradicted"),
    # "last year" of another clause's act leaves this one now
    (ORRIN_SEEDS, "Orrin County Council opened a formal inquiry into repairs Fenwick Roofing made last year.",
     "contradicted"),
    # "two of those sponsors" is a part of a whole said before
    (["Seven sponsors have paused their funding to Orrin Library."],
     "Two of those sponsors have said they will consider resuming support.", "not updated"),
])
def test_guards_from_review_of_moved_figures_places_and_last_year(seeds, text, expected):
    expect(story({**ORRIN, "shuttle buses": ["the shuttle"]}, seeds, "orrin", ["library", "roof"]), text, expected)


REPAIR_NOTICE = ["Orrin County Council has not decided whether to issue a repair notice on Orrin Library."]


@pytest.mark.parametrize("text, expected", [
    # an act reported in the passive, by nobody or by the one who had to decide, settles it
    ("A repair notice was issued on Wednesday.", "contradicted"),
    ("The council's repair notice, issued on Wednesday, remains in force.", "contradicted"),
    ("The repair notice served on the library this month remains in force.", "not contradicted"),  # another verb
    ("A repair notice was issued by Orrin County Council on Wednesday.", "contradicted"),
    ("The council's repair notice on Orrin Library, issued on Wednesday, remains in force.", "contradicted"),
    # by somebody else, or of some other thing, it settles nothing
    ("Fenwick Roofing's repair notice, issued on Wednesday, lists the work needed.", "not contradicted"),
    ("A repair notice was issued by Fenwick Roofing on Wednesday.", "not contradicted"),
    ("A repair notice on a warehouse across the road was issued on Wednesday.", "not contradicted"),
])
def test_an_act_reported_in_the_passive(text, expected):
    expect(story({**ORRIN, "repair notice": ["the notice"]}, REPAIR_NOTICE, "orrin", ["library", "roof"]),
           text, expected)


def test_a_participle_hung_on_a_noun_only_when_it_is_what_the_act_is_done_to():
    """"the council paid in full" is the council paying; "the notice, issued on Monday" the notice issued."""
    s = orrin(["Orrin County Council has not decided whether to pay for the repairs."])
    expect(s, "The council paid in full on Monday for the repairs.", "contradicted")


def test_not_yet_ruled_out_is_still_open():
    s = orrin(["Fenwick Roofing has not ruled out legal action against Orrin County Council."])
    expect(s, "Fenwick Roofing welcomed the council's decision but said it had not yet ruled out legal action "
              "over the council's conduct.", "not contradicted")
    expect(s, "Fenwick Roofing has ruled out legal action against the council.", "contradicted")


@pytest.mark.parametrize("text, expected", [
    # guards from review: the words of the question said of another named thing are another question
    ("Orrin County Council confirmed it had received warnings about movement in the roof beams at Fenwick Roofing's "
     "depot.", "not contradicted"),
    ("Orrin County Council confirmed that it had received a report from Fenwick Roofing last year.", "not contradicted"),
])
def test_the_words_of_a_question_about_another_named_thing(text, expected):
    expect(orrin(["Orrin County Council would not confirm whether it had received warnings about movement in the roof "
                  "beams of Orrin Library."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # what an organisation confirms settles what its officer would not, and the report closing the
    # sentence is about what comes before it
    ("The roof failed an inspection last year, Orrin Library confirmed on Friday, as repairs began.", "contradicted"),
    ("The roof had failed an inspection when the rain came last year, the library has confirmed.", "contradicted"),
    ("Orrin Library confirmed on Friday that the roof had failed an inspection last year.", "contradicted"),
    # another organisation's word settles nothing of it
    ("The roof failed an inspection last year, Fenwick Roofing confirmed on Friday, as repairs began.",
     "not contradicted"),
])
def test_an_officer_speaks_for_the_organisation(text, expected):
    expect(orrin(["Mara Quill, Orrin Library's director, would not confirm whether the roof had failed an inspection."]),
           text, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Mara Quill, Orrin Library's director, would not comment.", {"mara quill": "orrin library"}),
    ("Orrin Library's director, Mara Quill, would not comment.", {"mara quill": "orrin library"}),
    ("Orrin Library director Mara Quill would not comment.", {"mara quill": "orrin library"}),
    ("Mara Quill, the director of Orrin Library, would not comment.", {"mara quill": "orrin library"}),
    ("Mara Quill, director of Orrin Library, would not comment.", {"mara quill": "orrin library"}),
    # a list, or a name beside another with no post between, says nothing of who speaks for whom
    ("Mara Quill, Fenwick Roofing and Orrin Library were named.", {}),
    ("Fenwick Roofing told Mara Quill on Friday.", {}),
    ("Mara Quill, and a spokesman for Orrin Library, said so.", {}),
])
def test_who_speaks_for_whom(sentence, expected):
    assert fronts([sentence], Entities(ORRIN)) == expected


def test_a_post_that_is_a_name_of_the_person():
    entities = Entities({**ORRIN, "Mara Quill": ["Quill", "the library director", "library director"]})
    assert fronts(["Orrin Library's library director, Mara Quill, said so."], entities) == {"mara quill": "orrin library"}


@pytest.mark.parametrize("text, expected", [
    # a decision reported in the speaker's words settles what was undecided
    ("Orrin County Council said it would refund members' fees.", "contradicted"),
    ("Orrin County Council confirmed that it would refund members' fees in full.", "contradicted"),
    ("Orrin County Council said it would consider refunding members' fees.", "not contradicted"),
    ("Orrin County Council said it would refund members' fees if the insurer paid out.", "not contradicted"),
])
def test_a_decision_reported_as_what_it_would_do(text, expected):
    expect(orrin(["Orrin County Council has not decided whether to refund members' fees."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a claim against someone is legal action
    ("Fenwick Roofing's claim against Orrin County Council was lodged at the High Court on Tuesday.", "contradicted"),
    ("Fenwick Roofing has instructed solicitors to bring a claim against the council.", "contradicted"),
    ("Fenwick Roofing rejected the claim against it made by the council.", "not contradicted"),
])
def test_a_claim_against_someone_is_legal_action(text, expected):
    expect(orrin(["Fenwick Roofing has not ruled out legal action against Orrin County Council."]), text, expected)


@pytest.mark.parametrize("text, prior", [
    # a first figure given now is the figure; one the news is set against is what it was
    ("Insurers have put an initial figure of £2.4 million on repairs to the roof.", False),
    ("The bill rose to £3.1 million, up from an initial estimate of £2.4 million.", True),
])
def test_an_initial_figure_given_now_is_the_figure(text, prior):
    assert ("~prior" in analyse(text).values[-1].role) is prior


def test_the_one_who_puts_a_figure_at_a_value_only_gives_it():
    expect(orrin(["Fenwick Roofing said 2,400 books were damaged when the roof of Orrin Library fell in."]),
           "Orrin County Council now puts the number of books damaged at 3,100.", "updated")


REVIEW_SEEDS = {
    "notice": ["Orrin County Council has not decided whether to issue a repair notice on Orrin Library."],
    "pay": ["Orrin County Council has not decided whether to pay Fenwick Roofing."],
    "close": ["Orrin County Council has not decided whether to close Orrin Library."],
    "refund": ["Orrin County Council has not decided whether to refund members' fees."],
    "legal": ["Fenwick Roofing has not ruled out legal action against Orrin County Council."],
    "inspect": ["Mara Quill, Orrin Library's director, would not confirm whether the roof had failed an inspection."],
    "former": ["Mara Quill, a former director of Orrin Library, would not confirm whether the roof had failed an "
               "inspection."],
    "books": ["2,400 books were damaged at Orrin Library."],
}


@pytest.mark.parametrize("seeds, text, expected", [
    # guards from review: a passive done by somebody the story does not know, or to somebody else
    ("notice", "A repair notice was issued by the fire service on Wednesday.", "not contradicted"),
    ("pay", "Fenwick Roofing was paid £40,000 by its insurer on Friday.", "not contradicted"),
    ("close", "Orrin Library, closed by flooding last week, will reopen on Monday.", "not contradicted"),
    ("notice", "A repair notice was issued to a homeowner in Ashby on Wednesday.", "not contradicted"),
    ("notice", "A repair notice was issued on Orrin Library on Wednesday.", "contradicted"),
    # an active verb after the noun the act is done to is no participle hung on it
    ("pay", "Fenwick Roofing paid on Friday to settle the dispute.", "not contradicted"),
    ("close", "Orrin Library closed on Friday for a staff training day.", "not contradicted"),
    # what a decision hangs on
    ("refund", "Orrin County Council said it would refund members' fees, provided the insurer paid out.",
     "not contradicted"),
    ("refund", "Orrin County Council said it would refund members' fees as long as the insurer paid out.",
     "not contradicted"),
    ("refund", "Orrin County Council says it would refund members' fees were the insurer to pay out.",
     "not contradicted"),
    # allegations are no legal claim; a refusal not yet made is none
    ("legal", "Fenwick Roofing made fresh claims against the council in a letter to members.", "not contradicted"),
    ("legal", "Fenwick Roofing has not formally ruled out legal action against the council.", "not contradicted"),
    ("legal", "Fenwick Roofing hasn't yet ruled out legal action against the council.", "not contradicted"),
    # a condition closing in a confirmation is no fact confirmed
    ("inspect", "If the roof failed an inspection last year, Orrin Library confirmed, it will seek damages.",
     "not contradicted"),
    # a post no longer held is no voice of the organisation
    ("former", "Orrin Library confirmed that the roof had failed an inspection.", "not contradicted"),
    # a contrast with no figure before it sets no figure aside
    ("books", "Staff, not volunteers, have counted 3,100 damaged books at Orrin Library.", "updated"),
])
def test_guards_from_review_of_passives_conditions_claims_and_posts(seeds, text, expected):
    expect(story({**ORRIN, "repair notice": ["the notice"]}, REVIEW_SEEDS[seeds], "orrin", ["library", "roof"]),
           text, expected)


@pytest.mark.parametrize("text", [
    "The council, not Fenwick, paid £40,000 on Monday.",
    "Rather than wait, the council paid £40,000 on Monday.",
    "Orrin Library counted 2,400 damaged books, not counting 300 maps.",
])
def test_a_contrast_with_no_figure_before_it_sets_none_aside(text):
    assert not any("~prior" in v.role for v in analyse(text).values)


def test_an_organisation_that_owns_another_is_no_voice_of_it():
    assert fronts(["Orrin County Council, Orrin Library's owner, said so."], Entities(ORRIN)) == {}


@pytest.mark.parametrize("text, expected", [
    # "put on general release" is released
    ("Brightwave has put Lumo on general release.", "contradicted"),
    ("Brightwave hopes to put Lumo on general release.", "not contradicted"),
])
def test_put_on_general_release(text, expected):
    expect(story({"Lumo": ["the app"], "Brightwave": ["the company"]}, ["Lumo has not yet been released."], "lumo",
                 ["lumo"]), text, expected)


@pytest.mark.parametrize("text", [
    "The longest clip is 20 seconds, a third of the one-minute length shown in February.",
    "Clips run to ten seconds, far short of the one-minute videos shown in February.",
])
def test_a_figure_set_beside_as_a_fraction_or_far_short_is_what_it_was(text):
    assert [("~prior" in v.role) for v in analyse(text).values if v.kind == "duration"] == [False, True]


@pytest.mark.parametrize("text, expected", [
    # how long the story's subject lasted, said of it with other words, updates the one way the baseline gives it
    ("Logs show it was in effect for roughly five hours.", "updated"),
    # a time until something else is not how long it lasted
    ("Staff noticed it within five hours.", "not updated"),
])
def test_how_long_the_subject_lasted(text, expected):
    town = story({"Arle Council": ["the council"], "outage": ["the outage", "the failure"]},
                 ["The outage at Arle Council lasted only three hours."], "arle", ["outage"])
    expect(town, text, expected, before=["The outage began early on Monday."])


@pytest.mark.parametrize("seeds, text, expected", [
    # guards from the second review: a fraction of a count is of the whole, not what it was
    (["Brightwave employs 600 people."], "Brightwave has laid off 200 people, a third of the 600 people it employs.",
     "not updated"),
    # "puts the number of staff it employs at": its own figure, given by itself
    (["Fenwick Roofing employs 120 staff."], "Orrin County Council puts the number of staff it employs at 300.",
     "not updated"),
    # a first figure given before is what it was
    (["Insurers now estimate repairs to Orrin Library at £3.1 million."],
     "Insurers had put an initial figure of £2.4 million on repairs to Orrin Library.", "not updated"),
])
def test_guards_from_second_review_of_fractions_givers_and_first_figures(seeds, text, expected):
    expect(story({**ORRIN, "Brightwave": []}, seeds, "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text", [
    "Engineers worked for five hours to restore it.",
    "It was the second outage in a month; the first lasted five hours.",
])
def test_how_long_something_else_took_is_not_how_long_the_subject_lasted(text):
    town = story({"Arle Council": ["the council"], "outage": ["the outage", "the failure"]},
                 ["The outage at Arle Council lasted only three hours."], "arle", ["outage"])
    expect(town, text, "not updated", before=["The outage began early on Monday."])



@pytest.mark.parametrize("seeds, text, expected", [
    # a range the baseline gives ("hundreds") holds the new figure, but its own exact figure says what it was
    (["Hundreds of books were damaged, the library said.", "Orrin Library said 412 books were damaged."],
     "Staff found 900 damaged books at Orrin Library.", "updated"),
    (["Hundreds of books were damaged, the library said."], "Staff found 900 damaged books at Orrin Library.",
     "corroborated"),
    # an exact figure the range does not hold is another count ("40 sent away so far")
    (["Hundreds of books were damaged, the library said.", "Orrin Library said 40 damaged books had been sent away "
      "for repair so far."], "Orrin Library said 700 books had been damaged.", "not updated"),
    # what kind a part of a whole is says nothing of that whole ("six of the workers were taken to hospital"
    # stays an update: test_guards_from_review_of_bounds_parts_owners_and_statements)
    (["Orrin Library said some 2,400 books were being sent away for repair."],
     "For the first time, the library disclosed that 900 of the books now being repaired are rare editions.",
     "not updated"),
])
def test_a_range_yields_to_the_exact_figure_and_a_part_is_not_the_whole(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a sum added ("a further", "an extra") is no new level of the sum the baseline gives
    ("The council has set aside an extra £20,000 for the library.", "not updated"),
    ("Repairs have cost Orrin Library a further £9,000 in staff overtime.", "not updated"),
    ("The damaged books were worth £52,000, the library said.", "updated"),
])
def test_a_sum_added_is_no_new_level(text, expected):
    expect(orrin(["Orrin Library said the damaged books were worth around £46,000."]), text, expected)


def test_the_people_beside_a_date_are_no_evidence_of_what_happened_then():
    """"staff silenced the alarm on 28 February" is not when "staff discovered the fault"."""
    clinic = story({"Arle Clinic": ["the clinic"], "vaccine fridge": ["the fridge"], "fridge alarm": ["the alarm"]},
                   ["Staff discovered the fault when they opened the building on Monday, 3 March.",
                    "The fridge at Arle Clinic failed over the weekend.", "The clinic said 1,840 doses had been thrown away.",
                    "The clinic manager would not confirm whether the alarm had been switched off."], "arle", ["fridge"])
    expect(clinic, "The practice manager told the Post that a member of staff had silenced the alarm on Friday "
                   "28 February, and that it was not reset before the building closed.", "not updated")


@pytest.mark.parametrize("text", [
    "Industry figures suggest that around 15,000 library books are damaged by water in an average year.",
    "Around 9,000 books are damaged by leaks in an average year, the council said.",
])
def test_a_figure_of_an_average_year_is_not_the_story_s(text):
    expect(orrin(ORRIN_SEEDS), text, "not updated")



@pytest.mark.parametrize("text, expected", [
    # a figure of another event of the kind, named in the sentence's first words or its opening phrase
    ("At the height of a smaller leak at Arle in 2019, more than 3,000 books were damaged, the council said.",
     "not updated"),
    ("A comparable flood at Arle Library in 2019 damaged 5,000 books.", "not updated"),
    ("More than 3,000 books were damaged, the council said.", "updated"),
])
def test_a_figure_of_another_event_of_the_kind(text, expected):
    expect(orrin(["The number of books damaged at Orrin Library has risen to 2,400.",
                  "The reading room at Orrin Library remains closed."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # how long a thing the story names is expected to last, which the baseline gives one way
    ("The library is now expected to remain closed for 16 weeks, the council said.", "updated"),
    ("Engineers expect Orrin Library to be closed for 20 weeks in total.", "updated"),
    # not another thing, named only beside the one who confirms it, nor a time within which something else happens
    ("Separately, the council confirmed that Arle Pool will close for two weeks in April for routine maintenance.",
     "not updated"),
    ("The council said inspectors would return to Orrin Library within three months.", "not updated"),
])
def test_how_long_a_story_entity_is_expected_to_last(text, expected):
    expect(story({**ORRIN, "Arle Pool": [], "Orrin Library": ["the library", "the building"]},
                 ["Orrin County Council, which owns the library, said the building would stay shut for at least ten "
                  "weeks while a repair plan is drawn up.",
                  "The damage at Orrin Library came to light on 14 February.",
                  "The building, which opened in 1987, is expected to stay shut for at least ten weeks, and the council "
                  "has put the repair bill at £850,000.",
                  "The book sale raised £3,000 for the roof appeal.",
                  "The reading room at Orrin Library remains closed."], "orrin", ["library", "roof"]),
           text, expected)


@pytest.mark.parametrize("text, expected", [
    # a date said to differ from the one given before, of the entity the sentence is about
    ("Records seen by the Courier show Orrin Library was in fact completed in 1984, three years earlier than "
     "the date given on its website.", "updated"),
    ("Records show the damage at Orrin Library in fact came to light on 2 March, a day earlier than the date given "
     "in first reports.", "updated"),
    # another entity's date, however it is said to differ
    ("Arle Pool was in fact completed in 1984, three years earlier than the date given on its website.",
     "not updated"),
])
def test_a_date_said_to_differ_from_the_one_given_is_its_entity_s(text, expected):
    expect(story({**ORRIN, "Arle Pool": []},
                 ["Orrin Library, which opened in 1987, has never had its roof replaced.",
                  "Dr Quill said the roof was inspected in 2021 and again in 2019.",
                  "The damage at Orrin Library came to light early on Monday 3 March.",
                  "Orrin County Council has not decided whether to rebuild the roof."], "orrin", ["library", "roof"]),
           text, expected)



@pytest.mark.parametrize("text, agent", [
    # "it" after a verb is what was done to: the ones who threw it open are who opened it
    ("Two weeks earlier, testers from the beta programme threw it open to everyone.", "testers"),
    ("Brightwave threw it open to everyone on Monday.", "brightwave"),
    # after a verb of saying it is the subject of what follows (resolved as any "it" is)
    ("Brightwave has confirmed it opened Lumo to everyone.", "pronoun"),
])
def test_an_object_pronoun_is_not_who_acted(text, agent):
    ents = Entities({"Lumo": ["the app"], "Brightwave": ["the company"], "testers": ["the testers"]})
    *_, claim = analyse_all(["Lumo went on sale on Monday.", text], "t", ents)
    assert [c.agent for c in claim.cues if c.frame in ("release", "access")] == [agent]


@pytest.mark.parametrize("text, expected", [
    # the other one of an owner's is another thing, however its figure is put
    ("Dr Quill said Orrin County Council's other library, at Arle, covers 11 hectares and has never had a flood.",
     "not updated"),
    ("Dr Quill said the library in fact covers 3 hectares.", "updated"),
])
def test_the_other_one_of_an_owner_s(text, expected):
    expect(orrin(["Orrin Library covers 2 hectares, the council said.", "The reading room at Orrin Library remains closed.",
                  "Orrin County Council has not decided whether to rebuild the roof."]), text, expected)



@pytest.mark.parametrize("seeds, before, text, expected", [
    # guards from the review of this session's rules
    # a statement that it will not comment, or one a relative clause recalls, breaks no silence
    (["Fenwick Roofing declined to comment."], [],
     "Fenwick Roofing said in a statement that it would not comment on Orrin Library while the inquiry was under way.",
     "not contradicted"),
    (["Fenwick Roofing declined to comment."], [],
     "Fenwick Roofing said in a statement that it had no further comment to make on Orrin Library.", "not contradicted"),
    (["Fenwick Roofing declined to comment."], [],
     "Fenwick Roofing, which said in a statement in January that it had finished work at Orrin Library, declined to "
     "comment on Tuesday.", "not contradicted"),
    # "worldwide" is no other place when the story is world-wide
    (["The number of books damaged at Orrin Library has risen to 2,400."], [],
     "The number of books damaged has risen to 3,100 worldwide, Orrin Library said.", "updated"),
    # "In a separate development/statement" is other news of the same story, not another event
    (["The number of books damaged at Orrin Library has risen to 2,400."], [],
     "In a separate development, Orrin Library said the number of damaged books had risen to 3,100.", "updated"),
    # a planned duration of somebody's thing, or of a thing a phrase places, is not the entity's own
    (["Orrin County Council said Orrin Library would stay shut for at least ten weeks."], [],
     "The library's car park is expected to remain closed for two weeks while scaffolding goes up.", "not updated"),
    (["Orrin County Council said Orrin Library would stay shut for at least ten weeks."], [],
     "Books from the library are expected to stay in storage for six months, the council said.", "not updated"),
    # an offset that does not lead back to the baseline's date is another date
    (["Orrin Library, which opened in 1987, has never had its roof replaced."], [],
     "Orrin Library was last inspected in 2022, a year later than previously reported.", "not updated"),
])
def test_guards_from_review_of_statements_durations_dates_and_others(seeds, before, text, expected):
    expect(orrin(seeds), text, expected, before)



def test_guard_from_review_a_speaker_after_it_is_not_who_did_it():
    """"Reviewers wanted it released ..., Brightwave said": the trailing speaker released nothing."""
    app = story({"Lumo": ["the app"], "Brightwave": ["the company"]}, ["Brightwave has not released Lumo in Europe."],
                "lumo", ["lumo"])
    expect(app, "Reviewers wanted it released in Europe this spring, Brightwave said.", "not contradicted",
           before=["Lumo went on sale in the US in May."])


def test_a_count_added_and_the_total_it_brings():
    """"a further 40 homes" is what was added (not "a" group of a "further 40"), and the total it
    brings counts homes too."""
    values = find_values("A further 40 homes were evacuated, bringing the total to 250.")
    assert [(v.amount, v.noun, DELTA_VALUE in v.role) for v in values] == [(40, "home", True), (250, "home", False)]


@pytest.mark.parametrize("text, expected", [
    ("A further 700 books were found damaged at Orrin Library, bringing the total to 3,100.", "updated"),
    ("A further 700 books were found damaged at Orrin Library on Monday.", "not updated"),
])
def test_the_total_a_count_added_brings(text, expected):
    expect(orrin(["The number of books damaged at Orrin Library has risen to 2,400."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # in "the director of the Y that runs ...", Y speaks (through the director the baseline gives it), not what Y runs
    ("The director of the library that runs the reading room has confirmed that an employee of Fenwick Roofing had "
     "been suspended.", "contradicted"),
    ("A neighbour of the library that runs the reading room has confirmed that an employee of Fenwick Roofing had "
     "been suspended.", "not contradicted"),
    # a director of another body is not the story's director (the review's guard)
    ("The director of the contractor that repaired the roof has confirmed that an employee of Fenwick Roofing had "
     "been suspended.", "not contradicted"),
])
def test_the_body_of_a_post_a_relative_clause_follows_speaks(text, expected):
    expect(story({**ORRIN, "Mara Quill": ["Quill", "Dr Quill", "the director"]},
                 ORRIN_SEEDS + ["Orrin Library's director, Mara Quill, said the roof was inspected in 2021."],
                 "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # stock a clinic or library holds is goods, not shares: its share of it lost is no market move
    ("The library has now revised its estimate of the stock lost to 40 percent.", "updated"),
    ("Brightwave's stock lost 40 percent on Monday.", "not updated"),
])
def test_stock_held_is_not_a_share_price(text, expected):
    expect(story({**ORRIN, "Brightwave": [], "book stock": ["the stock", "its stock"]},
                 ["Orrin Library estimated the book stock lost at about 30 percent."], "orrin", ["library"]),
           text, expected)


def test_a_temperature_the_baseline_gives_is_updated():
    clinic = story({"Arle Clinic": ["the clinic"], "vaccine fridge": ["the fridge"]},
                   ["The fridge at Arle Clinic reached 14C before the fault was found.",
                    "The clinic said 1,840 doses had been thrown away."], "arle", ["fridge"])
    expect(clinic, "Readings from the fridge show the temperature peaked at 17C, higher than the figure the clinic "
                   "gave last week.", "updated")
    expect(clinic, "The fridge at Arle Clinic reached 14°C, the clinic said.", "corroborated")


@pytest.mark.parametrize("seeds, text, expected", [
    # guards from the second review: a temperature updates only where the sentence says it differs from the one given
    (["The fridge at Arle Clinic reached 14C before the fault was found."],
     "The alarm on the fridge at Arle Clinic was set to sound at 8C.", "not updated"),
    (["The fridge at Arle Clinic reached 14C before the fault was found."],
     "Outside Arle Clinic it was minus 3C when the fridge failed.", "not updated"),
    # a company's stock is its shares: a day's move is that day's quote
    (["Vantis stock fell 9 percent on Monday after the breach at Arle Clinic was disclosed."],
     "Vantis stock fell 4 percent on Tuesday, a day after the breach at Arle Clinic was disclosed.", "not updated"),
    # a total of another act than the count it adds to ("discharged" is not "treating")
    (["Arle Clinic is treating 48 patients with food poisoning."],
     "Another 12 patients were discharged from Arle Clinic on Monday, bringing the total discharged to 30.",
     "not updated"),
])
def test_guards_from_second_review_of_temperatures_stock_and_totals(seeds, text, expected):
    expect(story({"Arle Clinic": ["the clinic"], "vaccine fridge": ["the fridge"], "Vantis": []}, seeds, "arle",
                 ["fridge", "breach", "poisoning"]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # "has not said whether ..." is no act of saying to settle: "not six as the council had said" reports nothing
    (["The council has not said whether it will write to members, and the reading room was shut for six days."],
     "Members could not borrow for eight days, not six as the council had said.", "updated"),
    # a passive act whose doer goes unnamed was done by the one reporting it
    (["Orrin County Council would not say whether any arrests had been made."],
     "Two men have been arrested over the roof thefts, Orrin County Council has said.", "contradicted"),
    (["Orrin County Council would not say whether any arrests had been made."],
     "Two men have been arrested over the roof thefts, Fenwick Roofing has said.", "not contradicted"),
    # an act named by its noun is done to what follows its verb, if anything
    (["No compensation payments have been made to members, Orrin County Council said."],
     "The council said the first compensation payments had been made to members last week.", "contradicted"),
    (["No compensation payments have been made to members, Orrin County Council said."],
     "The council said the first compensation payments had been made to Fenwick Roofing.", "not contradicted"),
])
def test_what_an_act_of_saying_or_a_passive_report_settles(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # what a clause tells of another event of the kind, set in the past, is that event's
    ("Orrin Library suffered a flood two years ago, in which 900 books were damaged.", "not updated"),
    ("The council recalled an incident at Orrin Library in 2019, when 900 books were damaged.", "not updated"),
    ("The number of books damaged at Orrin Library has risen to 2,900, the council said.", "updated"),
    # a document is no event: "a report in 2019, in which ..." may give the story's own figures
])
def test_a_figure_of_another_event_set_in_the_past(text, expected):
    expect(orrin(ORRIN_SEEDS), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a date said to differ from the one given, by as much as leads back to it, of an entity named beside both
    ("An Orrin County Council report said the leak at Orrin Library was noticed on 2 March, a day earlier than first "
     "reported.", "updated"),
    ("An Orrin County Council report said the leak at Orrin Library was noticed on 27 February, a day earlier than "
     "first reported.", "not updated"),  # the offset leads elsewhere
])
def test_a_date_said_to_differ_by_an_offset_in_a_sentence_about_another(text, expected):
    expect(orrin(ORRIN_SEEDS), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a figure set against the one before it with "not" is what was given before
    ("Council records show the damage at Orrin Library came to light on 4 March and not on 3 March as first stated.",
     "updated"),
    ("The damage at Orrin Library came to light on 3 March, not on 4 March as one report had it.", "corroborated"),
])
def test_a_figure_set_against_another_with_not_is_what_was_given(text, expected):
    expect(orrin(ORRIN_SEEDS), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a sentence set in last season, as in last year, tells of then
    ("Last season, 900 books were damaged at Orrin Library when a pipe burst.", "not updated"),
    ("Last year, 900 books were damaged at Orrin Library when a pipe burst.", "not updated"),
])
def test_a_figure_of_last_season_is_history(text, expected):
    expect(orrin(ORRIN_SEEDS), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # guards from this session's review: the reporter is the doer of a passive act only when it heads the
    # attribution, and only of a question it would not answer
    (["Orrin County Council would not say whether any arrests had been made."],
     "Two men have been arrested over the roof thefts, a critic of the council said.", "not contradicted"),
    (["Orrin County Council has made no payments to Fenwick Roofing."],
     "The scaffolders have been paid, Orrin County Council said.", "not contradicted"),
    # "and not" without a figure said before is a contrast, not a correction
    (ORRIN_SEEDS, "The reading room at Orrin Library closed on 4 March and not on 3 March, when staff first saw the "
                  "damage.", "not updated"),
    # a past event's clause ends at its comma: the main clause after it is the story's
    (ORRIN_SEEDS, "A year after a flood in 2023, when the roof first leaked, the number of books damaged at Orrin "
                  "Library has risen to 2,900.", "updated"),
    (ORRIN_SEEDS, "Last season's leak aside, 2,900 books have now been damaged at Orrin Library.", "updated"),
    # a date said to differ is another event's when the clause holding it is about somebody else, or about people
    (ORRIN_SEEDS, "A council report said members of Orrin Library were told of the closure on 4 March, a day later "
                  "than first reported.", "not updated"),
    (ORRIN_SEEDS, "A council report said Fenwick Roofing was called to Orrin Library on 2 March, a day earlier than "
                  "Fenwick had stated.", "not updated"),
])
def test_guards_from_this_sessions_review(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    ("The museum's estimate of this summer's visitors now stands at 55,000.", "updated"),
    ("The museum's figure for its visitors now stands at 55,000.", "updated"),
    ("The museum's figure for visitors last year was 40,000.", "not updated"),  # another year's figure
    ("The museum's figure for visitors in 2019 was 61,000.", "not updated"),
])
def test_a_figure_for_a_count_and_its_period(text, expected):
    expect(story({"Halden Museum": ["the museum"]}, ["The museum drew 52,000 visitors this summer."], "halden",
                 ["museum", "visitors"]), text, expected)


def test_a_hyphenated_modifier_is_part_of_a_count():
    assert [(v.amount, v.noun) for v in find_values("Police said 3 on-duty officers were hurt.")] == [(3, "officer")]


@pytest.mark.parametrize("text, expected", [
    ("Lumo can now be used by anyone with a Brightwave plan.", "contradicted"),
    ("Brightwave's Lumo, a system that turns text into video, can now be tried by anyone holding a Brightwave Plus "
     "account.", "contradicted"),
    # not when the story's name is not the whole subject, nor under a condition, nor a waitlist opened
    ("Personal data collected by Lumo can be accessed by anyone, researchers warned.", "not contradicted"),
    ("Lumo's leaked source code can now be downloaded by anyone.", "not contradicted"),
    ("Once released, Lumo can be used by any Brightwave subscriber.", "not contradicted"),
    ("Brightwave opened a Lumo waitlist to Plus and Pro subscribers.", "not contradicted"),
    ("Lumo is open to any comments from users.", "not contradicted"),
])
def test_a_release_said_as_what_anyone_can_now_use(app, text, expected):
    expect(app, text, expected, before=("Lumo drew long queues of testers last year.",))


@pytest.mark.parametrize("seeds, text, expected", [
    # "was faulty" is a state, not what a thing is, and "itself" no word of the question: confirming it settles it
    (["Asked whether the roof itself had been faulty, Dr Quill would not confirm it."],
     "Dr Quill has confirmed that the roof at Orrin Library was faulty during the storm.", "contradicted"),
    (["Dr Quill would not confirm whether the roof, fitted by Fenwick Roofing, was faulty."],
     "Dr Quill has confirmed that the library will reopen in May.", "not contradicted"),
])
def test_confirming_a_state_settles_the_question_of_it(seeds, text, expected):
    expect(story({**ORRIN, "library roof": ["the roof"]}, seeds, "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a word made from another word opens a sentence as a common noun, not as a name the story does not know
    ("Installation is now expected to take about 12 months rather than the 18 months first estimated.", "updated"),
    ("Completion is now expected to take about 12 months, not the 18 months first estimated.", "updated"),
    # a name the story does not know still opens a sentence about something else
    ("Kestrel is now expected to take about 12 months, not the 18 months first estimated.", "not updated"),
])
def test_an_abstract_noun_opening_a_sentence_is_no_name(text, expected):
    expect(orrin(["The new roof at Orrin Library is expected to take around 18 months to install."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # an aside of what was expected is the figure before; the one after it is the figure now
    ("The reading room, which was expected to stay closed for six weeks, will now remain shut for at least ten weeks, "
     "the council said.", "updated"),
    ("The reading room, which was first set to stay closed for six weeks, will now stay shut for ten weeks.", "updated"),
    # with no other figure after it, the aside restates the baseline
    ("The reading room, which was expected to stay closed for six weeks, is still on course to reopen after six weeks.",
     "corroborated"),
    # nor when the figure after it is another thing's, or not said as the one now
    ("The reading room, which was expected to stay closed for six weeks, will reopen on schedule, though the archive "
     "will stay shut for ten weeks.", "not updated"),
    ("The reading room, which was expected to stay closed for six weeks, and the archive, shut for two weeks, will both "
     "reopen.", "not updated"),
])
def test_an_aside_of_what_was_expected_gives_the_figure_before(text, expected):
    expect(orrin(["The reading room at Orrin Library is expected to stay closed for six weeks."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # what resumes is the thing named before the verb, though the clause after it names another entity
    ("Repair work at Orrin Library resumed last week once the structural survey was completed.", "contradicted"),
    ("Repair work at Orrin Library remains suspended until the structural survey is completed.", "corroborated"),
    ("Repair work at Halden Museum resumed last week once the structural survey was completed.", "not contradicted"),
    # nor is it named in an aside before the verb
    ("The cafe, which had served readers at Orrin Library, resumed work last week once the structural survey was "
     "completed.", "not contradicted"),
])
def test_what_resumes_is_named_before_the_verb(text, expected):
    seeds = ["Repair work at Orrin Library has been suspended until a structural survey is completed, Orrin County "
             "Council said on Wednesday, four days after part of the roof fell in."]
    expect(story({**ORRIN, "structural survey": ["the survey"]}, seeds, "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # "switched off" is a state of access, and what is switched back on may stand between the words
    ("Orrin County Council switched the library's backup generator back on on Monday.", "contradicted"),
    ("The backup generator at Orrin Library is still switched off.", "corroborated"),
    ("The council turned its attention back on the library's backup generator.", "not contradicted"),
])
def test_switched_off_and_switched_back_on(text, expected):
    expect(orrin(["The backup generator at Orrin Library remains switched off, the council said."]), text, expected)


def test_a_year_before_1900_corrected():
    expect(orrin(["Orrin Library was built in 1893, the council said."]),
           "Records show the library was completed in 1887, not 1893 as previously stated.", "updated")


@pytest.mark.parametrize("text, subject", [
    # a phrase that opens the sentence before its comma sets the scene; the main clause says what it is about
    ("Once inside Orrin Library, Fenwick Roofing found the fault.", "fenwick roofing"),
    ("After Orrin County Council met, Fenwick said it would pay.", "fenwick roofing"),
    # with no story entity after it, the scene's entity is still the subject
    ("Inside Orrin Library, engineers found the fault.", "orrin library"),
    ("Orrin County Council said, after a meeting, that Fenwick would pay.", "orrin county council"),
])
def test_an_opening_phrase_sets_the_scene(text, subject):
    assert analyse(text, "t", orrin(ORRIN_SEEDS).entities).subject == subject


@pytest.mark.parametrize("text, expected", [
    # the party that reports the figure now gave the baseline's as its own: the same figure, though the sentence's
    # subject is a thing named in a clause beside it
    ("More than 900 books were moved to storage while the reading room was being repaired, the council said.",
     "updated"),
    # another party reporting it owns no figure of the council's
    ("More than 900 books were moved to storage while the reading room was being repaired, Fenwick Roofing said.",
     "not updated"),
])
def test_who_reports_a_figure_may_have_given_it_as_its_own(text, expected):
    seeds = ["The council said its staff had moved more than 600 books to storage by Wednesday.",
             "The reading room at Orrin Library remains closed.",
             "Orrin County Council has not decided whether to rebuild the roof."]
    expect(story({**ORRIN, "reading room": ["the reading room"]}, seeds, "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text, speaker", [
    # a party heading the sentence that says a figure is the subject of what it says reports it
    ("The contractor also said that about 17 tonnes of rubble had fallen into the reading room.", "fenwick roofing"),
    ("The contractor now estimates that 40 tonnes of rubble fell.", "fenwick roofing"),
    # not what it says of its own ("its") or of a thing it names first
    ("The contractor said its crews had moved 17 tonnes of rubble.", None),
    ("The contractor said the roof had lost 17 tonnes of slate.", None),
])
def test_a_party_that_says_a_figure_reports_it(text, speaker):
    assert analyse(text, "t", orrin(ORRIN_SEEDS).entities).speaker == speaker


@pytest.mark.parametrize("seeds, text, expected", [
    # an aside of what was expected sets aside only the same quantity, said as now
    (["The new roof at Orrin Library is expected to cost £2 million, the council said."],
     "The roof, which was expected to cost £2 million, will now be partly paid for by a £500,000 grant, the council "
     "said.", "not updated"),
    (["About 40 staff work at Orrin Library, the council said."],
     "The library, which was set to hire 40 staff this year, now has 12 vacancies, the council said.", "not updated"),
    (["The reading room at Orrin Library is expected to stay closed for six weeks, after 2,400 books were damaged."],
     "The closure, which was due to damage to 2,400 books, will last six weeks, while 300 books are restored.",
     "not updated"),
])
def test_an_aside_of_what_was_expected_and_other_figures(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # "switched ... back on" of a thing, not of focus or crews; "turned off" may be a mood
    (["The backup generator at Orrin Library remains switched off, the council said."],
     "Orrin County Council switched focus back on the backup generator at Orrin Library after the survey.",
     "not contradicted"),
    (["The backup generator at Orrin Library remains switched off, the council said."],
     "Fenwick Roofing switched crews and was back on site at Orrin Library on Monday.", "not contradicted"),
    (["The reading room at Orrin Library reopened on Monday, the council said."],
     "Many readers at Orrin Library remain turned off by the noise from the repairs.", "not contradicted"),
    # what reopened is named before the aside, not in it
    (["Orrin Library remains closed, the council said."],
     "Halden Museum, a short walk from Orrin Library, reopened on Monday.", "not contradicted"),
    # a name after an abstract opener is another thing's
    (["The new roof at Orrin Library is expected to take around 18 months to install."],
     "Installation of the new roof at Halden Museum is now expected to take about 12 months rather than 18 months.",
     "not updated"),
    # a quantity opener is no scene; a plan under a condition is no scene either
    (["Fenwick Roofing employs 30 workers at Orrin Library."],
     "Under Orrin County Council's plan, 45 workers will be employed at Orrin Library.", "not updated"),
    # who reports a figure of people does not stop owning them
    (["Fenwick Roofing employs 30 workers at Orrin Library."],
     "The council said 45 workers were employed at Orrin Library.", "not updated"),
])
def test_this_sessions_rules_keep_to_their_cases(seeds, text, expected):
    expect(orrin(seeds), text, expected)


def test_a_named_owner_keeps_a_reported_figure_its_own():
    seeds = ["The council said its staff had moved more than 600 books to storage by Wednesday.",
             "The reading room at Orrin Library remains closed.",
             "Orrin County Council has not decided whether to rebuild the roof."]
    expect(story({**ORRIN, "reading room": ["the reading room"]}, seeds, "orrin", ["library", "roof"]),
           "Fenwick Roofing's staff had moved more than 900 books to storage by Wednesday, the council said.",
           "not updated")


@pytest.mark.parametrize("text, expected", [
    # the last or latest comparable event is another event of the kind
    ("The last comparable collapse in the county, at a school library in Brell in 2019, damaged about 300 books.",
     "not updated"),
    ("The latest similar collapse, at a school library in 2019, damaged about 300 books.", "not updated"),
    ("The number of books damaged at Orrin Library has now risen to 2,900.", "updated"),
])
def test_the_last_comparable_event_is_another(text, expected):
    expect(orrin(["The number of books damaged at Orrin Library has risen to 2,400."]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a count per day or per week is a rate: compared with a rate, never with a total
    (["More than 400 complaints about the noise at Orrin Library have been made to the council."],
     "Complaints to the council about the noise at Orrin Library have fallen to about 20 a week.", "not updated"),
    (["Orrin Library lent about 900 books a week until the roof fell in."],
     "Orrin Library now lends about 300 books a week from its temporary site.", "updated"),
    (["Orrin Library lent about 900 books a week until the roof fell in."],
     "About 300 books were lent from its temporary site last month, Orrin Library said.", "not updated"),
])
def test_a_count_per_period_is_a_rate(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # the post that opens the subject is who acts, past the phrases after it
    ("The head librarian of the branch at the centre of the damage at Orrin Library has confirmed that an employee "
     "of Fenwick Roofing had been suspended.", "contradicted"),
    ("A union of the staff at the centre of the damage at Orrin Library has confirmed that an employee of Fenwick "
     "Roofing had been suspended.", "not contradicted"),
])
def test_the_post_that_opens_the_subject_acts(text, expected):
    expect(story({**ORRIN, "Mara Quill": ["Quill", "Dr Quill", "the head librarian"]}, ORRIN_SEEDS, "orrin",
                 ["library", "roof"]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a participle aside ("halted after the damage") closes the subject: what resumed is named before it
    (["Loans of reference books at Orrin Library have been suspended, the council said."],
     "Loans of reference books from the store at Orrin Library, halted after the damage, resumed on Monday.",
     "contradicted"),
    (["The reading room at Orrin Library remains closed."],
     "The reading room at the front of Orrin Library, closed since March, reopened on Monday.", "contradicted"),
    # what the aside names is not what resumed
    (["The reading room at Orrin Library remains closed."],
     "Halden Museum, closed since the damage at Orrin Library, reopened on Monday.", "not contradicted"),
])
def test_a_participle_aside_closes_the_subject(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # an irregular past done again is its verb done again: "would be rebuilt" is the act of "decided to rebuild"
    (["Orrin County Council said it had not decided whether the reading room would be rebuilt."],
     "Orrin County Council has decided to rebuild the reading room.", "contradicted"),
    (["Orrin County Council said it had not decided whether the reading room would be rebuilt."],
     "Orrin County Council has decided to rebuild its website.", "not contradicted"),
    # a noun in -sion is what its verb did: "corrosion" and "corroded" are one cause
    (["Dr Quill would not confirm whether corrosion was to blame for the leak at Orrin Library."],
     "Dr Quill has confirmed that corroded pipes were to blame.", "contradicted"),
    (["Dr Quill would not confirm whether corrosion was to blame for the leak at Orrin Library."],
     "Dr Quill has confirmed that the leak at Orrin Library damaged 40 books.", "not contradicted"),
])
def test_a_verb_read_in_its_other_forms(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a status verb with no object says its subject resumed, a thing the baseline names the same way
    (["Classes at Orrin Library have been suspended."], "Classes resumed at Orrin Library on Monday.", "contradicted"),
    (["Non-urgent appointments at Orrin Library have been postponed until further notice."],
     "Non-urgent appointments resumed at Orrin Library on Monday.", "contradicted"),
    # not another thing at the same place (the head of the subject names it), nor a party outside the story that
    # resumed them; and a vote or a fair postponed is put off, not paused
    (["Orrin Library remains closed."], "Protests resumed outside Orrin Library on Monday.", "not contradicted"),
    (["The reading room at Orrin Library remains closed."], "Reading groups resumed at Orrin Library on Monday.",
     "not contradicted"),
    (["Classes at Orrin Library resumed on Monday."], "A vote on the library's budget was postponed.",
     "not contradicted"),
    (["Classes at Orrin Library have been suspended."], "Halden Museum resumed classes at Orrin Library on Monday.",
     "not contradicted"),
])
def test_a_thing_that_resumed(seeds, text, expected):
    expect(orrin(seeds), text, expected)


def test_days_spent_at_a_place_are_not_how_long_it_was_shut():
    expect(orrin(["Orrin Library was closed for 52 hours after the roof fell in."]),
           "Inspectors from Orrin County Council spent two days at Orrin Library last week.", "not updated")


@pytest.mark.parametrize("text, expected", [
    # a time of day said to be minutes off the one given, which leads back to it, is that time revised
    ("A council timeline puts the collapse at 6.32am, eight minutes earlier than the time given by Dr Quill.",
     "updated"),
    # another time of the same thing is not said to revise the one given: it may be another moment of it
    ("The roof at Orrin Library fell in at 6.31am, according to a council timeline.", "not updated"),
    ("Engineers inspected the roof at Orrin Library at 11am.", "not updated"),
    ("A neighbour rang the council at 6.25am, 15 minutes earlier than the roof at Orrin Library fell in.",
     "not updated"),
    # the time again, within what "about" allows, or a time of something else
    ("The roof at Orrin Library fell in at 6.42am on Monday 3 March, the council said.", "corroborated"),
    ("Dr Quill said the first readers were turned away at 9.15am, eight minutes earlier than usual.", "not updated"),
    ("The roof at Orrin Library fell in shortly before 7am on Monday 3 March.", "not updated"),
])
def test_a_time_of_day_revised(text, expected):
    expect(orrin(["The roof at Orrin Library fell in at about 6.40am on Monday 3 March, Dr Quill said."]), text,
           expected)


@pytest.mark.parametrize("text, expected", [
    # a cordon in place is an order in force: lifting it ends it, the thing lifted named inside the status words
    ("Police lifted the cordon on Monday.", "contradicted"),
    ("Residents were allowed home after police lifted the cordon around Orrin Library.", "contradicted"),
    ("Police lifted a flood warning for the river on Monday.", "not contradicted"),
])
def test_a_cordon_lifted(text, expected):
    expect(story({**ORRIN, "police cordon": ["the cordon"], "Orrin Police": ["police"]},
                 ["The police cordon around Orrin Library remains in place."],
                 "orrin", ["library", "roof"]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # "brought back" a number of things is recovering them, not restoring access
    ("She said the recovery effort at Orrin Library had so far brought back 4,300 books.", "not contradicted"),
    ("Orrin Library brought back its reading room service on Monday.", "contradicted"),
])
def test_things_brought_back_are_recovered(text, expected):
    expect(orrin(["The reading room service at Orrin Library has been suspended."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a status said in a sentence that opens "last year" was then, up to where the sentence turns to now
    ("Last year the council suspended the licence of a roofing firm in Brell for 30 days.", "not contradicted"),
    ("Last year the council warned Fenwick; it has now suspended the licence of Fenwick Roofing.", "contradicted"),
])
def test_a_status_last_year_settles_nothing_open_now(text, expected):
    expect(orrin(["Orrin County Council has not decided whether to suspend the licence of Fenwick Roofing."]), text,
           expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a sentence that opens "by comparison" gives another case's figure
    (["Fenwick Roofing employs 30 workers at Orrin Library."],
     "By comparison, the Halden Museum job used just 12 Fenwick Roofing workers.", "not updated"),
    (["Fenwick Roofing employs 30 workers at Orrin Library."],
     "Fenwick Roofing now employs 12 workers at Orrin Library.", "updated"),
])
def test_by_comparison_is_another_case(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a figure said to differ from the one quoted is revised: "about 2,400" no longer holds 2,450
    ("The council's final list shows 2,450 books were damaged, higher than the figure quoted last week.", "updated"),
    ("The council now says 2,450 books were damaged at Orrin Library, higher than the figure it first gave.",
     "updated"),
    ("The council's final list shows 2,450 books were damaged at Orrin Library.", "corroborated"),
])
def test_a_figure_higher_than_the_one_quoted_is_revised(text, expected):
    expect(orrin(["About 2,400 books were damaged at Orrin Library, the council said."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # in "N of the M people" the part is what the verb counts and the whole is everyone there: 3,000 on site is
    # no update of 312 who fell ill ("people" is a plural without -s)
    ("More than 300 of the 3,000 people at Orrin Library fell ill that week.", "corroborated"),
    ("Some 400 of the 3,000 people at Orrin Library fell ill that week.", "updated"),
    ("A total of 420 people at Orrin Library fell ill that week.", "updated"),
])
def test_the_whole_of_a_part_is_not_what_the_part_counts(text, expected):
    expect(orrin(["A total of 312 people at Orrin Library fell ill after the collapse."]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a discount in percent is a measure of its own, not a share of the people counted
    (["About 58 percent of the readers at Orrin Library are aged over 70."],
     "Readers at Orrin Library have been offered a 25 percent discount on next year's membership.", "not updated"),
    (["About 58 percent of the readers at Orrin Library are aged over 70."],
     "About 64 percent of the readers at Orrin Library are aged over 70, the council now says.", "updated"),
    (["Orrin Library has offered readers a 10 percent discount on membership."],
     "Orrin Library has raised its membership discount for readers to 25 percent.", "updated"),
])
def test_a_discount_is_its_own_measure(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a sentence may give the baseline's figure as it was and turn to the figure now: the later one updates it,
    # and "the total" after the turn is a total of what the sentence counted before
    ("Reports on Monday put the number of readers who signed the petition to save Orrin Library at just over 600; "
     "by Wednesday the total had passed 700.", "updated"),
    ("About 600 readers signed the petition to save Orrin Library, but the total has now reached 820.", "updated"),
    # (another count after the turn is not the figure now: "...; 40 readers have written letters")
    ("About 600 readers signed the petition to save Orrin Library; 40 readers have now written letters too.",
     "corroborated"),
    ("About 600 readers signed the petition to save Orrin Library, and 820 readers wrote letters.", "corroborated"),
    ("About 600 readers signed the petition to save Orrin Library; by Wednesday the total of letters had "
     "passed 820.", "corroborated"),
    ("About 600 readers signed the petition to save Orrin Library, but 250 readers have now withdrawn.", "corroborated"),
    ("About 600 readers signed the petition to save Orrin Library; the total cost of the campaign has risen to "
     "9,000.", "corroborated"),
])
def test_the_figure_then_and_the_figure_now(text, expected):
    expect(orrin(["About 600 readers have signed the petition to save Orrin Library."]), text, expected)


@pytest.mark.parametrize("text, expected", [
    # a figure under negotiation is a proposal, not what the thing is worth
    ("The council is in talks with insurers at a valuation approaching £9 million for Orrin Library.", "not updated"),
    ("The council is in early discussions about a £9 million rebuild of Orrin Library.", "not updated"),
    ("Orrin Library is now valued at £9 million, the council said.", "updated"),
    # a figure given as it was, then the one it has moved to
    ("Readers campaigned for a library worth £4 million; its value has since climbed to about £9 million.", "updated"),
    # talks about something else leave the figure a fact
    ("Orrin County Council, in talks with insurers, said Orrin Library is now valued at £9 million.", "updated"),
])
def test_a_figure_in_talks_is_proposed(text, expected):
    expect(orrin(["Orrin Library was valued at £4 million before the collapse, the council said."]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # "no decision on repairs" leaves the act open, named by its noun: deciding to do it settles it, saying again
    # that nothing was decided (or that something will be) does not
    (["Orrin County Council said no decision on repairs has been made."],
     "Orrin County Council has decided to repair the roof of Orrin Library.", "contradicted"),
    (["Orrin County Council said no decision on repairs has been made."],
     "No decision on repairs has yet been made, Orrin County Council said.", "not contradicted"),
    (["Orrin County Council said no decision on repairs has been made."],
     "Orrin County Council is expected to decide on repairs next week.", "not contradicted"),
    # the decision is the council's, whoever else did the act
    (["Orrin County Council said no decision on repairs has been made."],
     "Readers whose books were repaired by volunteers said the council had not been in touch.", "not contradicted"),
    # what no one has done, named before its verb: "no offer of compensation had been made" made no offer
    (["Fenwick Roofing has made no offer of compensation to Orrin Library."],
     "Fenwick Roofing said no offer of compensation had been made to Orrin Library.", "not contradicted"),
    (["Fenwick Roofing has made no offer of compensation to Orrin Library."],
     "Fenwick Roofing has offered compensation to Orrin Library.", "contradicted"),
])
def test_no_decision_on_a_thing(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # an act not done, its noun qualified ("no compensation beyond the refunds"): offering the thing settles it,
    # a sum "in compensation" names what is given, and the baseline said again settles nothing
    ("Fenwick Roofing has offered every reader £50 in compensation.", "contradicted"),
    ("Fenwick Roofing has offered every reader a £50 voucher.", "not contradicted"),
    ("No compensation beyond the refunds has been offered by Fenwick Roofing, readers say.", "not contradicted"),
    ("No compensation beyond the cost of the lost books has been offered by Fenwick Roofing.", "not contradicted"),
    ("No compensation on top of the library fee refunds has been offered by Fenwick Roofing.", "not contradicted"),
])
def test_no_compensation_beyond_the_refunds(text, expected):
    expect(orrin(["Fenwick Roofing has refunded fees to readers. No compensation beyond the refunds has been "
                  "offered."]), text, expected)


@pytest.mark.parametrize("seeds, text, expected", [
    # a question about the source or cause is answered by what something began with, came from or was caused by
    (["Dr Quill would not confirm the source of the leak at Orrin Library."],
     "Dr Quill has confirmed that the leak at Orrin Library began with a blocked gutter.", "contradicted"),
    (["Dr Quill would not confirm the source of the leak at Orrin Library."],
     "Dr Quill has confirmed that the leak at Orrin Library began on Monday.", "not contradicted"),
    (["Dr Quill would not say what caused the leak at Orrin Library."],
     "Dr Quill has confirmed that the leak at Orrin Library was caused by a blocked gutter.", "contradicted"),
    # what the thing caused, or how it began, is no answer about its source
    (["Dr Quill would not confirm the source of the leak at Orrin Library."],
     "Dr Quill confirmed that the leak at Orrin Library caused 2,400 books to be damaged.", "not contradicted"),
    (["Dr Quill would not confirm the source of the leak at Orrin Library."],
     "Dr Quill confirmed that the leak at Orrin Library started with 12 drips on Monday.", "not contradicted"),
    (["Dr Quill would not confirm the source of the leak at Orrin Library."],
     "Dr Quill confirmed that the leak at Orrin Library began with dripping in the reading room.", "not contradicted"),
])
def test_the_source_of_a_thing(seeds, text, expected):
    expect(orrin(seeds), text, expected)


@pytest.mark.parametrize("text, expected", [
    # how a thing was done ("the way it was being reopened") is no news that it was
    ("Readers said they were not against the repairs, only against the way the reading room at Orrin Library was "
     "being reopened.", "not contradicted"),
    ("The reading room at Orrin Library was reopened on Monday.", "contradicted"),
])
def test_the_way_a_thing_was_done(text, expected):
    expect(orrin(["The reading room at Orrin Library remains closed."]), text, expected)


def test_a_part_agreed_leaves_its_whole_free_to_move():
    # the baseline's own whole may still change: "60 of the 240 staff" after "60 of the 180 staff"
    expect(orrin(["Some 60 of the 180 staff at Orrin Library have been laid off, the council said."]),
           "Some 60 of the 240 staff at Orrin Library have been laid off, the council said.", "updated")
