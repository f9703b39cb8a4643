"""Versions and what changed between them: boring changes, sentence and word diffs, and
status moves against the shipped baseline (versions.py, pure)."""

import pytest

from monitor import config, snapshots
from monitor.compare import Baseline, compare_article
from monitor.models import Article, FeedItem
from monitor.versions import entry_hash, fingerprint, is_boring, revisions, sentence_changes, word_diff

BORING = ["Updated 14:05 GMT", "Published November 29, 2024", "Nov 29, 2024 at 3:04 pm ET", "2 hours ago",
          "Last updated: 29/11/2024 10:31", "1.2K shares", "23 comments", "Comments (23)", "5 min read",
          "Related: Sora leak explained", "Read more: OpenAI pauses Sora access", "Share this article", "12,345",
          "---"]
NEWS = ["OpenAI said on Friday it had paused access.", "Updated: OpenAI has now confirmed the leak.",
        "The Sora tool was live for three hours on November 26.", "Monday",
        "Related companies said on Tuesday that they had not been contacted by the artists about the leak, "
        "and that none of their own testers had shared credentials with the group or anyone else."]


@pytest.mark.parametrize("line", BORING)
def test_boring_lines(line):
    assert is_boring(line)


@pytest.mark.parametrize("line", NEWS)
def test_lines_that_are_news(line):
    assert not is_boring(line)


TEXT = ("Published November 29, 2024\n1.2K shares\nOpenAI would not confirm whether the leaked Sora tool was "
        "authentic.\nThe tool was live for about three hours.\nRelated: Sora leak explained")


def test_boring_changes_keep_the_fingerprint():
    boring = ("Published   November 30, 2024\n\n2.4K shares\nOpenAI would not confirm whether the leaked Sora tool was"
              "  authentic.\n  The tool was live for about three hours.\nRelated: Who the artists are\n7 comments")
    stamped = TEXT.replace("OpenAI would", "Updated 14:05 GMT: OpenAI would")
    assert fingerprint("Sora leak", boring) == fingerprint("Sora leak", TEXT) == fingerprint("Sora leak", stamped)


def test_a_changed_sentence_or_title_is_a_new_fingerprint():
    assert fingerprint("Sora leak", TEXT.replace("would not confirm whether", "confirmed that")) != \
        fingerprint("Sora leak", TEXT)
    assert fingerprint("Sora leak: OpenAI confirms", TEXT) != fingerprint("Sora leak", TEXT)


def test_an_entry_is_changed_by_its_content_or_its_dates():
    base = FeedItem(key="g", feed_url="f", link="l", title="t", summary="s", published="2024-11-29T10:00:00Z")
    others = [FeedItem(**{**base.__dict__, field: value}) for field, value in
              (("title", "t2"), ("summary", "s2"), ("published", "2024-11-30T10:00:00Z"),
               ("updated", "2024-11-29T11:00:00Z"))]
    assert len({entry_hash(i) for i in [base, *others]}) == 5
    assert entry_hash(FeedItem(**{**base.__dict__, "link": "l2"})) == entry_hash(base)  # same entry, another link


def test_sentences_removed_added_and_changed():
    old = ["A stays.", "OpenAI would not confirm whether the leaked tool was authentic.", "B goes away entirely.",
           "C stays too."]
    new = ["A stays.", "OpenAI has now confirmed that the leaked tool was authentic.", "C stays too.",
           "Something else entirely was said later."]
    assert sentence_changes(old, new) == [  # in reading order
        ("changed", "OpenAI would not confirm whether the leaked tool was authentic.",
         "OpenAI has now confirmed that the leaked tool was authentic."),
        ("removed", "B goes away entirely.", None),
        ("added", None, "Something else entirely was said later."),
    ]
    assert sentence_changes(["X one two three.", "Y four five six."], ["New first sentence here.",
                                                                      "Y four five seven."]) == [
        ("removed", "X one two three.", None), ("added", None, "New first sentence here."),
        ("changed", "Y four five six.", "Y four five seven.")]
    assert sentence_changes(old, old) == []


def test_a_rewritten_sentence_is_removed_and_added_not_paired():
    changes = sentence_changes(["The artists published the tool on Hugging Face."],
                               ["Access was cut three hours later by the company."])
    assert [kind for kind, _, _ in changes] == ["removed", "added"]


def test_word_diff():
    assert word_diff("OpenAI has still not confirmed the leak.", "OpenAI has now confirmed the leak.") == [
        ("=", "OpenAI has"), ("-", "still not"), ("+", "now"), ("=", "confirmed the leak.")]


def test_status_moves_against_the_baseline():
    settings = config.load()
    baseline = Baseline(snapshots.load(None), settings.topic)
    terms = settings.topic["anchors"] + settings.topic["context"]
    text = ("Artists in OpenAI's early access program leaked Sora on Hugging Face in protest.\n"
            "OpenAI would not confirm whether the leaked Sora tool was authentic.")
    old = Article(url="u", title="Sora leaked by artists", text=text)
    new = Article(url="u", title="OpenAI confirms Sora leak",
                  text=text.replace("would not confirm whether", "confirmed that"))
    changes = revisions(compare_article(old, baseline, settings.topic), compare_article(new, baseline, settings.topic),
                        terms)
    assert [(r.kind, r.old, r.new) for r in changes] == [
        ("title", "Sora leaked by artists", "OpenAI confirms Sora leak"),
        ("changed", "OpenAI would not confirm whether the leaked Sora tool was authentic.",
         "OpenAI confirmed that the leaked Sora tool was authentic.")]
    moved = changes[1]
    assert (moved.was, moved.now) == ("corroborated", "contradicted")
    assert "confirmed" in moved.reason and moved.baseline  # the evidence and the baseline fact it contradicts
