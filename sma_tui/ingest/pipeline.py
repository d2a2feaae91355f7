"""One entry point: article text in, an :class:`Extraction` out (article, quotes, figures,
new actors), every span valid. Deterministic, no I/O; a ``deadline`` bounds its time."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Actor, Article, Figure, Quote
from .attribution import Claimed
from .claims import Deadline, QuoteFinder
from .dates import parse_iso
from .events import EventLinker
from .figure_claims import FigureFinder, FoundFigure
from .gazetteer import NewActor, Ref, index_for
from .metadata import Metadata, read_metadata
from .names import norm
from .quotes import QuoteSpan
from .resolver import Resolver
from .text import Paragraph, paragraphs

_PUB_STOP = frozenset("the news agency inc ltd online daily media group com".split())
_PUB_SHORT = {"associated press": "ap", "agence france-presse": "afp", "united press international": "upi"}
_META_KEYS = ("title", "publisher", "date", "agency", "byline", "dateline")


@dataclass
class Extraction:
    article: Article
    quotes: list[Quote]
    figures: list[Figure]
    actors: list[Actor]  # new actors the claims refer to
    warnings: list[str] = field(default_factory=list)
    lede_date: str | None = None

    def renamed(self, new_id: str) -> Extraction:
        """The same extraction filed under another article id (when another ``sma-tui add``
        took this one while we were extracting): the claims' ids and links follow."""
        old = self.article.id

        def claim(cid: str) -> str:
            return new_id + cid[len(old) :] if cid.startswith(old + "/") else cid

        return replace(
            self,
            article=replace(self.article, id=new_id),
            quotes=[replace(q, id=claim(q.id), article=new_id) for q in self.quotes],
            figures=[replace(f, id=claim(f.id), article=new_id) for f in self.figures],
            actors=[replace(a, sources=[new_id if s == old else s for s in a.sources]) for a in self.actors],
        )


def publisher_slug(publisher: str) -> str:
    low = norm(publisher)
    if low in _PUB_SHORT:
        return _PUB_SHORT[low]
    words = [w for w in re.findall(r"[a-z0-9]+", low) if w not in _PUB_STOP]
    return "".join(words)[:24] or "article"


def article_id(publisher: str, day: str | None, taken: Collection[str]) -> str:
    base = f"{publisher_slug(publisher)}-{day or 'undated'}"
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def extract(
    text: str,
    *,
    corpus: Corpus,
    source: str | None = None,
    overrides: dict[str, Any] | None = None,
    taken_ids: Collection[str] | None = None,
    deadline: float | None = None,
) -> Extraction:
    """Extract an article and its claims from ``text`` (the body, stored verbatim).

    ``deadline`` (a :func:`time.monotonic` value): past it, :class:`ExtractionTimeout`.
    """
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    paras = paragraphs(text)
    meta = read_metadata(text, paras)
    for key in _META_KEYS:
        if key in overrides:
            setattr(meta, key, overrides[key])
    warnings: list[str] = []
    if meta.date and parse_iso(meta.date) is None:
        warnings.append(f"ignored invalid date {meta.date!r}")
        meta.date = None
    quotes, figures, finder = _claims(text, paras, meta, corpus, Deadline(deadline))
    publisher = meta.publisher or "unknown"
    taken = corpus.articles if taken_ids is None else taken_ids
    aid = overrides.get("id") or article_id(publisher, meta.date, taken)
    linker = EventLinker(list(corpus.events.values()))
    lede = _lede(paras, meta)
    head = (meta.title or "") + " " + (text[lede[0] : lede[1]] if lede else "")  # "this week's talks"
    q_records = _quote_records(aid, text, quotes, linker, (meta.date, head))
    f_records = _figure_records(aid, text, figures, linker)
    article = _article(aid, text, paras, meta, overrides, source, publisher, q_records, linker)
    warnings += finder.warnings
    if meta.date is None:
        warnings.append("no publication date found: stored as undated (use --date YYYY-MM-DD)")
    used = {q.speaker for q in q_records} | {f.claimant for f in f_records}
    actors = [new.to_actor(aid) for new in finder.resolver.new.values() if new.id in used]
    lede_day = finder.lede_date.isoformat() if finder.lede_date else None
    return Extraction(article, q_records, f_records, actors, warnings, lede_day)


