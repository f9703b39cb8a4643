"""Pure comparison: claims x baseline -> Findings.

Similarity (IDF-weighted token overlap after stemming and synonym folding) only finds the
baseline claims a sentence talks about. Whether it agrees is decided afterwards by
explicit evidence: opposite status cues (contradicted), a different value for the same
quantity (updated), or neither (corroborated), and a claim that matches nothing, or
adds a value the matched fact lacks, is new."""

from __future__ import annotations

import math
from collections import defaultdict

from .claims import analyse, extract_claims, tokens
from .models import Article, ArticleResult, BaselineFact, Claim, Finding, Value
from .text import mentions
from .values import comparable, salient, same

MATCH = 0.24  # a baseline claim this similar is talking about the same thing
FRAME_MATCH = 0.10  # a shared status frame (confirm/deny, release, access) is evidence in itself
VALUE_MATCH = 0.15  # a comparable quantity (same kind, noun and scale) is too
CUE_AGREE = 0.12  # a baseline claim with the same status this similar already says it
UNIQUE_VALUE_MATCH = 0.08  # a quantity the baseline states one way only identifies the facts that state it
MERGE = 0.50  # baseline claims from different snapshots this similar are one fact
CONFLICTS = {
    "authenticity": {("unknown", "yes"), ("unknown", "no"), ("yes", "no"), ("no", "yes")},
    "release": {("no", "yes"), ("yes", "no")},
    "access": {("on", "off"), ("off", "on"), ("paused", "on"), ("on", "paused")},
}


class Baseline:
    """The baseline facts with an IDF table and an inverted index over their claims."""

    def __init__(self, snapshots: list[dict], topic: dict):
        anchors = topic.get("anchors") or ()
        self.anchors = tuple(anchors)
        self.anchor_tokens = frozenset(t for a in anchors for t in tokens(a))
        claims = [analyse(text, snap["id"]) for snap in snapshots for text in snap["claims"]]
        self.snapshots = {snap["id"]: snap for snap in snapshots}
        df: dict[str, int] = defaultdict(int)
        for c in claims:
            for t in set(c.tokens):
                df[t] += 1
        n = len(claims) or 1
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        self.unknown_idf = math.log((n + 1) / 0.5)
        self.facts = self._merge(claims)
        self.index: dict[str, list[int]] = defaultdict(list)
        self.by_feature: dict[str, list[int]] = defaultdict(list)  # "frame:release", "kind:count"
        self._members: list[tuple[int, Claim, dict[str, float], float]] = []
        for fi, fact in enumerate(self.facts):
            for member in self._groups[fact.fact_id]:
                w = self.weights(member.tokens)
                idx = len(self._members)
                self._members.append((fi, member, w, _norm(w)))
                for t in w:
                    self.index[t].append(idx)
                for f in {f"frame:{c.frame}" for c in member.cues} | {f"kind:{v.kind}" for v in member.values}:
                    self.by_feature[f].append(idx)

    def names_anchor(self, claim: Claim) -> bool:
        return any(mentions(claim.text, a) for a in self.anchors)

    def weights(self, toks) -> dict[str, float]:
        return {t: self.idf.get(t, self.unknown_idf) for t in set(toks)}

    def _merge(self, claims: list[Claim]) -> list[BaselineFact]:
        groups: list[list[Claim]] = []
        for c in claims:
            for g in groups:
                if g[0].source_id != c.source_id and self.similarity(g[0], c) >= MERGE and not value_conflict(c, g[0]):
                    g.append(c)
                    break
            else:
                groups.append([c])
        self._groups = {f"F{i:03d}": g for i, g in enumerate(groups)}
        return [BaselineFact(fact_id=fid, claim=g[0], sources=tuple((c.source_id, c.text) for c in g))
                for fid, g in self._groups.items()]

    def similarity(self, a: Claim, b: Claim) -> float:
        """IDF-weighted cosine of two claims' words."""
        wa, wb = self.weights(a.tokens), self.weights(b.tokens)
        return _cosine(wa, wb, _norm(wa), _norm(wb))

    def candidates(self, claim: Claim, limit: int = 5) -> list[tuple[float, BaselineFact, Claim]]:
        """Best-matching facts (best member claim each), most similar first."""
        w = self.weights(claim.tokens)
        nw = _norm(w)
        if not nw:
            return []
        best: dict[int, tuple[float, Claim]] = {}
        seen: set[int] = set()
        for t in w:
            for idx in self.index.get(t, ()):
                if idx in seen:
                    continue
                seen.add(idx)
                fi, member, mw, mn = self._members[idx]
                s = _cosine(w, mw, nw, mn)
                if s > best.get(fi, (0.0, None))[0]:
                    best[fi] = (s, member)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:limit]
        return [(s, self.facts[fi], member) for fi, (s, member) in ranked]

    def with_feature(self, claim: Claim, feature: str, floor: float) -> list[tuple[float, BaselineFact, Claim]]:
        """Every baseline claim carrying a frame or value kind, scored against claim, best first."""
        w = self.weights(claim.tokens)
        nw = _norm(w)
        out = []
        for idx in self.by_feature.get(feature, ()):
            fi, member, mw, mn = self._members[idx]
            s = _cosine(w, mw, nw, mn)
            if s >= floor:
                out.append((s, self.facts[fi], member))
        return sorted(out, key=lambda x: -x[0])


def _norm(w: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in w.values()))


