"""Small text helpers shared by the parsing stages."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def strip_html(fragment: str) -> str:
    """Markup out, entities decoded, whitespace folded: for feed titles and summaries."""
    return clean(html.unescape(_TAG.sub(" ", fragment or "")))


def clean(text: str) -> str:
    """Drop control characters and lone surrogates, fold runs of spaces on each line."""
    text = (text or "").translate(_CONTROL)
    text = text.encode("utf-8", "replace").decode("utf-8")
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


@lru_cache(maxsize=4096)  # one sentence is folded for its words, values, cues and mentions
def fold(text: str) -> str:
    """Lower-case with typographic quotes and dashes made plain: for matching only."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


def mentions(text: str, term: str, inflected: bool = False) -> bool:
    """Whole-word, case-insensitive mention of a term (which may hold several words);
    inflected: its plural and past forms count too ("artists", "leaked" for "artist", "leak")."""
    tail = r"(?:s|es|ed|d|ing)?" if inflected else ""
    return re.search(r"(?<![\w-])" + re.escape(fold(term)) + tail + r"(?![\w])", fold(text)) is not None
