"""Normalisers: each family with cases beyond the dev set."""

import pytest

from monitor.claims import analyse
from monitor.values import comparable, find_values, holds, parse_number, same


def one(text, kind):
    vals = [v for v in find_values(text) if v.kind == kind]
    assert len(vals) == 1, (text, find_values(text))
    return vals[0]


@pytest.mark.parametrize("text, n", [
    ("600", 600), ("1,000", 1000), ("1.5 million", 1.5e6), ("three thousand", 3000),
    ("twenty-five", 25), ("one hundred and twenty", 120), ("seven", 7), ("banana", None),
])
def test_parse_number(text, n):
    assert parse_number(text) == n


@pytest.mark.parametrize("text, amount, qualifier", [
    ("signed by more than 600 artists", 600, "more"),
    ("nearly three thousand testers joined", 3000, "about"),
    ("as many as 1,200 users", 1200, "up_to"),
    ("fewer than 50 artists", 50, "less"),
    ("a dozen artists", 12, "exact"), ("two dozen testers", 24, "exact"),
    ("some 1.2k artists", 1200, "about"), ("at least 700 signatories", 700, "more"),
])
def test_counts(text, amount, qualifier):
    v = one(text, "count")
    assert (v.amount, v.qualifier) == (amount, qualifier)


def test_article_counts_are_not_numbers_and_vague_ones_are_ranges():
    counts = [v for v in find_values("hundreds of artists and a group of testers") if v.kind == "count"]
    assert [(v.noun, v.qualifier) for v in counts] == [("artist", "vague")]  # "a group of" counts nothing


@pytest.mark.parametrize("text, usd, noun", [
    ("a $150B valued company", 150e9, ""), ("worth some $150bn", 150e9, ""), ("a $157 billion valuation", 157e9, ""),
    ("the $200-a-month plan", 200, "month"), ("$20 per month", 20, "month"), ("raised 6.6 billion dollars", 6.6e9, ""),
])
def test_money(text, usd, noun):
    v = one(text, "money")
    assert v.amount == pytest.approx(usd) and v.noun == noun


@pytest.mark.parametrize("text, seconds, qualifier", [
    ("lasted only three hours", 10800, "exact"), ("less than one hour", 3600, "less"),
    ("180 minutes", 10800, "exact"), ("a 10-second video", 10, "exact"), ("up to 20 seconds long", 20, "up_to"),
    ("online for less than one hour before it was disabled", 3600, "less"),
    ("online for half an hour", 1800, "exact"), ("it lasted 1.5 hours", 5400, "exact"),
    ("roughly 90 minutes", 5400, "about"),
])
def test_durations(text, seconds, qualifier):
    v = one(text, "duration")
    assert (v.amount, v.qualifier) == (seconds, qualifier)


def test_offsets_are_not_durations():
    assert not find_values("The release comes two weeks after the leak")
    assert not find_values("it came just three days later")


def test_resolution_and_dates():
    assert one("clips at 1080p", "resolution").amount == 1080
    assert one("on Nov. 26, 2024", "date").amount == 20241126
    assert one("yesterday (26 November)", "date").amount == 1126
    assert one("in early 2025", "date").qualifier == "about"
    assert not [v for v in find_values("it may be released") if v.kind == "date"]
    assert one("posted 2024-11-26 at noon", "date").amount == 20241126
    assert not find_values("on 26/11/2024")  # day/month order is ambiguous: no date rather than a wrong one
    assert not find_values("signed by 1 000 artists")  # never a count of zero from a spaced separator


def test_same_and_comparable():
    three_h, one_h, ten_s = one("three hours", "duration"), one("one hour", "duration"), one("10 seconds", "duration")
    assert same(three_h, one("180 minutes", "duration"))
    assert comparable(three_h, one_h) and not same(three_h, one_h)
    assert not comparable(three_h, ten_s)  # a clip length is not an outage length
    valuation, plan = one("$150bn company", "money"), one("$200-a-month plan", "money")
    assert not comparable(valuation, plan)
    assert same(valuation, one("$150 billion", "money"))
    # testers in the program are not signatures on the letter: another noun and no word of role in common
    assert not comparable(one("600 artists", "count"), one("1,000 testers", "count"))
    assert not comparable(one("600 artists", "count"), one("40 countries", "count"))
    assert same(one("Nov. 26", "date"), one("26 November 2024", "date"))


def test_a_new_bound_the_known_figure_meets_holds_it():
    three_h = one("three hours", "duration")
    assert holds(one("more than two hours", "duration"), three_h) and not same(one("more than two hours", "duration"), three_h)
    assert not holds(one("more than four hours", "duration"), three_h)
    assert not holds(three_h, one("more than two hours", "duration"))  # a known bound, then a figure: news
    assert not holds(one("fewer than 700 artists", "count"), one("more than 600 artists", "count"))
    assert one("just under four hours", "duration").qualifier == "about"  # near four hours, no bound


