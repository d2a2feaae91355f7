"""Dates: absolute dates in metadata, relative dates ("on Thursday", "last week",
"mid-December", "In June last year") resolved against a reference day."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
MONTH_RE = _MONTH

_RELATIVE = re.compile(
    rf"""\b(?:
      (?P<wd>(?:on\ |last\ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?!\s*,?\s*{_MONTH})
    | (?P<md>(?:on\ )?(?P<md_month>{_MONTH})\.?\ (?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?
        (?:,?\ (?P<md_year>\d{{4}}))?(?!\d))
    | (?P<mid>(?:in\ )?(?P<mid_pos>mid|early|late)-?\ ?(?P<mid_month>{_MONTH})(?:\ (?P<mid_year>\d{{4}}|last\ year))?)
    | (?P<month>[Ii]n\ (?P<month_name>{_MONTH})(?:\ (?P<month_year>\d{{4}}|last\ year|this\ year))?)(?!\ \d)
    | (?P<lastweek>last\ week|earlier\ this\ week|this\ week)
    | (?P<lastmonth>last\ month)
    | (?P<yesterday>yesterday)
    | (?P<today>today|earlier\ today|this\ morning|this\ afternoon)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def find_relative(text: str, ref: date) -> tuple[date, tuple[int, int]] | None:
    """The first resolvable date expression in ``text`` and its span (in ``text``)."""
    for m in _RELATIVE.finditer(text):
        day = resolve(m, ref)
        if day is not None:
            return day, m.span()
    return None


def resolve(m: re.Match[str], ref: date) -> date | None:
    try:
        if m.group("wd"):
            wd = WEEKDAYS.index(m.group("wd").split()[-1].lower())
            back = (ref.weekday() - wd) % 7
            if m.group("wd").lower().startswith("last") and back == 0:
                back = 7
            return ref - timedelta(days=back)
        if m.group("md"):
            month = month_number(m.group("md_month"))
            if month is None:
                return None
            year = int(m.group("md_year")) if m.group("md_year") else _year_for(month, ref)
            return date(year, month, int(m.group("md_day")))
        if m.group("mid"):
            month = month_number(m.group("mid_month"))
            if month is None:
                return None
            year = _year_from(m.group("mid_year"), month, ref)
            day = {"early": 5, "mid": 15, "late": 25}[m.group("mid_pos").lower()]
            return date(year, month, day)
        if m.group("month"):
            month = month_number(m.group("month_name"))
            if month is None:
                return None
            return date(_year_from(m.group("month_year"), month, ref), month, 15)
        if m.group("lastweek"):
            if m.group("lastweek").lower() == "last week":  # the Wednesday of the previous week
                return ref - timedelta(days=ref.weekday() + 5)
            return ref
        if m.group("lastmonth"):
            first = ref.replace(day=1) - timedelta(days=1)
            return first.replace(day=15)
        if m.group("yesterday"):
            return ref - timedelta(days=1)
        if m.group("today"):
            return ref
    except ValueError:  # "February 30"
        return None
    return None


def _year_from(text: str | None, month: int, ref: date) -> int:
    if not text:
        return _year_for(month, ref)
    low = text.lower()
    if low == "last year":
        return ref.year - 1
    if low == "this year":
        return ref.year
    return int(text)


def _year_for(month: int, ref: date) -> int:
    """A month named without a year: this year's, unless that lies well after ``ref``."""
    return ref.year - 1 if month > ref.month + 2 else ref.year


def parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
