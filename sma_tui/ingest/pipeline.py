"""One entry point: article text in, an :class:`Extraction` out (article, quotes, figures,
new actors), every span valid. Deterministic, no I/O."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Actor, Article, Figure, Quote
from .dates import find_relative, parse_iso
from .figures import FigureSpan, find_figures, measure_for
from .metadata import Metadata, read_metadata
from .quotes import QuoteSpan, block_leads, block_quotes, marked_quotes
from .speakers import (
    _VERB,
    ActorIndex,
    NewActor,
    Ref,
    Resolver,
    norm,
    sentence_subject,
    subject_before,
)
from .text import Paragraph, paragraphs, sentence_bounds

OVERRIDABLE = ("title", "publisher", "date", "agency", "byline", "dateline", "date_inferred", "date_note", "id")
_INVERTED = re.compile(r"\s+(?P<np>(?:[A-Z]|an? |the )[^,.;\"“”]{1,80}?)(?=,|\.|;|$| in | on | at | during )")
_ACCORDING = re.compile(r"\s+(?P<np>[^,.;\"“”]{1,80}?)(?=,|\.|;|$)")
_REQUEST = re.compile(
    r"(?P<np>(?:the\s+)?(?:U\.S\.|US|American|Washington|[A-Z][\w.]+))['’]?s?\s+(?:request|demand|call|appeal)s?\s+for\s*$"
)
_POSS_REF = re.compile(
    r"(?P<np>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s+(?:reference to|use of|call for|remarks? about)"
    r"\s+(?:an?\s+|the\s+)?$"
)
_CONNECTOR = re.compile(r"^[\"”]?\s*,?\s*(?:while|but|and|as|when|although|whereas|after|before)\b")
_OPEN_MARK = re.compile(r"[\"“]")
_PUB_STOP = frozenset("the news agency inc ltd online daily media group com".split())
_PUB_SHORT = {"associated press": "ap", "agence france-presse": "afp", "united press international": "upi"}


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


@dataclass(slots=True)
class _Event:
    pos: int
    ref: Ref | None
    kind: str  # fin | part | acc


@dataclass(slots=True)
class _Claimed:
    span: QuoteSpan
    ref: Ref | None = None
    date: str | None = None


def publisher_slug(publisher: str) -> str:
    low = norm(publisher)
    if low in _PUB_SHORT:
        return _PUB_SHORT[low]
    words = [w for w in re.findall(r"[a-z0-9]+", low) if w not in _PUB_STOP]
    return "".join(words)[:24] or "article"


def article_id(publisher: str, day: str | None, taken: Any) -> str:
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
    taken_ids: Any = None,
) -> Extraction:
    """Extract an article and its claims from ``text`` (the body, stored verbatim)."""
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    body = text
    paras = paragraphs(body)
    meta = read_metadata(body, paras)
    for key in ("title", "publisher", "date", "agency", "byline", "dateline"):
        if key in overrides:
            setattr(meta, key, overrides[key])
    warnings: list[str] = []
    pub = parse_iso(meta.date)
    if meta.date and pub is None:
        warnings.append(f"ignored invalid date {meta.date!r}")
        meta.date = None
    ref_day = parse_iso(meta.dateline_date) or pub
    run = _Run(body, paras, meta, corpus, ref_day)
    run.claims()
    publisher = meta.publisher or "unknown"
    taken = corpus.articles if taken_ids is None else taken_ids
    aid = overrides.get("id") or article_id(publisher, meta.date, taken)
    quotes, figures = run.records(aid, meta.date)
    new_actors = run.new_actors(aid, quotes, figures)
    votes = Counter(q.event for q in quotes if q.event)
    event = votes.most_common(1)[0][0] if votes else None
    if event is None and meta.date:
        e = corpus.event_for_date(meta.date)
        event = e.id if e else None
    article = Article(
        id=aid,
        title=meta.title or _fallback_title(body, paras),
        publisher=publisher,
        body=body,
        date=meta.date,
        date_inferred=bool(overrides.get("date_inferred", False)),
        date_note=overrides.get("date_note"),
        agency=meta.agency if meta.agency != publisher else None,
        byline=meta.byline,
        dateline=meta.dateline,
        source=source,
        event=event,
    )
    if "agency" in overrides:
        article.agency = overrides["agency"]
    if meta.date is None:
        warnings.append("no publication date found: stored as undated (use --date YYYY-MM-DD)")
    return Extraction(
        article, quotes, figures, new_actors, warnings, run.lede_date.isoformat() if run.lede_date else None
    )


def _fallback_title(body: str, paras: list[Paragraph]) -> str:
    for p in paras:
        if not p.skip:
            words = body[p.start : p.end].split()
            return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return "untitled"


class _Run:
    """The state of one extraction."""

    def __init__(self, body: str, paras: list[Paragraph], meta: Metadata, corpus: Corpus, ref_day: date | None):
        self.body = body
        self.paras = paras
        self.meta = meta
        self.corpus = corpus
        self.ref_day = ref_day
        self.resolver = Resolver(_index_for(corpus), body)
        self.quotes: list[_Claimed] = []
        self.figures: list[tuple[FigureSpan, str | None, Ref | None, str | None]] = []
        self.lede_date: date | None = None

    # ------------------------------------------------------------------ dates
    def _date_in(self, text: str) -> date | None:
        if self.ref_day is None:
            return None
        hit = find_relative(text, self.ref_day)
        if hit is None or hit[0] > self.ref_day:
            return None
        return hit[0]

    def _lede(self) -> tuple[int, int] | None:
        if self.meta.lede is not None:
            p = self.paras[self.meta.lede]
            return (self.meta.dateline_end or p.start), p.end
        for p in self.paras:
            if not p.skip and not p.title and p.end - p.start > 150:
                return p.start, p.end
        return None

    # ------------------------------------------------------------------ claims
    def claims(self) -> None:
        body, paras = self.body, self.paras
        usable = [p for p in paras if not p.skip]
        for p in usable:
            if not p.title:
                self.resolver.scan_names(p.start, p.end)
        marked = marked_quotes(body, paras)
        lede = self._lede()
        if lede:
            masked = _mask(body, lede[0], lede[1], marked)
            self.lede_date = self._date_in(masked)
        leads = set(block_leads(body, paras))
        by_para: dict[int, list[QuoteSpan]] = {}
        for q in marked:
            by_para.setdefault(q.para, []).append(q)
        in_block: set[int] = set()
        prev: _Claimed | None = None
        for i, p in enumerate(paras):
            if p.skip or i in in_block:
                continue
            start = self.meta.dateline_end if i == self.meta.lede and self.meta.dateline_end else p.start
            if not p.title:
                prev = self._paragraph(i, start, p.end, by_para.get(i, []), prev)
            self._figures(start, p.end, marked)
            if i in leads:
                ref = self._lead_ref(start, p.end)
                stop = self._stopper(ref)
                for b in block_quotes(body, paras, i, stop):
                    claimed = _Claimed(b, ref, self._quote_date(None))
                    self.quotes.append(claimed)
                    prev = claimed
                    for j in range(b.para, len(paras)):
                        if paras[j].start >= b.end:
                            break
                        in_block.add(j)
                        self._figures(paras[j].start, paras[j].end, [], claimant=ref)

    def _lead_ref(self, start: int, end: int) -> Ref | None:
        events = self._events(start, end, self.body[start:end])
        return events[-1].ref if events else None

    def _stopper(self, ref: Ref | None) -> Any:
        names: set[str] = set()
        if isinstance(ref, NewActor):
            names = {w for w in ref.name.split() if w[:1].isupper() and len(w) > 2}
        elif ref is not None:
            actor = self.corpus.actors[ref]
            names = {w for a in (actor.name, *actor.aliases) for w in a.split() if w[:1].isupper() and len(w) > 3}
            names -= {"U.S.", "State", "Department", "Defense", "Secretary", "President", "South", "Korean", "Korea"}

        def stop(text: str) -> bool:
            return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)

        return stop

    def _paragraph(
        self, i: int, start: int, end: int, quotes: list[QuoteSpan], prev: _Claimed | None
    ) -> _Claimed | None:
        body = self.body
        protected = [(q.open, q.close if q.close is not None else q.end) for q in quotes]
        # a quotation continued from an earlier paragraph protects this one's opening too
        for q in self.quotes[-1:]:
            if q.span.end > start:
                protected.append((q.span.open, q.span.end))
        masked_all = _mask(body, start, end, quotes)
        for s, e in sentence_bounds(body, start, end, protected):
            masked = masked_all[s - start : e - start]
            events = self._events(s, e, masked)
            in_sentence = [q for q in quotes if s <= q.open < e]
            sent_date = self._date_in(masked)
            for q in in_sentence:
                ref = self._speaker(q, s, e, masked, events, prev, i)
                claimed = _Claimed(q, ref, self._quote_date(sent_date))
                self.quotes.append(claimed)
                prev = claimed
        return prev

    def _events(self, s: int, e: int, masked: str) -> list[_Event]:
        events: list[_Event] = []
        sentence = self.body[s:e]
        for m in _VERB.finditer(masked):
            pos = s + m.start()
            if m.group("acc"):
                n = _ACCORDING.match(masked, m.end())
                ref = self.resolver.resolve(n.group("np"), pos, sentence) if n else None
                events.append(_Event(pos, ref, "acc"))
                continue
            if m.group("part"):
                ref = events[-1].ref if events else None
                if ref is None:
                    np = subject_before(masked[: m.start()].rstrip().rstrip(",")) or sentence_subject(masked)
                    ref = self.resolver.resolve(np, pos, sentence) if np else None
                events.append(_Event(pos, ref, "part"))
                continue
            verb = m.group("fin")
            before = masked[: m.start()]
            np = subject_before(before)
            if verb == "read" and not (np and re.search(r"commentary|statement|letter|tweet|post|message", np)):
                continue
            if np is None and verb in ("said", "says", "added", "wrote", "tweeted"):
                inv = _INVERTED.match(masked, m.end())
                np = inv.group("np") if inv else None
            ref = self.resolver.resolve(np, pos, sentence) if np else None
            if ref is None and np is None and before.strip() and not before.rstrip().endswith(('"', "”", ",")):
                np = sentence_subject(masked)
                ref = self.resolver.resolve(np, pos, sentence) if np else None
            events.append(_Event(pos, ref, "fin"))
        return events

    def _speaker(
        self, q: QuoteSpan, s: int, e: int, masked: str, events: list[_Event], prev: _Claimed | None, para: int
    ) -> Ref | None:
        close = q.close if q.close is not None else q.end
        nxt = _OPEN_MARK.search(masked, close - s + 1)
        next_open = s + nxt.start() if nxt else e
        for ev in events:  # trailing: '..." he said' / '..." said X'
            if close < ev.pos < min(next_open, close + 160) and ev.ref is not None and ev.kind != "part":
                if not _CONNECTOR.match(self.body[close + 1 : ev.pos]):
                    return ev.ref
        for ev in reversed(events):  # leading: 'X said the alliance was "ironclad"'
            if ev.pos < q.open and ev.ref is not None:
                return ev.ref
        before = self.body[s : q.open]
        m = _POSS_REF.search(before) or _REQUEST.search(before)
        if m:
            ref = self.resolver.resolve(m.group("np"), q.open, self.body[s:e], remember=False)
            if ref is not None:
                return ref
        if prev is not None and prev.ref is not None:
            gap = self.body[prev.span.end : q.open]
            if q.kind != "partial" and gap.count("\n\n") <= 1 and len(gap) < 400:
                return prev.ref  # a quotation continuing the previous speaker's
        last = self.resolver.subjects[-1] if self.resolver.subjects else None
        if q.kind == "full" and q.open == self.paras[para].start and last is not None and q.open - last.pos < 400:
            return last.ref  # a quotation paragraph after 'X said ...'
        return None

    def _quote_date(self, sentence_date: date | None) -> str | None:
        day = sentence_date or self.lede_date or self.ref_day
        return day.isoformat() if day else self.meta.date

    # ----------------------------------------------------------------- figures
    def _figures(self, start: int, end: int, marked: list[QuoteSpan], claimant: Ref | None = None) -> None:
        body = self.body
        found = find_figures(body, start, end)
        if not found:
            return
        protected = [(q.open, q.close if q.close is not None else q.end) for q in marked if start <= q.open < end]
        masked_all = _mask(body, start, end, [q for q in marked if start <= q.open < end])
        bounds = sentence_bounds(body, start, end, protected)
        prev: tuple[FigureSpan, str | None] | None = None
        for f in found:
            s, e = next(((a, b) for a, b in bounds if a <= f.start < b), (start, end))
            measure = measure_for(body, f, s, e, prev)
            prev = (f, measure)
            who = claimant
            if who is None:
                who = self._claimant(f, s, e, masked_all[s - start : e - start])
            opening = re.match(
                r"\s*(?:(?:Previously|Earlier|Later),\s*)?(?:[Ii]n|[Oo]n)\s", masked_all[s - start : e - start]
            )
            day = self._date_in(masked_all[s - start : e - start][:40]) if opening else None
            self.figures.append((f, measure, who, day.isoformat() if day else self.meta.date))

    def _claimant(self, f: FigureSpan, s: int, e: int, masked: str) -> Ref | None:
        for c in self.quotes:
            if c.span.start <= f.start and f.end <= c.span.end:
                return c.ref
        events = [x for x in self._peek_events(s, e, masked) if x.pos < f.start]
        return events[-1].ref if events else None

    def _peek_events(self, s: int, e: int, masked: str) -> list[_Event]:
        saved = list(self.resolver.subjects)
        try:
            return self._events(s, e, masked)
        finally:
            self.resolver.subjects = saved

    # ----------------------------------------------------------------- records
    def records(self, aid: str, pub: str | None) -> tuple[list[Quote], list[Figure]]:
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for c in sorted(self.quotes, key=lambda c: c.span.start):
            if (c.span.start, c.span.end) in seen:
                continue
            seen.add((c.span.start, c.span.end))
            event = self.corpus.event_for_date(c.date)
            quotes.append(
                Quote(
                    id=f"{aid}/q{len(quotes) + 1}",
                    article=aid,
                    start=c.span.start,
                    end=c.span.end,
                    text=self.body[c.span.start : c.span.end],
                    speaker=_ref_id(c.ref),
                    kind=c.span.kind,
                    date=c.date,
                    event=event.id if event else None,
                )
            )
        figures: list[Figure] = []
        for f, measure, who, day in sorted(self.figures, key=lambda t: t[0].start):
            event = self.corpus.event_for_date(day)
            figures.append(
                Figure(
                    id=f"{aid}/f{len(figures) + 1}",
                    article=aid,
                    start=f.start,
                    end=f.end,
                    text=self.body[f.start : f.end],
                    value=f.value,
                    unit=f.unit,
                    measure=measure,
                    qualifier=f.qualifier,
                    claimant=_ref_id(who),
                    date=day,
                    event=event.id if event else None,
                )
            )
        return quotes, figures

    def new_actors(self, aid: str, quotes: list[Quote], figures: list[Figure]) -> list[Actor]:
        used = {q.speaker for q in quotes} | {f.claimant for f in figures}
        out = []
        for new in self.resolver.new.values():
            if new.id in used:
                out.append(new.to_actor(aid))
        return out


def _ref_id(ref: Ref | None) -> str | None:
    if ref is None:
        return None
    return ref.id if isinstance(ref, NewActor) else ref


def _mask(body: str, start: int, end: int, quotes: list[QuoteSpan]) -> str:
    """``body[start:end]`` with quotation text blanked (marks kept), offsets unchanged."""
    chars = list(body[start:end])
    for q in quotes:
        a, b = max(q.start, start), min(q.end, end)
        for k in range(a - start, b - start):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


_INDEX_CACHE: dict[int, tuple[Any, ActorIndex]] = {}


def _index_for(corpus: Corpus) -> ActorIndex:
    key = id(corpus)
    hit = _INDEX_CACHE.get(key)
    if hit is not None and hit[0] is corpus.actors and hit[1].size == len(corpus.actors):
        return hit[1]
    index = ActorIndex(corpus.actors)
    _INDEX_CACHE.clear()
    _INDEX_CACHE[key] = (corpus.actors, index)
    return index
