"""``sma-tui check``: prove that every claim in the store is traceable.

Checks every quote and figure span against its article body and every reference (speaker,
claimant, event, measure, article, negotiator, source); the shape of each record is
validated before, on load (:mod:`sma_tui.core.safety.schema`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .corpus import Corpus
from .models import (
    ACTOR_KINDS,
    EVENT_KINDS,
    QUOTE_KINDS,
    SIDES,
    UNITS,
    Figure,
    PublicSource,
    Quote,
    SourceRef,
)
from .text import is_iso_date


def _partial_date(value: str) -> bool:
    """2019-09-23, 2019-09 or 2019: how precisely a public source can be dated."""
    return is_iso_date(value) or is_iso_date(value + "-01") or is_iso_date(value + "-01-01")


def _url_ok(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and url.isprintable() and " " not in url


def public_source_problem(s: PublicSource) -> str | None:
    """Why a public citation cannot be followed or shown, or None when it is sound."""
    if not s.url:
        return "has no URL"
    if not _url_ok(s.url):
        return f"has a malformed URL {s.url!r}"
    if not (s.outlet.strip() and s.title.strip()):
        return "needs an outlet and a title"
    if not _partial_date(s.date):
        return f"has an invalid date {s.date!r}"
    if not all(x.isprintable() for x in (s.outlet, s.title, s.date)):
        return "contains control characters"
    return None


def source_problems(corpus: Corpus, what: str, sources: list[SourceRef]) -> list[str]:
    """``what`` is "event round-1" or "actor jeong-eun-bo"; one line per bad source."""
    problems: list[str] = []
    for s in sources:
        if isinstance(s, PublicSource):
            if (problem := public_source_problem(s)) is not None:
                problems.append(f"{what}: public source {s.title or s.outlet or s.url!r} {problem}")
        elif not (isinstance(s, str) and s in corpus.articles):
            problems.append(
                f"{what}: source {s!r} is not an article id; cite a public source as {{outlet, title, date, url}}"
            )
    return problems


def check_claim(corpus: Corpus, claim: Quote | Figure, what: str) -> list[str]:
    problems: list[str] = []
    article = corpus.articles.get(claim.article)
    if article is None:
        return [f"{what} {claim.id}: unknown article {claim.article!r}"]
    body = article.body
    if not (isinstance(claim.start, int) and isinstance(claim.end, int)):
        return [f"{what} {claim.id}: span is not a pair of integers"]
    if not 0 <= claim.start < claim.end <= len(body):
        problems.append(
            f"{what} {claim.id}: span {claim.start}-{claim.end} outside article {article.id} (length {len(body)})"
        )
    elif body[claim.start : claim.end] != claim.text:
        found = body[claim.start : claim.end]
        problems.append(
            f"{what} {claim.id}: span {claim.start}-{claim.end} of {article.id} reads "
            f"{_clip(found)!r}, not {_clip(claim.text)!r}"
        )
    if claim.date is not None and not is_iso_date(claim.date):
        problems.append(f"{what} {claim.id}: invalid date {claim.date!r}")
    if claim.event is not None and claim.event not in corpus.events:
        problems.append(f"{what} {claim.id}: unknown event {claim.event!r}")
    return problems


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def check_corpus(corpus: Corpus) -> list[str]:
    """Every problem found, one line each; empty when the corpus is sound."""
    problems: list[str] = []
    for a in corpus.articles.values():
        if not a.body:
            problems.append(f"article {a.id}: empty body")
        if a.date is not None and not is_iso_date(a.date):
            problems.append(f"article {a.id}: invalid date {a.date!r}")
        if a.event is not None and a.event not in corpus.events:
            problems.append(f"article {a.id}: unknown event {a.event!r}")
    for e in corpus.events.values():
        if e.kind not in EVENT_KINDS:
            problems.append(f"event {e.id}: kind {e.kind!r} is not one of {', '.join(EVENT_KINDS)}")
        if not (is_iso_date(e.start) and is_iso_date(e.end)) or e.start > e.end:
            problems.append(f"event {e.id}: invalid dates {e.start!r}..{e.end!r}")
        if e.kind == "round" and not isinstance(e.number, int):
            problems.append(f"event {e.id}: a round needs a number")
        for n in e.negotiators:
            if n not in corpus.actors:
                problems.append(f"event {e.id}: unknown negotiator {n!r}")
        for n in e.participants:
            if n not in corpus.actors:
                problems.append(f"event {e.id}: unknown participant {n!r}")
        if not e.sources:
            problems.append(f"event {e.id}: no source")
        problems += source_problems(corpus, f"event {e.id}", e.sources)
    for actor in corpus.actors.values():
        if actor.side not in SIDES:
            problems.append(f"actor {actor.id}: side {actor.side!r} is not one of {', '.join(SIDES)}")
        if actor.kind not in ACTOR_KINDS:
            problems.append(f"actor {actor.id}: kind {actor.kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        problems += source_problems(corpus, f"actor {actor.id}", actor.sources)
    for q in corpus.quotes.values():
        problems += check_claim(corpus, q, "quote")
        if q.kind not in QUOTE_KINDS:
            problems.append(f"quote {q.id}: kind {q.kind!r} is not one of {', '.join(QUOTE_KINDS)}")
        if q.speaker is not None and q.speaker not in corpus.actors:
            problems.append(f"quote {q.id}: unknown speaker {q.speaker!r}")
    for f in corpus.figures.values():
        problems += check_claim(corpus, f, "figure")
        if f.unit not in UNITS:
            problems.append(f"figure {f.id}: unit {f.unit!r} is not one of {', '.join(UNITS)}")
        if not isinstance(f.value, (int, float)) or isinstance(f.value, bool):
            problems.append(f"figure {f.id}: value {f.value!r} is not a number")
        if f.claimant is not None and f.claimant not in corpus.actors:
            problems.append(f"figure {f.id}: unknown claimant {f.claimant!r}")
        if f.measure is not None and f.measure not in corpus.measures:
            problems.append(f"figure {f.id}: unknown measure {f.measure!r}")
    return problems
