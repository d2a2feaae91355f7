"""Small text helpers shared by the screens: dates, labels, sentences. No Textual here."""

from __future__ import annotations

from ..core.corpus import Corpus, FigureGroup
from ..core.models import Article, Event, Figure, Quote
from ..core.overview import SourceRow, sources_of
from ..core.text import format_value, squash

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parts(iso: str) -> tuple[int, int, int] | None:
    try:
        year, month, day = (int(p) for p in iso[:10].split("-"))
    except ValueError:
        return None
    if not 1 <= month <= 12:
        return None
    return year, month, day


def human_date(iso: str | None) -> str:
    """``2019-11-19`` → ``19 Nov 2019`` (undated → ``undated``; odd input passes through)."""
    if not iso:
        return "undated"
    parts = _parts(iso)
    if parts is None:
        return iso
    year, month, day = parts
    return f"{day} {MONTHS[month - 1]} {year}"


def date_range(start: str, end: str) -> str:
    """``18–19 Nov 2019``, ``31 Mar–1 Apr 2020``, ``30 Dec 2019–2 Jan 2020``."""
    a, b = _parts(start), _parts(end)
    if a is None or b is None or a == b:
        return human_date(start)
    if a[0] != b[0]:
        return f"{human_date(start)}–{human_date(end)}"
    if a[1] != b[1]:
        return f"{a[2]} {MONTHS[a[1] - 1]}–{b[2]} {MONTHS[b[1] - 1]} {b[0]}"
    return f"{a[2]}–{b[2]} {MONTHS[b[1] - 1]} {b[0]}"


def event_label(event: Event) -> str:
    """What the breadcrumb and palette call an event: ``Round 3`` or its title."""
    if event.kind == "round" and event.number is not None:
        return f"Round {event.number}"
    return event.title


def event_command(event: Event) -> str:
    """``round: 3 — Seoul, 18–19 Nov 2019`` / ``event: 10th SMA expires — 31 Dec 2019``."""
    when = date_range(event.start, event.end)
    if event.kind == "round" and event.number is not None:
        where = f"{event.place}, " if event.place else ""
        return f"round: {event.number} — {where}{when}"
    return f"event: {event.title} — {when}"


def article_label(article: Article) -> str:
    return f"{article.publisher}, {human_date(article.date)}"


def claim_date(corpus: Corpus, claim: Quote | Figure) -> str | None:
    article = corpus.articles.get(claim.article)
    return claim.date or (article.date if article else None)


def source_of(corpus: Corpus, claim: Quote | Figure) -> str:
    """``Yonhap News Agency, 7 Apr 2020``: the publisher and date of the claim's article."""
    article = corpus.articles.get(claim.article)
    if article is None:
        return claim.article
    return article_label(article)


def value_sources(corpus: Corpus, figures: list[Figure], max_publishers: int | None = None) -> str:
    """Distinct sources of one value: ``Yonhap News Agency (7 Apr 2020, 28 Apr 2020)``,
    ``Breitbart News (19 Nov 2019, ×2)``: publishers in order, each with its dates."""
    return sources_text(*sources_of(corpus, figures, max_publishers))


def sources_text(sources: list[SourceRow], more_publishers: int = 0) -> str:
    """:func:`value_sources` from rows already summarised (as an :class:`Overview` keeps them)."""
    parts = []
    for s in sources:
        if s.span is None:
            dates = ", ".join(f"{human_date(d)}, ×{n}" if n > 1 else human_date(d) for d, n in s.dates)
        else:  # many dates: "×812 on 276 dates, 1 Sep 2019 – 10 Mar 2021"
            dates = f"×{s.n_figures} on {s.n_dates} dates, {human_date(s.span[0])} – {human_date(s.span[1])}"
        parts.append(f"{s.publisher} ({dates})")
    if more_publishers:
        parts.append(f"+{more_publishers} more publisher{'s' if more_publishers > 1 else ''}")
    return "; ".join(parts)


def group_values(group: FigureGroup) -> str:
    """``$870 million vs $990 million`` for a conflict, else the one value."""
    return " vs ".join(format_value(v.value, v.unit) for v in group.values)


def claimant_name(corpus: Corpus, figure: Figure) -> str:
    return corpus.speaker_name(figure.claimant) if figure.claimant else "(reported)"


def sentence_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) of ``body`` that holds ``body[start:end]``."""
    starts = [body.rfind("\n", 0, start) + 1]
    starts += [i + 2 for i in (body.rfind(p, 0, start) for p in (". ", "? ", "! ")) if i != -1]
    s = max(starts)
    ends = [i + 1 for i in (body.find(p, end) for p in (". ", "? ", "! ")) if i != -1]
    newline = body.find("\n", end)
    ends.append(newline if newline != -1 else len(body))
    return min(s, start), max(min(ends), end)


one_line = squash
"""A text on one line: every run of whitespace (newlines too) as one space."""


def also_reported(corpus: Corpus, quote: Quote) -> str:
    """``also reported by Eastern Ledger (21 Mar 2020), +2 more`` or ``""``."""
    others = [q for q in corpus.statement_reports(quote) if q is not quote]
    if not others:
        return ""
    names = [source_of(corpus, q) for q in others[:2]]
    more = f", +{len(others) - 2} more" if len(others) > 2 else ""
    return "also reported by " + "; ".join(names) + more
