"""Messages that cross widget boundaries.

Widgets never push screens themselves: they post one of the ``Open*`` messages, which
bubble up to :class:`~sma_tui.tui.app.SmaApp`, and the app pushes the drill-down screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from ..core.corpus import Corpus
from ..core.overview import Overview
from ..core.search import QuoteMatcher


@dataclass
class CorpusLoaded(Message):
    """The load worker read the store (posted from the worker thread)."""

    corpus: Corpus
    matcher: QuoteMatcher
    stamp: object
    """The store file's :func:`~sma_tui.services.stamp` taken just before it was read."""
    overview: Overview


@dataclass
class CorpusFailed(Message):
    """The store could not be read; ``error`` is one sentence for the user."""

    path: Path
    error: str
    stamp: object = None


@dataclass
class OpenEvent(Message):
    event_id: str


@dataclass
class OpenActor(Message):
    actor_id: str


@dataclass
class OpenArticle(Message):
    """Open the reader; ``claim_id`` (a quote or figure id) is scrolled to and highlighted."""

    article_id: str
    claim_id: str | None = None


@dataclass
class OpenFigureGroup(Message):
    measure_id: str


@dataclass
class OpenGapChart(Message):
    """Open the gap chart screen (positions over time, issue 12)."""
