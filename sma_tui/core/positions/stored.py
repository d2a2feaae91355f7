"""Stored figures as claims: what :class:`~sma_tui.core.corpus.Corpus` hands to
:func:`~sma_tui.core.positions.disputes.disputes` and
:func:`~sma_tui.core.positions.disputes.positions_of`.

A stored figure carries its placement (``side``, ``period``, ``retrospective``,
``exchange_rate``, filled by the extractor or by the schema-4 migration), so turning it into
a :class:`Claim` reads fields only; nothing is re-placed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..models import Actor, Article, Figure
from .claims import Claim, claim_of
from .money import to_usd
from .placement import Placement


def claim_of_figure(f: Figure) -> Claim:
    """The claim a stored (placed) figure makes."""
    placement = Placement(f.side, f.period, "stored", f.exchange_rate, f.retrospective)
    return claim_of(f, placement)


def claims_of(figures: Iterable[Figure]) -> list[Claim]:
    return [claim_of_figure(f) for f in figures]


def comparable(f: Figure) -> bool:
    """Whether a figure can be in a dispute at all (a measure and a period, not an
    exchange-rate aside): the others are never compared, so never made claims of."""
    return f.measure is not None and f.period is not None and not f.exchange_rate


def position(f: Figure) -> bool:
    """Whether a figure is a point of a side's trajectory."""
    return f.side is not None and not f.retrospective and not f.exchange_rate


def source_labeller(articles: Mapping[str, Article], actors: Mapping[str, Actor]) -> Callable[[Claim], str]:
    """Names a claim's source as the dispute view says it: ``Breitbart, quoting Trump``,
    ``Yonhap`` (the publisher's own reporting), or the dossier citation's outlet."""

    seen: dict[tuple[str, str | None], str] = {}

    def label(c: Claim) -> str:
        if c.citation is not None:
            return c.citation.outlet
        key = (c.source, c.claimant)
        if key not in seen:
            article = articles.get(c.source)
            publisher = article.publisher if article else c.source
            actor = actors.get(c.claimant) if c.claimant else None
            seen[key] = publisher if actor is None else f"{publisher}, quoting {_short(actor)}"
        return seen[key]

    return label


def _short(actor: Actor) -> str:
    """The shortest alias that ends the actor's name (``Donald Trump`` → ``Trump``), else
    the name."""
    ends = [a for a in actor.aliases if a and actor.name.endswith(a)]
    return min(ends, key=len) if ends else actor.name


def usd_of(f: Figure) -> tuple[float | None, int | None]:
    """A money figure in US dollars at its period's annual average rate, and the rate's
    year (``None, None`` for a non-money figure or a year with no rate)."""
    if f.unit not in ("USD", "KRW"):
        return None, None
    found = to_usd(f.value, f.unit, f.period or (f.date[:4] if f.date else None))
    if found is None:
        return None, None
    return found.usd, found.rate_year if found.rate is not None else None
