"""The pages as a reader sees them: headless Chromium at phone and desktop widths, in light
and dark, for the digest, the story page, the archive and the digest as mailed (what a
real SMTP server on 127.0.0.1 received). Set SCREENSHOTS=folder to also save a PNG of each."""

import html as html_mod
import json
import os
import shutil
import subprocess
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from monitor import config, delivery, digest

from test_digest import fixed_view
from test_story_page import fixed_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = (375, 1280)
SCHEMES = {"light": 1, "dark": 0}  # Blink's preferredColorScheme setting: 0 is dark
# Chromium's window cannot be narrower than 500 px, so each width is an iframe of that width
HARNESS = """<!doctype html><html><body style="margin:0">{frames}
<script>
function lum(c) {{ const [r, g, b] = c.match(/\\d+/g).map(Number); return (0.2126*r + 0.7152*g + 0.0722*b) / 255; }}
function card(el) {{
  const quote = el.querySelector(".quote"), link = el.querySelector(".meta a[href]");
  return {{sentence: quote ? quote.innerText.trim() : "", source: link ? link.innerText.trim() : "",
           href: link ? link.getAttribute("href") : ""}};
}}
window.addEventListener("load", () => {{
  const out = {{}};
  for (const f of document.querySelectorAll("iframe")) {{
    const doc = f.contentDocument, view = f.clientWidth, main = doc.querySelector("main") || doc.body;
    const over = [...doc.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > view + 1)
      .map(e => e.tagName + ": " + (e.textContent || "").slice(0, 60));
    const reports = [...doc.querySelectorAll("div.change.updated, div.change.contradicted, .disagreement li")];
    out[f.id] = {{scrollWidth: doc.documentElement.scrollWidth, view: view, over: over,
      dark: f.contentWindow.matchMedia("(prefers-color-scheme: dark)").matches,
      background: lum(getComputedStyle(main).backgroundColor), ink: lum(getComputedStyle(main).color),
      cards: reports.map(card), history: [...doc.querySelectorAll(".reports li")].map(card),
      text: doc.body.innerText}};
  }}
  document.body.insertAdjacentHTML("beforeend", "<pre id=probe></pre>");
  document.getElementById("probe").textContent = JSON.stringify(out);
}});
</script></body></html>"""


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120)


def look(site, pages: dict[str, str], scheme: str, tmp_path) -> dict:
    """Each page at each width, in one browser: what a reader's screen holds."""
    for name, page in pages.items():
        site.put(f"/{name}.html", page)
    frames = "".join(f'<iframe id="{name}-{w}" src="/{name}.html" style="border:0;display:block;width:{w}px;'
                     f'height:1500px"></iframe>' for name in pages for w in WIDTHS)
    url = site.put(f"/harness-{scheme}.html", HARNESS.format(frames=frames))
    out = chromium([f"--blink-settings=preferredColorScheme={SCHEMES[scheme]}", "--window-size=1400,1000",
                    "--virtual-time-budget=10000", "--dump-dom", url], tmp_path / f"profile-{scheme}")
    dom = out.stdout
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    if folder := os.environ.get("SCREENSHOTS"):
        for name in pages:
            for w in WIDTHS:
                chromium([f"--blink-settings=preferredColorScheme={SCHEMES[scheme]}", f"--window-size={w},2600",
                          f"--screenshot={Path(folder) / f'{name}-{w}-{scheme}.png'}", f"{site.base}/{name}.html"],
                         tmp_path / f"profile-shot-{scheme}")
    return json.loads(html_mod.unescape(dom[start:dom.index("</pre>", start)]))


def mailed(smtp, html: str, text: str) -> str:
    """The HTML part of the digest as the SMTP server received it."""
    email = {**config.load().email, "enabled": True, "host": "127.0.0.1", "port": smtp.port, "security": "plain",
             "from": "Monitor <monitor@example.org>", "to": ["desk@example.org"]}
    delivery.send(email, delivery.build_message(email, "Sora leak: digest", html, text, "<d-7@example.org>"))
    msg = message_from_bytes(smtp.messages[-1].content, policy=policy.default)
    return msg.get_body(preferencelist=("html",)).get_content()


@pytest.fixture(scope="module")
def pages():
    html, text = digest.render(fixed_view())
    # an unbroken 250-character title, and a link shown as text (not http) just as long
    long_html, _ = digest.render(fixed_view(title="Sora" + "x" * 250, url="ftp://news.example.org/" + "y" * 250))
    index = digest.render_index("Sora leak", [
        {"href": "digest-20241130080000-00007.html", "id": 7, "created": "2024-11-30T08:00:00Z",
         "summary": "1 disagreement, 1 contradiction, 1 new claim"},
        {"href": "digest-20241129080000-00006.html", "id": 6, "created": "2024-11-29T08:00:00Z",
         "summary": "nothing material changed"}])
    return {"digest": html, "long": long_html, "story": fixed_page(), "archive": index, "text": text}


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_page_fits_and_every_change_shows_its_sentence_source_and_link(site, smtp, tmp_path, pages, scheme):
    shown = {name: pages[name] for name in ("digest", "long", "story", "archive")}
    shown["email"] = mailed(smtp, pages["digest"], pages["text"])
    seen = look(site, shown, scheme, tmp_path)
    assert len(seen) == len(shown) * len(WIDTHS)
    for frame, page in seen.items():
        assert page["scrollWidth"] <= page["view"] and page["over"] == [], (frame, page["over"])
        assert page["dark"] == (scheme == "dark"), frame
        # the page's own colours follow the reader's scheme: light ink on a dark ground, or the reverse
        if scheme == "dark":
            assert page["background"] < 0.2 < 0.7 < page["ink"], (frame, page["background"], page["ink"])
        else:
            assert page["ink"] < 0.3 < 0.8 < page["background"], (frame, page["background"], page["ink"])
    for frame in ("digest-375", "digest-1280", "email-375", "email-1280"):
        cards = seen[frame]["cards"]
        # the disagreement's three reports and the contradiction, each with sentence, outlet and link
        assert len(cards) == 4, (frame, cards)
        assert [c["source"].split(":")[0] for c in cards] == ["Second Post", "Example News", "Third Review",
                                                              "Second Post"], frame
        assert all(c["sentence"] and c["href"].startswith("https://") for c in cards), (frame, cards)
        text = seen[frame]["text"]
        for expected in ("Sources disagree", "Nearly 100 artists", "The company confirmed it was authentic.",
                         "The story so far", "Thu 28 Nov 2024, 17:00 UTC", "Kingdom Quest trailer", "HTTP 503"):
            assert expected in text, (frame, expected)
    for w in WIDTHS:
        story = seen[f"story-{w}"]
        # each fact's history: the count's three reports, the authenticity's two
        assert len(story["history"]) == 5, story["history"]
        assert all(c["sentence"] and c["href"].startswith("https://") for c in story["history"]), story["history"]
        assert "Still unknown" in story["text"] and "Sora leak: all digests" in seen[f"archive-{w}"]["text"]
