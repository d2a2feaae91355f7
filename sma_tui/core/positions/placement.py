"""Placing a figure: whose position it states (``side``) and which year it is about (``period``).

Rules, in the order :func:`place` applies them (see :mod:`sma_tui.core.positions` for how
placed figures are compared):

1. **Exchange-rate asides** ("($1 = 1,180 won)", "1 dollar = 1,143 won", "1,180 won to the
   dollar") are not positions: ``exchange_rate=True``, side and period None. Callers drop
   them from the chart and the positions.
2. **Side.** A measure with a fixed side decides it (``us-demand`` → US, ``seoul-offer`` →
   ROK, ``sma11-agreed`` → agreed); a factual measure (``seoul-payment-2019``) and counts
   (troops, workers) have no side. Otherwise the nearest cue before the figure in its
   sentence: "Washington demanded/asked/sought", "the U.S. demand", "Trump wants" → US;
   "Seoul offered/proposed", "South Korea's offer" → ROK; "agreed to", "the deal/agreement",
   "the new SMA" → agreed; then a passive or relative cue right after it ("sought by
   Washington", "that Seoul offered"); then, for a sentence whose subject is "it"/"they",
   the last actor named before it in the paragraph. No cue: None.
3. **Period.** The nearest cue in the sentence: a span ("2020-2025", "a six-year deal" =
   the 11th SMA from 2020, "through 2025" = from the article's year), the 10th SMA ("under
   the previous SMA", "the 10th SMA" = 2019), the 11th SMA's first year (2020), an explicit
   year ("for 2020", "in 2021", "the 2019 payment"), or a relative year ("this year", "last
   year's", "next year") resolved against the article date. A cue right after "from",
   "over", "on", "than" or "compared with" is the base of a change, not the period; a
   sentence-opening time adverbial ("In June last year, ...") says when, not what for. A
   measure's fixed period (seoul-payment-2019 → 2019) beats a relative cue (it may sit in a
   quotation written at another date) but not an explicit year. Without a cue: the
   measure's period; a negotiating position stated before the deal of 7 March 2021 is about
   the 11th SMA's first year, 2020; a count is about the article's year.
4. **Retrospective mentions** of a position ("backed down from its initial demand for $5
   billion") are flagged: they restate an earlier position and are neither a new point of
   the trajectory nor a disagreement.

A figure the rules cannot place gets side None and period None; it is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..text import windows_around

SMA10_YEAR = 2019
SMA11_FIRST_YEAR = 2020
DEAL_DATE = "2021-03-07"  # agreement in principle on the 11th SMA
SIDES: tuple[str, ...] = ("US", "ROK", "agreed")


@dataclass(frozen=True, slots=True)
class MeasureRule:
    """What a measure says about placement. ``kind``: "position" (one side's demand or
    offer), "agreed" (the outcome), "fact" (a sum both sides know, e.g. the 2019 payment),
    "count" (troops, workers) or "other"."""

    kind: str
    side: str | None = None
    period: str | None = None
    over_2019: bool = False  # a percent or multiple of this measure is a change over 2019


MEASURE_RULES: dict[str, MeasureRule] = {
    "us-demand": MeasureRule("position", "US"),
    "us-demand-increase": MeasureRule("position", "US", over_2019=True),
    "seoul-offer": MeasureRule("position", "ROK", over_2019=True),
    "sma11-agreed": MeasureRule("agreed", "agreed", over_2019=True),
    "seoul-payment-2019": MeasureRule("fact", None, str(SMA10_YEAR)),
    "usfk-troops": MeasureRule("count"),
    "workers-on-leave": MeasureRule("count"),
    "nato-target": MeasureRule("other"),
}


@dataclass(frozen=True, slots=True)
class Placement:
    side: str | None
    period: str | None
    reason: str
    exchange_rate: bool = False
    retrospective: bool = False


# ---------------------------------------------------------------- patterns
# exchange-rate asides: "(US$1 = W1,190)", "($1 = 1,116.3000 won)", "(US$1=W1,063)", "(1 US dollar
# = 1,222 won)", "$1 equals about 1,200 won", "1,180 won to the dollar", "traded at 1,217 per
# dollar", "(W1,190 = $1)", "$1 billion is about 1.2 trillion won". Numbers are bounded and
# never start inside another number, so a run of digits costs linear time.
_NUM = r"(?<![\d.,])\d{1,3}(?:,?\d{3}){0,4}(?:\.\d{1,6})?(?!\d)"
_FX_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|mn|mln|bn|bln|tn|trln|m|b)\b)?"
_FX_CUR = r"(?:US\s?\$|U\.S\.\s?\$|\$US\s?|[A-Z]{1,2}\$|\$|USD\s?|£|€|¥|GBP\s?|EUR\s?|JPY\s?)"
_FX_ONE = (
    rf"(?:{_FX_CUR}\s?1(?:\.0+)?(?![\d,.]?\d){_FX_SCALE}"
    r"|\b(?:one|1)\s+(?:(?:U\.?S\.?|US|American)\s+)?(?:dollars?|USD|pounds?|euros?|yen)\b)"
)
_FX_IS = r"\s*(?:=|:|equals?|is|was|are|were|buys|bought|(?:is\s+|was\s+)?(?:worth|equal\s+to|equivalent\s+to))\s*"
_FX_ABOUT = r"(?:(?:about|around|roughly|some|approximately|nearly)\s+)?"
_FX_AMOUNT = (
    rf"(?:(?:W|₩|KRW\s?|{_FX_CUR}\s?){_NUM}{_FX_SCALE}(?:\s?won\b)?"
    rf"|{_NUM}{_FX_SCALE}\s?(?:(?:South\s+)?Korean\s+)?(?:won|KRW|yen|dollars?|euros?|pounds?)\b)"
)
_FX_REACH = 80  # characters around a figure that an aside holding it can span
# what links the two sides of every aside: "=", a verb, or "to/per/against the dollar"
_FX_LINK = re.compile(
    r"[=:]|\b(?:equals?|is|was|are|were|worth|buys|bought|equivalent)\b"
    r"|\b(?:to|per|against|a|for)\s+(?:the\s+|one\s+|a\s+|each\s+|every\s+|1\s+)?(?:U\.?S\.?\s+)?(?:dollar|greenback)\b",
    re.I,
)
_FX_HINT = re.compile(r"[$£€¥W₩]\s?1(?![\d,.]?\d)|\b(?:one|1)\s|dollar|greenback", re.I)
_FX = re.compile(
    rf"{_FX_ONE}{_FX_IS}{_FX_ABOUT}(?:{_FX_AMOUNT}|{_NUM}(?=\s*\)))"
    rf"|(?:{_FX_AMOUNT}|(?<=\()\s*{_NUM}){_FX_IS}{_FX_ONE}"
    rf"|{_NUM}\s*(?:won|KRW)?\s*(?:=|to|per|against|a|for)\s*(?:the|one|a|each|every|1)?\s*(?:U\.?S\.?\s+)?"
    rf"(?:dollar|greenback)\b(?!s)",
    re.I,
)
_US = (
    r"(?:Washington|the\s+U\.?S\.?|U\.?S\.?|the\s+United\s+States|United\s+States|America|the\s+Trump\s+administration"
    r"|Trump|the\s+American\s+side|American\s+negotiators|DeHart|Pompeo|Esper|the\s+Pentagon|the\s+State\s+Department)"
)
_ROK = (
    r"(?:Seoul|South\s+Korea|S\.\s?Korea|the\s+South\s+Korean\s+(?:side|government)|South\s+Korean\s+negotiators"
    r"|the\s+Korean\s+side|the\s+Moon\s+(?:government|administration))"
)
_ASK = r"(?:demand\w*|ask\w*|sought|seek\w*|want\w*|request\w*|press\w*|push\w*|insist\w*|call\w*\s+for)"
_OFFER = r"(?:offer\w*|propos\w*|suggest\w*|put\s+forward)"
_S = r"(?:'s|’s)"
_BEFORE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b{_US}{_S}?\s+(?:\w+\s+){{0,2}}?(?:demand|request|ask|proposal|position)s?\b", re.I), "US"),
    (re.compile(rf"\b{_US}\b[^.;]{{0,60}}?\b{_ASK}", re.I), "US"),
    (re.compile(rf"\b{_ROK}{_S}\s+(?:\w+\s+){{0,2}}?(?:offer|proposal)s?\b", re.I), "ROK"),
    (re.compile(r"\b(?:a|the)\s+(?:South\s+)?Korean\s+(?:offer|proposal)s?\b", re.I), "ROK"),
    (re.compile(rf"\b{_ROK}\b[^.;]{{0,60}}?\b{_OFFER}", re.I), "ROK"),
    (
        re.compile(
            r"\b(?:agreed\s+(?:to|on|upon)|agreement|deal|accord|pact|the\s+new\s+SMA|the\s+11th\s+SMA|settled\s+on)\b",
            re.I,
        ),
        "agreed",
    ),
)
_AFTER_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^[^.;]{{0,30}}?\b{_ASK}\s+by\s+{_US}\b", re.I), "US"),
    (re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:that|which)\s+{_US}\s+(?:\w+\s+)?{_ASK}", re.I), "US"),
    (re.compile(rf"^[^.;]{{0,30}}?\b{_OFFER}\s+by\s+{_ROK}\b", re.I), "ROK"),
    (re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:that|which)\s+{_ROK}\s+(?:\w+\s+)?{_OFFER}", re.I), "ROK"),
)
_PRONOUN_SUBJECT = re.compile(rf"^\s*(?:It|They|The\s+administration)\b[^.;]{{0,40}}?\b(?:{_ASK}|{_OFFER})", re.I)
_ACTOR = re.compile(rf"(?P<us>\b{_US}\b)|(?P<rok>\b{_ROK}\b)", re.I)
_RETRO = re.compile(
    r"\b(?:initial(?:ly)?|original(?:ly)?|first|earlier|once|(?:down|back(?:ed)?\s+down|retreat\w*|cut)\s+from)\b"
    r"[^.;]{0,30}$",
    re.I,
)

_WORD_N = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SPAN = re.compile(r"\b(?:from\s+)?(20\d\d)\s*(?:-|–|to|through)\s*(20\d\d)\b")
_N_YEAR = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d)[-\s]year\s+(?:\w+\s+)?(?:deal|agreement|pact|accord|SMA)\b",
    re.I,
)
_THROUGH = re.compile(r"\b(?:through|until|till|runs?\s+to|running\s+to|lasts?\s+to)\s+(20\d\d)\b", re.I)
_SMA10 = re.compile(
    r"\b(?:10th|tenth)\s+SMA\b|\b(?:the\s+)?(?:previous|old|expired|last|prior)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:SMA|deal|agreement|accord|pact|Special\s+Measures\s+Agreement)\b",
    re.I,
)
_SMA11_FIRST = re.compile(
    r"\b(?:11th|new)\s+SMA(?:'s|’s)?\s+first\s+year\b|\bfirst\s+year\s+of\s+the\s+(?:11th|new)\s+SMA\b", re.I
)
_CURRENT = re.compile(r"\bcurrent(?:ly)?\s+(?:\w+\s+)?(?:bill|deal|SMA|agreement|contribution|payment|share)\b", re.I)
_YEAR = re.compile(
    r"\b(?:for|in|of|during|covering)\s+(?:the\s+year\s+)?(20\d\d)\b"
    r"|\b(20\d\d)(?:'s|’s)?\s+(?:payment|contribution|share|bill|cost|costs|budget|level|amount|sum|figure)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(this|last|next|the\s+previous|the\s+following|the\s+current)\s+year(?:'s|’s)?\b", re.I)
_YEAR_EARLIER = re.compile(r"\ba\s+year\s+(?:earlier|before|ago)\b", re.I)
_BASE = re.compile(
    r"\b(?:from|over|above|on|than|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:(?:the|their|its|his|her|our|this|that|Seoul(?:'s|’s)|Korea(?:'s|’s))\s+)?$",
    re.I,
)
_OPENING = re.compile(r"^\s*(?:In|On|By|During|Since|Earlier|Later|Last|Previously)\b[^,.;]{0,40},")
_WHEN = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\b(?:mid|early|late)-|day\b|week|month", re.I
)
_CLAUSE_BREAK = re.compile(r"[,;:(—–]")
_RELATIVE_OFFSET = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    period: str
    explicit: bool  # False for a relative cue ("this year")
    what: str


def exchange_rate_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The exchange-rate asides in ``text[start:end]`` ("(US$1 = W1,190)", "1,180 won to the
    dollar"): neither of their amounts is a figure of the talks. The one detector of them,
    used by the extractor (ingest) and by placement."""
    stop = len(text) if end is None else end
    if _FX_HINT.search(text, start, stop) is None:  # the cheap test: no "$1", "one dollar" or "dollar"
        return []
    spans: list[tuple[int, int]] = []
    for a, b in windows_around(_FX_LINK, text, start, stop, _FX_REACH, _FX_REACH):  # only around an "=" or "is"
        spans += [m.span() for m in _FX.finditer(text, a, b) if not spans or m.start() >= spans[-1][1]]
    return spans


