"""Errors in plain words for the people who read the digest, the log and `monitor feeds`.

The exceptions carry a developer's detail (class names, addresses, the URL); `plain()`
turns one into a single line: the cause in plain words and, where there is one, the fix.
The detail itself goes to the -v log; the URL is left out because the caller names the
feed or item already."""

from __future__ import annotations

import re

from .errors import BlockedURL, ExtractError, FeedError, FetchError, HTTPStatus, MonitorError, Timeout, TooLarge

_NON_PUBLIC = re.compile(r"^(\S+) resolves to non-public address (\S+)")
_ERRNO = re.compile(r"\[Errno -?\d+\] ([^(\]]+?)(?:'|\)|$)")
_SECONDS = re.compile(r"(?:deadline of|after) ([\d.]+)s")
_HTTP = {401: "asks for a login", 403: "refuses access", 404: "has no such page", 410: "says the page is gone",
         429: "asks for fewer requests"}
# (words in the detail, the plain cause): checked in order, the first that matches wins
_FEED = (("empty body", "the server sent an empty answer instead of a feed"),
         ("not a feed", "the answer is not an RSS, Atom or JSON feed; check the URL"),
         ("took longer", "reading the feed took longer than [fetch] extract_timeout and was stopped"),
         ("process died", "reading the feed needed more memory than [fetch] extract_memory_mb"))
_PAGE = (("empty page", "the page is empty"),
         ("binary content", "the page is not HTML (binary content)"),
         ("nothing to parse", "the page is not HTML"),
         ("over the extraction cap", "the page is too large to read"),
         ("took longer", "reading the page took longer than [fetch] extract_timeout and was stopped"),
         ("process died", "reading the page needed more memory than [fetch] extract_memory_mb"),
         ("no article text", "no article text was found on the page"))
_FETCH = (("cannot resolve", "its host name could not be found; check the URL and the network"),
          ("redirects", "it redirects too many times"),
          ("Network is unreachable", "the network is unreachable; check the connection"),
          ("Connection refused", "the server refused the connection; the site may be down or the URL wrong"))


def plain(exc: BaseException) -> str:
    """One line in plain words: what went wrong and, where there is one, what to do."""
    detail = str(exc)
    if isinstance(exc, BlockedURL):
        return _blocked(detail)
    if isinstance(exc, HTTPStatus):
        what = _HTTP.get(exc.status) or ("has an error" if exc.status >= 500 else "refuses the request")
        again = "; it is tried again next run" if exc.status >= 500 or exc.status == 429 else ""
        return f"the server {what} (HTTP {exc.status}){again}"
    if isinstance(exc, Timeout):
        m = _SECONDS.search(detail)
        within = f" within {m.group(1)} s" if m else " in time"
        return f"no complete answer{within}; the site may be down or slow ([fetch] timeout, deadline)"
    if isinstance(exc, TooLarge):
        return "the answer is larger than [fetch] max_bytes; raise it if the source is genuine"
    if isinstance(exc, FeedError):
        return _first(_FEED, detail, "the feed could not be read")
    if isinstance(exc, ExtractError):
        return _first(_PAGE, detail, "no article text could be read from the page")
    if isinstance(exc, FetchError):
        found = _first(_FETCH, detail, "")
        if found:
            return found
        m = _ERRNO.search(detail)
        return f"the download failed ({m.group(1).strip()})" if m else "the download failed"
    if isinstance(exc, MonitorError):
        return detail
    return f"unexpected error ({type(exc).__name__})"


def _blocked(detail: str) -> str:
    m = _NON_PUBLIC.match(detail)
    if m:
        host = m.group(1).strip("[]")
        return (f"{host} is a private or loopback address ({m.group(2)}); "
                f'add "{host}" to [fetch] allow_hosts to allow it')
    if detail.startswith("scheme"):
        return "the link is not an http(s) URL, so it is not fetched"
    if "credentials" in detail:
        return "the URL holds a user name or password, which is not allowed"
    return "the URL is malformed, so it is not fetched"


def _first(table: tuple[tuple[str, str], ...], detail: str, otherwise: str) -> str:
    return next((said for cue, said in table if cue in detail), otherwise)
