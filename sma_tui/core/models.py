"""Plain dataclasses for everything the store holds.

This module is the vocabulary shared by the store, the ingestion pipeline, the CLI and
the TUI. It imports nothing from Textual, Rich or TinyDB.

Every claim (a :class:`Quote` or a :class:`Figure`) carries the id of its article and the
exact character span of its text in the article body: ``body[start:end] == text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal, TypeVar

from .safety.sanitize import clean
from .text import fingerprint as fingerprint  # articles are keyed by it
from .text import squash

SCHEMA_VERSION = 4
"""1: first release. 2: articles carry ``fingerprint`` (dedupe key of the normalised body).
3: article bodies are stored in body files beside the JSON (``body_sha``).
4: figures carry ``side``, ``period``, ``retrospective`` and ``exchange_rate`` (issue 12)."""

Side = Literal["US", "ROK", "other", "unknown"]
SIDES: tuple[str, ...] = ("US", "ROK", "other", "unknown")
ATTRIBUTIONS: tuple[str, ...] = ("explicit", "pronoun", "context", "unknown")
"""How a quote's speaker is known: a reporting clause names them, a pronoun refers to them,
the paragraph or article implies them, or not at all."""
EVENT_KINDS: tuple[str, ...] = ("round", "meeting", "milestone", "event")
"""round: a formal, numbered negotiating round; meeting: talks outside the formal rounds (by
video, or the 2021 meetings, numbered in the ministry's count when it numbers them);
milestone: an initialling, signing, ratification or entry into force; event: anything else
(statements, op-eds, an expiry, furloughs)."""
QUOTE_KINDS: tuple[str, ...] = ("full", "partial", "block")
ACTOR_KINDS: tuple[str, ...] = ("person", "institution", "anonymous", "country", "group")
UNITS: tuple[str, ...] = ("USD", "KRW", "percent", "multiple", "troops", "people")

T = TypeVar("T", bound="Record")


@dataclass(slots=True, frozen=True)
class PublicSource:
    """A public source outside the corpus (a news story, a press release): where a dossier
    fact that no bundled article states comes from. ``check`` wants an http(s) URL."""

    outlet: str = ""
    title: str = ""
    date: str = ""  # ISO: 2019-09-23, or 2019-09 when the day is not known
    url: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PublicSource:
        """Lenient: a missing or non-text field is left empty for ``check`` to report."""
        return cls(*(v if isinstance(v := data.get(k), str) else "" for k in ("outlet", "title", "date", "url")))

    def to_dict(self) -> dict[str, str]:
        return {"outlet": self.outlet, "title": self.title, "date": self.date, "url": self.url}

    def label(self) -> str:
        """``Yonhap News Agency, “Title”, 2019-09-23`` on one line, without control characters."""
        parts = [self.outlet, f"“{self.title}”" if self.title else "", self.date]
        return squash(clean(", ".join(p for p in parts if p)))


SourceRef = str | PublicSource
"""Where a dossier fact comes from: a bundled article's id, or a :class:`PublicSource`."""


def source_refs(values: list[Any]) -> list[SourceRef]:
    """Sources as read from JSON: a citation object becomes a :class:`PublicSource`."""
    return [PublicSource.from_dict(v) if isinstance(v, dict) else v for v in values]


class Record:
    """Mixin: round-trip a dataclass through a JSON-ready dict."""

    TABLE: ClassVar[str] = ""
    id: str  # every record has one (declared by each dataclass)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Build from a dict, ignoring unknown keys (forward compatible)."""
        try:
            return cls(**data)  # the common case, and the fast one (160k records at 10k articles)
        except TypeError:
            names = _field_names(cls)
            return cls(**{k: v for k, v in data.items() if k in names})


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


@dataclass(slots=True)
class Article(Record):
    TABLE: ClassVar[str] = "articles"

    id: str
    title: str
    publisher: str
    body: str
    date: str | None = None  # ISO date of publication, None when undated
    date_inferred: bool = False  # True when the date is implied by the text, not printed
    date_note: str | None = None
    agency: str | None = None  # original wire agency (Sputnik, Yonhap, ...)
    byline: str | None = None
    dateline: str | None = None
    source: str | None = None  # where it came from: seed file name or the path added
    event: str | None = None  # timeline event the article belongs to
    added: str | None = None  # ISO timestamp when it entered the store
    fingerprint: str | None = None  # see :func:`fingerprint`
    body_sha: str | None = None  # SHA-256 of the body: the name of its body file in the store
    url: str | None = None  # the page's canonical URL (added by URL, or a saved page that names it)
    retrieved: str | None = None  # ISO timestamp when it was fetched from ``url``

    def __post_init__(self) -> None:
        if self.fingerprint is None:
            self.fingerprint = fingerprint(self.body)
        if self.body_sha is None:
            self.body_sha = hashlib.sha256(self.body.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Event(Record):
    TABLE: ClassVar[str] = "events"

    id: str
    kind: str  # one of EVENT_KINDS
    title: str
    start: str
    end: str
    place: str = ""
    summary: str = ""
    number: int | None = None  # round number (rounds), or the official meeting number
    negotiators: list[str] = field(default_factory=list)  # actor ids: who negotiated
    sources: list[SourceRef] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)  # actor ids: others involved (signatories, ministers)

    def __post_init__(self) -> None:
        self.sources = source_refs(self.sources)

    def covers(self, day: str) -> bool:
        return self.start <= day <= self.end


@dataclass(slots=True)
class Actor(Record):
    TABLE: ClassVar[str] = "actors"

    id: str
    name: str
    side: str  # "US" | "ROK" | "other" | "unknown" (no evidence in the text)
    kind: str = "person"  # person | institution | anonymous | country | group
    role: str = ""
    organisation: str = ""
    aliases: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    side_guessed: bool = False  # True when ingestion set the side (from evidence in the text, or "unknown")

    def __post_init__(self) -> None:
        self.sources = source_refs(self.sources)


@dataclass(slots=True)
class Quote(Record):
    TABLE: ClassVar[str] = "quotes"

    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None  # actor id; None = unattributed (the store leaves empty fields out)
    kind: str = "full"  # full | partial | block
    date: str | None = None
    event: str | None = None
    note: str | None = None
    attribution: str | None = None  # explicit | pronoun | context | unknown (see ATTRIBUTIONS)
    statement: str | None = None  # "st:" + the earliest report's quote id (see core.statements)
    attribution_source: str | None = None  # the quote whose explicit speaker this one inherited


@dataclass(slots=True)
class Figure(Record):
    TABLE: ClassVar[str] = "figures"

    id: str
    article: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    measure: str | None = None
    qualifier: str | None = None
    claimant: str | None = None  # actor id; None = the publisher's own reporting
    date: str | None = None
    event: str | None = None
    note: str | None = None
    side: str | None = None  # whose position: "US", "ROK", "agreed"; None = not a position
    period: str | None = None  # the year or span the value is about: "2019", "2021-2025"
    retrospective: bool = False  # restates an earlier position ("backed down from its $5 billion")
    exchange_rate: bool = False  # an aside such as "($1 = 1,180 won)", not a figure of the talks


@dataclass(slots=True)
class Measure(Record):
    """What a figure measures, e.g. Seoul's 2019 payment."""

    TABLE: ClassVar[str] = "measures"

    id: str
    label: str
    money: bool = False  # an amount of money (compared in dollars; see core.positions)
    series: str | None = None  # chart series: "US demand" | "Seoul payment" | "Seoul offer"


RECORD_TYPES: tuple[type[Record], ...] = (Article, Event, Actor, Quote, Figure, Measure)
TABLES: tuple[str, ...] = tuple(t.TABLE for t in RECORD_TYPES)
