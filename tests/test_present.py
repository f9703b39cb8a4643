"""What a reader sees of a finding: dates in words, the changed words marked, stray quote
marks gone, sources named; a source's date strings are hostile and never end a run."""

import pytest
from hypothesis import given, strategies as st

from monitor import present

from test_properties import FAST


@pytest.mark.parametrize("raw, shown", [
    ("2024-11-27T14:05:00Z", "Wed 27 Nov 2024, 14:05 UTC"),
    ("2024-11-27T15:05:00+01:00", "Wed 27 Nov 2024, 14:05 UTC"),
    ("Wed, 27 Nov 2024 09:05:00 -0500", "Wed 27 Nov 2024, 14:05 UTC"),
    ("2024-11-27", "Wed 27 Nov 2024"),
    ("last Tuesday", "last Tuesday"),  # not a date: shown as the source gave it
    (None, ""),
])
def test_human_dates(raw, shown):
    assert present.human_date(raw) == shown


@FAST
@given(st.one_of(st.text(max_size=60), st.from_regex(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:?\d\d|Z)?)?")))
def test_a_hostile_date_never_raises_and_sorts(raw):
    assert isinstance(present.human_date(raw), str) and isinstance(present.human_date(raw, short=True), str)
    assert present.order_key(raw, "x", "t", "u") < present.order_key(None, "x", "t", "u") or \
        present.parse_when(raw)[0] is None


def test_the_changed_words_are_marked_once_and_a_missing_mark_leaves_the_sentence_whole():
    assert present.segments("Signed by more than 1,300 artists.", ["more than 1,300 artists"]) == \
        [("Signed by ", False), ("more than 1,300 artists", True), (".", False)]
    assert present.segments("OpenAI confirmed it.", ["denied"]) == [("OpenAI confirmed it.", False)]


def test_a_quote_left_open_by_sentence_splitting_is_dropped_a_whole_one_kept():
    assert present.unquote("\u201cHundreds of artists provide unpaid labor.") == "Hundreds of artists provide unpaid labor."
    assert present.unquote('He said "yes" today.') == 'He said "yes" today.'


def test_a_baseline_source_is_named_never_numbered():
    named = present.source({"id": "002", "outlet": "The Hindu", "title": "Sora leaked", "date": "2024-11-27"})
    assert named == {"outlet": "The Hindu", "title": "\u201cSora leaked\u201d", "when": "Wed 27 Nov 2024",
                     "href": None}
    bare = present.source({"id": "003", "text": "In a daring protest towards OpenAI's handling of Sora, artists leaked it."})
    assert bare["outlet"] == "outlet not recorded" and "003" not in str(bare)
    assert bare["title"] == "untitled, begins \u201cIn a daring protest towards OpenAI's handling of\u2026\u201d"
