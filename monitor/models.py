"""Plain frozen records passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """One feed to poll."""

    name: str
    url: str


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, reduced to what the monitor uses."""

    key: str  # stable identity: guid, else the canonical link
    feed_url: str
    link: str
    title: str
    summary: str = ""
    published: str | None = None
    updated: str | None = None  # the entry's own update date, when it has one beside the published date


@dataclass(frozen=True)
class Article:
    """Extracted text and metadata of one article."""

    url: str
    title: str
    text: str
    site: str | None = None
    author: str | None = None
    published: str | None = None
    origin: str = "page"  # "page", "summary" (feed summary used), or "file"


@dataclass(frozen=True)
class Value:
    """A normalised quantity found in a claim."""

    kind: str  # count, money, duration, percent, temperature, resolution, date
    amount: float  # canonical unit: count, USD, seconds, lines, ISO-ish ordinal for dates
    text: str  # as written
    qualifier: str = "exact"  # exact, more, less, about, up_to, vague ("hundreds of")
    noun: str = ""  # what is counted ("artists", "month" for rates)
    role: tuple[str, ...] = ()  # what it measures: the words around it ("valued", "stake", "signed")


@dataclass(frozen=True)
class Cue:
    """A status statement: which frame, which side, and the words that said it."""

    frame: str  # verify, release, access (see frames.py)
    state: str  # frame-specific: yes / no / unknown / planned, on / off / paused
    words: str
    agent: str | None = None  # who: a story entity, "other", "pronoun", or None when unsaid
    theme: tuple[str, ...] = ()  # what about: its word tokens, entities as "ent_" tokens


@dataclass(frozen=True)
class Claim:
    """One factual sentence with what the comparison needs."""

    text: str
    tokens: tuple[str, ...] = ()
    values: tuple[Value, ...] = ()
    cues: tuple[Cue, ...] = ()
    attribution: str | None = None
    source_id: str = ""  # snapshot id for baseline claims
    subject: str | None = None  # the story entity the sentence is about, if it names one
    speaker: str | None = None  # the story entity that says so, if the attribution names one


@dataclass(frozen=True)
class BaselineFact:
    """A baseline claim with every snapshot that states it."""

    fact_id: str
    claim: Claim
    sources: tuple[tuple[str, str], ...]  # (snapshot id, text as it stands there)


@dataclass(frozen=True)
class Finding:
    """The judgement on one claim of a new article."""

    claim: Claim
    status: str  # new, corroborated, updated, contradicted
    score: float = 0.0
    baseline: tuple[BaselineFact, ...] = ()
    old: str | None = None
    new: str | None = None
    reason: str = ""
    change: str = ""  # the new state or value of a change: "authenticity=yes", "count=1000"

    @property
    def marks(self) -> tuple[str, ...]:
        """The words of the sentence that carry its change, for a reader to see them marked:
        the new value of an update, the status words of a contradiction."""
        if self.status == "updated" and self.new:
            return (self.new,)
        frame = self.change.split("=", 1)[0]
        return tuple(c.words for c in self.claim.cues if c.frame == frame) if self.status == "contradicted" else ()


@dataclass(frozen=True)
class PageVersion:
    """One distinct text of an article's page, with what a conditional re-check needs."""

    hash: str  # of the title and text without their boring parts (versions.fingerprint)
    title: str
    text: str
    etag: str | None = None
    modified: str | None = None
    body_hash: str = ""  # of the page's bytes: the same bytes again need no extraction
    entry_hash: str | None = None  # of its feed entry: a change there asks for a re-read


@dataclass(frozen=True)
class Revision:
    """One change between two versions of an article: a finding of kind `revised`."""

    kind: str  # title, changed, added, removed
    old: str | None  # the sentence (or title) before; None when added
    new: str | None  # after; None when removed
    was: str | None = None  # its status against the baseline before (None: not a claim then)
    now: str | None = None  # and after
    reason: str = ""  # the judgement's evidence for the status it has now (or had, when removed)
    baseline: tuple[BaselineFact, ...] = ()


@dataclass(frozen=True)
class ArticleResult:
    """One article compared with the baseline."""

    article: Article
    relevant: bool
    relevance: float
    findings: tuple[Finding, ...]
    keys: tuple[tuple[str, ...], ...] = ()  # repeat-lookup keys per finding, if worked out already


@dataclass
class RunReport:
    """What one pass did; the CLI prints it, the digest shows it."""

    run_id: int = 0
    feeds_polled: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    items_seen: int = 0
    items_new: int = 0
    items_offtopic: int = 0
    articles_read: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (url, message)
    rechecked: int = 0  # pages of earlier articles fetched again
    revised: int = 0  # of those, articles whose claims or title changed
    digest_path: str | None = None
    delivered: str | None = None

    @property
    def nothing_read(self) -> bool:
        """No feed answered: each one failed, or is polled less often after timeouts."""
        return self.feeds_polled == self.feeds_failed

    def summary(self) -> str:
        f = self.findings
        by_status = ", ".join(f"{f.get(k, 0)} {k}" for k in ("contradicted", "updated", "new", "corroborated",
                                                               "repeated", "revised"))
        return (f"feeds polled {self.feeds_polled} ({self.feeds_unchanged} unchanged, {self.feeds_failed} failed), "
                f"items new {self.items_new}, "
                f"articles read {self.articles_read}, off topic {self.items_offtopic}, "
                f"re-checked {self.rechecked} ({self.revised} revised); findings: {by_status}; "
                f"errors {len(self.errors)}")
