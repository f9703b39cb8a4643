import pytest

from monitor import articles, demo
from monitor.errors import ExtractError
from monitor.models import FeedItem

from conftest import DEVSET


@pytest.mark.parametrize("fallbacks", [False, True])
def test_extracts_text_and_metadata_from_a_page(fallbacks):
    html = (demo.folder() / "openai-confirms.html").read_bytes()
    art = articles.extract(html, "http://127.0.0.1/openai-confirms.html", fallbacks=fallbacks)
    assert "confirmed that the Sora front-end" in art.text
    assert "Most read" not in art.text and "Ten laptops" not in art.text  # boilerplate left out
    assert art.title == "OpenAI confirms leaked Sora front-end was genuine"
    assert art.site == "Demo Tech Wire"
    assert art.published == "2024-11-29"
    assert art.origin == "page"


def test_metadata_from_json_ld_and_the_page_when_meta_tags_are_missing():
    body = ("<html><head><title>Testers leak Sora - Example News</title><script type='application/ld+json'>"
            '{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2024-11-27T10:00:00Z", '
            '"author": {"@type": "Person", "name": "Jane Doe"}}</script></head><body><article><h1>Testers leak Sora</h1>'
            + "<p>A group of artists in the early-access program posted a front end to the model online. "
              "They said the company had used them for unpaid testing and public relations.</p>" * 3
            + "</article></body></html>").encode()
    art = articles.extract(body, "https://www.ex.org/2024/11/27/sora")
    assert art.title == "Testers leak Sora" and art.author == "Jane Doe"
    assert art.published == "2024-11-27" and art.site == "ex.org"
    assert "unpaid testing" in art.text


@pytest.mark.parametrize("body, message", [
    (b"", "empty page"),
    (b"%PDF-1.7\n\x00\x01binary", "binary content"),
    (b"<html><body></body></html>", "no article text"),
])
def test_unusable_pages_raise_a_named_error(body, message):
    with pytest.raises(ExtractError, match=message):
        articles.extract(body, "http://x/p")


def test_oversized_page_is_refused_before_parsing():
    with pytest.raises(ExtractError, match="over the extraction cap"):
        articles.extract(b"<p>" * (articles.MAX_PAGE_BYTES // 3 + 1), "http://x/big")


def test_text_file_header_lines():
    art = articles.from_text((DEVSET / "dev01_openai_confirms.txt").read_text(), "dev01")
    assert art.title == "OpenAI confirms Sora leak used genuine early-access credentials"
    assert art.url.startswith("https://news.example.org/")
    assert art.published == "2024-11-29"
    assert art.text.startswith("OpenAI on Friday confirmed")


def test_text_without_header_is_all_body():
    art = articles.from_text("Title: not a header\nbecause no blank line follows.", "x")
    assert art.text.startswith("Title: not a header") and art.title == ""


def test_summary_fallback_is_marked():
    item = FeedItem(key="k", feed_url="f", link="https://ex.org/a", title="T", summary="Sora summary.")
    art = articles.from_summary(item)
    assert art.origin == "summary" and art.text == "Sora summary." and art.site == "ex.org"
    with pytest.raises(ExtractError):
        articles.from_summary(FeedItem(key="k", feed_url="f", link="l", title="", summary=""))


def test_the_same_page_extracts_the_same_text_every_time():
    # trafilatura's deduplication cache lives for the process: a long-running scheduler or
    # two outlets carrying one wire story must not get text back with paragraphs missing
    page = (b"<html><body><article>" + b"".join(
        b"<p>Paragraph %d says the Sora leak lasted three hours and the artists protested.</p>" % i
        for i in range(6)) + b"</article></body></html>")
    texts = {articles.extract(page, f"https://ex.org/{n}").text for n in range(4)}
    assert len(texts) == 1 and "Paragraph 5" in texts.pop()
