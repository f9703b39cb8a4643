"""Digest rendering: golden files for a fixed multi-source input, escaping, subjects, order."""

import json
import os

import pytest

from monitor import digest

from conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def article(n, title, url, site="Example News", published="2024-11-29T09:30:00Z", origin="page"):
    return {"a_id": n, "a_title": title, "a_url": url, "a_site": site, "a_published": published, "a_origin": origin}


def finding(n, status, claim, **kw):
    base = {"id": kw.get("id", 0), "status": status, "claim": claim, "attribution": kw.get("attribution"),
            "old": kw.get("old"), "new": kw.get("new"), "reason": kw.get("reason", ""), "score": 0.5,
            "baseline": json.dumps(kw.get("baseline", [])), "repeat_of": kw.get("repeat_of"),
            "r_claim": kw.get("r_claim"), "r_status": kw.get("r_status"), "r_digest": kw.get("r_digest"),
            "r_created": kw.get("r_created"), "change": kw.get("change"),
            "marks": json.dumps(kw["marks"]) if "marks" in kw else None}
    where = {k: kw[k] for k in ("site", "published") if k in kw}
    return {**base, **article(n, kw.get("title", "Follow-up"), kw.get("url", "https://news.example.org/a"), **where)}


LETTER = [{"fact": "F012", "sources": [{"id": "002", "text": "An open letter was signed by more than 600 artists."}]}]
VERIFY = [{"fact": "F050", "sources": [{"id": "002", "text": "OpenAI would not confirm it."},
                                       {"id": "000", "text": "OpenAI would not confirm whether it was authentic."}]}]
SECOND = {"title": "Second outlet", "url": "https://second.example.net/b", "site": "Second Post",
          "published": "Thu, 28 Nov 2024 18:00:00 +0100"}
THIRD = {"title": "Who signed", "url": "https://third.example.com/c", "site": "Third Review", "published": None}


def rows(title="OpenAI confirms the leak", url="https://news.example.org/a"):
    """Three outlets, in processing order (not date order): the first changes the count and
    the authenticity, the second (published earlier) gives another count, says the same
    change of authenticity and repeats a new claim of digest 6, the third an undated count."""
    first = {"title": title, "url": url}
    return [
        finding(1, "contradicted", "OpenAI confirmed the leaked tool was authentic.", attribution="OpenAI", id=1,
                old="OpenAI would not confirm it.", new="OpenAI confirmed the leaked tool was authentic.",
                reason="verify: baseline unknown ('would not confirm') vs now yes ('confirmed')",
                change="verify=yes", marks=["confirmed"], baseline=VERIFY, **first),
        finding(1, "updated", "The letter now has more than 1,000 signatures from artists.", id=2,
                old="more than 600 artists", new="more than 1,000", change="count=1000", marks=["more than 1,000"],
                reason="count changed: 'more than 600 artists' -> 'more than 1,000'", baseline=LETTER, **first),
        finding(1, "new", "OpenAI paused the artist program.", attribution="OpenAI", id=3, **first),
        finding(1, "corroborated", "Sora is still in a research preview.", id=4, reason="same 'research preview'",
                baseline=[{"fact": "F007", "sources": [{"id": "001", "text": "Sora is in a \u201cresearch preview."}]}],
                **first),
        finding(2, "updated", "\u201cNearly 100 artists have signed the letter, its organisers say.", id=5,
                old="more than 600 artists", new="Nearly 100 artists", change="count=100",
                reason="count changed: 'more than 600 artists' -> 'Nearly 100 artists'", baseline=LETTER, **SECOND),
        finding(2, "contradicted", "The company confirmed it was authentic.", id=6, repeat_of=1, r_digest=7,
                change="verify=yes", marks=["confirmed"], baseline=VERIFY, **SECOND,
                reason="verify: baseline unknown ('would not confirm') vs now yes ('confirmed' by the company)"),
        finding(2, "new", "Testers said they were never paid.", id=7, repeat_of=3, r_digest=6, r_status="new",
                r_created="2024-11-29T08:00:00Z", r_claim="The testers were not paid for their work.", **SECOND),
        finding(3, "updated", "The letter lists 19 named signatories.", id=8, old="more than 600 artists",
                new="19 named signatories", change="count=19", baseline=LETTER,
                reason="count changed: 'more than 600 artists' -> '19 named signatories'", **THIRD),
    ]


SNAPS = {"000": {"outlet": "The Daily Example", "title": "Sora leaked", "text": "Sora was leaked."},
         "001": {"outlet": "Bytes", "title": "Sora leak", "date": "2024-11-27",
                 "url": "https://bytes.example.org/sora"},
         "002": {"date": "2024-11-27", "text": "The artists, in an open letter, said they are not PR puppets."}}


def fixed_view(title="OpenAI confirms the leak", url="https://news.example.org/a"):
    arts = [{"id": 1, "title": title, "url": url, "site": "Example News", "published": "2024-11-29T09:30:00Z",
             "origin": "page", "relevant": 1, "relevance": 1.0, "n_claims": 4},
            {"id": 2, **SECOND, "origin": "page", "relevant": 1, "relevance": 0.9, "n_claims": 3},
            {"id": 3, **THIRD, "origin": "summary", "relevant": 1, "relevance": 0.8, "n_claims": 1},
            {"id": 4, "title": "Kingdom Quest trailer", "url": "https://games.example.org/kq", "site": None,
             "published": None, "origin": "page", "relevant": 0, "relevance": 0.2, "n_claims": 0}]
    failing = [{"name": "Down wire", "url": "https://feeds.example.org/down.xml", "failures": 3, "last_ok": None,
                "last_error": "the server has an error (HTTP 503); it is tried again next run"}]
    left_out = [{"link": "https://news.example.org/chips", "title": "Chipmaker shares rise", "feed_url": "f"}]
    return digest.build("Sora leak", 7, "2024-11-30T08:00:00Z", rows(title, url), arts,
                        {"sources": 4, "sources_failing": 1}, failing, SNAPS,
                        left_out=left_out)


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
    assert fixed_view()["subject"] == "Sora leak: 1 disagreement, 1 contradiction, 1 new claim; 1 of 4 sources failing"
    hostile = digest.subject("Sora\r\nBcc: x@evil =?utf-8?q?=0D=0A?=", {})
    assert "\r" not in hostile and "\n" not in hostile and "=?" not in hostile


def test_nothing_material_is_one_line():
    view = digest.build("Sora leak", 1, "t", [], [], {}, [], {})
    _, text = digest.render(view)
    assert "Nothing material changed." in text
    assert "WHAT CHANGED" not in text