def test_a_vague_count_is_a_range():
    hundreds = one("hundreds of artists provide unpaid labor", "count")
    assert (hundreds.amount, hundreds.qualifier, hundreds.noun) == (200, "vague", "artist")
    assert same(hundreds, one("about 300 artists", "count"))
    assert not same(hundreds, one("more than 2,000 artists", "count"))
    assert not comparable(hundreds, one("1,100 locations", "count"))  # another noun never updates a vague count


@pytest.mark.parametrize("text, amount, noun", [
    ("The number of artists who signed the open letter has grown to 1,300.", 1300, "artist"),
    ("The artists' letter, which now carries thirteen hundred signatures, accuses OpenAI.", 1300, "signature"),
    ("Inspectors put the final count of destroyed homes at 47.", 47, "home"),
])
def test_counts_said_around_their_noun(text, amount, noun):
    v = one(text, "count")
    assert (v.amount, v.noun) == (amount, noun)


def test_dates_with_and_without_a_year_compare_on_what_both_give():
    assert comparable(one("on November 25, 2024", "date"), one("yesterday (26 November)", "date"))
    assert not comparable(one("in November", "date"), one("in 2024", "date"))


def test_two_precise_figures_differ_where_a_rounded_one_holds_a_precise_one():
    assert not same(one("49,104 votes", "count"), one("48,912 votes", "count"))
    assert same(one("$1.2 million", "money"), one("$1,205,000", "money"))
    assert same(one("49,104 votes", "count"), one("49,104 votes", "count"))
    assert not same(one("48,500 votes", "count"), one("48,912 votes", "count"))  # no rounding of it
    assert same(one("48,900 votes", "count"), one("48,912 votes", "count"))


def test_a_year_corrected_is_what_it_was():
    built = find_values("Records show the wing was built in 1958, not 1962 as previously stated.", lambda a, b: ())
    assert [(v.text, "~prior" in v.role) for v in built] == [("1958", False), ("1962", True)]


@pytest.mark.parametrize("text, elsewhere", [
    ("A comparable clean-up at Hollins Park in 2019 cost £850,000.", ["2019", "£850,000"]),
    ("In neighbouring Pell County, where scanners failed at three precincts, the count ended.", ["three precincts"]),
    ("The clean-up at the school cost £850,000.", []),
    ("In another setback, the cost of the repairs has risen to £6 million.", []),
    ("In other words, the repairs will cost £6 million.", []),
])
def test_a_figure_of_another_place_or_a_similar_case_is_elsewhere(text, elsewhere):
    assert [v.text for v in find_values(text, lambda a, b: ()) if {"~elsewhere", "~away"} & set(v.role)] == elsewhere


def test_a_date_beside_another_party_is_still_this_ones():
    built, = find_values("The wing was built in 1962.", lambda a, b: ())
    for text in ("The wing was built in 1958 by a separate firm.", "The wing was built in 1958 with a similar design."):
        then, = find_values(text, lambda a, b: ())
        assert comparable(then, built) and not same(then, built), text


@pytest.mark.parametrize("text, counts", [
    ("Storm Edda damaged 10 to 15 homes.", ["15 homes"]),
    ("Labour won 20 of 48 seats.", ["48 seats"]),
])
def test_a_range_or_a_part_is_not_a_school_year(text, counts):
    assert [v.text for v in find_values(text, lambda a, b: ()) if v.kind == "count"] == counts


def test_a_year_in_a_sentence_set_in_another_place_is_no_date_of_this_story():
    other, = find_values("Neighbouring Harlow pulled down a similar block in 2021.", lambda a, b: ())
    built, = find_values("The wing was built in 1962.", lambda a, b: ())
    assert "~away" in other.role and comparable(built, built) and not comparable(other, built)


@pytest.mark.parametrize("text, counted", [
    ("Resits for 180 Year 11 and sixth-form pupils were moved.", [("count", "180 Year 11 and sixth-form pupils")]),
    ("Only 40 Year 9 pupils remain off site.", [("count", "Only 40 Year 9 pupils")]),
    ("The contract runs for 10 years.", [("duration", "10 years")]),
])
def test_a_school_year_names_a_group_not_a_duration(text, counted):
    assert [(v.kind, v.text) for v in find_values(text, lambda a, b: ())] == counted


def test_a_bill_is_what_something_costs():
    bill, = analyse("The removal bill has climbed to £3.6 million.").values
    cost, = analyse("The removal was estimated to cost £2.4 million.").values
    assert "~cost" in bill.role and comparable(bill, cost)


def test_a_payroll_and_wages_are_one_measure():
    now, = [v for v in analyse("The number of players left unpaid has grown to 74 after the club missed its "
                                 "payroll.").values if v.kind == "count"]
    then, = [v for v in analyse("The lead administrator said 68 players had not received their wages.").values
             if v.kind == "count"]
    assert comparable(now, then) and not same(now, then)


