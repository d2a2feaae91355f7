"""Figures: money (USD, KRW), percentages, multiples and counts of troops and people, with their
qualifier, as US wires, British, Asian and Korean outlets and broadcasters write them.

A figure is found in three steps. A number is read with the currency sign before it and the
scale after it (:mod:`.numbers`): "$870m", "US$5bn", "$US5 billion", "USD 870 million",
"W1.04tn", "₩1.04 trillion", "KRW 1.0389 trillion", "1 trillion 38.9 billion", "five billion",
"28-thousand-500". What follows it then says what it counts: "won"/"KRW", "dollars"/"US
dollars"/"USD" (also "five-billion-dollar"), "%"/"percent"/"per cent"/"pct"/"pc"/"-percent",
"-fold"/"fold"/"times", "-strong", a noun for people or troops after a few modifiers ("over
4,000 furloughed Korean employees"), or "of them/its …". A bare amount in billions is in US
dollars and one in trillions in won, the currencies those scales take in this story ("Nobody
expects five billion"). Last, a money range written with one scale shares it ("$1-1.5bn" is
one and 1.5 billion dollars, not one dollar), and the qualifier before a figure ("about",
"more than a", "all of the roughly") is read back.

Not figures: exchange-rate asides (one detector, :func:`~sma_tui.core.positions.placement.exchange_rate_spans`),
a currency's move against another, years, and "met five times" style counts of events.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from ..core.positions.placement import exchange_rate_spans
from ..core.text import windows_around
from .numbers import ABBR_SCALES, DIGITS, KBS_THOUSANDS, LONG_SCALES, SINGLE_SCALES, WORDS, number_value, scaled

_MAX_VALUE = 1e16  # more than any budget in these talks: a typo or an attack, not a figure

_TOKEN = re.compile(
    rf"""(?<![\w$.,£€¥₩￦])
    (?:(?P<pre>US\$|U\.S\.\s?\$|\$US|\$|USD|₩|￦|(?-i:W)(?=\d)|KRW)\s?)?
    (?P<num>{KBS_THOUSANDS}|{DIGITS}|{WORDS})
    (?:(?P<sep>[\s-])?(?P<scale>{LONG_SCALES})\b
      | \s?(?P<abbr>{ABBR_SCALES})\b(?:(?:(?<=tril)|(?<=bil)|(?<=mil))\.(?=\s*won\b))?
      | (?P<letter>{SINGLE_SCALES})\b)?
    (?P<more>(?:(?<=trillion)|(?<=tn))\s+(?P<more_n>{DIGITS})\s?(?:billion|bn)\b)?""",
    re.VERBOSE | re.IGNORECASE,
)
_PRE_UNIT = {"$": "USD", "u": "USD", "w": "KRW", "₩": "KRW", "￦": "KRW", "k": "KRW"}
_KRW_AFTER = re.compile(r"[\s-]?(?:(?:South\s+)?Korean\s+)?won\b|\s?KRW\b", re.I)
_USD_AFTER = re.compile(r"[\s-](?:(?:U\.S\.|US|American)\s+)?dollars?\b|\s?USD\b", re.I)
_PCT_AFTER = re.compile(r"\s?%|[\s-]?(?:percent|per[\s-]cent|pct|percentage\s+points?)\b|pc\b", re.I)
_FOLD_AFTER = re.compile(r"(?:[\s-]?fold|(?<=\d)x)\b(?:\s+(?:increase|hike|jump|rise|raise|boost))?", re.I)
_TIMES_AFTER = re.compile(r"[\s-]times\b", re.I)
_STRONG_AFTER = re.compile(
    r"-(?:strong|member|troop)\s+(?:[\w.]+\s+){0,3}?(?:Forces\s+Korea|USFK(?:\s+(?:contingent|garrison|force))?"
    r"|contingent|forces|force|garrison|troops|presence|(?P<people>workforce|union|staff))\b",
    re.I,
)
_PEOPLE_NOUNS = (
    r"(?:troops|soldiers|service\s?(?:wo)?members|service\s+personnel|servicemen|servicewomen|personnel|GIs|Marines"
    r"|sailors|airmen|forces|employees|workers|staff|staffers|people|(?:South\s+)?Koreans|civilians"
    r"|members|nationals|laborers|labourers)"
)
_TROOP_NOUNS = re.compile(
    r"troops|soldiers|service\s?(?:wo)?members|service\s+personnel|servicem[ae]n|servicewomen|personnel|GIs|Marines"
    r"|sailors|airmen|forces",
    re.I,
)
_MODIFIER = (
    r"(?:(?:American|U\.S\.|US|United\s+States|South\s+Korean|Korean|ROK|national|base|local|civilian|military|USFK"
    r"|locally[\s-](?:hired|employed)|Korean-national|unionized|unionised|remaining|essential|non-essential|other"
    r"|more|additional|KN|[a-z]+-time|[a-z]{3,14}ed)\s+){0,3}"
)
_COUNT_AFTER = re.compile(
    rf"(?:-plus|-odd|\+)?(?:\s+or\s+so)?(?P<mark>[\"”’])?\s+{_MODIFIER}(?P<noun>{_PEOPLE_NOUNS})\b", re.I
)
_SHARE_AFTER = re.compile(r"(?:\s+or\s+so)?(?=\s+of\s+(?:them|its|their|the|our|some|those|these)\b)", re.I)
# a bare amount in billions or trillions stands alone ("expects five billion.", "five billion is")
_BARE_OK = re.compile(
    r"\s*(?:[.,;:!?)\]\"”’—–]|$|(?:is|was|would|will|a|an|per|annually|for|in|to|from|and|or|over|on|of|that"
    r"|which|as|each|every|this|last|next|more|less|worth|by|at|with|plus|the|it|he|she|they|we)\b)",
    re.I,
)
# "met five times", "five times a year": a count of events, not a multiple
_TIMES_EVENTS_AFTER = re.compile(
    r"\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b|\s+(?:since|so\s+far|already|before|in\s+(?:the\s+)?(?:past|last))\b",
    re.I,
)
_TIMES_EVENTS_BEFORE = re.compile(
    r"\b(?:met|meet|meets|meeting|held|visited|called|spoke|talked|voted|tried|shared|retweeted|viewed|watched"
    r"|repeated|postponed|delayed|changed|extended)\s+(?:\w+\s+)?$",
    re.I,
)
_MAX_MULTIPLE = 100  # "shared 12,000 times" counts events, not a multiple of a payment
_QUALS = (
    r"nearly|almost|about|around|roughly|approximately|approx\.|some|over|under|below|above|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|up\s+to|as\s+many\s+as"
    r"|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as|close\s+to|closer\s+to|an\s+estimated|estimated|just\s+over"
    r"|just\s+under|just\s+above|just\s+below|well\s+over|well\s+above|slightly\s+more\s+than|a\s+little\s+over"
    r"|a\s+little\s+more\s+than|upwards\s+of|upward\s+of|in\s+excess\s+of|north\s+of|all"
)
_QUAL_LAST = {  # the word right before a qualified figure ("more than a", "all of the roughly")
    "nearly", "almost", "about", "around", "roughly", "approximately", "approx.", "some", "over", "under", "below",
    "above", "than", "least", "most", "to", "as", "estimated", "of", "all", "a", "an",
}  # fmt: skip
_QUAL_BEFORE = re.compile(
    rf"(?<![\w-])(?P<qual>{_QUALS})\s+(?:(?<=all\s)of\s+(?:the|its|their|our)\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|approximately)\s+)?(?:an?\s+)?$",
    re.I,
)
_LETTER = re.compile(r"[^\W\d_]")
_OR_SO = re.compile(r"\s+or\s+so\b", re.I)
_RANGE = re.compile(r"\s?(?:-|–|—)\s?|\s+(?:to|and|or)\s+", re.I)
_DATE_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$|\b(?:No|Article|round|page)\.?\s+$", re.I
)
# "the won has weakened about 5% against the dollar": a currency's move, not a figure of the talks
_CURRENCY_MOVE = re.compile(r"\s+(?:against|versus|vs\.?)\s+the\s+(?:U\.S\.\s+)?(?:dollar|won|yen|greenback)\b", re.I)
_PHRASAL_UP = re.compile(
    r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|boost\w*|lift\w*)\b(?:\s+\S+){0,4}\s*$", re.I
)
_ANCHOR = re.compile(
    r"\d+|%|percent|per cent|pct|fold|times|dollars?|strong|thousand|million|billion|trillion", re.IGNORECASE
)


@dataclass(slots=True)
class FigureSpan:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None


@dataclass(slots=True)
class _Token:
    """A number read with its currency sign and scale; ``unit`` None until something says what it counts."""

    start: int
    end: int
    raw: str  # the number as written
    number: Decimal
    scale: str | None
    currency: str | None
    unit: str | None = None

    @property
    def digits(self) -> bool:
        return self.raw[:1].isdigit()


def find_figures(body: str, start: int, end: int, limit: int | None = None) -> list[FigureSpan]:
    """The figures of ``body[start:end]`` in order; at most ``limit`` (reading stops there: a
    hostile text of a million amounts costs no more than its first ``limit``)."""
    out: list[FigureSpan] = []
    for a, b in windows_around(_ANCHOR, body, start, end, 60, 80):  # the figure pattern runs near numbers only
        out += _find(body, a, b, None if limit is None else limit - len(out))
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


def _find(body: str, start: int, end: int, limit: int | None) -> list[FigureSpan]:
    rates = exchange_rate_spans(body, start, end)
    out: list[FigureSpan] = []
    prev: _Token | None = None
    for m in _TOKEN.finditer(body, start, end):
        t = _token(body, m, end)
        if t is None:
            continue
        if prev is not None:
            _borrow(body, prev, t, start)
            _emit(body, prev, rates, start, end, out)
            if limit is not None and len(out) >= limit:
                return out
        prev = t
    if prev is not None:
        _emit(body, prev, rates, start, end, out)
    return _with_bare_counts(body, start, end, out)


def _emit(body: str, t: _Token, rates: list[tuple[int, int]], start: int, end: int, out: list[FigureSpan]) -> None:
    """Add ``t`` to ``out`` if it is a figure: it has a unit, lies outside the exchange-rate
    asides, is no currency's move and has a sane value."""
    if t.unit is None or _inside(rates, t.start, t.end):
        return
    if t.unit == "percent" and _CURRENCY_MOVE.match(body, t.end, end):
        return
    value = scaled(t.number, t.scale)
    if not (math.isfinite(value) and 0 <= value < _MAX_VALUE):
        return
    a, qualifier = _qualifier(body, t.start, start)
    if qualifier is None and _OR_SO.match(body, t.start + len(t.raw), t.end):
        qualifier = "or so"
    out.append(FigureSpan(a, t.end, round(value, 4), t.unit, qualifier))