def _claims(
    body: str, paras: list[Paragraph], meta: Metadata, corpus: Corpus, deadline: Deadline
) -> tuple[list[Claimed], list[FoundFigure], QuoteFinder]:
    ref_day = parse_iso(meta.dateline_date) or parse_iso(meta.date)
    resolver = Resolver(index_for(corpus, corpus.actors), body)
    finder = QuoteFinder(body, paras, resolver, ref_day)
    starts = {meta.lede: meta.dateline_end} if meta.lede is not None and meta.dateline_end else {}
    finder.run(_lede(paras, meta), starts, deadline)
    figures = FigureFinder(body, finder.attributor, finder.date_in)
    figures.set_quotes(finder.quotes)
    by_para: dict[int, list[QuoteSpan]] = {}
    for c in finder.quotes:
        by_para.setdefault(c.span.para, []).append(c.span)
    for i, p in enumerate(paras):
        if not p.skip:
            deadline.check()
            figures.paragraph(starts.get(i, p.start), p.end, by_para.get(i, []), meta.date)
    for c in finder.quotes:
        c.date = c.date or meta.date
    return finder.quotes, figures.found, finder


def _lede(paras: list[Paragraph], meta: Metadata) -> tuple[int, int] | None:
    if meta.lede is not None:
        p = paras[meta.lede]
        return (meta.dateline_end or p.start), p.end
    for p in paras:
        if not p.skip and not p.title and p.end - p.start > 150:
            return p.start, p.end
    return None


def _ref_id(ref: Ref | None) -> str | None:
    if ref is None:
        return None
    return ref.id if isinstance(ref, NewActor) else ref


def _quote_records(
    aid: str, body: str, claimed: list[Claimed], linker: EventLinker, head: tuple[str | None, str]
) -> list[Quote]:
    """The quote records; a quote's event by a cue near it, else by its date (and the
    article's own cues when it is dated the day the article is)."""
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for c in sorted(claimed, key=lambda c: c.span.start):
        if (c.span.start, c.span.end) in seen:
            continue
        seen.add((c.span.start, c.span.end))
        text = body[c.span.start : c.span.end]
        around = body[max(0, c.span.open - 300) : c.span.start]
        around = around[around.rfind("\n\n") + 1 :]  # its own paragraph
        event = linker.cue(around) or linker.for_day(c.date, around + (head[1] if c.date == head[0] else ""))
        speaker = _ref_id(c.ref)
        quotes.append(
            Quote(id=f"{aid}/q{len(quotes) + 1}", article=aid, start=c.span.start, end=c.span.end, text=text,
                  speaker=speaker, kind=c.span.kind, date=c.date, event=event.id if event else None,
                  attribution=c.how if speaker else "unknown")
        )  # fmt: skip
    return quotes


def _figure_records(aid: str, body: str, found: list[FoundFigure], linker: EventLinker) -> list[Figure]:
    figures: list[Figure] = []
    for f in sorted(found, key=lambda t: t.span.start):
        event = linker.for_day(f.date)
        figures.append(
            Figure(id=f"{aid}/f{len(figures) + 1}", article=aid, start=f.span.start, end=f.span.end,
                   text=body[f.span.start : f.span.end], value=f.span.value, unit=f.span.unit, measure=f.measure,
                   qualifier=f.span.qualifier, claimant=_ref_id(f.claimant), date=f.date,
                   event=event.id if event else None, **_placed(f))
        )  # fmt: skip
    return figures


def _placed(f: FoundFigure) -> dict[str, Any]:
    """The placement fields of a figure record (issue 12)."""
    p = f.placement
    if p is None:
        return {}
    return {"side": p.side, "period": p.period, "retrospective": p.retrospective, "exchange_rate": p.exchange_rate}


def _article(
    aid: str, body: str, paras: list[Paragraph], meta: Metadata, overrides: dict[str, Any], source: str | None,
    publisher: str, quotes: list[Quote], linker: EventLinker,
) -> Article:  # fmt: skip
    votes = Counter(q.event for q in quotes if q.event)
    event = votes.most_common(1)[0][0] if votes else None
    if event is None and meta.date:
        lede = _lede(paras, meta)
        head = (meta.title or "") + " " + (body[lede[0] : lede[1]] if lede else "")
        e = linker.cue(head) or linker.for_day(meta.date, head)
        event = e.id if e else None
    article = Article(
        id=aid, title=meta.title or _fallback_title(body, paras), publisher=publisher, body=body, date=meta.date,
        date_inferred=bool(overrides.get("date_inferred", False)), date_note=overrides.get("date_note"),
        agency=meta.agency if meta.agency != publisher else None, byline=meta.byline, dateline=meta.dateline,
        source=source, event=event,
    )  # fmt: skip
    if "agency" in overrides:
        article.agency = overrides["agency"]
    return article


def _fallback_title(body: str, paras: list[Paragraph]) -> str:
    for p in paras:
        if not p.skip:
            words = body[p.start : p.end].split()
            return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return "untitled"