def is_exchange_rate(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` lies inside an exchange-rate aside."""
    lo, hi = max(0, start - _FX_REACH), min(len(sentence), end + _FX_REACH)  # an aside is short: read near it
    return any(a <= start and end <= b + 1 for a, b in exchange_rate_spans(sentence, lo, hi))


def _year_of(day: str | None) -> int | None:
    return int(day[:4]) if day and len(day) >= 4 and day[:4].isdigit() else None


def _period_cues(sentence: str, year: int | None) -> list[_Cue]:
    cues: list[_Cue] = []
    for m in _SPAN.finditer(sentence):
        cues.append(_Cue(m.start(), m.end(), f"{m[1]}-{m[2]}", True, f"span {m[0]!r}"))
    for m in _N_YEAR.finditer(sentence):
        low = m["n"].lower()
        n = _WORD_N[low] if low in _WORD_N else int(low)
        if n > 1:
            cues.append(_Cue(m.start(), m.end(), f"{SMA11_FIRST_YEAR}-{SMA11_FIRST_YEAR + n - 1}", True, m[0]))
    for m in _THROUGH.finditer(sentence):
        first = max(SMA11_FIRST_YEAR, year or SMA11_FIRST_YEAR)
        if first <= int(m[1]):
            cues.append(_Cue(m.start(), m.end(), f"{first}-{m[1]}", True, m[0]))
    for m in _SMA10.finditer(sentence):
        if "10th" in m[0].lower() or "tenth" in m[0].lower() or (year is not None and year > SMA10_YEAR):
            cues.append(_Cue(m.start(), m.end(), str(SMA10_YEAR), True, f"the 10th SMA ({m[0]!r})"))
    for m in _SMA11_FIRST.finditer(sentence):
        cues.append(_Cue(m.start(), m.end(), str(SMA11_FIRST_YEAR), True, m[0]))
    for m in _CURRENT.finditer(sentence):
        if year is not None and year <= SMA10_YEAR:
            cues.append(_Cue(m.start(), m.end(), str(year), False, m[0]))
    for m in _YEAR.finditer(sentence):
        cues.append(_Cue(m.start(), m.end(), m[1] or m[2], True, m[0]))
    if year is not None:
        for m in _RELATIVE.finditer(sentence):
            offset = _RELATIVE_OFFSET[" ".join(m[1].lower().split())]
            cues.append(_Cue(m.start(), m.end(), str(year + offset), False, m[0]))
        for m in _YEAR_EARLIER.finditer(sentence):
            cues.append(_Cue(m.start(), m.end(), str(year - 1), False, m[0]))
    opening = _OPENING.match(sentence)
    skip_to = opening.end() if opening and _WHEN.search(opening[0]) else 0
    return [c for c in cues if c.start >= skip_to and not _BASE.search(sentence, max(0, c.start - 60), c.start)]


def _nearest(cues: list[_Cue], sentence: str, start: int, end: int) -> _Cue | None:
    """The cue nearest the figure; one after it only within the figure's clause."""

    def distance(c: _Cue) -> int:
        return start - c.end if c.end <= start else (c.start - end if c.start >= end else 0)

    brk = _CLAUSE_BREAK.search(sentence, end)
    clause_end = brk.start() if brk else len(sentence)
    clause_start = max(sentence.rfind(ch, 0, start) for ch in ",;:(—–") + 1
    usable = [c for c in cues if c.start < end or c.start < clause_end]
    owners = [  # "last year's contribution of 960 billion won": the possessive governs the figure
        c for c in usable if clause_start <= c.start and c.end <= start and sentence[c.end - 2 : c.end] in ("'s", "’s")
    ]
    return min(owners or usable, key=lambda c: (distance(c), not c.explicit), default=None)


def _side_cue(sentence: str, start: int, end: int, paragraph: str) -> tuple[str, str] | None:
    before = sentence[:start]
    best: tuple[int, str, str] | None = None
    for pattern, side in _BEFORE_CUES:
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), side, m[0])
    if best is not None:
        return best[1], f"{best[1]} cue {' '.join(best[2].split())!r}"
    after = sentence[end:]
    for pattern, side in _AFTER_CUES:
        hit = pattern.search(after)
        if hit:
            return side, f"{side} cue after the figure {' '.join(hit[0].split())!r}"
    if _PRONOUN_SUBJECT.match(sentence):
        at = paragraph.find(sentence)
        actors = list(_ACTOR.finditer(paragraph[: at if at >= 0 else 0]))
        if actors:
            side = "US" if actors[-1]["us"] else "ROK"
            return side, f"{side}: the subject refers to {actors[-1][0]!r} earlier in the paragraph"
    return None


def _side(rule: MeasureRule | None, sentence: str, start: int, end: int, paragraph: str) -> tuple[str | None, str]:
    if rule is not None and rule.kind in ("fact", "count", "other"):
        return None, f"{rule.kind} measure: no side"
    if rule is not None and rule.side:
        return rule.side, f"the measure is {rule.side}'s"
    found = _side_cue(sentence, start, end, paragraph)
    return found if found else (None, "no side cue")


def _period(rule: MeasureRule | None, cue: _Cue | None, article_date: str | None) -> tuple[str | None, str]:
    year = _year_of(article_date)
    fixed = rule.period if rule else None
    if cue is not None and (cue.explicit or fixed is None):
        return cue.period, f"period from {cue.what!r}"
    if fixed is not None:
        why = f"; relative cue {cue.what!r} ignored" if cue else ""
        return fixed, f"the measure's period{why}"
    if rule is not None and rule.kind == "position" and article_date and article_date < DEAL_DATE:
        return str(SMA11_FIRST_YEAR), "a position before the deal: the 11th SMA's first year"
    if rule is not None and rule.kind == "count" and year is not None:
        return str(year), "a count: the article's year"
    return None, "no period cue"


def place(
    figure_text: str,
    sentence: str,
    paragraph: str,
    article_date: str | None,
    measure_id: str | None,
    measures: Mapping[str, MeasureRule] = MEASURE_RULES,
    *,
    at: int | None = None,
) -> Placement:
    """Whose position ``figure_text`` states in ``sentence`` and which year it is about (see
    the module docstring). ``at``: the figure's offset in ``sentence`` when it occurs more
    than once; ``article_date``: ISO date the relative cues resolve against."""
    start = at if at is not None else sentence.find(figure_text)
    if start < 0:
        start = 0
    end = start + len(figure_text)
    if is_exchange_rate(sentence, start, end):
        return Placement(None, None, "an exchange-rate aside, not a position", exchange_rate=True)
    rule = measures.get(measure_id) if measure_id else None
    side, side_why = _side(rule, sentence, start, end, paragraph)
    cue = _nearest(_period_cues(sentence, _year_of(article_date)), sentence, start, end)
    period, period_why = _period(rule, cue, article_date)
    retro = side is not None and bool(_RETRO.search(sentence, 0, start))
    return Placement(side, period, f"{side_why}; {period_why}", retrospective=retro)