def _cosine(a: dict[str, float], b: dict[str, float], na: float, nb: float) -> float:
    if not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(v * v for t, v in a.items() if t in b) / (na * nb)


def value_conflict(new: Claim, old: Claim):
    """(old value, new value) for the first quantity both state differently, else None.
    A quantity stated the same way anywhere in the pair settles that kind as agreeing."""
    for v in new.values:
        olds = [o for o in old.values if comparable(v, o)]
        if olds and not any(same(v, o) for o in olds):
            return olds[0], v
    return None


def _frame_conflict(new: Claim, old: Claim):
    for nc in new.cues:
        for oc in old.cues:
            if nc.frame == oc.frame and (oc.state, nc.state) in CONFLICTS[nc.frame]:
                return oc, nc
    return None


def _novelty(new: Claim, old: Claim, baseline: Baseline) -> str | None:
    """What the new claim adds that the matched one lacks: a quantity, or a status that no
    similar baseline claim states."""
    for v in new.values:
        if salient(v) and not any(o.kind == v.kind for o in old.values):
            return f"adds {v.kind} '{v.text}' the baseline does not give"
    for c in new.cues:
        said = [m for s, _, m in baseline.with_feature(new, f"frame:{c.frame}", 0.0)
                if s >= CUE_AGREE or baseline.names_anchor(m)]
        if not any(o.frame == c.frame and o.state == c.state for m in said for o in m.cues):
            return f"adds status '{c.words}' the baseline does not state"
    return None


def judge(claim: Claim, baseline: Baseline) -> Finding:
    about_subject = baseline.names_anchor(claim)
    for cue in claim.cues:
        for s, fact, member in baseline.with_feature(claim, f"frame:{cue.frame}", 0.0):
            if s < FRAME_MATCH and not (about_subject and baseline.names_anchor(member)):
                continue  # a status about something else (another product, another leak)
            conflict = _frame_conflict(claim, member)
            if conflict:
                old, new = conflict
                return Finding(claim, "contradicted", s, (fact,), old=member.text, new=claim.text,
                               reason=f"{old.frame}: baseline '{old.words}' vs now '{new.words}'",
                               change=f"{new.frame}={new.state}")
    agreeing: list[tuple[float, BaselineFact, Value]] = []
    for v in claim.values:
        scored = baseline.with_feature(claim, f"kind:{v.kind}", UNIQUE_VALUE_MATCH)
        held = [o for _, _, m in scored for o in m.values if comparable(v, o)]
        if not held or not all(same(held[0], o) for o in held):  # the baseline gives this quantity more than once
            scored = [x for x in scored if x[0] >= VALUE_MATCH]
        for s, fact, member in scored:
            olds = [o for o in member.values if comparable(v, o)]
            match = next((o for o in olds if same(v, o)), None)
            if match:
                agreeing.append((s, fact, v))
                break
            if olds:
                return Finding(claim, "updated", s, (fact,), old=olds[0].text, new=v.text,
                               reason=f"{v.kind} changed: '{olds[0].text}' -> '{v.text}'",
                               change=f"{v.kind}={v.amount:g}" + (f"/{v.noun}" if v.kind == "money" else ""))
    cands = baseline.candidates(claim)
    if agreeing and not (cands and cands[0][0] >= MATCH and _novelty(claim, cands[0][2], baseline)):
        facts = tuple(dict.fromkeys(f for _, f, _ in agreeing))
        return Finding(claim, "corroborated", max(s for s, _, _ in agreeing), facts,
                       reason="same " + ", ".join(f"'{v.text}'" for _, _, v in agreeing))
    if cands and cands[0][0] >= MATCH:
        s, fact, member = cands[0]
        novel = _novelty(claim, member, baseline)
        if novel:
            return Finding(claim, "new", s, (fact,), reason=novel)
        return Finding(claim, "corroborated", s, tuple(f for sc, f, _ in cands if sc >= MATCH),
                       reason=f"matches baseline (similarity {s:.2f})")
    best = cands[0][0] if cands else 0.0
    return Finding(claim, "new", best, (), reason=f"no baseline claim matches (best similarity {best:.2f})")


def relevance(article: Article, topic: dict, findings: tuple[Finding, ...]) -> float:
    """0..1. An anchor term must appear. Then the larger of: the share of context terms
    named (three or more = 1), and twice the share of claims tied to a baseline fact (an
    article that confirms, updates or repeats the baseline is about the story even when
    it never uses the story's other words)."""
    text = f"{article.title}\n{article.text}"
    anchors, context = topic.get("anchors") or [], topic.get("context") or []
    if anchors and not any(mentions(text, a) for a in anchors):
        return 0.0
    if not context:
        return 1.0
    terms = min(1.0, sum(1 for t in context if mentions(text, t)) / 3)
    tied = sum(1 for f in findings if f.status != "new") / len(findings) if findings else 0.0
    return max(terms, min(1.0, 2 * tied))


def compare_article(article: Article, baseline: Baseline, topic: dict) -> ArticleResult:
    anchors = topic.get("anchors") or []
    text = f"{article.title}\n{article.text}"
    if anchors and not any(mentions(text, a) for a in anchors):
        return ArticleResult(article, False, 0.0, ())
    claims = extract_claims(article.text, list(anchors) + list(topic.get("context") or []))
    findings = tuple(judge(c, baseline) for c in claims)
    score = relevance(article, topic, findings)
    if score < float(topic.get("min_score") or 0.0) or score == 0:
        return ArticleResult(article, False, score, ())
    return ArticleResult(article, True, score, findings)
