"""The plain data of statements (see :mod:`.statements`) and how one is summarised.

A :class:`Statement` is immutable data: its id, the fullest report's text, the
explicit speaker, its reports (earliest first: article date, then quote id) and two
flags comparing the wordings: ``variants`` and ``substantive``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

from .wording import MatchKind, substance, trivial

NodeKey = tuple[str, str]  # (joined tokens, explicit speaker or "")


class QuoteLike(Protocol):
    """What the index reads from a quote (``sma_tui`` :class:`Quote` has it all);
    an optional ``attribution`` attribute (explicit|pronoun|context|unknown) is read
    when present: only ``explicit`` (or no attribute) makes the speaker explicit."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


def explicit_speaker(quote: QuoteLike) -> str | None:
    attribution = getattr(quote, "attribution", None)
    if quote.speaker and attribution in (None, "explicit"):
        return quote.speaker
    return None


@dataclass(slots=True)
class Report:  # not frozen: a restore makes 100k of them, and frozen __init__ is ~2x slower
    quote: str
    text: str
    date: str | None
    speaker: str | None  # the quote's own speaker, whatever its attribution
    explicit: str | None  # the speaker when explicitly attributed, else None
    node: NodeKey

    @property
    def order(self) -> tuple[str, str]:
        return (self.date or "9999-99-99", self.quote)


@dataclass(frozen=True, slots=True)
class Join:
    """An added quote, the statement it is in now and that statement's other reports."""

    quote: str
    statement: str
    peers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two statements that would be one but for their explicit speakers."""

    statement_a: str
    statement_b: str
    quote_a: str
    quote_b: str
    speaker_a: str
    speaker_b: str
    how: MatchKind


@dataclass(frozen=True, slots=True)
class Inheritance:
    """A weakly attributed report takes its statement's explicit speaker."""

    quote: str
    speaker: str
    evidence: str  # the explicit report the speaker comes from
    attribution: str = "context"


@dataclass(frozen=True, slots=True)
class AddResult:
    joins: tuple[Join, ...]
    replaced: dict[str, str]  # statement ids that no longer exist -> the id that took them over
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    id: str  # "st:" + the earliest report's quote id: stable across rebuilds
    text: str  # the fullest report's words
    text_quote: str  # the quote id of that fullest report
    speaker_id: str | None  # the explicit speaker of its reports, None when none has one
    reports: tuple[str, ...]  # quote ids, earliest first (article date, then id)
    variants: bool  # some report's wording is not a stretch of the text's (case and punctuation aside)
    substantive: bool  # some report differs from the text in a number or a negation
    conflicting_speakers: tuple[str, ...] = ()  # other explicit speakers credited with matching words


def statement_id(quote_id: str) -> str:
    """The id of a statement whose earliest report is ``quote_id``."""
    return "st:" + quote_id


def sid_quote(statement_id_: str) -> str:
    """The earliest report's quote id of a statement id."""
    return statement_id_.removeprefix("st:")


def _window(short: tuple[str, ...], long_: tuple[str, ...]) -> tuple[str, ...]:
    """The stretch of ``long_`` that ``short`` is aligned with."""
    blocks = [b for b in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return long_
    return long_[blocks[0].b : blocks[-1].b + blocks[-1].size]


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return f" {' '.join(part)} " in f" {' '.join(full)} "


def build_statement(
    reports: Sequence[Report], toks: Mapping[NodeKey, tuple[str, ...]], conflicts: tuple[str, ...]
) -> Statement:
    """Summarise ``reports`` (sorted earliest first) of one statement; ``toks`` gives
    each report node's matching tokens."""
    fullest = min(reports, key=lambda r: (-len(toks[r.node]), -len(r.text), r.order))
    speakers = [r.explicit for r in reports if r.explicit]
    full_words = trivial(fullest.text)
    full_toks = toks[fullest.node]
    variants = substantive = False
    seen: set[str] = set()
    for r in reports:
        if r.text in seen:
            continue
        seen.add(r.text)
        variants = variants or not _contains(full_words, trivial(r.text))
        if r.node != fullest.node:
            mine = toks[r.node]
            window = full_toks if len(mine) >= len(full_toks) else _window(mine, full_toks)
            substantive = substantive or substance(mine) != substance(window)
    return Statement(
        statement_id(reports[0].quote),
        fullest.text,
        fullest.quote,
        speakers[0] if speakers else None,
        tuple(r.quote for r in reports),
        variants,
        substantive,
        conflicts,
    )
