"""The story so far: a golden page for the fixed multi-source input, the baseline's open
questions read from the real snapshots, and the page a real run writes."""

import os

from monitor import config, snapshots, story_page
from monitor.compare import Baseline

from conftest import FIXTURES
from test_digest import SNAPS, rows

GOLDEN = FIXTURES / "golden" / "story.html"
QUESTIONS = [{"group": (("002", "OpenAI would not confirm it."), "verify"), "text": "OpenAI would not confirm it.",
              "ids": ["002", "000"]},
             {"group": (("001", "Sora has no release date."), "release"), "text": "Sora has no release date.",
              "ids": ["001"]}]


def fixed_page() -> str:
    story_rows = [r for r in rows() if r["status"] != "corroborated"]
    view = story_page.build("Sora leak", "2024-11-30T08:00:00Z", story_rows, SNAPS, QUESTIONS,
                            latest="digest-20241130080000-00007.html")
    return story_page.render(view)


def test_golden_story_page():
    got = fixed_page()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(got)
    assert got == GOLDEN.read_text()


def test_the_page_follows_each_fact_and_names_what_is_open():
    page = fixed_page()
    # the count's three reports, by publication date, the undated one last
    assert page.index("Nearly 100 artists") < page.index("more than 1,000") < page.index("19 named signatories")
    assert "Sources disagree:" in page
    # authenticity: settled by two reports that agree, so no longer listed as unknown
    unknown = page[page.index("Still unknown"):page.index("Newest developments")]
    assert "Sora has no release date." in unknown and "OpenAI would not confirm it." not in unknown
    assert ">002<" not in page and "baseline 00" not in page  # snapshot ids never reach a reader


def test_open_questions_of_the_shipped_baseline():
    settings = config.load()
    questions = story_page.open_questions(Baseline(snapshots.load(), settings.topic).facts)
    kinds = {q["group"][1] for q in questions}
    texts = " ".join(q["text"] for q in questions)
    assert kinds == {"verify", "release"}, kinds
    assert "would not confirm" in texts
