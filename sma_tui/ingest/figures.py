"""Figures: money (USD, KRW), percentages, multiples and counts, with their qualifier,
and the measure the sentence says they are."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half": 0.5, "double": 2, "triple": 3,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12}

_QUAL = (
    r"(?P<qual>(?:nearly|almost|about|around|roughly|approximately|some|over|under|more\ than|less\ than"
    r"|fewer\ than|at\ least|at\ most|up\ to|as\ many\ as|as\ much\ as|as\ few\ as|as\ little\ as|close\ to"
    r"|an\ estimated|just\ over|just\ under|well\ over|upwards\ of|all)\s+(?:an?\s+)?)?"
)
# bounded digit runs, never followed by more digits: a 400-digit number is no figure
_NUM = r"(?:\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?![\d,.]?\d)"
_WORDNUM = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|bln|bn)\b)?"
_PEOPLE_NOUNS = (
    r"(?:troops|soldiers|service\s?members|servicemen|personnel|employees|workers|staff|staffers|people|Koreans"
    r"|South\ Koreans|civilians|members|nationals|laborers|labourers)"
)
_TROOP_NOUNS = {"troops", "soldiers", "servicemembers", "service members", "servicemen", "personnel"}
_MODIFIER = (
    r"(?:(?:American|U\.S\.|US|South\ Korean|Korean|national|base|local|civilian|military|USFK|full-time"
    r"|[a-z]+-time)\s+){0,3}"
)
_INCREASE = r"(?:\s+(?:increase|hike|jump|rise|raise))?"
# every figure holds a digit or one of these words ("two percent", "five-fold", "five billion dollars")
_ANCHOR = re.compile(r"\d+|%|percent|per cent|pct|fold|times|dollars|strong", re.IGNORECASE)
_REACH = 400  # how far around a figure its sentence is read for its measure
_MAX_VALUE = 1e16  # more than any budget in these talks: a typo or an attack, not a figure

FIGURE_RE = re.compile(
    rf"""(?<![\w$.,]){_QUAL}(?:
      (?P<usd>(?:US\$|U\.S\.\s?\$|\$|USD\s?)\s?(?P<usd_n>{_NUM}){_SCALE})
    | (?P<krw>(?:(?P<krw_n>{_NUM})\s?(?P<krw_scale>thousand|million|billion|trillion)?\s?won\b
        | (?:W|₩|KRW\s?)(?P<w_n>{_NUM})(?:\s?(?P<w_scale>thousand|million|billion|trillion)\b)?))
    | (?P<dollars>(?P<dollars_n>{_NUM}|{_WORDNUM})\s?(?P<dollars_scale>thousand|million|billion|trillion)?
        \s+(?:U\.S\.\s+|US\s+|American\s+)?dollars\b)
    | (?P<pct>(?P<pct_n>{_NUM}|{_WORDNUM})(?:\s?(?:percent|per\ cent|pct)\b|\s?%))
    | (?P<fold>(?P<fold_n>{_NUM}|{_WORDNUM})(?:-|\s)?fold{_INCREASE}\b)
    | (?P<times>(?P<times_n>{_NUM}|{_WORDNUM})\s+times\b)
    | (?P<strong>(?P<strong_n>{_NUM})-strong\s+(?:[\w.]+\s+){{0,3}}?
        (?:Forces\s+Korea|contingent|forces|force|garrison|troops)\b)
    | (?P<count>(?P<count_n>\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{2,9}})(?!\d)\s+{_MODIFIER}(?P<noun>{_PEOPLE_NOUNS})\b)
    | (?P<share>(?P<share_n>\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{2,9}})(?!\d)(?:\s+or\s+so)?
        (?=\s+of\s+(?:them|its|their|the|our|some)\b))
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# a bare number a noun before says is a count: "troop levels below 28,500", "a workforce of about 8,600"
_COUNT_AFTER = re.compile(
    rf"\b(?P<noun>troop\s+levels?|troop\s+ceiling|troops|workforce|staff|employees|workers)\s+"
    rf"(?:of|below|above|under|at|to|from)\s+(?P<fig>{_QUAL}(?P<n>\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{3,9}})(?!\d))\b(?!\s*%)",
    re.IGNORECASE,
)
# "(US$1 = W1,190)", "($1 = 1,116.30 won)": an exchange rate, not a figure
_RATE = re.compile(
    r"\(\s*(?:(?:US\s?\$|U\.S\.\s?\$|\$)\s?1|1\s+(?:U\.S\.\s+|US\s+|American\s+)?dollars?)\s*=\s*[^()]{1,30}\)", re.I
)
# "the won has weakened about 5% against the dollar": a currency's move, not a figure of the talks
_CURRENCY_MOVE = re.compile(r"\s+(?:against|versus|vs\.?)\s+the\s+(?:U\.S\.\s+)?(?:dollar|won|yen|greenback)\b", re.I)
_PHRASAL_UP = re.compile(
    r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|boost\w*|lift\w*)\b(?:\s+\S+){0,4}\s*$", re.I
)


