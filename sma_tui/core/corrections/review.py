"""The review queue: the claims and actors a person should look at, most doubtful first.

Reads fields that other parts of the project are adding (a quote's ``attribution``, a
figure's ``side`` and ``period``, the ``unknown`` side) only when the model has them: a
field this version does not hold is not reported missing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..corpus import Corpus
from ..models import Actor, Figure, Quote
from ..positions.placement import MEASURE_RULES
from ..statements.data import Disagreement, explicit_speaker

ATTRIBUTION_DOUBT: dict[str, tuple[float, str]] = {
    "unknown": (0.9, "the extractor could not tell who said it"),
    "context": (0.7, "the speaker was inferred from the surrounding text"),
    "pronoun": (0.6, "the speaker was resolved from a pronoun"),
}


DISAGREEMENT_DOUBT = 0.9
"""Reports that credit one statement to different speakers: at least one of them is wrong
(as doubtful as a quote whose speaker the extractor could not tell)."""
MAX_OUTLETS = 3
"""Outlets named for one speaker in a disagreement's reason; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Credit:
    """A speaker that explicit reports credit a statement's words to, and those reports:
    (quote id, article id), earliest first."""

    speaker: str
    statement: str
    reports: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        reports = [{"quote": q, "article": a} for q, a in self.reports]
        return {"speaker": self.speaker, "statement": self.statement, "reports": reports}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    kind: str  # quote | figure | actor | statement
    id: str  # a statement's item: the id of its first explicit report (the quote a fix corrects)
    reason: str  # plain text: why it is listed
    score: float  # 0..1, higher is more doubtful
    credits: tuple[Credit, ...] = ()  # a statement's: its own speaker first, then the others

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id, "reason": self.reason, "score": self.score}
        if self.credits:
            out["credits"] = [c.to_dict() for c in self.credits]
        return out


def _get(record: Any, name: str, default: Any) -> Any:
    """``record.name`` if its model has that field, else ``default``."""
    return getattr(record, name) if any(f.name == name for f in fields(record)) else default


def review_queue(
    corpus: Corpus, exclude: Collection[str] = (), statements: Iterable[ReviewItem] = ()
) -> list[ReviewItem]:
    """Every doubtful quote, figure and actor, and the ``statements`` items (see
    :func:`statement_items`), most doubtful first (then kind, then id). ``exclude``: ids
    already corrected (e.g. ``Applied.marks``), left out."""
    items: list[ReviewItem] = list(statements)
    added = {a.id for a in corpus.articles.values() if a.added}
    for quote in corpus.quote_list():
        items += _quote_items(corpus, quote)
    for figure in corpus.figure_list():
        items += _figure_items(figure)
    for actor in sorted(corpus.actors.values(), key=lambda a: a.id):
        items += _actor_items(actor, added)
    merged = _merge(i for i in items if i.id not in exclude)
    return sorted(merged, key=lambda i: (-i.score, i.kind, i.id))


def _quote_items(corpus: Corpus, quote: Quote) -> list[ReviewItem]:
    if quote.speaker is None:
        return [ReviewItem("quote", quote.id, "no speaker: the quote is unattributed", 1.0)]
    if quote.speaker not in corpus.actors:
        return [ReviewItem("quote", quote.id, f"the speaker {quote.speaker!r} is not a known actor", 1.0)]
    doubt = ATTRIBUTION_DOUBT.get(str(_get(quote, "attribution", "explicit")))
    return [ReviewItem("quote", quote.id, doubt[1], doubt[0])] if doubt else []


def _figure_items(figure: Figure) -> list[ReviewItem]:
    """A figure is doubtful without a measure, or when its measure takes a period (a
    position, the agreed outcome, a fact such as the 2019 payment) or a side (a position) and
    it has none. A count or a fact has no side by design (issue 12's placement)."""
    rule = MEASURE_RULES.get(figure.measure) if figure.measure else None
    needs = {"measure"}
    if rule is None or rule.kind in ("position", "agreed", "fact"):
        needs.add("period")
    if rule is not None and rule.kind in ("position", "agreed"):
        needs.add("side")
    missing = [name for name in ("measure", "side", "period") if name in needs and _get(figure, name, "") is None]
    if not missing:
        return []
    score = round(0.4 + 0.1 * len(missing), 2)
    return [ReviewItem("figure", figure.id, f"no {', '.join(missing)}", score)]


def _actor_items(actor: Actor, added: set[str]) -> list[ReviewItem]:
    out = []
    if actor.side == "unknown":
        out.append(ReviewItem("actor", actor.id, "side unknown", 0.8))
    elif actor.side_guessed:
        out.append(ReviewItem("actor", actor.id, f"side {actor.side} was guessed from the text", 0.6))
    if actor.sources and set(actor.sources) <= added:
        out.append(ReviewItem("actor", actor.id, "new actor, created by adding articles", 0.4))
    return out


def statement_items(
    corpus: Corpus, disagreements: Iterable[Disagreement], reports: Mapping[str, Sequence[Quote]]
) -> list[ReviewItem]:
    """One item per statement whose explicit reports name a speaker that explicit reports
    of the same words elsewhere contradict (``disagreements``, with ``reports``: each
    statement's reports, earliest first). Its id is the statement's first explicit report,
    the one a fix corrects; its credits name this statement's speaker first."""
    rivals: dict[str, dict[str, None]] = {}  # statement -> the others, in order
    for d in disagreements:
        rivals.setdefault(d.statement_a, {})[d.statement_b] = None
        rivals.setdefault(d.statement_b, {})[d.statement_a] = None
    items = []
    for sid, others in rivals.items():
        credits = [c for c in (_credit(x, reports) for x in (sid, *others)) if c is not None]
        if len(credits) < 2 or credits[0].statement != sid:
            continue
        said = " vs ".join(f"{corpus.speaker_name(c.speaker)} ({_outlets(corpus, c)})" for c in credits)
        reason = f"speakers differ: {said}"
        items.append(ReviewItem("statement", credits[0].reports[0][0], reason, DISAGREEMENT_DOUBT, tuple(credits)))
    return items


def _credit(statement: str, reports: Mapping[str, Sequence[Quote]]) -> Credit | None:
    named = [q for q in reports.get(statement, ()) if explicit_speaker(q)]
    if not named:
        return None
    return Credit(str(explicit_speaker(named[0])), statement, tuple((q.id, q.article) for q in named))


def _outlets(corpus: Corpus, credit: Credit) -> str:
    """The outlets of a credit's reports, in order, each once: at most :data:`MAX_OUTLETS`."""
    names: dict[str, None] = {}
    for _, aid in credit.reports:
        article = corpus.articles.get(aid)
        names[article.publisher if article else aid] = None
    listed = list(names)[:MAX_OUTLETS]
    more = len(names) - len(listed)
    return ", ".join(listed) + (f", +{more} more" if more else "")


def _merge(items: Iterable[ReviewItem]) -> list[ReviewItem]:
    """One row per record: its reasons joined, its highest score."""
    rows: dict[tuple[str, str], ReviewItem] = {}
    for item in items:
        key = (item.kind, item.id)
        prev = rows.get(key)
        if prev is None:
            rows[key] = item
        else:
            rows[key] = ReviewItem(item.kind, item.id, f"{prev.reason}; {item.reason}", max(prev.score, item.score))
    return list(rows.values())
