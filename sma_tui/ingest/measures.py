"""The measure a figure states ("us-demand", "seoul-payment-2019", "workers-on-leave", …),
read from the words of its sentence around it."""

from __future__ import annotations

import re

from .figures import FigureSpan

_REACH = 400  # how far around a figure its sentence is read for its measure
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
