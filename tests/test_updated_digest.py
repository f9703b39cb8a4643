"""The digest's "Updated articles" section from `revised` findings: grouping, order,
deletions and insertions marked in both formats, and hostile text kept inert."""

from monitor import digest, revised

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def row(a_id, n, kind, old, new, was=None, now=None, title="Sora leak widens", url="https://news.example.org/a"):
    return {"a_id": a_id, "n": n, "kind": kind, "old": old, "new": new, "was": was, "now": now,
            "reason": "verify: baseline unknown vs now yes" if now == "contradicted" else "", "v_title": title,
            "a_title": "first title", "a_url": url, "a_site": "Example News", "fetched_at": "2024-11-30T14:05:00Z",
            "after": "2024-11-30T13:50:00Z"}


def render(rows, findings=()):
    view = digest.build("Sora leak", 3, "2024-11-30T14:10:00Z", list(findings), [], {}, [], {},
                        updated=revised.view(rows))
    return view, *digest.render(view)


def test_status_moves_come_first_and_every_change_is_marked():
    rows = [row(1, 2, "added", None, "The artists published a second letter on Saturday."),
            row(2, 3, "title", "OpenAI silent on leak", "OpenAI confirms leak", title="OpenAI confirms leak"),
            row(2, 3, "changed", "OpenAI would not confirm the leak.", "OpenAI has now confirmed the leak.",
                "corroborated", "contradicted"),
            row(2, 3, "removed", "The tool was up for three hours.", None, "corroborated")]
    view, html, text = render(rows, [{"status": "revised"}] * 4)  # counted once, as articles, not as claims
    assert [u["article"]["title"] for u in view["updated"]] == ["OpenAI confirms leak", "Sora leak widens"]
    assert view["headline"] == "2 revised articles" and view["material"]
    assert view["corroborated"] == 0
    assert text.index("UPDATED ARTICLES") < text.index("! STATUS corroborated -> contradicted:") \
        < text.index("Title: (removed) OpenAI silent on leak") < text.index("* (removed) The tool was up")
    assert "words: (removed) would not confirm (added) has now confirmed" in text
    assert "Changed between Sat 30 Nov 2024, 13:50 UTC and Sat 30 Nov 2024, 14:05 UTC (version 3)" in text
    assert '<span style="background:#fde2e2;color:#a11;text-decoration:line-through">would not confirm</span>' in html
    assert '<span style="background:#dcf5dc;color:#075e07;font-weight:600">has now confirmed</span>' in html


def test_hostile_sentences_titles_and_links_stay_inert():
    rows = [row(1, 2, "changed", f"OpenAI said {HOSTILE} nothing.", f"OpenAI said {HOSTILE} everything.",
                title=HOSTILE, url="javascript:alert(3)")]
    _, html, text = render(rows)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "javascript:alert(3)" in html
    assert HOSTILE in text  # plain text carries it as text
