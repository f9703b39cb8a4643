"""The HTML digest as a reader sees it: headless Chromium at phone and desktop widths."""

import json
import shutil
import subprocess

import pytest

from monitor import digest

from test_digest import fixed_view

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium's window cannot be narrower than 500 px, so each width is an iframe of that width
HARNESS = """<!doctype html><html><body style="margin:0">
<iframe id="f" src="/digest.html" style="border:0;width:{width}px;height:2000px"></iframe>
<script>
window.addEventListener("load", () => {{
  const doc = document.getElementById("f").contentDocument, view = {width};
  const over = [...doc.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > view + 1)
    .map(e => e.tagName + ": " + (e.textContent || "").slice(0, 60));
  document.body.insertAdjacentHTML("beforeend", "<pre id=probe></pre>");
  document.getElementById("probe").textContent = JSON.stringify({{
    scrollWidth: doc.documentElement.scrollWidth, over: over, text: doc.body.innerText}});
}});
</script></body></html>"""


def render_in_chromium(site, html: str, width: int, tmp_path) -> dict:
    site.put("/digest.html", html)
    page = site.put(f"/harness-{width}.html", HARNESS.format(width=width))
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / f'profile-{width}'}", "--window-size=1400,1000",
         "--virtual-time-budget=5000", "--dump-dom", page],
        capture_output=True, text=True, timeout=120)
    dom = out.stdout
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    import html as html_mod

    return json.loads(html_mod.unescape(dom[start:dom.index("</pre>", start)]))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("width", [375, 1280])
def test_digest_fits_the_page_and_shows_the_findings(site, tmp_path, width):
    # an unbroken 250-character title, and a link shown as text (not http) just as long
    html, _ = digest.render(fixed_view(title="Sora" + "x" * 250, url="ftp://news.example.org/" + "y" * 250))
    seen = render_in_chromium(site, html, width, tmp_path)
    assert seen["scrollWidth"] <= width and seen["over"] == [], seen["over"]
    text = seen["text"]
    for expected in ("1 contradiction, 1 update, 1 new claim", "OpenAI confirmed the leaked tool was authentic.",
                     "more than 600 artists", "more than 1,000 artists", "OpenAI paused the artist program.",
                     "Also reported by", "Already reported", "HTTP 503"):
        assert expected in text, expected