def _inside(rates: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of the sorted, disjoint ``rates`` (a bisection: an
    article of many asides stays linear)."""
    k = bisect_left(rates, (end, -1)) - 1
    return k >= 0 and rates[k][1] > start


def _token(body: str, m: re.Match[str], end: int) -> _Token | None:
    number = number_value(m["num"])
    if number is None or (m["letter"] and not m["pre"]):
        return None
    if m["more"]:  # "1 trillion 38.9 billion won"
        number += (number_value(m["more_n"]) or Decimal(0)) / 1000
    pre = m["pre"].strip().lower()[:1] if m["pre"] else None
    scale = m["scale"] or m["abbr"] or m["letter"]
    t = _Token(m.start(), m.end(), m["num"], number, scale, _PRE_UNIT.get(pre) if pre else None)
    _classify(body, t, end)
    return t


def _classify(body: str, t: _Token, end: int) -> None:
    """Say what ``t`` counts from what follows it (sets ``unit`` and widens ``end``)."""
    e = t.end
    if _LETTER.match(body, e, end) and (t.currency or t.scale):
        return  # "KRW 52.4xyz", "$5bnx": a suffix we cannot read, so no value we can trust
    if t.currency:
        t.unit = t.currency
        suffix = _USD_AFTER.match(body, e, end) if t.currency == "USD" else None
        t.end = suffix.end() if suffix else e
        return
    money_ok = t.digits or t.scale is not None
    for pattern, unit in ((_KRW_AFTER, "KRW"), (_USD_AFTER, "USD")):
        m = pattern.match(body, e, end)
        if m and money_ok and not (t.scale is None and _is_year(t)):
            t.unit, t.end = unit, m.end()
            return
    long_scale = t.scale is not None and scaled(Decimal(1), t.scale) >= 1e9
    if t.scale is None or not long_scale:
        if _classify_plain(body, t, end):
            return
    if long_scale and _BARE_OK.match(body, e, end):
        t.unit = "USD" if scaled(Decimal(1), t.scale) < 1e12 else "KRW"


def _classify_plain(body: str, t: _Token, end: int) -> bool:
    """Percent, multiple, "-strong", or a count of people or troops."""
    e = t.end
    if t.scale is None:
        for pattern, unit in ((_PCT_AFTER, "percent"), (_FOLD_AFTER, "multiple")):
            m = pattern.match(body, e, end)
            if m and (unit == "percent" or t.number <= _MAX_MULTIPLE):
                t.unit, t.end = unit, m.end()
                return True
        m = _TIMES_AFTER.match(body, e, end)
        if m and t.number <= _MAX_MULTIPLE and not _TIMES_EVENTS_AFTER.match(body, m.end(), end):
            if not _TIMES_EVENTS_BEFORE.search(body, max(0, t.start - 40), t.start):
                t.unit, t.end = "multiple", m.end()
                return True
    if not t.digits or _is_year(t) or (t.scale is None and (t.number < 10 or t.number != int(t.number))):
        return False
    m = _STRONG_AFTER.match(body, e, end)
    if m:
        t.unit, t.end = ("people" if m["people"] else "troops"), m.end()
        return True
    m = _COUNT_AFTER.match(body, e, end)
    if m and (t.number >= 100 or m["noun"].lower() != "members"):  # "NATO's 30 members" are states
        t.unit = "troops" if _TROOP_NOUNS.fullmatch(" ".join(m["noun"].split())) else "people"
        t.end = m.start("mark") if m["mark"] else m.end()  # '"about 4,000" employees': the quote's own words
        return True
    m = _SHARE_AFTER.match(body, e, end)
    if m and t.scale is None:
        t.unit, t.end = "people", m.end()
        return True
    return False


def _borrow(body: str, t: _Token, nxt: _Token, start: int) -> None:
    """Money ranges written with one scale: "$1-1.5bn", "$1 to $1.5bn", "W1-1.2tn" (the first
    takes the scale of the second, not one dollar; the second the currency of the first). A
    number with no unit of its own ("10 to 20 percent", "4,500-5,000 workers") stays no figure:
    the range is the figure its unit ends, as labellers mark it once."""
    if not t.currency or not nxt.scale or nxt.currency not in (None, t.currency):
        return
    if nxt.unit not in (None, t.currency) or not _RANGE.fullmatch(body, t.end, nxt.start):
        return
    if _DATE_BEFORE.search(body, max(start, t.start - 12), t.start):
        return
    nxt.unit = t.currency
    if t.scale is None and t.number < 1000:
        t.scale = nxt.scale  # "$1-1.5bn", "$1 to $1.5bn": one billion, not one dollar


def _qualifier(body: str, a: int, start: int) -> tuple[int, str | None]:
    words = body[max(start, a - 24) : a].split()
    last = words[-1].lower().lstrip("\"“‘('") if words else ""
    if a == start or not body[a - 1].isspace() or last not in _QUAL_LAST:
        return a, None  # the cheap test first: most figures have no qualifier
    m = _QUAL_BEFORE.search(body, max(start, a - 48), a)
    if not m:
        return a, None
    qual = " ".join(m["qual"].lower().split())
    if qual == "up to" and _PHRASAL_UP.search(body, max(start, m.start() - 60), m.start()):
        return a, None  # "bring spending up to two percent": a verb particle, not a qualifier
    return m.start(), qual


def _with_bare_counts(body: str, start: int, end: int, found: list[FigureSpan]) -> list[FigureSpan]:
    """Add the counts a noun before names ("troop levels below 28,500"). ``found`` is sorted
    and disjoint; each pattern's matches come in order, so overlaps are found by bisection."""
    extra: list[FigureSpan] = []
    for pattern in (_COUNT_BEFORE, _COUNT_RISES_TO):
        taken = sorted(found + extra, key=lambda f: f.start) if extra else found
        starts = [f.start for f in taken]
        for m in pattern.finditer(body, start, end):
            a, b = m.span("fig")
            k = bisect_left(starts, b) - 1
            if _year_text(m["n"]) or (k >= 0 and taken[k].end > a) or (extra and extra[-1].end > a):
                continue
            qual = m["qual"]
            q = re.sub(r"\s+an?$", "", " ".join(qual.lower().split())) if qual else None
            unit = "troops" if "troop" in m["noun"].lower() else "people"
            extra.append(FigureSpan(a, b, float(m["n"].replace(",", "")), unit, q))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _is_year(t: _Token) -> bool:
    return t.scale is None and _year_text(t.raw)


def _year_text(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


_QUAL_GROUP = rf"(?P<qual>(?:{_QUALS})\s+(?:an?\s+)?)?"
_BARE_N = r"(?P<n>\d{1,3}(?:,\d{3}){1,4}|\d{3,9})(?![\d,.]?\d)\b(?!\s*%)"
# a bare number a noun before says is a count: "troop levels below 28,500", "a workforce of about 8,600"
_COUNT_BEFORE = re.compile(
    rf"\b(?P<noun>troop\s+levels?|troop\s+ceiling|troops|workforce|staff|employees|workers)\s+"
    rf"(?:of|below|above|under|at|to|from)\s+(?P<fig>{_QUAL_GROUP}{_BARE_N})",
    re.IGNORECASE,
)
# "the number of confirmed cases rose to more than 2,000"
_COUNT_RISES_TO = re.compile(
    rf"\b(?:number|count|tally|total)\s+of\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<noun>cases|infections|patients|troops|soldiers|workers|employees|people)\s+(?:[\w-]+\s+)?"
    rf"(?:rose|climbed|jumped|grew|increased|reached|hit|topped|stood|fell|dropped)\s+(?:to\s+|at\s+)?"
    rf"(?P<fig>{_QUAL_GROUP}{_BARE_N})",
    re.IGNORECASE,
)