@dataclass(slots=True)
class FigureSpan:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None


def _number(text: str, scale: str | None = None) -> float:
    low = text.lower()
    factor = Decimal(str(SCALES.get((scale or "").lower(), 1)))
    if low in NUMBER_WORDS:
        return float(Decimal(str(NUMBER_WORDS[low])) * factor)
    return float(Decimal(text.replace(",", "")) * factor)


def _windows(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``body[start:end]`` around numbers (the figure pattern runs there
    only: a long text with few numbers costs little)."""
    out: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(body, start, end):
        a, b = max(start, m.start() - 60), min(end, m.end() + 80)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find_figures(body: str, start: int, end: int) -> list[FigureSpan]:
    return [f for a, b in _windows(body, start, end) for f in _find(body, a, b)]


def _find(body: str, start: int, end: int) -> list[FigureSpan]:
    rates = [(m.start(), m.end()) for m in _RATE.finditer(body, start, end)]
    out = []
    for m in FIGURE_RE.finditer(body, start, end):
        if any(a <= m.start() < b for a, b in rates) or m.group("pct") and _CURRENCY_MOVE.match(body, m.end()):
            continue
        a, qualifier = _qualifier(body, m, start)
        got = _value(m)
        if got is None:
            continue
        value, unit = got
        if math.isfinite(value) and 0 <= value < _MAX_VALUE:
            out.append(FigureSpan(a, m.end(), round(value, 4), unit, qualifier))
    return _with_bare_counts(body, start, end, out)


def _qualifier(body: str, m: re.Match[str], start: int) -> tuple[int, str | None]:
    qual, a = m.group("qual"), m.start()
    if not qual:
        return a, None
    q = re.sub(r"\s+an?$", "", " ".join(qual.lower().split()))
    if q == "up to" and _PHRASAL_UP.search(body, max(start, a - 60), a):
        return a + len(qual), None  # "bring spending up to two percent": a verb particle, not a qualifier
    return a, q


def _value(m: re.Match[str]) -> tuple[float, str] | None:
    g = m.groupdict()
    if g["usd"]:
        return _number(g["usd_n"], g["scale"]), "USD"
    if g["krw"]:
        if g["w_n"]:
            return _number(g["w_n"], g["w_scale"]), "KRW"
        return _number(g["krw_n"], g["krw_scale"]), "KRW"
    if g["dollars"]:
        return _number(g["dollars_n"], g["dollars_scale"]), "USD"
    if g["pct"]:
        return _number(g["pct_n"]), "percent"
    if g["fold"] or g["times"]:
        return _number(g["fold_n"] or g["times_n"]), "multiple"
    if g["strong"]:
        return _number(g["strong_n"]), "troops"
    if g["share"]:
        return None if _is_year(g["share_n"]) else (_number(g["share_n"]), "people")
    noun = " ".join(g["noun"].lower().split())
    if _is_year(g["count_n"]):
        return None
    return _number(g["count_n"]), ("troops" if noun in _TROOP_NOUNS else "people")


def _with_bare_counts(body: str, start: int, end: int, found: list[FigureSpan]) -> list[FigureSpan]:
    taken = [(f.start, f.end) for f in found]
    extra = []
    for m in _COUNT_AFTER.finditer(body, start, end):
        a, b = m.span("fig")
        if _is_year(m.group("n")) or any(x < b and a < y for x, y in taken):
            continue
        qual = m.group("qual")
        q = " ".join(qual.lower().split()) if qual else None
        unit = "troops" if "troop" in m.group("noun").lower() else "people"
        extra.append(FigureSpan(a, b, _number(m.group("n")), unit, q))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _is_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


# ------------------------------------------------------------------- measures
_DEMAND = re.compile(
    r"\b(?:demand\w*|ask(?:ed|s|ing)?|request\w*|press(?:ed|es|ing)|want\w*|sought|seek\w*|call(?:ed|s)? for"
    r"|insist\w*)\b",
    re.I,
)
_PAYMENT = re.compile(
    r"\b(?:paid|pays|agreed to pay|required to pay|current(?:ly)?|previous|last year's|this year's|up from|bill|2019|"
    r"10th SMA|under the (?:previous|current|old|expired))\b",
    re.I,
)
_PAYMENT_AFTER = re.compile(r"^\)?[^.;]{0,25}?\b(?:in 2019|last year|it (?:agreed to )?pa(?:y|id)|this year)\b", re.I)
_OFFER = re.compile(r"\b(?:offer\w*|propos\w*)\b", re.I)
_LEAVE = re.compile(r"\b(?:unpaid leave|furlough\w*|without pay)\b", re.I)
_NATO = re.compile(r"\bNATO\b|\btarget\b")
_CLAUSE_START = re.compile(r"[,;:(]\s*(?=[^,;:(]*$)")


def measure_for(
    body: str, fig: FigureSpan, sent_start: int, sent_end: int, prev: tuple[FigureSpan, str | None] | None
) -> str | None:
    """The measure the sentence says a figure states, or None (the sentence is read within
    ``_REACH`` characters of the figure: bounded work per figure)."""
    sent_start, sent_end = max(sent_start, fig.start - _REACH), min(sent_end, fig.end + _REACH)
    sentence = body[sent_start:sent_end]
    before = body[sent_start : fig.start]
    after = body[fig.end : sent_end]
    if prev is not None and body[prev[0].end : fig.start].strip() == "(" and fig.unit in ("USD", "KRW"):
        return prev[1]  # "1.0389 trillion won ($853 million)": the conversion of the figure before
    if fig.unit == "troops":
        return "usfk-troops"
    if fig.unit == "people":
        return "workers-on-leave" if _LEAVE.search(sentence) else None
    if fig.unit == "multiple":
        return "us-demand-increase" if _DEMAND.search(sentence) else None
    if fig.unit == "percent":
        clause = _clause(before) + body[fig.end : fig.end + 20]
        if _NATO.search(clause) or re.match(r"\s*(?:target|of GDP target)", after):
            return "nato-target"
        if _OFFER.search(sentence) and re.search(r"\b(?:Seoul|South Korea\w*|Korean)\b", sentence):
            return "seoul-offer"
        if _DEMAND.search(before) and re.search(r"\bincrease|\braise", sentence):
            return "us-demand-increase"
        return None
    # money: the nearest cue before the figure decides; a demand anywhere before it wins
    # over a bare "pay", and a payment cue right after it ("it agreed to pay in 2019") counts
    clause = _clause(before)
    pay = list(_PAYMENT.finditer(clause))
    dem = list(_DEMAND.finditer(before))
    if pay and (not dem or pay[-1].start() + len(before) - len(clause) > dem[-1].start()):
        return "seoul-payment-2019"
    if _PAYMENT_AFTER.search(after):
        return "seoul-payment-2019"
    if dem:
        return "us-demand"
    return None


def _clause(before: str) -> str:
    m = _CLAUSE_START.search(before)
    return before[m.end() :] if m else before
