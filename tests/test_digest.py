"""Digest rendering: a golden file for a fixed input, escaping, subjects."""

import json
import os

import pytest

from monitor import digest

from conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def article(n, title, url, origin="page"):
    return {"a_id": n, "a_title": title, "a_url": url, "a_site": "Example News", "a_published": "2024-11-29",
            "a_origin": origin}


def finding(n, status, claim, **kw):
    base = {"id": kw.get("id", 0), "status": status, "claim": claim, "attribution": kw.get("attribution"),
            "old": kw.get("old"), "new": kw.get("new"), "reason": kw.get("reason", ""), "score": 0.5,
            "baseline": json.dumps(kw.get("baseline", [])), "repeat_of": kw.get("repeat_of"),
            "r_claim": kw.get("r_claim"), "r_status": kw.get("r_status"), "r_digest": kw.get("r_digest"),
            "r_created": kw.get("r_created")}
    return {**base, **article(n, kw.get("title", "Follow-up"), kw.get("url", "https://news.example.org/a"))}


def fixed_view(title="OpenAI confirms the leak", url="https://news.example.org/a"):
    rows = [
        finding(1, "contradicted", "OpenAI confirmed the leaked tool was authentic.", attribution="OpenAI",
                old="OpenAI would not confirm whether the alleged Sora leak was authentic or not.",
                new="OpenAI confirmed the leaked tool was authentic.", title=title, url=url,
                reason="authenticity: baseline 'would not confirm' vs now 'confirmed'",
                baseline=[{"fact": "F050", "sources": [{"id": "002", "text": "OpenAI would not confirm it."}]}]),
        finding(1, "updated", "The letter now has more than 1,000 signatures from artists.", title=title, url=url,
                old="more than 600 artists", new="more than 1,000 artists", id=2,
                reason="count changed: 'more than 600 artists' -> 'more than 1,000 artists'"),
        finding(1, "new", "OpenAI paused the artist program.", attribution="OpenAI", title=title, url=url),
        finding(1, "corroborated", "Sora is still in a research preview.", title=title, url=url),
        # a second article repeats the update from this digest, and a new claim from digest 6
        finding(2, "updated", "Over 1,000 artists have now signed the letter.", title="Second outlet",
                url="https://second.example.net/b", repeat_of=2, r_digest=7, id=5),
        finding(2, "new", "Testers said they were never paid.", title="Second outlet",
                url="https://second.example.net/b", repeat_of=1, r_digest=6, r_status="new",
                r_created="2024-11-29T08:00:00Z", r_claim="The testers were not paid for their work.", id=6),
    ]
    arts = [{"title": title, "url": url, "site": "Example News", "published": "2024-11-29", "origin": "page",
             "relevant": 1, "relevance": 1.0, "n_claims": 4}]
    failing = [{"name": "Down wire", "url": "https://feeds.example.org/down.xml", "failures": 3, "last_ok": None,
                "last_error": "the server has an error (HTTP 503); it is tried again next run"}]
    snaps = {"002": {"outlet": "Silicon Example"}}
    report = {"items_offtopic": 2, "sources": 4, "sources_failing": 1}
    return digest.build("Sora leak", 7, "2024-11-30T08:00:00Z", rows, arts, report, failing, snaps)


@pytest.mark.parametrize("name", ["digest.txt", "digest.html"])
def test_golden_digest(name):
    html, text = digest.render(fixed_view())
    got = text if name.endswith(".txt") else html
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got)
    assert got == path.read_text()


def test_hostile_titles_and_links_are_escaped():
    html, _ = digest.render(fixed_view(title=HOSTILE, url="javascript:alert(3)"))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert "javascript:alert(3)" in html  # shown as text, not as a link


def test_subject_counts_and_is_header_safe():
    assert digest.subject("Sora leak", {"contradicted": 1, "updated": 2, "new": 5}) == \
        "Sora leak: 1 contradiction, 2 updates, 5 new claims"
    assert digest.subject("Sora leak", {"corroborated": 3}) == "Sora leak: nothing material changed"
    assert digest.subject("Sora leak", {}, 3, 3) == "Sora leak: nothing material changed; 3 of 3 sources failing"
    assert fixed_view()["subject"] == "Sora leak: 1 contradiction, 1 update, 1 new claim; 1 of 4 sources failing"
    hostile = digest.subject("Sora\r\nBcc: x@evil =?utf-8?q?=0D=0A?=", {})
    assert "\r" not in hostile and "\n" not in hostile and "=?" not in hostile


def test_nothing_material_is_one_line():
    view = digest.build("Sora leak", 1, "t", [], [], {}, [], {})
    _, text = digest.render(view)
    assert "Nothing material changed." in text
    assert "WHAT CHANGED" not in text