@pytest.mark.parametrize("text, counts", [
    ("Sixty-one workers were underground, and 47 of them reached the surface.", [(61, "staff"), (47, "staff")]),
    ("The firm employs 300 staff at 12 sites and will cut 100 of them.", [(300, "staff"), (12, "site"), (100, "staff")]),
    ("Two signatories told us their accounts were switched back on.", []),  # who the report heard from
    ("Twelve ministers told the prime minister they would resign.", [(12, "minister")]),
    ("Two unions told members to walk out.", [(2, "union")]),
])
def test_n_of_them_counts_what_the_larger_count_before_it_counts(text, counts):
    assert [(v.amount, v.noun) for v in find_values(text) if v.kind == "count"] == counts


@pytest.mark.parametrize("text, degrees", [
    ("The temperature inside peaked at 17C.", 17.0),
    ("The fridge reached 14°C.", 14.0),
    ("It hit 57 degrees Fahrenheit.", 13.9),
    ("Overnight it fell to minus 4C.", -4.0),
])
def test_temperatures_in_celsius(text, degrees):
    assert [(v.kind, v.amount) for v in find_values(text)] == [("temperature", degrees)]


@pytest.mark.parametrize("text", ["He paid with a 5c coin.", "The C-suite met on Monday."])
def test_no_temperature_without_a_unit_written_as_one(text):
    assert not any(v.kind == "temperature" for v in find_values(text))


@pytest.mark.parametrize("text, found", [
    # a year before 1900 is a date after a word that makes it one; a bare four-digit figure is a count
    ("The mill opened in 1750.", [("date", 17500000.0)]),
    ("The wall, which dates from 1893, fell.", [("date", 18930000.0)]),
    ("It was completed in 1887, not 1893 as previously stated.", [("date", 18870000.0), ("date", 18930000.0)]),
    ("About 1750 homes were flooded.", [("count", 1750.0)]),
    ("Police said 1850 people attended.", [("count", 1850.0)]),
    ("Power has been restored in 1800 homes.", [("count", 1800.0)]),
    # a count corrected with a figure that could be a year stays a count
    ("The number of books damaged is 2,400 books, not 1800 as first reported.", [("count", 2400.0), ("count", 1800.0)]),
])
def test_a_year_before_1900(text, found):
    assert [(v.kind, v.amount) for v in find_values(text)] == found


@pytest.mark.parametrize("text, share", [
    # a fraction of a whole is a share, not a count of quarters
    ("Three-quarters of the site was destroyed.", 75.0),
    ("The fire destroyed two-thirds of the site.", 66.67),
    ("About a third of the borough's recycling went there.", 33.33),
])
def test_a_fraction_of_a_whole_is_a_share(text, share):
    assert [(v.kind, v.amount) for v in find_values(text)] == [("percent", share)]


@pytest.mark.parametrize("text, noun", [
    ("Complaints have fallen to about 20 a week.", "complaint/week"),
    ("The line moves about 85,000 barrels of crude a day.", "barrel/day"),
    ("40 homes a year ago were flooded.", "home"),  # a time ago, not a rate
])
def test_a_count_per_period_is_a_rate(text, noun):
    assert [v.noun for v in find_values(text) if v.kind == "count"] == [noun]


def test_time_somebody_spent_is_not_how_long_a_thing_lasted():
    spent = one("Inspectors spent two days at Orrin Library last week.", "duration")
    lasted = one("The system at Orrin Library was down for 52 hours.", "duration")
    assert spent.noun == "spent" and lasted.noun == "lasting"
    assert not comparable(spent, lasted)
    assert comparable(spent, one("Inspectors spent five days at Orrin Library.", "duration"))
    assert not comparable(spent, one("The repairs will take 12 weeks.", "duration"))
    # time spent in a state is how long it lasted
    assert one("Readers spent three hours trapped in the lift.", "duration").noun == "lasting"
    assert one("Dr Quill spent a week in hospital.", "duration").noun == "lasting"


@pytest.mark.parametrize("text, minutes, qualifier", [
    ("The roof fell in at 6.42am on Monday.", 402, "exact"),
    ("It first failed at 11:05 p.m. on Friday.", 1385, "exact"),
    ("The wagons left the rails at 12.08am.", 8, "exact"),
    ("The alarm sounded at about 6.40 a.m.", 400, "about"),
    ("The blast, shortly before 7am, woke the street.", 420, "less"),
    ("Crews were there soon after 3pm.", 900, "more"),
])
def test_a_time_of_day(text, minutes, qualifier):
    v = one(text, "time")
    assert (v.amount, v.qualifier) == (minutes, qualifier)


@pytest.mark.parametrize("text", ["I am 6 feet tall.", "The repairs cost 2.5m.", "Sales fell 4.5 percent in 2024."])
def test_no_time_of_day(text):
    assert [v for v in find_values(text) if v.kind == "time"] == []


def test_a_time_about_holds_minutes_near_it_only():
    about = one("The roof fell in at about 6.40am.", "time")
    assert same(about, one("The roof fell in at 6.42am.", "time"))
    assert not same(about, one("The roof fell in at 6.32am.", "time"))
    assert not same(one("The roof fell in at 6.40am.", "time"), one("The roof fell in at 6.41am.", "time"))
    assert same(one("The fire broke out at about 11.58pm.", "time"), one("The fire broke out at 12.01am.", "time"))
