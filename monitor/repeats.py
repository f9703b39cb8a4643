"""Has an earlier finding already said this? Once a change or a new claim has gone out,
a later article that says it again is another source for it, not a fresh headline.

A change is identified exactly: the baseline fact it changes and the state or value it
changes to. A new claim has no baseline fact to hang on, so it is keyed by pairs of its
rarest words and then confirmed by similarity. Either way the store answers with index
lookups, one batch per article, which cost the same with a thousand or a hundred
thousand earlier findings."""

from __future__ import annotations

import hashlib
from itertools import combinations

from .compare import Baseline, value_conflict
from .claims import tokens
from .models import BaselineFact, Claim, Finding
from .text import fold
from .values import find_values

SAME_CLAIM = 0.5  # two new claims this similar (and with no differing value) say the same thing
RARE_WORDS = 6  # a new claim is keyed by pairs of this many of its rarest words


def fact_key(fact: BaselineFact) -> str:
    """Stable across snapshot rebuilds that renumber facts: the first source's id and text."""
    sid, text = fact.sources[0]
    return hashlib.sha1(f"{sid}\n{text}".encode()).hexdigest()[:12]


def keys(finding: Finding, baseline: Baseline) -> tuple[str, ...]:
    if finding.status in ("contradicted", "updated") and finding.baseline:
        return (f"{finding.status}:{fact_key(finding.baseline[0])}:{finding.change}",)
    if finding.status != "new":
        return ()  # corroborations are counted, not tracked
    return new_keys(finding.claim.tokens, baseline)


def new_keys(toks: tuple[str, ...], baseline: Baseline) -> tuple[str, ...]:
    """Pairs of a new claim's rarest words. Words the baseline never uses all look equally
    rare to it, and among those the longer go first: taken alphabetically, the short
    function words of other languages ("auf", "der", "die") tied every article together."""
    words = sorted({t for t in toks if t not in baseline.anchor_tokens},
                   key=lambda t: (-baseline.idf.get(t, baseline.unknown_idf), -len(t), t))[:RARE_WORDS]
    return tuple(f"new:{a}:{b}" for a, b in combinations(sorted(words), 2))


def same_claim(finding: Finding, earlier_text: str, baseline: Baseline, earlier_tokens: str | None = None) -> bool:
    """Close in words (stored tokens when there are some) and no quantity stated differently."""
    toks = tuple(earlier_tokens.split()) if earlier_tokens is not None else tokens(earlier_text, baseline.entities)
    roles = lambda a, b: tokens(fold(earlier_text)[a:b], baseline.entities)  # noqa: E731
    old = Claim(earlier_text, toks, find_values(earlier_text, roles) if finding.claim.values else ())
    return baseline.similarity(finding.claim, old) >= SAME_CLAIM and value_conflict(finding.claim, old) is None


def earlier_root(finding: Finding, candidates: list, baseline: Baseline) -> int | None:
    """The first finding this one repeats, from store rows (id, root, status, claim, tokens)
    that share its keys; None when it is the first to say it."""
    for row in candidates:
        if row["status"] != finding.status:
            continue
        if finding.status == "new" and not same_claim(finding, row["claim"], baseline, row["tokens"]):
            continue
        return row["root"] or row["id"]
    return None


def check(findings: tuple[Finding, ...], baseline: Baseline, lookup,
          known_keys: tuple[tuple[str, ...], ...] = ()) -> tuple[tuple[int | None, tuple[str, ...]], ...]:
    """(the earlier finding it repeats or None, its keys) for each finding; lookup is
    Store.earlier, asked once for all of them. known_keys: keys already worked out."""
    ks = known_keys or tuple(keys(f, baseline) for f in findings)
    found = lookup(ks)
    return tuple((earlier_root(f, rows, baseline) if k else None, k) for f, k, rows in zip(findings, ks, found))
